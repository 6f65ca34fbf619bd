"""The History view of a plan with 20,000 change sets (run by
planner.bench.history in a subprocess): the window opens the plan, then (not
with --floor) Edit › History opens and is painted; it prints `ready EPOCH`
then, and the time each filter by person (and back) takes to the next paint."""

import os
import statistics
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtTest import QTest  # noqa: E402

from planner.app import make_application  # noqa: E402
from planner.ui.bench.edits import PaintCounter, _until_painted  # noqa: E402
from planner.ui.shell.main_window import MainWindow  # noqa: E402


def main(plan: Path, floor: bool) -> None:
    _app = make_application(sys.argv[:1])  # kept alive while the bench runs
    window = MainWindow()
    window.resize(1366, 768)
    window.show()
    assert window.open_plan(plan)
    QTest.qWaitForWindowExposed(window)
    QTest.qWait(0)
    opened = time.time()
    if floor:
        print(f"ready {time.time()}", flush=True)
        return
    start = time.perf_counter()
    view = window.show_history()
    counter = PaintCounter()
    view.table.viewport().installEventFilter(counter)
    QTest.qWaitForWindowExposed(view)
    _until_painted(counter, 0, start)
    print(f"ready {time.time()}", flush=True)
    print(f"history_open_ms {(time.time() - opened) * 1000:.1f}")
    times = []
    names = [view.person.itemData(n) for n in range(1, view.person.count())]
    for n in range(24):
        seen = counter.paints
        begin = time.perf_counter()
        view.choose_person(names[n % len(names)] if n % 2 == 0 else "")
        _until_painted(counter, seen, begin)
        times.append((time.perf_counter() - begin) * 1000)
    times.sort()
    print(f"filter_ms median {statistics.median(times):.2f} max {times[-1]:.2f} "
          f"entries {len(view.entries)}")


if __name__ == "__main__":
    main(Path(sys.argv[1]), "--floor" in sys.argv[2:])
