"""Benchmarks that print figures: `python -m planner.bench [--runs N]`.

Every figure is compared with a floor measured in the same run, because the
machine is shared and noisy: medians of several runs, and ratios.
"""

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent.parent



def _run_probe(cmd: list[str]) -> dict[str, float]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "TANDEM_BENCH_PROBE": "1"}
    start = time.time()
    out = subprocess.run(cmd, env=env, cwd=ROOT, capture_output=True, text=True, timeout=120,
                         check=True).stdout
    figures = dict(line.split() for line in out.splitlines() if line.count(" ") == 1)
    return {"first_paint": float(figures["first_paint"]) - start,
            "content": float(figures["content"]) - start,
            "maxrss_mb": float(figures["maxrss_kb"]) / 1024}


def startup(plan: Path, runs: int) -> None:
    floor = [sys.executable, "-m", "planner.bench.floor"]
    kinds = {"floor": floor, "floor+sqlmodel": [*floor, "--sqlmodel"],
             "tandem": [sys.executable, str(ROOT / "main.py"), str(plan)]}
    results: dict[str, list[dict[str, float]]] = {k: [] for k in kinds}
    for _ in range(runs):  # interleaved, so load on the machine hits all alike
        for kind, cmd in kinds.items():
            results[kind].append(_run_probe(cmd))

    def med(kind: str, key: str) -> float:
        return statistics.median(r[key] for r in results[kind])

    for kind in kinds:
        print(f"  {kind:15s} first paint {med(kind, 'first_paint') * 1000:6.0f} ms   "
              f"content {med(kind, 'content') * 1000:6.0f} ms   "
              f"peak memory {med(kind, 'maxrss_mb'):6.1f} MB")
    print(f"start to first paint, ratio to floor:              "
          f"{med('tandem', 'first_paint') / med('floor', 'first_paint'):.2f}x (goal 1.5x)")
    print(f"start to full content, ratio to floor+sqlmodel:    "
          f"{med('tandem', 'content') / med('floor+sqlmodel', 'content'):.2f}x (goal 1.5x)")
    print(f"peak memory, ratio to floor+sqlmodel:              "
          f"{med('tandem', 'maxrss_mb') / med('floor+sqlmodel', 'maxrss_mb'):.2f}x (goal 1.6x)"
          f"  [to bare floor {med('tandem', 'maxrss_mb') / med('floor', 'maxrss_mb'):.2f}x]")


def _bare_reportlab(pages: int) -> bytes:
    from io import BytesIO

    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate

    style = getSampleStyleSheet()["BodyText"]
    text = " ".join(["Sales and marketing share one plan."] * 60)
    story = []
    for _ in range(pages):
        story += [Paragraph(text, style), Paragraph(text, style), PageBreak()]
    buffer = BytesIO()
    SimpleDocTemplate(buffer, pagesize=A4).build(story[:-1])
    return buffer.getvalue()


def pdf(plan: Path, runs: int, name: str = "large") -> None:
    from planner.export.pdf import PlanPdfRenderer
    from planner.outline.build import build_outline
    from planner.store.plan_store import PlanStore

    ours, floor, size, pages = [], [], 0, 0
    for _ in range(runs):
        start = time.perf_counter()
        with PlanStore.open(plan, read_only=True) as store:
            renderer = PlanPdfRenderer()
            size = len(renderer.render(build_outline(store)))
            pages = renderer.page_count
        ours.append(time.perf_counter() - start)
        start = time.perf_counter()
        _bare_reportlab(pages)
        floor.append(time.perf_counter() - start)
    a, b = statistics.median(ours), statistics.median(floor)
    print(f"PDF export, {name} plan: {a:.2f} s for {pages} pages ({size / 1024 / pages:.1f} KB "
          f"a page); bare ReportLab, same pages: {b:.2f} s; ratio {a / b:.2f}x (goal 2x)")


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


def edits(plan: Path) -> None:
    out = subprocess.run([sys.executable, "-m", "planner.bench.edits", str(plan)], cwd=ROOT,
                         env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
                         capture_output=True, text=True, timeout=300, check=True).stdout
    line = next(x for x in out.splitlines() if x.startswith("edit_ms"))
    _, _, median, _, p95 = line.split()
    print(f"one edit to repaint (large plan, goals page): median {median} ms, p95 {p95} ms "
          "(goal p95 < 16 ms)")
    for line in out.splitlines():
        if line.startswith("timeline_ms"):
            _, view, _, median, _, p95 = line.split()
            print(f"timeline repaint, 600 rides, {view} view, whole visible area: "
                  f"median {median} ms, p95 {p95} ms")
        if line.startswith("workshop_ms"):
            _, what, _, median, _, p95 = line.split()
            words = "enter workshop mode (slides built, first painted)" if what == "enter" \
                else "next slide in workshop mode (goal < 50 ms)"
            print(f"{words}: median {median} ms, p95 {p95} ms")
        if line.startswith("chart_ms"):
            _, _, median, _, p95 = line.split()
            print(f"metric chart repaint (24 periods): median {median} ms, p95 {p95} ms")


def goal_list() -> None:
    out = subprocess.run([sys.executable, "-m", "planner.bench.goals"], cwd=ROOT,
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
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    from planner.sample import write_sample

    with tempfile.TemporaryDirectory() as tmp:
        plan = Path(tmp) / "large.tandem"
        start = time.perf_counter()
        write_sample(plan, "large").close()
        print(f"large sample plan written in {time.perf_counter() - start:.2f} s "
              f"({plan.stat().st_size / 1024:.0f} KB)")
        print(f"Start-up, medians of {args.runs} interleaved runs:")
        startup(plan, args.runs)
        small = Path(tmp) / "small.tandem"
        write_sample(small, "small").close()
        pdf(small, args.runs, "sample")
        pdf(plan, args.runs)
        edits(plan)
        goal_list()
        print("Field-ride rules on synthetic schedules:")
        ride_rules(args.runs)
        metrics_work(plan, args.runs)


if __name__ == "__main__":
    main()
