"""What a merge costs after a criss-cross (`python -m planner.bench.merging`).

Two copies of the large sample plan each change one goal, merge each other at
the same moment (so the next merge has two best common ancestors and merges
them into a virtual one first), then make N changes each on their own rows
(goal titles, ride territories, actuals). Timed as whole processes, in turns
(A B A B) and by the median of the paired ratios:

- ours: `tandem merge MINE THEIRS -o OUT --take theirs` (ancestors, three-way,
  the commit's dry run, the commit, the copy written);
- floor: `tandem diff MINE THEIRS`, which starts the same program, opens and
  reads both plans and compares every row, but finds no ancestor and writes
  nothing.
"""

import argparse
import statistics
import sys
import tempfile
from pathlib import Path

from planner.bench.processes import ROOT, in_turns

TANDEM = [sys.executable, str(ROOT / "main.py")]


def _prepare(folder: Path, changes: int) -> tuple[Path, Path]:
    from planner.model import FieldRide, Goal, Metric
    from planner.operations import goals, metrics
    from planner.operations.rows import edit
    from planner.sample import write_sample
    from planner.store import connection
    from planner.store.merge import merge_change, prepare
    from planner.store.plan_store import PlanStore

    connection.SYNCHRONOUS = "NORMAL"  # making the copies is not what is measured
    start = folder / "start.tandem"
    write_sample(start, "large").close()
    mine, theirs = folder / "mine.tandem", folder / "theirs.tandem"
    mine.write_bytes(start.read_bytes())
    theirs.write_bytes(start.read_bytes())
    with PlanStore.open(mine) as a, PlanStore.open(theirs) as b:
        a.commit(goals.reword(a.rows(Goal)[0], title="Sales, before the swap"))
        b.commit(goals.reword(b.rows(Goal)[1], title="Marketing, before the swap"))
        a_then = PlanStore.from_bytes(a.copy_bytes(), "a.tandem")
        b_then = PlanStore.from_bytes(b.copy_bytes(), "b.tandem")
        a.commit(merge_change(a, prepare(a, b_then)))
        b.commit(merge_change(b, prepare(b, a_then)))
        for side, store in enumerate((a, b)):
            all_goals, rides = store.rows(Goal), store.rows(FieldRide)
            own_goals = all_goals[side::2]
            own_rides = rides[side::2]
            metric = store.rows(Metric)[side]
            for n in range(changes):
                kind = n % 3
                if kind == 0:
                    goal = store.get(Goal, own_goals[n % len(own_goals)].id)
                    assert goal is not None
                    store.commit(goals.reword(goal, title=f"Side {side}, change {n}"))
                elif kind == 1:
                    ride = store.get(FieldRide, own_rides[n % len(own_rides)].id)
                    assert ride is not None
                    store.commit(edit(ride, territory=f"Side {side} {n}"))
                else:
                    period = f"{2030 + (n // 36) % 100}-{(n // 3) % 12 + 1:02d}"
                    store.commit(metrics.record_actuals(store, [(metric.id, period,
                                                                 float(n), "")]))
    return mine, theirs


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--changes", type=int, nargs="*", default=[500, 5000])
    args = parser.parse_args()
    import compileall  # bytecode compiled beforehand, as an installed program's is

    compileall.compile_dir(str(ROOT / "planner"), quiet=1)
    for changes in args.changes:
        with tempfile.TemporaryDirectory() as tmp:
            folder = Path(tmp)
            mine, theirs = _prepare(folder, changes)
            out = folder / "out.tandem"
            script = ("import os, subprocess, sys; os.path.exists(sys.argv[1]) and "
                      "os.remove(sys.argv[1]); sys.exit(subprocess.call(sys.argv[2:]))")
            ours = [sys.executable, "-c", script, out, *TANDEM, "merge", mine, theirs, "-o", out,
                    "--take", "theirs"]
            floor = [*TANDEM, "diff", mine, theirs]
            figures = in_turns(ours, floor, args.runs)
            seconds = figures["seconds"]
            goal = "< 0.5 s" if changes <= 500 else "< 2 s"
            print(f"  merge after a criss-cross, {changes:,} changes a side: median "
                  f"{statistics.median(seconds.ours):.3f} s [goal {goal}]; floor (tandem diff) "
                  f"{statistics.median(seconds.floor):.3f} s; median ratio {seconds.ratio:.2f}x; "
                  f"peak {statistics.median(figures['peak_mb'].ours):.0f} MB")


if __name__ == "__main__":
    main()
