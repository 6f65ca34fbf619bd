"""Edits change the file, and their inverses put it back exactly."""

from datetime import date, datetime, timezone
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from planner.edits import Compound, DeleteRow, InsertRow, UpdateRow
from planner.errors import InvalidEdit
from planner.export.plan_json import plan_to_dict
from planner.model import Goal, Metric, MetricValue, Person
from planner.model.validation import LONG_TEXT_MAX, SHORT_TEXT_MAX
from planner.rules.signoff import is_agreed
from planner.store.plan_store import PlanStore


def snapshot(store: PlanStore) -> dict:  # type: ignore[type-arg]
    doc = plan_to_dict(store)
    doc.pop("exported_at")
    return doc


def test_insert_is_in_the_file_and_undo_removes_it(store: PlanStore, plan_path: Path) -> None:
    inverse = store.apply(InsertRow("person", {"name": "Ada Lovelace", "team": "marketing"}))
    import sqlite3
    rows = sqlite3.connect(plan_path).execute("SELECT name, team FROM person").fetchall()
    assert rows == [("Ada Lovelace", "MARKETING")]
    store.apply(inverse)
    assert store.count(Person) == 0


def test_deleting_a_person_clears_ownership_and_undo_restores_it(sample_path: Path) -> None:
    with PlanStore.open(sample_path) as s:
        before = snapshot(s)
        owner = s.rows(Goal)[0]["sales_owner_id"]
        inverse = s.apply(DeleteRow("person", owner))
        assert all(g["sales_owner_id"] != owner for g in s.rows(Goal))
        s.apply(inverse)
        assert snapshot(s) == before


def test_deleting_a_metric_takes_its_values_and_undo_brings_them_back(sample_path: Path) -> None:
    with PlanStore.open(sample_path) as s:
        before = snapshot(s)
        metric = s.rows(Metric)[0]
        values = s.count(MetricValue)
        own = sum(1 for v in s.rows(MetricValue) if v["metric_id"] == metric["id"])
        assert own > 0
        inverse = s.apply(DeleteRow("metric", metric["id"]))
        assert s.count(MetricValue) == values - own
        s.apply(inverse)
        assert snapshot(s) == before


def test_new_wording_withdraws_both_sign_offs_and_undo_restores_them(sample_path: Path) -> None:
    with PlanStore.open(sample_path) as s:
        goal = next(g for g in s.rows(Goal) if is_agreed(g))
        inverse = s.apply(UpdateRow("goal", goal["id"], {"success_measure": "Something else 5%"}))
        changed = s.get(Goal, goal["id"])
        assert changed is not None and not is_agreed(changed)
        assert changed["sales_signed_by_id"] is None
        s.apply(inverse)
        restored = s.get(Goal, goal["id"])
        assert restored is not None and is_agreed(restored)
        assert restored["success_measure"] == goal["success_measure"]


def test_owner_change_keeps_sign_offs(sample_path: Path) -> None:
    with PlanStore.open(sample_path) as s:
        goal = next(g for g in s.rows(Goal) if is_agreed(g))
        other = next(p for p in s.rows(Person) if p["id"] != goal["sales_owner_id"])
        s.apply(UpdateRow("goal", goal["id"], {"sales_owner_id": other["id"]}))
        changed = s.get(Goal, goal["id"])
        assert changed is not None and is_agreed(changed)


@pytest.mark.parametrize(("changes", "message"), [
    ({"title": ""}, "cannot be empty"),
    ({"title": "   "}, "cannot be empty"),
    ({"title": "x" * (SHORT_TEXT_MAX + 1)}, "the limit is"),
    ({"description": "y" * (LONG_TEXT_MAX + 1)}, "the limit is"),
    ({"title": "bad\x00byte"}, "NUL"),
    ({"status": "finished"}, "status is not valid"),
    ({"due_date": "next week"}, "due date is not valid"),
])
def test_bad_values_are_refused_and_change_nothing(store: PlanStore, changes, message) -> None:  # type: ignore[no-untyped-def]
    store.apply(InsertRow("goal", {"id": "g1", "title": "Grow", "description": "d"}))
    before = snapshot(store)
    with pytest.raises(InvalidEdit, match=message):
        store.apply(UpdateRow("goal", "g1", changes))
    assert snapshot(store) == before


def test_backwards_period_is_refused(store: PlanStore) -> None:
    plan = store.plan()
    with pytest.raises(InvalidEdit, match="before the start"):
        store.apply(UpdateRow("plan", plan["id"], {"period_end": date(2026, 1, 1)}))
    assert store.plan()["period_end"] == date(2027, 12, 31)


