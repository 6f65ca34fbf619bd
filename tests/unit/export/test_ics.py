"""Calendar export, read back with the icalendar library event by event."""

from datetime import date, timedelta
from pathlib import Path

import icalendar
import pytest

from planner.export.ics import WHOLE_PLAN, export_ics, fold
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


def test_re_export_keeps_uids_and_raises_the_sequence(rides_plan: PlanStore,
                                                      tmp_path: Path) -> None:
    export_ics(rides_plan, tmp_path / "before")
    ride = rides_plan.get(FieldRide, "r1")
    assert ride is not None
    ride = change_row(rides_plan, ride, last_day=ride.last_day + timedelta(1))
    import time
    time.sleep(1.1)  # SEQUENCE counts whole seconds since the ride was created
    change_row(rides_plan, ride, territory="Benelux")
    export_ics(rides_plan, tmp_path / "after")
    before = events(tmp_path / "before" / WHOLE_PLAN)["r1@tandem"]
    after = events(tmp_path / "after" / WHOLE_PLAN)["r1@tandem"]
    assert int(after["SEQUENCE"]) > int(before["SEQUENCE"])
    assert after.decoded("DTEND") == date(2027, 3, 5)


def test_long_lines_fold_at_75_octets_without_splitting_characters() -> None:
    line = "SUMMARY:" + "Δ" * 100
    folded = fold(line)
    assert all(len(part.encode("utf-8")) <= 75 for part in folded.split("\r\n"))
    assert folded.replace("\r\n ", "") == line


@pytest.mark.parametrize(("name", "stem"), [
    ("Q3/Q4 plan: sales & marketing?", "Q3_Q4 plan_ sales & marketing_"),
    ("..hidden", "hidden"), ("", "plan"), ("tab\there", "tab_here"), ("x" * 200, "x" * 120)])
def test_names_people_type_become_safe_file_names(name: str, stem: str) -> None:
    from planner.export.filenames import safe_stem

    assert safe_stem(name) == stem
