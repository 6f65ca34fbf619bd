"""The field-ride section of the outline: timeline, balance, debrief highlights."""

from collections.abc import Sequence

from planner.model import FieldRide, HotButton, NonWorkingDay, Person, Plan
from planner.model.enums import RideDirection, RideStatus, Team, label
from planner.model.reader import PlanReader
from planner.outline.blocks import (
    Facts, Heading, Paragraph, Section, Table, Timeline, TimelineBar)
from planner.rules.balance import Balance, balance
from planner.rules.rides import WorkCalendar, conflicting_ride_ids
from planner.sections import section


def _timeline(plan: Plan, people: Sequence[Person], rides: Sequence[FieldRide]) -> Timeline:
    conflicts = conflicting_ride_ids(rides)
    riding = {pid for r in rides for pid in (r.visitor_id, r.host_id)}
    lanes = [p for p in people if p.id in riding]
    lane_of = {p.id: n for n, p in enumerate(lanes)}
    bars = tuple(TimelineBar(lane_of[pid], r.first_day, r.last_day, r.direction.value,
                             r.status is RideStatus.CANCELLED, r.id in conflicts)
                 for r in rides for pid in (r.visitor_id, r.host_id) if pid in lane_of)
    return Timeline(plan.period_start, plan.period_end, tuple(p.name for p in lanes),
                    tuple(p.team.value for p in lanes), bars)


def _balance_blocks(plan: Plan, people: Sequence[Person],
                    result: Balance) -> tuple[Facts, Table]:
    m = result.days_by_direction[RideDirection.MARKETING_WITH_SALES]
    s = result.days_by_direction[RideDirection.SALES_WITH_MARKETING]
    targets = (("Marketing target", plan.marketing_days_per_quarter,
                " days per quarter, every marketer with sales"),
               ("Sales target", plan.sales_days_per_half,
                " days per half-year, every rep with marketing"),
               ("Balance target", plan.max_direction_ratio,
                "x at most between the two directions"))
    facts = Facts((
        ("Marketing with sales", f"{m} days"), ("Sales with marketing", f"{s} days"),
        ("Both ways", "Yes" if result.both_ways else "Not yet"),
        *((name, f"{value:g}{words}") for name, value, words in targets if value)))
    short: dict[str, list[str]] = {}
    for item in result.shortfalls:
        short.setdefault(item.person_id, []).append(f"{item.period} ({item.days}/{item.target})")
    rows = tuple((p.name, label(p.team), str(sum(result.visiting.get(p.id, {}).values())),
                  str(result.hosting.get(p.id, 0)), ", ".join(short.get(p.id, [])) or "\u2014")
                 for p in people if p.team in (Team.SALES, Team.MARKETING))
    return facts, Table(("Person", "Team", "Days visiting", "Days hosting", "Below target in"),
                        rows, (3, 1.6, 1.6, 1.6, 4))


def _debriefs(rides: Sequence[FieldRide], names: dict[str | None, str],
              hot_buttons: Sequence[HotButton]) -> Table:
    heard: dict[str, list[str]] = {}
    for hot in hot_buttons:
        heard.setdefault(hot.field_ride_id, []).append(f"\u201c{hot.words}\u201d")
    rows = tuple((f"{r.first_day:%-d %b %Y}\n{names.get(r.visitor_id, '?')} with "
                  f"{names.get(r.host_id, '?')}", "\n".join(heard.get(r.id, [])),
                  r.marketing_changes, r.sales_changes)
                 for r in rides
                 if r.status is RideStatus.DONE and (r.id in heard or r.marketing_changes
                                                     or r.sales_changes))
    return Table(("Ride", "Hot buttons heard", "Marketing will change", "Sales will change"),
                 rows, (2.6, 3.4, 3, 3), empty_text="No ride has been debriefed yet.")


def _schedule(rides: Sequence[FieldRide], names: dict[str | None, str]) -> Table:
    """Every ride: when, who rides with whom, where, the accounts and what
    the ride is for."""
    rows = tuple((f"{r.first_day:%-d %b} \u2013 {r.last_day:%-d %b %Y}",
                  f"{names.get(r.visitor_id, '?')} with {names.get(r.host_id, '?')}",
                  r.territory or "\u2014", r.accounts or "\u2014", r.objective or "\u2014",
                  label(r.status)) for r in rides)
    return Table(("Days", "Who rides with whom", "Territory", "Accounts", "Objective", "Status"),
                 rows, (2.2, 3, 1.5, 2.6, 3.6, 1.4), empty_text="No rides planned yet.")


def rides_section(reader: PlanReader, people: Sequence[Person],
                  include_debriefs: bool = True) -> Section:
    plan = reader.plan()
    rides = reader.rows(FieldRide)
    names: dict[str | None, str] = {p.id: p.name for p in people}
    result = balance(plan, rides, people, WorkCalendar.of(plan, reader.rows(NonWorkingDay)))
    facts, table = _balance_blocks(plan, people, result)
    return Section("rides", section("rides").title, (
        Paragraph(f"{len(rides)} rides across the plan period. Orange: marketing rides with "
                  "sales; blue: sales spends days with marketing; grey: cancelled; a red "
                  "outline marks a person on two rides the same day."),
        _timeline(plan, people, rides), facts, table,
        Heading("The schedule"), _schedule(rides, names),
        *((Heading("Debrief highlights"),
           _debriefs(rides, names, reader.rows(HotButton)))
          if include_debriefs else ())))
