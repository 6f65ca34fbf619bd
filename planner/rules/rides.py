"""Field-ride rules: working days, conflicts, who may ride with whom, balance.

All pure functions over the plan's records.
"""

from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from operator import attrgetter

from planner.i18n import N_, _, day, days
from planner.model import FieldRide, NonWorkingDay, Person, Plan
from planner.model.enums import RideDirection, RideStatus, Team
from planner.rules.findings import Finding
# Who visits and who hosts in each direction.
ROLES = {RideDirection.MARKETING_WITH_SALES: (Team.MARKETING, Team.SALES),
         RideDirection.SALES_WITH_MARKETING: (Team.SALES, Team.MARKETING)}


@dataclass(frozen=True)
class WorkCalendar:
    """Which days count as ride days."""

    exclude_weekends: bool = True
    holidays: tuple[date, ...] = ()  # sorted

    @classmethod
    def of(cls, plan: Plan, non_working_days: Iterable[NonWorkingDay]) -> "WorkCalendar":
        return cls(plan.exclude_weekends, tuple(sorted(d.day for d in non_working_days)))

    def days(self, first: date, last: date) -> int:
        """Working days from first to last inclusive, in O(log holidays)."""
        if last < first:
            return 0
        total = (last - first).days + 1
        if self.exclude_weekends:
            weeks, rest = divmod(total, 7)
            weekend = weeks * 2 + sum(1 for n in range(rest)
                                      if (first.weekday() + n) % 7 >= 5)
            total -= weekend
        lo, hi = bisect_left(self.holidays, first), bisect_right(self.holidays, last)
        return total - sum(1 for d in self.holidays[lo:hi]
                           if not (self.exclude_weekends and d.weekday() >= 5))


def active(rides: Iterable[FieldRide]) -> list[FieldRide]:
    """Rides that take people's days: cancelled rides never count or conflict."""
    return [r for r in rides if r.status is not RideStatus.CANCELLED]


def team_problem(direction: RideDirection, visitor: Person | None,
                 host: Person | None) -> str | None:
    """Why this pair cannot ride in this direction (None when it can)."""
    want_visitor, want_host = ROLES[direction]
    for role, person, want in (("visitor", visitor, want_visitor), ("host", host, want_host)):
        if person is None:
            return _("The ride has no visitor.") if role == "visitor" else \
                _("The ride has no host.")
        if person.team is not want:
            sentence = (_("{name} is in {team}, but the visitor of a ride where {direction} must "
                          "be in {wanted}.") if role == "visitor" else
                        _("{name} is in {team}, but the host of a ride where {direction} must be "
                          "in {wanted}."))
            return sentence.format(name=person.name, team=_(TEAM_WORDS[person.team]),
                                   direction=_direction_words(direction),
                                   wanted=_(TEAM_WORDS[want]))
    return None


def turned(ride: FieldRide) -> FieldRide:
    """The ride the other way round: the visitor hosts and the host visits."""
    other = (RideDirection.SALES_WITH_MARKETING
             if ride.direction is RideDirection.MARKETING_WITH_SALES
             else RideDirection.MARKETING_WITH_SALES)
    return ride._replace(direction=other, visitor_id=ride.host_id, host_id=ride.visitor_id)


def settled(before: FieldRide | None, after: FieldRide) -> FieldRide:
    """A ride whose direction was turned and whose people were not: the
    people swap too, so the pair stays valid (the store applies this in every
    commit)."""
    if (before is not None and before.direction is not after.direction
            and (before.visitor_id, before.host_id) == (after.visitor_id, after.host_id)):
        return after._replace(visitor_id=after.host_id, host_id=after.visitor_id)
    return after


def _direction_words(direction: RideDirection) -> str:
    return (_("marketing rides with sales") if direction is RideDirection.MARKETING_WITH_SALES
            else _("sales spends days with marketing"))


TEAM_WORDS = {Team.SALES: N_("sales"), Team.MARKETING: N_("marketing"), Team.OTHER: N_("other")}


@dataclass(frozen=True)
class Conflict:
    person_id: str
    ride_id: str
    other_ride_id: str
    day: date  # the first day both rides take


_by_start = attrgetter("first_day", "id")


