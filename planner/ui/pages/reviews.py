"""Reviews without blame: the list, one review in full (its four parts, what
it is about, its action items) and the parking lot's open topics."""

from datetime import date
from typing import Any

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QAbstractItemView, QDateEdit, QFrame, QGridLayout, QHBoxLayout, QHeaderView, QLabel,
    QListWidget, QListWidgetItem, QPlainTextEdit, QPushButton, QSplitter, QTabWidget,
    QVBoxLayout, QWidget)

from planner.changes import ChangeSet
from planner.model import (
    FunnelStage, Goal, Metric, ParkingTopic, Person, Record, Review, ReviewAction, ReviewLink)
from planner.model.enums import Team
from planner.model.validation import LONG_TEXT_MAX
from planner.operations import reviews as review_ops
from planner.operations import rows as row_ops
from planner.operations import workshop as workshop_ops
from planner.rules.library import REVIEW_PARTS, NameIndex, blame_flag, link_target
from planner.ui.widgets.accessible_items import as_heading
from planner.ui.i18n import tr
from planner.ui.pages.table import TablePage
from planner.ui.widgets.table_view import fit_columns
from planner.ui.shell.session import PlanSession
from planner.ui.widgets.columns import Column, TableSpec
from planner.ui.widgets.delegates import PlanItemDelegate
from planner.ui.widgets.models import PlanTableModel
from planner.ui.widgets.save_while_typing import SaveWhileTyping
from planner.ui.widgets.table_view import PlanTableView
from planner.ui.widgets.accessible import name
from planner.ui.widgets import colours
from planner.ui.widgets.text_field import TextField
from planner.i18n import day

# In English: change labels name the part, and the plan's history keeps them.
PART_TITLES = {"what_happened": "What happened",
               "what_we_learned": "What we learned",
               "what_we_change": "What we change in the system"}
ACTIONS = TableSpec(ReviewAction, (
    Column("action", "Action", width=330),
    Column("owner_id", "Owner", "person", width=130),
    Column("due_date", "Due", "date", width=96),
    Column("done", "Done", "bool", width=64),
), editable=True)
LINK_KINDS: tuple[tuple[type[Record], str], ...] = (
    (Goal, "goal_id"), (FunnelStage, "funnel_stage_id"), (Metric, "metric_id"))
KIND_ROLE = Qt.ItemDataRole.UserRole + 1


def part_titles() -> dict[str, str]:
    """A review's parts as the window titles them, in its language."""
    return {"what_happened": tr("What happened"),
            "what_we_learned": tr("What we learned"),
            "what_we_change": tr("What we change in the system")}


def part_hints() -> dict[str, str]:
    """What each part of a review asks for."""
    return {"what_happened": tr("The facts, in order: what the system did, not who did it"),
            "what_we_learned": tr("What the facts teach both teams"),
            "what_we_change": tr("The change to the process, the rule or the tool")}


def link_titles() -> dict[type[Record], str]:
    """The headings of what a review can be about."""
    return {Goal: tr("Goals"), FunnelStage: tr("Funnel stages"), Metric: tr("Metrics")}


class ReviewsTableModel(PlanTableModel):
    """Reviews; a typed part keeps a dismissed blameless flag unless it names someone new."""

    def edit_cell(self, row: Review, column: Column, value: Any) -> bool:
        if column.key in (*REVIEW_PARTS, "held_on"):
            return self.session.attempt(lambda: review_ops.write_review(
                self.session.store, row, f"Change {column.header.lower()}",
                **{column.key: value}))
        return super().edit_cell(row, column, value)


class ActionsModel(PlanTableModel):
    """The action items of one review."""

    def __init__(self, session: PlanSession, parent: Any = None) -> None:
        self.review_id: str | None = None
        super().__init__(session, ACTIONS, parent)

    def accepts(self, row: ReviewAction) -> bool:
        return row.review_id == self.review_id

    def show_review(self, review_id: str | None) -> None:
        if review_id != self.review_id:
            self.review_id = review_id
            self.relayout()


