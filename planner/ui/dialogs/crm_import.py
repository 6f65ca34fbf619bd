"""Taking a CRM export in, in the window: what Tandem took the file for and
which column is which (changeable: a custom CSV is mapped here, and the plan
keeps the mapping for the next export like it), the time zone its times are
in, the first rows as they will be read, the lines that cannot be, and, for
deals, what each stage nobody mapped means. The same flow as `tandem
import-crm` (`imports.crm_flow.choose_mapping`, `prepare_mapped`)."""

from dataclasses import replace
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QListWidget, QScrollArea,
    QSplitter, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)

from planner.errors import PlanError
from planner.imports.crm import (
    DEAL_FIELDS, LEAD_FIELDS, PRESETS, REQUIRED, Export, Kind, Mapping, MappingError,
    find_formats, read, stages_of, unknown_stages, valid_zone)
from planner.imports.crm_flow import choose_mapping, guess_mapping, prepare_mapped
from planner.model.crm import DealRow, LeadRow, Outcome
from planner.operations import crm as crm_ops
from planner.ui.i18n import tr
from planner.ui.shell.lazy import dialogs
from planner.ui.shell.session import PlanSession

PREVIEW_ROWS = 20
ZONES = ("UTC", "Europe/London", "Europe/Berlin", "Europe/Paris", "America/New_York",
         "America/Chicago", "America/Denver", "America/Los_Angeles", "Asia/Singapore",
         "Asia/Tokyo", "Australia/Sydney")
FILTER = "CRM exports (*.csv *.txt *.xlsx)"


def _plain(text: str, **options: Any) -> QLabel:
    """A label that shows its text as written: names and values from the
    file (a stage, a region, a typed zone) are never read as markup."""
    label = QLabel(text, **options)
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


def _when(moment: Any) -> str:
    return moment.strftime("%Y-%m-%d %H:%M") if moment else ""


# What each field is called where its column is chosen.
FIELD_WORDS = {
    "crm_id": "CRM id", "mql_at": "Marketing-qualified (MQL)", "followed_up_at":
    "First sales touch", "owner": "Owner", "source": "Source", "campaign": "Campaign",
    "region": "Region", "status": "Status", "recycled_at": "Sent back (recycled)",
    "recycle_reason": "Reason sent back", "sql_at": "Sales-qualified", "opportunity_at":
    "Became an opportunity", "customer_at": "Became a customer", "created_at": "Created",
    "stage": "Stage", "amount": "Amount", "closed_on": "Closed", "lead_id":
    "Lead or contact id"}


def _guessed_outcome(stage: str) -> Outcome | None:
    words = stage.casefold()
    if "lost" in words:
        return Outcome.LOST
    if "won" in words:
        return Outcome.WON
    return None


