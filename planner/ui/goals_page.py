"""Goals: the list a VP works (filter, search, sort, reorder), sign-off, one goal's detail.

Filtering and sorting happen in the model over plain rows (no proxy): the
view's rows are the model's rows, so selection, focus and drag keep working
by row id, and 1,000 goals filter and sort in a few milliseconds.
"""

from dataclasses import dataclass
from html import escape
from typing import Any

from PySide6.QtCore import QByteArray, QMimeData, QModelIndex, QSettings, Qt, Signal
from PySide6.QtGui import QAction, QColor, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView, QCheckBox, QComboBox, QGridLayout, QHBoxLayout, QLabel, QLineEdit,
    QMainWindow, QMenu, QPlainTextEdit, QPushButton, QSplitter, QVBoxLayout, QWidget)

from planner.edits import Compound, InsertRow, UpdateRow, moved, reorder, set_links
from planner.model import Goal, Metric, MetricGoal, MetricValue, Person, utc_now
from planner.model.enums import GoalStatus, Team, label
from planner.errors import PlanError
from planner.model.validation import LONG_TEXT_MAX, validate_row
from planner.rules.metrics import metric_statuses
from planner.rules.signoff import (
    SIDES, agreement_state, has_signed, sign_or_withdraw, signed_text, waiting_for,
    withdraw_changes)
from planner.store.plan_store import Change
from planner.ui.lazy import dialogs
from planner.ui.metrics_page import STATUS_COLOURS
from planner.ui.models import Index, PlanTableModel
from planner.ui.pages import PlanTableView, SaveWhileTyping, TablePage
from planner.ui.session import PlanSession

MIME = "application/x-tandem-goal-ids"
AGREED_COLOUR, WAITING_COLOUR = QColor("#2E7D32"), QColor("#B26A00")
WORDING_NAMES = {"title": "title", "description": "description",
                 "success_measure": "success measure", "due_date": "due date"}
STATUS_ORDER = {s: n for n, s in enumerate(GoalStatus)}
WORST_FIRST = ("off_track", "at_risk", "no_data", "on_track")


@dataclass(frozen=True)
class GoalFilter:
    text: str = ""
    status: GoalStatus | None = None
    proposed_by: Team | None = None
    owner_id: str | None = None
    agreed: bool | None = None          # True: agreed only; False: not yet agreed
    waiting_for: str | None = None      # "sales" or "marketing"

    @property
    def active(self) -> bool:
        return self != GoalFilter()


