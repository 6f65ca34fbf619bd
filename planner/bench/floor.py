"""The floor for start-up benchmarks: Python, PySide6 and an empty main window.

`python -m planner.ui.bench_floor [--sqlmodel]` prints when the window first
paints and, with --sqlmodel, when `import sqlmodel` has finished after it.
"""

import resource
import sys
import time

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow

WITH_SQLMODEL = "--sqlmodel" in sys.argv


def finish() -> None:
    if WITH_SQLMODEL:
        import sqlmodel  # noqa: F401
    print(f"content {time.time():.6f}", flush=True)
    print(f"maxrss_kb {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}", flush=True)
    QApplication.quit()


class FirstPaint(QObject):
    done = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not self.done and event.type() == QEvent.Type.Paint:
            self.done = True
            print(f"first_paint {time.time():.6f}", flush=True)
            QTimer.singleShot(0, finish)
        return False


app = QApplication(sys.argv[:1])
window = QMainWindow()
window.resize(1280, 800)
probe = FirstPaint()
window.installEventFilter(probe)
window.show()
app.exec()
