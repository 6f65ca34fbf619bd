"""A section shown as one table of rows: the page every table section builds on."""

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView, QComboBox, QHBoxLayout, QHeaderView, QLabel, QMainWindow, QMenu,
    QPushButton, QTableView, QVBoxLayout, QWidget)

from planner.changes import ChangeSet
from planner.model.nouns import NOUNS
from planner.operations import people, rows
from planner.sections import Section
from planner.ui.i18n import tr
from planner.ui.shell.session import PlanSession
from planner.ui.widgets.columns import TableSpec
from planner.ui.widgets.delegates import PlanItemDelegate
from planner.ui.widgets.models import PlanTableModel
from planner.ui.widgets.table_view import PlanTableView, fit_columns


def nouns(kind_name: str) -> tuple[str, str]:
    """A table's rows, one and many, as the window's language names them."""
    words = {"Person": (tr("person"), tr("people")), "Goal": (tr("goal"), tr("goals")),
             "FieldRide": (tr("field ride"), tr("field rides")),
             "FunnelStage": (tr("stage"), tr("stages")),
             "Metric": (tr("metric"), tr("metrics")),
             "Message": (tr("message"), tr("messages")),
             "Review": (tr("review"), tr("reviews"))}
    if kind_name in words:
        return words[kind_name]
    from planner.i18n import ngettext  # the core's nouns, in the language spoken

    one, many = NOUNS.get(kind_name, ("row", "{count} rows"))
    return ngettext(one, many, 1), ngettext(one, many, 2).replace("{count} ", "")


def side_word(team: str) -> str:
    """A side or team ("sales", "marketing", "other") as a sentence names it."""
    if team == "sales":
        return tr("sales")
    return tr("marketing") if team == "marketing" else tr("other")


def filter_combo(name: str, anything: str | None, items: list[tuple[str, Any]],
                 caption: str = "") -> QComboBox:
    """A filter's choices: "anything" first (data None), then each (text, data).
    With a caption, a label before it says what it filters (`add_filter` puts
    both in a bar): a reader hears a combo box by its current choice, and
    learns what it is for from the label it is labelled by."""
    combo = QComboBox(objectName=name)
    if caption:
        label = QLabel(caption, objectName="filterCaption")
        label.setBuddy(combo)
        combo.caption_label = label  # type: ignore[attr-defined]  (the bar takes it)
        combo.setAccessibleDescription(caption)
    if anything is not None:
        combo.addItem(anything, None)
    for text, value in items:
        combo.addItem(text, value)
    return combo


def add_filter(bar: Any, widget: QWidget) -> None:
    """A filter into a bar, after its caption if it has one: the two in one
    piece, so a bar that wraps never parts a caption from its choices."""
    caption = getattr(widget, "caption_label", None)
    if not isinstance(caption, QLabel):
        bar.addWidget(widget)
        return
    pair = QWidget()
    row = QHBoxLayout(pair)
    row.setContentsMargins(0, 0, 0, 0)
    row.setSpacing(6)
    row.addWidget(caption, 0, Qt.AlignmentFlag.AlignVCenter)
    row.addWidget(widget, 0, Qt.AlignmentFlag.AlignVCenter)
    bar.addWidget(pair)


def title_label(text: str) -> QLabel:
    from planner.ui.widgets.accessible_items import as_heading

    return as_heading(QLabel(text))


