"""The debrief of one field ride, and its hot buttons on their way to messaging."""

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFormLayout, QHBoxLayout, QLabel, QLineEdit, QListWidget, QListWidgetItem, QPlainTextEdit,
    QPushButton, QVBoxLayout, QWidget)

from planner.edits import Compound, DeleteRow, InsertRow, UpdateRow
from planner.model import FieldRide, HotButton, Person, new_id
from planner.model.validation import SHORT_TEXT_MAX
from planner.store.plan_store import Change
from planner.ui.pages import SaveWhileTyping
from planner.ui.session import PlanSession

FIELDS = (("customers_asked", "What customers asked"),
          ("marketing_changes", "What marketing will change"),
          ("sales_changes", "What sales will change"),
          ("debrief", "Other notes"))


class DebriefPanel(QWidget):
    def __init__(self, session: PlanSession) -> None:
        super().__init__()
        self.session = session
        self.ride_id: str | None = None
        self.heading = QLabel(objectName="sectionHeading")
        self.texts: dict[str, QPlainTextEdit] = {}
        form = QFormLayout()
        for field, text in FIELDS:
            box = QPlainTextEdit(objectName=f"debrief_{field}")
            box.setFixedHeight(46)
            box.setTabChangesFocus(True)
            SaveWhileTyping(box, lambda typing, f=field: self._save(f, typing))
            self.texts[field] = box
            form.addRow(text, box)
        self.hot_buttons = QListWidget(objectName="hotButtons")
        self.hot_buttons.setFixedHeight(64)
        self.new_hot_button = QLineEdit(objectName="newHotButton", maxLength=SHORT_TEXT_MAX,
                                        placeholderText="A customer problem, in their words; Enter adds it")
        self.new_hot_button.returnPressed.connect(self.add_hot_button)
        self.send = QPushButton("Send to messaging", objectName="sendHotButton")
        self.send.clicked.connect(self.send_to_messaging)
        self.remove = QPushButton("Remove", objectName="removeHotButton")
        self.remove.clicked.connect(self.remove_hot_button)
        buttons = QHBoxLayout()
        buttons.addWidget(self.new_hot_button)
        buttons.addWidget(self.send)
        buttons.addWidget(self.remove)
        hot = QVBoxLayout()
        hot.addWidget(self.hot_buttons)
        hot.addLayout(buttons)
        form.addRow("Hot buttons heard", hot)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addWidget(self.heading)
        layout.addLayout(form)
        session.plan_changed.connect(self._on_plan_changed)
        self.show_ride(None)

    def show_ride(self, ride_id: str | None) -> None:
        self.ride_id = ride_id
        ride = self.session.store.get(FieldRide, ride_id) if ride_id else None
        writable = ride is not None and not self.session.read_only
        for widget in (*self.texts.values(), self.new_hot_button, self.send, self.remove):
            widget.setEnabled(writable)
        if ride is None:
            self.heading.setText("Debrief: select a ride")
            for box in self.texts.values():
                box.setPlainText("")
            self.hot_buttons.clear()
            return
        names = {p["id"]: p["name"] for p in self.session.store.rows(Person)}
        self.heading.setText(f"Debrief: {names.get(ride['visitor_id'], '?')} with "
                             f"{names.get(ride['host_id'], '?')}, "
                             f"{ride['first_day']:%-d %b} \u2013 {ride['last_day']:%-d %b %Y}")
        for field, box in self.texts.items():
            if box.toPlainText() != ride[field] and not box.hasFocus():
                box.setPlainText(ride[field])
        self._load_hot_buttons()

    def _load_hot_buttons(self) -> None:
        self.hot_buttons.clear()
        for hot in self.session.store.rows(HotButton, ["created_at", "id"]):
            if hot["field_ride_id"] != self.ride_id:
                continue
            sent = " \u2192 in messaging" if hot["message_id"] else ""
            item = QListWidgetItem(f"\u201c{hot['words']}\u201d{sent}")
            item.setData(Qt.ItemDataRole.UserRole, hot["id"])
            self.hot_buttons.addItem(item)

    def _on_plan_changed(self, change: Change) -> None:
        if self.ride_id and change.tables.keys() & {"field_ride", "hot_button", "person"}:
            ride = self.session.store.get(FieldRide, self.ride_id)
            self.show_ride(self.ride_id if ride else None)

    def _save(self, field: str, typing: bool) -> None:
        if self.ride_id is None:
            return
        ride = self.session.store.get(FieldRide, self.ride_id)
        text = self.texts[field].toPlainText()
        if ride is None or ride[field] == text:
            return
        self.session.do(UpdateRow("field_ride", self.ride_id, {field: text},
                                  label="Change debrief"),
                        merge_key=f"ride.{self.ride_id}.{field}")

    def add_hot_button(self) -> None:
        words = self.new_hot_button.text()
        if self.ride_id and self.session.do(InsertRow("hot_button", {
                "field_ride_id": self.ride_id, "words": words}, label="Add hot button")):
            self.new_hot_button.clear()

    def _selected_hot_button(self) -> dict[str, Any] | None:
        item = self.hot_buttons.currentItem()
        if item is None:
            return None
        return self.session.store.get(HotButton, item.data(Qt.ItemDataRole.UserRole))

    def remove_hot_button(self) -> None:
        hot = self._selected_hot_button()
        if hot:
            self.session.do(DeleteRow("hot_button", hot["id"], label="Remove hot button"))

    def send_to_messaging(self) -> None:
        """The hot button becomes a draft message that remembers its ride."""
        hot = self._selected_hot_button()
        if hot is None:
            self.session.problem_reported.emit("Select a hot button to send to messaging.")
            return
        if hot["message_id"]:
            self.session.problem_reported.emit("That hot button is in messaging already.")
            return
        ride = self.session.store.get(FieldRide, hot["field_ride_id"])
        assert ride is not None
        message_id = new_id()
        self.session.do(Compound((
            InsertRow("message", {"id": message_id, "customer_problem": hot["words"],
                                  "field_ride_id": ride["id"],
                                  "source": f"Field ride of {ride['first_day']:%-d %b %Y}"}),
            UpdateRow("hot_button", hot["id"], {"message_id": message_id})),
            label="Send hot button to messaging"))
