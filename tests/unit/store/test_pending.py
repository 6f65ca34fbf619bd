"""The store's commit: the one writer. What it writes, what it refuses, what
the rules add, and that the inverse of what it committed puts back every
byte."""

from datetime import date, datetime, timezone
from pathlib import Path

import pytest

from planner.changes import ChangeSet, RowChange, added, changed
from planner.errors import InvalidEdit
from planner.model import (
    FieldRide, Goal, HotButton, Message, Metric, MetricValue, Person, Plan)
from planner.model.enums import RideDirection, Team
from planner.model.validation import LONG_TEXT_MAX, SHORT_TEXT_MAX
from planner.operations import goals as goal_ops
from planner.operations import metrics as metric_ops
from planner.operations import rides as ride_ops
from planner.operations.rows import edit, new, remove
from planner.rules.signoff import is_agreed
from planner.store.plan_store import PlanStore
from tests.acting import as_head
from tests.conftest import file_rows, rows


def test_a_new_row_is_in_the_file_and_its_inverse_removes_it(store: PlanStore,
                                                             plan_path: Path) -> None:
    done = store.commit(ChangeSet("Add", (added(new(Person, name="Ada Lovelace",
                                                    team=Team.MARKETING)),)))
    assert rows(plan_path, "SELECT name, team FROM person") == [("Ada Lovelace", "MARKETING")]
    store.commit(done.inverse())
    assert rows(plan_path, "SELECT count(*) FROM person") == [(0,)]


def test_removing_a_person_clears_what_named_them_and_undo_puts_back_every_byte(
        sample_path: Path) -> None:
    with PlanStore.open(sample_path) as s:
        as_head(s, "sales")  # the owner is the head of sales: only a head changes roles
        before = file_rows(sample_path)
        owner = s.get(Person, s.rows(Goal)[0].sales_owner_id or "")
        assert owner is not None
        done = s.commit(remove([owner]))
        assert all(g.sales_owner_id != owner.id for g in s.rows(Goal))
        assert all(owner.id not in (r.visitor_id, r.host_id) for r in s.rows(FieldRide))
        # The cleared references are in the change set, stamped now.
        cleared = [r for r in done if r.kind is Goal]
        assert cleared and all(r.after.updated_at > r.before.updated_at  # type: ignore[union-attr]
                               for r in cleared)
        s.commit(done.inverse())
    assert file_rows(sample_path) == before


def test_removing_a_metric_takes_its_actuals_and_undo_brings_them_back(
        sample_path: Path) -> None:
    with PlanStore.open(sample_path) as s:
        before = file_rows(sample_path)
        metric = s.rows(Metric)[0]
        own = [v for v in s.rows(MetricValue) if v.metric_id == metric.id]
        assert own
        done = s.commit(remove([metric]))
        assert len(done.of(MetricValue)) == len(own)
        assert all(v.metric_id != metric.id for v in s.rows(MetricValue))
        s.commit(done.inverse())
    assert file_rows(sample_path) == before


def test_removing_a_ride_takes_its_hot_buttons_and_clears_its_messages(
        sample_path: Path) -> None:
    with PlanStore.open(sample_path) as s:
        hot = s.rows(HotButton)[0]
        ride = s.get(FieldRide, hot.field_ride_id)
        assert ride is not None
        sent = s.commit(ride_ops.send_to_messaging(s, hot))
        message = sent.of(Message)[0].after
        assert message is not None and message.field_ride_id == ride.id
        before = file_rows(sample_path)
        done = s.commit(remove([ride]))
        assert s.get(HotButton, hot.id) is None
        assert s.get(Message, message.id).field_ride_id is None  # type: ignore[union-attr]
        s.commit(done.inverse())
        assert file_rows(sample_path) == before


