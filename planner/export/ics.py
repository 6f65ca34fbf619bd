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
"""

from collections.abc import Iterable, Mapping, Sequence
from datetime import timedelta
from pathlib import Path

from icalendar import Calendar, Event

from planner import __version__
from planner.filenames import safe_stem
from planner.model import FieldRide, Person, Review, ReviewAction
from planner.model.enums import RideStatus, label
from planner.model.reader import PlanReader
from planner.store.atomic import write_replacing

STATUS = {RideStatus.PLANNED: "TENTATIVE", RideStatus.CONFIRMED: "CONFIRMED",
          RideStatus.DONE: "CONFIRMED", RideStatus.CANCELLED: "CANCELLED"}
WHOLE_PLAN = "Whole plan.ics"


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


def calendar(rides: Iterable[FieldRide], names: Mapping[str | None, str], name: str,
             plan_title: str, revisions: Mapping[str, int],
             actions: Iterable[ReviewAction] = (),
             reviews: Mapping[str, Review] | None = None) -> bytes:
    cal = Calendar()
    cal.add("prodid", f"-//Tandem//Tandem {__version__}//EN")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", name)
    for ride in rides:
        cal.add_component(event(ride, names, plan_title, revisions.get(ride.id, 0)))
    for action in actions:
        cal.add_component(action_event(action, names, plan_title,
                                       (reviews or {}).get(action.review_id),
                                       revisions.get(action.id, 0)))
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
    ride's and action's changes."""
    revisions = revisions or {}
    plan = reader.plan()
    people = sorted(reader.rows(Person), key=lambda p: (p.name, p.id))
    rides: Sequence[FieldRide] = reader.rows(FieldRide)
    names: dict[str | None, str] = {p.id: p.name for p in people}
    actions = [a for a in reader.rows(ReviewAction) if a.due_date is not None]
    reviews = {r.id: r for r in reader.rows(Review)}
    folder.mkdir(parents=True, exist_ok=True)
    written = [folder / WHOLE_PLAN]
    write_replacing(written[0], calendar(rides, names, f"{plan.title}: field rides and actions",
                                         plan.title, revisions, actions, reviews))
    taken = {WHOLE_PLAN.casefold()}
    for person in people:
        own = [r for r in rides if person.id in (r.visitor_id, r.host_id)]
        todo = [a for a in actions if a.owner_id == person.id]
        if own or todo:
            path = folder / file_name(person.name, taken)
            write_replacing(path, calendar(own, names, f"{person.name}: field rides and actions",
                                           plan.title, revisions, todo, reviews))
            written.append(path)
    return written
