"""Recording a check-in on a goal in the window: progress, confidence, a note."""

from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QDateEdit, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit,
    QSpinBox, QVBoxLayout, QWidget)

from planner.changes import ChangeSet
from planner.model import Goal
from planner.model.actor import Actor
from planner.operations.checkins import from_typed, progress_hint
from planner.rules.checkins import confidence_status
from planner.ui.i18n import date_format, tr
from planner.ui.widgets.accessible import name
from planner.ui.widgets.text_field import TextField


class CheckInDialog(QDialog):
    """The fields of a check-in; the change is built by the same operation the
    workshop's editor uses, and a refusal is said here with the words kept."""

    def __init__(self, parent: QWidget, goal: Goal, acting: Actor,
                 last_confidence: int | None = None) -> None:
        super().__init__(parent)
        self.goal, self.acting = goal, acting
        self.setWindowTitle(tr("Check in on a goal"))
        heading = QLabel(goal.title, objectName="checkInGoal", wordWrap=True)
        heading.setTextFormat(heading.textFormat().PlainText)
        self.progress = QLineEdit(objectName="checkInProgress")
        self.progress.setPlaceholderText(tr(progress_hint(goal)))
        self.progress.setAccessibleName(tr("Progress"))
        self.confidence = QSpinBox(objectName="checkInConfidence", minimum=1, maximum=10)
        self.confidence.setValue(last_confidence or 7)
        name(self.confidence, tr("Confidence, 1 to 10"))
        self.words = QLabel(objectName="pageHint")
        self.confidence.valueChanged.connect(self._say)
        self.note = TextField(objectName="checkInNote")
        self.note.setPlaceholderText(tr("What changed since the last check-in (optional)"))
        self.note.setAccessibleName(tr("Note"))
        self.note.setFixedHeight(90)
        self.day = QDateEdit(objectName="checkInDay", calendarPopup=True)
        self.day.setDisplayFormat(date_format())
        today = date.today()
        self.day.setDate(QDate(today.year, today.month, today.day))
        name(self.day, tr("Day of the check-in"))
        self.error = QLabel(objectName="formError", wordWrap=True)
        self.error.hide()
        form = QFormLayout()
        form.addRow(tr("&Progress"), self.progress)
        form.addRow(tr("&Confidence"), self.confidence)
        form.addRow("", self.words)
        form.addRow(tr("&Note"), self.note)
        form.addRow(tr("&Day"), self.day)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.setMinimumWidth(460)
        self._say(self.confidence.value())

    def _say(self, value: int) -> None:
        self.words.setText(tr(confidence_status(value).value))

    def build(self) -> ChangeSet:
        """The check-in as typed (refuses in one sentence)."""
        # A note too long is refused by the store in one sentence, every word kept here.
        return from_typed(self.acting, self.goal, self.progress.text(),
                          str(self.confidence.value()), self.note.toPlainText(),
                          self.day.date().toPython())[0]

    def show_error(self, sentence: str) -> None:
        self.error.setText(sentence)
        self.error.show()
