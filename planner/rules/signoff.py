"""Sign-off: a goal is agreed only when both sides signed the same wording."""

from typing import Any

from planner.model import Goal

SIGN_OFF_FIELDS = ("sales_signed_by_id", "sales_signed_at",
                   "marketing_signed_by_id", "marketing_signed_at")


def wording_changed(old: dict[str, Any], changes: dict[str, Any]) -> bool:
    """True when `changes` gives the goal a new wording."""
    return any(f in changes and changes[f] != old.get(f) for f in Goal.wording_fields)


def is_agreed(goal: dict[str, Any]) -> bool:
    return bool(goal.get("sales_signed_at") and goal.get("marketing_signed_at"))
