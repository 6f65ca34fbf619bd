"""Rule violations `tandem check` and the window report: one sentence each."""

import re
from collections import Counter
from dataclasses import dataclass
from typing import Any

from planner.model.enums import GoalStatus, label

Rows = list[dict[str, Any]]


@dataclass(frozen=True)
class Finding:
    section: str
    row_id: str | None
    message: str


NUMBER = re.compile(r"\d")


def goal_findings(plan: dict[str, Any], goals: Rows, people: Rows) -> list[Finding]:
    """Ownership, dates, duplicates and measurability of the goals still in the plan."""
    by_id = {p["id"]: p for p in people}
    live = [g for g in goals if g["status"] is not GoalStatus.DROPPED]
    titles = Counter(g["title"].strip().casefold() for g in live)
    found = []
    for g in live:
        name = f"Goal \u201c{g['title']}\u201d"
        for side in ("sales", "marketing"):
            owner = by_id.get(g[f"{side}_owner_id"] or "")
            if g[f"{side}_owner_id"] is None:
                found.append(Finding("goals", g["id"], f"{name} has no {side} owner."))
            elif owner is None or owner.get("left_plan"):
                who = owner["name"] if owner else "its owner"
                found.append(Finding("goals", g["id"], f"{name}: its {side} owner, {who}, "
                                     "left the plan."))
            elif owner["team"].value != side:
                found.append(Finding("goals", g["id"], f"{name}: its {side} owner, "
                                     f"{owner['name']}, is in {label(owner['team']).lower()}."))
        due = g["due_date"]
        if due and not plan["period_start"] <= due <= plan["period_end"]:
            found.append(Finding("goals", g["id"], f"{name} is due {due.isoformat()}, "
                                 "outside the plan period."))
        if titles[g["title"].strip().casefold()] > 1:
            found.append(Finding("goals", g["id"], f"{name} has the same title as another goal."))
        measure = g["success_measure"].strip()
        if not measure:
            found.append(Finding("goals", g["id"], f"{name} has no success criterion."))
        elif not NUMBER.search(measure):
            found.append(Finding("goals", g["id"], f"{name}: its success criterion has no "
                                 "number in it, so nobody can tell when it is met."))
    return found


def plan_findings(plan: dict[str, Any], goals: Rows, people: Rows, rides: Rows,
                  non_working_days: Rows | None = None) -> list[Finding]:
    from planner.rules.balance import balance, balance_findings
    from planner.rules.rides import WorkCalendar, ride_findings

    found = []
    for side in ("sales", "marketing"):
        if plan[f"head_of_{side}_id"] is None:
            found.append(Finding("overview", None, f"The plan names no head of {side}."))
    names = {p["id"]: p["name"] for p in people}
    ride_balance = balance(plan, rides, people, WorkCalendar.of(plan, non_working_days or []))
    return (found + goal_findings(plan, goals, people) + ride_findings(plan, rides, people)
            + balance_findings(ride_balance, names))
