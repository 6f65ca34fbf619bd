"""The sections of the plan as pages: the overview form and the table pages."""

from datetime import date
from typing import Any

from PySide6.QtCore import QDate, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView, QCheckBox, QComboBox, QDateEdit, QFormLayout, QHBoxLayout, QHeaderView, QLabel,
    QLineEdit, QPlainTextEdit, QTableView, QVBoxLayout, QWidget)

from planner.edits import InsertRow, UpdateRow
from planner.model import FieldRide, Goal, Person, table_name
from planner.model.enums import Team, label
from planner.model.validation import LONG_TEXT_MAX, SHORT_TEXT_MAX
from planner.rules.signoff import agreement
from planner.store.plan_store import Change
from planner.ui.columns import TableSpec
from planner.ui.delegates import PlanItemDelegate
from planner.ui.models import PlanTableModel
from planner.ui.session import PlanSession


FIELD_LABELS = {"title": "plan name", "company": "company", "purpose": "purpose",
                "period_start": "start of period", "period_end": "end of period",
                "head_of_sales_id": "head of sales", "head_of_marketing_id": "head of marketing",
                "shared_rewards": "shared rewards"}


def _title(text: str) -> QLabel:
    heading = QLabel(text)
    heading.setObjectName("pageTitle")
    return heading


class PlanTableView(QTableView):
    """A table of plan rows: Enter edits the current cell (F2 too), as in a spreadsheet."""

    def keyPressEvent(self, event: QKeyEvent) -> None:
        index = self.currentIndex()
        if (event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
                and event.modifiers() == Qt.KeyboardModifier.NoModifier
                and self.state() != QAbstractItemView.State.EditingState and index.isValid()
                and index.flags() & Qt.ItemFlag.ItemIsEditable):
            self.edit(index)
            return
        super().keyPressEvent(event)


class TablePage(QWidget):
    """A section shown as one table of rows."""

    model_class: type[PlanTableModel] = PlanTableModel
    view_class: type[QTableView] = PlanTableView
    first_edited_column = 0  # where typing starts in a new row

    def __init__(self, session: PlanSession, title: str, spec: TableSpec,
                 hint: str = "") -> None:
        super().__init__()
        self.session = session
        self.model = self.model_class(session, spec, self)
        self.view = self.view_class()
        self.view.setObjectName(f"{table_name(spec.entity)}Table")
        self.view.setModel(self.model)
        self.view.setItemDelegate(PlanItemDelegate(self.view))
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setAlternatingRowColors(True)
        self.view.setWordWrap(False)
        self.view.verticalHeader().setVisible(False)
        self.view.verticalHeader().setDefaultSectionSize(30)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                  | QAbstractItemView.EditTrigger.EditKeyPressed
                                  | QAbstractItemView.EditTrigger.AnyKeyPressed)
        header = self.view.horizontalHeader()
        header.setHighlightSections(False)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        for n, column in enumerate(spec.columns):
            header.resizeSection(n, column.width)
        header.setSectionResizeMode(len(spec.columns) - 1, QHeaderView.ResizeMode.Stretch)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 16)
        top = QHBoxLayout()
        top.addWidget(_title(title))
        top.addStretch()
        self.count_label = QLabel()
        self.count_label.setObjectName("pageHint")
        top.addWidget(self.count_label)
        layout.addLayout(top)
        if hint:
            note = QLabel(hint)
            note.setObjectName("pageHint")
            layout.addWidget(note)
        layout.addWidget(self.body())
        for signal in (self.model.rowsInserted, self.model.rowsRemoved, self.model.modelReset):
            signal.connect(self._count)
        self._kept: tuple[list[str], str | None, int] = ([], None, 0)
        self.model.modelAboutToBeReset.connect(self._keep_selection)
        self.model.modelReset.connect(self._restore_selection)
        self._count()

    def _keep_selection(self) -> None:
        current = self.view.currentIndex()
        row_id = self.model.row_id(current.row()) if current.isValid() else None
        self._kept = (self.selected_ids(), row_id, max(0, current.column()))

    def _restore_selection(self) -> None:
        """A re-sorted row stays current and selected, wherever it moved."""
        selected, current_id, column = self._kept
        selection = self.view.selectionModel()
        for row_id in selected:
            row = self.model.row_of(row_id)
            if row >= 0:
                selection.select(self.model.index(row, 0),
                                 selection.SelectionFlag.Select | selection.SelectionFlag.Rows)
        if current_id is not None and self.model.row_of(current_id) >= 0:
            index = self.model.index(self.model.row_of(current_id), column)
            selection.setCurrentIndex(index, selection.SelectionFlag.NoUpdate)
            self.view.scrollTo(index)

    def body(self) -> QWidget:
        """What the page shows under its title; subclasses add to the table."""
        return self.view

    def new_row(self, row_id: str) -> "InsertRow | None":
        """The edit that adds a row to this section (None: rows are not added here)."""
        if self.model.table == "person":
            return InsertRow("person", {"id": row_id, "name": "New person",
                                        "team": Team.SALES}, label="Add person")
        return None

    def _count(self) -> None:
        self.count_label.setText(f"{self.model.rowCount()} rows")

    def selected_ids(self) -> list[str]:
        rows = sorted({i.row() for i in self.view.selectionModel().selectedRows()})
        if not rows and self.view.currentIndex().isValid():
            rows = [self.view.currentIndex().row()]
        return [self.model.row_id(r) for r in rows]

    def focus_row(self, row_id: str, column: int = 0, edit: bool = False) -> None:
        row = self.model.row_of(row_id)
        if row < 0:
            return
        index = self.model.index(row, column)
        self.view.setCurrentIndex(index)
        self.view.scrollTo(index)
        if edit:
            self.view.edit(index)