def test_markup_and_long_text_are_stored_literally(store: PlanStore) -> None:
    title = '<b>R&D</b> <img src="x"> \u00c9milie \u0394\u03ad\u03bb\u03c4\u03b1 \u0416'
    store.apply(InsertRow("goal", {"id": "g", "title": title, "description": "z" * 10_000}))
    goal = store.get(Goal, "g")
    assert goal is not None and goal["title"] == title and len(goal["description"]) == 10_000


def test_a_failing_compound_edit_leaves_nothing_behind(store: PlanStore) -> None:
    before = snapshot(store)
    with pytest.raises(InvalidEdit):
        store.apply(Compound((InsertRow("person", {"name": "Ok", "team": "sales"}),
                              InsertRow("person", {"name": "", "team": "sales"}))))
    assert snapshot(store) == before


def test_timestamps_are_aware_utc(store: PlanStore) -> None:
    store.apply(InsertRow("person", {"id": "p", "name": "Ada", "team": "sales"}))
    person = store.get(Person, "p")
    assert person is not None
    assert person["created_at"].tzinfo is not None
    assert person["created_at"].utcoffset() == timezone.utc.utcoffset(None)
    with pytest.raises(InvalidEdit, match="time zone"):
        store.apply(UpdateRow("person", "p", {"created_at": datetime(2027, 1, 1)}))


# -- property: any sequence of edits, undone in reverse, gives the plan back --

names = st.text(st.characters(codec="utf-8", exclude_characters="\x00"), min_size=1,
                max_size=40).filter(lambda s: s.strip())
actions = st.lists(st.tuples(st.sampled_from(["add_person", "add_goal", "rename", "owner",
                                              "delete"]), names, st.integers(0, 50)),
                   min_size=1, max_size=12)


@settings(max_examples=40, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(steps=actions)
def test_undoing_every_edit_restores_the_plan(tmp_path: Path, steps) -> None:  # type: ignore[no-untyped-def]
    from tests.unit.test_edits_helpers import apply_random_steps

    path = tmp_path / f"p{abs(hash(str(steps)))}.tandem"
    with PlanStore.create(path, "Property", date(2027, 1, 1), date(2027, 12, 31)) as s:
        before = snapshot(s)
        undo = apply_random_steps(s, steps)
        for inverse in reversed(undo):
            s.apply(inverse)
        assert snapshot(s) == before
    path.unlink()


def test_a_ride_pair_must_match_its_direction(store: PlanStore) -> None:
    store.apply(InsertRow("person", {"id": "m", "name": "Mia", "team": "marketing"}))
    store.apply(InsertRow("person", {"id": "s", "name": "Sam", "team": "sales"}))
    ride = {"id": "r", "direction": "marketing_with_sales", "visitor_id": "s", "host_id": "m",
            "first_day": date(2027, 3, 1), "last_day": date(2027, 3, 2)}
    with pytest.raises(InvalidEdit, match="Sam is in sales, but the visitor"):
        store.apply(InsertRow("field_ride", ride))
    store.apply(InsertRow("field_ride", {**ride, "visitor_id": "m", "host_id": "s"}))
    with pytest.raises(InvalidEdit, match="Mia is in marketing, but the host"):
        store.apply(UpdateRow("field_ride", "r", {"host_id": "m"}))
    # Turning the direction round with the people swapped is one valid edit.
    store.apply(UpdateRow("field_ride", "r", {"direction": "sales_with_marketing",
                                              "visitor_id": "s", "host_id": "m"}))
    with pytest.raises(InvalidEdit, match="before the first day"):
        store.apply(UpdateRow("field_ride", "r", {"last_day": date(2027, 2, 1)}))


def test_setting_actuals_in_bulk_is_one_undoable_edit(sample_path: Path) -> None:
    from planner.edits import SetMetricValues

    with PlanStore.open(sample_path) as s:
        before = snapshot(s)
        metric = s.rows(Metric)[0]
        known = next(v for v in s.rows(MetricValue) if v["metric_id"] == metric["id"])
        count = s.count(MetricValue)
        inverse = s.apply(SetMetricValues((
            (metric["id"], known["period"], 999.0, "corrected from CRM"),
            (metric["id"], "2027-Q4", 5.0, ""))))
        assert s.count(MetricValue) == count + 1
        changed = s.get(MetricValue, known["id"])
        assert changed is not None and changed["actual"] == 999.0
        assert changed["note"] == "corrected from CRM"
        s.apply(inverse)
        assert snapshot(s) == before


def test_one_hundred_thousand_actuals_in_one_edit(store: PlanStore) -> None:
    from planner.edits import SetMetricValues

    store.apply(InsertRow("metric", {"id": "m", "name": "MQLs"}))
    values = tuple(("m", f"{2000 + n // 12}-{n % 12 + 1:02d}", float(n), "")
                   for n in range(100_000 // 12 * 12))
    inverse = store.apply(SetMetricValues(values))
    assert store.count(MetricValue) == len(values)
    store.apply(inverse)
    assert store.count(MetricValue) == 0
