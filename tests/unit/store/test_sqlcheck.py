"""The rows of the kinds that grow all year (a goal's check-ins) are read when
first needed, and checked in SQL (planner/store/sqlcheck.py) on a thread: the
window opens a plan of 50,000 of them by asking only for each goal's latest.
What is shown, committed and refused must be exactly what reading every row
would give. Real files, checked with sqlite3 beside the store."""

import math
import re
import sqlite3
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from planner.errors import PlanError, PlanFileError
from planner.model import CheckIn, Goal, Person
from planner.model.validation import is_valid
from planner.operations import checkins as checkin_ops
from planner.operations.rows import remove
from planner.rules.checkins import by_goal, history_of, latest
from planner.store import connection
from planner.store.plan_store import PlanStore
from planner.store.schema import TABLES
from planner.store.sqlcheck import all_sound
from tests.conftest import FIXTURES


def last_two_read_in_full(path: Path) -> dict[str, list[CheckIn]]:
    with PlanStore.open(path, read_only=True) as whole:
        return {g: rows[-2:] for g, rows in by_goal(whole.rows(CheckIn)).items()}


def unread(store: PlanStore) -> bool:
    return CheckIn not in store._kinds  # the point of it: nothing read but what was asked


def test_the_window_gets_each_goals_latest_without_reading_every_check_in(
        sample_path: Path) -> None:
    expected = last_two_read_in_full(sample_path)
    assert sum(map(len, expected.values())) > 8  # the sample has a history
    with PlanStore.open(sample_path, check_later=True) as store:
        assert latest(store) == expected
        goal = next(g for g in store.rows(Goal) if g.id in expected)
        full = history_of(store, goal.id)
        assert full[-2:] == expected[goal.id] and len(full) > 2
        assert [c.checked_on for c in full] == sorted(c.checked_on for c in full)
        assert store.get(CheckIn, full[0].id) == full[0]
        assert store.count(CheckIn) == 32
        store.finish_checking()
        assert unread(store)
        # Once every row is read, the same answers come from memory.
        everything = store.rows(CheckIn)
        assert not unread(store) and len(everything) == 32
        assert latest(store) == expected and history_of(store, goal.id) == full


def test_commits_keep_the_latest_true_without_reading_the_rest(sample_path: Path) -> None:
    with PlanStore.open(sample_path, check_later=True) as store:
        store.finish_checking()
        before = latest(store)
        goal = next(g for g in store.rows(Goal) if g.id in before)
        change, row = checkin_ops.check_in(store.acting, goal, 55.0, 2, "After the trade fair.",
                                           on=date(2027, 11, 30))
        done = store.commit(change)
        assert latest(store)[goal.id] == [before[goal.id][-1], row]
        store.commit(done.inverse())
        assert latest(store) == before
        # Removing a goal takes its check-ins with it, found without reading all.
        store.commit(remove([goal]))
        assert goal.id not in latest(store) and history_of(store, goal.id) == []
        assert unread(store)
    conn = sqlite3.connect(sample_path)
    assert conn.execute("SELECT count(*) FROM check_in WHERE goal_id = ?",
                        (goal.id,)).fetchone() == (0,)
    conn.close()
    assert latest(PlanStore.open(sample_path, read_only=True)) == {
        g: rows for g, rows in before.items() if g != goal.id}


HOSTILE = [  # (column, SQL value): each a value no Tandem writes and none can use
    ("confidence", "11"),
    ("confidence", "'high'"),
    ("progress", "-5.0"),
    ("progress", "9e300"),
    ("checked_on", "'2027-02-30'"),
    ("checked_on", "'3027-01-01'"),
    ("created_at", "'2027-01-04 10:00:00'"),  # no time zone
    ("note", "CAST(X'C328' AS TEXT)"),  # not UTF-8
    ("note", "X'00'"),  # a blob
    ("note", "'a' || char(0) || 'b'"),  # SQLite's text functions stop at the NUL
    ("checked_on", "'2027-01-04' || char(0) || 'x'"),
    ("id", "''"),
]


