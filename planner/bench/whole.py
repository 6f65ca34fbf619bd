"""Whole-process figures: Tandem's commands and window against floors that do
the same work, each pair run in turns (A B A B) and compared by the median of
the paired ratios."""

import re
import statistics
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from planner.bench import libreoffice
from planner.bench.processes import ROOT, Paired, Run, in_turns, run

PYTHON = sys.executable
TANDEM = [PYTHON, str(ROOT / "main.py")]
OFFSCREEN = {"QT_QPA_PLATFORM": "offscreen"}


def _say(label: str, paired: Paired, goal: str, unit: str = "s", digits: int = 3) -> None:
    print(f"  {label}: {paired.text(unit, digits)}  [goal {goal}]")


def check(plan: Path, runs: int) -> None:
    """`tandem check` against the import of sqlmodel alone."""
    figures = in_turns([*TANDEM, "check", plan], [PYTHON, "-c", "import sqlmodel"], runs)
    _say("tandem check, large plan, vs python -c 'import sqlmodel'", figures["seconds"],
         "<= 0.5x")


def window(plan: Path, runs: int) -> None:
    """The window on the large plan against a bare PySide6 window showing a
    1,000 x 8 table, on every section: first paint, content shown (the
    section's page built, filled and painted), peak memory. Bytecode is
    compiled beforehand, as an installed program's is; the CRM figures'
    cache (`crm_memo`) is warm after the first run, as on any reopening."""
    floor = [PYTHON, "-m", "planner.ui.bench.window_floor"]
    print("  (floor: Python, PySide6 and a window showing a 1,000 x 8 table, painted)")
    from planner.sections import WINDOW

    for section in (s.key for s in WINDOW):  # every page the sidebar has
        env = {**OFFSCREEN, "TANDEM_BENCH_PROBE": section}
        figures = in_turns([*TANDEM, plan], floor, runs, env, {
            "paint": lambda r: r.moment("first_paint"),
            "content": lambda r: r.moment("content"),
            "memory": lambda r: r.peak_mb})
        _say(f"window on {section}, first paint", figures["paint"], "about 1x")
        _say(f"window on {section}, content shown", figures["content"], "<= 1.5x")
        _say(f"window on {section}, peak memory", figures["memory"], "<= 1.6x", "MB", 0)


@dataclass
class Export:
    rides: int
    pages: int
    seconds: Paired  # against the floor
    memory: Paired
    check: Run


# The export runs in English whatever the language of the machine the
# benchmark runs on: its report is read for the page count, and the floor is
# padded to the pages of the document measured.
IN_ENGLISH = {"LANGUAGE": "en", "LC_ALL": "C.UTF-8"}


def _pages(result: Run) -> int:
    found = re.search(r"\((\d+) pages,", result.stdout)
    if found is None:
        raise RuntimeError(f"tandem export said no page count: {result.stdout!r}")
    return int(found.group(1))


def _tables(plan: Path, out: Path) -> None:
    from planner.bench.pdf_floor import write_tables
    from planner.outline.build import build_outline
    from planner.store.plan_store import PlanStore

    with PlanStore.open(plan, read_only=True) as store:
        write_tables(build_outline(store), out)


