"""Messaging: the library of customer messages both sides write and approve
on their exact wording, with the filters a VP works by."""

from html import escape
from typing import Any

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView, QCheckBox, QGridLayout, QHBoxLayout, QLabel, QLineEdit,
    QPushButton, QSplitter, QVBoxLayout, QWidget)

from planner.changes import ChangeSet
from planner.model import FieldRide, FunnelStage, HotButton, Message, Person, Record, Review
from planner.operations import messages as message_ops
from planner.rules.library import MessageFilter, message_matches, message_state
from planner.rules.signoff import SIDES, Side, has_signed, is_agreed, signature, signed_text
from planner.ui.i18n import tr
from planner.ui.pages.table import TablePage, add_filter, filter_combo, side_word
from planner.ui.widgets.flow_layout import FlowLayout
from planner.ui.widgets.colours import AGREED, WAITING
from planner.ui.widgets.columns import DASH, Column
from planner.ui.widgets.models import ANSWERED, Index, PlanTableModel
from planner.ui.widgets.signing import confirm_wording_change, sign_for_side
from planner.i18n import day

MY_SIDE_KEY = "goals/my_side"  # one "my side" for goals and messages


def wording_names() -> dict[str, str]:
    """The fields of a message's wording, as a question about changing one names them."""
    return {"customer_problem": tr("customer problem"), "value_message": tr("value message"),
            "proof_point": tr("proof point")}


class MessagesTableModel(PlanTableModel):
    """Messages, filtered, with their approval state and source."""

    def __init__(self, session: Any, spec: Any, parent: Any = None) -> None:
        self.filter = MessageFilter()
        self.sources: dict[str, str] = {}
        super().__init__(session, spec, parent)

    def lookup_kinds(self) -> frozenset[type[Record]]:
        return frozenset({Person, FunnelStage, FieldRide, Review})

    def refresh_lookups(self) -> None:
        store = self.session.store
        self.names = {p.id: p.name for p in store.rows(Person)}
        self.names.update({s.id: s.name for s in store.rows(FunnelStage)})
        ride = tr("Field ride, {day} ({visitor} with {host})")
        self.sources = {r.id: ride.format(day=day(r.first_day),
                                          visitor=self.names.get(r.visitor_id or "", "?"),
                                          host=self.names.get(r.host_id or "", "?"))
                        for r in store.rows(FieldRide)}
        review = tr("Review of {day}")
        self.sources.update({r.id: review.format(day=day(r.held_on))
                             for r in store.rows(Review)})

    def sorts_by_lookups(self) -> bool:
        return bool(self.filter.text.strip())

    def accepts(self, row: Message) -> bool:
        return message_matches(row, self.filter, self.names)

    def apply_filter(self, message_filter: MessageFilter) -> None:
        self.filter = message_filter
        self.relayout()

    def source_text(self, message: Message) -> str:
        where = self.sources.get(message.field_ride_id or message.review_id or "")
        parts = [p for p in (where, message.source if message.source and not where else "") if p]
        return "; ".join(parts) or DASH

    def value(self, row: Message, column: Column) -> Any:
        if column.kind == "agreement":
            return message_state(row)
        if column.kind == "source":
            return self.source_text(row)
        return super().value(row, column)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role not in ANSWERED or not index.isValid():
            return None
        column, row = self.column(index), self._rows[index.row()]
        if column.kind == "agreement":
            agreed = is_agreed(row)
            if role == Qt.ItemDataRole.DisplayRole:
                return ("\u2713 " if agreed else "") + message_state(row)
            if role == Qt.ItemDataRole.ForegroundRole:
                return AGREED if agreed else WAITING
            if role == Qt.ItemDataRole.ToolTipRole:
                return tr("Sales: {sales}\nMarketing: {marketing}").format(
                    sales=signed_text(row, "sales", self.names),
                    marketing=signed_text(row, "marketing", self.names))
        return super().data(index, role)

    @property
    def total(self) -> int:
        return len(self.session.store.rows(Message))

    def edit_cell(self, row: Message, column: Column, value: Any) -> bool:
        wording = wording_names()
        if column.key in wording:
            parent = self.parent() if isinstance(self.parent(), QWidget) else None
            if not confirm_wording_change(parent, self.session, row, wording[column.key],
                                          self.names, value, column.key):
                return False
            return self.session.attempt(lambda: message_ops.reword(row, **{column.key: value}))
        return super().edit_cell(row, column, value)


