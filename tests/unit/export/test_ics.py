"""Calendar export, read back with the icalendar library event by event."""

from datetime import date, timedelta
from pathlib import Path

import icalendar
import pytest

from planner.export.ics import WHOLE_PLAN, export_ics
from planner.model import FieldRide, Person
from planner.store.plan_store import PlanStore
from tests.conftest import add_row, change_row


@pytest.fixture
def rides_plan(store: PlanStore) -> PlanStore:
    add_row(store, Person, id="m", name="Zoë Δημητρίου", team="marketing")
    add_row(store, Person, id="s", name="Юрий Ильин", team="sales")
    add_row(store, Person, id="s2", name="Юрий Ильин", team="sales")
    add_row(store, FieldRide, id="r1", direction="marketing_with_sales", visitor_id="m",
            host_id="s", first_day=date(2027, 3, 1), last_day=date(2027, 3, 3),
            status="confirmed", territory="Benelux; Nord",
            accounts="Acme, Inc.; Globex\nInitech", objective="Listen, then ask \\why\\")
    add_row(store, FieldRide, id="r2", direction="sales_with_marketing", visitor_id="s2",
            host_id="m", first_day=date(2027, 4, 5), last_day=date(2027, 4, 5),
            status="cancelled")
    return store


def events(path: Path) -> dict[str, icalendar.Event]:
    cal = icalendar.Calendar.from_ical(path.read_bytes())
    return {str(e["UID"]): e for e in cal.walk("VEVENT")}


def test_whole_plan_calendar_has_every_ride_with_its_days_and_text(
        rides_plan: PlanStore, tmp_path: Path) -> None:
    export_ics(rides_plan, tmp_path)
    found = events(tmp_path / WHOLE_PLAN)
    assert set(found) == {"r1@tandem", "r2@tandem"}
    first = found["r1@tandem"]
    assert first.decoded("DTSTART") == date(2027, 3, 1)
    assert first.decoded("DTEND") == date(2027, 3, 4)  # exclusive: covers 1, 2 and 3 March
    assert str(first["STATUS"]) == "CONFIRMED"
    assert str(first["SUMMARY"]) == "Field ride: Zoë Δημητρίου with Юрий Ильин (Benelux; Nord)"
    description = str(first["DESCRIPTION"])
    assert "Accounts: Acme, Inc.; Globex\nInitech" in description
    assert "Objective: Listen, then ask \\why\\" in description
    assert str(found["r2@tandem"]["STATUS"]) == "CANCELLED"


def test_one_calendar_per_person_with_only_their_rides(rides_plan: PlanStore,
                                                        tmp_path: Path) -> None:
    written = {p.name for p in export_ics(rides_plan, tmp_path)}
    assert written == {WHOLE_PLAN, "Zoë Δημητρίου.ics", "Юрий Ильин.ics", "Юрий Ильин (2).ics"}
    assert set(events(tmp_path / "Zoë Δημητρίου.ics")) == {"r1@tandem", "r2@tandem"}
    assert set(events(tmp_path / "Юрий Ильин.ics")) == {"r1@tandem"}
    assert set(events(tmp_path / "Юрий Ильин (2).ics")) == {"r2@tandem"}


def test_re_export_keeps_uids_and_counts_every_change_in_the_sequence(
        rides_plan: PlanStore, tmp_path: Path) -> None:
    export_ics(rides_plan, tmp_path / "before", rides_plan.revisions(FieldRide))
    ride = rides_plan.get(FieldRide, "r1")
    assert ride is not None
    ride = change_row(rides_plan, ride, last_day=ride.last_day + timedelta(1))
    undone = rides_plan.commit(__import__("planner.operations.rows", fromlist=["edit"]).edit(
        ride, territory="Benelux"))
    rides_plan.commit(undone.inverse())  # undo is a change too: calendars must see it
    export_ics(rides_plan, tmp_path / "after", rides_plan.revisions(FieldRide))
    before = events(tmp_path / "before" / WHOLE_PLAN)["r1@tandem"]
    after = events(tmp_path / "after" / WHOLE_PLAN)["r1@tandem"]
    assert int(before["SEQUENCE"]) == 1  # added
    assert int(after["SEQUENCE"]) == 4  # added, moved, renamed, renamed back
    assert after.decoded("DTEND") == date(2027, 3, 5)


