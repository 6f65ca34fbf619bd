"""Item models over the plan's records, refreshed from committed change sets.

A model holds the rows it shows in order. When the store commits a change
set, the model updates exactly the rows it names: a removed row is removed
(beginRemoveRows), a new one inserted where it sorts (beginInsertRows), a
changed one repainted in place (dataChanged) or moved (beginMoveRows), and
the warnings that depend on the change are worked out again at once. Edits
go through the named operations; a model never writes a row.
"""

from bisect import bisect_left
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal

from planner.changes import ChangeSet, RowChange
from planner.model import FunnelStage, Person, Record
from planner.model.enums import Team
from planner.model.order import order_key
from planner.operations import rows as row_ops
from planner.ui.i18n import tr
from planner.ui.shell.session import PlanSession
from planner.ui.widgets.colours import PROBLEM_BACKGROUND, TEAM_COLOURS
from planner.ui.widgets.columns import Column, TableSpec, display

Index = QModelIndex | QPersistentModelIndex
BULK = 300  # more row changes than this at once: the rows are laid out again


def header_text(column: Column) -> str:
    """A column's header in the window's language (the catalogue reads the
    headers from columns.py's Column(...) definitions)."""
    return tr(column.header)


# The roles a plan table answers; Qt asks for font, alignment, decoration and
# size too, and those get None at once.
ANSWERED = frozenset(int(r.value) for r in (
    Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole, Qt.ItemDataRole.CheckStateRole,
    Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ToolTipRole,
    Qt.ItemDataRole.ForegroundRole))

