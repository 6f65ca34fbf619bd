"""The SQLite connection under a plan: pragmas, migrations, the one write path.

A writable plan's connection is `query_only` at all times but inside `write`,
which the store's commit alone calls: any other code that tried to write a
plan would get SQLite's own refusal (tests/unit/store/test_connection.py).
Every connection has `trusted_schema` off, so nothing a file's schema names
can call a function, and a read-only plan is read into memory (`image`), so
reading it writes nothing, leaves no -wal or -shm file, and works on
read-only media.
"""

import sqlite3
from collections.abc import Sequence
from functools import cache
from pathlib import Path
from typing import Any

from planner.errors import InvalidEdit, PlanError, ReadOnlyPlan, os_error_sentence
from planner.store.fileformat import APPLICATION_ID, wal_path
from planner.store.lock import shared_read
from planner.store.migrations import SCHEMA_VERSION, migrate

_JOURNAL_BYTES = slice(18, 20)  # the header's read/write format: 1 legacy, 2 WAL


def _harden(conn: sqlite3.Connection) -> None:
    """No schema-held SQL may call functions; in defensive mode (Python 3.12+)
    nothing may write the schema directly."""
    conn.execute("PRAGMA trusted_schema = OFF")
    setconfig = getattr(conn, "setconfig", None)
    if setconfig is not None:  # pragma: no cover - Python 3.12 and newer
        setconfig(sqlite3.SQLITE_DBCONFIG_DEFENSIVE, True)  # type: ignore[attr-defined]


@cache
def _template() -> bytes:
    """A new plan's bytes: the application id and the whole schema, made once."""
    conn = sqlite3.connect(":memory:", isolation_level=None)
    try:
        conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        migrate(conn)
        return conn.serialize()
    finally:
        conn.close()


def blank() -> sqlite3.Connection:
    """A new plan in memory: the application id and the whole schema, nothing
    else; query-only like a plan's own connection."""
    conn = sqlite3.connect(":memory:", isolation_level=None, check_same_thread=False)
    conn.deserialize(_template())
    _harden(conn)
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA query_only = ON")
    return conn


def memory(data: bytes | bytearray) -> sqlite3.Connection:
    """A plan held in memory only, from a whole file's bytes (a copy being
    merged into, a file about to be written)."""
    pages = bytearray(data)
    pages[_JOURNAL_BYTES] = b"\x01\x01"
    conn = sqlite3.connect(":memory:", isolation_level=None, check_same_thread=False)
    conn.deserialize(pages)
    _harden(conn)
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA query_only = ON")
    return conn


def at_rest(conn: sqlite3.Connection) -> bytes:
    """A consistent copy of the plan, made by SQLite's backup API, as the bytes
    of a file at rest (rollback-journal mode): it opens anywhere."""
    target = sqlite3.connect(":memory:", isolation_level=None)
    try:
        conn.backup(target)
        pages = bytearray(target.serialize())
    finally:
        target.close()
    pages[_JOURNAL_BYTES] = b"\x01\x01"
    return bytes(pages)


def open_writable(path: Path) -> sqlite3.Connection:
    """The plan's own connection, before anything is written: query-only until
    the store's first commit starts writing (`start_writing`). Opening it
    writes nothing: a plan at rest is in rollback-journal mode, which a reader
    reads without making a -wal or -shm file."""
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=rw", uri=True,
                           isolation_level=None, check_same_thread=False)
    _harden(conn)
    conn.execute("PRAGMA query_only = ON")
    conn.execute("PRAGMA busy_timeout = 2000")
    conn.execute("PRAGMA foreign_keys = ON")
    return conn


def start_writing(conn: sqlite3.Connection) -> int:
    """Before the first commit: migrate an older plan and switch to the
    write-ahead log; then back to query-only. Returns the steps migrated."""
    conn.execute("PRAGMA query_only = OFF")
    try:
        conn.execute("PRAGMA journal_mode = WAL")
        # NORMAL in WAL survives a killed process; only an OS crash or power
        # cut can lose the last commits (never corrupt the file).
        conn.execute("PRAGMA synchronous = NORMAL")
        return migrate(conn)
    finally:
        conn.execute("PRAGMA query_only = ON")


def image(path: Path, writer_alive: bool) -> sqlite3.Connection:
    """The plan as it stands, in memory: its committed changes in the log
    included, nothing written beside it, the file never locked for long."""
    data: bytes | bytearray | None = None
    if writer_alive:
        data = _snapshot(path)
    elif wal_path(path).exists() and wal_path(path).stat().st_size > 0:
        data = _replayed(path)
    else:
        data = shared_read(path) or _snapshot(path)  # a writer may have just started
    pages = data if isinstance(data, bytearray) else bytearray(data)
    del data
    pages[_JOURNAL_BYTES] = b"\x01\x01"  # memory holds no write-ahead log
    conn = sqlite3.connect(":memory:", isolation_level=None, check_same_thread=False)
    conn.deserialize(pages)  # SQLite keeps its own copy
    del pages
    _harden(conn)
    conn.execute("PRAGMA foreign_keys = ON")
    return conn