class ReviewDetail(QWidget):
    """One review in full: its four parts, the blameless flag, what it is
    about, and its action items."""

    def __init__(self, session: PlanSession) -> None:
        super().__init__(objectName="reviewDetail")
        self.session = session
        self.review_id: str | None = None
        self.flag = QFrame(objectName="blameFlag")
        self.flag.setFrameShape(QFrame.Shape.StyledPanel)
        self.flag_text = QLabel(objectName="blameFlagText", wordWrap=True)
        self.flag_text.setTextFormat(Qt.TextFormat.PlainText)
        self.keep = QPushButton(tr("Keep the wording"), objectName="dismissBlameFlag")
        self.keep.setToolTip(tr("The names are intended: hide this flag for this review"))
        self.keep.clicked.connect(self.dismiss_flag)
        flag_row = QHBoxLayout(self.flag)
        flag_row.setContentsMargins(8, 4, 8, 4)
        flag_row.addWidget(self.flag_text, 1)
        flag_row.addWidget(self.keep)

        self.held_on = QDateEdit(objectName="reviewHeldOn", calendarPopup=True)
        self.held_on.setDisplayFormat("yyyy-MM-dd")
        name(self.held_on, tr("Held on"))
        self.held_on.editingFinished.connect(self._save_date)
        self.parts: dict[str, QPlainTextEdit] = {}
        form = QGridLayout()
        form.addWidget(QLabel(tr("Held on")), 0, 0)
        form.addWidget(self.held_on, 0, 1, Qt.AlignmentFlag.AlignLeft)
        titles, hints = part_titles(), part_hints()
        for n, part in enumerate(REVIEW_PARTS):
            box = TextField(objectName=f"review_{part}")
            box.setPlaceholderText(hints[part])
            box.setTabChangesFocus(True)
            box.setAccessibleName(titles[part])
            SaveWhileTyping(box, lambda typing, p=part: self._save(p, typing))
            self.parts[part] = box
            label = QLabel(titles[part])
            label.setBuddy(box)
            form.addWidget(label, 1 + n, 0, Qt.AlignmentFlag.AlignTop)
            form.addWidget(box, 1 + n, 1)

        self.about = QListWidget(objectName="reviewAbout")
        self.about.setAccessibleName(tr("What this review is about"))
        self.about.itemChanged.connect(self._link_changed)
        self.actions = ActionsModel(session, self)
        self.action_view = PlanTableView(objectName="reviewActions")
        self.action_view.setModel(self.actions)
        self.action_view.setItemDelegate(PlanItemDelegate(self.action_view))
        self.action_view.verticalHeader().setVisible(False)
        self.action_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.action_view.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                         | QAbstractItemView.EditTrigger.EditKeyPressed
                                         | QAbstractItemView.EditTrigger.AnyKeyPressed)
        header = self.action_view.horizontalHeader()
        fit_columns(header, [column.width for column in ACTIONS.columns])
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.action_view.empty_text = tr("No actions yet: \u201cAdd action\u201d below adds one.")
        self.add_action = QPushButton(tr("Add action"), objectName="addReviewAction")
        self.add_action.clicked.connect(self.new_action)
        self.remove_action = QPushButton(tr("Remove action"), objectName="removeReviewAction")
        self.remove_action.clicked.connect(self.delete_action)
        action_buttons = QHBoxLayout()
        action_buttons.addWidget(self.add_action)
        action_buttons.addWidget(self.remove_action)
        action_buttons.addStretch()
        actions_box = QWidget()
        actions_layout = QVBoxLayout(actions_box)
        actions_layout.setContentsMargins(0, 0, 0, 0)
        actions_layout.addWidget(QLabel(tr("Who does what by when (in the calendar export)")))
        actions_layout.addWidget(self.action_view)
        actions_layout.addLayout(action_buttons)
        self.action_view.setAccessibleName(tr("Action items"))
        self.side = QTabWidget(objectName="reviewSide")
        self.side.setAccessibleName(tr("Actions and what the review is about"))
        self.side.addTab(actions_box, tr("Actions"))
        self.side.addTab(self.about, tr("About"))

        self.heading = as_heading(QLabel(), "sectionHeading")
        self.body = QWidget(objectName="reviewBody")
        body = QHBoxLayout(self.body)
        body.setContentsMargins(0, 0, 0, 0)
        body.addLayout(form, 1)
        body.addWidget(self.side, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.flag)
        layout.addWidget(self.body, 1)
        layout.addStretch(0)
        session.plan_changed.connect(self._on_plan_changed)
        self.show_review(None)

    # -- showing -------------------------------------------------------------

    def show_review(self, review_id: str | None) -> None:
        store = self.session.store
        review = store.get(Review, review_id or "")
        self.review_id = review.id if review else None
        self.actions.show_review(self.review_id)
        writable = review is not None and not self.session.read_only
        for w in (*self.parts.values(), self.held_on, self.add_action, self.remove_action):
            w.setEnabled(writable)
        self.about.setEnabled(writable)
        self.body.setVisible(review is not None)
        if review is None:
            self.heading.setText(tr("Choose a review, or add one (Ctrl+Shift+N)."))
            self.flag.hide()
            for box in self.parts.values():
                box.setPlainText("")
            self.about.clear()
            return
        self.heading.setText(tr("Review held on {day}").format(day=day(review.held_on)))
        if not self.held_on.hasFocus():
            self.held_on.setDate(QDate(review.held_on.year, review.held_on.month,
                                       review.held_on.day))
        for part, box in self.parts.items():
            text = getattr(review, part)
            typing = box.hasFocus() and box.toPlainText().strip() == text.strip()
            if box.toPlainText() != text and not typing:
                box.setPlainText(text)
        self._show_flag(review)
        self._fill_about(review)

    def _show_flag(self, review: Review) -> None:
        flag = blame_flag(review, NameIndex.of(self.session.store.rows(Person)))
        self.flag.setVisible(flag is not None)
        self.flag_text.setText(flag or "")
        self.keep.setEnabled(not self.session.read_only)

    def _fill_about(self, review: Review) -> None:
        """The goals, stages and metrics to tick; when only ticks changed, the
        list stays as it is (scroll position, current item) and is re-ticked."""
        store = self.session.store
        linked = {link_target(link) for link in store.rows(ReviewLink)
                  if link.review_id == review.id}
        wanted: list[tuple[str, str | None, str]] = []  # (kind, id or None for a heading, text)
        titles = link_titles()
        for kind, _ in LINK_KINDS:
            wanted.append((kind.__name__, None, titles[kind]))
            wanted += [(kind.__name__, row.id, getattr(row, "title", None)
                        or getattr(row, "name", "")) for row in store.rows(kind)]
        shown = [(self.about.item(n).data(KIND_ROLE), self.about.item(n).data(
            Qt.ItemDataRole.UserRole), self.about.item(n).text())
            for n in range(self.about.count())]
        self.about.blockSignals(True)
        if shown != wanted:
            self.about.clear()
            for kind_name, row_id, text in wanted:
                item = QListWidgetItem(text)
                item.setData(KIND_ROLE, kind_name)
                item.setData(Qt.ItemDataRole.UserRole, row_id)
                if row_id is None:
                    item.setFlags(Qt.ItemFlag.NoItemFlags)
                    font = item.font()
                    font.setBold(True)
                    item.setFont(font)
                else:
                    item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable
                                  | Qt.ItemFlag.ItemIsSelectable)
                self.about.addItem(item)
        for n in range(self.about.count()):
            item = self.about.item(n)
            row_id = item.data(Qt.ItemDataRole.UserRole)
            if row_id is not None:
                item.setCheckState(Qt.CheckState.Checked if row_id in linked
                                   else Qt.CheckState.Unchecked)
        self.about.blockSignals(False)
        count = len(linked)
        self.side.setTabText(1, tr("About ({count})").format(count=count) if count
                             else tr("About"))

    def _on_plan_changed(self, change: ChangeSet) -> None:
        if self.review_id and change.touches(Review, ReviewLink, Person, Goal, FunnelStage,
                                             Metric):
            self.show_review(self.review_id)

    # -- writing ---------------------------------------------------------------

    def _review(self) -> Review | None:
        return self.session.store.get(Review, self.review_id or "")

    def _save(self, part: str, typing: bool) -> None:
        review = self._review()
        if review is None or self.session.read_only:
            return
        text = self.parts[part].toPlainText()
        if text == getattr(review, part) or (typing and len(text) > LONG_TEXT_MAX):
            return
        change = review_ops.write_review(self.session.store, review,
                                         f"Change {PART_TITLES[part].lower()}", **{part: text})
        if change and not self.session.do(change, merge_key=f"review.{review.id}.{part}") \
                and not typing:
            self.show_review(self.review_id)

    def _save_date(self) -> None:
        review = self._review()
        if review is None or self.session.read_only:
            return
        q = self.held_on.date()
        day = date(q.year(), q.month(), q.day())
        if day != review.held_on:
            self.session.attempt(lambda: review_ops.write_review(
                self.session.store, review, "Change the review's date", held_on=day))

    def dismiss_flag(self) -> bool:
        review = self._review()
        return review is not None and self.session.do(review_ops.dismiss_blame_flag(review))

    def _link_changed(self, item: QListWidgetItem) -> None:
        review = self._review()
        if review is None:
            return
        kind = next(k for k, _ in LINK_KINDS if k.__name__ == item.data(KIND_ROLE))
        ids = {self.about.item(n).data(Qt.ItemDataRole.UserRole)
               for n in range(self.about.count())
               if self.about.item(n).data(KIND_ROLE) == kind.__name__
               and self.about.item(n).checkState() == Qt.CheckState.Checked}
        if not self.session.do(review_ops.link(self.session.store, review, kind, ids)):
            self._fill_about(review)

    def new_action(self) -> bool:
        review = self._review()
        if review is None:
            return False
        made: list[ReviewAction] = []

        def build() -> ChangeSet:
            change, row = review_ops.add_action(review, "New action")
            made.append(row)
            return change
        if not self.session.attempt(build):
            return False
        row = self.actions.row_of(made[0].id)
        if row >= 0:
            index = self.actions.index(row, 0)
            self.action_view.setCurrentIndex(index)
            self.action_view.setFocus()
            self.action_view.edit(index)
        return True

    def delete_action(self) -> bool:
        rows = sorted({i.row() for i in self.action_view.selectionModel().selectedRows()}
                      or ({self.action_view.currentIndex().row()}
                          if self.action_view.currentIndex().isValid() else set()))
        chosen = [self.actions.row(r) for r in rows]
        return bool(chosen) and self.session.do(row_ops.remove(chosen))