class PlanTableModel(QAbstractTableModel):
    problems_changed = Signal()

    def __init__(self, session: PlanSession, spec: TableSpec, parent: Any = None) -> None:
        super().__init__(parent)
        self.session, self.spec, self.kind = session, spec, spec.kind
        self.names: dict[str, str] = {}
        self.problems: dict[str, str] = {}
        self._rows: list[Any] = []
        self._keys: list[Any] = []
        self._uses_names = any(c.kind in ("person", "stage", "goals") for c in spec.columns)
        self.refresh_lookups()
        self._layout_rows()
        self._work_out_problems(touched=frozenset())
        session.plan_changed.connect(self._on_change)

    # -- what subclasses decide -------------------------------------------

    def lookup_kinds(self) -> frozenset[type[Record]]:
        """Kinds whose change changes what this table's rows show."""
        return frozenset({Person, FunnelStage}) if self._uses_names else frozenset()

    def refresh_lookups(self) -> None:
        """Names of the rows other columns refer to (people, funnel stages)."""
        if self._uses_names:
            store = self.session.store
            self.names = {p.id: p.name for p in store.rows(Person)}
            self.names.update({s.id: s.name for s in store.rows(FunnelStage)})

    def sort_key(self, row: Any) -> Any:
        return order_key(self.kind)(row)

    def sorts_by_lookups(self) -> bool:
        """Whether the order depends on names (a change of name re-sorts)."""
        return False

    def accepts(self, row: Any) -> bool:
        """Whether the row is shown (a filter says no)."""
        return True

    def value(self, row: Any, column: Column) -> Any:
        return getattr(row, column.key)

    # -- following the plan -------------------------------------------------

    def _layout_rows(self) -> None:
        rows = [r for r in self.session.store.rows(self.kind) if self.accepts(r)]
        key = self.sort_key
        pairs = sorted(((key(r), r) for r in rows), key=lambda p: p[0])
        self._keys = [k for k, _ in pairs]
        self._rows = [r for _, r in pairs]

    def relayout(self) -> None:
        """Every row laid out again from the store's rows (in memory, no file read)."""
        self.beginResetModel()
        self._layout_rows()
        self.endResetModel()

    def _on_change(self, change: ChangeSet) -> None:
        kinds = change.kinds()
        looked_up = bool(kinds & self.lookup_kinds())
        if looked_up:
            self.refresh_lookups()
        mine = change.of(self.kind)
        if len(mine) > BULK or (looked_up and self.sorts_by_lookups()):
            self.relayout()
        else:
            for row in mine:
                self._apply(row)
        if looked_up:
            self.emit_all_changed()
        if self.spec.problems and (mine or kinds & self.spec.problem_kinds):
            self._work_out_problems(change.ids(self.kind))

    def _locate(self, row: Any) -> int | None:
        at = bisect_left(self._keys, self.sort_key(row)) if self.accepts(row) else len(self._rows)
        if at < len(self._rows) and self._rows[at].id == row.id:
            return at
        return next((n for n, r in enumerate(self._rows) if r.id == row.id), None)

    def _apply(self, change: RowChange) -> None:
        at = self._locate(change.before) if change.before is not None else None
        after = change.after
        shown = after is not None and self.accepts(after)
        if at is not None and not shown:
            self.beginRemoveRows(QModelIndex(), at, at)
            del self._rows[at], self._keys[at]
            self.endRemoveRows()
        elif at is None and shown:
            key = self.sort_key(after)
            to = bisect_left(self._keys, key)
            self.beginInsertRows(QModelIndex(), to, to)
            self._rows.insert(to, after)
            self._keys.insert(to, key)
            self.endInsertRows()
        elif at is not None:
            self._replace(at, after)

    def _replace(self, at: int, row: Any) -> None:
        """A changed row: in place when it still sorts there, else moved."""
        key = self.sort_key(row)
        dest = bisect_left(self._keys, key)
        if dest in (at, at + 1):
            self._rows[at], self._keys[at] = row, key
        else:
            self.beginMoveRows(QModelIndex(), at, at, QModelIndex(), dest)
            del self._rows[at], self._keys[at]
            at = dest if dest < at else dest - 1
            self._rows.insert(at, row)
            self._keys.insert(at, key)
            self.endMoveRows()
        self.dataChanged.emit(self.index(at, 0), self.index(at, self.columnCount() - 1))

    def emit_all_changed(self) -> None:
        if self._rows:
            self.dataChanged.emit(self.index(0, 0),
                                  self.index(len(self._rows) - 1, self.columnCount() - 1))

    def _work_out_problems(self, touched: frozenset[str]) -> None:
        """The rows' warnings, worked out again; rows whose warning changed are
        repainted, and a warning an edit just caused is said out loud."""
        if self.spec.problems is None:
            return
        before = self.problems
        self.problems = self.spec.problems(self.session.store, self.session.store.rows(self.kind))
        changed = {i for i in before.keys() | self.problems.keys()
                   if before.get(i) != self.problems.get(i)}
        if not changed:
            return
        for n, row in enumerate(self._rows):
            if row.id in changed:
                self.dataChanged.emit(self.index(n, 0), self.index(n, self.columnCount() - 1))
        new = next((i for i in sorted(touched) if i in self.problems
                    and before.get(i) != self.problems[i]), None)
        if new is not None:
            self.session.heads_up.emit(self, new, tr("Heads-up: {problem}").format(
                problem=self.problems[new]))
        self.problems_changed.emit()

    # -- Qt's model interface -------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.spec.columns)

    def column(self, index: Index) -> Column:
        return self.spec.columns[index.column()]

    def row(self, row: int) -> Any:
        return self._rows[row]

    def rows(self) -> Sequence[Any]:
        return self._rows

    def row_id(self, row: int) -> str:
        return str(self._rows[row].id)

    def row_of(self, row_id: str) -> int:
        return next((n for n, r in enumerate(self._rows) if r.id == row_id), -1)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role not in ANSWERED or not index.isValid():  # Qt asks ~8 roles a cell a paint
            return None
        column = self.column(index)
        row = self._rows[index.row()]
        value = self.value(row, column)
        if column.kind == "bool":  # a check box; Space toggles it
            if role == Qt.ItemDataRole.CheckStateRole:
                return Qt.CheckState.Checked if value else Qt.CheckState.Unchecked
            if role == Qt.ItemDataRole.DisplayRole:
                return tr("Yes") if value else ""
        if role == Qt.ItemDataRole.DisplayRole:
            return display(column, value, self.names)
        if role == Qt.ItemDataRole.EditRole:
            return value
        problem = self.problems.get(row.id)
        if role == Qt.ItemDataRole.BackgroundRole and problem:
            return PROBLEM_BACKGROUND
        if role == Qt.ItemDataRole.ToolTipRole and problem:
            return problem
        if role == Qt.ItemDataRole.ToolTipRole and column.kind == "long" and value:
            return str(value)[:2000]
        if role == Qt.ItemDataRole.ForegroundRole and isinstance(value, Team):
            return TEAM_COLOURS.get(value)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return header_text(self.spec.columns[section])
        return str(section + 1)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self.spec.editable and self.column(index).editable and not self.session.read_only:
            base |= (Qt.ItemFlag.ItemIsUserCheckable if self.column(index).kind == "bool"
                     else Qt.ItemFlag.ItemIsEditable)
        return base

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role == Qt.ItemDataRole.CheckStateRole and \
                self.flags(index) & Qt.ItemFlag.ItemIsUserCheckable:
            role, value = Qt.ItemDataRole.EditRole, Qt.CheckState(value) == Qt.CheckState.Checked
        elif role != Qt.ItemDataRole.EditRole or \
                not (self.flags(index) & Qt.ItemFlag.ItemIsEditable):
            return False
        column = self.column(index)
        row = self._rows[index.row()]
        if self.value(row, column) == value:
            return False
        return self.edit_cell(row, column, value)

    def edit_cell(self, row: Any, column: Column, value: Any) -> bool:
        """A typed cell, as one named change ("Change territory")."""
        return self.session.attempt(lambda: row_ops.edit(
            row, f"Change {column.header.lower()}", **{column.key: value}))
