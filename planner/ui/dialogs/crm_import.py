"""Taking a CRM export in, in the window: what Tandem took the file for, the
time zone its times are in, the first rows as they will be read, the lines
that cannot be, and, for deals, what each stage nobody mapped means. The
same flow as `tandem import-crm` (`imports.crm_flow`)."""

from dataclasses import replace
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QListWidget, QTableWidget,
    QTableWidgetItem, QVBoxLayout, QWidget)

from planner.errors import PlanError
from planner.imports.crm import (
    PRESETS, Export, Kind, Mapping, find_formats, read, stages_of, unknown_stages, valid_zone)
from planner.imports.crm_flow import NAMES, mapping_for, prepare_mapped
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


class CrmImportDialog(QDialog):
    def __init__(self, parent: QWidget | None, export: Export, mapping: Mapping) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Take in {file}").format(file=export.path.name))
        self.resize(940, 640)
        self.export, self.base = export, mapping
        title = next((p.title for p in PRESETS if p.name == mapping.source
                      and p.kind is mapping.kind), mapping.source)
        self.kind_label = _plain(tr("Read as: {what}").format(what=title), objectName="crmKind")
        self.zone = QComboBox(objectName="crmZone", editable=True)
        self.zone.addItems(list(ZONES))
        self.zone.setCurrentText(mapping.zone)
        self.zone.currentTextChanged.connect(self.check)
        form = QFormLayout()
        form.addRow(tr("Times without a zone are in"), self.zone)
        self.stage_combos: dict[str, QComboBox] = {}
        if mapping.kind is Kind.DEAL:
            for stage in unknown_stages(stages_of(export, mapping), mapping)[:30]:
                combo = QComboBox(objectName="crmStage")
                combo.addItem(tr("(not taken in)"), None)
                for outcome, words in ((Outcome.OPEN, tr("open")), (Outcome.WON, tr("won")),
                                       (Outcome.LOST, tr("lost"))):
                    combo.addItem(words, outcome)
                combo.currentIndexChanged.connect(self.check)
                self.stage_combos[stage] = combo
                form.addRow(_plain(tr("The stage \u201c{stage}\u201d is").format(
                    stage=stage[:60])), combo)
        self.preview = QTableWidget(objectName="crmPreview")
        self.preview.setAccessibleName(tr("The first rows as they will be read"))
        self.preview.verticalHeader().setVisible(False)  # the file's own line is a column
        self.preview.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.summary = _plain("", objectName="crmSummary", wordWrap=True)
        self.problems = QListWidget(objectName="crmProblems")
        self.problems.setAccessibleName(tr("Lines that cannot be read"))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.take_button = self.buttons.addButton(tr("Take in"),
                                                  QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.kind_label)
        layout.addLayout(form)
        layout.addWidget(QLabel(tr("The first rows, as they will be read:")))
        layout.addWidget(self.preview, 3)
        layout.addWidget(self.summary)
        layout.addWidget(self.problems, 1)
        layout.addWidget(self.buttons)
        self.check()

    def mapping(self) -> Mapping | None:
        zone = self.zone.currentText().strip()
        if not valid_zone(zone):
            return None
        stages = dict(self.base.stages)
        for stage, combo in self.stage_combos.items():
            if combo.currentData() is not None:
                stages[stage.casefold()] = combo.currentData()
        return find_formats(self.export, replace(self.base, zone=zone, stages=stages))

    def check(self) -> None:
        mapping = self.mapping()
        self.problems.clear()
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
        if self.base.kind is Kind.LEAD:
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
        mapping = _mapping(parent, export)
    except PlanError as exc:
        dialogs.warn(parent, tr("Cannot take in the export"), str(exc))
        return False
    if mapping is None:
        return False
    dialog: Any = CrmImportDialog(parent, export, mapping)
    if not dialogs.exec_dialog(dialog):
        return False
    chosen = dialog.mapping()
    try:
        made = prepare_mapped(export, chosen)
        change, _ = crm_ops.take_in_export(session.store.acting, made, path.name)
    except PlanError as exc:
        dialogs.warn(parent, tr("Cannot take in the export"), str(exc))
        return False
    return session.do(change)


def _mapping(parent: QWidget, export: Export) -> Mapping | None:
    """The preset the header matches, else a mapping file the person chooses."""
    for source in NAMES:
        try:
            return mapping_for(export, source, None)
        except PlanError:
            continue
    chosen = dialogs.ask_open_file(
        parent, tr("{file} is not a Salesforce or HubSpot export: choose its mapping").format(
            file=export.path.name), tr("Mappings (*.json)"))
    return None if chosen is None else mapping_for(export, str(chosen), None)
