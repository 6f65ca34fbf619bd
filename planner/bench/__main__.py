"""Benchmarks that print figures: `python -m planner.bench [--quick] [--runs N]`.

Whole processes (Tandem's commands and window) are timed against floors that
do the same work, in turns (A B A B), and compared by the median of the
paired ratios, because the machine is shared and noisy; then a scaling table
(600, 6,000 and 60,000 rides); then figures taken inside the window.
"""

import argparse
import compileall
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from planner.bench import plans as plans_
from planner.bench import whole
from planner.bench.processes import ROOT



def _synthetic_rides(n: int, people: int) -> tuple[list[Any], list[Any]]:
    """n rides among `people` people over two years, random but repeatable."""
    import random
    from datetime import date, timedelta

    from planner.model.enums import RideDirection, RideStatus, Team

    from planner.model import FieldRide, Person
    from planner.operations.rows import new

    rng = random.Random(n)
    staff = [new(Person, id=f"p{i}", name=f"P{i}",
                 team=Team.MARKETING if i % 2 else Team.SALES) for i in range(people)]
    start = date(2027, 1, 1)
    rides = []
    for i in range(n):
        first = start + timedelta(days=rng.randrange(720))
        rides.append(new(FieldRide, id=f"r{i}", first_day=first,
                         last_day=first + timedelta(days=rng.randrange(4)),
                         visitor_id=f"p{rng.randrange(people)}",
                         host_id=f"p{rng.randrange(people)}",
                         direction=RideDirection.MARKETING_WITH_SALES if i % 2
                         else RideDirection.SALES_WITH_MARKETING, status=RideStatus.PLANNED))
    return rides, staff


