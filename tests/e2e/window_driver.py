"""Drives the real window in a child process: edits through the UI, reporting each
one only once the window shows it. The parent kills this process at random."""

import os
import sys
from pathlib import Path

os.environ["QT_QPA_PLATFORM"] = "offscreen"
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from PySide6.QtCore import Qt  # noqa: E402

from planner.app import make_application  # noqa: E402
from planner.ui.shell.main_window import MainWindow  # noqa: E402


def main() -> None:
    app = make_application(sys.argv[:1])
    window = MainWindow()
    window.show()
    assert window.open_plan(Path(sys.argv[1]))
    window.sidebar.setCurrentRow(1)  # Goals
    page = window.page("Goals")
    n = 0
    while True:
        n += 1
        window.add_row()
        app.processEvents()
        row = page.view.currentIndex().row()
        page.view.closePersistentEditor(page.view.currentIndex())
        title = f"Goal typed {n}"
        page.model.setData(page.model.index(row, 0), title, Qt.ItemDataRole.EditRole)
        app.processEvents()
        shown = page.model.index(row, 0).data(Qt.ItemDataRole.DisplayRole)
        if shown == title:
            print(f"shown {title}", flush=True)


if __name__ == "__main__":
    main()
