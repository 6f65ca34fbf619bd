"""Sign-off: a goal is agreed only when both sides signed the wording it has.

Each side's sign-off records who signed, when, and the wording signed (the
goal's title, description, success criterion and due date, as JSON). A side
has signed a goal only while that recorded wording is the goal's wording, so
a goal changed by any path (an edit, an import, another program) is never
agreed on words one side did not sign. The store also withdraws a sign-off
whose wording no longer matches inside every commit (`settled`), so what the
file says stays plain.
"""

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Literal, NamedTuple

from planner.model import Goal
from planner.model.enums import GoalStatus, PlanStatus

Side = Literal["sales", "marketing"]
SIDES: tuple[Side, Side] = ("sales", "marketing")
WORDING_FIELDS = ("title", "description", "success_measure", "due_date")


class Signature(NamedTuple):
    """One side's sign-off as stored: who, when, and the wording signed."""

    by_id: str | None
    at: datetime | None
    wording: str | None


NOT_SIGNED = Signature(None, None, None)


def signature(goal: Goal, side: Side) -> Signature:
    if side == "sales":
        return Signature(goal.sales_signed_by_id, goal.sales_signed_at, goal.sales_signed_wording)
    return Signature(goal.marketing_signed_by_id, goal.marketing_signed_at,
                     goal.marketing_signed_wording)


def with_signature(goal: Goal, side: Side, sig: Signature) -> Goal:
    """The goal with one side's sign-off set (or withdrawn with NOT_SIGNED)."""
    if side == "sales":
        return goal._replace(sales_signed_by_id=sig.by_id, sales_signed_at=sig.at,
                             sales_signed_wording=sig.wording)
    return goal._replace(marketing_signed_by_id=sig.by_id, marketing_signed_at=sig.at,
                         marketing_signed_wording=sig.wording)


def wording(goal: Goal) -> list[str | None]:
    """What both sides sign: the wording fields, in order, dates as ISO text."""
    due = goal.due_date.isoformat() if goal.due_date is not None else None
    return [goal.title, goal.description, goal.success_measure, due]


def wording_json(goal: Goal) -> str:
    return json.dumps(wording(goal), ensure_ascii=False)


def wording_changed(before: Goal, after: Goal) -> bool:
    return wording(before) != wording(after)


def has_signed(goal: Goal, side: Side) -> bool:
    """The side signed, and signed the wording the goal has now."""
    sig = signature(goal, side)
    if sig.at is None or not isinstance(sig.wording, str):
        return False
    try:
        return bool(json.loads(sig.wording) == wording(goal))
    except ValueError:
        return False


def is_agreed(goal: Goal) -> bool:
    return all(has_signed(goal, side) for side in SIDES)


def waiting_for(goal: Goal) -> tuple[Side, ...]:
    """The sides whose sign-off the goal still needs, sales first."""
    return tuple(side for side in SIDES if not has_signed(goal, side))


def signed(goal: Goal, side: Side, signer_id: str | None, at: datetime) -> Goal:
    """The goal with its present wording signed for one side."""
    return with_signature(goal, side, Signature(signer_id, at, wording_json(goal)))


def withdrawn(goal: Goal, *sides: Side) -> Goal:
    for side in sides or SIDES:
        goal = with_signature(goal, side, NOT_SIGNED)
    return goal


def settled(goal: Goal) -> Goal:
    """The goal with every sign-off of a wording it no longer has withdrawn:
    a new wording is signed by no one (the store applies this in every commit)."""
    stale = [side for side in SIDES
             if signature(goal, side) != NOT_SIGNED and not has_signed(goal, side)]
    return withdrawn(goal, *stale) if stale else goal


def counts_for_agreement(goal: Goal) -> bool:
    """Every goal still in the plan counts; a dropped goal does not."""
    return goal.status is not GoalStatus.DROPPED


def agreement_state(goal: Goal) -> str:
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


def agreement(goals: Sequence[Goal]) -> Agreement:
    counted = [g for g in goals if counts_for_agreement(g)]
    waits = [waiting_for(g) for g in counted]
    return Agreement(goals=len(counted), agreed=sum(1 for w in waits if not w),
                     wait_sales=sum(1 for w in waits if w == ("sales",)),
                     wait_marketing=sum(1 for w in waits if w == ("marketing",)),
                     wait_both=sum(1 for w in waits if len(w) == 2))


def signed_text(goal: Goal, side: Side, names: Mapping[str | None, str]) -> str:
    """Who signed for a side and on which day, or "not yet"."""
    if not has_signed(goal, side):
        return "not yet"
    sig = signature(goal, side)
    assert sig.at is not None
    return f"{names.get(sig.by_id, '(removed)')}, {sig.at:%-d %b %Y}"


def sign_or_withdraw(goals: Sequence[Goal], side: Side, signer_id: str | None,
                     at: datetime) -> tuple[list[Goal], bool]:
    """Sign for one side the goals it has not signed; when it signed them all,
    withdraw its sign-off instead. Returns the goals as they become and
    whether this is a withdrawal."""
    if goals and all(has_signed(g, side) for g in goals):
        return [withdrawn(g, side) for g in goals], True
    return [signed(g, side, signer_id, at) for g in goals if not has_signed(g, side)], False
