"""The plan through the year, measured: `python -m planner.bench.year [--runs N]`.

- Starting the next period from the 60,000-ride plan: `tandem next`, whole
  process, wall time and peak memory, in turns with `tandem check` of the
  same plan (which reads every row too) as the floor.
- The goals page of a plan of 1,000 goals each with 50 check-ins (50,000
  check-ins): the window, whole process, to its content shown, in turns with
  the window's floor (today's goal: within 2x of it) and with the same plan
  without check-ins, compared by the median of the paired ratios.
"""

import argparse
import compileall
import shutil
import statistics
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from planner.bench import plans as plans_
from planner.bench.processes import ROOT, Paired, in_turns, run
from planner.bench.whole import OFFSCREEN, PYTHON, TANDEM

CHECK_INS = 50


def with_check_ins(source: Path, out: Path) -> Path:
    """The 1,000-goal plan with 50 check-ins on every goal, two weeks apart."""
    from planner.changes import ChangeSet, added
    from planner.model import CheckIn, Goal
    from planner.operations.rows import new
    from planner.store.plan_store import PlanStore

    shutil.copyfile(source, out)
    with PlanStore.open(out) as store:
        rows = []
        for n, goal in enumerate(store.rows(Goal)):
            for k in range(CHECK_INS):
                rows.append(new(CheckIn, goal_id=goal.id,
                                checked_on=date(2027, 1, 4) + timedelta(days=7 * k),
                                progress=float(min(100, 2 * k)), confidence=1 + (n + k) % 10,
                                note=f"Week {k + 1}: on the way."))
        store.commit(ChangeSet("Fifty check-ins a goal", tuple(added(r) for r in rows)))
    return out


def next_period(plan: Path, folder: Path, runs: int) -> None:
    ours, floor = [], []
    for n in range(runs):
        copy = folder / f"next-{n}.tandem"
        shutil.copyfile(plan, copy)
        ours.append(run([*TANDEM, "next", copy, folder / f"new-{n}.tandem"]))
        floor.append(run([*TANDEM, "check", copy]))
    seconds = Paired([r.seconds for r in ours], [r.seconds for r in floor])
    memory = Paired([r.peak_mb for r in ours], [r.peak_mb for r in floor])
    print(f"  tandem next, 60,000-ride plan, vs tandem check of it: {seconds.text()}")
    print(f"  peak memory: {memory.text('MB', 0)}")
    print(f"  (the new plan: {(folder / 'new-0.tandem').stat().st_size / 2**20:.1f} MB; "
          f"the closed one: {plan.stat().st_size / 2**20:.1f} MB)")


def goal_list(plain: Path, checked: Path, runs: int) -> None:
    """Against the window's floor of today's figures (a bare PySide6 window
    showing a 1,000 x 8 table, whose 2x the goals page meets), and against the
    same plan without check-ins, to say what the check-ins cost."""
    env = {**OFFSCREEN, "TANDEM_BENCH_PROBE": "goals"}
    measures = {"content": lambda r: r.moment("content"), "memory": lambda r: r.peak_mb}
    floor = in_turns([*TANDEM, checked], [PYTHON, "-m", "planner.ui.bench.window_floor"],
                     runs, env, measures)
    print(f"  window on goals, content shown, 1,000 goals x {CHECK_INS} check-ins vs the "
          f"window floor: {floor['content'].text()}  [goal <= 2x, as today's window]")
    print(f"  peak memory vs the floor: {floor['memory'].text('MB', 0)}  [goal <= 1.6x]")
    measures["checked"] = lambda r: r.moment("checked") - r.moment("content")
    cost = in_turns([*TANDEM, checked], [*TANDEM, plain], runs, env, measures)
    print(f"  the same vs the plan without check-ins: {cost['content'].text()}")
    after = cost["checked"].ours
    print(f"  after the content, the check-ins checked on a thread in: median "
          f"{statistics.median(after):.3f} s (min {min(after):.3f}, max {max(after):.3f})  "
          "[printed: an edit made meanwhile waits for it]")
    print(f"  peak memory: {cost['memory'].text('MB', 0)}")


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m planner.bench.year")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    compileall.compile_dir(ROOT / "planner", quiet=1)
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="tandem-year-") as tmp:
        folder = Path(tmp)
        big = plans_.sample(folder, 60000)
        goals = plans_.thousand_goals(folder)
        checked = with_check_ins(goals, folder / "goals1000-checkins.tandem")
        print(f"Plans written in {time.perf_counter() - started:.0f} s "
              f"(60,000 rides: {big.stat().st_size / 2**20:.0f} MB; 1,000 goals with "
              f"{1000 * CHECK_INS:,} check-ins: {checked.stat().st_size / 2**20:.1f} MB)")
        print(f"Starting the next period ({args.runs} pairs, in turns):")
        next_period(big, folder, args.runs)
        print(f"The goal list with check-ins ({args.runs} pairs, in turns):")
        goal_list(goals, checked, args.runs)
    print(f"Done in {time.perf_counter() - started:.0f} s.")


if __name__ == "__main__":
    main()
