"""Rule violations `tandem check` and the window report: one sentence each."""

from collections import Counter
from dataclasses import dataclass
from typing import Any

from planner.model.enums import GoalStatus

Rows = list[dict[str, Any]]


@dataclass(frozen=True)
class Finding:
    section: str
    row_id: str | None
    message: str


def goal_findings(plan: dict[str, Any], goals: Rows, people: Rows) -> list[Finding]:
    """Ownership, dates and duplicates of goals."""
    present = {p["id"] for p in people}
    titles = Counter(g["title"].strip().casefold() for g in goals)
    found = []
    for g in goals:
        if g["status"] is GoalStatus.DROPPED:
            continue
        name = f"Goal \u201c{g['title']}\u201d"
        for side in ("sales", "marketing"):
            if g[f"{side}_owner_id"] is None:
                found.append(Finding("goals", g["id"], f"{name} has no {side} owner."))
            elif g[f"{side}_owner_id"] not in present:
                found.append(Finding("goals", g["id"], f"{name}: its {side} owner left the plan."))
        due = g["due_date"]
        if due and not plan["period_start"] <= due <= plan["period_end"]:
            found.append(Finding("goals", g["id"], f"{name} is due {due.isoformat()}, "
                                 "outside the plan period."))
        if titles[g["title"].strip().casefold()] > 1:
            found.append(Finding("goals", g["id"], f"{name} has the same title as another goal."))
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
