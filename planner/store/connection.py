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

from planner.i18n import _
from planner.errors import InvalidEdit, MediumLost, PlanError, ReadOnlyPlan
from planner.store.fileformat import APPLICATION_ID, log_pending, wal_path
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


def memory_from(disk: sqlite3.Connection, raising: bool = False) -> sqlite3.Connection | None:
    """A plan held in memory, copied by SQLite's backup from a file in
    rollback-journal form (one consistent read, page by page); None when
    SQLite cannot (the caller serializes instead), or with `raising` what
    SQLite said."""
    conn = sqlite3.connect(":memory:", isolation_level=None, check_same_thread=False)
    try:
        disk.backup(conn)
    except sqlite3.Error:
        conn.close()
        if raising:
            raise
        return None
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


# Every commit is on the medium before commit returns, in either journal mode:
# FULL syncs the write-ahead log at each commit (NORMAL would sync only at a
# checkpoint, so a power cut or a pulled stick could lose accepted edits).
SYNCHRONOUS = "FULL"


def start_writing(conn: sqlite3.Connection, path: Path) -> tuple[sqlite3.Connection, int]:
    """Before the first commit: switch to the write-ahead log (or, on a disk
    that cannot share SQLite's index of it, stay with the rollback journal),
    every commit synced to the medium, and migrate an older plan; then back
    to query-only. Returns the connection to write with and the steps migrated."""
    conn.execute("PRAGMA query_only = OFF")
    try:
        _durable(conn)
        if not _into_wal(conn):
            conn = _without_wal(conn, path)
        return conn, migrate(conn)
    finally:
        conn.execute("PRAGMA query_only = ON")


def _durable(conn: sqlite3.Connection) -> None:
    conn.execute(f"PRAGMA synchronous = {SYNCHRONOUS}")
    # macOS: fsync there does not reach the medium; F_FULLFSYNC does (elsewhere a no-op).
    conn.execute("PRAGMA fullfsync = ON")
    conn.execute("PRAGMA checkpoint_fullfsync = ON")


def _into_wal(conn: sqlite3.Connection) -> bool:
    """The write-ahead log, if the disk can hold its shared index (FUSE FAT
    drivers cannot size the -shm file, and SQLite then fails every read)."""
    try:
        (mode,) = conn.execute("PRAGMA journal_mode = WAL").fetchone()
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.OperationalError:
        return False
    return str(mode).lower() == "wal"


def _without_wal(conn: sqlite3.Connection, path: Path) -> sqlite3.Connection:
    """Back to the rollback journal: the file's header is set back by a
    connection that keeps the log's index in its own memory (exclusive
    locking), and the empty side files SQLite made are removed."""
    conn.close()
    fix = sqlite3.connect(f"{path.resolve().as_uri()}?mode=rw", uri=True, isolation_level=None)
    try:
        fix.execute("PRAGMA locking_mode = EXCLUSIVE")
        fix.execute("SELECT count(*) FROM sqlite_master").fetchone()
        fix.execute("PRAGMA journal_mode = DELETE")
    finally:
        fix.close()
    for side in (wal_path(path), path.with_name(path.name + "-shm")):
        try:
            if side.stat().st_size == 0:
                side.unlink()
        except OSError:
            pass
    conn = open_writable(path)
    conn.execute("PRAGMA query_only = OFF")
    _durable(conn)
    conn.execute("PRAGMA journal_mode = DELETE")
    return conn


def data_version(conn: sqlite3.Connection) -> int | None:
    """SQLite's count of commits by other connections to the file (None when
    the file cannot be asked)."""
    try:
        (version,) = conn.execute("PRAGMA data_version").fetchone()
    except sqlite3.Error:
        return None
    return int(version)


def image(path: Path, writer_alive: bool) -> sqlite3.Connection:
    """The plan as it stands, in memory: its committed changes in the log
    included, nothing written beside it, the file never locked for long."""
    data: bytes | bytearray | None = None
    if writer_alive:
        data = _snapshot(path)
    elif log_pending(path):
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
    except sqlite3.DatabaseError as exc:
        raise fault(name, exc) from None
    finally:
        try:
            conn.execute("PRAGMA query_only = ON")
        except sqlite3.Error:
            pass  # a disk that went away: the store stops writing to it


