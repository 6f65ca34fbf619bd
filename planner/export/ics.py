"""Field rides as iCalendar (RFC 5545): one file for the plan, one per person.

UIDs are the rides' own ids, so re-importing an export updates events
instead of duplicating them; SEQUENCE grows with every change to a ride.
"""

from collections.abc import Iterable, Sequence
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

from planner import __version__
from planner.export.filenames import safe_stem
from planner.model import FieldRide, Person
from planner.model.enums import RideStatus, label
from planner.model.reader import PlanReader
STATUS = {RideStatus.PLANNED: "TENTATIVE", RideStatus.CONFIRMED: "CONFIRMED",
          RideStatus.DONE: "CONFIRMED", RideStatus.CANCELLED: "CANCELLED"}
WHOLE_PLAN = "Whole plan.ics"


def escape(text: str) -> str:
    """TEXT value escaping: backslash, semicolon, comma, newline."""
    return (text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
            .replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\n"))


def fold(line: str) -> str:
    """Lines of at most 75 octets, never splitting a UTF-8 character."""
    out: list[str] = []
    current = b""
    for char in line:
        encoded = char.encode("utf-8")
        limit = 75 if not out else 74  # continuation lines start with a space
        if len(current) + len(encoded) > limit:
            out.append(current.decode("utf-8"))
            current = b""
        current += encoded
    out.append(current.decode("utf-8"))
    return "\r\n ".join(out)


def _stamp(moment: datetime) -> str:
    return moment.astimezone(timezone.utc).strftime("%Y%m%dT%H%M%SZ")


def _day(day: date) -> str:
    return day.strftime("%Y%m%d")


def event(ride: FieldRide, names: dict[str | None, str], plan_title: str) -> list[str]:
    visitor, host = names.get(ride.visitor_id, "?"), names.get(ride.host_id, "?")
    where = f" ({ride.territory})" if ride.territory else ""
    description = "\n".join(line for line in (
        f"{label(ride.direction)}: {visitor} visits {host}.",
        f"Accounts: {ride.accounts}" if ride.accounts else "",
        f"Objective: {ride.objective}" if ride.objective else "",
        f"Plan: {plan_title}") if line)
    sequence = max(0, int((ride.updated_at - ride.created_at).total_seconds()))
    return [
        "BEGIN:VEVENT",
        f"UID:{ride.id}@tandem",
        f"DTSTAMP:{_stamp(ride.updated_at)}",
        f"LAST-MODIFIED:{_stamp(ride.updated_at)}",
        f"SEQUENCE:{sequence}",
        f"DTSTART;VALUE=DATE:{_day(ride.first_day)}",
        # All-day events end on the day after the last day (exclusive).
        f"DTEND;VALUE=DATE:{_day(ride.last_day + timedelta(days=1))}",
        f"SUMMARY:{escape(f'Field ride: {visitor} with {host}{where}')}",
        f"DESCRIPTION:{escape(description)}",
        f"LOCATION:{escape(ride.territory)}" if ride.territory else "",
        f"STATUS:{STATUS[ride.status]}",
        "TRANSP:OPAQUE",
        "END:VEVENT",
    ]


def calendar(rides: Iterable[FieldRide], names: dict[str | None, str], name: str,
             plan_title: str) -> str:
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", f"PRODID:-//Tandem//Tandem {__version__}//EN",
             "CALSCALE:GREGORIAN", "METHOD:PUBLISH", f"X-WR-CALNAME:{escape(name)}"]
    for ride in rides:
        lines += event(ride, names, plan_title)
    lines.append("END:VCALENDAR")
    return "\r\n".join(fold(line) for line in lines if line) + "\r\n"


def file_name(name: str, taken: set[str]) -> str:
    """A safe, unique file name for a person's calendar."""
    base = safe_stem(name, limit=80, fallback="person")
    candidate, n = f"{base}.ics", 2
    while candidate.casefold() in taken:
        candidate, n = f"{base} ({n}).ics", n + 1
    taken.add(candidate.casefold())
    return candidate


def export_ics(reader: PlanReader, folder: Path) -> list[Path]:
    """Write the whole plan's calendar and one per person with rides."""
    plan = reader.plan()
    people = sorted(reader.rows(Person), key=lambda p: (p.name, p.id))
    rides: Sequence[FieldRide] = reader.rows(FieldRide)
    names: dict[str | None, str] = {p.id: p.name for p in people}
    folder.mkdir(parents=True, exist_ok=True)
    written = [folder / WHOLE_PLAN]
    written[0].write_text(calendar(rides, names, f"{plan.title}: field rides", plan.title),
                          encoding="utf-8", newline="")
    taken = {WHOLE_PLAN.casefold()}
    for person in people:
        own = [r for r in rides if person.id in (r.visitor_id, r.host_id)]
        if own:
            path = folder / file_name(person.name, taken)
            path.write_text(calendar(own, names, f"{person.name}: field rides", plan.title),
                            encoding="utf-8", newline="")
            written.append(path)
    return written
