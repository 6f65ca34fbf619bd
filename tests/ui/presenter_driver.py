"""Run by test_presenter.py in a process of its own, whose Qt has two
virtual screens (a laptop and a projector): starts a workshop on a copy of
the sample plan and prints what each screen shows, as JSON."""

import json
import sys
from pathlib import Path

from PySide6.QtCore import QSettings, QStandardPaths, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtCore import QEvent

from planner.app import make_application
from planner.ui.shell.main_window import MainWindow


def main(plan: Path) -> None:
    QStandardPaths.setTestModeEnabled(True)
    app = make_application([])
    QSettings().remove("workshop/screen")
    window = MainWindow()
    window.show()
    assert window.open_plan(plan, "goals")
    window.start_workshop()
    app.processEvents()
    workshop, presenter = window.workshop, window.presenter
    out: dict[str, object] = {"screens": [s.name() for s in app.screens()],
                              "workshop_screen": workshop.screen().name(),
                              "presenter_screen": presenter.screen().name() if presenter else None}
    presenter.grab()
    out["current"], out["next"] = presenter.current_title, presenter.next_title
    start = workshop.index
    right = QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_Right, Qt.KeyboardModifier.NoModifier)
    presenter.keyPressEvent(right)  # the laptop's keyboard drives the room
    presenter.grab()
    out["moved"] = workshop.index - start
    out["current_after"] = presenter.current_title
    out["slide_after"] = workshop.slide.title
    out["clock"] = workshop.agenda_clock()
    workshop.close()
    app.processEvents()
    out["presenter_closed"] = not presenter.isVisible()
    print(json.dumps(out))


if __name__ == "__main__":
    main(Path(sys.argv[1]))
