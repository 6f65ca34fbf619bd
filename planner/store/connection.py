"""The SQLite connection under a plan: pragmas, migrations, the one write path.

A plan's connection is `query_only` at all times but inside `write`, which
the store's commit alone calls: any other code that tried to write a plan
would get SQLite's own refusal, and tests/unit/store/test_one_writer.py
proves nothing does.
"""

import sqlite3
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from planner.errors import InvalidEdit, PlanError, ReadOnlyPlan
from planner.store.fileformat import APPLICATION_ID, SCHEMA_VERSION
from planner.store.migrations import migrate


def create_file(path: Path) -> None:
    """A new, empty plan file: application id and the first schema go in
    before WAL, so the header on disk names it a plan from the first byte."""
    try:
        conn = sqlite3.connect(path, isolation_level=None)
    except sqlite3.OperationalError as exc:
        raise PlanError(f"{path.name} cannot be created ({exc}).") from None
    try:
        conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        conn.execute("PRAGMA foreign_keys = ON")
        migrate(conn)
    except BaseException:
        conn.close()
        path.unlink(missing_ok=True)
        raise
    conn.close()


def connect(path: Path, writable: bool) -> sqlite3.Connection:
    """The plan's connection, migrated when writable. An older plan opened
    read-only is read from a migrated copy in memory; the file is never written."""
    mode = "rw" if writable else "ro"
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode={mode}", uri=True,
                           isolation_level=None, check_same_thread=False)
    if not writable and conn.execute("PRAGMA user_version").fetchone()[0] < SCHEMA_VERSION:
        copy = sqlite3.connect(":memory:", isolation_level=None, check_same_thread=False)
        conn.backup(copy)
        conn.close()
        conn = copy
        migrate(conn)
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA busy_timeout = 2000")
    if writable:
        conn.execute("PRAGMA journal_mode = WAL")
        # NORMAL in WAL survives a killed process; only an OS crash or power
        # cut can lose the last commits (never corrupt the file).
        conn.execute("PRAGMA synchronous = NORMAL")
        migrate(conn)
    conn.execute("PRAGMA query_only = ON")
    return conn


def write(conn: sqlite3.Connection, name: str,
          batches: Sequence[tuple[str, Sequence[tuple[Any, ...]]]]) -> None:
    """Run a commit's statements in one transaction; all or nothing.

    Foreign keys are checked at COMMIT, so the order of rows within one
    change set never matters; a broken reference refuses the whole change."""
    conn.execute("PRAGMA query_only = OFF")
    try:
        conn.execute("BEGIN IMMEDIATE")
        try:
            conn.execute("PRAGMA defer_foreign_keys = ON")
            for sql, params in batches:
                conn.executemany(sql, params)
            conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
    except sqlite3.IntegrityError as exc:
        raise InvalidEdit(_integrity_sentence(exc)) from None
    except sqlite3.OperationalError as exc:
        raise _fault(name, exc) from None
    finally:
        conn.execute("PRAGMA query_only = ON")


def _integrity_sentence(exc: sqlite3.IntegrityError) -> str:
    detail = str(exc)
    if "FOREIGN KEY" in detail:
        return "A row refers to a missing person, goal or other row of the plan."
    if "UNIQUE" in detail:
        return "That would put two rows where the plan allows one (the same id or day)."
    return f"The plan's rules for stored rows refused this change ({detail})."


def _fault(name: str, exc: sqlite3.OperationalError) -> PlanError:
    detail = str(exc)
    if "full" in detail:
        return PlanError(f"{name} could not be saved: the disk is full. Nothing was changed; "
                         "free some space and try again.")
    if "readonly" in detail:
        return ReadOnlyPlan(f"{name} cannot be written (the file or its folder is read-only); "
                            "nothing was changed.")
    if "locked" in detail or "busy" in detail:
        return PlanError(f"{name} is busy in another program; nothing was changed.")
    return PlanError(f"{name} could not be saved ({detail}); nothing was changed.")


def close(conn: sqlite3.Connection, checkpoint: bool) -> None:
    """Close, folding the write-ahead log into the file so the file alone is the plan."""
    try:
        if checkpoint:
            try:
                conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            except sqlite3.Error:
                pass  # the log stays beside the file; SQLite replays it on the next open
    finally:
        conn.close()


def integrity_problems(conn: sqlite3.Connection) -> list[str]:
    """What SQLite's own checks find wrong (empty when sound)."""
    problems = [r[0] for r in conn.execute("PRAGMA integrity_check") if r[0] != "ok"]
    problems += [f"row {r[1]} of {r[0]} refers to a missing {r[2]} row"
                 for r in conn.execute("PRAGMA foreign_key_check")]
    return problems