def tamper_one(path: Path, column: str, value: str) -> None:
    conn = sqlite3.connect(path)
    conn.execute(f"UPDATE check_in SET {column} = {value} "
                 "WHERE id = (SELECT id FROM check_in ORDER BY id DESC LIMIT 1)")
    conn.commit()
    conn.close()


@pytest.mark.parametrize(("column", "value"), HOSTILE, ids=[f"{c}={v}" for c, v in HOSTILE])
def test_a_check_in_no_tandem_could_use_refuses_the_plan_either_way(
        sample_path: Path, column: str, value: str) -> None:
    tamper_one(sample_path, column, value)
    with pytest.raises(PlanFileError) as now:
        PlanStore.open(sample_path)
    assert "check-in" in str(now.value) or "check_in rows" in str(now.value)
    before = sample_path.read_bytes()
    store = PlanStore.open(sample_path, check_later=True)  # the window's way
    try:
        goal = store.rows(Goal)[0]
        edit = checkin_ops.check_in(store.acting, goal, 10.0, 5, on=date(2027, 3, 1))[0]
        with pytest.raises(PlanFileError) as later:
            store.commit(edit)  # a commit waits for the check: nothing is written
        assert str(later.value) == str(now.value)
        with pytest.raises(PlanFileError, match=re.escape(str(now.value))):
            store.finish_checking()
        assert store.read_only and store.read_only_reason == str(now.value)
    finally:
        store.close()
    assert sample_path.read_bytes() == before


def test_a_value_written_another_way_but_usable_is_read_and_taken(sample_path: Path) -> None:
    # No microseconds: not Tandem's form, so SQLite cannot vouch, but Python reads it.
    tamper_one(sample_path, "created_at", "'2027-01-04T10:00:00+00:00'")
    with PlanStore.open(sample_path, check_later=True) as store:
        store.finish_checking()
        assert not unread(store)  # read in Python to be sure
        assert any(c.created_at.year == 2027 and c.created_at.second == 0
                   for c in store.rows(CheckIn))


# -- the SQL check never vouches for a row Python would refuse ---------------

_SAMPLE = (FIXTURES / "plan-v11.tandem").read_bytes()
_ODD = st.one_of(
    st.none(), st.integers(-2**63, 2**63 - 1), st.booleans(),
    st.floats(allow_nan=True, allow_infinity=True), st.binary(max_size=40),
    st.text(max_size=40), st.text(alphabet="0123456789-:T.+ Z", max_size=34),
    st.sampled_from(["2027-02-29", "2028-02-29", "2027-01-04T24:00:00.000000+00:00",
                     "2027-01-04T23:59:59.999999+00:00", "2027-01-04T10:00:00.000000+01:00",
                     "2199-12-31", "1899-12-31", "20270104", "2027-1-4", " 2027-01-04",
                     "", " ", "\u00e9t\u00e9", "x" * 70, "y" * 20001, "10", "10.0", "1e3",
                     "a\x00b", "2027-01-04\x00x", "2027-01-04T10:00:00.000000+00:00\x00x"]))


@settings(max_examples=250, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(st.sampled_from(TABLES[CheckIn].columns), _ODD),
                min_size=1, max_size=3), st.integers(0, 31))
