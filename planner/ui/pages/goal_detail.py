"""One goal in full: description, reward, who signed, what measures it."""

from datetime import date
from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QGridLayout, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget)

from planner.changes import ChangeSet
from planner.model import CheckIn, Goal, Metric, MetricGoal, MetricValue, Person, Plan
from planner.model.validation import LONG_TEXT_MAX
from planner.operations.rows import edit
from planner.rules import checkins
from planner.rules.signoff import SIDES, agreement_state, has_signed, signature, signed_text
from planner.ui.i18n import tr
from planner.ui.pages.table import side_word
from planner.ui.shell.session import PlanSession
from planner.ui.widgets.checkin_chart import CheckInChart, points
from planner.ui.widgets.goal_model import GoalsTableModel
from planner.ui.widgets.save_while_typing import SaveWhileTyping
from planner.ui.widgets.accessible import name
from planner.ui.widgets.text_field import TextField
from planner.i18n import day, short_day


class GoalDetail(QWidget):
    """The current goal in full: description, reward, who signed, what measures it."""

    sign_requested = Signal(str)
    reword_requested = Signal()
    check_in_requested = Signal()

    def __init__(self, session: PlanSession, model: GoalsTableModel) -> None:
        super().__init__(objectName="goalDetail")
        self.session, self.model = session, model
        self.goal_id: str | None = None
        self.heading = QLabel(objectName="goalHeading", wordWrap=True)
        self.state = QLabel(objectName="goalState")
        # Three short lines (state, sales, marketing) as plain text: their size
        # is known, so the layout never squeezes them to two.
        self.state.setTextFormat(Qt.TextFormat.PlainText)
        self.state.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.proposed = QLabel(objectName="pageHint")
        self.measured = QLabel(objectName="goalMetrics", wordWrap=True)
        self.description = TextField(objectName="goalDescription")
        self.description.setPlaceholderText(tr("Why this goal matters to both teams"))
        self.reward = TextField(objectName="goalReward")
        self.reward.setPlaceholderText(tr("What both teams get when we hit it"))
        self.locked = QLabel(tr("Signed wording: the description is locked."),
                             objectName="pageHint")
        self.reword = QPushButton(tr("Reword\u2026"), objectName="rewordGoal")
        self.reword.setToolTip(tr("Withdraws both sign-offs so the wording can change"))
        self.sign_sales = QPushButton(objectName="signSales")
        self.sign_marketing = QPushButton(objectName="signMarketing")
        self.sign_sales.clicked.connect(lambda: self.sign_requested.emit("sales"))
        self.sign_marketing.clicked.connect(lambda: self.sign_requested.emit("marketing"))
        self.reword.clicked.connect(self.reword_requested.emit)
        self.chart = CheckInChart()
        self.latest = QLabel(objectName="goalCheckIn", wordWrap=True)
        self.latest.setTextFormat(Qt.TextFormat.PlainText)
        self.notes = QLabel(objectName="goalCheckInNotes", wordWrap=True)
        self.notes.setTextFormat(Qt.TextFormat.PlainText)
        self.notes.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.check_in = QPushButton(tr("Check in\u2026"), objectName="checkInGoal")
        self.check_in.setToolTip(tr("Record how far the goal is and how sure you are (C)"))
        self.check_in.clicked.connect(self.check_in_requested.emit)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 8, 0, 0)
        grid.addWidget(self.heading, 0, 0, 1, 3)
        for column, (words, field) in enumerate(((tr("Description"), self.description),
                                                 (tr("Shared reward"), self.reward))):
            caption = QLabel(words)
            caption.setBuddy(field)  # its name for a screen reader, and Alt to reach it
            name(field, words)
            grid.addWidget(caption, 1, column)
        grid.addWidget(QLabel(tr("Sign-off")), 1, 2)
        grid.addWidget(self.description, 2, 0)
        grid.addWidget(self.reward, 2, 1)
        side = QVBoxLayout()
        side.addWidget(self.state)
        buttons = QHBoxLayout()  # side by side: the three lines of sign-off stay in view
        buttons.addWidget(self.sign_sales)
        buttons.addWidget(self.sign_marketing)
        side.addLayout(buttons)
        for widget in (self.proposed, self.measured):
            side.addWidget(widget)
        side.addStretch()
        grid.addLayout(side, 2, 2)
        lock = QHBoxLayout()
        lock.addWidget(self.locked)
        lock.addWidget(self.reword)
        lock.addStretch()
        grid.addLayout(lock, 3, 0)
        grid.addWidget(QLabel(tr("Check-ins")), 4, 0)
        grid.addWidget(self.chart, 5, 0)
        grid.addWidget(self.notes, 5, 1)
        right = QVBoxLayout()
        right.addWidget(self.latest)
        right.addWidget(self.check_in)
        right.addStretch()
        grid.addLayout(right, 5, 2)
        for editor in (self.description, self.reward):
            editor.setMinimumHeight(60)
            editor.setMaximumHeight(120)  # the check-ins stay in view below
        grid.setColumnStretch(0, 3)
        grid.setColumnStretch(1, 2)
        grid.setColumnStretch(2, 2)
        SaveWhileTyping(self.description, lambda typing: self._save("description", typing))
        SaveWhileTyping(self.reward, lambda typing: self._save("shared_reward", typing))
        session.plan_changed.connect(self._on_plan_changed)
        self.show_goal(None)

    def _save(self, field: str, typing: bool) -> None:
        goal = self.session.store.get(Goal, self.goal_id or "")
        editor = self.description if field == "description" else self.reward
        if goal is None or self.session.read_only or editor.isReadOnly():
            return
        text = editor.toPlainText()
        if typing and len(text) > LONG_TEXT_MAX:
            return
        noun = "description" if field == "description" else "shared reward"
        change: ChangeSet = edit(goal, f"Change goal {noun}", **{field: text})
        if change and not self.session.do(change, merge_key=f"goal.{goal.id}.{field}") \
                and not typing:
            self.show_goal(self.goal_id)

    def _on_plan_changed(self, change: ChangeSet) -> None:
        # The table's model has refreshed by now (it listened first).
        if self.goal_id and change.touches(Goal, Person, Metric, MetricGoal, MetricValue,
                                           CheckIn, Plan):
            self.show_goal(self.goal_id)

    def show_goal(self, goal_id: str | None) -> None:
        model = self.model
        goal = model.goal(goal_id)
        self.goal_id = goal.id if goal else None
        for w in (self.description, self.reward, self.sign_sales, self.sign_marketing,
                  self.reword, self.locked, self.chart, self.check_in):
            w.setVisible(goal is not None)
        if goal is None:
            self.heading.setText(tr("Choose a goal to see it in full."))
            for w in (self.state, self.proposed, self.measured, self.latest, self.notes):
                w.clear()
            return
        self._show_check_ins(goal)
        names = model.names
        self.heading.setText(f"<b>{escape(goal.title)}</b>")
        self.state.setText("\n".join((
            agreement_state(goal),
            tr("Sales: {signed}").format(signed=signed_text(goal, "sales", names)),
            tr("Marketing: {signed}").format(signed=signed_text(goal, "marketing", names)))))
        self.state.setMinimumHeight(self.state.sizeHint().height())
        for button, side, withdraw, sign in (
                (self.sign_sales, "sales", tr("Withdraw sales sign-off"), tr("Sign for sales")),
                (self.sign_marketing, "marketing", tr("Withdraw marketing sign-off"),
                 tr("Sign for marketing"))):
            button.setText(withdraw if has_signed(goal, side)  # type: ignore[arg-type]
                           else sign)
            button.setEnabled(not self.session.read_only)
        self.proposed.setText(tr("Proposed by {team} on {day}").format(
            team=side_word(goal.proposed_by), day=day(goal.created_at)))
        ctx = model.context
        self.measured.setText(tr("Measured by: {metrics}").format(metrics="; ".join(
            f"{escape(ctx.metric_names[m])}: {ctx.metric_status[m]}"
            for m in ctx.metrics_of(goal)) or tr("no metric linked yet")))
        signed = any(signature(goal, s).at is not None for s in SIDES)
        self.description.setReadOnly(signed or self.session.read_only)
        self.reward.setReadOnly(self.session.read_only)
        self.locked.setVisible(signed)
        self.reword.setVisible(signed and not self.session.read_only)
        for editor, text in ((self.description, goal.description),
                             (self.reward, goal.shared_reward)):
            typing = editor.hasFocus() and editor.toPlainText().strip() == text.strip()
            if editor.toPlainText() != text and not typing:
                editor.setPlainText(text)

    def _show_check_ins(self, goal: Goal) -> None:
        """The chart of the goal's check-ins, the latest in words, the last notes."""
        rows = checkins.history_of(self.session.store, goal.id)
        self.chart.show_points(points(goal, rows))
        plan = self.session.store.plan()
        lines = []
        if rows:
            last = rows[-1]
            who = self.model.names.get(last.author_id or "", tr("a guest"))
            lines.append(tr("Latest: {summary}, by {who}").format(
                summary=checkins.summary(last, goal), who=who))
            if len(rows) > 1 and rows[-2].confidence - last.confidence >= checkins.DROP:
                lines.append(tr("Confidence fell from {before} to {after}.").format(
                    before=rows[-2].confidence, after=last.confidence))
        else:
            lines.append(tr("Not checked in yet."))
        since = checkins.stale_since(plan, goal, rows, date.today())
        if since is not None:
            lines.append(tr(checkins.stale_words(since, bool(rows))).capitalize() + ".")
        self.latest.setText("\n".join(lines))
        dash = "\u2014"
        self.notes.setText("\n".join(
            f"{short_day(c.checked_on)}: {c.confidence}/10 {dash} {c.note or dash}"
            for c in reversed(rows[-4:])))
        self.check_in.setEnabled(not self.session.read_only)
