"""File › Start the next period…: the period, what is carried, and a preview
of the new plan, made by the same function as `tandem next`."""

from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox, QDateEdit, QDialog, QDialogButtonBox, QFormLayout, QGridLayout, QLabel,
    QSpinBox, QVBoxLayout, QWidget)

from planner.errors import PlanError
from planner.model.reader import PlanReader
from planner.store import next_period
from planner.ui.i18n import date_format, tr
from planner.ui.widgets.accessible import name
from planner.ui.widgets.text_field import TextField



class NextPeriodDialog(QDialog):
    """Choices and a preview; `made` is the new plan the choices make."""

    def __init__(self, parent: QWidget, reader: PlanReader) -> None:
        super().__init__(parent)
        self.reader = reader
        self.setWindowTitle(tr("Start the next period"))
        old = reader.plan()
        first, last = next_period.following(old.period_start, old.period_end)
        self.start = QDateEdit(objectName="nextStart", calendarPopup=True)
        self.start.setDisplayFormat(date_format())
        self.start.setDate(QDate(first.year, first.month, first.day))
        name(self.start, tr("First day of the new period"))
        self.months = QSpinBox(objectName="nextMonths", minimum=1, maximum=60)
        self.months.setValue(max(1, round(((old.period_end - old.period_start).days + 1)
                                          / 30.44)))
        self.months.setSuffix(tr(" months"))
        name(self.months, tr("Months the new period runs"))
        words = {"goals": tr("Goals not done"), "metrics": tr("Metrics (new baselines)"),
                 "people": tr("People"), "funnel": tr("Funnel"),
                 "messages": tr("Approved messages"), "actions": tr("Open review actions"),
                 "parking": tr("Parking-lot topics")}
        self.parts: dict[str, QCheckBox] = {}
        grid = QGridLayout()
        for n, part in enumerate(next_period.CHOICES):
            box = QCheckBox(words[part], objectName=f"carry_{part}", checked=True)
            box.toggled.connect(self.refresh)
            self.parts[part] = box
            grid.addWidget(box, n // 2, n % 2)
        self.preview = TextField(objectName="nextPreview", readOnly=True)
        self.preview.setAccessibleName(tr("What the new plan will hold"))
        self.preview.setMinimumHeight(190)
        self.setMinimumWidth(560)
        self.error = QLabel(objectName="formError", wordWrap=True)
        self.error.hide()
        form = QFormLayout()
        form.addRow(tr("&Starts on"), self.start)
        form.addRow(tr("&Runs for"), self.months)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.go = buttons.addButton(tr("Start the next period\u2026"),
                                    QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(tr("A new plan file for the following period. Goals come "
                                   "without sign-offs: a new period is a new agreement. This "
                                   "plan keeps a final version named after its period."),
                                wordWrap=True))
        layout.addLayout(form)
        layout.addWidget(QLabel(tr("Carry into the new plan:")))
        layout.addLayout(grid)
        layout.addWidget(self.preview)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.made: next_period.NextPlan | None = None
        self.start.dateChanged.connect(self.refresh)
        self.months.valueChanged.connect(self.refresh)
        self.refresh()

    def choices(self) -> tuple[date, int, next_period.Carry]:
        off = [p for p, box in self.parts.items() if not box.isChecked()]
        return (self.start.date().toPython(), self.months.value(),
                next_period.Carry().without(*off))

    def refresh(self) -> None:
        start, months, carry = self.choices()
        try:
            self.made = next_period.prepare(self.reader, start, months, carry)
        except PlanError as exc:
            self.made = None
            self.error.setText(str(exc))
            self.error.show()
            self.go.setEnabled(False)
            return
        self.error.hide()
        self.go.setEnabled(True)
        p = self.made.plan
        self.preview.setPlainText("\n".join((
            f"{p.title}, {next_period.period_words(p.period_start, p.period_end)}",
            *(f"\u2022 {line}" for line in self.made.lines))))
