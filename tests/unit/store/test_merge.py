"""Merging two copies of a plan: three-way, by row and by field, from the
ancestor the two histories share; conflicts exactly where both changed."""

import os
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from planner.changes import ChangeSet
from planner.errors import InvalidEdit, PlanError
from planner.model import FieldRide, Goal, Metric, Person, Plan, Record
from planner.model.enums import GoalStatus
from planner.model.records import KINDS
from planner.operations import goals, rides
from planner.operations.rows import edit, remove
from planner.rules.signoff import has_signed
from planner.store.merge import BOOKKEEPING, merge_change, prepare
from tests.acting import as_head, signer
from planner.store.plan_store import PlanStore, new_plan
from planner.store.versions import State


def copies(data: bytes) -> tuple[PlanStore, PlanStore]:
    return (PlanStore.from_bytes(data, "mine.tandem", writable=True),
            PlanStore.from_bytes(data, "theirs.tandem", writable=True))


def title(store: PlanStore, goal_id: str) -> str:
    goal = store.get(Goal, goal_id)
    assert goal is not None
    return goal.title


def test_changes_on_one_side_go_in_and_a_field_both_changed_is_a_conflict(
        large_bytes: bytes) -> None:
    mine, theirs = copies(large_bytes)
    g0, g1, g2 = mine.rows(Goal)[:3]
    mine.commit(edit(g0, title="Mine"))
    theirs.commit(edit(theirs.get(Goal, g0.id), title="Theirs"))  # type: ignore[arg-type]
    theirs.commit(edit(theirs.get(Goal, g1.id), title="Only theirs"))  # type: ignore[arg-type]
    mine.commit(edit(mine.get(Goal, g2.id), description="Only mine"))  # type: ignore[arg-type]
    plan = prepare(mine, theirs)
    assert [(c.kind, c.row_id, c.field, c.mine, c.theirs, c.base) for c in plan.conflicts] == [
        (Goal, g0.id, "title", "Mine", "Theirs", g0.title)]
    with pytest.raises(InvalidEdit, match="1 conflict"):
        plan.change()
    mine.commit(plan.change({plan.conflicts[0].key: ("value", "Both of ours")}))
    assert (title(mine, g0.id), title(mine, g1.id)) == ("Both of ours", "Only theirs")
    assert mine.get(Goal, g2.id).description == "Only mine"  # type: ignore[union-attr]
    # Merged once, the same copy brings nothing new; its later changes merge cleanly.
    again = prepare(mine, theirs)
    assert again.conflicts == () and not again.change().recorded
    theirs.commit(edit(theirs.get(Goal, g1.id), title="Theirs later"))  # type: ignore[arg-type]
    mine.commit(edit(mine.get(Goal, g0.id), title="Mine later"))  # type: ignore[arg-type]
    later = prepare(mine, theirs)
    assert later.conflicts == ()
    mine.commit(later.change())
    assert (title(mine, g0.id), title(mine, g1.id)) == ("Mine later", "Theirs later")
    # And the other way round: theirs takes everything mine settled, no question asked.
    back = prepare(theirs, mine)
    assert back.conflicts == ()
    theirs.commit(back.change())
    assert theirs.state() == mine.state() or _same_but_bookkeeping(theirs.state(), mine.state())


def _same_but_bookkeeping(a: State, b: State) -> bool:
    return all(a[k].keys() == b[k].keys() and all(
        _strip(a[k][i]) == _strip(b[k][i]) for i in a[k]) for k in KINDS)


def _strip(row: Record) -> tuple[Any, ...]:
    return tuple(v for f, v in zip(row._fields, row, strict=True) if f not in BOOKKEEPING)