def test_a_new_wording_withdraws_both_sign_offs_and_undo_restores_them(
        sample_path: Path) -> None:
    with PlanStore.open(sample_path) as s:
        goal = next(g for g in s.rows(Goal) if is_agreed(g))
        done = s.commit(edit(goal, success_measure="Something else 5%"))
        now = s.get(Goal, goal.id)
        assert now is not None and not is_agreed(now) and now.sales_signed_by_id is None
        s.commit(done.inverse())
        assert s.get(Goal, goal.id) == goal


def test_an_owner_change_keeps_sign_offs(sample_path: Path) -> None:
    with PlanStore.open(sample_path) as s:
        goal = next(g for g in s.rows(Goal) if is_agreed(g))
        other = next(p for p in s.rows(Person)
                     if p.id != goal.sales_owner_id and p.team is Team.SALES)
        s.commit(edit(goal, sales_owner_id=other.id))
        assert is_agreed(s.get(Goal, goal.id))  # type: ignore[arg-type]


@pytest.mark.parametrize(("changes", "message"), [
    ({"title": ""}, "cannot be empty"),
    ({"title": "   "}, "cannot be empty"),
    ({"title": "x" * (SHORT_TEXT_MAX + 1)}, "the limit is"),
    ({"description": "y" * (LONG_TEXT_MAX + 1)}, "the limit is"),
    ({"title": "bad\x00byte"}, "NUL"),
    ({"title": "lone \ud800 surrogate"}, "lone surrogate"),
    ({"status": "finished"}, "status is not valid"),
    ({"due_date": "next week"}, "due date .* is not a valid date"),
    ({"due_date": date(1066, 10, 14)}, "outside the years"),
    ({"position": 10**12}, "out of range"),
    ({"position": 1.5}, "whole number"),
])
def test_bad_values_are_refused_and_change_nothing(store: PlanStore, plan_path: Path, changes,  # type: ignore[no-untyped-def]
                                                   message: str) -> None:
    change, goal = goal_ops.add_goal(store, "Grow")
    store.commit(change)
    goal = store.get(Goal, goal.id)
    before = file_rows(plan_path)
    with pytest.raises(InvalidEdit, match=message):
        store.commit(edit(goal, **changes))  # type: ignore[type-var]
    assert file_rows(plan_path) == before and store.get(Goal, goal.id) == goal  # type: ignore[union-attr]


@pytest.mark.parametrize("number", [float("nan"), float("inf"), -float("inf"), 1e300])
def test_numbers_must_be_finite_and_in_range(store: PlanStore, number: float) -> None:
    metric = new(Metric, name="MQLs")
    store.commit(ChangeSet("Add", (added(metric),)))
    with pytest.raises(InvalidEdit, match="finite|out of range"):
        store.commit(edit(metric, baseline=number))
    assert store.get(Metric, metric.id) == metric


def test_a_backwards_period_is_refused(store: PlanStore) -> None:
    with pytest.raises(InvalidEdit, match="before the start"):
        store.commit(edit(store.plan(), period_end=date(2026, 1, 1)))
    assert store.plan().period_end == date(2027, 12, 31)


def test_markup_and_long_text_are_stored_literally(store: PlanStore) -> None:
    title = '<b>R&D</b> <img src="x"> \u00c9milie \u0394\u03ad\u03bb\u03c4\u03b1 \u0416'
    store.commit(ChangeSet("Add", (added(new(Goal, id="g", title=title,
                                                 description="z" * 10_000)),)))
    goal = store.get(Goal, "g")
    assert goal is not None and goal.title == title and len(goal.description) == 10_000


def test_a_refused_change_set_leaves_nothing_behind(store: PlanStore, plan_path: Path) -> None:
    before = file_rows(plan_path)
    with pytest.raises(InvalidEdit):
        store.commit(ChangeSet("Two", (added(new(Person, name="Ok", team=Team.SALES)),
                                       added(new(Person, name="", team=Team.SALES)))))
    assert file_rows(plan_path) == before and store.rows(Person) == ()


