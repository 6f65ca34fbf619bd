"""The window on a plan's Funnel page, for `python -m planner.bench.crm`: a
child process that prints when the page was shown and when the handoff
measured from the plan's CRM data was on it (`name EPOCH` lines).

    python -m planner.ui.bench.crm_window PLAN
"""

import os
import sys
import time
from pathlib import Path


def window(plan: Path) -> None:
    """The window on the plan's Funnel page (the child): prints when it was
    shown and when the measured handoff was, as `name EPOCH` lines."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QStandardPaths, QTimer

    from planner.app import make_application
    from planner.ui.shell.main_window import MainWindow

    QStandardPaths.setTestModeEnabled(True)
    app = make_application([])
    shell = MainWindow()
    shell.resize(1366, 768)
    shell.show()
    assert shell.open_plan(plan)
    shell.show_section(4)
    page = shell.page("Funnel")
    app.processEvents()
    print(f"shown {time.time()}", flush=True)

    def look() -> None:
        if page.handoff.text().startswith("Handoff"):  # type: ignore[attr-defined]
            print(f"figures {time.time()}", flush=True)
            app.quit()

    timer = QTimer(interval=20)
    timer.timeout.connect(look)
    timer.start()
    QTimer.singleShot(120_000, app.quit)
    app.exec()


if __name__ == "__main__":
    window(Path(sys.argv[1]))
