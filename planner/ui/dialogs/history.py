"""Edit › History: who changed what, and when.

Every change set of the plan, newest first, with its author, local time and
the sections it touched, filtered by person and by section (or, opened from a
row's context menu, only the changes to that row). The change selected shows
each row it touched with every field before and after and who made it. The
list is read without the rows (a plan with 20,000 change sets opens at once);
times are written when a line is first shown, and a change's rows when it is
selected.
"""

from html import escape
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractTableModel, QEvent, QModelIndex, QObject, QPersistentModelIndex, Qt, QTimer, QUrl,
    Signal)
from PySide6.QtWidgets import (
    QAbstractItemView, QComboBox, QDialog, QHBoxLayout, QHeaderView, QLabel, QSplitter,
    QTableView, QTextBrowser, QVBoxLayout, QWidget)

from planner.outline import history
from planner.outline.changes import ORDER
from planner.sections import section
from planner.times import local_time
from planner.ui.i18n import tr

if TYPE_CHECKING:
    from planner.ui.shell.session import PlanSession

Index = QModelIndex | QPersistentModelIndex
FIRST = 500  # changes shown at once; the rest are read right after
def columns() -> tuple[str, ...]:
    return (tr("When"), tr("Who"), tr("What"), tr("Sections"))





class HistoryModel(QAbstractTableModel):
    def __init__(self, entries: list[history.LogEntry], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.all = entries[::-1]  # newest first
        self.shown = self.all
        self._times: dict[int, str] = {}
        self._titles = {key: tr(section(key).title) for key in ORDER}

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.shown)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 4

    def headerData(self, section_no: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return columns()[section_no]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        entry = self.shown[index.row()]
        column = index.column()
        if column == 0:
            when = self._times.get(entry.seq)
            if when is None:
                when = self._times[entry.seq] = local_time(entry.moment)
            return when
        if column == 1:
            by = history.author_name(entry.author)
            return by if by != history.UNKNOWN else tr("unknown")
        if column == 2:
            others = [n for n in entry.authors()[1:]]
            return entry.label + (" \u2014 " + tr("the work of {names}").format(
                names=", ".join(others)) if others and column == 2 else "")
        return ", ".join(self._titles[k] for k in entry.sections)

    def show(self, entries: list[history.LogEntry]) -> None:
        self.beginResetModel()
        self.shown = entries
        self.endResetModel()


class HistoryView(QDialog):
    """The plan's history, as a window beside the plan (not modal)."""

    row_requested = Signal(str, str)  # kind name, row id: show it in the window

    def __init__(self, parent: QWidget | None, session: "PlanSession",
                 row_id: str | None = None, what: str = "") -> None:
        super().__init__(parent, objectName="historyView")
        self.session = session
        store = session.store
        self.setWindowTitle(tr("History of {what}").format(what=what) if what
                            else tr("History of {plan}").format(plan=store.plan().title))
        # The newest changes first, at once; the rest right after the first paint.
        self.entries = history.log(store, newest=FIRST)
        self.whole = len(self.entries) < FIRST
        self.total = store.head()
        self.row_changes = store.changes_to(row_id) if row_id else None
        self.model = HistoryModel(self.entries, self)
        self.person = QComboBox(objectName="historyPerson")
        self.person.setAccessibleName(tr("Person"))
        self.person.addItem(tr("Everyone"), None)
        for name in history.people(store=store):
            self.person.addItem(tr("unknown") if name == history.UNKNOWN else name, name)
        self.section = QComboBox(objectName="historySection")
        self.section.setAccessibleName(tr("Section"))
        self.section.addItem(tr("Every section"), None)
        for key in ORDER:
            self.section.addItem(tr(section(key).title), key)
        self.count = QLabel(objectName="historyCount")
        filters = QHBoxLayout()
        filters.addWidget(QLabel(tr("Person")))
        filters.addWidget(self.person)
        filters.addWidget(QLabel(tr("Section")))
        filters.addWidget(self.section)
        filters.addStretch(1)
        filters.addWidget(self.count)
        self.table = QTableView(objectName="historyTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for column, width in enumerate((150, 170, 380)):
            self.table.setColumnWidth(column, width)
        self.table.setAccessibleName(tr("Changes"))
        self.detail = QTextBrowser(objectName="historyDetail")
        self.detail.setOpenLinks(False)
        self.detail.anchorClicked.connect(self._open_link)
        self.detail.setAccessibleName(tr("What the change did"))
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.table)
        split.addWidget(self.detail)
        split.setSizes([360, 240])
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(split, 1)
        self.person.currentIndexChanged.connect(lambda: self.apply_filter())
        self.section.currentIndexChanged.connect(lambda: self.apply_filter())
        self.table.selectionModel().currentRowChanged.connect(self._show_entry)
        self._show()
        self.resize(960, 640)
        if not self.whole:  # the rest once the newest are on screen
            self.table.viewport().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.Paint and not self.whole:
            self.table.viewport().removeEventFilter(self)
            QTimer.singleShot(0, self.load_all)
        return False

    def load_all(self) -> None:
        """Every change of the plan (the view opened on the newest few)."""
        if self.whole:
            return
        self.entries = history.log(self.session.store)
        self.whole = True
        current = self.table.currentIndex()
        keep = self.model.shown[current.row()].seq if current.isValid() else None
        self.model.all = self.entries[::-1]
        self._show(keep)

    def apply_filter(self) -> None:
        self.load_all()  # a filter is over every change
        self._show()

    def _show(self, keep: int | None = None) -> None:
        shown = history.matching(self.model.all, self.person.currentData(),
                                 self.section.currentData(), self.row_changes)
        self.model.show(shown)
        self.count.setText(tr("{shown} of {total} changes").format(
            shown=len(shown), total=self.total))
        if shown:
            at = next((n for n, e in enumerate(shown) if e.seq == keep), 0)
            self.table.setCurrentIndex(self.model.index(at, 0))
        else:
            self.detail.setHtml("<p>" + escape(tr("No changes match.")) + "</p>")

    def choose_person(self, name: str) -> None:
        at = self.person.findData(name)
        self.person.setCurrentIndex(max(0, at))

    def choose_section(self, key: str | None) -> None:
        self.section.setCurrentIndex(max(0, self.section.findData(key)))

    def _show_entry(self, current: QModelIndex, _previous: QModelIndex | None = None) -> None:
        if not current.isValid() or current.row() >= len(self.model.shown):
            return
        entry = self.model.shown[current.row()]
        found = history.rows(self.session.store, entry)
        self.detail.setHtml(entry_html(entry, found))

    def _open_link(self, url: QUrl) -> None:
        target = url.toString()
        if target.startswith("row:"):
            _, kind, row_id = target.split(":", 2)
            self.row_requested.emit(kind, row_id)


def what_word(what: str) -> str:
    return {"added": tr("Added"), "changed": tr("Changed"), "removed": tr("Removed")}[what]


def entry_html(entry: history.LogEntry, found: list[Any]) -> str:
    """One change: when, who, what, then every row with its fields before and after."""
    by = history.author_name(entry.author)
    who = tr("unknown") if by == history.UNKNOWN else by
    if entry.author.known and entry.author.guest:
        who = tr("{name} (guest)").format(name=who)
    parts = [f"<p><b>{escape(entry.label)}</b><br>"
             f"{escape(local_time(entry.moment))} \u00b7 {escape(who)}</p>"]
    if not found:
        parts.append("<p>" + escape(tr("Nothing a reader sees changed (bookkeeping only).")) +
                     "</p>")
    for difference, author in found[:500]:
        link = (f"<a href='row:{difference.kind.__name__}:{escape(difference.row_id)}'>"
                f"{escape(difference.label)}</a>")
        credit = history.author_name(author)
        made = "" if credit == by else " \u2014 " + escape(tr("by {name}").format(name=credit))
        parts.append(f"<p style='margin:6px 0 2px 0'>{escape(what_word(difference.what))}"
                     f" {link}{made}</p>")
        if difference.fields:
            rows = "".join(
                f"<tr><td style='color:#616E7C;padding-right:10px'>{escape(f.label)}</td>"
                f"<td style='color:#8A1C1C'>{escape(f.before)}</td><td>\u2192</td>"
                f"<td style='color:#14532D'>{escape(f.after)}</td></tr>"
                for f in difference.fields)
            parts.append(f"<table cellspacing='0' cellpadding='2' style='margin-left:16px'>"
                         f"{rows}</table>")
    if len(found) > 500:
        parts.append("<p><i>" + escape(tr("\u2026 and {count} more rows.").format(
            count=len(found) - 500)) + "</i></p>")
    return "".join(parts)
