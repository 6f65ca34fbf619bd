"""Another person's change, from their commit to this window's repaint (run
by planner.bench.server in a subprocess): the window opens a plan on a
server on its Goals page and prints `ready`; each time another store's
change set arrives (woken by LISTEN, as a user's window is) it prints
`painted EPOCH` at the Goals table's next paint."""

import os
import sys
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEvent, QObject, QTimer  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402

from planner.app import make_application  # noqa: E402
from planner.ui.pages.table import TablePage  # noqa: E402
from planner.ui.shell.main_window import MainWindow  # noqa: E402


class FirstPaint(QObject):
    """Prints the moment of the first paint after a change set came in."""

    def __init__(self) -> None:
        super().__init__()
        self.waiting = False

    def arrived(self, _change: object) -> None:
        self.waiting = True

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if self.waiting and event.type() == QEvent.Type.Paint:
            self.waiting = False
            QTimer.singleShot(0, lambda: print(f"painted {time.time()!r}", flush=True))
        return False


def main(address: str, seconds: float) -> None:
    _app = make_application(sys.argv[:1])  # kept alive while the bench runs
    window = MainWindow()
    window.resize(1366, 768)
    window.show()
    assert window.open_plan(address, "goals")
    QTest.qWaitForWindowExposed(window)
    page = window.stack.currentWidget()
    assert isinstance(page, TablePage) and window.session is not None
    probe = FirstPaint()
    window.session.store.subscribe(probe.arrived)
    page.view.viewport().installEventFilter(probe)
    print("ready", flush=True)
    QTest.qWait(int(seconds * 1000))
    window.close()


if __name__ == "__main__":
    main(sys.argv[1], float(sys.argv[2]))