def test_removed_on_one_side_and_changed_or_used_on_the_other_is_a_conflict(
        large_bytes: bytes) -> None:
    mine, theirs = copies(large_bytes)
    ride = mine.rows(FieldRide)[0]
    mine.commit(remove([ride]))
    theirs.commit(edit(theirs.get(FieldRide, ride.id), territory="Changed"))  # type: ignore[arg-type]
    person = mine.rows(Person)[-1]
    mine.commit(remove([mine.get(Person, person.id)]))  # type: ignore[list-item]
    added, new_ride = rides.add_ride(theirs, theirs.plan().period_start)
    theirs.commit(added)
    host = theirs.get(FieldRide, new_ride.id)
    assert host is not None
    theirs.commit(edit(host, host_id=person.id, visitor_id=None))
    plan = prepare(mine, theirs)
    rows = {(c.kind, c.row_id): c for c in plan.conflicts if c.field is None}
    assert rows.keys() == {(FieldRide, ride.id), (Person, person.id)}
    assert rows[(FieldRide, ride.id)].mine is None
    kept = {c.key: "theirs" for c in plan.conflicts}
    mine.commit(plan.change(kept))
    assert mine.get(FieldRide, ride.id).territory == "Changed"  # type: ignore[union-attr]
    assert mine.get(Person, person.id) is not None
    assert mine.get(FieldRide, new_ride.id).host_id == person.id  # type: ignore[union-attr]


def test_a_ride_changed_in_one_copy_and_removed_with_its_host_in_the_other_is_found_both_ways(
        large_bytes: bytes) -> None:
    # Found by the merge property: which copy merges which must not change
    # the questions asked.
    mine, theirs = copies(large_bytes)
    as_head(theirs)
    ride = next(r for r in mine.rows(FieldRide) if r.host_id)
    mine.commit(edit(ride, territory="Changed"))
    theirs.commit(remove([theirs.get(FieldRide, ride.id)]))  # type: ignore[list-item]
    theirs.commit(remove([theirs.get(Person, ride.host_id)]))  # type: ignore[list-item]
    asked = {(c.kind, c.row_id) for c in prepare(mine, theirs).conflicts}
    assert asked == {(FieldRide, ride.id), (Person, ride.host_id)}
    assert {(c.kind, c.row_id) for c in prepare(theirs, mine).conflicts} == asked
    # Keeping the changed ride keeps the person it needs.
    mine.commit(prepare(mine, theirs).change(take="mine"))
    assert mine.get(FieldRide, ride.id).territory == "Changed"  # type: ignore[union-attr]
    assert mine.get(Person, ride.host_id) is not None  # type: ignore[arg-type]


def test_letting_a_used_row_go_clears_what_refers_to_it(large_bytes: bytes) -> None:
    mine, theirs = copies(large_bytes)
    person = mine.rows(Person)[-1]
    mine.commit(remove([person]))
    added, new_ride = rides.add_ride(theirs, theirs.plan().period_start)
    theirs.commit(added)
    ride = theirs.get(FieldRide, new_ride.id)
    assert ride is not None
    theirs.commit(edit(ride, host_id=person.id))
    plan = prepare(mine, theirs)
    mine.commit(plan.change(take="mine"))
    assert mine.get(Person, person.id) is None
    assert mine.get(FieldRide, new_ride.id).host_id is None  # type: ignore[union-attr]


def test_a_signed_goal_reworded_by_the_merge_loses_its_sign_offs(large_bytes: bytes) -> None:
    mine, theirs = copies(large_bytes)
    goal = next(g for g in mine.rows(Goal) if has_signed(g, "sales"))
    theirs.commit(edit(theirs.get(Goal, goal.id), title="Reworded"))  # type: ignore[arg-type]
    signed_again = mine.get(Goal, goal.id)
    assert signed_again is not None
    mine.commit(edit(signed_again, description="Mine adds a line"))
    plan = prepare(mine, theirs)
    mine.commit(plan.change(take="mine"))
    merged = mine.get(Goal, goal.id)
    assert merged is not None and merged.title == "Reworded"
    assert not has_signed(merged, "sales") and not has_signed(merged, "marketing")


def test_fields_fine_alone_but_not_together_become_conflicts(large_bytes: bytes) -> None:
    mine, theirs = copies(large_bytes)
    ride = mine.rows(FieldRide)[0]
    later = ride.first_day + timedelta(days=40)
    mine.commit(edit(ride, first_day=later, last_day=later + timedelta(days=1)))
    theirs.commit(edit(theirs.get(FieldRide, ride.id), last_day=ride.first_day))  # type: ignore[arg-type]
    plan = prepare(mine, theirs)
    assert {c.field for c in plan.conflicts} == {"first_day", "last_day"}
    mine.commit(plan.change(take="theirs"))
    merged = mine.get(FieldRide, ride.id)
    assert merged is not None and (merged.first_day, merged.last_day) == (
        ride.first_day, ride.first_day)


