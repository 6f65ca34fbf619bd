"""A multi-line text field that keeps the keyboard's way through a form:
Tab and Shift+Tab move to the next and previous control (a tab typed into a
purpose or a reward is never what anyone meant, and it was saved), Ctrl+Tab
types a tab for whoever needs one."""

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QPlainTextEdit


class TextField(QPlainTextEdit):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.setTabChangesFocus(True)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Tab and \
                event.modifiers() == Qt.KeyboardModifier.ControlModifier and \
                not self.isReadOnly():
            self.insertPlainText("\t")
            event.accept()
            return
        super().keyPressEvent(event)