def conflicts(rides: Sequence[FieldRide]) -> list[Conflict]:
    """Every ride that shares a day with another ride of the same person.

    A sweep over each person's rides sorted by first day: O(n log n). A ride
    starting on or before the latest last day seen so far overlaps the ride
    that reached it, so every ride in an overlap is reported at least once.
    """
    by_person: dict[str, list[FieldRide]] = defaultdict(list)
    # One sort of all rides, so each person's rides arrive already in order.
    for ride in sorted(active(rides), key=_by_start):
        for person_id in (ride.visitor_id, ride.host_id):
            if person_id is not None:
                by_person[person_id].append(ride)
    found = []
    for person, own in by_person.items():
        reach: FieldRide | None = None
        for ride in own:
            if reach is not None and ride.first_day <= reach.last_day:
                found.append(Conflict(person, ride.id, reach.id, ride.first_day))
                found.append(Conflict(person, reach.id, ride.id, ride.first_day))
            if reach is None or ride.last_day > reach.last_day:
                reach = ride
    return found


def conflicting_ride_ids(rides: Sequence[FieldRide]) -> set[str]:
    return {c.ride_id for c in conflicts(rides)}


def periods(start: date, end: date, months: int) -> list[tuple[str, date, date]]:
    """Calendar quarters (months=3) or halves (months=6) that touch [start, end]."""
    out = []
    year, first_month = start.year, (start.month - 1) // months * months + 1
    while date(year, first_month, 1) <= end:
        nxt_month, nxt_year = first_month + months, year
        if nxt_month > 12:
            nxt_month, nxt_year = nxt_month - 12, year + 1
        last = date(nxt_year, nxt_month, 1) - timedelta(days=1)
        n = (first_month - 1) // months + 1
        out.append((f"{year} {'Q' if months == 3 else 'H'}{n}", date(year, first_month, 1), last))
        year, first_month = nxt_year, nxt_month
    return out


def ride_findings(plan: Plan, rides: Sequence[FieldRide],
                  people: Sequence[Person]) -> list[Finding]:
    """Rides outside the period, with someone not on the plan, a pair that
    does not match the direction, or a person on two rides the same day."""
    names = {p.id: p.name for p in people}
    found = ride_row_findings(plan, rides, people)
    rides_by_id = {r.id: r for r in rides}
    seen: set[tuple[str, frozenset[str]]] = set()
    for c in conflicts(rides):
        key = (c.person_id, frozenset((c.ride_id, c.other_ride_id)))
        if key in seen:
            continue
        seen.add(key)
        a, b = rides_by_id[c.ride_id], rides_by_id[c.other_ride_id]
        found.append(Finding("rides", c.ride_id,
                             _("{person} is on two field rides on {value} ({territory}, {other_territory}).").format(person=names.get(c.person_id, _('Someone')), value=day(c.day), territory=a.territory or _('no territory'), other_territory=b.territory or _('no territory'))))
    return found


def ride_row_findings(plan: Plan, rides: Sequence[FieldRide],
                      people: Sequence[Person]) -> list[Finding]:
    """What is wrong with each ride on its own (conflicts aside): a few
    comparisons a ride when nothing is, so 6,000 rides take a few ms."""
    by_id = {p.id: p for p in people}
    start, end = plan.period_start, plan.period_end
    found = []
    for ride in rides:
        if ride.status is RideStatus.CANCELLED:
            continue
        visitor, host = by_id.get(ride.visitor_id or ""), by_id.get(ride.host_id or "")
        want_visitor, want_host = ROLES[ride.direction]
        if (start <= ride.first_day and ride.last_day <= end and visitor is not None
                and host is not None and visitor.team is want_visitor
                and host.team is want_host):
            continue  # the usual case, said in no words
        when = days(ride.first_day, ride.last_day)
        if ride.first_day < start or ride.last_day > end:
            found.append(Finding("rides", ride.id,
                                 _("The field ride of {when} falls outside the plan period.").format(when=when)))
        missing = [role for role, person_id in ((N_("visitor"), ride.visitor_id),
                                                (N_("host"), ride.host_id))
                   if person_id is not None and person_id not in by_id]
        if missing:
            found.append(Finding("rides", ride.id, _("The {missing} of the field ride of {when} is not on the plan.").format(missing=_(" and ").join(_(m) for m in missing), when=when)))
            continue
        problem = team_problem(ride.direction, visitor, host)
        if problem:
            found.append(Finding("rides", ride.id, _("Field ride from {when}: {problem}").format(when=when,
                                                       problem=problem)))
    return found