def test_another_plan_is_refused(large_bytes: bytes, tmp_path: Path) -> None:
    mine, _ = copies(large_bytes)
    other = PlanStore.create(tmp_path / "other.tandem", new_plan(
        "Other", mine.plan().period_start, mine.plan().period_end))
    with pytest.raises(PlanError, match="not a copy of this plan"):
        prepare(mine, other)
    other.close()


def test_undoing_a_merge_takes_back_what_it_brought_in(large_bytes: bytes) -> None:
    mine, theirs = copies(large_bytes)
    goal = mine.rows(Goal)[5]
    theirs.commit(edit(theirs.get(Goal, goal.id), title="From theirs"))  # type: ignore[arg-type]
    before = mine.state()
    merged = mine.commit(prepare(mine, theirs).change())
    mine.commit(merged.inverse())
    assert mine.state() == before
    again = prepare(mine, theirs)  # offered again, as if never merged
    mine.commit(again.change())
    assert title(mine, goal.id) == "From theirs"


def test_copies_without_a_shared_history_merge_from_the_rows_they_began_with(
        tmp_path: Path) -> None:
    """Two copies of a plan made before the history existed (format 5)."""
    from tests.conftest import FIXTURES

    paths = []
    for name in ("a.tandem", "b.tandem"):
        (tmp_path / name).write_bytes((FIXTURES / "plan-v5.tandem").read_bytes())
        paths.append(tmp_path / name)
    with PlanStore.open(paths[0]) as mine, PlanStore.open(paths[1]) as theirs:
        g0, g1 = mine.rows(Goal)[:2]
        mine.commit(edit(g0, title="Mine"))
        theirs.commit(edit(theirs.get(Goal, g1.id), title="Theirs"))  # type: ignore[arg-type]
        plan = prepare(mine, theirs)
        assert plan.conflicts == ()
        mine.commit(plan.change())
        assert (title(mine, g0.id), title(mine, g1.id)) == ("Mine", "Theirs")


# -- properties, on two copies of the large sample plan ------------------------------

texts = st.sampled_from(["Win back lapsed accounts", "<b>R&D</b>", "\u4e2d\u6587 \U0001f680",
                         "Line one\nline two", "Q3 push", "x" * 120])
OPS = st.lists(st.tuples(st.sampled_from(["title", "description", "status", "move_ride",
                                          "remove_ride", "add_ride", "sign", "target",
                                          "remove_person", "territory"]),
                         st.integers(0, 11), texts), min_size=1, max_size=12)
# Small picks: both sides work on the same few rows, so conflicts are common.


def apply(store: PlanStore, ops: list[tuple[str, int, str]]) -> None:
    """Each operation as the window would commit it; a refusal changes nothing."""
    for op, n, text in ops:
        try:
            change = _operation(store, op, n, text)
            if change is not None:
                store.commit(change)
        except PlanError:
            pass


def _pick(store: PlanStore, kind: Any, n: int) -> Any:
    found = store.rows(kind)
    return found[n % len(found)] if found else None


def _operation(store: PlanStore, op: str, n: int, text: str) -> ChangeSet | None:
    goal, ride = _pick(store, Goal, n), _pick(store, FieldRide, n)
    if op == "title" and goal:
        return goals.reword(goal, title=text)
    if op == "description" and goal:
        return goals.reword(goal, description=text)
    if op == "status" and goal:
        return goals.set_status([goal], list(GoalStatus)[n % 4])
    if op == "sign" and goal:
        side = "sales" if n % 2 else "marketing"
        if getattr(store.plan(), f"head_of_{side}_id") is None:
            return None  # an earlier step removed that side's head: nobody can sign
        return goals.sign_off([goal], side, signer(store, side))  # type: ignore[arg-type]
    if op == "move_ride" and ride:
        return rides.move_ride(store, ride, n % 9 - 4)
    if op == "remove_ride" and ride:
        return remove([ride])
    if op == "add_ride":
        return rides.add_ride(store, store.plan().period_start + timedelta(days=n * 25))[0]
    if op == "territory" and ride:
        return edit(ride, territory=text[:40])
    if op == "target":
        metric = _pick(store, Metric, n)
        return edit(metric, target=float(n % 1000)) if metric else None
    if op == "remove_person":
        person = _pick(store, Person, n)
        return remove([person]) if person and n % 4 == 0 else None
    return None


