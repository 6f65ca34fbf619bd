"""The debrief of one field ride, and its hot buttons on their way to messaging."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFormLayout, QHBoxLayout, QLabel, QLineEdit, QListWidget, QListWidgetItem, QPlainTextEdit,
    QPushButton, QVBoxLayout, QWidget)

from planner.changes import ChangeSet
from planner.model import FieldRide, HotButton, Message, Person
from planner.model.validation import SHORT_TEXT_MAX
from planner.operations import rides as ride_ops
from planner.rules.library import message_state
from planner.rules.signoff import is_agreed
from planner.ui.widgets.accessible_items import as_heading
from planner.ui.i18n import tr
from planner.ui.shell.session import PlanSession
from planner.ui.widgets.save_while_typing import SaveWhileTyping
from planner.ui.widgets.text_field import TextField
from planner.i18n import day, short_day


def fields() -> tuple[tuple[str, str], ...]:
    """The parts of a debrief and their labels, in the window's language."""
    return (("customers_asked", tr("What customers asked")),
            ("marketing_changes", tr("What marketing will change")),
            ("sales_changes", tr("What sales will change")),
            ("debrief", tr("Other notes")))


class DebriefPanel(QWidget):
    def __init__(self, session: PlanSession) -> None:
        super().__init__()
        self.session = session
        self.ride_id: str | None = None
        self.heading = as_heading(QLabel(), "sectionHeading")
        self.texts: dict[str, QPlainTextEdit] = {}
        form = QFormLayout()
        for field, text in fields():
            box = TextField(objectName=f"debrief_{field}")
            box.setFixedHeight(46)
            box.setTabChangesFocus(True)
            SaveWhileTyping(box, lambda typing, f=field: self._save(f, typing))
            self.texts[field] = box
            form.addRow(text, box)
        self.hot_buttons = QListWidget(objectName="hotButtons")
        self.hot_buttons.setAccessibleName(tr("Hot buttons heard on this ride"))
        self.hot_buttons.setFixedHeight(64)
        self.new_hot_button = QLineEdit(objectName="newHotButton", maxLength=SHORT_TEXT_MAX,
                                        placeholderText=tr("A customer problem, in their words; "
                                                           "Enter adds it"))
        self.new_hot_button.setAccessibleName(tr("New hot button"))
        self.new_hot_button.returnPressed.connect(self.add_hot_button)
        self.send = QPushButton(tr("Send to messaging"), objectName="sendHotButton")
        self.send.clicked.connect(self.send_to_messaging)
        self.remove = QPushButton(tr("Remove"), objectName="removeHotButton")
        self.remove.clicked.connect(self.remove_hot_button)
        buttons = QHBoxLayout()
        buttons.addWidget(self.new_hot_button)
        buttons.addWidget(self.send)
        buttons.addWidget(self.remove)
        hot = QVBoxLayout()
        hot.addWidget(self.hot_buttons)
        hot.addLayout(buttons)
        form.addRow(tr("Hot buttons heard"), hot)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addWidget(self.heading)
        layout.addLayout(form)
        session.plan_changed.connect(self._on_plan_changed)
        self.show_ride(None)

    def show_ride(self, ride_id: str | None) -> None:
        self.ride_id = ride_id
        store = self.session.store
        ride = store.get(FieldRide, ride_id) if ride_id else None
        writable = ride is not None and not self.session.read_only
        for widget in (*self.texts.values(), self.new_hot_button, self.send, self.remove):
            widget.setEnabled(writable)
        if ride is None:
            self.heading.setText(tr("Debrief: select a ride"))
            for box in self.texts.values():
                box.setPlainText("")
            self.hot_buttons.clear()
            return
        visitor = store.get(Person, ride.visitor_id or "")
        host = store.get(Person, ride.host_id or "")
        self.heading.setText(tr("Debrief: {visitor} with {host}, {first} \u2013 {last}").format(
            visitor=visitor.name if visitor else "?", host=host.name if host else "?",
            first=short_day(ride.first_day), last=day(ride.last_day)))
        for field, box in self.texts.items():
            text = _part(ride, field)
            if box.toPlainText() != text and not box.hasFocus():
                box.setPlainText(text)
        self._load_hot_buttons()

    def _load_hot_buttons(self) -> None:
        self.hot_buttons.clear()
        store = self.session.store
        for hot in store.rows(HotButton):
            if hot.field_ride_id != self.ride_id:
                continue
            message = store.get(Message, hot.message_id) if hot.message_id else None
            sent = "" if message is None else (
                f" \u2192 \u2713 {tr('approved message')}" if is_agreed(message)
                else " \u2192 " + tr("draft message ({state})").format(
                    state=message_state(message).lower()))
            item = QListWidgetItem(f"\u201c{hot.words}\u201d{sent}")
            item.setData(Qt.ItemDataRole.UserRole, hot.id)
            self.hot_buttons.addItem(item)

    def _on_plan_changed(self, change: ChangeSet) -> None:
        if self.ride_id and (self.ride_id in change.ids(FieldRide) or change.touches(
                HotButton, Person, Message)):
            ride = self.session.store.get(FieldRide, self.ride_id)
            self.show_ride(self.ride_id if ride else None)

    def _save(self, field: str, typing: bool) -> None:
        ride = self.session.store.get(FieldRide, self.ride_id or "")
        text = self.texts[field].toPlainText()
        if ride is None or _part(ride, field) == text:
            return
        self.session.do(ride_ops.write_debrief(ride, field, text),
                        merge_key=f"ride.{ride.id}.{field}")

    def add_hot_button(self) -> None:
        ride = self.session.store.get(FieldRide, self.ride_id or "")
        if ride is not None and self.session.do(ride_ops.hear(ride, self.new_hot_button.text())):
            self.new_hot_button.clear()

    def _selected_hot_button(self) -> HotButton | None:
        item = self.hot_buttons.currentItem()
        if item is None:
            return None
        return self.session.store.get(HotButton, item.data(Qt.ItemDataRole.UserRole))

    def remove_hot_button(self) -> None:
        hot = self._selected_hot_button()
        if hot:
            self.session.do(ride_ops.forget(hot))

    def send_to_messaging(self) -> None:
        """The hot button becomes a draft message that remembers its ride."""
        hot = self._selected_hot_button()
        if hot is None:
            self.session.report(tr("Select a hot button to send to messaging."))
            return
        self.session.attempt(lambda: ride_ops.send_to_messaging(self.session.store, hot))


def _part(ride: FieldRide, field: str) -> str:
    """One part of a ride's debrief."""
    parts = {"customers_asked": ride.customers_asked, "marketing_changes": ride.marketing_changes,
             "sales_changes": ride.sales_changes, "debrief": ride.debrief}
    return parts[field]
