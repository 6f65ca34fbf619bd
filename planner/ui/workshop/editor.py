"""The workshop's editors: a panel over the projected slide, sized for the
room, that keeps every key typed into it.

An editor is a child of the workshop, not a dialog: the slide stays on the
wall behind it and focus never leaves the workshop's window. While it is
open, no key reaches the workshop's commands: the editor takes Escape
(cancel), Ctrl+Enter (save), Enter in a one-line field (next field, or save
on the last), Tab and Shift+Tab (move between its fields), and accepts every
other key its fields leave.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from PySide6.QtCore import QDate, QEvent, Qt
from PySide6.QtGui import QFont, QKeyEvent
from PySide6.QtWidgets import (
    QDateEdit, QFrame, QGridLayout, QHBoxLayout, QLabel, QLineEdit, QPlainTextEdit, QPushButton,
    QVBoxLayout, QWidget)

from planner.model.validation import LONG_TEXT_MAX, SHORT_TEXT_MAX
from planner.palette import ROOM
from planner.ui.i18n import tr
from planner.ui.widgets.text_field import TextField

STYLE = """
QFrame#roomEditor { background: @panel; border: 2px solid @sales; border-radius: 12px; }
QFrame#roomEditor * { font-size: PXpx; }
QFrame#roomEditor QLabel#roomEditorTitle { font-size: TITLEpx; font-weight: bold; }
QFrame#roomEditor QLabel { color: @ink; }
QFrame#roomEditor QLabel#roomEditorHint { color: @muted; }
QFrame#roomEditor QLineEdit, QFrame#roomEditor QPlainTextEdit, QFrame#roomEditor QDateEdit {
    background: @window; color: @ink; border: 1px solid @field_rule; border-radius: 6px;
    padding: 6px; selection-background-color: @sales; }
QFrame#roomEditor QLineEdit:focus, QFrame#roomEditor QPlainTextEdit:focus,
QFrame#roomEditor QDateEdit:focus { border: 2px solid @marketing; }
QFrame#roomEditor QPushButton { background: @picked; color: @ink; border-radius: 6px;
    padding: 8px 20px; }