def _field_conflicts(base: State, mine: State, theirs: State) -> set[tuple[Any, ...]]:
    """By definition: fields of a row both sides kept, both changed, differently."""
    out = set()
    for kind in KINDS:
        for row_id, b in base[kind].items():
            m, t = mine[kind].get(row_id), theirs[kind].get(row_id)
            if m is None or t is None:
                continue
            for field in b._fields:
                if field == "updated_at":
                    continue
                bv, mv, tv = getattr(b, field), getattr(m, field), getattr(t, field)
                if mv != bv and tv != bv and mv != tv:
                    out.add((kind.__name__, row_id, field))
    return out


PROPERTY = settings(max_examples=int(os.environ.get("TANDEM_MERGE_EXAMPLES", "40")),
                    deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                          HealthCheck.too_slow])


@PROPERTY
@given(mine_ops=OPS, theirs_ops=OPS)
def test_merge_properties(large_bytes: bytes, mine_ops: list[Any], theirs_ops: list[Any]) -> None:
    mine, theirs = copies(large_bytes)
    base = mine.state()
    apply(mine, mine_ops)
    apply(theirs, theirs_ops)
    plan = prepare(mine, theirs)
    assert plan.base == base  # found from the shared history
    m, t = plan.mine, plan.theirs
    conflicted = {c.key for c in plan.conflicts}
    rows_in_conflict = {(c.kind.__name__, c.row_id) for c in plan.conflicts if c.field is None}
    # The conflicts are exactly the fields both changed differently (rows both kept)...
    assert {k for k in conflicted if k[2] is not None} == _field_conflicts(base, m, t)
    # ...and the rows one side removed while the other changed them.
    for kind in KINDS:
        for row_id, b in base[kind].items():
            mr, tr = m[kind].get(row_id), t[kind].get(row_id)
            if (mr is None) != (tr is None) and (mr or tr) != b:
                assert (kind.__name__, row_id) in rows_in_conflict
    # Every change made on one side only is in the merge.
    for kind in KINDS:
        for row_id in base[kind].keys() | m[kind].keys() | t[kind].keys():
            if (kind.__name__, row_id) in rows_in_conflict:
                continue
            b, mr, tr = base[kind].get(row_id), m[kind].get(row_id), t[kind].get(row_id)
            got = plan.merged[kind].get(row_id)
            if mr == b and tr != b:
                assert got == tr
            elif tr == b:
                assert got == mr
    # Both directions agree on every field that is not a conflict.
    other = prepare(theirs, mine)
    assert {c.key for c in other.conflicts} == conflicted
    for kind in KINDS:
        for row_id in plan.merged[kind].keys() | other.merged[kind].keys():
            a, b2 = plan.merged[kind].get(row_id), other.merged[kind].get(row_id)
            if (kind.__name__, row_id) in rows_in_conflict:
                continue
            assert (a is None) == (b2 is None)
            if a is not None and b2 is not None:
                for field in a._fields:
                    if (kind.__name__, row_id, field) not in conflicted and field != "updated_at":
                        assert getattr(a, field) == getattr(b2, field), (kind, field)
    # Merging a copy with itself, or with its own ancestor, changes nothing.
    assert not prepare(mine, PlanStore.from_bytes(mine.copy_bytes(), "same.tandem")
                       ).change().rows
    ancestor = PlanStore.from_bytes(large_bytes, "ancestor.tandem")
    assert not prepare(mine, ancestor).change().rows
    # The merge is one change; undone, MINE is exactly as it was.
    before = mine.state()
    committed = mine.commit(plan.change(take="mine"))
    mine.commit(committed.inverse())
    assert mine.state() == before
    assert mine.plan().id == theirs.plan().id == base[Plan][mine.plan().id].id


# -- several best common ancestors (criss-cross) -----------------------------------------