class TablePage(QWidget):
    """A section shown as one table of rows."""

    model_class: type[PlanTableModel] = PlanTableModel
    view_class: type[QTableView] = PlanTableView
    first_edited_column = 0  # where typing starts in a new row

    def __init__(self, session: PlanSession, section: Section, spec: TableSpec) -> None:
        super().__init__()
        self.session, self.section = session, section
        self.model = self.model_class(session, spec, self)
        self.view = self.view_class()
        self.view.setObjectName(f"{section.key}Table")
        self.view.setAccessibleName(tr("{title} table").format(title=tr(section.title)))
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
        fit_columns(header, [column.width for column in spec.columns])
        header.setSectionResizeMode(len(spec.columns) - 1, QHeaderView.ResizeMode.Stretch)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 16)
        top = QHBoxLayout()
        top.addWidget(title_label(tr(section.title)))
        top.addStretch()
        self.count_label = QLabel()
        self.count_label.setObjectName("pageHint")
        top.addWidget(self.count_label)
        one, many = nouns(spec.kind.__name__)
        self.add_button = QPushButton(tr("Add {noun}").format(noun=one), self,
                                      objectName="addRow")
        self.add_button.setToolTip(tr("Add a {noun} (Insert or Ctrl+Shift+N)").format(noun=one))
        self.add_button.clicked.connect(self.add_row)
        if not spec.editable:
            self.add_button.hide()
        self.add_button.setEnabled(not session.read_only)
        top.addWidget(self.add_button)
        if isinstance(self.view, PlanTableView):
            self.view.empty_text = tr("No {nouns} yet. “Add {noun}” above, or Insert, "
                                      "adds one.").format(nouns=many, noun=one)
        layout.addLayout(top)
        if section.hint:
            note = QLabel(tr(section.hint))
            note.setObjectName("pageHint")
            note.setWordWrap(True)
            layout.addWidget(note)
        layout.addWidget(self.body())
        for signal in (self.model.rowsInserted, self.model.rowsRemoved, self.model.modelReset):
            signal.connect(self._count)
        self._kept: tuple[list[str], str | None, int] = ([], None, 0)
        self.model.modelAboutToBeReset.connect(self._keep_selection)
        self.model.modelReset.connect(self._restore_selection)
        self._count()
        # Right-click: the section's own actions, then the row's history.
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.customContextMenuRequested.connect(
            lambda pos: self.context_menu().exec(self.view.viewport().mapToGlobal(pos)))

    def context_menu(self) -> QMenu:
        own = getattr(self, "menu", None)
        menu = own() if callable(own) else QMenu(self)
        menu.addSeparator()
        history = menu.addAction(tr("&History of this {noun}\u2026").format(
            noun=nouns(self.model.kind.__name__)[0]), self.show_row_history)
        history.setObjectName("rowHistory")
        history.setEnabled(bool(self.selected_rows()))
        return menu

    def show_row_history(self) -> Any:
        """The changes made to the row chosen, by whom and when."""
        found = self.selected_rows()
        window = self.window()
        if not found or not hasattr(window, "show_history"):
            return None
        row = self.model.row(found[0])
        from planner.outline.changes import row_label

        what = row_label(row, self.session.store.state())
        return window.show_history(row.id, what)

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

    def new_row(self) -> tuple[ChangeSet, Any] | None:
        """The change that adds a row to this section and the row it adds
        (None: rows are not added here)."""
        if self.section.key == "people":
            return people.add_person()
        return None

    def add_row(self) -> bool:
        """A new row, focused with its first field open for typing."""
        made: list[Any] = []

        def build() -> ChangeSet:
            change = self.new_row()
            if change is None:
                return ChangeSet("Add")
            made.append(change[1])
            return change[0]
        if not self.session.attempt(build):
            return False
        self.focus_row(made[0].id, self.first_edited_column, edit=True)
        return True

    def delete_selected(self) -> bool:
        chosen = [self.model.row(r) for r in self.selected_rows()]
        return bool(chosen) and self.session.do(rows.remove(chosen))

    def _count(self) -> None:
        n = self.model.rowCount()
        one, many = nouns(self.model.kind.__name__)
        self.count_label.setText(tr("1 {noun}").format(noun=one) if n == 1
                                 else tr("{count} {nouns}").format(count=n, nouns=many))

    def selected_rows(self) -> list[int]:
        found = sorted({i.row() for i in self.view.selectionModel().selectedRows()})
        if not found and self.view.currentIndex().isValid():
            found = [self.view.currentIndex().row()]
        return found

    def selected_ids(self) -> list[str]:
        return [self.model.row_id(r) for r in self.selected_rows()]

    def say(self, text: str) -> None:
        """A sentence in the window's status bar."""
        window = self.window()
        if isinstance(window, QMainWindow):
            window.statusBar().showMessage(text, 8000)

    def focus_row(self, row_id: str, column: int = 0, edit: bool = False) -> None:
        row = self.model.row_of(row_id)
        if row < 0:
            return
        index = self.model.index(row, column)
        self.view.setCurrentIndex(index)
        self.view.scrollTo(index)
        if edit:
            self.view.edit(index)
