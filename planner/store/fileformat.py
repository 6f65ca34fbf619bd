"""What makes a file a Tandem plan: SQLite header, application id, schema
version, no damage, and no schema object Tandem did not create.

Everything here only reads. The header is read directly; the rest is asked
of a connection the store opened read-only or of the plan's image in memory.
"""

import os
import sqlite3
import struct
import threading
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from planner.i18n import _
from planner.errors import PlanFileError
from planner.store.migrations import SCHEMA_FILE, SCHEMA_VERSION, migrate

__all__ = ["APPLICATION_ID", "PLAN_SUFFIX", "SCHEMA_VERSION", "check_damage", "check_header",
           "check_version", "expected_schema", "foreign_objects", "log_pending", "read_header",
           "replaced_tables", "wal_path"]

PLAN_SUFFIX = ".tandem"
# "Tand" in ASCII; SQLite stores it at byte 68 of the header.
APPLICATION_ID = 0x54616E64
_SQLITE_MAGIC = b"SQLite format 3\x00"
_HEADER_SIZE = 100


@dataclass(frozen=True)
class Header:
    page_size: int
    pages: int
    pages_valid: bool  # the page count is trustworthy (SQLite's own rule)
    user_version: int
    application_id: int


def read_header(path: Path) -> Header:
    """Read the SQLite header without opening the database (writes nothing)."""
    try:
        with open(path, "rb") as f:
            raw = f.read(_HEADER_SIZE)
    except FileNotFoundError:
        raise PlanFileError(_("{name} does not exist.").format(name=path.name)) from None
    except IsADirectoryError:
        raise PlanFileError(_("{name} is a folder, not a plan file.").format(name=path.name)) from None
    except OSError as exc:
        raise PlanFileError(_("{name} cannot be read ({reason}).").format(name=path.name,
                                reason=exc.strerror)) from None
    if len(raw) < _HEADER_SIZE or not raw.startswith(_SQLITE_MAGIC):
        raise PlanFileError(_("{name} is not a Tandem plan (it is not a database file).").format(name=path.name))
    page_size = struct.unpack(">H", raw[16:18])[0]
    page_size = 65536 if page_size == 1 else page_size
    (change_counter,) = struct.unpack(">I", raw[24:28])
    (pages,) = struct.unpack(">I", raw[28:32])
    (valid_for,) = struct.unpack(">I", raw[92:96])
    (user_version,) = struct.unpack(">I", raw[60:64])
    (application_id,) = struct.unpack(">I", raw[68:72])
    return Header(page_size, pages, pages > 0 and valid_for == change_counter, user_version,
                  application_id)


def wal_path(path: Path) -> Path:
    return path.with_name(path.name + "-wal")


def log_pending(path: Path) -> bool:
    """A write-ahead log with pages in it lies beside the plan (none can, when
    the plan's name leaves no room for the log's)."""
    try:
        return wal_path(path).stat().st_size > 0
    except OSError:
        return False


def check_header(path: Path) -> Header:
    """Refuse, with one sentence, a file that cannot be a plan, from its header."""
    header = read_header(path)
    if header.application_id != APPLICATION_ID:
        raise PlanFileError(_("{name} is a database, but not a Tandem plan.").format(name=path.name))
    pending = log_pending(path)
    # A write-ahead log may hold pages the file does not have yet (a crash in
    # the middle of a checkpoint): only a file with no log can be "too short".
    if not pending and header.pages_valid and \
            os.path.getsize(path) < header.page_size * header.pages:
        raise PlanFileError(
            _("{name} is damaged: the file is shorter than its own header says (it may have been "
              "cut off while copying).").format(name=path.name))
    return header


def check_version(name: str, conn: sqlite3.Connection) -> int:
    (version,) = conn.execute("PRAGMA user_version").fetchone()
    if version > SCHEMA_VERSION:
        raise PlanFileError(
            _("{name} was written by a newer Tandem (plan format {version}; this version reads up "
              "to {SCHEMA_VERSION}). Update Tandem to open it.").format(name=name,
                version=version, SCHEMA_VERSION=SCHEMA_VERSION))
    if version < 0:
        raise PlanFileError(_("{name} is not a Tandem plan (its plan format, {version}, is none "
                              "Tandem has written).").format(name=name, version=version))
    return int(version)


def check_damage(conn: sqlite3.Connection, skip: frozenset[str] = frozenset()) -> str | None:
    """SQLite's quick check of every page: what is wrong, or None when sound.
    With `skip`, every table but those (each with its indexes) and the schema
    itself; the pages of the skipped tables are checked later, in full."""
    try:
        if not skip:
            results = [conn.execute("PRAGMA quick_check").fetchall()]
        else:
            names = [n for (n,) in conn.execute(
                "SELECT name FROM sqlite_schema WHERE type = 'table'") if n not in skip]
            results = [conn.execute('PRAGMA quick_check("{}")'.format(n.replace('"', '""')))
                       .fetchall() for n in ["sqlite_schema", *names]]
    except sqlite3.DatabaseError as exc:
        return str(exc)
    for result in results:
        if result != [("ok",)]:
            return _first_fault(result)
    return None


