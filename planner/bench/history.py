"""The History view of a plan with 20,000 change sets
(`python -m planner.bench.history`).

A plan with 20,000 change sets by several people is made once (the small
sample plan, then edits to goals, rides and actuals, each its own commit, by
people of both teams in turn). Timed as whole processes, in turns (A B A B):

- ours: the window opens the plan, then Edit › History opens and is painted;
- floor: the window opens the same plan and is painted.

The figure is the median, over the pairs, of the difference between the
moment each child prints `ready` (the History view's own cost, start-up
aside), and the median time a filter by person takes to the next paint.
"""

import argparse
import re
import statistics
import sys
import tempfile
from pathlib import Path

from planner.bench.processes import ROOT, in_turns

PROGRAM = [sys.executable, "-m", "planner.ui.bench.history"]


def make_plan(path: Path, changes: int = 20_000) -> Path:
    from planner.model import FieldRide, Goal, Person
    from planner.operations.rows import edit
    from planner.rules.roles import actor_for
    from planner.sample import write_sample
    from planner.store.plan_store import PlanStore, write_plan

    if path.exists():
        return path
    scratch = path.with_name("scratch.tandem")
    scratch.unlink(missing_ok=True)
    write_sample(scratch, "small").close()
    store = PlanStore.from_bytes(scratch.read_bytes(), path.name, writable=True)
    people = [actor_for(p) for p in store.rows(Person) if not p.left_plan]
    for n in range(changes - len(store.history())):
        store.act_as(people[n % len(people)])
        if n % 2:
            goal = store.rows(Goal)[n % len(store.rows(Goal))]
            store.commit(edit(goal, shared_reward=f"Reward {n}"))
        else:
            ride = store.rows(FieldRide)[n % len(store.rows(FieldRide))]
            store.commit(edit(ride, territory=f"Territory {n % 97}"))
    write_plan(path, store.copy_bytes())
    store.close()
    scratch.unlink()
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--folder", type=Path)
    args = parser.parse_args()
    folder = args.folder or Path(tempfile.mkdtemp(prefix="tandem-history-"))
    plan = make_plan(folder / "history-20000.tandem")
    figures = in_turns([*PROGRAM, plan], [*PROGRAM, plan, "--floor"], args.runs, None, {
        "ready": lambda r: r.moment("ready"),
        "filter": lambda r: float(m.group(1)) if (m := re.search(
            r"filter_ms median ([\d.]+)", r.stdout)) else 0.0,
        "seconds": lambda r: r.seconds})
    ready = figures["ready"]
    extra = [(a - b) * 1000 for a, b in zip(ready.ours, ready.floor, strict=True)]
    print(f"History view of {plan.name} (20,000 change sets), {args.runs} pairs in turns:")
    print(f"  window and plan open (floor): median {statistics.median(ready.floor):.3f} s")
    print(f"  then History open and painted: median +{statistics.median(extra):.0f} ms "
          f"(runs: {', '.join(f'{e:.0f}' for e in extra)})  [goal < 200 ms]")
    print(f"  a filter by person, to the next paint: median "
          f"{statistics.median(figures['filter'].ours):.1f} ms  [goal < 50 ms]")


if __name__ == "__main__":
    main()
