"""The window's start: only the plan's own row is read before the first
section is built; each kind is read and checked when first asked for, the
rest while the window is idle (`check_step`). A row no Tandem could use
refuses the plan with the sentence opening would have said, whenever it is
read, and nothing is written. Real files, tampered with sqlite3."""

import sqlite3
import time
from pathlib import Path

import pytest

from planner.errors import PlanFileError
from planner.model import FieldRide, Goal, Message, Person
from planner.operations import goals as goal_ops
from planner.store.plan_store import PlanStore


def tamper(path: Path, sql: str) -> None:
    conn = sqlite3.connect(path)
    conn.execute(sql)
    conn.commit()
    conn.close()


def finish(store: PlanStore) -> int:
    """Steps as the idle window takes them, until none is left; how many read."""
    steps, deadline = 0, time.monotonic() + 20
    while store.check_step():
        steps += 1
        assert time.monotonic() < deadline
        time.sleep(0.001)  # the thread's question meanwhile
    return steps


def test_what_a_plan_shows_read_on_demand_is_what_reading_it_whole_shows(
        sample_path: Path) -> None:
    with PlanStore.open(sample_path, read_only=True) as whole:
        expected = {kind: whole.rows(kind) for kind in (Goal, Person, FieldRide, Message)}
    with PlanStore.open(sample_path, check_later=True, on_demand=True) as store:
        assert store.plan().title
        assert store.rows(Goal) == expected[Goal]  # asked for: read now
        assert finish(store) > 0  # the rest, a kind a step
        assert store.refusal is None
        store.finish_checking()
        for kind, rows in expected.items():
            assert store.rows(kind) == rows


def test_a_ride_no_tandem_could_use_refuses_the_plan_once_read_while_idle(
        sample_path: Path) -> None:
    tamper(sample_path, "UPDATE field_ride SET last_day = '1999-01-01' "
           "WHERE id = (SELECT min(id) FROM field_ride)")
    with pytest.raises(PlanFileError) as whole:
        PlanStore.open(sample_path)
    assert "field ride" in str(whole.value)
    before = sample_path.read_bytes()
    store = PlanStore.open(sample_path, check_later=True, on_demand=True)
    try:
        goals = store.rows(Goal)
        assert goals and store.refusal is None  # the goals are sound: shown
        finish(store)
        assert store.refusal == str(whole.value)
        with pytest.raises(PlanFileError, match="field ride"):
            store.finish_checking()
        edit = goal_ops.reword(goals[0], title="Renamed")
        with pytest.raises(PlanFileError):
            store.commit(edit)
        assert store.read_only and store.read_only_reason == str(whole.value)
    finally:
        store.close()
    assert sample_path.read_bytes() == before


def test_a_goal_no_tandem_could_use_shows_nothing_of_goals_and_says_why(
        sample_path: Path) -> None:
    tamper(sample_path, "UPDATE goal SET title = '' WHERE id = (SELECT min(id) FROM goal)")
    with pytest.raises(PlanFileError) as whole:
        PlanStore.open(sample_path)
    before = sample_path.read_bytes()
    with PlanStore.open(sample_path, check_later=True, on_demand=True) as store:
        assert store.rows(Goal) == ()  # none of them shown
        assert store.refusal == str(whole.value)
        with pytest.raises(PlanFileError):
            store.finish_checking()
    assert sample_path.read_bytes() == before


def test_a_commit_reads_and_checks_every_kind_left_first(sample_path: Path) -> None:
    with PlanStore.open(sample_path, check_later=True, on_demand=True) as store:
        goal = store.rows(Goal)[0]
        store.commit(goal_ops.reword(goal, title="Renamed on demand"))
        assert store.check_step() is False  # nothing left: the commit read it all
        assert store.refusal is None
    with PlanStore.open(sample_path, read_only=True) as again:
        assert again.get(Goal, goal.id).title == "Renamed on demand"
        assert len(again.rows(FieldRide)) > 0
