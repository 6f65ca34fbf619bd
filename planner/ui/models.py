"""Item models over the store: they ask it for rows and never write rows.

Changes go through the session as edits; models refresh when the session
says which tables changed, with the finest signal the change allows.
"""

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from planner.edits import UpdateRow
from planner.model import Person, table_name
from planner.model.enums import Team
from planner.store.plan_store import Change
from planner.ui.columns import Column, TableSpec, display
from planner.ui.session import PlanSession

TEAM_COLOURS = {Team.SALES: QColor("#1D5FA8"), Team.MARKETING: QColor("#C2571A")}
PROBLEM_BACKGROUND = QColor("#FDE8E8")
Index = QModelIndex | QPersistentModelIndex


class PlanTableModel(QAbstractTableModel):
    def __init__(self, session: PlanSession, spec: TableSpec, parent: Any = None) -> None:
        super().__init__(parent)
        self.session, self.spec = session, spec
        self.table = table_name(spec.entity)
        self._rows: list[dict[str, Any]] = []
        self._names: dict[str, str] = {}
        self.problems: dict[str, str] = {}
        self._uses_people = any(c.kind in ("person", "stage") for c in spec.columns)
        self.reload()
        session.plan_changed.connect(self._on_plan_changed)

    # -- reading the store --------------------------------------------------

    def _query(self) -> list[dict[str, Any]]:
        rows = self.session.store.rows(self.spec.entity, self.spec.order_by)
        if self.spec.problems:
            self.problems = self.spec.problems(self.session.store, rows)
        return rows

    def _load_names(self) -> None:
        """Names of the rows other columns refer to (people, funnel stages)."""
        if self._uses_people:
            from planner.model import FunnelStage

            store = self.session.store
            self._names = {p["id"]: p["name"] for p in store.rows(Person)}
            if any(c.kind == "stage" for c in self.spec.columns):
                self._names.update({s["id"]: s["name"] for s in store.rows(FunnelStage)})

    def reload(self) -> None:
        self.beginResetModel()
        self._load_names()
        self._rows = self._query()
        self.endResetModel()

    def _on_plan_changed(self, change: Change) -> None:
        if self._uses_people and change.tables.keys() & {"person", "funnel_stage"}:
            self._load_names()
            if self.table != "person":
                self._emit_all_changed()
        if self.table in change.tables:
            before = self.problems
            self._refresh(change.tables[self.table])
            if self.problems != before:
                self._emit_all_changed()
            self._announce_new_problems(before, change.tables[self.table])
        elif self.spec.problems and change.tables.keys() & {"plan", "person", "metric",
                                                            "metric_goal"}:
            self._rows = self._query()
            self._emit_all_changed()

    def _announce_new_problems(self, before: dict[str, str], touched: frozenset[str]) -> None:
        """An edit that breaks a rule is allowed, and said out loud at once."""
        for row_id in touched:
            if row_id in self.problems and before.get(row_id) != self.problems[row_id]:
                self.session.problem_reported.emit(f"Heads-up: {self.problems[row_id]}")
                return

    def _emit_all_changed(self) -> None:
        if self._rows:
            self.dataChanged.emit(self.index(0, 0),
                                  self.index(len(self._rows) - 1, self.columnCount() - 1))

    def _refresh(self, touched: frozenset[str]) -> None:
        new = self._query()
        old_ids = [r["id"] for r in self._rows]
        new_ids = [r["id"] for r in new]
        if old_ids == new_ids:
            self._rows = new
            for row, row_id in enumerate(new_ids):
                if row_id in touched:
                    self.dataChanged.emit(self.index(row, 0),
                                          self.index(row, self.columnCount() - 1))
        elif len(new_ids) == len(old_ids) + 1 and [i for i in new_ids if i in set(old_ids)] == old_ids:
            row = next(n for n, i in enumerate(new_ids) if i not in set(old_ids))
            self.beginInsertRows(QModelIndex(), row, row)
            self._rows = new
            self.endInsertRows()
        elif len(new_ids) == len(old_ids) - 1 and [i for i in old_ids if i in set(new_ids)] == new_ids:
            row = next(n for n, i in enumerate(old_ids) if i not in set(new_ids))
            self.beginRemoveRows(QModelIndex(), row, row)
            self._rows = new
            self.endRemoveRows()
        else:
            self.beginResetModel()
            self._rows = new
            self.endResetModel()

    # -- Qt's model interface -------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.spec.columns)

    def column(self, index: Index) -> Column:
        return self.spec.columns[index.column()]

    def row_id(self, row: int) -> str:
        return str(self._rows[row]["id"])

    def row_of(self, row_id: str) -> int:
        return next((n for n, r in enumerate(self._rows) if r["id"] == row_id), -1)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        column = self.column(index)
        value = self._rows[index.row()][column.key]
        if column.kind == "bool":  # a check box; Space toggles it
            if role == Qt.ItemDataRole.CheckStateRole:
                return Qt.CheckState.Checked if value else Qt.CheckState.Unchecked
            if role == Qt.ItemDataRole.DisplayRole:
                return "Yes" if value else ""
        if role == Qt.ItemDataRole.DisplayRole:
            return display(column, value, self._names)
        if role == Qt.ItemDataRole.EditRole:
            return value
        problem = self.problems.get(self._rows[index.row()]["id"])
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
            return self.spec.columns[section].header
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
        if self._rows[index.row()][column.key] == value:
            return False
        edit = UpdateRow(self.table, self.row_id(index.row()), {column.key: value},
                         label=f"Change {column.header.lower()}")
        return self.session.do(edit)