def _swap(a: PlanStore, b: PlanStore) -> None:
    """Both merge each other at the same moment: each from the other as it was."""
    a_then = PlanStore.from_bytes(a.copy_bytes(), "a-then.tandem")
    b_then = PlanStore.from_bytes(b.copy_bytes(), "b-then.tandem")
    a.commit(prepare(a, b_then).change())
    b.commit(prepare(b, a_then).change())


def test_a_criss_cross_merge_finds_both_ancestors_and_raises_no_false_conflict(
        large_bytes: bytes) -> None:
    sales, marketing = copies(large_bytes)
    g0, g1 = sales.rows(Goal)[:2]
    sales.commit(edit(g0, title="Sales wording"))
    marketing.commit(edit(marketing.get(Goal, g1.id), title="Marketing wording"))  # type: ignore[arg-type]
    _swap(sales, marketing)
    sales.commit(edit(sales.get(Goal, g0.id), title="Sales wording, revised"))  # type: ignore[arg-type]
    plan = prepare(marketing, sales)
    assert plan.ancestors == 2
    # The virtual ancestor holds both first edits, so only the revision is new.
    assert plan.base[Goal][g0.id].title == "Sales wording"
    assert plan.base[Goal][g1.id].title == "Marketing wording"
    assert plan.conflicts == ()
    marketing.commit(merge_change(marketing, plan, take="mine"))
    assert (title(marketing, g0.id), title(marketing, g1.id)) == (
        "Sales wording, revised", "Marketing wording")
    # --take theirs, the other way, does not revert marketing's own edit either.
    back = prepare(sales, marketing)
    assert back.conflicts == ()
    sales.commit(merge_change(sales, back, take="theirs"))
    assert sales.state() == marketing.state() or _same_but_bookkeeping(
        sales.state(), marketing.state())


def test_a_real_conflict_after_a_criss_cross_shows_the_virtual_ancestor(
        large_bytes: bytes) -> None:
    sales, marketing = copies(large_bytes)
    g0, g1 = sales.rows(Goal)[:2]
    sales.commit(edit(g0, title="Sales wording"))
    marketing.commit(edit(marketing.get(Goal, g1.id), title="Marketing wording"))  # type: ignore[arg-type]
    _swap(sales, marketing)
    sales.commit(edit(sales.get(Goal, g1.id), title="Sales on g1"))  # type: ignore[arg-type]
    marketing.commit(edit(marketing.get(Goal, g1.id), title="Marketing on g1"))  # type: ignore[arg-type]
    plan = prepare(sales, marketing)
    assert [(c.field, c.base, c.mine, c.theirs) for c in plan.conflicts] == [
        ("title", "Marketing wording", "Sales on g1", "Marketing on g1")]


def test_criss_crossed_conflicts_settled_alike_are_not_asked_again(large_bytes: bytes) -> None:
    """Both merged the other's conflicting title and each took the same side;
    the virtual ancestor keeps the first ancestor's title there, so the next
    merge sees both copies agree."""
    sales, marketing = copies(large_bytes)
    goal = sales.rows(Goal)[3]
    sales.commit(edit(goal, title="Sales"))
    marketing.commit(edit(marketing.get(Goal, goal.id), title="Marketing"))  # type: ignore[arg-type]
    a_then = PlanStore.from_bytes(sales.copy_bytes(), "a.tandem")
    b_then = PlanStore.from_bytes(marketing.copy_bytes(), "b.tandem")
    sales.commit(prepare(sales, b_then).change(take="theirs"))
    marketing.commit(prepare(marketing, a_then).change(take="mine"))
    plan = prepare(sales, marketing)
    assert plan.ancestors == 2 and plan.conflicts == ()
    assert title(sales, goal.id) == title(marketing, goal.id) == "Marketing"


# -- rows that mean the same thing ------------------------------------------------------

