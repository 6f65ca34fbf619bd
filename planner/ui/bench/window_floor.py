"""The floor for the window: Python, PySide6 and a main window showing a
1,000 x 8 table of text, until that table is first painted.

`python -m planner.ui.bench.window_floor` prints `first_paint` and `content`
(the same moment: the table is there when the window first paints), as
Tandem's own window does under TANDEM_BENCH_PROBE.
"""

import sys
import time

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QApplication, QMainWindow, QTableView


class FirstPaint(QObject):
    done = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not self.done and event.type() == QEvent.Type.Paint:
            self.done = True
            now = time.time()
            print(f"first_paint {now:.6f}\ncontent {now:.6f}", flush=True)
            QTimer.singleShot(0, QApplication.quit)
        return False


app = QApplication(sys.argv[:1])
window = QMainWindow()
window.resize(1280, 800)
model = QStandardItemModel(1000, 8)
for row in range(1000):
    for column in range(8):
        model.setItem(row, column, QStandardItem(f"Goal {row} text in column {column}"))
table = QTableView()
table.setModel(model)
window.setCentralWidget(table)
probe = FirstPaint()
table.viewport().installEventFilter(probe)
window.show()
app.exec()
