"""Sign-off: a goal is agreed only when both sides signed the wording it has.

Each side's sign-off records who signed, when, and the wording signed (the
goal's title, description, success criterion and due date, as JSON). A side
has signed a goal only while that recorded wording is the goal's wording, so
a goal changed by any path (an edit, an import, another program) is never
agreed on words one side did not sign. Edits also withdraw both sign-offs
when the wording changes (planner.edits), so what the file says stays plain.
"""

import json
from dataclasses import dataclass
from datetime import datetime
from collections.abc import Mapping
from typing import Any

from planner.model import Goal
from planner.model.enums import GoalStatus, PlanStatus

SIDES = ("sales", "marketing")
SIGN_OFF_FIELDS = tuple(f"{side}_signed_{part}" for side in SIDES
                        for part in ("by_id", "at", "wording"))


def wording(goal: dict[str, Any]) -> list[str | None]:
    """What both sides sign: the wording fields, in order, dates as ISO text."""
    out: list[str | None] = []
    for name in Goal.wording_fields:
        value = goal.get(name)
        out.append(None if value is None else
                   value.isoformat() if hasattr(value, "isoformat") else str(value))
    return out


def wording_json(goal: dict[str, Any]) -> str:
    return json.dumps(wording(goal), ensure_ascii=False)


def wording_changed(old: dict[str, Any], changes: dict[str, Any]) -> bool:
    """True when `changes` gives the goal a new wording."""
    return any(f in changes and changes[f] != old.get(f) for f in Goal.wording_fields)


def has_signed(goal: dict[str, Any], side: str) -> bool:
    """The side signed, and signed the wording the goal has now."""
    signed = goal.get(f"{side}_signed_wording")
    if not goal.get(f"{side}_signed_at") or not isinstance(signed, str):
        return False
    try:
        return bool(json.loads(signed) == wording(goal))
    except ValueError:
        return False


def is_agreed(goal: dict[str, Any]) -> bool:
    return all(has_signed(goal, side) for side in SIDES)


def waiting_for(goal: dict[str, Any]) -> tuple[str, ...]:
    """The sides whose sign-off the goal still needs, sales first."""
    return tuple(side for side in SIDES if not has_signed(goal, side))


def sign_changes(goal: dict[str, Any], side: str, signer_id: str | None,
                 at: datetime) -> dict[str, Any]:
    """The changes that sign the goal's present wording for one side."""
    return {f"{side}_signed_by_id": signer_id, f"{side}_signed_at": at,
            f"{side}_signed_wording": wording_json(goal)}


def withdraw_changes(side: str) -> dict[str, Any]:
    return {f"{side}_signed_{part}": None for part in ("by_id", "at", "wording")}


def counts_for_agreement(goal: dict[str, Any]) -> bool:
    """Every goal still in the plan counts; a dropped goal does not."""
    return goal.get("status") is not GoalStatus.DROPPED


def agreement_state(goal: dict[str, Any]) -> str:
    """One phrase for a goal: agreed, or whose sign-off it waits for."""
    waits = waiting_for(goal)
    if not waits:
        return "Agreed"
    return "Waits for both sides" if len(waits) == 2 else f"Waits for {waits[0]}"


@dataclass(frozen=True)
class Agreement:
    """How far the plan is from agreed: every counted goal signed by both."""

    goals: int
    agreed: int
    wait_sales: int      # signed by marketing only
    wait_marketing: int  # signed by sales only
    wait_both: int

    @property
    def plan_agreed(self) -> bool:
        return self.goals > 0 and self.agreed == self.goals

    @property
    def status(self) -> PlanStatus:
        return PlanStatus.AGREED if self.plan_agreed else PlanStatus.DRAFT

    def text(self) -> str:
        """E.g. "9 of 12 goals agreed; 2 wait for marketing, 1 for sales"."""
        if self.goals == 0:
            return "No goals yet: the plan is agreed once both sides sign every goal."
        if self.plan_agreed:
            return f"All {self.goals} goals agreed: the plan is agreed." if self.goals > 1 \
                else "The one goal is agreed: the plan is agreed."
        waits = [(n, who) for n, who in ((self.wait_marketing, "marketing"),
                                         (self.wait_sales, "sales"),
                                         (self.wait_both, "both sides")) if n]
        parts = [f"{n} {'waits' if n == 1 else 'wait'} for {who}" if i == 0 else f"{n} for {who}"
                 for i, (n, who) in enumerate(waits)]
        noun = "goal" if self.goals == 1 else "goals"
        return f"{self.agreed} of {self.goals} {noun} agreed; " + ", ".join(parts)


def agreement(goals: list[dict[str, Any]]) -> Agreement:
    counted = [g for g in goals if counts_for_agreement(g)]
    waits = [waiting_for(g) for g in counted]
    return Agreement(goals=len(counted), agreed=sum(1 for w in waits if not w),
                     wait_sales=sum(1 for w in waits if w == ("sales",)),
                     wait_marketing=sum(1 for w in waits if w == ("marketing",)),
                     wait_both=sum(1 for w in waits if len(w) == 2))


def signed_text(goal: dict[str, Any], side: str, names: Mapping[str | None, str]) -> str:
    """Who signed for a side and on which day, or "not yet"."""
    if not has_signed(goal, side):
        return "not yet"
    who = names.get(goal[f"{side}_signed_by_id"], "(removed)")
    return f"{who}, {goal[f'{side}_signed_at']:%-d %b %Y}"


def sign_or_withdraw(goals: list[dict[str, Any]], side: str, signer_id: str | None,
                     at: datetime) -> tuple[list[tuple[str, dict[str, Any]]], bool]:
    """Sign for one side the goals it has not signed; when it signed them all,
    withdraw its sign-off instead. Returns (goal id, changes) pairs and
    whether this is a withdrawal."""
    if goals and all(has_signed(g, side) for g in goals):
        return [(g["id"], withdraw_changes(side)) for g in goals], True
    return [(g["id"], sign_changes(g, side, signer_id, at)) for g in goals
            if not has_signed(g, side)], False
