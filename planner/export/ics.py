"""Field rides and review action items as iCalendar (RFC 5545): one file
for the plan, one per person.

An action item is an all-day event on its due day ("Action due: ..."),
free time rather than busy: calendar programs that ignore to-dos (VTODO),
as most do, still show it.

Written with the icalendar library, which escapes, folds and formats as the
standard says. UIDs are the rides' own ids, so re-importing an export updates
events instead of duplicating them; SEQUENCE is the number of committed
changes that touched the ride (from the plan's history), so it grows with
every change, undo included, as calendar programs expect.

Every file is an iTIP PUBLISH (RFC 5546): each event names its ORGANIZER
(the ride's host, the action's owner, the goal's owner; else the plan's head
of sales), by email, or by the person's id where the plan has no email. A
goal still open gets a "Check-in due" event on the day its next check-in is
due (the last one, or the plan's start, plus the plan's interval). The
alarms (VALARM, a day before, at 9:00 the day before an all-day event) are
in each person's own file only, on what is theirs to do: their open action
items and their goals' check-ins; the whole plan's file carries none, so
subscribing to it rings nobody.
"""

from collections.abc import Iterable, Mapping, Sequence
from datetime import date, timedelta
from pathlib import Path

from icalendar import Alarm, Calendar, Event, vCalAddress, vText

from planner import __version__
from planner.filenames import safe_stem
from planner.model import (
    CheckIn, FieldRide, Goal, Person, Plan, Review, ReviewAction, Training, TrainingSeat)
from planner.model.enums import RideStatus, label
from planner.model.reader import PlanReader
from planner.i18n import _
from planner.store.atomic import write_replacing

STATUS = {RideStatus.PLANNED: "TENTATIVE", RideStatus.CONFIRMED: "CONFIRMED",
          RideStatus.DONE: "CONFIRMED", RideStatus.CANCELLED: "CANCELLED"}
WHOLE_PLAN = "Whole plan.ics"


ALARM_BEFORE = timedelta(hours=15)  # 9:00 the day before an all-day event


def organizer(person: Person | None, plan: Plan | None = None) -> vCalAddress:
    """Who publishes an event, as RFC 5546 wants every event to say."""
    if person is not None:
        email = person.email.strip()
        address = vCalAddress(f"mailto:{email}" if email and "@" in email
                              else f"urn:uuid:{person.id}")
        address.params["cn"] = vText(person.name)
        return address
    address = vCalAddress(f"urn:uuid:{plan.id}" if plan else "urn:uuid:tandem")
    address.params["cn"] = vText(plan.title if plan else "Tandem")
    return address


def alarm(text: str) -> Alarm:
    a = Alarm()
    a.add("action", "DISPLAY")
    a.add("description", text)
    a.add("trigger", -ALARM_BEFORE)
    return a


def event(ride: FieldRide, names: Mapping[str | None, str], plan_title: str,
          sequence: int) -> Event:
    visitor, host = names.get(ride.visitor_id, "?"), names.get(ride.host_id, "?")
    where = f" ({ride.territory})" if ride.territory else ""
    description = "\n".join(line for line in (
        f"{label(ride.direction)}: {visitor} visits {host}.",
        f"Accounts: {ride.accounts}" if ride.accounts else "",
        f"Objective: {ride.objective}" if ride.objective else "",
        f"Plan: {plan_title}") if line)
    e = Event()
    e.add("uid", f"{ride.id}@tandem")
    e.add("dtstamp", ride.updated_at)
    e.add("last-modified", ride.updated_at)
    e.add("sequence", sequence)
    e.add("dtstart", ride.first_day)
    e.add("dtend", ride.last_day + timedelta(days=1))  # all-day events end the day after
    e.add("summary", f"Field ride: {visitor} with {host}{where}")
    e.add("description", description)
    if ride.territory:
        e.add("location", ride.territory)
    e.add("status", STATUS[ride.status])
    e.add("transp", "OPAQUE")
    return e