def _integrity_sentence(exc: sqlite3.IntegrityError) -> str:
    detail = str(exc)
    if "FOREIGN KEY" in detail:
        return _("A row refers to a missing person, goal or other row of the plan.")
    if "UNIQUE" in detail:
        return _("That would put two rows where the plan allows one (the same id or day).")
    return _("The plan's rules for stored rows refused this change ({reason}).").format(
        reason=detail)


_LOST = ("SQLITE_IOERR", "SQLITE_CANTOPEN", "SQLITE_NOTADB", "SQLITE_CORRUPT")


def lost(exc: sqlite3.Error) -> bool:
    """The disk under the plan failed or went away (not a full disk, not a lock)."""
    name = str(getattr(exc, "sqlite_errorname", ""))
    return name.startswith(_LOST) or "disk I/O error" in str(exc)


def medium_lost(name: str) -> MediumLost:
    return MediumLost(_(
        "The disk holding {name} is gone or failing (was the stick pulled out?), so Tandem "
        "has stopped writing to it. Every change you made is still here, and every change "
        "called saved is on that disk: save the plan elsewhere to keep working.").format(
            name=name))


def fault(name: str, exc: sqlite3.Error) -> PlanError:
    """The truth about a failed write, in one sentence."""
    detail = str(exc)
    if "full" in detail:
        return PlanError(_("{name} could not be saved: the disk is full. Nothing was changed; "
                           "free some space and try again.").format(name=name))
    if "readonly" in detail:
        return ReadOnlyPlan(_("{name} cannot be written (the file, its folder or its disk is "
                              "read-only); nothing was changed.").format(name=name))
    if "locked" in detail or "busy" in detail:
        return PlanError(_("{name} is busy in another program; nothing was changed.").format(
            name=name))
    if lost(exc):
        return medium_lost(name)
    return PlanError(_("{name} could not be saved ({detail}); nothing was changed.").format(
        name=name, detail=detail))


def fault_on_disk(path: Path, exc: OSError) -> PlanError:
    """The truth about a plan file that could not be written, in one sentence."""
    import errno

    from planner.store.names import write_error

    sentence = write_error(exc, path)
    if exc.errno in (errno.EROFS, errno.EACCES):
        return ReadOnlyPlan(sentence)
    return PlanError(sentence)


def checkpoint(conn: sqlite3.Connection, name: str = "The plan") -> bool:
    """Fold the write-ahead log into the file, so the file alone is the plan.
    MediumLost when the disk has gone; False when a reader holds the log."""
    try:
        busy, _, _ = conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
    except sqlite3.Error as exc:
        if lost(exc):
            raise medium_lost(name) from None
        return False  # the log stays beside the file; SQLite replays it on the next open
    return not busy


def close(conn: sqlite3.Connection, checkpoint_first: bool) -> None:
    """Close; after writing, fold the log into the file and leave it at rest
    in rollback-journal mode, so the file alone is the plan and opening it
    again (to read, or to write) writes nothing. Never raises for a disk that
    has gone: what it held is what was synced."""
    try:
        if checkpoint_first and checkpoint(conn):
            try:
                conn.execute("PRAGMA query_only = OFF")
                conn.execute("PRAGMA journal_mode = DELETE")
            except sqlite3.Error:
                pass  # a reader holds it: the file stays in WAL mode, which is fine too
    except PlanError:
        pass
    finally:
        try:
            conn.close()
        except sqlite3.Error:
            pass


def integrity_problems(conn: sqlite3.Connection, most: int = 20) -> list[str]:
    """What SQLite's own checks find wrong, one line each (empty when sound);
    at most `most` lines and how many more."""
    found: list[str] = []
    for check in ("integrity_check", "quick_check"):  # the quick one says more on some damage
        try:
            found = [line for (text,) in conn.execute(f"PRAGMA {check}")
                     for line in str(text).splitlines()
                     if line not in ("ok", "*** in database main ***")]
            found += [_("row {row} of {table} refers to a missing {other} row").format(
                          row=r[1], table=r[0], other=r[2])
                      for r in conn.execute("PRAGMA foreign_key_check")]
            break
        except sqlite3.DatabaseError as exc:
            found = [_("the file is damaged ({reason})").format(reason=exc)]
    if len(found) > most:
        found = [*found[:most], _("and {count} more").format(count=len(found) - most)]
    return found


__all__ = ["SCHEMA_VERSION", "blank", "checkpoint", "close", "data_version", "fault", "image",
           "integrity_problems", "lost", "medium_lost", "memory", "at_rest", "open_writable", "start_writing", "write"]
