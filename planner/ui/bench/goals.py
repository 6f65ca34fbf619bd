"""Filtering and sorting 1,000 goals on the goals page, to the next paint, against
a floor measured in the same run: Qt's own QSortFilterProxyModel over a
QStandardItemModel of the same text (run by planner.bench in a subprocess)."""

import os
import statistics
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QRegularExpression, QSortFilterProxyModel, Qt  # noqa: E402
from PySide6.QtGui import QStandardItem, QStandardItemModel  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QTableView  # noqa: E402

from planner.app import make_application  # noqa: E402
from planner.ui.bench.edits import PaintCounter, _until_painted  # noqa: E402
from planner.ui.shell.main_window import MainWindow  # noqa: E402

WORDS = ("win", "pipeline", "partner", "lead", "zzz-none")


def _time(widget: QTableView, counter: PaintCounter, step) -> float:  # type: ignore[no-untyped-def]
    seen = counter.paints
    start = time.perf_counter()
    step()
    _until_painted(counter, seen, start)
    return (time.perf_counter() - start) * 1000


def _figures(name: str, times: list[float]) -> None:
    times.sort()
    print(f"goals_ms {name} median {statistics.median(times):.2f} "
          f"p95 {times[int(len(times) * 0.95)]:.2f}")


def main(plan: Path, runs: int = 8) -> None:
    _app = make_application(sys.argv[:1])  # kept alive while the bench runs
    window = MainWindow()
    window.resize(1440, 900)
    window.show()
    assert window.open_plan(plan)
    window.show_section(1)
    QTest.qWaitForWindowExposed(window)
    page = window.page("Goals")
    view = page.view  # type: ignore[attr-defined]
    model = page.model  # type: ignore[attr-defined]
    goals = model.total  # the plan is grown to 1,000 goals by planner/bench/plans.py
    columns = model.spec.columns
    counter = PaintCounter()
    view.viewport().installEventFilter(counter)

    # The floor: the same text in Qt's own models, filtered and sorted in C++.
    source = QStandardItemModel(goals, len(columns))
    for r in range(goals):
        for c in range(len(columns)):
            source.setItem(r, c, QStandardItem(str(model.index(r, c).data() or "")))
    proxy = QSortFilterProxyModel()
    proxy.setSourceModel(source)
    proxy.setFilterKeyColumn(-1)
    proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    floor_view = QTableView()
    floor_view.setModel(proxy)
    floor_view.resize(1200, 700)
    floor_view.show()
    QTest.qWaitForWindowExposed(floor_view)
    floor_counter = PaintCounter()
    floor_view.viewport().installEventFilter(floor_counter)

    results: dict[str, list[float]] = {k: [] for k in (
        "search", "search_floor", "sort", "sort_floor", "filter", "clear")}
    sortable = [n for n, c in enumerate(columns) if c.kind != "trend"]
    for run in range(runs):
        for word in WORDS:
            results["search"].append(_time(view, counter, lambda w=word: page.search.setText(w)))
            results["search_floor"].append(_time(floor_view, floor_counter, lambda w=word: (
                proxy.setFilterRegularExpression(QRegularExpression(
                    QRegularExpression.escape(w),
                    QRegularExpression.PatternOption.CaseInsensitiveOption)))))
        results["clear"].append(_time(view, counter, page.clear_filters))
        proxy.setFilterRegularExpression("")
        for n in sortable:
            order = Qt.SortOrder(run % 2)
            results["sort"].append(_time(view, counter, lambda n=n, o=order: (
                view.sortByColumn(n, o))))
            results["sort_floor"].append(_time(floor_view, floor_counter, lambda n=n, o=order: (
                floor_view.sortByColumn(n, o))))
        view.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        for index in range(1, page.status_filter.count()):
            results["filter"].append(_time(view, counter, lambda i=index: (
                page.status_filter.setCurrentIndex(i))))
        page.status_filter.setCurrentIndex(0)
    for name, times in results.items():
        _figures(name, times)
    floor_view.close()
    window.close()


if __name__ == "__main__":
    main(Path(sys.argv[1]))
