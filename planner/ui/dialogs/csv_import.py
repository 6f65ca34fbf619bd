"""Importing actuals from a CSV file: preview, column mapping, per-row errors, confirm."""

from pathlib import Path
from typing import Any

from PySide6.QtWidgets import (
    QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QListWidget, QTableWidget,
    QTableWidgetItem, QVBoxLayout, QWidget)

from planner.imports.actuals import CsvTable, Mapping, Parsed, guess_mapping, parse_actuals, \
    read_table
from planner.model import Metric
from planner.model.enums import Cadence
from planner.operations.metrics import record_actuals
from planner.rules.metrics import plan_periods
from planner.ui.i18n import tr
from planner.ui.shell.lazy import dialogs
from planner.ui.shell.session import PlanSession
from planner.i18n import number

PREVIEW_ROWS = 12


class CsvImportDialog(QDialog):
    def __init__(self, parent: QWidget | None, session: PlanSession, path: Path,
                 table: CsvTable) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Import actuals from {file}").format(file=path.name))
        self.resize(860, 620)
        self.session, self.table = session, table
        plan = session.store.plan()
        self.metric_ids = {m.name: m.id for m in session.store.rows(Metric)}
        self.periods = plan_periods(plan, Cadence.MONTHLY) + plan_periods(plan, Cadence.QUARTERLY)
        self.parsed = Parsed()
        self.preview = QTableWidget(objectName="csvPreview")
        self.preview.setColumnCount(len(table.header))
        self.preview.setHorizontalHeaderLabels(table.header)
        shown = table.rows[:PREVIEW_ROWS]
        self.preview.setRowCount(len(shown))
        for r, (_, cells) in enumerate(shown):
            for c, cell in enumerate(cells[:len(table.header)]):
                self.preview.setItem(r, c, QTableWidgetItem(cell))
        self.combos: dict[str, QComboBox] = {}
        form = QFormLayout()
        guess = guess_mapping(table.header)
        for role, text in (("metric", tr("Metric names are in")),
                           ("period", tr("Periods are in")),
                           ("actual", tr("Actuals are in")), ("note", tr("Notes are in"))):
            combo = QComboBox(objectName=f"map_{role}")
            if role == "note":
                combo.addItem(tr("(no notes)"), None)
            for n, name in enumerate(table.header):
                combo.addItem(name or tr("column {number}").format(number=n + 1), n)
            chosen = getattr(guess, role) if guess else None
            combo.setCurrentIndex(max(0, combo.findData(chosen)))
            combo.currentIndexChanged.connect(self.check)
            self.combos[role] = combo
            form.addRow(text, combo)
        self.summary = QLabel(objectName="csvSummary", wordWrap=True)
        self.errors = QListWidget(objectName="csvErrors")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.import_button = self.buttons.addButton(tr("Import"),
                                                    QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(tr("{rows} rows; the first {shown}:").format(
            rows=number(len(table.rows)), shown=len(shown))))
        layout.addWidget(self.preview)
        layout.addLayout(form)
        layout.addWidget(self.summary)
        layout.addWidget(self.errors)
        layout.addWidget(self.buttons)
        self.check()

    def mapping(self) -> Mapping:
        return Mapping(self.combos["metric"].currentData(), self.combos["period"].currentData(),
                       self.combos["actual"].currentData(), self.combos["note"].currentData())

    def check(self) -> None:
        self.parsed = parse_actuals(self.table, self.mapping(), self.metric_ids, self.periods)
        ok, bad = len(self.parsed.actuals), len(self.table.rows) - len(self.parsed.actuals)
        self.summary.setText(tr("{ok} rows ready to import; {bad} rows with problems "
                                "(listed below, not imported). Nothing is imported until you "
                                "press Import.").format(ok=number(ok), bad=number(bad)))
        self.errors.clear()
        self.errors.addItems(self.parsed.errors)
        self.import_button.setEnabled(ok > 0)

    def values(self) -> tuple[tuple[str, str, float, str], ...]:
        return tuple((a.metric_id, a.period, a.actual, a.note) for a in self.parsed.actuals)


def run_csv_import(parent: QWidget, session: PlanSession) -> bool:
    path = dialogs.ask_open_file(parent, tr("Import actuals"), tr("CSV files (*.csv *.txt)"))
    if path is None:
        return False
    try:
        table = read_table(path.read_bytes())
    except OSError as exc:
        dialogs.warn(parent, tr("Cannot read file"), tr("{file} could not be read: {reason}.")
                     .format(file=path.name, reason=exc.strerror))
        return False
    if not table.rows:
        dialogs.warn(parent, tr("Nothing to import"),
                     tr("{file} has no rows under its header.").format(file=path.name))
        return False
    dialog: Any = CsvImportDialog(parent, session, path, table)
    if not dialogs.exec_dialog(dialog):
        return False
    return session.do(record_actuals(session.store, dialog.values(),
                                     tr("Import {count} actuals").format(
                                         count=number(len(dialog.values())))))
