"""The goals table: filtered and sorted by planner.rules.goal_list, with each
goal's sign-off state and the metrics that measure it; drag to reorder.

Filtering and sorting happen in the model over records (no proxy model):
the view's rows are the model's rows, so selection, focus and drag keep
working by row id.
"""

from typing import Any

from PySide6.QtCore import QByteArray, QMimeData, QModelIndex, Qt, Signal
from PySide6.QtWidgets import QWidget

from planner.model import CheckIn, Goal, Metric, MetricGoal, MetricValue, Person, Plan, Record
from planner.operations import goals as goal_ops
from planner.rules import checkins, goal_list
from planner.rules.goal_list import GoalContext, GoalFilter
from planner.i18n import _ as core_words  # the statuses, in the language spoken
from planner.rules.metrics import metric_statuses
from planner.rules.signoff import signed_text
from planner.ui.i18n import tr
from planner.ui.widgets.colours import AGREED, STATUS_COLOURS, WAITING
from planner.ui.widgets.columns import DASH, Column
from planner.ui.widgets.models import ANSWERED, Index, PlanTableModel
from planner.ui.widgets.table_view import PlanTableView
from planner.outline.actuals import actual_values
from planner.i18n import day

MIME = "application/x-tandem-goal-ids"
# The fields whose wording is signed (said in the window's language in confirm_reword).
WORDING_NAMES = {"title": "title", "description": "description",
                 "success_measure": "success measure", "due_date": "due date"}


