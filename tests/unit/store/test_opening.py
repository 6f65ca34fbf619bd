"""Opening a plan: what stands in the way of writing, and files that carry SQL
Tandem did not write. Every test works on real files and checks the bytes."""

import hashlib
import os
import shutil
import sqlite3
from pathlib import Path

import pytest

from planner.errors import PlanFileError
from planner.model import Goal, Person
from planner.store.lock import lock_path
from planner.store.plan_store import PlanStore
from tests.conftest import rows, run_tandem


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def tamper(path: Path, *statements: str) -> None:
    conn = sqlite3.connect(path)
    for sql in statements:
        conn.execute(sql)
    conn.commit()
    conn.close()


HOSTILE = [
    ("trigger on goal",
     ["CREATE TRIGGER wipe AFTER UPDATE ON goal BEGIN DELETE FROM goal; "
      "UPDATE plan SET title = 'pwned'; END"], "a trigger \u201cwipe\u201d on goal"),
    ("trigger on plan",
     ["CREATE TRIGGER on_open AFTER UPDATE ON plan BEGIN DELETE FROM person; END"],
     "a trigger \u201con_open\u201d on plan"),
    ("other table", ["CREATE TABLE notes (t TEXT)"], "a table \u201cnotes\u201d"),
    ("other index", ["CREATE INDEX ix_evil ON goal (title)"], "an index \u201cix_evil\u201d on goal"),
    ("changed table", ["ALTER TABLE goal ADD COLUMN extra TEXT CHECK (length(extra) < 10)"],
     "a changed definition of the goal table"),
    ("view", ["CREATE VIEW everyone AS SELECT name FROM person"], "a view \u201ceveryone\u201d"),
]


@pytest.mark.parametrize(("what", "statements", "named"), HOSTILE, ids=[h[0] for h in HOSTILE])
def test_a_file_carrying_sql_tandem_did_not_write_opens_read_only_and_runs_none_of_it(
        sample_path: Path, what: str, statements: list[str], named: str) -> None:
    tamper(sample_path, *statements)
    goals, people = rows(sample_path, "SELECT count(*) FROM goal"), \
        rows(sample_path, "SELECT count(*) FROM person")
    before = digest(sample_path)
    with PlanStore.open(sample_path) as store:
        assert store.read_only
        assert store.read_only_reason is not None and named in store.read_only_reason
        assert "Tandem will not write to it" in store.read_only_reason
        assert len(store.rows(Goal)) == goals[0][0] and len(store.rows(Person)) == people[0][0]
    assert digest(sample_path) == before
    assert not lock_path(sample_path).exists()
    assert [p.name for p in sample_path.parent.iterdir()] == [sample_path.name]
    check = run_tandem("check", str(sample_path))
    assert check.returncode == 1 and named in check.stdout
    assert len(check.stderr.strip().splitlines()) == 1 and "Traceback" not in check.stderr
    assert digest(sample_path) == before


def test_a_plan_whose_table_was_replaced_by_a_view_is_refused(sample_path: Path) -> None:
    tamper(sample_path, "DROP TABLE review",
           "CREATE VIEW review AS SELECT id, created_at, updated_at, '2027-01-01' AS held_on, "
           "'' AS what_happened, '' AS what_we_learned, '' AS what_we_change FROM person")
    before = digest(sample_path)
    for read_only in (False, True):
        with pytest.raises(PlanFileError, match="review table is missing or replaced"):
            PlanStore.open(sample_path, read_only=read_only)
    assert digest(sample_path) == before


@pytest.mark.parametrize("value", ["'9999-99-99'", "'not a date'", "1e30"])
def test_a_value_another_program_wrote_is_refused_with_the_row_named(sample_path: Path,
                                                                      value: str) -> None:
    tamper(sample_path, f"UPDATE field_ride SET first_day = {value} "
                        "WHERE id = (SELECT id FROM field_ride LIMIT 1)")
    with pytest.raises(PlanFileError, match="field_ride rows|field ride that Tandem cannot use"):
        PlanStore.open(sample_path, read_only=True)
    check = run_tandem("check", str(sample_path))
    assert check.returncode == 1 and len(check.stderr.strip().splitlines()) == 1
    assert "Traceback" not in check.stderr