class ParkingPanel(QWidget):
    """Topics parked in workshops: close one, or turn it into a goal in one step."""

    def __init__(self, session: PlanSession) -> None:
        super().__init__(objectName="parkingPanel")
        self.session = session
        self.topics = QListWidget(objectName="parkedTopics")
        self.topics.setAccessibleName(tr("Parked topics"))
        self.close_topic = QPushButton(tr("Close topic"), objectName="closeTopic")
        self.to_goal = QPushButton(tr("Turn into a goal"), objectName="topicToGoal")
        self.close_topic.clicked.connect(self.close_selected)
        self.to_goal.clicked.connect(self.make_goal)
        buttons = QHBoxLayout()
        buttons.addWidget(self.close_topic)
        buttons.addWidget(self.to_goal)
        buttons.addStretch()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(QLabel(tr("Parked in workshops, to come back to:")))
        layout.addWidget(self.topics)
        layout.addLayout(buttons)
        session.plan_changed.connect(lambda change: change.touches(ParkingTopic)
                                     and self.refresh())
        self.refresh()

    def refresh(self) -> None:
        current = self._selected()
        self.topics.clear()
        for topic in self.session.store.rows(ParkingTopic):
            item = QListWidgetItem(tr("{topic}  (closed)").format(topic=topic.topic)
                                   if topic.done else topic.topic)
            item.setData(Qt.ItemDataRole.UserRole, topic.id)
            if topic.done:
                item.setForeground(colours.MUTED)
            self.topics.addItem(item)
            if current is not None and topic.id == current.id:
                self.topics.setCurrentItem(item)
        if self.topics.count() == 0:
            self.topics.addItem(tr("Nothing is parked. In a workshop, L parks a topic."))
            self.topics.item(0).setFlags(Qt.ItemFlag.NoItemFlags)
        writable = not self.session.read_only
        self.close_topic.setEnabled(writable)
        self.to_goal.setEnabled(writable)

    def _selected(self) -> ParkingTopic | None:
        item = self.topics.currentItem()
        if item is None or item.data(Qt.ItemDataRole.UserRole) is None:
            return None
        return self.session.store.get(ParkingTopic, item.data(Qt.ItemDataRole.UserRole))

    def close_selected(self) -> bool:
        topic = self._selected()
        if topic is None:
            self.session.report(tr("Choose a parked topic first."))
            return False
        return self.session.do(workshop_ops.close_topic(topic, not topic.done))

    def make_goal(self) -> bool:
        topic = self._selected()
        if topic is None:
            self.session.report(tr("Choose a parked topic first."))
            return False
        from PySide6.QtCore import QSettings

        side = Team.MARKETING if QSettings().value("goals/my_side") == "marketing" \
            else Team.SALES
        return self.session.attempt(lambda: workshop_ops.topic_to_goal(
            self.session.store, topic, side))