def action_event(action: ReviewAction, names: Mapping[str | None, str], plan_title: str,
                 review: Review | None, sequence: int) -> Event:
    """An action item on its due day (only actions with a due date have one)."""
    assert action.due_date is not None
    owner = names.get(action.owner_id, "nobody yet") if action.owner_id else "nobody yet"
    e = Event()
    e.add("uid", f"{action.id}@tandem")
    e.add("dtstamp", action.updated_at)
    e.add("last-modified", action.updated_at)
    e.add("sequence", sequence)
    e.add("dtstart", action.due_date)
    e.add("dtend", action.due_date + timedelta(days=1))
    e.add("summary", f"{'Done' if action.done else 'Action due'}: {action.action}")
    e.add("description", "\n".join(line for line in (
        f"Owner: {owner}",
        f"From the review held on {review.held_on.isoformat()}" if review else "",
        f"What we change: {review.what_we_change}" if review and review.what_we_change else "",
        f"Plan: {plan_title}") if line))
    e.add("status", "CONFIRMED")
    e.add("transp", "TRANSPARENT")
    return e


def training_event(training: Training, attendees: Sequence[str], plan_title: str,
                   sequence: int) -> Event:
    """A training on its days, who is down to attend in its description
    (RFC 5546 allows no ATTENDEE in a published calendar)."""
    e = Event()
    e.add("uid", f"{training.id}@tandem")
    e.add("dtstamp", training.updated_at)
    e.add("last-modified", training.updated_at)
    e.add("sequence", sequence)
    e.add("dtstart", training.first_day)
    e.add("dtend", training.last_day + timedelta(days=1))
    e.add("summary", f"Training: {training.title}")
    e.add("description", "\n".join(line for line in (
        f"{label(training.run_by)} training"
        + (f": {training.methodology}" if training.methodology else ""),
        f"Trainer: {training.trainer}" if training.trainer else "",
        f"Attending: {', '.join(attendees)}" if attendees else "",
        f"Plan: {plan_title}") if line))
    e.add("status", STATUS[training.status])
    e.add("transp", "OPAQUE")
    return e


def checkin_event(goal: Goal, due: date, owners: str, plan_title: str) -> Event:
    """The day a goal's next check-in is due."""
    e = Event()
    e.add("uid", f"{goal.id}-{due.isoformat()}-check-in@tandem")
    e.add("dtstamp", goal.updated_at)
    e.add("dtstart", due)
    e.add("dtend", due + timedelta(days=1))
    e.add("summary", _("Check-in due: {title}").format(title=goal.title))
    e.add("description", _("How far is the goal, and how sure are we?\nOwners: {owners}\n"
                           "Plan: {plan}").format(owners=owners, plan=plan_title))
    e.add("status", "CONFIRMED")
    e.add("transp", "TRANSPARENT")
    return e


def checkins_due(plan: Plan, goals: Sequence[Goal], check_ins: Sequence[CheckIn]
                 ) -> list[tuple[Goal, date]]:
    """Each open goal's next check-in day, within the plan's period."""
    from planner.rules.checkins import OPEN, by_goal, next_check_in

    history = by_goal(check_ins)
    out = []
    for goal in goals:
        if goal.status not in OPEN:
            continue
        due = next_check_in(plan, history.get(goal.id, []))
        if due <= plan.period_end:
            out.append((goal, due))
    return out