def test_an_absurd_but_readable_value_is_named_too(sample_path: Path) -> None:
    tamper(sample_path, "UPDATE plan SET period_end = '9999-12-31'",
           "UPDATE goal SET position = 1e30 WHERE position = 0")
    with pytest.raises(PlanFileError, match="cannot use .*outside the years|five years"):
        PlanStore.open(sample_path, read_only=True)


# -- one writer, however the file is reached --------------------------------

@pytest.mark.parametrize("alias", ["symlink", "hard link", "relative path",
                                   "lock file removed"])
def test_one_writer_however_the_file_is_reached(sample_path: Path, alias: str,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    first = PlanStore.open(sample_path)
    try:
        assert not first.read_only
        other = sample_path.with_name("other.tandem")
        if alias == "symlink":
            other.symlink_to(sample_path)
        elif alias == "hard link":
            os.link(sample_path, other)
        elif alias == "relative path":
            monkeypatch.chdir(sample_path.parent.parent)
            other = Path(sample_path.parent.name) / ".." / sample_path.parent.name / \
                sample_path.name
        else:
            lock_path(sample_path).unlink()
            other = sample_path
        with PlanStore.open(other) as second:
            assert second.read_only
            assert second.read_only_reason is not None
            assert "has this plan open for editing" in second.read_only_reason
    finally:
        first.close()
    with PlanStore.open(sample_path) as again:
        assert not again.read_only  # the lock went with the first writer


def test_a_read_only_open_writes_nothing_and_leaves_nothing_beside_the_plan(
        sample_path: Path) -> None:
    before = digest(sample_path)
    for _ in range(2):
        with PlanStore.open(sample_path, read_only=True) as store:
            assert store.read_only and len(store.rows(Goal)) == 12
    assert digest(sample_path) == before
    assert [p.name for p in sample_path.parent.iterdir()] == [sample_path.name]
    for args in (["check", str(sample_path)],
                 ["export", str(sample_path), "--pdf", str(sample_path.with_suffix(".pdf"))]):
        assert run_tandem(*args).returncode in (0, 1)
    assert digest(sample_path) == before
    assert sorted(p.name for p in sample_path.parent.iterdir()) == [
        "sample.pdf", sample_path.name]


def test_a_log_left_by_a_crash_is_read_and_the_header_check_allows_it(tmp_path: Path,
                                                                     sample_path: Path) -> None:
    """A plan killed with changes still in its write-ahead log: the copy of the
    file and its log opens with every change, and the file is not called damaged."""
    from planner.operations.rows import edit

    store = PlanStore.open(sample_path)
    person = store.rows(Person)[0]
    store.commit(edit(person, role="Renamed in the log"))
    crashed = tmp_path / "crashed"
    crashed.mkdir()
    shutil.copyfile(sample_path, crashed / "plan.tandem")
    shutil.copyfile(sample_path.with_name(sample_path.name + "-wal"),
                    crashed / "plan.tandem-wal")
    store.close()
    before = digest(crashed / "plan.tandem")
    with PlanStore.open(crashed / "plan.tandem", read_only=True) as copy:
        assert copy.get(Person, person.id).role == "Renamed in the log"  # type: ignore[union-attr]
    assert digest(crashed / "plan.tandem") == before


def test_closing_and_going_idle_fold_the_log_into_the_file(sample_path: Path,
                                                           tmp_path: Path) -> None:
    from planner.operations.rows import edit

    with PlanStore.open(sample_path) as store:
        person = store.rows(Person)[0]
        store.commit(edit(person, role="Kept in the file"))
        assert store.checkpoint()
        copy = tmp_path / "copy.tandem"  # the file alone, as mailed while open
        shutil.copyfile(sample_path, copy)
    with PlanStore.open(copy, read_only=True) as mailed:
        assert mailed.get(Person, person.id).role == "Kept in the file"  # type: ignore[union-attr]
    assert not sample_path.with_name(sample_path.name + "-wal").exists()