class CrmImportDialog(QDialog):
    """The mapping step: which column is which (a CRM's own preset, the
    plan's kept mapping, or a guess by the columns' names, each changeable),
    the time zone, what each deal stage means, and the first rows as they
    will be read with the lines that cannot be, all kept true as any choice
    changes."""

    def __init__(self, parent: QWidget | None, export: Export, mapping: Mapping) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Take in {file}").format(file=export.path.name))
        self.resize(1120, 660)
        self.export, self.base = export, mapping
        self.kind_label = _plain("", objectName="crmKind")
        self.kind = QComboBox(objectName="crmKindChoice")
        self.kind.addItem(tr("Leads or contacts"), Kind.LEAD)
        self.kind.addItem(tr("Deals or opportunities"), Kind.DEAL)
        self.kind.setCurrentIndex(self.kind.findData(mapping.kind))
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.zone = QComboBox(objectName="crmZone", editable=True)
        self.zone.addItems(list(ZONES))
        self.zone.setCurrentText(mapping.zone)
        self.zone.currentTextChanged.connect(self.check)
        self.columns_box = QWidget(objectName="crmColumns")
        self.columns_form = QFormLayout(self.columns_box)
        self.column_combos: dict[str, QComboBox] = {}
        self.stages_box = QWidget(objectName="crmStages")
        self.stages_form = QFormLayout(self.stages_box)
        self.stage_combos: dict[str, QComboBox] = {}
        choices = QWidget()
        left = QVBoxLayout(choices)
        top = QFormLayout()
        top.addRow(tr("The file holds"), self.kind)
        top.addRow(tr("Times without a zone are in"), self.zone)
        left.addLayout(top)
        left.addWidget(_plain(tr("Which column is which (* needed):")))
        left.addWidget(self.columns_box)
        left.addWidget(self.stages_box)
        left.addStretch()
        scroll = QScrollArea(objectName="crmChoices")
        scroll.setAccessibleName(tr("Which column is which"))
        scroll.setWidgetResizable(True)
        scroll.setWidget(choices)
        self.preview = QTableWidget(objectName="crmPreview")
        self.preview.setAccessibleName(tr("The first rows as they will be read"))
        self.preview.verticalHeader().setVisible(False)  # the file's own line is a column
        self.preview.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.summary = _plain("", objectName="crmSummary", wordWrap=True)
        self.problems = QListWidget(objectName="crmProblems")
        self.problems.setAccessibleName(tr("Lines that cannot be read"))
        right = QWidget()
        shown = QVBoxLayout(right)
        shown.setContentsMargins(0, 0, 0, 0)
        shown.addWidget(QLabel(tr("The first rows, as they will be read:")))
        shown.addWidget(self.preview, 3)
        shown.addWidget(self.summary)
        shown.addWidget(self.problems, 1)
        split = QSplitter(objectName="crmSplit")
        split.addWidget(scroll)
        split.addWidget(right)
        split.setSizes([400, 720])
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.take_button = self.buttons.addButton(tr("Take in"),
                                                  QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.kind_label)
        layout.addWidget(split, 1)
        layout.addWidget(self.buttons)
        self._columns(mapping)
        self.check()

    def _columns(self, mapping: Mapping) -> None:
        """A choice of column for each field of the mapping's kind."""
        while self.columns_form.rowCount():
            self.columns_form.removeRow(0)
        self.column_combos = {}
        fields = LEAD_FIELDS if mapping.kind is Kind.LEAD else DEAL_FIELDS
        for name in fields:
            combo = QComboBox(objectName=f"crmColumn_{name}")
            combo.addItem(tr("(none)"), None)
            for n, head in enumerate(self.export.header):
                combo.addItem(head[:60] or tr("(column {n}, no name)").format(n=n + 1), n)
            combo.setCurrentIndex(max(0, combo.findData(mapping.columns.get(name))))
            combo.currentIndexChanged.connect(self._column_changed)
            words = tr(FIELD_WORDS[name]) + (" *" if name in REQUIRED[mapping.kind] else "")
            combo.setAccessibleName(words)
            self.column_combos[name] = combo
            self.columns_form.addRow(_plain(words), combo)
        self._stages()

    def _stages(self) -> None:
        """For deals, what each stage the mapping does not know means."""
        while self.stages_form.rowCount():
            self.stages_form.removeRow(0)
        self.stage_combos = {}
        mapping = self._chosen()
        self.stages_box.setVisible(mapping.kind is Kind.DEAL)
        if mapping.kind is not Kind.DEAL or "stage" not in mapping.columns:
            return
        for stage in unknown_stages(stages_of(self.export, mapping), mapping)[:30]:
            combo = QComboBox(objectName="crmStage")
            combo.addItem(tr("(not taken in)"), None)
            for outcome, words in ((Outcome.OPEN, tr("open")), (Outcome.WON, tr("won")),
                                   (Outcome.LOST, tr("lost"))):
                combo.addItem(words, outcome)
            if mapping.source == "custom":  # a guess to check; a preset's stages are its own
                combo.setCurrentIndex(combo.findData(_guessed_outcome(stage) or Outcome.OPEN))
            combo.currentIndexChanged.connect(self.check)
            self.stage_combos[stage] = combo
            self.stages_form.addRow(_plain(tr("The stage \u201c{stage}\u201d is").format(
                stage=stage[:60])), combo)

    def _kind_changed(self) -> None:
        kind = self.kind.currentData()
        self._columns(self.base if kind is self.base.kind else guess_mapping(self.export, kind))
        self.check()

    def _column_changed(self) -> None:
        if self.sender() is self.column_combos.get("stage"):
            self._stages()
        self.check()

    def _chosen(self) -> Mapping:
        """The columns as chosen (the preset's name kept while they are its own)."""
        kind = self.kind.currentData()
        columns = {name: combo.currentData() for name, combo in self.column_combos.items()
                   if combo.currentData() is not None}
        # The same CRM with a column corrected stays that CRM (its ids match
        # its earlier exports'); another kind is the person's own columns.
        base = self.base if kind is self.base.kind else Mapping(kind, columns, "custom")
        return replace(base, columns=columns)

    def mapping(self) -> Mapping | None:
        zone = self.zone.currentText().strip()
        chosen = self._chosen()
        if not valid_zone(zone) or any(f not in chosen.columns for f in REQUIRED[chosen.kind]):
            return None
        stages = dict(chosen.stages)
        for stage, combo in self.stage_combos.items():
            if combo.currentData() is not None:
                stages[stage.casefold()] = combo.currentData()
        return find_formats(self.export, replace(chosen, zone=zone, stages=stages))

    def check(self) -> None:
        chosen = self._chosen()
        title = next((p.title for p in PRESETS if p.name == chosen.source
                      and p.kind is chosen.kind), None)
        changed = chosen.kind is self.base.kind and chosen.columns != self.base.columns
        self.kind_label.setText(
            (tr("Read as: {what}, with the columns you chose") if changed else
             tr("Read as: {what}")).format(what=title) if title else tr(
                "Read as: your own columns (the plan keeps them for the next export like it)"))
        mapping = self.mapping()
        self.problems.clear()
        missing = [f for f in REQUIRED[chosen.kind] if f not in chosen.columns]
        if missing:
            self.summary.setText(tr("Choose the column for {field}: every row needs it.").format(
                field=tr(FIELD_WORDS[missing[0]])))
            self.take_button.setEnabled(False)
            self.problems.setVisible(False)
            self._fill([])
            return
        if mapping is None:
            self.summary.setText(tr("\u201c{zone}\u201d is not a time zone (say, for example, "
                                    "Europe/Berlin or UTC).").format(
                zone=self.zone.currentText()[:40]))
            self.take_button.setEnabled(False)
            return
        try:
            first = read(self.export, mapping, limit=PREVIEW_ROWS)
        except PlanError as exc:
            self.summary.setText(str(exc))
            self.take_button.setEnabled(False)
            return
        self._fill(first.rows)
        self.problems.addItems([p.sentence() for p in first.problems])
        self.problems.setVisible(bool(first.problems))
        self.summary.setText(tr(
            "{read} of the first {lines} rows can be read; the whole file is read when you "
            "press Take in, and any other line that cannot be read is named then. Nothing "
            "is sent anywhere.").format(read=len(first.rows), lines=first.lines))
        self.take_button.setEnabled(bool(first.rows) or first.lines == 0)

    def _fill(self, rows: list[LeadRow | DealRow]) -> None:
        if self.kind.currentData() is Kind.LEAD:
            heads = [tr("Line"), tr("Id"), tr("Qualified"), tr("Followed up"), tr("Owner"),
                     tr("Source"), tr("Region")]
            cells = [[str(r.line), r.crm_id, _when(r.mql_at), _when(r.followed_up_at), r.owner,
                      r.source, r.region] for r in rows if isinstance(r, LeadRow)]
        else:
            heads = [tr("Line"), tr("Id"), tr("Stage"), tr("Amount"), tr("Created"),
                     tr("Closed"), tr("Owner"), tr("Source")]
            cells = [[str(r.line), r.crm_id, r.stage,
                      "" if r.amount is None else f"{r.amount:,.2f}", _when(r.created_at),
                      r.closed_on.isoformat() if r.closed_on else "", r.owner, r.source]
                     for r in rows if isinstance(r, DealRow)]
        self.preview.clear()
        self.preview.setColumnCount(len(heads))
        self.preview.setHorizontalHeaderLabels(heads)
        self.preview.setRowCount(len(cells))
        for r, values in enumerate(cells):
            for c, value in enumerate(values):
                self.preview.setItem(r, c, QTableWidgetItem(value))
        self.preview.resizeColumnsToContents()