def test_the_same_day_off_added_on_both_sides_is_one_row(large_bytes: bytes) -> None:
    from datetime import date

    from planner.model import NonWorkingDay

    mine, theirs = copies(large_bytes)
    easter = date(2027, 4, 14)
    mine.commit(rides.add_non_working_day(easter, "Easter Monday"))
    theirs.commit(rides.add_non_working_day(easter, "Easter Monday"))
    plan = prepare(mine, theirs)
    assert plan.conflicts == ()
    mine.commit(merge_change(mine, plan))
    theirs.commit(merge_change(theirs, prepare(theirs, mine)))
    days = [[d for d in s.rows(NonWorkingDay) if d.day == easter] for s in (mine, theirs)]
    assert len(days[0]) == len(days[1]) == 1 and days[0] == days[1]  # one row, one id
    # Different occasions: one conflict, on the occasion, and either side can win.
    mine2, theirs2 = copies(large_bytes)
    mine2.commit(rides.add_non_working_day(easter, "Easter"))
    theirs2.commit(rides.add_non_working_day(easter, "Easter Monday"))
    plan = prepare(mine2, theirs2)
    assert [(c.kind, c.field, c.mine, c.theirs, c.base) for c in plan.conflicts] == [
        (NonWorkingDay, "occasion", "Easter", "Easter Monday", None)]
    mine2.commit(merge_change(mine2, plan, take="theirs"))
    assert [d.occasion for d in mine2.rows(NonWorkingDay) if d.day == easter] == [
        "Easter Monday"]


def test_the_same_months_actual_is_one_row_and_two_values_are_one_conflict(
        large_bytes: bytes) -> None:
    from planner.model import MetricValue
    from planner.operations import metrics

    for mine_value, theirs_value in ((12.0, 12.0), (12.0, 10.0)):
        mine, theirs = copies(large_bytes)
        metric = mine.rows(Metric)[0]
        november = "2030-11"
        mine.commit(metrics.record_actuals(mine, [(metric.id, november, mine_value, "")]))
        theirs.commit(metrics.record_actuals(theirs, [(metric.id, november, theirs_value, "")]))
        plan = prepare(mine, theirs)
        expected = [] if mine_value == theirs_value else [("actual", 12.0, 10.0)]
        assert [(c.field, c.mine, c.theirs) for c in plan.conflicts] == expected
        mine.commit(merge_change(mine, plan, take="theirs"))
        actuals = [v.actual for v in mine.rows(MetricValue)
                   if (v.metric_id, v.period) == (metric.id, november)]
        assert actuals == [theirs_value]


def test_an_actual_changed_on_one_side_after_both_recorded_it_goes_in(
        large_bytes: bytes) -> None:
    from planner.model import MetricValue
    from planner.operations import metrics

    mine, theirs = copies(large_bytes)
    metric = mine.rows(Metric)[0]
    for store in (mine, theirs):
        store.commit(metrics.record_actuals(store, [(metric.id, "2030-11", 10.0, "")]))
    mine.commit(merge_change(mine, prepare(mine, theirs)))
    theirs.commit(merge_change(theirs, prepare(theirs, mine)))
    theirs.commit(metrics.record_actuals(theirs, [(metric.id, "2030-11", 11.0, "corrected")]))
    plan = prepare(mine, theirs)
    assert plan.conflicts == ()
    mine.commit(merge_change(mine, plan))
    (value,) = [v for v in mine.rows(MetricValue) if (v.metric_id, v.period) ==
                (metric.id, "2030-11")]
    assert (value.actual, value.note) == (11.0, "corrected")


def test_the_same_link_added_on_both_sides_is_one_row(large_bytes: bytes) -> None:
    from planner.model import MetricGoal
    from planner.operations.rows import add, new

    mine, theirs = copies(large_bytes)
    linked = {(m.metric_id, m.goal_id) for m in mine.rows(MetricGoal)}
    metric, goal = next((m, g) for m in mine.rows(Metric) for g in mine.rows(Goal)
                        if (m.id, g.id) not in linked)
    for store in (mine, theirs):
        store.commit(add(new(MetricGoal, metric_id=metric.id, goal_id=goal.id)))
    plan = prepare(mine, theirs)
    assert plan.conflicts == ()
    mine.commit(merge_change(mine, plan))
    assert len([m for m in mine.rows(MetricGoal)
                if (m.metric_id, m.goal_id) == (metric.id, goal.id)]) == 1