def exports(plans: dict[int, Path], runs: int, folder: Path) -> list[Export]:
    """`tandem export --pdf` against plain ReportLab laying out the same tables
    in the same fonts to the same page count, at each size; then the scaling
    table (seconds, pages, pages per second, peak memory)."""
    print("  (floor: python -m planner.bench.pdf_floor, plain ReportLab, the same tables and "
          "fonts, padded to the same pages)")
    done = []
    for rides, plan in plans.items():
        pdf, tables = folder / f"rides{rides}.pdf", folder / f"tables{rides}.json"
        _tables(plan, tables)
        pages = _pages(run([*TANDEM, "export", plan, "--pdf", pdf], IN_ENGLISH))
        turns = runs if rides < 60000 else max(2, runs // 3)
        figures = in_turns([*TANDEM, "export", plan, "--pdf", pdf],
                           [PYTHON, "-m", "planner.bench.pdf_floor", tables,
                            folder / "floor.pdf", pages], turns, IN_ENGLISH)
        _say(f"export --pdf, {rides:,} rides ({pages:,} pages), vs the floor",
             figures["seconds"], "<= 1.5x")
        done.append(Export(rides, pages, figures["seconds"], figures["peak_mb"],
                           run([*TANDEM, "check", plan])))
    return done


def scaling(done: list[Export]) -> None:
    print(f"  {'rides':>7} {'pages':>6} {'export s':>9} {'pages/s':>8} {'export MB':>10} "
          f"{'check s':>8} {'check MB':>9}")
    rates = {}
    for e in done:
        seconds, memory = statistics.median(e.seconds.ours), statistics.median(e.memory.ours)
        rates[e.rides] = e.pages / seconds
        print(f"  {e.rides:>7,} {e.pages:>6,} {seconds:>9.2f} {rates[e.rides]:>8.0f} "
              f"{memory:>10.0f} {e.check.seconds:>8.2f} {e.check.peak_mb:>9.0f}")
    if 600 in rates and len(rates) > 1:
        top = max(rates)
        print(f"  pages per second at {top:,} rides vs at 600: "
              f"{rates[top] / rates[600]:.2f}x  [goal >= 0.8x: linear]")


def against_libreoffice(plans: dict[int, Path], runs: int, folder: Path, slow: bool) -> None:
    """LibreOffice headless converting the same tables (as HTML) to PDF, against
    `tandem export --pdf`, where LibreOffice is installed."""
    soffice = libreoffice.available()
    if soffice is None:
        print("  skipped: LibreOffice is not installed (soffice not found)")
        return
    profile = Path(tempfile.mkdtemp(prefix="tandem-bench-lo-"))
    for rides, plan in plans.items():
        if rides >= 60000 and not slow:
            print(f"  {rides:,} rides: skipped (a conversion takes LibreOffice over ten "
                  "minutes here; --slow runs it once)")
            continue
        html = folder / f"rides{rides}.html"
        libreoffice.write_html(folder / f"tables{rides}.json", html)
        command = libreoffice.command(soffice, profile, html, folder / "lo")
        run(command)  # the first start makes its profile: not timed
        turns = runs if rides < 60000 else 1
        figures = in_turns(command, [*TANDEM, "export", plan, "--pdf", folder / "lo.pdf"],
                           turns)
        _say(f"LibreOffice vs Tandem, {rides:,} rides", figures["seconds"],
             "Tandem >= 5x faster")


def merging(folder: Path, runs: int) -> None:
    """`tandem merge` of two copies of the large plan with 500 changes each
    (in place, on a fresh copy each run), and `tandem diff` between a version
    and now across those 500 changes. Goal: under 1 s each."""
    import shutil

    from planner.bench.plans import sample, with_changes

    mine, theirs = folder / "merge-mine.tandem", folder / "merge-theirs.tandem"
    for path, side in ((mine, "mine"), (theirs, "theirs")):
        shutil.copyfile(sample(folder, 600), path)
        with_changes(path, side, 500)
    merges, diffs = [], []
    for n in range(runs):
        target = folder / f"merge-run{n}.tandem"
        shutil.copyfile(mine, target)
        merges.append(run([*TANDEM, "merge", target, theirs, "--take", "theirs"]))
        diffs.append(run([*TANDEM, "diff", f"{mine}@Before the changes", mine]))
        target.unlink()
    said = merges[0].stdout.strip().splitlines()[-1]
    for name, done in (("merge, 500 changes a side", merges), ("diff of a version and now, "
                                                                "500 changes", diffs)):
        seconds = sorted(r.seconds for r in done)
        print(f"  tandem {name}: median {statistics.median(seconds):.3f} s "
              f"(min {seconds[0]:.3f}, max {seconds[-1]:.3f}, {len(seconds)} runs), peak "
              f"{statistics.median(r.peak_mb for r in done):.0f} MB  [goal < 1 s]")
    print(f"  ({said})")
