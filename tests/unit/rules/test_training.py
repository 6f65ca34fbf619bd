"""Joint training (issue 30): planned, seated, attended, counted against the
plan's target quarter by quarter, a tie between attendees of different
teams, a suggestion for an isolate, merged from two copies; rows in the file."""

from datetime import date
from pathlib import Path

import pytest

from planner.errors import InvalidEdit, PlanError
from planner.model import Person, Plan, Training, TrainingSeat
from planner.model.enums import RideStatus, Team
from planner.operations import training as ops
from planner.rules.checks import plan_findings
from planner.rules.network import network
from planner.rules.training import crossings, training_for
from planner.store.plan_store import PlanStore, new_plan
from tests.conftest import add_row, rows


@pytest.fixture
def teams(tmp_path: Path):  # type: ignore[no-untyped-def]
    """Sales s1, s2 and marketing m1, m2, m3; nothing ties them yet."""
    store = PlanStore.create(tmp_path / "t.tandem", new_plan("T", date(2027, 1, 1),
                                                             date(2027, 12, 31)))
    for pid, team in (("s1", "sales"), ("s2", "sales"), ("m1", "marketing"),
                      ("m2", "marketing"), ("m3", "marketing")):
        add_row(store, Person, id=pid, name=pid.upper(), team=team)
    yield store
    store.close()


def people(store: PlanStore, *ids: str) -> list[Person]:
    return [store.get(Person, i) for i in ids]  # type: ignore[misc]


def test_a_training_is_planned_seated_attended_and_counted_as_ties(teams: PlanStore) -> None:
    store = teams
    change, course = ops.plan_training(store, "MEDDICC for both teams", date(2027, 2, 9),
                                       date(2027, 2, 10), Team.SALES, "MEDDICC", "Priya Raman")
    store.commit(change)
    store.commit(ops.seat(store, course, people(store, "s1", "s2", "m1", "m2")))
    assert rows(store.path, "SELECT title, run_by, methodology, first_day, last_day, status "
                            "FROM training") == [("MEDDICC for both teams", "SALES", "MEDDICC",
                                                  "2027-02-09", "2027-02-10", "PLANNED")]
    assert rows(store.path, "SELECT count(*), sum(attended) FROM training_seat") == [(4, 0)]
    # Seated is not a tie: only attending together is.
    assert sorted(network(store).isolates) == ["m1", "m2", "m3", "s1", "s2"]
    store.commit(ops.record_attendance(store, store.get(Training, course.id), {"s1", "m1", "m2"}))
    assert rows(store.path, "SELECT status FROM training") == [("DONE",)]
    assert sorted(rows(store.path, "SELECT person_id, attended FROM training_seat")) == [
        ("m1", 1), ("m2", 1), ("s1", 1), ("s2", 0)]
    net = network(store)
    # s1 with m1 and with m2, two days each; s2 did not come; m1-m2 is one team.
    assert net.weights == {("m1", "s1"): 2.0, ("m2", "s1"): 2.0}
    assert sorted(net.isolates) == ["m3", "s2"]
    only = network(store, kinds=("training",))
    assert only.weights == net.weights
    with pytest.raises(InvalidEdit, match="seat them first"):
        ops.record_attendance(store, store.get(Training, course.id), {"m3"})


def test_the_other_team_quarter_by_quarter_against_the_target(teams: PlanStore) -> None:
    store = teams
    plan = store.plan()
    from planner.changes import ChangeSet, changed

    store.commit(ChangeSet("Target", (changed(plan, plan._replace(
        training_seats_per_quarter=2)),)))
    held, course = ops.plan_training(store, "Sales course", date(2027, 2, 9), run_by=Team.SALES)
    store.commit(held)
    store.commit(ops.seat(store, course, people(store, "s1", "m1", "m2")))
    store.commit(ops.record_attendance(store, store.get(Training, course.id), {"s1", "m1"}))
    ahead, later = ops.plan_training(store, "Marketing course", date(2027, 5, 4),
                                     run_by=Team.MARKETING)
    store.commit(ahead)
    store.commit(ops.seat(store, later, people(store, "m1", "s1", "s2")))
    today = date(2027, 4, 15)  # Q1 is over, Q2 is not
    q1, q2 = crossings(store, today)[:2]
    # Q1: one marketer attended sales training (m2 was seated but did not come).
    assert (q1.quarter, q1.marketing_at_sales, q1.sales_at_marketing, q1.ended) == (
        "2027 Q1", 1, 0, True)
    assert q1.short_of(2) == [Team.SALES, Team.MARKETING]
    # Q2: two of sales seated at marketing's course, still ahead: no shortfall yet.
    assert (q2.marketing_at_sales, q2.sales_at_marketing, q2.ended) == (0, 2, False)
    assert q2.short_of(2) == []
    said = [f.message for f in plan_findings(store, today) if "training" in f.message]
    assert said == ["2027 Q1: 1 of marketing attended sales training; the plan's target is 2.",
                    "2027 Q1: 0 of sales attended marketing training; the plan's target is 2."]
    # A cancelled training counts for nobody.
    store.commit(ops.cancel(store.get(Training, later.id)))
    assert crossings(store, today)[1].sales_at_marketing == 0


