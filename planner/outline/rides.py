"""The field-ride section of the outline: timeline, balance, debrief highlights."""

from collections.abc import Sequence

from planner.i18n import _, day, days, ngettext
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
    targets = ((_("Marketing target"), plan.marketing_days_per_quarter,
                _("{value:g} days per quarter, every marketer with sales")),
               (_("Sales target"), plan.sales_days_per_half,
                _("{value:g} days per half-year, every rep with marketing")),
               (_("Balance target"), plan.max_direction_ratio,
                _("{value:g}x at most between the two directions")))
    facts = Facts((
        (_("Marketing with sales"), ngettext("{n} day", "{n} days", m).format(n=m)),
        (_("Sales with marketing"), ngettext("{n} day", "{n} days", s).format(n=s)),
        (_("Both ways"), _("Yes") if result.both_ways else _("Not yet")),
        *((name, words.format(value=value)) for name, value, words in targets if value)))
    short: dict[str, list[str]] = {}
    for item in result.shortfalls:
        short.setdefault(item.person_id, []).append(f"{item.period} ({item.days}/{item.target})")
    rows = tuple((p.name, label(p.team), str(sum(result.visiting.get(p.id, {}).values())),
                  str(result.hosting.get(p.id, 0)), ", ".join(short.get(p.id, [])) or "\u2014")
                 for p in people if p.team in (Team.SALES, Team.MARKETING))
    return facts, Table((_("Person"), _("Team"), _("Days visiting"), _("Days hosting"), _("Below target in")),
                        rows, (3, 1.6, 1.6, 1.6, 4))


def _debriefs(rides: Sequence[FieldRide], names: dict[str | None, str],
              hot_buttons: Sequence[HotButton]) -> Table:
    heard: dict[str, list[str]] = {}
    for hot in hot_buttons:
        heard.setdefault(hot.field_ride_id, []).append(f"\u201c{hot.words}\u201d")
    rows = tuple((day(r.first_day) + "\n" + _("{visitor} with {host}").format(
                      visitor=names.get(r.visitor_id, "?"), host=names.get(r.host_id, "?")),
                  "\n".join(heard.get(r.id, [])),
                  r.marketing_changes, r.sales_changes)
                 for r in rides
                 if r.status is RideStatus.DONE and (r.id in heard or r.marketing_changes
                                                     or r.sales_changes))
    return Table((_("Ride"), _("Hot buttons heard"), _("Marketing will change"), _("Sales will change")),
                 rows, (2.6, 3.4, 3, 3), empty_text=_("No ride has been debriefed yet."))


def _schedule(rides: Sequence[FieldRide], names: dict[str | None, str]) -> Table:
    """Every ride: when, who rides with whom, where, the accounts and what
    the ride is for."""
    rows = tuple((days(r.first_day, r.last_day),
                  _("{visitor} with {host}").format(visitor=names.get(r.visitor_id, "?"),
                                                    host=names.get(r.host_id, "?")),
                  r.territory or "\u2014", r.accounts or "\u2014", r.objective or "\u2014",
                  label(r.status)) for r in rides)
    return Table((_("Days"), _("Who rides with whom"), _("Territory"), _("Accounts"), _("Objective"), _("Status")),
                 rows, (2.2, 3, 1.5, 2.6, 3.6, 1.4), empty_text=_("No rides planned yet."))


def rides_section(reader: PlanReader, people: Sequence[Person],
                  include_debriefs: bool = True) -> Section:
    plan = reader.plan()
    rides = reader.rows(FieldRide)
    names: dict[str | None, str] = {p.id: p.name for p in people}
    result = balance(plan, rides, people, WorkCalendar.of(plan, reader.rows(NonWorkingDay)))
    facts, table = _balance_blocks(plan, people, result)
    return Section("rides", _(section("rides").title), (
        Paragraph(ngettext("{n} ride across the plan period.", "{n} rides across the plan period.",
                           len(rides)).format(n=len(rides)) + " " + _(
            "Orange: marketing rides with sales; blue: sales spends days with marketing; grey: "
            "cancelled; a red outline marks a person on two rides the same day.")),
        _timeline(plan, people, rides), facts, table,
        Heading(_("The schedule")), _schedule(rides, names),
        *((Heading(_("Debrief highlights")),
           _debriefs(rides, names, reader.rows(HotButton)))
          if include_debriefs else ())))
