"""Scenarios run in a child process under unusual conditions (a read-only
mount, a full disk, no write permission), each printing one JSON line of
what it saw. tests/e2e/test_faults.py sets the conditions and reads it."""

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from planner.errors import PlanError  # noqa: E402
from planner.model import Goal, Person  # noqa: E402
from planner.operations.rows import edit  # noqa: E402
from planner.store.plan_store import PlanStore  # noqa: E402


def open_plan(path: Path) -> dict[str, object]:
    """Open for writing as the window does; say how it opened."""
    with PlanStore.open(path) as store:
        return {"read_only": store.read_only, "reason": store.read_only_reason,
                "goals": len(store.rows(Goal))}


def edit_until_full(path: Path) -> dict[str, object]:
    """Type long descriptions until the disk is full; say the last one kept."""
    accepted, refusal = 0, ""
    with PlanStore.open(path) as store:
        for n in range(1, 500):
            goal = store.rows(Goal)[n % 10]
            try:
                store.commit(edit(goal, description=f"Draft {n}: " + "words " * 3000))
                accepted = n
            except PlanError as exc:
                refusal = str(exc)
                break
    return {"accepted": accepted, "refusal": refusal}


def last_draft(path: Path) -> dict[str, object]:
    with PlanStore.open(path, read_only=True) as store:
        drafts = [int(g.description.split(":")[0].removeprefix("Draft "))
                  for g in store.rows(Goal) if g.description.startswith("Draft ")]
        return {"last": max(drafts, default=0), "integrity": store.integrity_problems(),
                "people": len(store.rows(Person))}


SCENARIOS = {"open": open_plan, "edit_until_full": edit_until_full, "last_draft": last_draft}

if __name__ == "__main__":
    print(json.dumps(SCENARIOS[sys.argv[1]](Path(sys.argv[2]))), flush=True)