def test_long_lines_fold_at_75_octets_without_splitting_characters(
        rides_plan: PlanStore, tmp_path: Path) -> None:
    ride = rides_plan.get(FieldRide, "r1")
    change_row(rides_plan, ride, objective="\u0394" * 400)
    export_ics(rides_plan, tmp_path)
    raw = (tmp_path / WHOLE_PLAN).read_bytes()
    assert all(len(line) <= 75 for line in raw.split(b"\r\n"))
    raw.decode("utf-8")  # no character was split between lines
    assert "\u0394" * 400 in str(events(tmp_path / WHOLE_PLAN)["r1@tandem"]["DESCRIPTION"])


@pytest.mark.parametrize(("name", "stem"), [
    ("Q3/Q4 plan: sales & marketing?", "Q3_Q4 plan_ sales & marketing_"),
    ("..hidden", "hidden"), ("", "plan"), ("tab\there", "tab_here"), ("x" * 200, "x" * 120),
    ("CON", "CON_"), ("com1", "com1_"), ("NUL.txt", "NUL_.txt"), ("aux.", "aux_")])
def test_names_people_type_become_safe_file_names(name: str, stem: str) -> None:
    from planner.filenames import safe_stem

    assert safe_stem(name) == stem


# RFC 5546 (iTIP) 3.2.1, PUBLISH: what each VEVENT must have, and may not.
PUBLISH_REQUIRED = ("DTSTAMP", "DTSTART", "ORGANIZER", "SUMMARY", "UID")
PUBLISH_FORBIDDEN = ("ATTENDEE", "REQUEST-STATUS")


def itip_problems(data: bytes) -> list[str]:
    """Every way a calendar file breaks RFC 5545's parse or RFC 5546's
    PUBLISH rules (our own checks: libical's GObject binding is not in the suite)."""
    problems = []
    cal = icalendar.Calendar.from_ical(data)
    if str(cal.get("method", "")) != "PUBLISH":
        problems.append("no METHOD:PUBLISH")
    for name in ("PRODID", "VERSION"):
        if name not in cal:
            problems.append(f"the calendar has no {name}")
    for e in cal.walk("VEVENT"):
        uid = str(e.get("UID", "?"))
        problems += [f"{uid}: no {n}" for n in PUBLISH_REQUIRED if n not in e]
        problems += [f"{uid}: {n} is not allowed" for n in PUBLISH_FORBIDDEN if n in e]
        organizer = str(e.get("ORGANIZER", ""))
        if organizer and not organizer.startswith(("mailto:", "urn:uuid:")):
            problems.append(f"{uid}: ORGANIZER {organizer} is not a calendar address")
        if e.get("DTEND") and e.decoded("DTEND") <= e.decoded("DTSTART"):
            problems.append(f"{uid}: ends before it starts")
        for a in e.walk("VALARM"):
            for n in ("ACTION", "TRIGGER", "DESCRIPTION"):
                if n not in a:
                    problems.append(f"{uid}: an alarm has no {n}")
    uids = [str(e["UID"]) for e in cal.walk("VEVENT")]
    if len(uids) != len(set(uids)):
        problems.append("two events share a UID")
    return problems


