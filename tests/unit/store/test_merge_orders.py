"""Three copies of the large plan, edited at random and merged in random
orders (star, chain, criss-cross, back and forth), against an oracle that
knows which edit each copy has seen: git's promises, held by every order.

- a conflict is reported exactly for a field two copies changed differently
  without either having seen the other's change (since their best common
  ancestors);
- every other field ends with the newest edit either side had, so `--take`
  never reverts a change only one side made;
- once every copy has merged every other, all copies hold the same rows
  (the same ids too, for rows both sides added with one natural key).
"""

import os
from datetime import date
from collections.abc import Iterator
from itertools import count
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from planner.model import FieldRide, Goal, Metric, MetricValue, NonWorkingDay, Record
from planner.model.records import KINDS, natural_key
from planner.operations import goals, metrics, rides
from planner.operations.rows import edit
from planner.store.merge import MergePlan, merge_change, prepare
from planner.store.plan_store import PlanStore
from planner.store.versions import State

PERIODS = ("2030-11", "2030-12")
DAYS = (date(2031, 4, 14), date(2031, 5, 1))
EDITS = ("title", "description", "territory", "target", "actual", "day_off")
FieldKey = tuple[str, Any, str]  # kind, id or natural key, field


class Copy:
    """A copy of the plan and what the oracle knows of it: for each field
    edited, its value and the edit that wrote it, and every edit seen."""

    def __init__(self, data: bytes, name: str) -> None:
        self.store = PlanStore.from_bytes(data, name, writable=True)
        self.values: dict[FieldKey, tuple[Any, int]] = {}
        self.known: set[int] = set()


def _tracked(store: PlanStore) -> dict[FieldKey, Any]:
    """The fields the edits touch, by row id or natural key."""
    out: dict[FieldKey, Any] = {}
    for goal in store.rows(Goal)[:4]:
        out[("Goal", goal.id, "title")] = goal.title
        out[("Goal", goal.id, "description")] = goal.description
    for ride in store.rows(FieldRide)[:3]:
        out[("FieldRide", ride.id, "territory")] = ride.territory
    for metric in store.rows(Metric)[:2]:
        out[("Metric", metric.id, "target")] = metric.target
    for value in store.rows(MetricValue):
        if value.period in PERIODS:
            out[("MetricValue", (value.metric_id, value.period), "actual")] = value.actual
    for day in store.rows(NonWorkingDay):
        if day.day in DAYS:
            out[("NonWorkingDay", (day.day,), "occasion")] = day.occasion
    return out


def _edit(copy: Copy, what: str, n: int, write: int) -> None:
    """One edit, as the window makes it, with a value never written before."""
    store = copy.store
    text = f"{what} {write} \u00e9\u4e2d"
    goal = store.rows(Goal)[n % 4]
    ride = store.rows(FieldRide)[n % 3]
    metric = store.rows(Metric)[n % 2]
    if what == "title":
        key, change = ("Goal", goal.id, "title"), goals.reword(goal, title=text)
    elif what == "description":
        key, change = ("Goal", goal.id, "description"), goals.reword(goal, description=text)
    elif what == "territory":
        key, change = ("FieldRide", ride.id, "territory"), edit(ride, territory=text)
    elif what == "target":
        key, change = ("Metric", metric.id, "target"), edit(metric, target=float(write))
    elif what == "actual":
        period = PERIODS[n % 2]
        key = ("MetricValue", (metric.id, period), "actual")
        change = metrics.record_actuals(store, [(metric.id, period, float(write), "")])
    else:
        day = DAYS[n % 2]
        key = ("NonWorkingDay", (day,), "occasion")
        found = next((d for d in store.rows(NonWorkingDay) if d.day == day), None)
        change = rides.add_non_working_day(day, text) if found is None else \
            edit(found, occasion=text)
    store.commit(change)
    copy.values[key] = (_tracked(store)[key], write)
    copy.known.add(write)


def _expected(mine: Copy, theirs: Copy) -> tuple[set[FieldKey], dict[FieldKey, Any]]:
    """The oracle's merge of THEIRS into MINE: the fields in conflict, and
    the value every other edited field must have after it."""
    conflicts, values = set(), {}
    for key in mine.values.keys() | theirs.values.keys():
        vm, wm = mine.values.get(key, (None, 0))
        vt, wt = theirs.values.get(key, (None, 0))
        if wm == wt or wt in mine.known:
            values[key] = vm
        elif wm in theirs.known:
            values[key] = vt
        elif vm == vt:
            values[key] = vm
        else:
            conflicts.add(key)
    return conflicts, values


