"""Three copies of the large plan, edited at random and merged in random
orders (star, chain, criss-cross, back and forth), against an oracle that
keeps the history as git does (every edit and merge a commit, with what it
had seen) and merges by contents against the best common ancestors (their
virtual ancestor in a criss-cross): git's promises, held by every order.

- a conflict is reported exactly for a field two copies changed differently
  since their merge base (a conflict settled by keeping the base's value is
  no change);
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
    edited, its value and the commit that wrote it, and every commit seen
    (its own edits and merges, and those of the copies it merged)."""

    def __init__(self, data: bytes, name: str, graph: "Graph | None" = None) -> None:
        self.store = PlanStore.from_bytes(data, name, writable=True)
        self.values: dict[FieldKey, tuple[Any, int]] = {}
        self.known: set[int] = set()
        self.graph = graph if graph is not None else Graph()

    def commit(self, number: int) -> None:
        """A commit of this copy (an edit or a merge): what it knew, and the
        value of every field as it left them."""
        self.known.add(number)
        self.graph.commits[number] = (frozenset(self.known),
                                      {k: v for k, (v, _) in self.values.items()})

    def fork(self, store: PlanStore) -> "Copy":
        """The same knowledge, over another store (a copy as it was)."""
        other = Copy.__new__(Copy)
        other.store, other.values, other.known = store, dict(self.values), set(self.known)
        other.graph = self.graph
        return other


class Graph:
    """Every commit of the three copies: what it knew (its ancestry, itself
    included) and the fields' values it left, as git's history holds them."""

    def __init__(self) -> None:
        self.commits: dict[int, tuple[frozenset[int], dict[FieldKey, Any]]] = {}

    def bases(self, one: set[int] | frozenset[int], other: set[int] | frozenset[int]
              ) -> set[int]:
        """The best common ancestors: commits both know that no other such
        commit descends from."""
        common = set(one) & set(other)
        return {c for c in common
                if not any(c in self.commits[d][0] for d in common if d != c)}

    def base_value(self, key: FieldKey, bases: set[int], depth: int = 0) -> Any:
        """The field in the merge base; with several bases, in their virtual
        ancestor (merged two by two over their own bases, as git's recursive
        strategy does; a field they settle differently is UNSETTLED)."""
        found = sorted(bases)
        value = self.commits[found[0]][1].get(key)
        ancestry = self.commits[found[0]][0]
        for other in found[1:]:
            theirs = self.commits[other][1].get(key)
            if theirs != value and value is not UNSETTLED and depth < 20:
                below = self.base_value(key, self.bases(ancestry, self.commits[other][0]),
                                        depth + 1)
                value = theirs if value == below else value if theirs == below else UNSETTLED
            elif theirs != value:
                value = UNSETTLED
            ancestry = ancestry | self.commits[other][0]
        return value


UNSETTLED = object()  # a field the ancestors of a criss-cross left differently


def _three_way(mine: Copy, theirs: Copy, key: FieldKey) -> str:
    """How a merge of THEIRS into MINE settles a field, as git's would by its
    contents against the merge base: "mine", "theirs" or "conflict"."""
    vm, vt = mine.values.get(key, (None, 0))[0], theirs.values.get(key, (None, 0))[0]
    if vm == vt:
        return "mine"
    base = mine.graph.base_value(key, mine.graph.bases(mine.known, theirs.known))
    if vt == base:
        return "mine"
    if vm == base:
        return "theirs"
    return "conflict"


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
    copy.commit(write)


def _expected(mine: Copy, theirs: Copy) -> tuple[set[FieldKey], dict[FieldKey, Any]]:
    """The oracle's merge of THEIRS into MINE: the fields in conflict, and
    the value every other edited field must have after it."""
    conflicts, values = set(), {}
    for key in mine.values.keys() | theirs.values.keys():
        way = _three_way(mine, theirs, key)
        if way == "conflict":
            conflicts.add(key)
        else:
            values[key] = (mine if way == "mine" else theirs).values.get(key, (None, 0))[0]
    return conflicts, values


def _oracle_merge(mine: Copy, theirs: Copy, take: str, writes: Iterator[int]) -> None:
    """The merge is a commit of MINE's (as git's merge commit is): a field
    that only THEIRS changed takes its value and its writer; a conflict
    settled is written by the merge itself, whichever side it took."""
    merge = next(writes)
    ways = {key: _three_way(mine, theirs, key)
            for key in mine.values.keys() | theirs.values.keys()}
    for key, way in ways.items():
        t = theirs.values.get(key, (None, 0))
        if way == "theirs":
            mine.values[key] = t
        elif way == "conflict":
            m = mine.values.get(key, (None, 0))
            mine.values[key] = (t[0] if take == "theirs" else m[0], merge)
    mine.known |= theirs.known
    mine.commit(merge)


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
    graph = Graph()
    trio = [Copy(large_bytes, f"copy{n}.tandem", graph) for n in range(3)]
    base = _tracked(trio[0].store)
    for copy in trio:
        copy.values = {key: (value, 0) for key, value in base.items()}
        copy.commit(0)
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
            a_copy = trio[a].fork(PlanStore.from_bytes(trio[a].store.copy_bytes(),
                                                       "a-then.tandem"))
            b_copy = trio[b].fork(PlanStore.from_bytes(trio[b].store.copy_bytes(),
                                                       "b-then.tandem"))
            _merge(trio[a], b_copy, "mine", writes)
            _merge(trio[b], a_copy, "mine", writes)
    # Everyone merges everyone: then every copy holds the same rows.
    for mine, theirs in ((0, 1), (0, 2), (1, 0), (2, 0)):
        _merge(trio[mine], trio[theirs], "mine", writes)
    states = [copy.store.state() for copy in trio]
    assert _same(states[0], states[1]) and _same(states[0], states[2])
    for copy in trio:
        assert not prepare(copy.store, trio[0].store).change().rows