def test_what_sqlite_vouches_for_python_takes(changes: list[tuple[str, object]],
                                              row: int) -> None:
    conn = connection.memory(_SAMPLE)
    conn.execute("PRAGMA query_only = OFF")
    conn.execute("PRAGMA foreign_keys = OFF")
    (target,) = conn.execute("SELECT id FROM check_in ORDER BY id LIMIT 1 OFFSET ?",
                             (row,)).fetchone()
    for column, value in changes:
        if isinstance(value, float) and math.isnan(value):
            value = None
        try:
            conn.execute(f'UPDATE check_in SET "{column}" = ? WHERE id = ?', (value, target))
        except sqlite3.IntegrityError:
            pass  # NOT NULL or a second row with the id: SQLite keeps what it had
        if column == "id":
            target = value if conn.execute("SELECT 1 FROM check_in WHERE id IS ?",
                                           (value,)).fetchone() else target
    table = TABLES[CheckIn]
    vouched = all_sound(conn, CheckIn, frozenset({Goal, Person}))
    if vouched:
        for stored in conn.execute(table.select):
            assert is_valid(table.read(stored)), stored
    conn.close()


def test_every_check_in_tandem_writes_is_vouched_for(large_path: Path) -> None:
    with PlanStore.open(large_path) as store:
        assert store.count(CheckIn) > 0
    conn = sqlite3.connect(large_path)
    assert all_sound(conn, CheckIn, frozenset({Goal, Person}))
    conn.execute("UPDATE check_in SET note = 'Gr\u00fc\u00dfe aus M\u00fcnchen \u2014 ok'")
    assert all_sound(conn, CheckIn, frozenset({Goal, Person}))
    conn.close()


# -- the check-ins' pages: checked on the thread, not before the plan opens ---

def scribble_on(path: Path, table: str) -> None:
    """One of a table's leaf pages made unreadable (its cell pointers)."""
    conn = sqlite3.connect(path)
    leaves = [n for (n,) in conn.execute(
        "SELECT pageno FROM dbstat WHERE name = ? AND pagetype = 'leaf'", (table,))]
    size = conn.execute("PRAGMA page_size").fetchone()[0]
    conn.close()
    with path.open("r+b") as f:
        f.seek((leaves[len(leaves) // 2] - 1) * size + 8)
        f.write(b"\xff" * 40)


def test_damaged_check_in_pages_turn_the_window_s_plan_read_only_once_checked(
        sample_path: Path) -> None:
    scribble_on(sample_path, "check_in")
    before = sample_path.read_bytes()
    store = PlanStore.open(sample_path, check_later=True)  # the window's way
    try:
        assert not store.read_only  # opened for writing: those pages not checked yet
        goal = store.rows(Goal)[0]
        assert isinstance(latest(store), dict)  # read from damaged pages: nothing, no error
        store.finish_checking()  # not a refusal: a damaged plan is open read-only
        assert store.read_only
        assert re.fullmatch(r"sample\.tandem is damaged \([^\n]+\); it is open read-only so "
                            r"that nothing more is lost: export it or save a copy\.",
                            store.read_only_reason or "")
        history_of(store, goal.id)  # what can be read, or nothing: never an error
        edit = checkin_ops.check_in(store.acting, goal, 10.0, 5, on=date(2027, 3, 1))[0]
        with pytest.raises(PlanError, match="read-only"):
            store.commit(edit)
    finally:
        store.close()
    assert sample_path.read_bytes() == before


def test_damaged_check_in_pages_are_said_by_every_other_opening(sample_path: Path) -> None:
    """Opening for a command (every row read) finds them at once (as damage,
    or as rows it cannot read, by which bytes the scribble hit)."""
    scribble_on(sample_path, "check_in")
    with pytest.raises(PlanFileError, match="damaged|cannot read"):
        PlanStore.open(sample_path)


def test_damage_outside_the_check_ins_is_found_before_the_window_s_plan_opens(
        sample_path: Path) -> None:
    with PlanStore.open(sample_path) as store:  # a history of a few changes
        for n in range(3):
            store.commit(checkin_ops.check_in(store.acting, store.rows(Goal)[n], 50.0, 7,
                                              on=date(2027, 3, 1))[0])
    scribble_on(sample_path, "change_log_row")  # read only when the history is asked
    with PlanStore.open(sample_path, check_later=True) as store:
        assert store.read_only and "is damaged (" in (store.read_only_reason or "")
