"""The goal list a VP works: which goals a filter lets through, and in what order.

Plain Python over the records, tested without Qt; the goals page's model
asks it for every row it shows.
"""

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache, total_ordering
from typing import Any

from planner.model import CheckIn, Goal
from planner.model.enums import GoalStatus, Team, label
from planner.model.order import order_key
from planner.rules.signoff import Side, agreement_state, waiting_for

STATUS_ORDER = {s: n for n, s in enumerate(GoalStatus)}
WORST_FIRST = ("off track", "at risk", "no data", "on track")


@dataclass(frozen=True)
class GoalFilter:
    text: str = ""
    status: GoalStatus | None = None
    proposed_by: Team | None = None
    owner_id: str | None = None
    agreed: bool | None = None          # True: agreed only; False: not yet agreed
    waiting_for: Side | None = None     # goals still waiting for this side's sign-off

    @property
    def active(self) -> bool:
        return self != GoalFilter()


@dataclass(frozen=True)
class GoalContext:
    """What a goal's row shows beyond the goal itself."""

    names: Mapping[str, str] = field(default_factory=dict)          # person id -> name
    metric_names: Mapping[str, str] = field(default_factory=dict)   # metric id -> name
    metric_status: Mapping[str, str] = field(default_factory=dict)  # metric id -> status
    links: Mapping[str, Sequence[str]] = field(default_factory=dict)  # goal -> metric ids
    latest: Mapping[str, CheckIn] = field(default_factory=dict)  # goal -> latest check-in

    def metrics_of(self, goal: Goal) -> Sequence[str]:
        return self.links.get(goal.id, ())


@lru_cache(maxsize=8192)
def waiting(goal: Goal) -> tuple[Side, ...]:
    """The sides a goal still waits for (remembered per goal record: a
    sign-off is checked against the wording, which costs a JSON parse)."""
    return waiting_for(goal)


def state(goal: Goal) -> str:
    return agreement_state(goal)


def haystack(goal: Goal, ctx: GoalContext) -> str:
    owners = (ctx.names.get(goal.sales_owner_id or "", ""),
              ctx.names.get(goal.marketing_owner_id or "", ""))
    return "\n".join((goal.title, goal.description, goal.success_measure, goal.shared_reward,
                      *owners, *(ctx.metric_names.get(m, "") for m in ctx.metrics_of(goal)))
                     ).casefold()


def matches(goal: Goal, f: GoalFilter, ctx: GoalContext) -> bool:
    if f.status is not None and goal.status is not f.status:
        return False
    if f.proposed_by is not None and goal.proposed_by is not f.proposed_by:
        return False
    if f.owner_id is not None and f.owner_id not in (goal.sales_owner_id,
                                                     goal.marketing_owner_id):
        return False
    if f.agreed is not None and (not waiting(goal)) != f.agreed:
        return False
    if f.waiting_for is not None and (f.waiting_for not in waiting(goal)
                                      or goal.status is GoalStatus.DROPPED):
        return False
    needle = f.text.strip().casefold()
    return not needle or needle in haystack(goal, ctx)


@total_ordering
class _Reversed:
    """A value that sorts the other way round (descending sorts)."""

    __slots__ = ("value",)

    def __init__(self, value: Any) -> None:
        self.value = value

    def __eq__(self, other: object) -> bool:
        return isinstance(other, _Reversed) and self.value == other.value

    def __lt__(self, other: "_Reversed") -> bool:
        return bool(other.value < self.value)

    def __hash__(self) -> int:
        return hash(self.value)


def _value(column: str, ctx: GoalContext) -> Callable[[Goal], Any]:
    """What a column sorts by (None: an empty cell)."""
    if column in ("sales_owner_id", "marketing_owner_id"):
        def owner(g: Goal) -> Any:
            person = g.sales_owner_id if column == "sales_owner_id" else g.marketing_owner_id
            return ctx.names.get(person, "").casefold() if person else None
        return owner
    if column == "status":
        return lambda g: STATUS_ORDER[g.status]
    if column == "proposed_by":
        return lambda g: label(g.proposed_by)
    if column == "agreement":
        return lambda g: (len(waiting(g)), waiting(g))
    if column == "metric_ids":
        return lambda g: min((WORST_FIRST.index(ctx.metric_status.get(m, "no data"))
                              for m in ctx.metrics_of(g)), default=None)
    if column == "due_date":
        return lambda g: g.due_date
    if column == "checkin":  # the least sure first, then the longest since
        def sure(g: Goal) -> Any:
            c = ctx.latest.get(g.id)
            return None if c is None else (c.confidence, c.checked_on)
        return sure
    texts: dict[str, Callable[[Goal], str]] = {
        "title": lambda g: g.title, "success_measure": lambda g: g.success_measure,
        "shared_reward": lambda g: g.shared_reward, "description": lambda g: g.description}
    text = texts[column]
    return lambda g: text(g).strip().casefold() or None


def sort_key(column: str | None, ctx: GoalContext,
             descending: bool = False) -> Callable[[Goal], tuple[Any, ...]]:
    """A key that orders goals by a column, empty cells last whichever the
    direction, ties in the plan's own order; None: the plan's own order."""
    plan_order = order_key(Goal)
    if column is None:
        return plan_order
    value = _value(column, ctx)

    def key(goal: Goal) -> tuple[Any, ...]:
        v = value(goal)
        if v is None:
            return (1, 0, plan_order(goal))
        return (0, _Reversed(v) if descending else v, plan_order(goal))
    return key


def visible(goals: Sequence[Goal], f: GoalFilter, ctx: GoalContext,
            column: str | None = None, descending: bool = False) -> list[Goal]:
    """The goals a filter lets through, in the chosen order."""
    return sorted((g for g in goals if matches(g, f, ctx)), key=sort_key(column, ctx, descending))
