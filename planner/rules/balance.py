"""Ride balance: days per direction, per person and period, against the plan's targets."""

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from planner.i18n import _
from planner.model import FieldRide, Person, Plan
from planner.model.enums import RideDirection, Team
from planner.rules.findings import Finding
from planner.rules.rides import WorkCalendar, active, periods


@dataclass(frozen=True)
class Shortfall:
    person_id: str
    period: str
    days: int
    target: int


@dataclass
class Balance:
    days_by_direction: dict[RideDirection, int]
    # person id -> period label -> days as a visitor in their own direction
    visiting: dict[str, dict[str, int]] = field(default_factory=dict)
    hosting: dict[str, int] = field(default_factory=dict)
    shortfalls: list[Shortfall] = field(default_factory=list)
    ratio: float | None = None       # the larger direction over the smaller
    max_ratio: float | None = None

    @property
    def both_ways(self) -> bool:
        """Both directions ride, and within the plan's ratio if it sets one."""
        if min(self.days_by_direction.values()) == 0:
            return False
        return self.max_ratio is None or (self.ratio or 0) <= self.max_ratio


def _clipped(calendar: WorkCalendar, ride: FieldRide, start: date, end: date) -> int:
    return calendar.days(max(ride.first_day, start), min(ride.last_day, end))


def balance(plan: Plan, rides: Sequence[FieldRide], people: Sequence[Person],
            calendar: WorkCalendar) -> Balance:
    """Where every ride day goes; O(rides x periods a ride touches)."""
    counted = active(rides)
    by_direction = {d: 0 for d in RideDirection}
    result = Balance(by_direction, max_ratio=plan.max_direction_ratio)
    spans = {RideDirection.MARKETING_WITH_SALES: periods(plan.period_start, plan.period_end, 3),
             RideDirection.SALES_WITH_MARKETING: periods(plan.period_start, plan.period_end, 6)}
    for ride in counted:
        days = calendar.days(ride.first_day, ride.last_day)
        by_direction[ride.direction] += days
        if ride.host_id:
            result.hosting[ride.host_id] = result.hosting.get(ride.host_id, 0) + days
        if ride.visitor_id:
            own = result.visiting.setdefault(ride.visitor_id, {})
            for label, start, end in spans[ride.direction]:
                if ride.first_day <= end and ride.last_day >= start:
                    own[label] = own.get(label, 0) + _clipped(calendar, ride, start, end)
    low, high = sorted(by_direction.values())
    result.ratio = high / low if low else None
    result.shortfalls = _shortfalls(plan, people, result, spans)
    return result


def _shortfalls(plan: Plan, people: Sequence[Person], result: Balance,
                spans: dict[RideDirection, list[tuple[str, date, date]]]) -> list[Shortfall]:
    rules = ((Team.MARKETING, plan.marketing_days_per_quarter,
              spans[RideDirection.MARKETING_WITH_SALES]),
             (Team.SALES, plan.sales_days_per_half, spans[RideDirection.SALES_WITH_MARKETING]))
    out = []
    for team, target, span in rules:
        if not target:
            continue
        for person in people:
            if person.team is team:
                own = result.visiting.get(person.id, {})
                out += [Shortfall(person.id, label, own.get(label, 0), target)
                        for label, _, _ in span if own.get(label, 0) < target]
    return out


def balance_findings(result: Balance, names: dict[str, str]) -> list[Finding]:
    found = []
    if not result.both_ways:
        m = result.days_by_direction[RideDirection.MARKETING_WITH_SALES]
        s = result.days_by_direction[RideDirection.SALES_WITH_MARKETING]
        limit = f" (the plan allows {result.max_ratio:g}x)" if result.max_ratio else ""
        found.append(Finding("rides", None,
                             _("The plan does not ride both ways: {m} days of marketing with sales "
                               "against {s} days of sales with marketing{limit}.").format(m=m,
                                 s=s, limit=limit)))
    by_person: dict[str, list[Shortfall]] = {}
    for short in result.shortfalls:
        by_person.setdefault(short.person_id, []).append(short)
    for person_id, shorts in by_person.items():
        listed = ", ".join(f"{s.period} {s.days} of {s.target}" for s in shorts)
        found.append(Finding("rides", None, _("{person} is below the ride target in {shorts} period(s): {listed} days.").format(person=names.get(person_id, _('Someone')), shorts=len(shorts), listed=listed)))
    return found
