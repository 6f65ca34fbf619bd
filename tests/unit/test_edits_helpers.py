"""Turns drawn steps into edits on a plan (used by the property tests)."""

from planner.edits import DeleteRow, Edit, InsertRow, UpdateRow
from planner.model import Goal, Person, utc_now
from planner.store.plan_store import PlanStore


def apply_random_steps(s: PlanStore, steps: list[tuple[str, str, int]]) -> list[Edit]:
    undo: list[Edit] = []
    reworded: set[str] = set()
    for kind, text, n in steps:
        people, goals = s.rows(Person), s.rows(Goal)
        edit: Edit | None = None
        if kind == "add_person":
            edit = InsertRow("person", {"name": text, "team": ("sales", "marketing")[n % 2]})
        elif kind == "add_goal":
            now = utc_now()
            edit = InsertRow("goal", {"title": text, "sales_signed_at": now,
                                      "marketing_signed_at": now})
        elif kind == "rename" and goals:
            goal_id = goals[n % len(goals)]["id"]
            reworded.add(goal_id)
            edit = UpdateRow("goal", goal_id, {"title": text + "!"})
        elif kind == "owner" and goals and people:
            edit = UpdateRow("goal", goals[n % len(goals)]["id"],
                             {"sales_owner_id": people[n % len(people)]["id"]})
        elif kind == "delete" and people:
            edit = DeleteRow("person", people[n % len(people)]["id"])
        if edit is not None:
            undo.append(s.apply(edit))
    # Any goal still signed must never have been reworded: rewording withdraws.
    for goal in s.rows(Goal):
        if goal["id"] in reworded:
            assert goal["sales_signed_at"] is None and goal["marketing_signed_at"] is None
    return undo