def test_timestamps_are_aware_utc_and_changed_rows_say_when(store: PlanStore) -> None:
    person = new(Person, id="p", name="Ada", team=Team.SALES)
    store.commit(ChangeSet("Add", (added(person),)))
    stored = store.get(Person, "p")
    assert stored is not None and stored.created_at.utcoffset() == timezone.utc.utcoffset(None)
    with pytest.raises(InvalidEdit, match="time zone"):
        store.commit(ChangeSet("Naive", (changed(stored, stored._replace(
            created_at=datetime(2027, 1, 1))),)))
    done = store.commit(edit(stored, role="VP"))
    after = store.get(Person, "p")
    assert after is not None and after.updated_at > stored.updated_at
    assert after.created_at == stored.created_at
    store.commit(done.inverse())
    assert store.get(Person, "p") == stored  # the old updated_at too


def test_a_change_prepared_on_rows_that_changed_since_is_refused(store: PlanStore) -> None:
    person = new(Person, name="Ada", team=Team.SALES)
    store.commit(ChangeSet("Add", (added(person),)))
    first = edit(person, role="VP")
    store.commit(edit(person, role="CEO"))
    with pytest.raises(InvalidEdit, match="changed since"):
        store.commit(first)
    assert store.get(Person, person.id).role == "CEO"  # type: ignore[union-attr]


def test_a_ride_pair_must_match_its_direction_and_turning_it_swaps_the_pair(
        store: PlanStore) -> None:
    mia, sam = new(Person, id="m", name="Mia", team=Team.MARKETING), \
        new(Person, id="s", name="Sam", team=Team.SALES)
    store.commit(ChangeSet("People", (added(mia), added(sam))))
    ride = new(FieldRide, id="r", direction=RideDirection.MARKETING_WITH_SALES, visitor_id="s",
               host_id="m", first_day=date(2027, 3, 1), last_day=date(2027, 3, 2))
    with pytest.raises(InvalidEdit, match="Sam is in sales, but the visitor"):
        store.commit(ChangeSet("Ride", (added(ride),)))
    store.commit(ChangeSet("Ride", (added(ride._replace(visitor_id="m", host_id="s")),)))
    ride = store.get(FieldRide, "r")  # type: ignore[assignment]
    with pytest.raises(InvalidEdit, match="Mia is in marketing, but the host"):
        store.commit(edit(ride, host_id="m"))
    # Only the direction changes: the store swaps visitor and host in the same change.
    turned = store.commit(edit(ride, direction=RideDirection.SALES_WITH_MARKETING))
    now = store.get(FieldRide, "r")
    assert now is not None and (now.visitor_id, now.host_id) == ("s", "m")
    assert turned.rows[0].fields() == ("updated_at", "direction", "visitor_id", "host_id")
    with pytest.raises(InvalidEdit, match="before the first day"):
        store.commit(edit(now, last_day=date(2027, 2, 1)))


def test_a_person_who_rides_or_owns_for_a_team_cannot_change_team(sample_path: Path) -> None:
    with PlanStore.open(sample_path) as s:
        owner = s.get(Person, s.rows(Goal)[0].sales_owner_id or "")
        assert owner is not None
        with pytest.raises(InvalidEdit, match=f"{owner.name} owns .* goals? and is on .* "
                                              "field rides? for their present team"):
            s.commit(edit(owner, team=Team.MARKETING))
        assert s.get(Person, owner.id) == owner


def test_actuals_in_bulk_are_one_change_and_one_undo(sample_path: Path) -> None:
    with PlanStore.open(sample_path) as s:
        before = file_rows(sample_path)
        metric = s.rows(Metric)[0]
        known = next(v for v in s.rows(MetricValue) if v.metric_id == metric.id)
        count = len(s.rows(MetricValue))
        done = s.commit(metric_ops.record_actuals(s, (
            (metric.id, known.period, 999.0, "corrected from CRM"),
            (metric.id, "2027-Q4", 5.0, ""))))
        assert len(s.rows(MetricValue)) == count + 1
        now = s.get(MetricValue, known.id)
        assert now is not None and now.actual == 999.0 and now.note == "corrected from CRM"
        s.commit(done.inverse())
    assert file_rows(sample_path) == before


