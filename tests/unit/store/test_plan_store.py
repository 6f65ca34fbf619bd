"""The plan file: its header, pragmas, refusals, lock and migrations."""

import hashlib
import shutil
import sqlite3
import time
from datetime import date
from pathlib import Path

import pytest

from planner.changes import ChangeSet, added
from planner.errors import InvalidEdit, PlanFileError, ReadOnlyPlan
from planner.model import FieldRide, Goal, Message, Person
from planner.operations import goals as goal_ops
from planner.model.enums import Team
from planner.operations.rows import new
from planner.store.fileformat import APPLICATION_ID, SCHEMA_VERSION
from planner.store.lock import lock_path
from planner.store.plan_store import PlanStore, new_plan
from tests.conftest import FIXTURES, damage_an_index


def add_ada() -> ChangeSet:
    return ChangeSet("Add", (added(new(Person, name="Ada", team=Team.SALES)),))


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_new_plan_file_has_identity_and_safe_pragmas(store: PlanStore, plan_path: Path) -> None:
    raw = sqlite3.connect(plan_path)
    assert raw.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    assert raw.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    # At rest in rollback-journal mode: a reader makes no -wal or -shm file.
    assert raw.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    assert raw.execute("SELECT title, company FROM plan").fetchall() == [("Test plan", "Acme")]
    raw.close()
    store.commit(add_ada())  # writing starts: the write-ahead log, synced at every commit
    conn = store._disk
    assert conn is not None
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    # What the window reads from: a replica in memory, written at every commit too.
    assert store._conn.execute("SELECT name FROM person").fetchall() == [("Ada",)]


def test_opening_for_writing_writes_nothing_until_the_first_edit(
        store: PlanStore, plan_path: Path) -> None:
    store.commit(add_ada())
    store.close()  # the log folded in, the file back at rest
    assert sorted(p.name for p in plan_path.parent.iterdir()) == [plan_path.name]
    before, stamp = digest(plan_path), plan_path.stat().st_mtime_ns
    with PlanStore.open(plan_path) as again:
        assert not again.read_only
        assert [p.name for p in again.rows(Person)] == ["Ada"]
        # Only the lock's note beside it; the file as it was, no -wal, no -shm.
        assert sorted(p.name for p in plan_path.parent.iterdir()) == sorted(
            [plan_path.name, f".{plan_path.name}.lock"])
        assert (digest(plan_path), plan_path.stat().st_mtime_ns) == (before, stamp)
        again.commit(add_ada())
        assert digest(plan_path) != before or plan_path.with_name(
            plan_path.name + "-wal").stat().st_size > 0
    assert sorted(p.name for p in plan_path.parent.iterdir()) == [plan_path.name]
    assert sqlite3.connect(plan_path).execute("SELECT count(*) FROM person").fetchone()[0] == 2


def test_create_refuses_to_overwrite(store: PlanStore, plan_path: Path) -> None:
    with pytest.raises(PlanFileError, match="already exists"):
        PlanStore.create(plan_path, new_plan("Other", date(2027, 1, 1), date(2027, 2, 1)))


def test_create_refuses_backwards_period(tmp_path: Path) -> None:
    with pytest.raises(InvalidEdit, match="before the start of the period"):
        PlanStore.create(tmp_path / "p.tandem", new_plan("P", date(2027, 2, 1),
                                                         date(2027, 1, 1)))
    assert list(tmp_path.iterdir()) == []


def _foreign_sqlite(path: Path) -> None:
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE notes (t TEXT)")
    conn.commit()
    conn.close()


def _newer(path: Path) -> None:
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.commit()
    conn.close()


def _negative(path: Path) -> None:
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA user_version = -2000000000")  # not two billion steps to run
    conn.commit()
    conn.close()


def _truncate(path: Path) -> None:
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])


def _scramble_page(path: Path) -> None:
    data = bytearray(path.read_bytes())
    page = int.from_bytes(data[16:18], "big")
    for n in range(page * 2, page * 4):  # pages 3 and 4: tables and indexes
        data[n] = (n * 37) & 0xFF
    path.write_bytes(bytes(data))


