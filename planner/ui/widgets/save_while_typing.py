"""Text saved as it is typed: at each pause and when the field is left."""

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit


class SaveWhileTyping(QObject):
    """Saves a text field after a pause in typing and when it loses focus,
    so a crash mid-paragraph loses at most the last pause's worth of words."""

    PAUSE_MS = 700

    def __init__(self, field: QLineEdit | QPlainTextEdit,
                 commit: Callable[[bool], None]) -> None:
        super().__init__(field)
        self._commit = commit
        self._timer = QTimer(self, singleShot=True, interval=self.PAUSE_MS)
        self._timer.timeout.connect(lambda: self._commit(True))
        if isinstance(field, QLineEdit):
            field.textEdited.connect(self._timer.start)
            field.editingFinished.connect(self.finish)
        else:
            field.textChanged.connect(self._on_changed)
            field.installEventFilter(self)
        self._field = field

    def _on_changed(self) -> None:
        if self._field.hasFocus():
            self._timer.start()

    def finish(self) -> None:
        self._timer.stop()
        self._commit(False)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FocusOut:
            self.finish()
        return False