def test_an_isolate_is_offered_the_next_training_of_the_other_team(teams: PlanStore) -> None:
    store = teams
    for title, day, team in (("Past", date(2027, 1, 12), Team.SALES),
                             ("Next", date(2027, 6, 1), Team.SALES),
                             ("Later", date(2027, 9, 1), Team.SALES),
                             ("Ours", date(2027, 5, 1), Team.MARKETING)):
        store.commit(ops.plan_training(store, title, day, run_by=team)[0])
    m3 = store.get(Person, "m3")
    assert m3 is not None
    found = training_for(store, m3, date(2027, 3, 1))
    assert found is not None and found.title == "Next"
    next_one = next(t for t in store.rows(Training) if t.title == "Next")
    store.commit(ops.seat(store, next_one, [m3]))
    found = training_for(store, m3, date(2027, 3, 1))
    assert found is not None and found.title == "Later"  # seated at Next already


def test_bad_trainings_are_refused_with_a_sentence_and_change_nothing(teams: PlanStore) -> None:
    store = teams
    before = rows(store.path, "SELECT count(*) FROM training")
    for title, first, last, why in (("", date(2027, 2, 1), date(2027, 2, 1), "title"),
                                    ("Backwards", date(2027, 2, 5), date(2027, 2, 1), "last day"),
                                    ("Too long", date(2027, 2, 1), date(2027, 4, 1), "31 days"),
                                    ("x" * 301, date(2027, 2, 1), date(2027, 2, 1), "300")):
        with pytest.raises(PlanError, match=why):
            store.commit(ops.plan_training(store, title, first, last)[0])
    with pytest.raises(InvalidEdit, match="sales team's or the marketing team's"):
        ops.plan_training(store, "Other", date(2027, 2, 1), run_by=Team.OTHER)
    course = ops.plan_training(store, "Once", date(2027, 2, 1))
    store.commit(course[0])
    assert ops.seat(store, course[1], people(store, "m1")).rows
    store.commit(ops.seat(store, course[1], people(store, "m1")))
    assert not ops.seat(store, course[1], people(store, "m1")).rows  # seated once
    assert rows(store.path, "SELECT count(*) FROM training") == [(before[0][0] + 1,)]


def test_trainings_and_their_seats_merge_from_two_copies_and_go_with_their_person(
        teams: PlanStore, tmp_path: Path) -> None:
    from planner.store.merge import prepare

    store = teams
    store.commit(ops.plan_training(store, "Base", date(2027, 2, 1))[0])
    store.close()
    ours, theirs = tmp_path / "ours.tandem", tmp_path / "theirs.tandem"
    for copy in (ours, theirs):
        copy.write_bytes(store.path.read_bytes())
    with PlanStore.open(ours) as a:
        change, course = ops.plan_training(a, "Sales course", date(2027, 3, 2))
        a.commit(change)
        a.commit(ops.seat(a, course, people(a, "m1")))
    with PlanStore.open(theirs) as b:
        base = next(t for t in b.rows(Training) if t.title == "Base")
        b.commit(ops.seat(b, base, people(b, "s1", "m2")))
        b.commit(ops.plan_training(b, "Marketing course", date(2027, 4, 6),
                                   run_by=Team.MARKETING)[0])
    merged = ours
    with PlanStore.open(ours) as mine, PlanStore.open(theirs, read_only=True) as other:
        plan = prepare(mine, other)
        assert not plan.conflicts
        mine.commit(plan.change())
    assert sorted(rows(merged, "SELECT title FROM training")) == [
        ("Base",), ("Marketing course",), ("Sales course",)]
    assert sorted(rows(merged, "SELECT t.title, s.person_id FROM training_seat s JOIN training t "
                               "ON t.id = s.training_id")) == [
        ("Base", "m2"), ("Base", "s1"), ("Sales course", "m1")]
    with PlanStore.open(merged) as m:
        from planner.operations.rows import remove

        m.commit(remove([m.get(Person, "m2")]))  # type: ignore[list-item]
        assert [s.person_id for s in m.rows(TrainingSeat) if s.person_id == "m2"] == []
        assert m.plan().title == "T" and isinstance(m.plan(), Plan)
    assert rows(merged, "SELECT count(*) FROM training_seat WHERE person_id = 'm2'") == [(0,)]
    assert RideStatus.PLANNED.name in {r[0] for r in rows(merged, "SELECT status FROM training")}
