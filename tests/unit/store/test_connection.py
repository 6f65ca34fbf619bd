"""Nothing but the store's commit writes a plan: not a widget, not an import,
not a sample plan, not a benchmark."""

import re
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.acting import as_head

from planner.changes import ChangeSet, added
from planner.model import Goal, Metric, Person
from planner.model.enums import Team
from planner.operations import goals, metrics
from planner.operations.rows import new, remove
from planner.store import connection
from planner.store.plan_store import PlanStore
from tests.conftest import ROOT

WRITES = re.compile(r"^\s*(INSERT|UPDATE|DELETE|REPLACE|BEGIN IMMEDIATE|BEGIN EXCLUSIVE|"
                    r"CREATE|DROP|ALTER)\b", re.IGNORECASE)


@pytest.fixture
def traced(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[tuple[str, bool]]]:
    """Every statement run on a plan's connection, and whether the store's
    write (its commit) was running it."""
    seen: list[tuple[str, bool]] = []
    inside = [False]
    real_open, real_write = connection.open_writable, connection.write

    def open_writable(path: Path) -> sqlite3.Connection:
        conn = real_open(path)
        conn.set_trace_callback(lambda sql: seen.append((sql, inside[0])))
        return conn

    def write(*args: object, **kwargs: object) -> None:
        inside[0] = True
        try:
            real_write(*args, **kwargs)  # type: ignore[arg-type]
        finally:
            inside[0] = False

    monkeypatch.setattr(connection, "open_writable", open_writable)
    monkeypatch.setattr(connection, "write", write)
    yield seen


def test_every_write_to_a_plan_is_the_commits(traced: list[tuple[str, bool]],
                                              tmp_path: Path) -> None:
    from planner.export.plan_json import import_json, write_json
    from planner.sample import write_sample

    with write_sample(tmp_path / "sample.tandem", "small") as store:
        as_head(store, "sales")
        goal = store.rows(Goal)[0]
        store.commit(goals.reword(goal, title="Reworded"))
        store.commit(metrics.record_actuals(store, [(store.rows(Metric)[0].id, "2027-03",
                                                     12.0, "")]))
        store.commit(remove([store.rows(Person)[0]]))
        write_json(store, tmp_path / "plan.json")
    import_json(tmp_path / "plan.json", tmp_path / "imported.tandem").close()
    writes = [(sql, inside) for sql, inside in traced if WRITES.match(sql)]
    assert any(inside for _, inside in writes), "the trace saw no commit at all"
    # New files of this version: no migration step ran, so every write was a commit's.
    assert [sql for sql, inside in writes if not inside] == []


def test_a_plans_connection_refuses_writes_outside_the_commit(store: PlanStore,
                                                              plan_path: Path) -> None:
    before = plan_path.read_bytes()
    for sql in ("INSERT INTO person (id, created_at, updated_at, name, team, role, territory, "
                "email, left_plan) VALUES ('x', '', '', 'X', 'SALES', '', '', '', 0)",
                "UPDATE plan SET title = 'Hijacked'", "DELETE FROM plan",
                "CREATE TABLE extra (a)"):
        with pytest.raises(sqlite3.OperationalError, match="readonly"):
            store._conn.execute(sql)
    assert plan_path.read_bytes() == before
    store.commit(ChangeSet("Add", (added(new(Person, name="Ada", team=Team.SALES)),)))
    assert store.rows(Person)[0].name == "Ada"


def test_no_module_outside_the_store_speaks_sql_or_opens_a_database() -> None:
    offenders = []
    for path in (ROOT / "planner").rglob("*.py"):
        rel = path.relative_to(ROOT).as_posix()
        if rel.startswith("planner/store/"):
            continue
        text = path.read_text(encoding="utf-8")
        if re.search(r"\bimport sqlite3\b|\bsqlalchemy\b|\.execute\(|\bengine\b", text) or \
                re.search(r"[\"'](INSERT INTO|UPDATE \w+ SET|DELETE FROM|"
                          r"BEGIN( IMMEDIATE| EXCLUSIVE| DEFERRED)?[\"'; ])", text):
            offenders.append(rel)
    allowed = {"planner/model/tables.py"}  # the SQLModel declaration: schema only
    assert sorted(set(offenders) - allowed) == []


def test_a_store_exposes_no_way_to_write_but_commit(store: PlanStore) -> None:
    """The plan's rows change only by `commit`; besides it the store writes
    bookmarks in the plan's history (`save_version`, `delete_version`),
    copies to other files (`save_copy`) and, when another program changed the
    file, a history entry naming what it changed (`check_outside`), never a row.
    `dry_run` asks the commit what it would write, and writes nothing; `act_as`
    says whose the changes committed from then on are; `recent`, `where`,
    `check_step` and `finish_checking` read (rows of a kind not read yet, and the
    check of them asked on a thread), and `refusal` says what that check refused; `replica_copied` reads from the copy in
    memory once it is made (on a thread too); `write_new` makes a new file as
    `build` does without opening it; `attached` reads the data kept beside a
    row (a CRM import's columns, written by the commit that adds it)."""
    public = {name for name in dir(store) if not name.startswith("_")}
    assert public == {"act_as", "acting", "authored", "authors", "build", "change_set", "changes_to",
                      "last_authors", "merged_authors", "changed_outside", "check_outside", "checkpoint", "close", "commit",
                      "copy_bytes", "copy_of",
                      "count", "dry_run", "lost",
                      "create", "delete_version", "foreign_objects", "from_bytes",
                      "from_state", "get", "head", "held_by", "history",
                      "integrity_problems", "open", "other_copy", "path", "plan", "read_only",
                      "read_only_reason", "revisions", "rows", "save_copy", "save_version",
                      "state", "subscribe", "unsubscribe", "version", "versions",
                      "recent", "where", "check_step", "finish_checking", "refusal", "replica_copied",
                      "attached", "write_new"}