class MessageDetail(QWidget):
    """The current message in full: its wording, who approved it, where it came from."""

    def __init__(self, page: "MessagesPage") -> None:
        super().__init__(objectName="messageDetail")
        self.page, self.session = page, page.session
        self.message_id: str | None = None
        self.heading = QLabel(objectName="messageHeading", wordWrap=True)
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        font = self.heading.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.heading.setFont(font)
        self.wording = QLabel(objectName="messageWording", wordWrap=True)
        self.wording.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.wording.setAccessibleName(tr("The message's wording"))
        self.state = QLabel(objectName="messageState", wordWrap=True)
        self.origin = QLabel(objectName="messageOrigin", wordWrap=True)
        self.approve_sales = QPushButton(objectName="approveSales")
        self.approve_marketing = QPushButton(objectName="approveMarketing")
        self.reword = QPushButton(tr("Reword\u2026"), objectName="rewordMessage")
        self.reword.setToolTip(tr("Withdraws both approvals so the wording can change"))
        self.approve_sales.clicked.connect(lambda: page.approve("sales"))
        self.approve_marketing.clicked.connect(lambda: page.approve("marketing"))
        self.reword.clicked.connect(page.reword)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 8, 0, 0)
        grid.addWidget(self.heading, 0, 0, 1, 2)
        grid.addWidget(self.wording, 1, 0, 3, 1)
        grid.addWidget(self.state, 1, 1)
        buttons = QHBoxLayout()
        for button in (self.approve_sales, self.approve_marketing, self.reword):
            buttons.addWidget(button)
        buttons.addStretch()
        grid.addLayout(buttons, 2, 1)
        grid.addWidget(self.origin, 3, 1)
        grid.setColumnStretch(0, 3)
        grid.setColumnStretch(1, 2)
        self.show_message(None)

    def show_message(self, message_id: str | None) -> None:
        store = self.session.store
        message = store.get(Message, message_id or "")
        self.message_id = message.id if message else None
        for w in (self.approve_sales, self.approve_marketing, self.reword):
            w.setVisible(message is not None)
        if message is None:
            self.heading.setText(tr("Choose a message to see it in full."))
            for w in (self.wording, self.state, self.origin):
                w.clear()
            return
        names = self.page.model.names
        self.heading.setText(message.customer_problem)
        self.wording.setText(
            f"<b>{tr('Value message')}</b><br>{escape(message.value_message) or DASH}<br><br>"
            f"<b>{tr('Proof point')}</b><br>{escape(message.proof_point) or DASH}<br><br>"
            f"<b>{tr('Segment')}</b>: {escape(message.segment) or DASH} &nbsp; "
            f"<b>{tr('Stage')}</b>: {escape(names.get(message.funnel_stage_id or '', DASH))}")
        self.state.setText("<br>".join((
            f"<b>{escape(message_state(message))}</b>",
            tr("Sales: {signed}").format(signed=escape(signed_text(message, "sales", names))),
            tr("Marketing: {signed}").format(
                signed=escape(signed_text(message, "marketing", names))))))
        for button, side, withdraw, approve in (
                (self.approve_sales, "sales", tr("Withdraw sales approval"),
                 tr("Approve for sales")),
                (self.approve_marketing, "marketing", tr("Withdraw marketing approval"),
                 tr("Approve for marketing"))):
            button.setText(withdraw if has_signed(message, side)  # type: ignore[arg-type]
                           else approve)
            button.setEnabled(not self.session.read_only)
        self.reword.setEnabled(not self.session.read_only and any(
            signature(message, s).at is not None for s in SIDES))
        heard: dict[str, int] = {}
        for h in store.rows(HotButton):
            if h.message_id == message.id:
                heard[h.words] = heard.get(h.words, 0) + 1
        origin = tr("Source: {source}").format(source=escape(self.page.model.source_text(message)))
        if heard:
            rides = sum(heard.values())
            said = "; ".join(f"\u201c{escape(w)}\u201d" for w in list(heard)[:3])
            origin += "<br>" + (
                tr("Heard on {count} field rides as: {words}") if rides > 1
                else tr("Heard on {count} field ride as: {words}")).format(count=rides,
                                                                           words=said)
        self.origin.setText(origin)


