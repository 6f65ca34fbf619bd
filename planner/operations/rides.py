"""Field rides: schedule, move, turn round, debrief, hot buttons, working days."""

from datetime import date, timedelta

from planner.i18n import N_, _, day, ngettext
from planner.changes import ChangeSet, added, changed, removed
from planner.errors import InvalidEdit
from planner.model import FieldRide, HotButton, Message, NonWorkingDay, Person
from planner.model.enums import RideDirection, Team
from planner.model.reader import PlanReader
from planner.operations.rows import new, quoted
from planner.rules.rides import turned

DEBRIEF_PARTS = {"customers_asked": N_("what customers asked"),
                 "marketing_changes": N_("what marketing will change"),
                 "sales_changes": N_("what sales will change"),
                 "debrief": N_("the debrief notes")}


def add_ride(reader: PlanReader, today: date) -> tuple[ChangeSet, FieldRide]:
    """A two-day ride, next week, between the first marketer and the first rep:
    a start the person then changes."""
    plan = reader.plan()
    people = sorted(reader.rows(Person), key=lambda p: (p.name.casefold(), p.id))
    marketer = next((p for p in people if p.team is Team.MARKETING and not p.left_plan), None)
    rep = next((p for p in people if p.team is Team.SALES and not p.left_plan), None)
    if marketer is None or rep is None:
        raise InvalidEdit(_("A field ride needs one person in marketing and one in sales; add "
                            "them on the People page first."))
    monday = today + timedelta(days=7 - today.weekday())
    first = min(max(monday, plan.period_start), plan.period_end)
    ride = new(FieldRide, direction=RideDirection.MARKETING_WITH_SALES,
               visitor_id=marketer.id, host_id=rep.id, first_day=first,
               last_day=min(first + timedelta(days=1), plan.period_end))
    return ChangeSet(_("Add field ride"), (added(ride),)), ride


def _who(reader: PlanReader, ride: FieldRide) -> str:
    visitor = reader.get(Person, ride.visitor_id or "")
    host = reader.get(Person, ride.host_id or "")
    return f"{visitor.name if visitor else '?'} with {host.name if host else '?'}"


def move_ride(reader: PlanReader, ride: FieldRide, days: int) -> ChangeSet:
    """The whole ride a number of days earlier (negative) or later."""
    if days == 0:
        return ChangeSet(_("Move field ride"))
    shift = timedelta(days=days)
    return ChangeSet((ngettext("Move the ride of {who} {n} day later",
                               "Move the ride of {who} {n} days later", abs(days))
                      if days > 0 else
                      ngettext("Move the ride of {who} {n} day earlier",
                               "Move the ride of {who} {n} days earlier", abs(days))).format(
                                   who=_who(reader, ride), n=abs(days)),
                     (changed(ride, ride._replace(first_day=ride.first_day + shift,
                                                  last_day=ride.last_day + shift)),))


def set_first_day(reader: PlanReader, ride: FieldRide, day: date) -> ChangeSet:
    """A new first day. Past the last day, the whole ride moves, keeping its
    length, as a calendar moves an event; otherwise the ride starts then."""
    if day > ride.last_day:
        return move_ride(reader, ride, (day - ride.first_day).days)
    if day == ride.first_day:
        return ChangeSet(_("Change first day"))
    return ChangeSet(_("Change first day"), (changed(ride, ride._replace(first_day=day)),))


def turn(reader: PlanReader, ride: FieldRide) -> ChangeSet:
    """The other direction: the visitor hosts and the host visits."""
    return ChangeSet(_("Turn the ride of {reader_ride} round").format(reader_ride=_who(reader, ride)),
                     (changed(ride, turned(ride)),))


def write_debrief(ride: FieldRide, part: str, text: str) -> ChangeSet:
    """One part of a ride's debrief, as typed."""
    if part == "customers_asked":
        after = ride._replace(customers_asked=text)
    elif part == "marketing_changes":
        after = ride._replace(marketing_changes=text)
    elif part == "sales_changes":
        after = ride._replace(sales_changes=text)
    elif part == "debrief":
        after = ride._replace(debrief=text)
    else:
        raise ValueError(f"a debrief has no part {part!r}")
    return ChangeSet(_("Change {part}").format(part=_(DEBRIEF_PARTS[part])),
                     (changed(ride, after),) if after != ride else ())


def hear(ride: FieldRide, words: str) -> ChangeSet:
    """A hot button heard on a ride, in the customer's words."""
    return ChangeSet(_("Add hot button {words}").format(words=quoted(words)),
                     (added(new(HotButton, field_ride_id=ride.id, words=words)),))


def forget(hot_button: HotButton) -> ChangeSet:
    return ChangeSet(_("Remove hot button {words}").format(words=quoted(hot_button.words)), (removed(hot_button),))


def send_to_messaging(reader: PlanReader, hot_button: HotButton) -> ChangeSet:
    """The hot button becomes a draft message that remembers its ride."""
    if hot_button.message_id and reader.get(Message, hot_button.message_id):
        raise InvalidEdit(_("That hot button is in messaging already."))
    ride = reader.get(FieldRide, hot_button.field_ride_id)
    source = _("Field ride of {day}").format(day=day(ride.first_day)) if ride else \
        _("Field ride")
    message = new(Message, customer_problem=hot_button.words, field_ride_id=hot_button.field_ride_id,
                  source=source)
    return ChangeSet(_("Send hot button {words} to messaging").format(words=quoted(hot_button.words)), (
        added(message), changed(hot_button, hot_button._replace(message_id=message.id))))


def add_non_working_day(day: date, occasion: str) -> ChangeSet:
    return ChangeSet(_("Add non-working day {day:%-d %b %Y}").format(day=day),
                     (added(new(NonWorkingDay, day=day, occasion=occasion)),))


def remove_non_working_day(day: NonWorkingDay) -> ChangeSet:
    return ChangeSet(_("Remove non-working day {day:%-d %b %Y}").format(day=day.day), (removed(day),))


def plan_suggested(reader: PlanReader, isolate_id: str, partner_id: str,
                   direction: RideDirection, first_day: date, last_day: date) -> ChangeSet:
    """A suggested ride made a planned one: the person with no tie to the
    other team visits (the team rules say who may visit whom), in one step."""
    ride = new(FieldRide, direction=direction, visitor_id=isolate_id, host_id=partner_id,
               first_day=first_day, last_day=last_day,
               objective=_("Meet the other team's work first-hand (suggested by the "
                           "network)"))
    change = ChangeSet("", (added(ride),))
    return ChangeSet(_("Plan the suggested ride of {reader_ride}").format(reader_ride=_who(reader, ride)), change.rows)
