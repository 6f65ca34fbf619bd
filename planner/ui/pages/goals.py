"""Goals: the list a VP works (filter, search, sort, reorder), sign-off, one goal's detail."""

from typing import Any

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView, QCheckBox, QFrame, QLabel, QLineEdit, QMenu, QScrollArea, QSplitter,
    QVBoxLayout, QWidget)

from planner.changes import ChangeSet
from planner.model import Goal, Person
from planner.model.enums import GoalStatus, Team, label
from planner.operations import goals as goal_ops
from planner.rules.goal_list import GoalFilter
from planner.rules.signoff import SIDES, Side, signature
from planner.ui.i18n import tr
from planner.ui.pages.goal_detail import GoalDetail
from planner.ui.pages.table import TablePage, add_filter, filter_combo, side_word
from planner.ui.widgets.flow_layout import FlowLayout
from planner.ui.widgets.goal_model import GoalsTableModel, GoalsView
from planner.ui.widgets.signing import sign_for_side


class GoalsPage(TablePage):
    """Goals both teams set: the list, its filters, sign-off and the goal in full."""

    model_class = GoalsTableModel
    view_class = GoalsView
    model: GoalsTableModel

    def body(self) -> QWidget:
        self.search = QLineEdit(objectName="goalSearch", clearButtonEnabled=True)
        self.search.setPlaceholderText(tr("Search goals (Ctrl+F)"))
        self.search.setAccessibleName(tr("Search goals"))
        # Combo data are plain values: a str-based enum comes back as a plain str.
        self.status_filter = filter_combo("statusFilter", tr("Any status"),
                                         [(tr(label(s)), s.value) for s in GoalStatus],
                                         tr("Status"))
        self.proposed_filter = filter_combo("proposedFilter", tr("Proposed by anyone"),
                                           [(tr("Proposed by {team}").format(
                                               team=side_word(t)), t.value)
                                            for t in (Team.SALES, Team.MARKETING)],
                                           tr("Proposed"))
        self.owner_filter = filter_combo("ownerFilter", tr("Any owner"), [], tr("Owner"))
        self.agreed_filter = filter_combo("agreedFilter", tr("Agreed or not"),
                                         [(tr("Agreed"), True), (tr("Not yet agreed"), False)],
                                         tr("Sign-off"))
        self.waiting_mine = QCheckBox(tr("Waiting for my side"), objectName="waitingMine")
        self.my_side = filter_combo("mySide", None, [(tr("Sales"), "sales"),
                                                    (tr("Marketing"), "marketing")],
                                    tr("My side"))
        self.my_side.setCurrentIndex(max(0, self.my_side.findData(
            QSettings().value("goals/my_side", "sales"))))
        self.shown = QLabel(objectName="pageHint")
        # The bar wraps onto a second row on a small screen, never widening the window.
        bar = FlowLayout()
        self.search.setMinimumWidth(260)
        bar.addWidget(self.search)
        for w in (self.status_filter, self.proposed_filter, self.owner_filter,
                  self.agreed_filter, self.waiting_mine, self.my_side):
            add_filter(bar, w)
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
        self.detail.check_in_requested.connect(self.check_in)
        view.selectionModel().currentRowChanged.connect(self._current_changed)
        self.model.modelReset.connect(self._current_changed)

        self.actions_by_name = self._build_actions()
        self.session.plan_changed.connect(self._on_plan_changed)
        self._fill_owners()

        split = QSplitter(Qt.Orientation.Vertical, objectName="goalSplit")
        split.addWidget(view)
        # The goal in full scrolls when the pane is short, never overlapping itself.
        detail_scroll = QScrollArea(objectName="goalDetailScroll", widgetResizable=True)
        detail_scroll.setFrameShape(QFrame.Shape.NoFrame)
        detail_scroll.setAccessibleName(tr("The goal in full"))
        detail_scroll.setWidget(self.detail)
        split.addWidget(detail_scroll)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 1)
        split.setSizes([420, 330])  # the detail whole: its sign-off lines and buttons
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

    def _build_actions(self) -> dict[str, QAction]:
        specs = [
            ("find", tr("&Find goals"), ("Ctrl+F",), self._find),
            ("clear", tr("Show &all goals"), ("Ctrl+Shift+F",), self.clear_filters),
            ("sign_sales", tr("Sign off for &sales"), ("Ctrl+Shift+S",),
             lambda: self.sign("sales")),
            ("sign_marketing", tr("Sign off for &marketing"), ("Ctrl+Shift+M",),
             lambda: self.sign("marketing")),
            ("reword", tr("&Reword (withdraw sign-offs)\u2026"), (), self.reword),
            ("check_in", tr("&Check in\u2026"), ("Ctrl+Shift+K",), self.check_in),
            ("move_up", tr("Move &up"), ("Ctrl+Up",), lambda: self.move_selected(-1)),
            ("move_down", tr("Move &down"), ("Ctrl+Down",), lambda: self.move_selected(1)),
        ]
        keys = {GoalStatus.PROPOSED: "P", GoalStatus.ACTIVE: "A", GoalStatus.DONE: "D",
                GoalStatus.DROPPED: "X"}
        for status in GoalStatus:
            specs.append((f"status_{status.value}",
                          tr("Set status: {status}").format(status=tr(label(status))),
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
        actions["sign_sales"].setStatusTip(tr("Sign the selected goals for sales; if all are "
                                              "signed, withdraw the sign-off"))
        return actions

    def menu(self) -> QMenu:
        """The goal actions, for the menu bar and the context menu."""
        menu = QMenu(tr("&Goal"), self)
        a = self.actions_by_name
        for names in (("sign_sales", "sign_marketing", "reword", "check_in"),
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
        self.owner_filter.addItem(tr("Any owner"), None)
        for p in self.session.store.rows(Person):
            if p.team in (Team.SALES, Team.MARKETING):
                self.owner_filter.addItem(tr("{name} ({team})").format(
                    name=p.name, team=side_word(p.team)), p.id)
        self.owner_filter.setCurrentIndex(max(0, self.owner_filter.findData(chosen)))
        self.owner_filter.blockSignals(False)

    def _on_plan_changed(self, change: ChangeSet) -> None:
        if change.touches(Person):
            self._fill_owners()
        if change.touches(Goal):
            self._count()

    def _count(self) -> None:
        model = self.model
        total = model.total
        shown = model.rowCount()
        self.count_label.setText(
            tr("{shown} of {total} goals").format(shown=shown, total=total) if shown != total
            else tr("{total} goals").format(total=total))

    def _current_changed(self) -> None:
        index = self.view.currentIndex()
        self.detail.show_goal(self.model.row_id(index.row()) if index.isValid() else None)
        self._count()

    # -- actions on the selected goals ----------------------------------------------

    def _selected_goals(self) -> list[Goal]:
        return [self.model.row(r) for r in self.selected_rows()]

    def sign(self, side: Side) -> bool:
        """Sign the selected goals for one side, in the name of that side's head;
        when all are signed already, withdraw that side's sign-off."""
        goals = self._selected_goals()
        noun = tr("goal") if len(goals) == 1 else tr("{count} goals").format(count=len(goals))
        done, signer = sign_for_side(self, self.session, goals, side,
                                     lambda rows, who: goal_ops.sign_off(rows, side, who))
        if done:
            self.say(tr("Signed {noun} for {side} as {name}.").format(
                noun=noun, side=side_word(side), name=signer.name) if signer else
                tr("Withdrew the {side} sign-off from {noun}.").format(
                    side=side_word(side), noun=noun))
        return done

    def reword(self) -> bool:
        """Withdraw both sign-offs of the current goal so its wording can change."""
        goal = self.session.store.get(Goal, self.detail.goal_id or "")
        if goal is None or self.session.read_only or \
                not any(signature(goal, s).at is not None for s in SIDES):
            return False
        if not self.model.confirm_reword(goal, "description"):
            return False
        if self.session.do(goal_ops.unlock_wording(goal)):
            self.detail.description.setFocus()
            return True
        return False

    def set_status(self, status: GoalStatus) -> bool:
        if self.session.read_only:
            return False
        return self.session.do(goal_ops.set_status(self._selected_goals(), status))

    def move_selected(self, step: int) -> bool:
        """Move the selected goals one place up or down among the goals shown."""
        model = self.model
        if not model.manual_order:
            self.session.report(tr("The list is sorted: clear the sort to move goals by hand."))
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

    def new_row(self) -> tuple[ChangeSet, Any] | None:
        """A goal proposed by my side, at the end of the plan's order; filters
        are cleared so the new goal is in view to be typed into."""
        if self.model.filter.active:
            self.clear_filters()
        side = Team.SALES if self.my_side.currentData() == "sales" else Team.MARKETING
        return goal_ops.add_goal(self.session.store, proposed_by=side)

    def check_in(self) -> bool:
        """Record a check-in on the current goal (a dialog; a refusal is said
        in it, with what was typed kept)."""
        from planner.ui.dialogs.checkin import CheckInDialog

        goal = self.session.store.get(Goal, self.detail.goal_id or "")
        if goal is None or self.session.read_only:
            return False
        rows = self.model.history.get(goal.id, [])
        dialog = CheckInDialog(self, goal, self.session.store.acting,
                               rows[-1].confidence if rows else None)
        from planner.ui import dialogs

        while dialogs.exec_dialog(dialog):
            problems: list[str] = []
            self.session.problem_reported.connect(problems.append)
            try:
                done = self.session.attempt(dialog.build)
            finally:
                self.session.problem_reported.disconnect(problems.append)
            if done:
                return True
            dialog.show_error(problems[-1] if problems else tr("Nothing was recorded."))
        return False