def test_every_calendar_is_a_valid_itip_publish_with_alarms_only_in_ones_own(
        sample_path: Path, tmp_path: Path) -> None:
    from planner.model import CheckIn, Goal, ReviewAction
    from planner.rules.checkins import by_goal

    with PlanStore.open(sample_path) as store:
        written = export_ics(store, tmp_path / "cal")
        plan = store.plan()
        people = {p.id: p for p in store.rows(Person)}
        goals = store.rows(Goal)
        history = by_goal(store.rows(CheckIn))
        actions = [a for a in store.rows(ReviewAction) if a.due_date and not a.done]
    for path in written:
        assert itip_problems(path.read_bytes()) == [], path.name
    whole = icalendar.Calendar.from_ical((tmp_path / "cal" / WHOLE_PLAN).read_bytes())
    assert not list(whole.walk("VALARM"))  # subscribing to the plan rings nobody
    # Each open goal's next check-in is in its owners' own files, with an alarm.
    goal = next(g for g in goals if g.id in history and g.status.value == "active")
    due = history[goal.id][-1].checked_on + timedelta(days=plan.checkin_days)
    owner = people[goal.sales_owner_id]
    mine = icalendar.Calendar.from_ical((tmp_path / "cal" / f"{owner.name}.ics").read_bytes())
    event = next(e for e in mine.walk("VEVENT")
                 if str(e["SUMMARY"]) == f"Check-in due: {goal.title}")
    assert event.decoded("DTSTART") == due
    assert str(event["ORGANIZER"]) == f"mailto:{owner.email}"
    (ring,) = event.walk("VALARM")
    assert ring.decoded("TRIGGER") == -timedelta(hours=15)
    # Open action items ring their owners.
    for action in actions:
        if action.owner_id:
            theirs = icalendar.Calendar.from_ical(
                (tmp_path / "cal" / f"{people[action.owner_id].name}.ics").read_bytes())
            e = next(e for e in theirs.walk("VEVENT") if str(e["UID"]) == f"{action.id}@tandem")
            assert e.walk("VALARM")


SYSTEM_PYTHON = "/usr/bin/python3"


def _libical() -> str | None:
    """Why libical's binding cannot be used here (None: it can)."""
    import subprocess

    if not Path(SYSTEM_PYTHON).exists():
        return "no system Python to run libical's binding"
    found = subprocess.run([SYSTEM_PYTHON, "-c", "import gi; gi.require_version('ICalGLib', "
                            "'3.0'); from gi.repository import ICalGLib"], capture_output=True)
    return None if found.returncode == 0 else \
        "libical's GObject binding is not installed (python3-gi, gir1.2-ical-3.0: .ci/setup --test)"


def test_libical_finds_no_error_in_any_calendar_file(sample_path: Path, large_path: Path,
                                                     tmp_path: Path) -> None:
    import subprocess

    why = _libical()
    if why:
        pytest.skip(why)
    files = []
    for n, plan in enumerate((sample_path, large_path)):
        with PlanStore.open(plan) as store:
            files += export_ics(store, tmp_path / f"cal{n}")
    checked = subprocess.run([SYSTEM_PYTHON, str(Path(__file__).parents[2] / "libical_check.py"),
                              *map(str, files)], capture_output=True, text=True)
    assert checked.returncode == 0, checked.stdout[-3000:]
    assert f"{len(files)} files, 0 with errors" in checked.stdout


def test_trainings_are_in_the_calendars_of_everyone_seated_ringing_before_those_ahead(
        tmp_path: Path) -> None:
    from planner.model import Training, TrainingSeat
    from planner.sample import write_sample

    with write_sample(tmp_path / "s.tandem") as store:
        written = export_ics(store, tmp_path / "cal")
        people = {p.id: p for p in store.rows(Person)}
        trainings = {t.id: t for t in store.rows(Training)}
        seats = list(store.rows(TrainingSeat))
    assert len(trainings) == 3 and seats
    for path in written:
        assert itip_problems(path.read_bytes()) == [], path.name
    whole = icalendar.Calendar.from_ical((tmp_path / "cal" / WHOLE_PLAN).read_bytes())
    shown = {str(e["UID"]): e for e in whole.walk("VEVENT")}
    for training in trainings.values():
        e = shown[f"{training.id}@tandem"]
        assert str(e["SUMMARY"]) == f"Training: {training.title}"
        assert e.decoded("DTSTART") == training.first_day
        assert e.decoded("DTEND") == training.last_day + timedelta(days=1)
        names = sorted(people[s.person_id].name for s in seats if s.training_id == training.id)
        assert f"Attending: {', '.join(sorted(names, key=str.casefold))}" in str(e["DESCRIPTION"])
    for seat in seats:
        training = trainings[seat.training_id]
        own = icalendar.Calendar.from_ical(
            (tmp_path / "cal" / f"{people[seat.person_id].name}.ics").read_bytes())
        e = next(e for e in own.walk("VEVENT") if str(e["UID"]) == f"{training.id}@tandem")
        assert bool(e.walk("VALARM")) == (training.status.value != "done")