class ReviewsPage(TablePage):
    """Reviews without blame, their actions, and the parking lot."""

    model_class = ReviewsTableModel

    def body(self) -> QWidget:
        self.detail = ReviewDetail(self.session)
        self.view.selectionModel().currentRowChanged.connect(
            lambda current, _previous: self.detail.show_review(
                self.model.row_id(current.row()) if current.isValid() else None))
        self.parking = ParkingPanel(self.session)
        split = QSplitter(Qt.Orientation.Vertical, objectName="reviewSplit")
        split.addWidget(self.view)
        split.addWidget(self.detail)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 3)
        split.setSizes([180, 520])
        self.tabs = QTabWidget(objectName="reviewsTabs")
        self.tabs.setAccessibleName(tr("Reviews and parking lot"))
        self.tabs.addTab(split, tr("Reviews"))
        self.tabs.addTab(self.parking, tr("Parking lot"))
        if self.model.rowCount():  # the latest review, open to read
            self.view.setCurrentIndex(self.model.index(self.model.rowCount() - 1, 0))
        return self.tabs

    def new_row(self) -> tuple[ChangeSet, Any] | None:
        self.tabs.setCurrentIndex(0)
        return review_ops.add_review(date.today())

    def add_row(self) -> bool:
        """A new review, dated today, with the cursor in "What happened"."""
        made: list[Review] = []

        def build() -> ChangeSet:
            change, review = review_ops.add_review(date.today())
            made.append(review)
            return change
        self.tabs.setCurrentIndex(0)
        if not self.session.attempt(build):
            return False
        self.focus_row(made[0].id, 0)
        self.detail.show_review(made[0].id)
        self.detail.parts["what_happened"].setFocus()
        return True