def pages_fault(conn: sqlite3.Connection) -> str | None:
    """SQLite's quick check of every page, as `check_damage`, but a file that
    cannot be read at all (its disk gone) raises rather than being called
    damaged."""
    try:
        result = conn.execute("PRAGMA quick_check").fetchall()
    except sqlite3.DatabaseError as exc:
        if getattr(exc, "sqlite_errorname", "") in ("SQLITE_CORRUPT", "SQLITE_NOTADB"):
            return str(exc)
        raise
    return None if result == [("ok",)] else _first_fault(result)


def _first_fault(result: list[Any]) -> str:
    """The first fault SQLite's check names, on one line (it can list a
    hundred, under a heading)."""
    lines = [line.strip() for row in result for line in str(row[0] if row else "").splitlines()]
    faults = [line for line in lines if line and not line.startswith("*** in database")]
    return faults[0][:200] if faults else _("the check found no answer")


class DamageCheck:
    """`check_damage` of a plan file on a thread, on a read-only connection of
    its own (SQLite checks the pages without Python's lock, while the caller
    reads the file): `result()` waits for it. `skip` as `check_damage`'s."""

    def __init__(self, path: Path, skip: frozenset[str] = frozenset()) -> None:
        self._path, self._skip = path, skip
        self._result: str | None = _("the check of its pages did not finish")
        self._thread = threading.Thread(target=self._run, name="tandem-quick-check",
                                        daemon=True)
        self._thread.start()

    def _run(self) -> None:
        try:
            conn = sqlite3.connect(f"{self._path.resolve().as_uri()}?mode=ro", uri=True,
                                   isolation_level=None, check_same_thread=False)
        except sqlite3.Error as exc:
            self._result = str(exc)
            return
        try:
            conn.execute("PRAGMA trusted_schema = OFF")
            conn.execute("PRAGMA busy_timeout = 2000")  # as the plan's own connection waits
            self._result = check_damage(conn, self._skip)
        except sqlite3.Error as exc:
            self._result = str(exc)
        finally:
            conn.close()

    def result(self) -> str | None:
        self._thread.join()
        return self._result


SchemaObject = tuple[str, str, str, str | None]  # type, name, table, sql


@cache
def expected_schema(version: int) -> frozenset[SchemaObject]:
    """The schema objects Tandem's own migrations build up to a version: the
    newest version's as written beside the steps (`migrations/schema.json`,
    a test holds it to the steps; running them costs ~25 ms an open), an
    older one's by running the steps in memory."""
    if version == SCHEMA_VERSION:
        written = newest_schema()
        if written is not None:
            return written
    return migrated_schema(version)


def newest_schema() -> frozenset[SchemaObject] | None:
    """The newest version's schema objects as `python -m planner.store.migrations`
    wrote them, or None when the file is not there or is for another version."""
    import json

    try:
        data = json.loads(SCHEMA_FILE.read_text("utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(data, dict) or data.get("version") != SCHEMA_VERSION:
        return None
    return frozenset((str(t), str(n), str(tb), s) for t, n, tb, s in data["objects"])


def migrated_schema(version: int) -> frozenset[SchemaObject]:
    """The schema objects Tandem's migrations build up to a version, run in memory."""
    conn = sqlite3.connect(":memory:", isolation_level=None)
    try:
        migrate(conn, up_to=version)
        return _schema(conn)
    finally:
        conn.close()


def _schema(conn: sqlite3.Connection) -> frozenset[SchemaObject]:
    rows = conn.execute("SELECT type, name, tbl_name, sql FROM sqlite_master "
                        "WHERE name NOT LIKE 'sqlite_stat%'").fetchall()
    return frozenset((str(t), str(n), str(tb), s) for t, n, tb, s in rows)


def foreign_objects(conn: sqlite3.Connection, version: int) -> list[str]:
    """The schema objects a file carries that Tandem did not create (triggers,
    views, other tables or indexes, changed table definitions), named for a
    person: e.g. `a trigger “wipe” on goal`. Reading the schema runs none of it."""
    found = _schema(conn) - expected_schema(version)
    ours = {name for kind, name, _t, _s in expected_schema(version) if kind == "table"}
    words = []
    for kind, name, table, _sql in sorted(found, key=lambda o: (o[0], o[1])):
        if kind == "table" and name in ours:
            words.append(_("a changed definition of the {name} table").format(name=name))
        elif kind == "view" and name in ours:
            words.append(_("a view in place of the {name} table").format(name=name))
        elif kind in ("trigger", "index"):
            words.append(f"a{'n' if kind == 'index' else ''} {kind} \u201c{name}\u201d on {table}")
        else:
            words.append(f"a {kind} \u201c{name}\u201d")
    return words


def replaced_tables(conn: sqlite3.Connection, version: int) -> list[str]:
    """Tandem's tables that are missing or are something else (a view)."""
    ours = {name for kind, name, _t, _s in expected_schema(version) if kind == "table"}
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    return sorted(ours - tables)