def ride_rules(runs: int) -> None:
    import math
    from datetime import date

    from planner.rules.balance import balance
    from planner.rules.rides import WorkCalendar, conflicts

    from planner.model import Plan
    from planner.operations.rows import new

    plan = new(Plan, title="Bench", period_start=date(2027, 1, 1), period_end=date(2028, 12, 31),
               marketing_days_per_quarter=3, sales_days_per_half=4, max_direction_ratio=1.5)
    calendar = WorkCalendar(True, (date(2027, 5, 1), date(2027, 12, 25)))
    medians = {}
    for n in (600, 6000, 60000):
        rides, staff = _synthetic_rides(n, max(40, n // 15))
        times = []
        for _ in range(runs):
            start = time.perf_counter()
            conflicts(rides)
            balance(plan, rides, staff, calendar)
            times.append(time.perf_counter() - start)
        medians[n] = statistics.median(times)
        print(f"  conflicts + balance, {n:6,} rides: {medians[n] * 1000:8.1f} ms "
              f"({medians[n] / n * 1e6:.1f} \u00b5s a ride)")
    for small, big in ((600, 6000), (6000, 60000)):
        nlogn = big * math.log(big) / (small * math.log(small))
        print(f"  growth {small:,} -> {big:,} rides: {medians[big] / medians[small]:.1f}x "
              f"(n log n would be {nlogn:.1f}x, n\u00b2 {(big / small) ** 2:.0f}x)")


def metrics_work(plan_path: Path, runs: int) -> None:
    """100,000-row CSV import (parse and commit), and status of every metric."""
    import tracemalloc

    from planner.imports.actuals import guess_mapping, parse_actuals, read_table
    from planner.model import Metric, MetricValue
    from planner.operations.metrics import record_actuals
    from planner.rules.metrics import metric_statuses
    from planner.store.plan_store import PlanStore

    with PlanStore.open(plan_path, read_only=True) as store:
        plan, metrics = store.plan(), store.rows(Metric)
        values = store.rows(MetricValue)
    names = {m.name: m.id for m in metrics}
    periods = [f"{y}-{m:02d}" for y in (2027, 2028) for m in range(1, 13)]
    lines = ["Metric;Month;Actual;Comment"] + [
        f"{metrics[n % len(metrics)].name};{periods[n % 24]};{n % 997},5;row {n}"
        for n in range(100_000)]
    data = "\n".join(lines).encode("utf-8")
    def parse() -> Any:
        table = read_table(data)
        mapping = guess_mapping(table.header)
        assert mapping is not None
        return parse_actuals(table, mapping, names, periods)

    tracemalloc.start()  # memory in a pass of its own: tracing slows Python down
    parse()
    peak = tracemalloc.get_traced_memory()[1] / 2**20
    tracemalloc.stop()
    parse_times, commit_times = [], []
    for _ in range(max(3, runs // 3)):
        start = time.perf_counter()
        parsed = parse()
        parse_times.append(time.perf_counter() - start)
        assert len(parsed.actuals) == 100_000, parsed.errors[:3]
        with tempfile.TemporaryDirectory() as tmp:
            copy = Path(tmp) / "plan.tandem"
            copy.write_bytes(plan_path.read_bytes())
            with PlanStore.open(copy) as store:
                start = time.perf_counter()
                store.commit(record_actuals(store, ((a.metric_id, a.period, a.actual, a.note)
                                                    for a in parsed.actuals)))
                commit_times.append(time.perf_counter() - start)
    parsing, commit = statistics.median(parse_times), statistics.median(commit_times)
    print(f"CSV import of 100,000 rows ({len(data) / 2**20:.1f} MB): parse and check "
          f"{parsing:.2f} s ({100_000 / parsing:,.0f} rows/s), commit as one edit {commit:.2f} s "
          f"({100_000 / commit:,.0f} rows/s; the 1,440 metric-period pairs are overwritten); "
          f"peak Python memory while parsing {peak:.0f} MB")
    status_times = []
    for _ in range(runs * 5):
        start = time.perf_counter()
        metric_statuses(plan, metrics, values)
        status_times.append(time.perf_counter() - start)
    print(f"status of {len(metrics)} metrics x 24 periods ({len(values):,} actuals): "
          f"median {statistics.median(status_times) * 1000:.2f} ms")


def edits(goals: Path, rides: Path | None) -> None:
    """Edit to repaint on the real window, in a subprocess each."""
    def figures(mode: str, plan: Path) -> str:
        return subprocess.run([sys.executable, "-m", "planner.ui.bench.edits", mode, str(plan)],
                              cwd=ROOT, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
                              capture_output=True, text=True, timeout=600, check=True).stdout

    out = figures("goals", goals)
    for mode, words, text in (("goals", "1,000 goals, renaming a goal", out),
                              ("rides", "6,000 rides, changing a ride",
                               figures("rides", rides) if rides else "")):
        line = next((x for x in text.splitlines() if x.startswith("edit_ms")), None)
        if line is None:
            continue
        _, _, median, _, p95, *_ = line.split()
        print(f"  one edit to its repaint, {words}: median {median} ms, p95 {p95} ms "
              "[goal p95 < 16 ms]")
    for line in out.splitlines():
        if line.startswith("timeline_ms"):
            _, view, _, median, _, p95 = line.split()
            print(f"  timeline repaint, 600 rides, {view} view, whole visible area: "
                  f"median {median} ms, p95 {p95} ms")
        if line.startswith("workshop_ms"):
            _, what, _, median, _, p95 = line.split()
            words = "enter workshop mode (slides built, first painted)" if what == "enter" \
                else "next slide in workshop mode (goal < 50 ms)"
            print(f"  {words}: median {median} ms, p95 {p95} ms")
        if line.startswith("chart_ms"):
            _, _, median, _, p95 = line.split()
            print(f"  metric chart repaint (24 periods): median {median} ms, p95 {p95} ms")


def goal_list(plan: Path) -> None:
    out = subprocess.run([sys.executable, "-m", "planner.ui.bench.goals", str(plan)], cwd=ROOT,
                         env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
                         capture_output=True, text=True, timeout=600, check=True).stdout
    found: dict[str, tuple[float, float]] = {}
    for line in out.splitlines():
        if line.startswith("goals_ms"):
            _, what, _, mid, _, high = line.split()
            found[what] = (float(mid), float(high))
    print("Goals page, 1,000 goals, from the change to the next paint (floor: Qt's "
          "QSortFilterProxyModel over the same text, same run):")
    for what, words in (("search", "search as you type"), ("filter", "status filter"),
                        ("clear", "show all again"), ("sort", "sort by a column")):
        median, p95 = found[what]
        floor = found.get(f"{what}_floor")
        ratio = f", {median / floor[0]:.2f}x the floor ({floor[0]:.1f} ms)" if floor else ""
        print(f"  {words:20s} median {median:6.1f} ms, p95 {p95:6.1f} ms{ratio}")


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m planner.bench")
    parser.add_argument("--runs", type=int, default=7, help="pairs of runs a figure (7)")
    parser.add_argument("--quick", action="store_true",
                        help="a minute or two: 3 pairs, up to 6,000 rides, no goal list or CSV")
    parser.add_argument("--slow", action="store_true",
                        help="also LibreOffice at 60,000 rides (over ten minutes)")
    args = parser.parse_args()
    runs = 3 if args.quick else args.runs
    sizes = (600, 6000) if args.quick else (600, 6000, 60000)
    started = time.perf_counter()
    # Bytecode as an installed program has it (pip and PyInstaller compile it).
    compileall.compile_dir(ROOT / "planner", quiet=1)
    with tempfile.TemporaryDirectory(prefix="tandem-bench-") as tmp:
        folder = Path(tmp)
        start = time.perf_counter()
        plans = {n: plans_.sample(folder, n) for n in sizes}
        goals = plans_.thousand_goals(folder)
        print(f"Plans written in {time.perf_counter() - start:.1f} s: " + ", ".join(
            f"{n:,} rides ({p.stat().st_size / 2**20:.1f} MB)" for n, p in plans.items()))
        print(f"Whole processes, {runs} pairs each, run in turns (ours vs floor):")
        whole.check(plans[600], runs)
        whole.window(plans[600], runs)
        done = whole.exports(plans, runs, folder)
        print("Scaling (tandem export --pdf and tandem check, whole processes):")
        whole.scaling(done)
        print("Against LibreOffice headless converting the same tables:")
        whole.against_libreoffice(plans, max(3, runs // 2), folder, args.slow)
        print("Merging and differences (whole processes):")
        whole.merging(folder, max(3, runs // 2))
        print("In the window (offscreen, 1366 x 768):")
        edits(goals, plans.get(6000))
        if not args.quick:
            goal_list(goals)
            print("Field-ride rules on synthetic schedules:")
            ride_rules(runs)
            metrics_work(plans[600], runs)
    print(f"Benchmark done in {time.perf_counter() - started:.0f} s.")


if __name__ == "__main__":
    main()
