"""A window's link to a plan on a server: others' changes as they happen.

The server notifies on its LISTEN socket; the event loop watches that socket
(QSocketNotifier) and the store applies what came in, so views refresh from
each change set exactly as from the window's own. A timer asks too (a link
that died says so only when read). When the server goes away the window
is told once, reads on, and the link tries again every few seconds; when it
is back the store has caught up and the window is told that too. Who else
has the plan open is asked every few seconds.
"""

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSocketNotifier, QTimer, Signal

from planner.ui.i18n import tr

if TYPE_CHECKING:
    from planner.store.server.store import ServerStore


class ServerLink(QObject):
    gone = Signal(str)              # the server cannot be reached (one sentence)
    back = Signal(str)              # it is back, and the plan caught up
    others_changed = Signal(list)   # the names of who else has the plan open

    POLL_MS = 1000
    RECONNECT_MS = 2000
    PRESENCE_MS = 4000

    def __init__(self, store: "ServerStore", parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.others: list[str] = []
        self._notifier: QSocketNotifier | None = None
        self._poll_timer = QTimer(self, interval=self.POLL_MS)
        self._poll_timer.timeout.connect(self.poll)
        self._reconnect_timer = QTimer(self, interval=self.RECONNECT_MS)
        self._reconnect_timer.timeout.connect(self.try_again)
        self._presence_timer = QTimer(self, interval=self.PRESENCE_MS)
        self._presence_timer.timeout.connect(self.ask_presence)
        self._watch_socket()
        self._poll_timer.start()
        self._presence_timer.start()
        QTimer.singleShot(0, self, self.ask_presence)

    def _watch_socket(self) -> None:
        if self._notifier is not None:
            self._notifier.setEnabled(False)
            self._notifier.deleteLater()
            self._notifier = None
        fd = self.store.fileno()
        if fd is not None:
            self._notifier = QSocketNotifier(fd, QSocketNotifier.Type.Read, self)
            self._notifier.activated.connect(self.poll)

    def poll(self) -> None:
        if self.store.gone:
            return
        self.store.poll()
        if self.store.gone:
            self._went_away()

    def _went_away(self) -> None:
        if self._notifier is not None:
            self._notifier.setEnabled(False)
        self._poll_timer.stop()
        self.gone.emit(self.store.gone or "")
        self._set_others([])
        self._reconnect_timer.start()

    def try_again(self) -> None:
        if self.store.reconnect():
            self._reconnect_timer.stop()
            self._watch_socket()
            self._poll_timer.start()
            self.back.emit(tr("The server is back; the plan holds every change made "
                              "meanwhile."))
            self.ask_presence()

    def ask_presence(self) -> None:
        if not self.store.gone:
            self._set_others(self.store.others())

    def _set_others(self, names: list[str]) -> None:
        if names != self.others:
            self.others = names
            self.others_changed.emit(names)

    def stop(self) -> None:
        for timer in (self._poll_timer, self._reconnect_timer, self._presence_timer):
            timer.stop()
        if self._notifier is not None:
            self._notifier.setEnabled(False)


def where_text(store: "ServerStore", others: list[str]) -> str:
    """The status bar's words for where the plan lives and who else is in it."""
    text = tr("On the server: {where}").format(where=store.address.where)
    if others:
        text += " \u00b7 " + tr("also open by {names}").format(names=", ".join(others[:6]))
        if len(others) > 6:
            text += f" +{len(others) - 6}"
    return text