def run_crm_import(parent: QWidget, session: PlanSession, path: Path | None = None) -> bool:
    """File › Take in a CRM export…: choose the file, check what it is read as,
    take it in as one change (undo takes it out)."""
    path = path or dialogs.ask_open_file(parent, tr("Take in a CRM export"), tr(FILTER))
    if path is None:
        return False
    try:
        export = Export(path)
        mapping = _mapping(session, export)
    except PlanError as exc:
        dialogs.warn(parent, tr("Cannot take in the export"), str(exc))
        return False
    dialog: Any = CrmImportDialog(parent, export, mapping)
    if not dialogs.exec_dialog(dialog):
        return False
    chosen = dialog.mapping()
    if chosen is None:
        return False
    try:
        made = prepare_mapped(export, chosen)
        change, _ = crm_ops.take_in_export(session.store.acting, made, path.name)
    except PlanError as exc:
        dialogs.warn(parent, tr("Cannot take in the export"), str(exc))
        return False
    return session.do(change)


def _mapping(session: PlanSession, export: Export) -> Mapping:
    """The CRM the header is, else the mapping the plan kept for an export
    like it, else a guess by the columns' names for the person to check."""
    from planner.model import CrmImport

    saved = [i.mapping for i in session.store.rows(CrmImport)]
    try:
        return choose_mapping(export, saved)
    except MappingError:
        return guess_mapping(export)