class GoalsTableModel(PlanTableModel):
    """Goal rows, filtered and sorted, with sign-off state and linked metrics."""

    def __init__(self, session: Any, spec: Any, parent: Any = None) -> None:
        self.filter = GoalFilter()
        self.sort_column, self.sort_order = -1, Qt.SortOrder.AscendingOrder
        self.context = GoalContext()
        super().__init__(session, spec, parent)

    # -- what the rows show ---------------------------------------------------

    def lookup_kinds(self) -> frozenset[type[Record]]:
        return frozenset({Person, Metric, MetricValue, MetricGoal, Plan, CheckIn})

    def refresh_lookups(self) -> None:
        store = self.session.store
        self.names = {p.id: p.name for p in store.rows(Person)}
        metrics = store.rows(Metric)
        statuses = metric_statuses(store.plan(), metrics, actual_values(store))
        metric_names = {m.id: m.name for m in metrics}
        links: dict[str, list[str]] = {}
        for link in store.rows(MetricGoal):
            if link.metric_id in metric_names:
                links.setdefault(link.goal_id, []).append(link.metric_id)
        self.history = checkins.latest(store)
        self.context = GoalContext(
            self.names, metric_names, {m.id: statuses[m.id].status.value for m in metrics},
            {g: sorted(ms, key=lambda m: (metric_names[m], m)) for g, ms in links.items()},
            {g: rows[-1] for g, rows in self.history.items()})
        self._choose_key()

    def value(self, row: Goal, column: Column) -> Any:
        if column.kind == "agreement":
            return goal_list.state(row)
        if column.kind == "metrics":
            return list(self.context.metrics_of(row))
        if column.kind == "checkin":
            return self.context.latest.get(row.id)
        return super().value(row, column)

    # -- filter and order -------------------------------------------------------

    @property
    def sort_key_column(self) -> str | None:
        if 0 <= self.sort_column < len(self.spec.columns):
            return self.spec.columns[self.sort_column].key
        return None

    def sort_key(self, row: Goal) -> Any:
        return self._key(row)

    def _choose_key(self) -> None:
        """The key of the order shown, made once per filter, sort or lookup."""
        self._key = goal_list.sort_key(self.sort_key_column, self.context,
                                       self.sort_order == Qt.SortOrder.DescendingOrder)

    def sorts_by_lookups(self) -> bool:
        return self.sort_key_column in ("sales_owner_id", "marketing_owner_id", "metric_ids",
                                        "checkin") \
            or bool(self.filter.text.strip())

    def accepts(self, row: Goal) -> bool:
        return goal_list.matches(row, self.filter, self.context)

    def apply_view(self, goal_filter: GoalFilter | None = None, column: int | None = None,
                   order: Qt.SortOrder | None = None) -> None:
        """Show the goals a filter lets through, in the chosen order."""
        if goal_filter is not None:
            self.filter = goal_filter
        if column is not None:
            self.sort_column = column
        if order is not None:
            self.sort_order = order
        self._choose_key()
        self.relayout()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self.apply_view(column=column, order=order)

    @property
    def manual_order(self) -> bool:
        return self.sort_column < 0

    @property
    def total(self) -> int:
        """Every goal in the plan, shown or filtered out."""
        return len(self.session.store.rows(Goal))

    def goal(self, goal_id: str | None) -> Goal | None:
        return self.session.store.get(Goal, goal_id) if goal_id else None

    # -- display --------------------------------------------------------------

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role not in ANSWERED or not index.isValid():
            return None
        column, row = self.column(index), self._rows[index.row()]
        if column.kind == "agreement":
            waiting = goal_list.waiting(row)
            if role == Qt.ItemDataRole.DisplayRole:
                return ("\u2713 " if not waiting else "") + goal_list.state(row)
            if role == Qt.ItemDataRole.ForegroundRole:
                return AGREED if not waiting else WAITING
            if role == Qt.ItemDataRole.ToolTipRole:
                return tr("Sales: {sales}\nMarketing: {marketing}").format(
                    sales=signed_text(row, "sales", self.names),
                    marketing=signed_text(row, "marketing", self.names))
        if column.kind == "metrics":
            ctx = self.context
            ids = ctx.metrics_of(row)
            if role == Qt.ItemDataRole.DisplayRole:
                return "; ".join(f"{ctx.metric_names[m]} ({core_words(ctx.metric_status[m])})"
                                 for m in ids) or DASH
            if role == Qt.ItemDataRole.ForegroundRole and ids:
                worst = min(ids, key=lambda m: goal_list.WORST_FIRST.index(ctx.metric_status[m]))
                return STATUS_COLOURS[ctx.metric_status[worst]]
        if column.kind == "checkin":
            latest = self.context.latest.get(row.id)
            if role == Qt.ItemDataRole.DisplayRole:
                return checkins.summary(latest, row) if latest else tr("not checked in yet")
            if role == Qt.ItemDataRole.ForegroundRole:
                return STATUS_COLOURS[checkins.confidence_status(latest.confidence).value] \
                    if latest else WAITING
            if role == Qt.ItemDataRole.ToolTipRole and latest:
                who = self.names.get(latest.author_id or "", tr("a guest"))
                return tr("{who} on {day}: {note}").format(
                    who=who, day=day(latest.checked_on), note=latest.note or DASH)
        return super().data(index, role)

    # -- editing ------------------------------------------------------------

    def edit_cell(self, row: Goal, column: Column, value: Any) -> bool:
        if column.kind == "metrics":
            return self.session.do(goal_ops.link_metrics(self.session.store, row, set(value)))
        if column.key in WORDING_NAMES and not self.confirm_reword(row, column.key, value):
            return False
        return super().edit_cell(row, column, value)

    def confirm_reword(self, goal: Goal, field: str, value: Any = None) -> bool:
        """Say which sign-offs a new wording withdraws, before it happens."""
        from planner.ui.widgets.signing import confirm_wording_change

        parent = self.parent() if isinstance(self.parent(), QWidget) else None
        what = {"title": tr("title"), "description": tr("description"),
                "success_measure": tr("success measure"), "due_date": tr("due date")}
        return confirm_wording_change(parent, self.session, goal, what[field],
                                      self.names, value, field)

    # -- drag and drop: reorder in the plan's own order -----------------------

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = super().flags(index)
        if self.manual_order and not self.session.read_only:
            base |= Qt.ItemFlag.ItemIsDropEnabled  # below the last row: to the end
            if index.isValid():
                base |= Qt.ItemFlag.ItemIsDragEnabled
        return base

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [MIME]

    def mimeData(self, indexes: list[QModelIndex]) -> QMimeData:  # type: ignore[override]
        ids = list(dict.fromkeys(self.row_id(i.row()) for i in indexes if i.isValid()))
        data = QMimeData()
        data.setData(MIME, QByteArray("\n".join(ids).encode()))
        return data

    def canDropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int, column: int,
                        parent: Index) -> bool:
        return self.manual_order and not self.session.read_only and data.hasFormat(MIME)

    def dropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int, column: int,
                     parent: Index) -> bool:
        if not self.canDropMimeData(data, action, row, column, parent):
            return False
        ids = [i for i in bytes(data.data(MIME).data()).decode().split("\n") if i]
        target = parent.row() if parent.isValid() else row
        before = self.row_id(target) if 0 <= target < len(self._rows) else None
        return self.move(ids, before)

    def move(self, ids: list[str], before: str | None) -> bool:
        """Put goals before another (None: after the last one shown)."""
        order = [g.id for g in self.session.store.rows(Goal)]
        if before is None and self._rows:  # after the last goal shown, filters or not
            after = order.index(self._rows[-1].id) + 1
            before = order[after] if after < len(order) else None
        return self.session.do(goal_ops.move(self.session.store, ids, before))


class GoalsView(PlanTableView):
    """Goals drag into place; the drop says why when a sort is in the way."""

    refused = Signal(str)

    def dropEvent(self, event: Any) -> None:
        model = self.model()
        if isinstance(model, GoalsTableModel) and not model.manual_order:
            self.refused.emit(tr("The list is sorted: click the sorted column until the sort "
                                 "goes away to drag goals into place."))
            event.ignore()
            return
        super().dropEvent(event)