def _oracle_merge(mine: Copy, theirs: Copy, take: str, writes: Iterator[int]) -> None:
    """A field one side's edit is newer on takes it; a conflict settled is a
    new edit of the merge's own (as git's merge commit is), whichever side
    it took."""
    settled = {}
    for key in mine.values.keys() | theirs.values.keys():
        m, t = mine.values.get(key, (None, 0)), theirs.values.get(key, (None, 0))
        if m[1] == t[1] or t[1] in mine.known:
            continue
        if m[1] in theirs.known:
            mine.values[key] = t
        elif m[0] != t[0]:
            settled[key] = (t[0] if take == "theirs" else m[0], next(writes))
    mine.known |= theirs.known
    for key, value in settled.items():
        mine.values[key] = value
        mine.known.add(value[1])


def _conflict_keys(plan: MergePlan) -> set[FieldKey]:
    out = set()
    for c in plan.conflicts:
        row = plan.theirs[c.kind].get(c.row_id) or plan.base[c.kind].get(c.row_id) or \
            plan.merged[c.kind].get(c.row_id)
        natural = natural_key(row) if row is not None else None
        out.add((c.kind.__name__, natural if natural is not None else c.row_id, c.field))
    return out


def _merge(mine: Copy, theirs: Copy, take: str, writes: Iterator[int]) -> None:
    expected_conflicts, expected_values = _expected(mine, theirs)
    plan = prepare(mine.store, theirs.store)
    assert _conflict_keys(plan) == expected_conflicts, (_conflict_keys(plan), expected_conflicts)
    mine.store.commit(merge_change(mine.store, plan, take=take))  # type: ignore[arg-type]
    _oracle_merge(mine, theirs, take, writes)
    now = _tracked(mine.store)
    for key, value in expected_values.items():
        assert now[key] == value, key
    for key, (value, _) in mine.values.items():
        assert now[key] == value, key


def _same(a: State, b: State) -> bool:
    def strip(row: Record) -> tuple[Any, ...]:
        return tuple(v for f, v in zip(row._fields, row, strict=True) if f != "updated_at")
    return all(a[k].keys() == b[k].keys() and all(strip(a[k][i]) == strip(b[k][i]) for i in a[k])
               for k in KINDS)


STEP = st.one_of(
    st.tuples(st.just("edit"), st.integers(0, 2), st.sampled_from(EDITS), st.integers(0, 11)),
    st.tuples(st.just("merge"), st.integers(0, 2), st.integers(0, 2),
              st.sampled_from(["mine", "theirs"])),
    st.tuples(st.just("swap"), st.integers(0, 2), st.integers(0, 2), st.just("")))
PROPERTY = settings(max_examples=int(os.environ.get("TANDEM_MERGE_EXAMPLES", "40")) // 2,
                    deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                          HealthCheck.too_slow])


@PROPERTY
@given(steps=st.lists(STEP, min_size=4, max_size=16))
def test_every_merge_order_keeps_gits_promises(large_bytes: bytes, steps: list[Any]) -> None:
    trio = [Copy(large_bytes, f"copy{n}.tandem") for n in range(3)]
    base = _tracked(trio[0].store)
    for copy in trio:
        copy.values = {key: (value, 0) for key, value in base.items()}
        copy.known = {0}
    writes = count(1)
    for step in steps:
        if step[0] == "edit":
            _, who, what, n = step
            _edit(trio[who], what, n, next(writes))
            continue
        _, a, b, take = step
        if a == b:
            continue
        if step[0] == "merge":
            _merge(trio[a], trio[b], take, writes)
        else:  # both merge each other at the same moment: a criss-cross
            a_then = PlanStore.from_bytes(trio[a].store.copy_bytes(), "a-then.tandem")
            b_copy = Copy.__new__(Copy)
            b_copy.store, b_copy.values, b_copy.known = (
                PlanStore.from_bytes(trio[b].store.copy_bytes(), "b-then.tandem"),
                dict(trio[b].values), set(trio[b].known))
            a_copy = Copy.__new__(Copy)
            a_copy.store, a_copy.values, a_copy.known = (
                a_then, dict(trio[a].values), set(trio[a].known))
            _merge(trio[a], b_copy, "mine", writes)
            _merge(trio[b], a_copy, "mine", writes)
    # Everyone merges everyone: then every copy holds the same rows.
    for mine, theirs in ((0, 1), (0, 2), (1, 0), (2, 0)):
        _merge(trio[mine], trio[theirs], "mine", writes)
    states = [copy.store.state() for copy in trio]
    assert _same(states[0], states[1]) and _same(states[0], states[2])
    for copy in trio:
        assert not prepare(copy.store, trio[0].store).change().rows