class SaveWhileTyping(QObject):
    """Saves a text field after a pause in typing and when it loses focus,
    so a crash mid-paragraph loses at most the last pause's worth of words."""

    PAUSE_MS = 700

    def __init__(self, field: QLineEdit | QPlainTextEdit, commit: Any) -> None:
        super().__init__(field)
        self._commit = commit
        self._timer = QTimer(self, singleShot=True, interval=self.PAUSE_MS)
        self._timer.timeout.connect(lambda: self._commit(typing=True))
        if isinstance(field, QLineEdit):
            field.textEdited.connect(self._timer.start)
            field.editingFinished.connect(self.finish)
        else:
            field.textChanged.connect(self._on_changed)
            field.installEventFilter(self)
        self._field = field

    def _on_changed(self) -> None:
        if self._field.hasFocus():
            self._timer.start()

    def finish(self) -> None:
        self._timer.stop()
        self._commit(typing=False)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FocusOut:
            self.finish()
        return False


class OverviewPage(QWidget):
    """The plan itself: its name, company, period, purpose, sponsors, progress."""

    problem = Signal(str)

    def __init__(self, session: PlanSession) -> None:
        super().__init__()
        self.session = session
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 16)
        layout.addWidget(_title("Overview"))
        self.progress = QLabel()
        self.progress.setObjectName("progress")
        self.progress.setWordWrap(True)
        layout.addWidget(self.progress)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.title = QLineEdit(maxLength=SHORT_TEXT_MAX, objectName="planTitle")
        self.company = QLineEdit(maxLength=SHORT_TEXT_MAX, objectName="planCompany")
        self.start = self._date_edit("periodStart")
        self.end = self._date_edit("periodEnd")
        self.purpose = QPlainTextEdit(objectName="planPurpose")
        self.purpose.setMaximumHeight(120)
        self.shared = QCheckBox("Both teams rise or fall together: warn about anything "
                                "measured for one team only", objectName="sharedRewards")
        self.shared.clicked.connect(lambda: self._commit("shared_rewards",
                                                         self.shared.isChecked()))
        self.head_of_sales = QComboBox(objectName="headOfSales")
        self.head_of_marketing = QComboBox(objectName="headOfMarketing")
        period = QHBoxLayout()
        period.addWidget(self.start)
        period.addWidget(QLabel("to"))
        period.addWidget(self.end)
        period.addStretch()
        for text, field in (("Plan name", self.title), ("Company", self.company),
                            ("Period", period), ("Purpose", self.purpose),
                            ("Head of sales", self.head_of_sales),
                            ("Head of marketing", self.head_of_marketing),
                            ("Shared rewards", self.shared)):
            form.addRow(text, field)
        layout.addLayout(form)
        layout.addStretch()
        SaveWhileTyping(self.title, lambda typing: self._commit_text("title", self.title.text(),
                                                                      typing))
        SaveWhileTyping(self.company, lambda typing: self._commit_text(
            "company", self.company.text(), typing))
        SaveWhileTyping(self.purpose, lambda typing: self._commit_text(
            "purpose", self.purpose.toPlainText(), typing))
        self.start.editingFinished.connect(lambda: self._commit("period_start", _day(self.start)))
        self.end.editingFinished.connect(lambda: self._commit("period_end", _day(self.end)))
        self.head_of_sales.activated.connect(
            lambda: self._commit("head_of_sales_id", self.head_of_sales.currentData()))
        self.head_of_marketing.activated.connect(
            lambda: self._commit("head_of_marketing_id", self.head_of_marketing.currentData()))
        for widget in (self.title, self.company, self.start, self.end, self.purpose,
                       self.head_of_sales, self.head_of_marketing, self.shared):
            widget.setEnabled(not session.read_only)
        self._stale = True
        session.plan_changed.connect(self._on_plan_changed)
        self.refresh()

    def _date_edit(self, name: str) -> QDateEdit:
        edit = QDateEdit(objectName=name)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("d MMM yyyy")
        return edit

    def _commit_text(self, field: str, text: str, typing: bool) -> None:
        """Typing pauses save quietly what is valid; leaving the field says
        what is wrong and puts the saved text back."""
        if typing and (not text.strip() or len(text) > LONG_TEXT_MAX):
            return
        self._commit(field, text, merge_key=f"plan.{field}", quiet=typing)

    def _commit(self, field: str, value: Any, merge_key: str | None = None,
                quiet: bool = False) -> None:
        plan = self.session.store.plan()
        if plan[field] == value or self.session.read_only:
            return
        edit = UpdateRow("plan", plan["id"], {field: value},
                         label=f"Change {FIELD_LABELS.get(field, field)}")
        if not self.session.do(edit, merge_key=merge_key) and not quiet:
            self.refresh()

    def _on_plan_changed(self, change: Change) -> None:
        if change.tables.keys() & {"plan", "person", "goal", "field_ride"}:
            self._stale = True
            if self.isVisible():
                self.refresh()

    def showEvent(self, event: QShowEvent) -> None:
        if self._stale:
            self.refresh()
        super().showEvent(event)

    def refresh(self) -> None:
        self._stale = False
        store = self.session.store
        plan = store.plan()
        people = store.rows(Person, ["name"])
        for widget, value in ((self.title, plan["title"]), (self.company, plan["company"])):
            typing = widget.hasFocus() and widget.text().strip() == value.strip()
            if widget.text() != value and not typing:
                widget.setText(value)
        for widget, day in ((self.start, plan["period_start"]), (self.end, plan["period_end"])):
            widget.blockSignals(True)
            widget.setDate(QDate(day.year, day.month, day.day))
            widget.blockSignals(False)
        self.shared.setChecked(plan["shared_rewards"])
        if self.purpose.toPlainText() != plan["purpose"]:
            self.purpose.setPlainText(plan["purpose"])
        for combo, team, key in ((self.head_of_sales, Team.SALES, "head_of_sales_id"),
                                 (self.head_of_marketing, Team.MARKETING, "head_of_marketing_id")):
            combo.clear()
            combo.addItem("(nobody yet)", None)
            for p in people:
                if p["team"] == team:
                    combo.addItem(p["name"], p["id"])
            combo.setCurrentIndex(max(0, combo.findData(plan[key])))
        progress = agreement(store.rows(Goal))
        self.progress.setText(
            f"<b>{label(progress.status)}</b> \u00b7 {progress.text()}<br>"
            f"{len(people)} people \u00b7 {store.count(FieldRide)} field rides")


def _day(edit: QDateEdit) -> date:
    d = edit.date()
    return date(d.year(), d.month(), d.day())