def calendar(rides: Iterable[FieldRide], names: Mapping[str | None, str], name: str,
             plan_title: str, revisions: Mapping[str, int],
             actions: Iterable[ReviewAction] = (),
             reviews: Mapping[str, Review] | None = None,
             people: Mapping[str, Person] | None = None, plan: Plan | None = None,
             due: Iterable[tuple[Goal, date]] = (), alarms: bool = False,
             trainings: Iterable[tuple[Training, Sequence[str]]] = ()) -> bytes:
    """One calendar file; `alarms` on what is the reader's to do (their own file)."""
    people = people or {}
    fallback = people.get(plan.head_of_sales_id or "") or people.get(
        plan.head_of_marketing_id or "") if plan else None
    cal = Calendar()
    cal.add("prodid", f"-//Tandem//Tandem {__version__}//EN")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", name)
    for ride in rides:
        e = event(ride, names, plan_title, revisions.get(ride.id, 0))
        e.add("organizer", organizer(people.get(ride.host_id or "") or fallback, plan))
        cal.add_component(e)
    for action in actions:
        e = action_event(action, names, plan_title, (reviews or {}).get(action.review_id),
                         revisions.get(action.id, 0))
        e.add("organizer", organizer(people.get(action.owner_id or "") or fallback, plan))
        if alarms and not action.done:
            e.add_component(alarm(f"Action due tomorrow: {action.action}"))
        cal.add_component(e)
    for training, attendees in trainings:
        e = training_event(training, attendees, plan_title, revisions.get(training.id, 0))
        e.add("organizer", organizer(fallback, plan))
        if alarms and training.status in (RideStatus.PLANNED, RideStatus.CONFIRMED):
            e.add_component(alarm(f"Training tomorrow: {training.title}"))
        cal.add_component(e)
    for goal, day in due:
        owners = " and ".join(names.get(p, "?") for p in (goal.sales_owner_id,
                                                          goal.marketing_owner_id) if p)
        e = checkin_event(goal, day, owners or "nobody yet", plan_title)
        e.add("organizer", organizer(people.get(goal.sales_owner_id or "") or people.get(
            goal.marketing_owner_id or "") or fallback, plan))
        if alarms:
            e.add_component(alarm(f"Check-in due tomorrow: {goal.title}"))
        cal.add_component(e)
    return bytes(cal.to_ical())


def file_name(name: str, taken: set[str]) -> str:
    """A safe, unique file name for a person's calendar."""
    base = safe_stem(name, limit=80, fallback="person")
    candidate, n = f"{base}.ics", 2
    while candidate.casefold() in taken:
        candidate, n = f"{base} ({n}).ics", n + 1
    taken.add(candidate.casefold())
    return candidate


def export_ics(reader: PlanReader, folder: Path,
               revisions: Mapping[str, int] | None = None) -> list[Path]:
    """Write the whole plan's calendar and one per person with rides or
    action items, into a folder made if need be; `revisions` counts each
    ride's, action's and training's changes (the store's own count when not given)."""
    if revisions is None:
        counted = getattr(reader, "revisions", None)
        revisions = counted(FieldRide, ReviewAction, Training) if counted is not None else {}
    plan = reader.plan()
    people = sorted(reader.rows(Person), key=lambda p: (p.name, p.id))
    rides: Sequence[FieldRide] = reader.rows(FieldRide)
    names: dict[str | None, str] = {p.id: p.name for p in people}
    actions = [a for a in reader.rows(ReviewAction) if a.due_date is not None]
    reviews = {r.id: r for r in reader.rows(Review)}
    by_id = {p.id: p for p in people}
    due = checkins_due(plan, reader.rows(Goal), reader.rows(CheckIn))
    seated: dict[str, list[str]] = {}  # training id: person ids
    for seat in reader.rows(TrainingSeat):
        seated.setdefault(seat.training_id, []).append(seat.person_id)
    trainings = [(t, sorted((names.get(p, "?") for p in seated.get(t.id, ())), key=str.casefold))
                 for t in reader.rows(Training)]
    folder.mkdir(parents=True, exist_ok=True)
    written = [folder / WHOLE_PLAN]
    write_replacing(written[0], calendar(rides, names, _("{name}: field rides and actions").format(name=plan.title),
                                         plan.title, revisions, actions, reviews, by_id, plan,
                                         due, trainings=trainings))
    taken = {WHOLE_PLAN.casefold()}
    for person in people:
        own = [r for r in rides if person.id in (r.visitor_id, r.host_id)]
        todo = [a for a in actions if a.owner_id == person.id]
        theirs = [(g, d) for g, d in due if person.id in (g.sales_owner_id,
                                                          g.marketing_owner_id)]
        courses = [(t, who) for t, who in trainings if person.id in seated.get(t.id, ())]
        if own or todo or theirs or courses:
            path = folder / file_name(person.name, taken)
            write_replacing(path, calendar(own, names, _("{name}: field rides and actions").format(name=person.name),
                                           plan.title, revisions, todo, reviews, by_id, plan,
                                           theirs, alarms=True, trainings=courses))
            written.append(path)
    return written