class GoalsTableModel(PlanTableModel):
    """Goal rows, filtered and sorted, with sign-off state and linked metrics."""

    def __init__(self, session: PlanSession, spec: Any, parent: Any = None) -> None:
        self._all: list[dict[str, Any]] = []
        self._links: dict[str, list[str]] | None = None
        self.filter = GoalFilter()
        self.sort_column, self.sort_order = -1, Qt.SortOrder.AscendingOrder
        super().__init__(session, spec, parent)

    # -- rows -------------------------------------------------------------

    def _query(self) -> list[dict[str, Any]]:
        rows = super()._query()  # every goal, in the plan's order; problems over all
        if self._links is None:  # metrics are read again only when they changed
            store = self.session.store
            metrics = store.rows(Metric, ["name"])
            statuses = metric_statuses(store.plan(), metrics, store.rows(MetricValue))
            self._links = {}
            for link in store.rows(MetricGoal):
                self._links.setdefault(link["goal_id"], []).append(link["metric_id"])
            self.metric_names = {m["id"]: m["name"] for m in metrics}
            self.metric_status = {m["id"]: statuses[m["id"]].status.value for m in metrics}
        links = self._links
        for row in rows:
            ids = sorted(links.get(row["id"], []), key=lambda i: self.metric_names[i])
            row["metric_ids"] = ids
            row["agreement"] = agreement_state(row)
            row["waiting_for"] = waiting_for(row)
        self._all = rows
        return self._visible(rows)

    def _visible(self, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
        f = self.filter
        needle = f.text.strip().casefold()
        shown = []
        for r in rows:
            if f.status is not None and r["status"] is not f.status:
                continue
            if f.proposed_by is not None and r["proposed_by"] is not f.proposed_by:
                continue
            if f.owner_id is not None and f.owner_id not in (r["sales_owner_id"],
                                                             r["marketing_owner_id"]):
                continue
            if f.agreed is not None and (not r["waiting_for"]) != f.agreed:
                continue
            if f.waiting_for is not None and (f.waiting_for not in r["waiting_for"]
                                              or r["status"] is GoalStatus.DROPPED):
                continue
            if needle and needle not in self._haystack(r):
                continue
            shown.append(r)
        if 0 <= self.sort_column < len(self.spec.columns):
            key = self._sort_key(self.spec.columns[self.sort_column].key)
            blanks = [r for r in shown if key(r) is None]
            filled = sorted((r for r in shown if key(r) is not None), key=key,
                            reverse=self.sort_order == Qt.SortOrder.DescendingOrder)
            shown = filled + blanks  # empty cells last, whichever the direction
        return shown

    def _haystack(self, r: dict[str, Any]) -> str:
        names = (self._names.get(r["sales_owner_id"] or "", ""),
                 self._names.get(r["marketing_owner_id"] or "", ""))
        return "\n".join((r["title"], r["description"], r["success_measure"],
                          r["shared_reward"], *names,
                          *(self.metric_names.get(m, "") for m in r["metric_ids"]))).casefold()

    def _sort_key(self, key: str) -> Any:
        names = self._names
        if key in ("sales_owner_id", "marketing_owner_id"):
            return lambda r: names.get(r[key], "").casefold() if r[key] else None
        if key == "status":
            return lambda r: STATUS_ORDER[r["status"]]
        if key == "proposed_by":
            return lambda r: label(r["proposed_by"])
        if key == "agreement":
            return lambda r: (len(r["waiting_for"]), r["waiting_for"])
        if key == "metric_ids":
            return lambda r: min((WORST_FIRST.index(self.metric_status[m])
                                  for m in r["metric_ids"]), default=None)
        if key == "due_date":
            return lambda r: r["due_date"]
        return lambda r: str(r[key]).strip().casefold() or None

    def apply_view(self, goal_filter: GoalFilter | None = None, column: int | None = None,
                   order: Qt.SortOrder | None = None) -> None:
        """Show the goals a filter lets through, in the chosen order."""
        self.beginResetModel()
        if goal_filter is not None:
            self.filter = goal_filter
        if column is not None:
            self.sort_column = column
        if order is not None:
            self.sort_order = order
        self._rows = self._visible(self._all)
        self.endResetModel()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self.apply_view(column=column, order=order)

    @property
    def manual_order(self) -> bool:
        return self.sort_column < 0

    @property
    def total(self) -> int:
        """Every goal in the plan, shown or filtered out."""
        return len(self._all)

    def goal(self, goal_id: str | None) -> dict[str, Any] | None:
        """A goal's row as the table knows it (with its links and sign-off state)."""
        return next((r for r in self._all if r["id"] == goal_id), None)

    def order(self) -> list[str]:
        """Every goal's id in the plan's own order (filtered out or not)."""
        return [r["id"] for r in self._all]

    @property
    def names(self) -> dict[str | None, str]:
        """People's names by id, as the table shows them."""
        return self._names  # type: ignore[return-value]

    def _on_plan_changed(self, change: Change) -> None:
        if change.tables.keys() & {"metric", "metric_value", "metric_goal", "plan"}:
            self._links = None
        if "goal" not in change.tables and change.tables.keys() & {"metric", "metric_value"}:
            self._rows = self._query()
            self._emit_all_changed()
            return
        super()._on_plan_changed(change)

    # -- display --------------------------------------------------------------

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        column, row = self.column(index), self._rows[index.row()]
        if column.kind == "agreement":
            if role == Qt.ItemDataRole.DisplayRole:
                return ("\u2713 " if not row["waiting_for"] else "") + row["agreement"]
            if role == Qt.ItemDataRole.ForegroundRole:
                return AGREED_COLOUR if not row["waiting_for"] else WAITING_COLOUR
            if role == Qt.ItemDataRole.ToolTipRole:
                return (f"Sales: {signed_text(row, 'sales', self._names)}\n"
                        f"Marketing: {signed_text(row, 'marketing', self._names)}")
        if column.kind == "metrics":
            if role == Qt.ItemDataRole.DisplayRole:
                return "; ".join(f"{self.metric_names[m]} "
                                 f"({self.metric_status[m].replace('_', ' ')})"
                                 for m in row["metric_ids"]) or "\u2014"
            if role == Qt.ItemDataRole.ForegroundRole and row["metric_ids"]:
                worst = min(row["metric_ids"],
                            key=lambda m: WORST_FIRST.index(self.metric_status[m]))
                return STATUS_COLOURS[self.metric_status[worst]]
        return super().data(index, role)

    # -- editing ------------------------------------------------------------

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or self.session.read_only:
            return False
        column, row = self.column(index), self._rows[index.row()]
        if column.kind == "metrics" and role == Qt.ItemDataRole.EditRole:
            return self._link_metrics(row, set(value))
        if (role == Qt.ItemDataRole.EditRole and column.key in Goal.wording_fields
                and row[column.key] != value):
            stored = self.session.store.get(Goal, row["id"])
            try:  # a wording that would be refused is refused before anyone is asked
                validate_row(Goal, {**(stored or {}), column.key: value})
            except PlanError as exc:
                self.session.problem_reported.emit(str(exc))
                return False
            if not self.confirm_reword(row, column.key):
                return False
        return super().setData(index, value, role)

    def confirm_reword(self, goal: dict[str, Any], field: str) -> bool:
        """Say which sign-offs a new wording withdraws, before it happens."""
        signed = [s for s in SIDES if goal[f"{s}_signed_at"]]
        if not signed:
            return True
        who = " and ".join(f"{s} ({signed_text(goal, s, self._names)})" for s in signed)
        parent = self.parent() if isinstance(self.parent(), QWidget) else None
        return bool(dialogs.confirm(
            parent, "Change signed wording?",
            f"Changing the {WORDING_NAMES[field]} of \u201c{goal['title']}\u201d withdraws the "
            f"sign-off of {who}. Both sides will need to sign the new wording.",
            "Change and withdraw sign-offs", "Keep the signed wording"))

    def _link_metrics(self, row: dict[str, Any], wanted: set[str]) -> bool:
        edit = set_links(self.session.store.rows(MetricGoal), "goal_id", row["id"], wanted,
                         "Link metrics")
        return edit is not None and self.session.do(edit)

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
        order = self.order()
        if before is None and self._rows:  # after the last goal shown, filters or not
            last = self._rows[-1]["id"]
            after = order.index(last) + 1
            before = order[after] if after < len(order) else None
        new = moved(order, ids, before)
        if new == order or not ids:
            return False
        noun = "goal" if len(ids) == 1 else f"{len(ids)} goals"
        return self.session.do(reorder("goal", new, f"Move {noun}"))


class GoalsView(PlanTableView):
    """Goals drag into place; the drop says why when a sort is in the way."""

    refused = Signal(str)

    def dropEvent(self, event: Any) -> None:
        model = self.model()
        if isinstance(model, GoalsTableModel) and not model.manual_order:
            self.refused.emit("The list is sorted: click the sorted column until the sort "
                              "goes away to drag goals into place.")
            event.ignore()
            return
        super().dropEvent(event)


class GoalDetail(QWidget):
    """The current goal in full: description, reward, who signed, what measures it."""

    sign_requested = Signal(str)
    reword_requested = Signal()

    def __init__(self, session: PlanSession, model: GoalsTableModel) -> None:
        super().__init__(objectName="goalDetail")
        self.session, self.model = session, model
        self.goal_id: str | None = None
        self.heading = QLabel(objectName="goalHeading", wordWrap=True)
        self.state = QLabel(objectName="goalState", wordWrap=True)
        self.proposed = QLabel(objectName="pageHint")
        self.measured = QLabel(objectName="goalMetrics", wordWrap=True)
        self.description = QPlainTextEdit(objectName="goalDescription")
        self.description.setPlaceholderText("Why this goal matters to both teams")
        self.reward = QPlainTextEdit(objectName="goalReward")
        self.reward.setPlaceholderText("What both teams get when we hit it")
        self.locked = QLabel("Signed wording: the description is locked.",
                             objectName="pageHint")
        self.reword = QPushButton("Reword\u2026", objectName="rewordGoal")
        self.reword.setToolTip("Withdraws both sign-offs so the wording can change")
        self.sign_sales = QPushButton(objectName="signSales")
        self.sign_marketing = QPushButton(objectName="signMarketing")
        self.sign_sales.clicked.connect(lambda: self.sign_requested.emit("sales"))
        self.sign_marketing.clicked.connect(lambda: self.sign_requested.emit("marketing"))
        self.reword.clicked.connect(self.reword_requested.emit)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 8, 0, 0)
        grid.addWidget(self.heading, 0, 0, 1, 3)
        grid.addWidget(QLabel("Description"), 1, 0)
        grid.addWidget(QLabel("Shared reward"), 1, 1)
        grid.addWidget(QLabel("Sign-off"), 1, 2)
        grid.addWidget(self.description, 2, 0, 2, 1)
        grid.addWidget(self.reward, 2, 1, 2, 1)
        side = QVBoxLayout()
        for widget in (self.state, self.sign_sales, self.sign_marketing, self.proposed,
                       self.measured):
            side.addWidget(widget)
        side.addStretch()
        grid.addLayout(side, 2, 2, 2, 1)
        lock = QHBoxLayout()
        lock.addWidget(self.locked)
        lock.addWidget(self.reword)
        lock.addStretch()
        grid.addLayout(lock, 4, 0)
        grid.setColumnStretch(0, 3)
        grid.setColumnStretch(1, 2)
        grid.setColumnStretch(2, 2)
        SaveWhileTyping(self.description, lambda typing: self._save("description", typing))
        SaveWhileTyping(self.reward, lambda typing: self._save("shared_reward", typing))
        session.plan_changed.connect(self._on_plan_changed)
        self.show_goal(None)

    def _save(self, field: str, typing: bool) -> None:
        goal = self.session.store.get(Goal, self.goal_id) if self.goal_id else None
        editor = self.description if field == "description" else self.reward
        if goal is None or self.session.read_only or editor.isReadOnly():
            return
        text = editor.toPlainText()
        if text == goal[field] or (typing and len(text) > LONG_TEXT_MAX):
            return
        noun = "description" if field == "description" else "shared reward"
        if not self.session.do(UpdateRow("goal", goal["id"], {field: text},
                                         label=f"Change goal {noun}"),
                               merge_key=f"goal.{goal['id']}.{field}") and not typing:
            self.show_goal(self.goal_id)

    def _on_plan_changed(self, change: Change) -> None:
        # The table's model has refreshed by now (it listened first): read from it.
        if self.goal_id and change.tables.keys() & {"goal", "person", "metric", "metric_goal",
                                                    "metric_value"}:
            self.show_goal(self.goal_id)

    def show_goal(self, goal_id: str | None) -> None:
        """Shown from the rows the table holds: no query of its own."""
        model = self.model
        goal = model.goal(goal_id)
        self.goal_id = goal["id"] if goal else None
        for w in (self.description, self.reward, self.sign_sales, self.sign_marketing,
                  self.reword, self.locked):
            w.setVisible(goal is not None)
        if goal is None:
            self.heading.setText("Choose a goal to see it in full.")
            for w in (self.state, self.proposed, self.measured):
                w.clear()
            return
        names = model.names
        self.heading.setText(f"<b>{escape(goal['title'])}</b>")
        self.state.setText(f"{agreement_state(goal)}<br>Sales: "
                           f"{escape(signed_text(goal, 'sales', names))}<br>Marketing: "
                           f"{escape(signed_text(goal, 'marketing', names))}")
        for button, side in ((self.sign_sales, "sales"), (self.sign_marketing, "marketing")):
            button.setText(f"Withdraw {side} sign-off" if has_signed(goal, side)
                           else f"Sign for {side}")
            button.setEnabled(not self.session.read_only)
        self.proposed.setText(f"Proposed by {label(goal['proposed_by']).lower()} on "
                              f"{goal['created_at']:%-d %b %Y}")
        self.measured.setText("Measured by: " + ("; ".join(
            f"{escape(model.metric_names[m])}: {model.metric_status[m].replace('_', ' ')}"
            for m in goal["metric_ids"]) or "no metric linked yet"))
        signed = any(goal[f"{s}_signed_at"] for s in SIDES)
        self.description.setReadOnly(signed or self.session.read_only)
        self.reward.setReadOnly(self.session.read_only)
        self.locked.setVisible(signed)
        self.reword.setVisible(signed and not self.session.read_only)
        for editor, field in ((self.description, "description"), (self.reward, "shared_reward")):
            typing = editor.hasFocus() and editor.toPlainText().strip() == goal[field].strip()
            if editor.toPlainText() != goal[field] and not typing:
                editor.setPlainText(goal[field])


