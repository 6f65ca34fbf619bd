"""Edit-to-repaint timing on a real window (run by `python -m planner.bench` in a
subprocess): `goals PLAN` renames goals on the Goals page (and times the
timeline, a chart and the workshop), `rides PLAN` changes rides on the Field
rides page. Every third step is an undo."""

import os
import statistics
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEvent, QObject  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QWidget  # noqa: E402

from planner.app import make_application  # noqa: E402
from planner.ui.pages.table import TablePage  # noqa: E402
from planner.ui.shell.main_window import MainWindow  # noqa: E402


class PaintCounter(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.paints = 0

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.paints += 1
        return False


def main(mode: str, plan: Path, edits: int = 120) -> None:
    from planner.ui import dialogs

    # Renaming a signed goal asks first; the bench answers as the user would
    # ("change and withdraw"), so what is timed is the edit and its repaint.
    dialogs.confirm = lambda *args: True  # type: ignore[assignment]
    _app = make_application(sys.argv[:1])  # kept alive while the bench runs
    window = MainWindow()
    window.resize(1366, 768)
    window.show()
    assert window.open_plan(plan, mode)
    QTest.qWaitForWindowExposed(window)
    page = window.stack.currentWidget()
    assert isinstance(page, TablePage)
    # Goals: the title; rides: the territory, then the accounts.
    columns = (0,) if mode == "goals" else (6, 7)
    times = edit_times(window, page, columns, edits)
    print(f"edit_ms median {statistics.median(times):.2f} p95 {times[int(len(times) * 0.95)]:.2f} "
          f"rows {page.model.rowCount()}")
    if mode == "goals":
        timeline_repaints(window)
        chart_repaints(window)
        workshop_figures(window)
    window.close()


def edit_times(window: MainWindow, page: TablePage, columns: tuple[int, ...],
               edits: int) -> list[float]:
    """From a typed value (or an undo) until Qt has painted the change: the
    time a user waits to see it. Sorted, in ms."""
    counter = PaintCounter()
    page.view.viewport().installEventFilter(counter)
    page.view.viewport().update()  # offscreen, a view paints first when asked to
    for _ in range(100):
        if counter.paints:
            break
        QTest.qWait(20)
    times = []
    for n in range(edits):
        index = page.model.index(n % 6, columns[n % len(columns)])  # cells on screen
        seen = counter.paints
        start = time.perf_counter()
        if n % 3 == 2:
            window.undo()
        elif not page.model.setData(index, f"Renamed {n} at {start:.6f}"):
            raise RuntimeError(f"edit {n} was refused")
        while counter.paints == seen and time.perf_counter() - start < 2:
            QTest.qWait(0)
        if counter.paints == seen:
            raise RuntimeError(f"edit {n}: the edited row was never repainted")
        times.append((time.perf_counter() - start) * 1000)
    return sorted(times)


def repaint_figures(widget: QWidget, runs: int = 40) -> str:
    """Median and p95 in ms of repainting a widget's whole visible area."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        widget.repaint()
        times.append((time.perf_counter() - start) * 1000)
    times.sort()
    return f"median {statistics.median(times):.2f} p95 {times[int(len(times) * 0.95)]:.2f}"


def chart_repaints(window: MainWindow) -> None:
    from planner.ui.pages.metrics import MetricsPage

    window.sidebar.setCurrentRow(3)
    page = window.page("Metrics")
    assert isinstance(page, MetricsPage)
    page.view.selectRow(0)
    QTest.qWait(50)
    print(f"chart_ms {repaint_figures(page.chart)}")


def timeline_repaints(window: MainWindow) -> None:
    """Repaint the ride timeline's whole visible area, in both views."""
    from planner.ui.pages.rides import RidesPage

    window.sidebar.setCurrentRow(2)
    page = window.page("Field rides")
    assert isinstance(page, RidesPage)
    page.tabs.setCurrentIndex(1)
    QTest.qWait(50)
    for view, button in (("quarter", page.quarter), ("month", page.month)):
        button.setChecked(True)
        QTest.qWait(20)
        print(f"timeline_ms {view} {repaint_figures(page.timeline)}")


def _until_painted(counter: PaintCounter, seen: int, start: float) -> None:
    while counter.paints == seen and time.perf_counter() - start < 3:
        QTest.qWait(0)
    if counter.paints == seen:
        raise RuntimeError("the workshop view was never painted")


def workshop_figures(window: MainWindow, runs: int = 12) -> None:
    """Entering workshop mode until its first slide is painted; then each next
    slide until it is painted (the time the room waits)."""
    enter = []
    for _ in range(runs):
        counter = PaintCounter()
        start = time.perf_counter()
        window.start_workshop()
        view = window.workshop
        assert view is not None
        view.installEventFilter(counter)
        _until_painted(counter, 0, start)
        enter.append((time.perf_counter() - start) * 1000)
        view.close()
    window.start_workshop()
    view = window.workshop
    assert view is not None
    ticks: list[float] = []  # each idle tick that cuts sections to fit
    cut_more = view._fit_more

    def timed() -> None:
        started = time.perf_counter()
        cut_more()
        ticks.append((time.perf_counter() - started) * 1000)
    view._fit_timer.timeout.disconnect()
    view._fit_timer.timeout.connect(timed)
    counter = PaintCounter()
    view.installEventFilter(counter)
    QTest.qWaitForWindowExposed(view)
    deadline = time.perf_counter() + 10
    while view.fitting() and time.perf_counter() < deadline:
        QTest.qWait(5)
    ticks.sort()
    print(f"workshop_ms idle_tick median {statistics.median(ticks):.2f} "
          f"p95 {ticks[int(len(ticks) * 0.95)]:.2f} max {ticks[-1]:.2f} "
          f"({len(ticks)} ticks)")
    QTest.qWait(50)
    steps = []
    for n in range(1, 60):
        seen = counter.paints
        start = time.perf_counter()
        view.go(n % len(view.slides))  # type: ignore[attr-defined]
        _until_painted(counter, seen, start)
        steps.append((time.perf_counter() - start) * 1000)
    view.close()
    for name, times in (("enter", enter), ("next", steps)):
        times.sort()
        print(f"workshop_ms {name} median {statistics.median(times):.2f} "
              f"p95 {times[int(len(times) * 0.95)]:.2f}")


if __name__ == "__main__":
    if "--synchronous" in sys.argv:  # the durability bench compares SQLite's modes
        from planner.store import connection

        connection.SYNCHRONOUS = sys.argv[sys.argv.index("--synchronous") + 1]
    main(sys.argv[1], Path(sys.argv[2]))