@pytest.mark.parametrize(("prepare", "message"), [
    (lambda p: p.write_text("name,team\nAda,sales\n"), "not a database file"),
    (lambda p: p.write_bytes(b""), "not a database file"),
    (_foreign_sqlite, "not a Tandem plan"),
    (_newer, "newer Tandem"),
    (_negative, r"not a Tandem plan \(its plan format, -2000000000,"),
    (_truncate, "damaged"),
    (_scramble_page, "damaged"),
])
def test_refuses_bad_files_without_writing(sample_path: Path, prepare, message: str) -> None:  # type: ignore[no-untyped-def]
    if prepare is _foreign_sqlite:
        sample_path.unlink()
    prepare(sample_path)
    before = digest(sample_path)
    with pytest.raises(PlanFileError, match=message):
        PlanStore.open(sample_path)
    assert digest(sample_path) == before
    assert not lock_path(sample_path).exists()


def test_a_damaged_file_whose_rows_still_read_opens_read_only(sample_path: Path) -> None:
    with PlanStore.open(sample_path) as s:
        rides = s.count(FieldRide)
    damage_an_index(sample_path)
    before = digest(sample_path)
    with PlanStore.open(sample_path) as s:
        assert s.read_only
        assert s.read_only_reason is not None
        assert "is damaged" in s.read_only_reason and "save a copy" in s.read_only_reason
        assert s.count(FieldRide) == rides  # everything it holds can still be read and saved
        assert s.integrity_problems()
        with pytest.raises(ReadOnlyPlan):
            s.commit(add_ada())
    assert digest(sample_path) == before
    assert not lock_path(sample_path).exists()


def test_refuses_missing_file_and_folder(tmp_path: Path) -> None:
    with pytest.raises(PlanFileError, match="does not exist"):
        PlanStore.open(tmp_path / "nothing.tandem")
    with pytest.raises(PlanFileError, match="folder"):
        PlanStore.open(tmp_path)


def test_second_opener_is_read_only_and_told_who_holds_it(store: PlanStore,
                                                         plan_path: Path) -> None:
    second = PlanStore.open(plan_path)
    try:
        assert second.read_only
        assert second.held_by is not None
        assert f"process {__import__('os').getpid()}" in second.held_by.describe()
        with pytest.raises(ReadOnlyPlan):
            second.commit(add_ada())
        assert second.count(Person) == 0
    finally:
        second.close()
    # The holder still writes, and a later opener gets the lock once it closes.
    store.commit(add_ada())
    store.close()
    third = PlanStore.open(plan_path)
    assert not third.read_only and third.count(Person) == 1
    third.close()


def test_stored_version_1_plan_is_upgraded_at_its_first_edit(v1_path: Path) -> None:
    """Opening an older plan reads it from a copy upgraded in memory: the file
    stays as it was (an older Tandem can still open it) until the first edit,
    which upgrades it and writes the edit in the new form."""
    sample_path = v1_path
    before = digest(sample_path)
    with PlanStore.open(sample_path) as s:
        assert not s.read_only
        assert s.plan().title == "Northwind go-to-market plan 2027"
        assert (s.count(Person), s.count(Goal)) == (14, 12)
        assert s.plan().exclude_weekends is True  # version 2's default
        assert s.integrity_problems() == []
    assert digest(sample_path) == before
    with PlanStore.open(sample_path) as s:
        s.commit(add_ada())
        assert s.count(Person) == 15 and s.integrity_problems() == []
    conn = sqlite3.connect(sample_path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert conn.execute("SELECT count(*) FROM hot_button").fetchone() == (0,)
    assert conn.execute("SELECT count(*) FROM person WHERE name = 'Ada'").fetchone() == (1,)
    assert conn.execute("SELECT count(*) FROM change_log").fetchone() == (1,)
    conn.close()


def test_version_1_plan_read_only_is_read_through_a_copy(v1_path: Path) -> None:
    sample_path = v1_path
    before = digest(sample_path)
    with PlanStore.open(sample_path, read_only=True) as s:
        assert s.count(Goal) == 12 and s.plan().sales_days_per_half is None
    assert digest(sample_path) == before


@pytest.mark.parametrize("version", range(1, SCHEMA_VERSION + 1))
def test_every_released_version_has_a_fixture_that_opens(tmp_path: Path, version: int) -> None:
    source = FIXTURES / f"plan-v{version}.tandem"
    conn = sqlite3.connect(f"{source.as_uri()}?mode=ro&immutable=1", uri=True)  # no -shm
    assert conn.execute("PRAGMA user_version").fetchone()[0] == version
    conn.close()
    copy = tmp_path / source.name
    shutil.copyfile(source, copy)
    with PlanStore.open(copy) as s:
        assert s.count(Person) >= 10 and s.integrity_problems() == []


def test_migrations_build_the_schema_the_model_declares(tmp_path: Path) -> None:
    """The frozen SQL steps and the SQLModel classes must agree, column by column."""
    from sqlalchemy import create_engine

    from planner.model.tables import Row

    model_db = tmp_path / "model.db"
    Row.metadata.create_all(create_engine(f"sqlite:///{model_db}"))
    with PlanStore.create(tmp_path / "m.tandem", new_plan("M", date(2027, 1, 1),
                                                          date(2027, 1, 2))) as s:
        migrated = s._conn
        expected = sqlite3.connect(model_db)
        for (table,) in expected.execute("SELECT name FROM sqlite_master WHERE type='table'"):
            cols = f"PRAGMA table_info('{table}')"
            assert migrated.execute(cols).fetchall() == expected.execute(cols).fetchall(), table
            # The same foreign keys (a column added later lists its key first).
            fks = f"PRAGMA foreign_key_list('{table}')"
            assert sorted(r[2:] for r in migrated.execute(fks)) == \
                sorted(r[2:] for r in expected.execute(fks)), table


def test_lock_released_after_a_crash_leaves_no_stale_lock(tmp_path: Path) -> None:
    """A killed holder's lock file stays behind, but the OS lock went with it."""
    import os
    import signal
    import subprocess
    import sys

    plan = tmp_path / "p.tandem"
    shutil.copyfile(FIXTURES / "plan-v1.tandem", plan)
    code = ("import sys,time\nfrom pathlib import Path\nfrom planner.store.plan_store import "
            f"PlanStore\ns=PlanStore.open(Path({str(plan)!r}))\nprint('open',flush=True)\n"
            "time.sleep(60)")
    proc = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True,
                            cwd=Path(__file__).resolve().parents[2])
    assert proc.stdout is not None and proc.stdout.readline().strip() == "open"
    held = PlanStore.open(plan)
    assert held.read_only
    held.close()
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    proc.stdout.close()
    assert lock_path(plan).exists()
    with PlanStore.open(plan) as s:
        assert not s.read_only