def _snapshot(path: Path) -> bytes:
    """While another program writes: SQLite's own consistent read."""
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True,
                           isolation_level=None)
    try:
        _harden(conn)
        return conn.serialize()
    finally:
        conn.close()


def _replayed(path: Path) -> bytes:
    """A log left by a crash: replayed in a copy elsewhere, never beside the plan."""
    import shutil
    import tempfile

    with tempfile.TemporaryDirectory(prefix="tandem-read-") as folder:
        copy = Path(folder) / "plan.tandem"
        shutil.copyfile(path, copy)
        shutil.copyfile(wal_path(path), wal_path(copy))
        conn = sqlite3.connect(copy, isolation_level=None)
        try:
            return conn.serialize()
        finally:
            conn.close()


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
        raise fault(name, exc) from None
    finally:
        conn.execute("PRAGMA query_only = ON")


def _integrity_sentence(exc: sqlite3.IntegrityError) -> str:
    detail = str(exc)
    if "FOREIGN KEY" in detail:
        return "A row refers to a missing person, goal or other row of the plan."
    if "UNIQUE" in detail:
        return "That would put two rows where the plan allows one (the same id or day)."
    return f"The plan's rules for stored rows refused this change ({detail})."


def fault(name: str, exc: sqlite3.Error) -> PlanError:
    """The truth about a failed write, in one sentence."""
    detail = str(exc)
    if "full" in detail:
        return PlanError(f"{name} could not be saved: the disk is full. Nothing was changed; "
                         "free some space and try again.")
    if "readonly" in detail:
        return ReadOnlyPlan(f"{name} cannot be written (the file, its folder or its disk is "
                            "read-only); nothing was changed.")
    if "locked" in detail or "busy" in detail:
        return PlanError(f"{name} is busy in another program; nothing was changed.")
    if "I/O" in detail:
        return PlanError(f"{name} could not be saved: the disk reported an input/output "
                         "error. Nothing was changed.")
    return PlanError(f"{name} could not be saved ({detail}); nothing was changed.")


def fault_on_disk(name: str, exc: OSError) -> PlanError:
    """The truth about a plan file that could not be written, in one sentence."""
    import errno

    sentence = os_error_sentence(exc, name)
    if exc.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
        return ReadOnlyPlan(sentence)
    return PlanError(sentence)


def checkpoint(conn: sqlite3.Connection) -> bool:
    """Fold the write-ahead log into the file, so the file alone is the plan."""
    try:
        busy, _, _ = conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
    except sqlite3.Error:
        return False  # the log stays beside the file; SQLite replays it on the next open
    return not busy


def close(conn: sqlite3.Connection, checkpoint_first: bool) -> None:
    """Close; after writing, fold the log into the file and leave it at rest
    in rollback-journal mode, so the file alone is the plan and opening it
    again (to read, or to write) writes nothing."""
    try:
        if checkpoint_first and checkpoint(conn):
            try:
                conn.execute("PRAGMA query_only = OFF")
                conn.execute("PRAGMA journal_mode = DELETE")
            except sqlite3.Error:
                pass  # a reader holds it: the file stays in WAL mode, which is fine too
    finally:
        conn.close()


def integrity_problems(conn: sqlite3.Connection, most: int = 20) -> list[str]:
    """What SQLite's own checks find wrong, one line each (empty when sound);
    at most `most` lines and how many more."""
    found: list[str] = []
    for check in ("integrity_check", "quick_check"):  # the quick one says more on some damage
        try:
            found = [line for (text,) in conn.execute(f"PRAGMA {check}")
                     for line in str(text).splitlines()
                     if line not in ("ok", "*** in database main ***")]
            found += [f"row {r[1]} of {r[0]} refers to a missing {r[2]} row"
                      for r in conn.execute("PRAGMA foreign_key_check")]
            break
        except sqlite3.DatabaseError as exc:
            found = [f"the file is damaged ({exc})"]
    if len(found) > most:
        found = [*found[:most], f"and {len(found) - most} more"]
    return found


__all__ = ["SCHEMA_VERSION", "blank", "checkpoint", "close", "fault", "image",
           "integrity_problems", "memory", "at_rest", "open_writable", "start_writing", "write"]