class GoalsPage(TablePage):
    """Goals both teams set: the list, its filters, sign-off and the goal in full."""

    model_class = GoalsTableModel
    view_class = GoalsView
    model: GoalsTableModel

    def body(self) -> QWidget:
        self.search = QLineEdit(objectName="goalSearch", clearButtonEnabled=True)
        self.search.setPlaceholderText("Search goals (Ctrl+F)")
        # Combo data are plain values: a str-based enum comes back as a plain str.
        self.status_filter = self._combo("statusFilter", "Any status",
                                         [(label(s), s.value) for s in GoalStatus])
        self.proposed_filter = self._combo("proposedFilter", "Proposed by anyone",
                                           [(f"Proposed by {label(t).lower()}", t.value)
                                            for t in (Team.SALES, Team.MARKETING)])
        self.owner_filter = self._combo("ownerFilter", "Any owner", [])
        self.agreed_filter = self._combo("agreedFilter", "Agreed or not",
                                         [("Agreed", True), ("Not yet agreed", False)])
        self.waiting_mine = QCheckBox("Waiting for my side:", objectName="waitingMine")
        self.my_side = self._combo("mySide", None, [("Sales", "sales"),
                                                    ("Marketing", "marketing")])
        self.my_side.setCurrentIndex(max(0, self.my_side.findData(
            QSettings().value("goals/my_side", "sales"))))
        self.shown = QLabel(objectName="pageHint")
        bar = QHBoxLayout()
        bar.addWidget(self.search, 2)
        for w in (self.status_filter, self.proposed_filter, self.owner_filter,
                  self.agreed_filter, self.waiting_mine, self.my_side):
            bar.addWidget(w)
        bar.addWidget(self.shown)
        self.search.textChanged.connect(self._filter_changed)
        for combo in (self.status_filter, self.proposed_filter, self.owner_filter,
                      self.agreed_filter, self.my_side):
            combo.currentIndexChanged.connect(self._filter_changed)
        self.waiting_mine.toggled.connect(self._filter_changed)
        self.my_side.currentIndexChanged.connect(
            lambda: QSettings().setValue("goals/my_side", self.my_side.currentData()))

        view = self.view
        view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        # DragDrop with a move by default (not InternalMove): the model's own
        # MIME type already keeps drops to goals from this plan.
        view.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        view.setDefaultDropAction(Qt.DropAction.MoveAction)
        view.setDragDropOverwriteMode(False)
        view.setDropIndicatorShown(True)
        header = view.horizontalHeader()
        header.setSortIndicatorClearable(True)
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        view.setSortingEnabled(True)
        assert isinstance(view, GoalsView)
        view.refused.connect(self.session.problem_reported)

        self.detail = GoalDetail(self.session, self.model)
        self.detail.sign_requested.connect(self.sign)
        self.detail.reword_requested.connect(self.reword)
        view.selectionModel().currentRowChanged.connect(self._current_changed)
        self.model.modelReset.connect(self._current_changed)

        self.actions_by_name = self._build_actions()
        view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        view.customContextMenuRequested.connect(
            lambda pos: self.menu().exec(view.viewport().mapToGlobal(pos)))
        self.session.plan_changed.connect(self._on_plan_changed)
        self._fill_owners()

        split = QSplitter(Qt.Orientation.Vertical, objectName="goalSplit")
        split.addWidget(view)
        split.addWidget(self.detail)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 1)
        split.setSizes([520, 230])
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(split)
        for first, second in ((self.search, self.status_filter),
                              (self.status_filter, self.proposed_filter),
                              (self.proposed_filter, self.owner_filter),
                              (self.owner_filter, self.agreed_filter),
                              (self.agreed_filter, self.waiting_mine),
                              (self.waiting_mine, self.my_side), (self.my_side, view),
                              (view, self.detail.description),
                              (self.detail.description, self.detail.reward)):
            QWidget.setTabOrder(first, second)
        return box

    def _combo(self, name: str, anything: str | None, items: list[tuple[str, Any]]) -> QComboBox:
        combo = QComboBox(objectName=name)
        if anything is not None:
            combo.addItem(anything, None)
        for text, value in items:
            combo.addItem(text, value)
        return combo

    def _build_actions(self) -> dict[str, QAction]:
        specs = [
            ("find", "&Find goals", ("Ctrl+F",), self._find),
            ("clear", "Show &all goals", ("Ctrl+Shift+F",), self.clear_filters),
            ("sign_sales", "Sign off for &sales", ("Ctrl+Shift+S",), lambda: self.sign("sales")),
            ("sign_marketing", "Sign off for &marketing", ("Ctrl+Shift+M",),
             lambda: self.sign("marketing")),
            ("reword", "&Reword (withdraw sign-offs)\u2026", (), self.reword),
            ("move_up", "Move &up", ("Ctrl+Up",), lambda: self.move_selected(-1)),
            ("move_down", "Move &down", ("Ctrl+Down",), lambda: self.move_selected(1)),
        ]
        keys = {GoalStatus.PROPOSED: "P", GoalStatus.ACTIVE: "A", GoalStatus.DONE: "D",
                GoalStatus.DROPPED: "X"}
        for status in GoalStatus:
            specs.append((f"status_{status.value}", f"Set status: {label(status)}",
                          (f"Ctrl+Shift+{keys[status]}",), lambda _=False, s=status: self.set_status(s)))
        actions = {}
        for name, text, keys, slot in specs:
            action = QAction(text, self)
            action.setObjectName(f"goals.{name}")
            action.setShortcuts([QKeySequence(k) for k in keys])
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.triggered.connect(slot)
            self.addAction(action)
            actions[name] = action
        actions["sign_sales"].setStatusTip("Sign the selected goals for sales; if all are "
                                           "signed, withdraw the sign-off")
        return actions

    def menu(self) -> QMenu:
        """The goal actions, for the menu bar and the context menu."""
        menu = QMenu("&Goal", self)
        a = self.actions_by_name
        for names in (("sign_sales", "sign_marketing", "reword"),
                      tuple(f"status_{s.value}" for s in GoalStatus),
                      ("move_up", "move_down"), ("find", "clear")):
            for name in names:
                menu.addAction(a[name])
            menu.addSeparator()
        return menu

    # -- filters ------------------------------------------------------------

    def current_filter(self) -> GoalFilter:
        status, proposer = self.status_filter.currentData(), self.proposed_filter.currentData()
        return GoalFilter(text=self.search.text(),
                          status=None if status is None else GoalStatus(status),
                          proposed_by=None if proposer is None else Team(proposer),
                          owner_id=self.owner_filter.currentData(),
                          agreed=self.agreed_filter.currentData(),
                          waiting_for=self.my_side.currentData()
                          if self.waiting_mine.isChecked() else None)

    def _filter_changed(self) -> None:
        self.model.apply_view(self.current_filter())

    def clear_filters(self) -> None:
        for combo in (self.status_filter, self.proposed_filter, self.owner_filter,
                      self.agreed_filter):
            combo.blockSignals(True)
            combo.setCurrentIndex(0)
            combo.blockSignals(False)
        self.waiting_mine.blockSignals(True)
        self.waiting_mine.setChecked(False)
        self.waiting_mine.blockSignals(False)
        self.search.clear()
        self._filter_changed()

    def _find(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def _fill_owners(self) -> None:
        chosen = self.owner_filter.currentData()
        self.owner_filter.blockSignals(True)
        self.owner_filter.clear()
        self.owner_filter.addItem("Any owner", None)
        for p in self.session.store.rows(Person, ["team", "name"]):
            if p["team"] in (Team.SALES, Team.MARKETING):
                self.owner_filter.addItem(f"{p['name']} ({label(p['team']).lower()})", p["id"])
        self.owner_filter.setCurrentIndex(max(0, self.owner_filter.findData(chosen)))
        self.owner_filter.blockSignals(False)

    def _on_plan_changed(self, change: Change) -> None:
        if "person" in change.tables:
            self._fill_owners()

    def _count(self) -> None:
        model = self.model
        total = model.total
        shown = model.rowCount()
        self.count_label.setText(f"{shown} of {total} goals" if shown != total
                                 else f"{total} goals")

    def _current_changed(self) -> None:
        index = self.view.currentIndex()
        self.detail.show_goal(self.model.row_id(index.row()) if index.isValid() else None)
        self._count()

    # -- actions on the selected goals ----------------------------------------------

    def _selected_goals(self) -> list[dict[str, Any]]:
        store = self.session.store
        return [g for g in (store.get(Goal, i) for i in self.selected_ids()) if g is not None]

    def _say(self, text: str) -> None:
        window = self.window()
        if isinstance(window, QMainWindow):
            window.statusBar().showMessage(text, 8000)

    def sign(self, side: str) -> bool:
        """Sign the selected goals for one side, in the name of that side's head;
        when all are signed already, withdraw that side's sign-off."""
        goals = self._selected_goals()
        if not goals or self.session.read_only:
            return False
        noun = "goal" if len(goals) == 1 else f"{len(goals)} goals"
        already = all(has_signed(g, side) for g in goals)
        signer = None if already else self._signer(side)
        if not already and signer is None:
            return False
        changes, withdrawn = sign_or_withdraw(goals, side, signer, utc_now())
        edit = Compound(tuple(UpdateRow("goal", i, c) for i, c in changes),
                        label=f"{'Withdraw' if withdrawn else 'Sign for'} {side}"
                              f"{' sign-off' if withdrawn else ''}")
        if withdrawn:
            done = f"Withdrew the {side} sign-off from {noun}."
        else:
            name = self.session.store.get(Person, signer or "")
            done = f"Signed {noun} for {side} as {name['name'] if name else 'someone'}."
        if self.session.do(edit):
            self._say(done)
            return True
        return False

    def _signer(self, side: str) -> str | None:
        """The plan's head of that side; without one, ask who signs."""
        head = self.session.store.plan()[f"head_of_{side}_id"]
        if head is not None:
            return str(head)
        team = Team.SALES if side == "sales" else Team.MARKETING
        people = [p for p in self.session.store.rows(Person, ["name"])
                  if p["team"] is team and not p["left_plan"]]
        if not people:
            dialogs.warn(self, "Nobody to sign", f"The plan has nobody in {side} to sign. "
                         "Add people, or name a head of " + side + " on the Overview.")
            return None
        chosen = dialogs.ask_item(self, f"Sign for {side}",
                                  f"The plan names no head of {side}. Who signs?",
                                  [p["name"] for p in people])
        return None if chosen is None else str(people[chosen]["id"])

    def reword(self) -> bool:
        """Withdraw both sign-offs of the current goal so its wording can change."""
        goal = self.session.store.get(Goal, self.detail.goal_id or "")
        if goal is None or self.session.read_only or \
                not any(goal[f"{s}_signed_at"] for s in SIDES):
            return False
        if not self.model.confirm_reword(goal, "description"):
            return False
        changes = {**withdraw_changes("sales"), **withdraw_changes("marketing")}
        if self.session.do(UpdateRow("goal", goal["id"], changes,
                                     label="Withdraw sign-offs to reword")):
            self.detail.description.setFocus()
            return True
        return False

    def set_status(self, status: GoalStatus) -> bool:
        goals = [g for g in self._selected_goals() if g["status"] is not status]
        if not goals or self.session.read_only:
            return False
        noun = "goal" if len(goals) == 1 else f"{len(goals)} goals"
        return self.session.do(Compound(tuple(
            UpdateRow("goal", g["id"], {"status": status}) for g in goals),
            label=f"Set {noun} to {label(status).lower()}"))

    def move_selected(self, step: int) -> bool:
        """Move the selected goals one place up or down among the goals shown."""
        model = self.model
        if not model.manual_order:
            self.session.problem_reported.emit(
                "The list is sorted: clear the sort to move goals by hand.")
            return False
        ids = self.selected_ids()
        if not ids:
            return False
        rows = sorted(model.row_of(i) for i in ids)
        if step < 0:
            if rows[0] == 0:
                return False
            before: str | None = model.row_id(rows[0] - 1)
        else:
            if rows[-1] >= model.rowCount() - 1:
                return False
            after = rows[-1] + 2
            before = model.row_id(after) if after < model.rowCount() else None
        return model.move(ids, before)

    def new_row(self, row_id: str) -> InsertRow | None:
        """A goal proposed by my side, at the end of the plan's order; filters
        are cleared so the new goal is in view to be typed into."""
        if self.model.filter.active:
            self.clear_filters()
        side = self.my_side.currentData()
        return InsertRow("goal", {"id": row_id, "title": "New goal",
                                  "proposed_by": Team.SALES if side == "sales"
                                  else Team.MARKETING,
                                  "position": self.model.total}, label="Add goal")

