"""Sign-off: a goal is agreed, and a message approved, only when both sides
signed the wording it has. One rule for both.

Each side's sign-off records who signed, when, and the wording signed (a
goal's title, description, success criterion and due date; a message's
customer problem, value message and proof point; as JSON). A side has signed
only while that recorded wording is the row's wording, so a goal or message
changed by any path (an edit, an import, a merge, another program) is never
agreed on words one side did not sign. The store also withdraws a sign-off
whose wording no longer matches inside every commit (`settled`), so what the
file says stays plain.
"""

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Literal, NamedTuple, TypeVar

from planner.i18n import _, ngettext
from planner.model import Goal, Message
from planner.model.enums import GoalStatus, PlanStatus

Side = Literal["sales", "marketing"]
SIDES: tuple[Side, Side] = ("sales", "marketing")
# What each side signs, by kind of row.
WORDING_FIELDS: dict[type[Any], tuple[str, ...]] = {
    Goal: ("title", "description", "success_measure", "due_date"),
    Message: ("customer_problem", "value_message", "proof_point")}
Signable = Goal | Message
S = TypeVar("S", Goal, Message)


class Signature(NamedTuple):
    """One side's sign-off as stored: who, when, and the wording signed."""

    by_id: str | None
    at: datetime | None
    wording: str | None


NOT_SIGNED = Signature(None, None, None)


def signature(row: Signable, side: Side) -> Signature:
    return Signature(getattr(row, f"{side}_signed_by_id"), getattr(row, f"{side}_signed_at"),
                     getattr(row, f"{side}_signed_wording"))


def with_signature(row: S, side: Side, sig: Signature) -> S:
    """The row with one side's sign-off set (or withdrawn with NOT_SIGNED)."""
    values: dict[str, Any] = {f"{side}_signed_by_id": sig.by_id, f"{side}_signed_at": sig.at,
                              f"{side}_signed_wording": sig.wording}
    return row._replace(**values)


def wording(row: Signable) -> list[str | None]:
    """What both sides sign: the wording fields, in order, dates as ISO text."""
    out: list[str | None] = []
    for field in WORDING_FIELDS[type(row)]:
        value = getattr(row, field)
        out.append(value.isoformat() if hasattr(value, "isoformat") else value)
    return out


def wording_json(row: Signable) -> str:
    return json.dumps(wording(row), ensure_ascii=False)


def wording_changed(before: Signable, after: Signable) -> bool:
    return wording(before) != wording(after)


def has_signed(row: Signable, side: Side) -> bool:
    """The side signed, and signed the wording the row has now."""
    sig = signature(row, side)
    if sig.at is None or not isinstance(sig.wording, str):
        return False
    try:
        return bool(json.loads(sig.wording) == wording(row))
    except ValueError:
        return False


def is_agreed(row: Signable) -> bool:
    return all(has_signed(row, side) for side in SIDES)


def waiting_for(row: Signable) -> tuple[Side, ...]:
    """The sides whose sign-off the row still needs, sales first."""
    return tuple(side for side in SIDES if not has_signed(row, side))


def signed(row: S, side: Side, signer_id: str | None, at: datetime) -> S:
    """The row with its present wording signed for one side."""
    return with_signature(row, side, Signature(signer_id, at, wording_json(row)))


def withdrawn(row: S, *sides: Side) -> S:
    for side in sides or SIDES:
        row = with_signature(row, side, NOT_SIGNED)
    return row


def settled(row: S) -> S:
    """The row with every sign-off of a wording it no longer has withdrawn:
    a new wording is signed by no one (the store applies this in every commit)."""
    stale = [side for side in SIDES
             if signature(row, side) != NOT_SIGNED and not has_signed(row, side)]
    return withdrawn(row, *stale) if stale else row


def counts_for_agreement(goal: Goal) -> bool:
    """Every goal still in the plan counts; a dropped goal does not."""
    return goal.status is not GoalStatus.DROPPED


def agreement_state(goal: Goal) -> str:
    """One phrase for a goal: agreed, or whose sign-off it waits for."""
    waits = waiting_for(goal)
    if not waits:
        return _("Agreed")
    return _("Waits for both sides") if len(waits) == 2 else _("Waits for {side}").format(
        side=_(waits[0]))


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
            return _("No goals yet: the plan is agreed once both sides sign every goal.")
        if self.plan_agreed:
            return _("All {count} goals agreed: the plan is agreed.").format(count=self.goals) \
                if self.goals > 1 \
                else _("The one goal is agreed: the plan is agreed.")
        waits = [(n, who) for n, who in ((self.wait_marketing, _("marketing")),
                                         (self.wait_sales, _("sales")),
                                         (self.wait_both, _("both sides"))) if n]
        parts = [ngettext("{n} waits for {who}", "{n} wait for {who}", n).format(n=n, who=who)
                 if i == 0 else _("{n} for {who}").format(n=n, who=who)
                 for i, (n, who) in enumerate(waits)]
        return ngettext("{agreed} of {count} goal agreed; ", "{agreed} of {count} goals agreed; ",
                        self.goals).format(agreed=self.agreed, count=self.goals) + ", ".join(parts)


def agreement(goals: Sequence[Goal]) -> Agreement:
    counted = [g for g in goals if counts_for_agreement(g)]
    waits = [waiting_for(g) for g in counted]
    return Agreement(goals=len(counted), agreed=sum(1 for w in waits if not w),
                     wait_sales=sum(1 for w in waits if w == ("sales",)),
                     wait_marketing=sum(1 for w in waits if w == ("marketing",)),
                     wait_both=sum(1 for w in waits if len(w) == 2))


def signed_text(row: Signable, side: Side, names: Mapping[str | None, str]) -> str:
    """Who signed for a side and when (local time), or _("not yet")."""
    if not has_signed(row, side):
        return _("not yet")
    sig = signature(row, side)
    assert sig.at is not None
    from planner.times import local_time

    return f"{names.get(sig.by_id, _('(removed)'))}, {local_time(sig.at)}"


def sign_or_withdraw(rows: Sequence[S], side: Side, signer_id: str | None,
                     at: datetime) -> tuple[list[S], bool]:
    """Sign for one side the rows it has not signed; when it signed them all,
    withdraw its sign-off instead. Returns the rows as they become and
    whether this is a withdrawal."""
    if rows and all(has_signed(r, side) for r in rows):
        return [withdrawn(r, side) for r in rows], True
    return [signed(r, side, signer_id, at) for r in rows if not has_signed(r, side)], False