# -- the window's start: only the plan's own row is read before the first
# section is built; each kind is read and checked when first asked for, the
# rest while the window is idle (`check_step`). A row no Tandem could use
# refuses the plan with the sentence opening would have said, whenever it is
# read, and nothing is written.

def tamper_sql(path: Path, sql: str) -> None:
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
    tamper_sql(sample_path, "UPDATE field_ride SET last_day = '1999-01-01' "
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
    tamper_sql(sample_path, "UPDATE goal SET title = '' WHERE id = (SELECT min(id) FROM goal)")
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


def test_the_idle_check_reads_a_large_kind_a_batch_a_step(
        large_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The 600 rides of the large plan, 50 a step: the window is held for a
    batch, never the whole kind, and what is held at the end is what reading
    the plan whole gives; a bad ride in a later batch still refuses it."""
    import planner.store.plan_store as plan_store

    monkeypatch.setattr(plan_store, "BATCH", 50)
    with PlanStore.open(large_path, read_only=True) as whole:
        rides = whole.rows(FieldRide)
    assert len(rides) == 600
    with PlanStore.open(large_path, check_later=True, on_demand=True) as store:
        store.rows(Goal)
        part_read, deadline = 0, time.monotonic() + 20
        while store.check_step():
            part_read += FieldRide in store._partial  # a batch read, the rest left
            assert time.monotonic() < deadline
            time.sleep(0.001)
        assert part_read >= 600 // 50 - 1
        store.finish_checking()
        assert store.rows(FieldRide) == rides
    tamper_sql(large_path, "UPDATE field_ride SET last_day = '1999-01-01' "
                           "WHERE id = (SELECT id FROM field_ride ORDER BY rowid DESC LIMIT 1)")
    with PlanStore.open(large_path, check_later=True, on_demand=True) as store:
        store.rows(Goal)
        finish(store)
        assert store.refusal is not None and "field ride" in store.refusal
        with pytest.raises(PlanFileError):
            store.finish_checking()


def test_a_section_asking_for_a_kind_part_read_gets_all_of_it(
        large_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import planner.store.plan_store as plan_store

    monkeypatch.setattr(plan_store, "BATCH", 50)
    with PlanStore.open(large_path, read_only=True) as whole:
        rides = whole.rows(FieldRide)
    with PlanStore.open(large_path, check_later=True, on_demand=True) as store:
        while store.check_step() and FieldRide not in store._partial:
            time.sleep(0.001)
        assert FieldRide in store._partial  # begun, a batch read
        assert store.rows(FieldRide) == rides  # the rest read now, for the page
        assert FieldRide not in store._partial