def test_a_person_added_on_both_sides_with_one_email_is_one_person(large_bytes: bytes) -> None:
    from planner.model.enums import Team
    from planner.operations.rows import add, new

    mine, theirs = copies(large_bytes)
    people = []
    for store, name in ((mine, "Ana Ruiz"), (theirs, "Ana Ruiz")):
        person = new(Person, name=name, team=Team.SALES, email="ana@example.com")
        store.commit(add(person))
        people.append(person)
    # Theirs already gives her a ride to host.
    ride = next(r for r in theirs.rows(FieldRide) if r.host_id and theirs.get(
        Person, r.host_id).team is Team.SALES)  # type: ignore[union-attr]
    theirs.commit(edit(ride, host_id=people[1].id))
    plan = prepare(mine, theirs)
    assert plan.conflicts == ()
    mine.commit(merge_change(mine, plan))
    anas = [p for p in mine.rows(Person) if p.email == "ana@example.com"]
    assert len(anas) == 1
    assert mine.get(FieldRide, ride.id).host_id == anas[0].id  # type: ignore[union-attr]
    theirs.commit(merge_change(theirs, prepare(theirs, mine)))
    assert [p.id for p in theirs.rows(Person) if p.email == "ana@example.com"] == [anas[0].id]
    assert _same_but_bookkeeping(mine.state(), theirs.state())


def test_a_person_removed_in_mine_and_changed_and_used_in_theirs_is_one_conflict(
        large_bytes: bytes) -> None:
    from planner.outline.changes import conflict_line

    mine, theirs = copies(large_bytes)
    person = mine.rows(Person)[-1]
    mine.commit(remove([person]))
    theirs.commit(edit(theirs.get(Person, person.id), territory="North"))  # type: ignore[arg-type]
    ride = theirs.rows(FieldRide)[1]
    theirs.commit(edit(ride, host_id=person.id, visitor_id=None))
    plan = prepare(mine, theirs)
    lines = [conflict_line(c, plan.base, plan.mine, plan.theirs) for c in plan.conflicts]
    assert len(lines) == len(set(lines)) == len({c.key for c in plan.conflicts})
    assert [c.key for c in plan.conflicts if c.kind is Person] == [
        ("Person", person.id, None)]


# -- one commit, asked first -----------------------------------------------------------

def test_the_version_before_a_merge_is_in_the_merges_commit_and_goes_with_its_undo(
        large_bytes: bytes) -> None:
    mine, theirs = copies(large_bytes)
    goal = mine.rows(Goal)[7]
    theirs.commit(edit(theirs.get(Goal, goal.id), title="From theirs"))  # type: ignore[arg-type]
    before, head = mine.state(), mine.head()
    change = merge_change(mine, prepare(mine, theirs))
    assert mine.versions() == [] and mine.head() == head  # asking wrote nothing
    committed = mine.commit(change)
    (version,) = mine.versions()
    assert (version.name, version.seq, version.automatic) == (
        "Before merging theirs.tandem", head, True)
    assert mine.state(version.seq) == before
    undone = mine.commit(committed.inverse())
    assert mine.versions() == [] and mine.state() == before
    mine.commit(undone.inverse())  # redo: the merge and its version again
    assert [v.name for v in mine.versions()] == ["Before merging theirs.tandem"]
    assert title(mine, goal.id) == "From theirs"


def test_a_merge_the_commit_would_refuse_is_refused_before_anything_is_written(
        large_bytes: bytes) -> None:
    """A person of theirs moves to the other team while mine gives them a goal
    to own for their present team: each side fine, together refused."""
    from planner.model.enums import Team

    from planner.operations.rows import add, new

    start = PlanStore.from_bytes(large_bytes, "start.tandem", writable=True)
    person = new(Person, name="Noor Haddad", team=Team.SALES)
    start.commit(add(person))
    mine, theirs = copies(start.copy_bytes())
    goal = next(g for g in mine.rows(Goal) if not has_signed(g, "sales"))
    mine.commit(edit(goal, sales_owner_id=person.id))
    theirs.commit(edit(theirs.get(Person, person.id), team=Team.MARKETING))  # type: ignore[arg-type]
    plan = prepare(mine, theirs)
    assert plan.conflicts == ()
    before, head = mine.copy_bytes(), mine.head()
    with pytest.raises(InvalidEdit, match=person.name):
        merge_change(mine, plan)
    assert mine.head() == head and mine.versions() == []
    assert mine.copy_bytes() == before