QFrame#roomEditor QPushButton:focus { border: 2px solid @marketing; }
"""


@dataclass(frozen=True)
class Field:
    key: str
    label: str
    kind: str = "line"  # line, text or date
    value: Any = ""
    hint: str = ""      # shown in an empty line or text field (what it takes)


class RoomEditor(QFrame):
    """A form over the slide: one or more fields, Save and Cancel."""

    def __init__(self, parent: QWidget, title: str, fields: list[Field], px: int,
                 on_save: Callable[[dict[str, Any]], bool], on_close: Callable[[], None]) -> None:
        super().__init__(parent, objectName="roomEditor")
        # The window's style sheet sets sizes; this one sets the room's.
        style = STYLE.replace("TITLE", str(round(px * 1.25))).replace("PX", str(px))
        for name in sorted(ROOM, key=len, reverse=True):
            style = style.replace(f"@{name}", ROOM[name])
        self.setStyleSheet(style)
        self._on_save, self._on_close = on_save, on_close
        font = QFont(self.font())
        font.setPixelSize(px)
        self.setFont(font)
        heading = QLabel(title, objectName="roomEditorTitle")
        heading.setTextFormat(Qt.TextFormat.PlainText)
        big = QFont(font)
        big.setPixelSize(round(px * 1.25))
        big.setBold(True)
        heading.setFont(big)
        grid = QGridLayout()
        grid.setVerticalSpacing(round(px * 0.5))
        self.inputs: dict[str, QWidget] = {}
        self.order: list[QWidget] = []
        for n, f in enumerate(fields):
            widget: QWidget
            if f.kind == "text":
                text = TextField(objectName=f"room_{f.key}")
                text.setPlainText(str(f.value or ""))
                text.setTabChangesFocus(True)
                text.setFixedHeight(round(px * 3.4))
                widget = text
            elif f.kind == "date":
                day = f.value if isinstance(f.value, date) else date.today()
                edit = QDateEdit(QDate(day.year, day.month, day.day), objectName=f"room_{f.key}")
                edit.setDisplayFormat("yyyy-MM-dd")
                widget = edit
            else:
                line = QLineEdit(str(f.value or ""), objectName=f"room_{f.key}",
                                 maxLength=SHORT_TEXT_MAX)
                line.setPlaceholderText(f.hint)
                widget = line
            widget.setAccessibleName(f.label)
            widget.installEventFilter(self)
            label = QLabel(f.label, wordWrap=True)
            label.setMaximumWidth(round(parent.width() * 0.7 * 0.3))
            label.setBuddy(widget)
            grid.addWidget(label, n, 0, Qt.AlignmentFlag.AlignTop)
            grid.addWidget(widget, n, 1)
            self.inputs[f.key] = widget
            self.order.append(widget)
        grid.setColumnStretch(1, 1)
        self.error = QLabel(objectName="roomEditorError", wordWrap=True)
        self.error.setStyleSheet(f"color: {ROOM['bad']};")
        self.error.hide()
        hint = QLabel(tr("Ctrl+Enter saves \u00b7 Esc cancels \u00b7 Tab: next field"),
                      objectName="roomEditorHint")
        self.save_button = QPushButton(tr("Save"), objectName="roomEditorSave")
        self.cancel_button = QPushButton(tr("Cancel"), objectName="roomEditorCancel")
        self.save_button.clicked.connect(self.save)
        self.cancel_button.clicked.connect(self.cancel)
        self.order += [self.save_button, self.cancel_button]
        hint.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(hint, 1)
        buttons.addSpacing(px)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(px, px, px, px)
        layout.setSpacing(round(px * 0.6))
        layout.addWidget(heading)
        layout.addLayout(grid)
        layout.addWidget(self.error)
        layout.addLayout(buttons)
        self.place()
        self.show()
        self.raise_()
        first = self.order[0]
        first.setFocus(Qt.FocusReason.OtherFocusReason)
        if isinstance(first, QLineEdit):
            first.selectAll()

    def place(self) -> None:
        """Centred over the slide, 70% of its width."""
        parent = self.parentWidget()
        width = round(parent.width() * 0.7)
        self.setFixedWidth(width)
        self.adjustSize()
        height = min(self.sizeHint().height(), round(parent.height() * 0.9))
        self.setGeometry((parent.width() - width) // 2, (parent.height() - height) // 2,
                         width, height)

    def values(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for key, widget in self.inputs.items():
            if isinstance(widget, QPlainTextEdit):
                out[key] = widget.toPlainText()[:LONG_TEXT_MAX]
            elif isinstance(widget, QDateEdit):
                q = widget.date()
                out[key] = date(q.year(), q.month(), q.day())
            elif isinstance(widget, QLineEdit):
                out[key] = widget.text()
        return out

    def show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()
        self.place()

    def save(self) -> None:
        if self._on_save(self.values()):
            self.finish()

    def cancel(self) -> None:
        self.finish()

    def finish(self) -> None:
        self.hide()
        self._on_close()
        self.deleteLater()

    # -- the keys: none ever leaves the editor ---------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key, mods = event.key(), event.modifiers()
        enter = key in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        if key == Qt.Key.Key_Escape:
            self.cancel()
        elif enter and mods & Qt.KeyboardModifier.ControlModifier:
            self.save()
        elif enter:
            focus = self.focusWidget()
            if isinstance(focus, QPushButton):
                focus.click()
            elif focus in self.order[:-2] and self.order.index(focus) < len(self.inputs) - 1:
                self.focusNextPrevChild(True)
            else:
                self.save()
        event.accept()  # whatever a field left: the workshop never sees it

    def eventFilter(self, watched: Any, event: Any) -> bool:  # noqa: N802 (Qt's name)
        """Escape and Ctrl+Enter are the editor's, whichever field has them
        (a text field would otherwise take Ctrl+Enter as a new line)."""
        if event.type() == QEvent.Type.KeyPress:
            enter = event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            if event.key() == Qt.Key.Key_Escape or (
                    enter and event.modifiers() & Qt.KeyboardModifier.ControlModifier):
                self.keyPressEvent(event)
                return True
        return False

    def focusNextPrevChild(self, next: bool) -> bool:  # noqa: A002, N802 (Qt's names)
        """Tab moves round the editor's own fields and buttons."""
        focus = self.focusWidget()
        at = self.order.index(focus) if focus in self.order else -1
        target = self.order[(at + (1 if next else -1)) % len(self.order)]
        target.setFocus(Qt.FocusReason.TabFocusReason)
        if isinstance(target, QLineEdit):
            target.selectAll()
        return True
