"""QApplication set-up: show the window first, then open the plan."""

import os
import sys
import time
from collections.abc import Callable
from pathlib import Path

import builtins

# PySide6 puts its own `__import__` in place on first import, for its opt-in
# `from __feature__ import snake_case` switches; it then reads the source
# of every module that imports PySide6, about 30 ms of every start. Tandem
# selects no feature, so the interpreter's own import is put back (a module
# PySide6 has not seen keeps the default: no feature).
_IMPORT = builtins.__import__
from PySide6.QtCore import QEvent, QObject, QSettings, QTimer
from PySide6.QtGui import QFont, QIcon
from PySide6.QtWidgets import QApplication

builtins.__import__ = _IMPORT

from planner import APP_NAME
from planner.resources import resource_path
from planner.ui.shell.main_window import MainWindow

SAMPLE_NAME = "Sample plan.tandem"


def make_application(argv: list[str]) -> QApplication:
    app = QApplication.instance() or QApplication(argv)
    assert isinstance(app, QApplication)
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_NAME)
    app.setDesktopFileName("tandem")  # its desktop entry (resources/desktop/tandem.desktop)
    app.setWindowIcon(QIcon(str(resource_path("icons", "tandem.svg"))))
    font = QFont(app.font())
    font.setPointSizeF(max(font.pointSizeF(), 10.0))
    app.setFont(font)
    from planner.ui.widgets import accessible_items

    accessible_items.install()  # drawn widgets' items, as children a screen reader walks
    from planner.ui import i18n, theme

    i18n.install()
    theme.follow_the_system(app)
    return app


def sample_plan_path() -> Path:
    from planner.ui.shell.plan_files import data_folder

    folder = data_folder()
    folder.mkdir(parents=True, exist_ok=True)
    return folder / SAMPLE_NAME


def initial_plan(path: "Path | str | None") -> "tuple[Path | str, bool]":
    """The plan named, else the last plan, else the sample plan (made on
    first start); and whether this is the first start, when the window
    offers the choice between the sample and a plan of one's own."""
    if path is not None:
        return path, False
    from planner.ui.shell.plan_files import there

    last = QSettings().value("last_plan", "")
    if last and str(last).lower().startswith(("postgresql://", "postgres://")):
        return str(last), False  # a server's plan: opened, or said why not
    if last and there(Path(str(last))):
        return Path(str(last)), False
    sample = sample_plan_path()
    if not sample.exists():
        from planner.sample import write_sample

        write_sample(sample).close()
    return sample, not QSettings().value("welcomed", False, type=bool)


class _AfterFirstPaint(QObject):
    """Runs the heavy start-up work once the window has painted itself once."""

    def __init__(self, window: MainWindow, work: Callable[[], None], report: bool) -> None:
        super().__init__(window)
        self.window, self.work, self.report, self.done = window, work, report, False
        window.installEventFilter(self)
        # Should no paint come (a minimised start), the plan still opens.
        QTimer.singleShot(1000, self._run)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not self.done and event.type() == QEvent.Type.Paint:
            if self.report:
                print(f"first_paint {time.time():.6f}", flush=True)
            QTimer.singleShot(0, self._run)
        return False

    def _run(self) -> None:
        if self.done:
            return
        self.done = True
        self.window.removeEventFilter(self)
        self.work()
        if self.report:
            self.content_shown()

    def content_shown(self) -> None:
        import resource

        QApplication.processEvents()
        self.window.repaint()
        print(f"content {time.time():.6f}", flush=True)
        # The rows checked on a thread once the plan is shown (a goal's
        # check-ins), and the replica copied into memory on another.
        store = getattr(self.window.session, "store", None)
        while store is not None and (store.check_step() or not store.replica_copied()):
            QApplication.processEvents()
            time.sleep(0.005)
        print(f"checked {time.time():.6f}", flush=True)
        print(f"maxrss_kb {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}", flush=True)
        QApplication.quit()


def run(path: "Path | str | None", qt_args: list[str]) -> int:
    app = make_application([sys.argv[0], *qt_args])
    window = MainWindow()
    # The window paints before the plan is read. TANDEM_BENCH_PROBE=1 (or a
    # section's key, shown once the plan is open) makes it print when it has
    # painted first and when the plan's content is shown, for planner.bench.
    probe = os.environ.get("TANDEM_BENCH_PROBE", "")

    section = probe if probe not in ("", "1") else None
    def open_first() -> None:
        plan, first_start = initial_plan(path)
        if window.open_plan(plan, section) and first_start and not probe:
            window.show_welcome()
    _AfterFirstPaint(window, open_first, report=bool(probe))
    window.show()
    return app.exec()