class MessagesPage(TablePage):
    """One library of customer messages both sides approve on the exact wording."""

    model_class = MessagesTableModel
    model: MessagesTableModel

    def body(self) -> QWidget:
        self.search = QLineEdit(objectName="messageSearch", clearButtonEnabled=True)
        self.search.setPlaceholderText(tr("Search messages (Ctrl+F)"))
        self.search.setAccessibleName(tr("Search messages"))
        self.approved_filter = filter_combo("approvedFilter", tr("Approved or not"),
                                           [(tr("Approved by both"), True),
                                            (tr("Not yet approved"), False)], tr("Approval"))
        self.stage_filter = filter_combo("stageFilter", tr("Any stage"), [], tr("Stage"))
        self.source_filter = filter_combo("sourceFilter", tr("Any source"), [
            (tr("From field rides"), "ride"), (tr("From reviews"), "review"),
            (tr("From elsewhere"), "other")], tr("Source"))
        self.waiting_mine = QCheckBox(tr("Waiting for my side"),
                                      objectName="messagesWaitingMine")
        self.my_side = filter_combo("messagesMySide", None, [(tr("Sales"), "sales"),
                                                            (tr("Marketing"), "marketing")],
                                    tr("My side"))
        self.my_side.setCurrentIndex(max(0, self.my_side.findData(
            QSettings().value(MY_SIDE_KEY, "sales"))))
        # The bar wraps onto a second row on a small screen, never widening the window.
        bar = FlowLayout()
        self.search.setMinimumWidth(260)
        bar.addWidget(self.search)
        for w in (self.approved_filter, self.stage_filter, self.source_filter,
                  self.waiting_mine, self.my_side):
            add_filter(bar, w)
        self.search.textChanged.connect(self._filter_changed)
        for combo in (self.approved_filter, self.stage_filter, self.source_filter, self.my_side):
            combo.currentIndexChanged.connect(self._filter_changed)
        self.waiting_mine.toggled.connect(self._filter_changed)
        self.my_side.currentIndexChanged.connect(
            lambda: QSettings().setValue(MY_SIDE_KEY, self.my_side.currentData()))
        self._fill_stages()

        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.setWordWrap(False)
        self.detail = MessageDetail(self)
        self.view.selectionModel().currentRowChanged.connect(self._current_changed)
        self.model.modelReset.connect(self._current_changed)
        self.actions_by_name = self._build_actions()
        self.session.plan_changed.connect(self._on_plan_changed)

        split = QSplitter(Qt.Orientation.Vertical, objectName="messageSplit")
        split.addWidget(self.view)
        split.addWidget(self.detail)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 1)
        split.setSizes([480, 220])
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(split)
        order = (self.search, self.approved_filter, self.stage_filter, self.source_filter,
                 self.waiting_mine, self.my_side, self.view, self.detail.approve_sales,
                 self.detail.approve_marketing, self.detail.reword)
        for first, second in zip(order, order[1:]):
            QWidget.setTabOrder(first, second)
        return box

    def _build_actions(self) -> dict[str, QAction]:
        specs = [
            ("find", tr("&Find messages"), ("Ctrl+F",), self._find),
            ("clear", tr("Show &all messages"), ("Ctrl+Shift+F",), self.clear_filters),
            ("approve_sales", tr("Approve for &sales"), ("Ctrl+Shift+S",),
             lambda: self.approve("sales")),
            ("approve_marketing", tr("Approve for &marketing"), ("Ctrl+Shift+M",),
             lambda: self.approve("marketing")),
            ("reword", tr("&Reword (withdraw approvals)\u2026"), (), self.reword),
        ]
        actions = {}
        for name, text, keys, slot in specs:
            action = QAction(text, self)
            action.setObjectName(f"messages.{name}")
            action.setShortcuts([QKeySequence(k) for k in keys])
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.triggered.connect(slot)
            self.addAction(action)
            actions[name] = action
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        for name in ("approve_sales", "approve_marketing", "reword"):
            self.view.addAction(actions[name])
        return actions

    # -- filters -------------------------------------------------------------

    def current_filter(self) -> MessageFilter:
        return MessageFilter(text=self.search.text(),
                             approved=self.approved_filter.currentData(),
                             waiting_for=self.my_side.currentData()
                             if self.waiting_mine.isChecked() else None,
                             stage_id=self.stage_filter.currentData(),
                             source=self.source_filter.currentData())

    def _filter_changed(self) -> None:
        self.model.apply_filter(self.current_filter())
        self._count()

    def clear_filters(self) -> None:
        for w in (self.approved_filter, self.stage_filter, self.source_filter,
                  self.waiting_mine, self.search):
            w.blockSignals(True)
        for combo in (self.approved_filter, self.stage_filter, self.source_filter):
            combo.setCurrentIndex(0)
        self.waiting_mine.setChecked(False)
        self.search.clear()
        for w in (self.approved_filter, self.stage_filter, self.source_filter,
                  self.waiting_mine, self.search):
            w.blockSignals(False)
        self._filter_changed()

    def _find(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def _fill_stages(self) -> None:
        chosen = self.stage_filter.currentData()
        self.stage_filter.blockSignals(True)
        self.stage_filter.clear()
        self.stage_filter.addItem(tr("Any stage"), None)
        for stage in self.session.store.rows(FunnelStage):
            self.stage_filter.addItem(stage.name, stage.id)
        self.stage_filter.addItem(tr("Not placed in the funnel"), "")
        self.stage_filter.setCurrentIndex(max(0, self.stage_filter.findData(chosen)))
        self.stage_filter.blockSignals(False)

    def _on_plan_changed(self, change: ChangeSet) -> None:
        if change.touches(FunnelStage):
            self._fill_stages()
        if change.touches(Message):
            self._count()
        if self.detail.message_id and change.touches(Message, Person, HotButton, FunnelStage):
            self.detail.show_message(self.detail.message_id)

    def _count(self) -> None:
        total, shown = self.model.total, self.model.rowCount()
        approved = sum(1 for m in self.session.store.rows(Message) if is_agreed(m))
        self.count_label.setText((
            tr("{shown} of {total} messages; {approved} approved by both") if shown != total
            else tr("{total} messages; {approved} approved by both")).format(
                shown=shown, total=total, approved=approved))

    def _current_changed(self) -> None:
        index = self.view.currentIndex()
        self.detail.show_message(self.model.row_id(index.row()) if index.isValid() else None)
        self._count()

    # -- actions on the selected messages -------------------------------------

    def _selected(self) -> list[Message]:
        return [self.model.row(r) for r in self.selected_rows()]

    def approve(self, side: Side) -> bool:
        """Approve the selected messages' wording for one side, in the name of
        that side's head (as goals are signed); all approved already: withdraw."""
        messages = self._selected()
        noun = tr("message") if len(messages) == 1 else tr("{count} messages").format(
            count=len(messages))
        done, approver = sign_for_side(self, self.session, messages, side,
                                       lambda rows, who: message_ops.approve(rows, side, who))
        if done:
            self.say(tr("Approved {noun} for {side} as {name}.").format(
                noun=noun, side=side_word(side), name=approver.name) if approver else
                tr("Withdrew the {side} approval from {noun}.").format(
                    side=side_word(side), noun=noun))
        return done

    def reword(self) -> bool:
        """Withdraw both approvals of the current message so its wording can change."""
        message = self.session.store.get(Message, self.detail.message_id or "")
        if message is None or self.session.read_only or \
                not any(signature(message, s).at is not None for s in SIDES):
            return False
        if not confirm_wording_change(self, self.session, message, tr("wording"),
                                      self.model.names):
            return False
        if self.session.do(message_ops.unlock_wording(message)):
            row = self.model.row_of(message.id)
            if row >= 0:
                self.focus_row(message.id, 0, edit=True)
            return True
        return False

    def new_row(self) -> tuple[ChangeSet, Any] | None:
        """A draft message; filters are cleared so it is in view to be typed into."""
        if self.model.filter.active:
            self.clear_filters()
        return message_ops.add_message()