def test_one_hundred_thousand_actuals_in_one_change(store: PlanStore) -> None:
    metrics = [new(Metric, id=f"m{k}", name=f"Metric {k}") for k in range(50)]
    store.commit(ChangeSet("Add", tuple(added(m) for m in metrics)))
    values = tuple((f"m{k}", f"{1990 + n // 12}-{n % 12 + 1:02d}", float(n), "")
                   for k in range(50) for n in range(2000))
    done = store.commit(metric_ops.record_actuals(store, values))
    assert len(store.rows(MetricValue)) == len(values)
    store.commit(done.inverse())
    assert store.rows(MetricValue) == ()


def test_the_plan_row_cannot_be_removed_or_doubled(store: PlanStore) -> None:
    with pytest.raises(InvalidEdit, match="0 plan rows"):
        store.commit(remove([store.plan()]))
    with pytest.raises(InvalidEdit, match="2 plan rows"):
        store.commit(ChangeSet("Second", (added(store.plan()._replace(id="other")),)))
    assert isinstance(store.plan(), Plan)


def test_a_restore_that_puts_back_a_day_off_under_its_old_id_is_written(
        sample_path: Path) -> None:
    """The merge gave a day off the other copy's id; restoring the version
    before it removes that row and adds the old one, same day: the file's
    unique index never sees both."""
    from planner.model import NonWorkingDay
    from planner.store.restoring import restore_change

    with PlanStore.open(sample_path) as store:
        store.commit(ride_ops.add_non_working_day(date(2027, 4, 14), "Easter"))
        version = store.save_version("Before")
        (old,) = [d for d in store.rows(NonWorkingDay) if d.day == date(2027, 4, 14)]
        renamed = old._replace(id="00000000-0000-4000-8000-000000000000")
        # Added before removed, as a change set may list them: written all the same.
        store.commit(ChangeSet("Rename", (RowChange(None, renamed), RowChange(old, None)),
                               exact=True))
        assert rows(sample_path, "SELECT id FROM non_working_day WHERE day = '2027-04-14'") \
            == [(renamed.id,)]
        store.commit(restore_change(store, version))
    assert rows(sample_path, "SELECT id FROM non_working_day WHERE day = '2027-04-14'") == [
        (old.id,)]


def test_labels_and_refusals_in_the_language_spoken(sample_path: Path) -> None:
    """The undo labels the generic operations give, and the commit's refusals,
    in German when German is spoken: as the history keeps them and the user
    reads them in Edit > Undo and in the error line."""
    from planner.i18n import speaking

    with PlanStore.open(sample_path) as store:
        goals = store.rows(Goal)[:3]
        person = new(Person, name="Ada", team=Team.SALES)
        with speaking("de"):
            store.commit(edit(store.rows(Person)[0], role="VP Vertrieb", email="a@b.de"))
            store.commit(remove(goals))
            store.commit(ChangeSet("Add", (added(person),)))
            first = edit(person, role="VP")
            store.commit(edit(person, role="CEO"))
            with pytest.raises(InvalidEdit) as stale:
                store.commit(first)
            with pytest.raises(InvalidEdit) as gone:
                store.commit(edit(goals[0], title="Neu"))
            with pytest.raises(Exception) as version:
                store.version("Q9 final")
        labels = [e.label for e in store.history()[-4:-1]]
        assert labels[:2] == ["Rolle, E-Mail ändern", "3 Ziele löschen"], labels
        assert str(stale.value) == ("Der Plan hat sich geändert, seit diese Änderung "
                                    "vorbereitet wurde; nichts wurde geändert.")
        assert str(gone.value) == "Diese Zeile ist nicht mehr im Plan; nichts wurde geändert."
        assert "hat keine Version \u201eQ9 final\u201c" in str(version.value)
        assert store.get(Person, person.id).role == "CEO"  # type: ignore[union-attr]
        assert store.get(Goal, goals[0].id) is None
