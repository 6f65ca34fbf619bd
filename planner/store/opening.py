"""Opening a plan file: for writing only when nothing stands in the way, else
read-only with one sentence that says why, else refused with one sentence.

What stands in the way of writing: another window or program holding the
plan, a read-only file, folder or disk, and any schema object Tandem did not
create (a trigger, a view, another table or index, a changed table): Tandem
never writes to a file carrying SQL it did not write, and never runs it.
Nothing here writes to a file it refuses or opens read-only.
"""

import os
import sqlite3
import threading
from dataclasses import dataclass
from pathlib import Path

from planner.i18n import _, ngettext
from planner.errors import PlanFileError
from planner.store import connection
from planner.store.fileformat import (
    DamageCheck, check_damage, check_header, check_version, foreign_objects, log_pending,
    replaced_tables)
from planner.store.lock import Holder, PlanLock, writer_holds
from planner.store.migrations import SCHEMA_VERSION, migrate
from planner.store.names import plan_name_problem


@dataclass
class Opened:
    conn: sqlite3.Connection      # what the plan is read from
    lock: PlanLock | None         # held: the plan is open for writing
    held_by: Holder | None        # who writes it, when someone else does
    reason: str | None            # why it is read-only, in one sentence
    foreign: tuple[str, ...]      # schema objects Tandem did not create
    in_memory: bool = False       # a new plan being made, not yet a file
    # The file's own connection, writing nothing until the first commit; the
    # same as `conn` unless an older plan is read from a copy upgraded in memory.
    disk: sqlite3.Connection | None = None
    # Tables whose pages were not checked on opening (`open_file`'s `later`):
    # the store has them checked, in full, on its thread.
    pages_later: frozenset[str] = frozenset()
    # The replica being copied on a thread (the window's way): until it is
    # done, `conn` is the file's own connection (`disk`), read as it stands.
    copying: "Copying | None" = None

    @property
    def writable(self) -> bool:
        return self.lock is not None or self.in_memory


def why_not_writable(path: Path) -> str | None:
    """A read-only file, folder or disk, in one sentence (None: writable)."""
    folder = path.resolve().parent
    try:
        read_only_disk = bool(os.statvfs(folder).f_flag & os.ST_RDONLY)
    except (OSError, AttributeError):  # no statvfs on Windows
        read_only_disk = False
    if read_only_disk:
        return _("{name} is on a read-only disk, so changes to it cannot be saved.").format(
            name=path.name)
    if not os.access(path, os.W_OK):
        return _("{name} is a read-only file, so changes to it cannot be saved.").format(
            name=path.name)
    if not os.access(folder, os.W_OK | os.X_OK):
        return _("The folder of {name} cannot be written to, so changes to the plan cannot be "
                 "saved.").format(name=path.name)
    too_long = plan_name_problem(path)
    if too_long:
        return _("{problem} It is open read-only until it is renamed.").format(problem=too_long)
    return None


def _held(holder: Holder) -> str:
    return _("{holder} has this plan open for editing. This window shows the plan but cannot "
             "change it.").format(holder=holder.describe())


def _carries(name: str, foreign: list[str]) -> str:
    return _("{name} carries schema objects Tandem did not create ({objects}); Tandem will "
             "not write to it.").format(name=name, objects="; ".join(foreign))


def damaged(name: str, detail: str) -> str:
    """Why a plan whose pages SQLite's check faults is open read-only."""
    return _("{name} is damaged ({detail}); it is open read-only so that nothing more is "
             "lost: export it or save a copy.").format(name=name, detail=detail)


def _inspect(name: str, conn: sqlite3.Connection) -> tuple[int, list[str]]:
    """Version and foreign schema objects; refuses what cannot be read."""
    version = check_version(name, conn)
    missing = replaced_tables(conn, version)
    if missing:
        raise PlanFileError(ngettext(
            "{name} is not a sound plan: its {missing} table is missing or replaced by "
            "something else.", "{name} is not a sound plan: its {missing} tables are missing or "
            "replaced by something else.", len(missing)).format(name=name,
                                                                missing=", ".join(missing)))
    return version, foreign_objects(conn, version)


def open_file(path: Path, read_only: bool, later: frozenset[str] = frozenset()) -> Opened:
    """Open a plan: for writing when asked and nothing stands in the way.
    `later`: tables whose pages need not be checked before the plan opens for
    writing (the kinds read only when needed; the caller checks them after)."""
    check_header(path)
    reason = None if read_only else why_not_writable(path)
    if not read_only and reason is None:
        lock = PlanLock(path)
        try:
            holder = lock.acquire()
        except OSError as exc:
            raise PlanFileError(_("{name} cannot be opened ({reason}).").format(name=path.name,
                                    reason=exc.strerror)) from None
        if holder is None:
            opened = _open_for_writing(path, lock, later)
            if isinstance(opened, Opened):
                return opened
            reason = opened  # damaged, or foreign objects (said below, from the image)
        else:
            return _open_image(path, holder, _held(holder))
    return _open_image(path, writer_holds(path), reason)


def _open_for_writing(path: Path, lock: PlanLock,
                      later: frozenset[str]) -> Opened | str | None:
    """The writable connection (writing nothing yet); None when the file
    carries foreign SQL, a sentence when it is damaged (it opens read-only)."""
    try:
        conn = connection.open_writable(path)
    except sqlite3.DatabaseError as exc:
        lock.release()
        raise PlanFileError(_("{name} cannot be opened ({reason}).").format(name=path.name,
                                reason=exc)) from None
    replica = None
    try:
        version, foreign = _inspect(path.name, conn)
        if foreign:
            conn.close()
            lock.release()
            return None
        if version < SCHEMA_VERSION:  # read from an upgraded copy; the file waits for an edit
            damage = check_damage(conn)
        elif later and _at_rest(path, lock):  # the window's way: both on threads, and
            # the first page is read from the file while the replica is copied
            damage = DamageCheck(path, later).result()
            if damage:
                conn.close()
                lock.release()
                return damaged(path.name, damage)
            copying = Copying(path)
            return Opened(conn, lock, None, None, (), disk=conn, pages_later=later,
                          copying=copying)
        else:  # SQLite checks every page on a thread while the replica is read
            checking = DamageCheck(path, later)
            replica = _replica(path, conn, lock)
            damage = checking.result()
        if damage:
            _close_all(replica, conn)
            lock.release()
            return damaged(path.name, damage)
        if replica is None:
            return Opened(_upgraded_image(path), lock, None, None, (), disk=conn)
    except sqlite3.OperationalError as exc:
        _close_all(replica, conn)
        lock.release()
        raise connection.fault(path.name, exc) from None
    except BaseException:
        _close_all(replica, conn)
        lock.release()
        raise
    return Opened(replica, lock, None, None, (), disk=conn, pages_later=later)


def _close_all(*conns: sqlite3.Connection | None) -> None:
    for conn in conns:
        if conn is not None:
            conn.close()


def _replica(path: Path, disk: sqlite3.Connection, lock: PlanLock) -> sqlite3.Connection:
    """The plan in memory, written beside the file at every commit. A file at
    rest (no write-ahead log beside it, in rollback-journal form) is copied
    page by page by SQLite's backup (one consistent read, and no buffer of the
    whole file beside it: a 30 MB plan peaks at 30 MB, not 60); otherwise its
    bytes are serialized and made a rollback-journal image."""
    if _at_rest(path, lock):
        replica = connection.memory_from(disk)
        if replica is not None:
            return replica
    return connection.memory(disk.serialize())


def _at_rest(path: Path, lock: PlanLock) -> bool:
    """No write-ahead log beside the file, which is in rollback-journal form."""
    return not log_pending(path) and lock.header_bytes(18, 20) == b"\x01\x01"


class Copying:
    """The replica copied by SQLite's backup on a thread, from a read-only
    connection of its own to the file (at rest, its lock held: nothing else
    writes it meanwhile but what `PlanStore.check_outside` would see), once
    `start()` is called (the window calls it once the plan is shown, so that
    the copy does not compete with showing it). `replica()` waits for it: the
    copy, or None when SQLite could not make it (the store serializes the
    file instead)."""

    def __init__(self, path: Path) -> None:
        self._path = path
        self._replica: sqlite3.Connection | None = None
        self.error: sqlite3.Error | None = None  # why no copy was made, when known
        self._thread = threading.Thread(target=self._run, name="tandem-replica", daemon=True)

    def start(self) -> None:
        if self._thread.ident is None:
            self._thread.start()

    def _run(self) -> None:
        try:
            source = sqlite3.connect(f"{self._path.resolve().as_uri()}?mode=ro", uri=True,
                                     isolation_level=None, check_same_thread=False)
        except sqlite3.Error as exc:
            self.error = exc
            return
        try:
            source.execute("PRAGMA busy_timeout = 2000")
            self._replica = connection.memory_from(source, raising=True)
        except sqlite3.Error as exc:
            self.error, self._replica = exc, None
        finally:
            source.close()

    def done(self) -> bool:
        self.start()
        return not self._thread.is_alive()

    def replica(self) -> sqlite3.Connection | None:
        self.start()
        self._thread.join()
        return self._replica

    def discard(self) -> None:
        if self._thread.ident is None:
            return  # never started: nothing to wait for
        replica = self.replica()
        if replica is not None:
            replica.close()


def _upgraded_image(path: Path) -> sqlite3.Connection:
    conn = connection.image(path, writer_alive=False)
    try:
        migrate(conn)
    except BaseException:
        conn.close()
        raise
    conn.execute("PRAGMA query_only = ON")
    return conn


def _open_image(path: Path, holder: Holder | None, reason: str | None) -> Opened:
    """Read-only: the plan in memory (an older plan migrated there). The file
    is read once; the store's loading every row is the scan that finds damage
    in what it reads (`tandem check` runs SQLite's full integrity check)."""
    try:
        conn = connection.image(path, writer_alive=holder is not None)
    except (sqlite3.DatabaseError, OSError) as exc:
        raise PlanFileError(_("{name} cannot be read ({reason}).").format(name=path.name,
                                reason=exc)) from None
    try:
        version, foreign = _inspect(path.name, conn)
        if version < SCHEMA_VERSION:
            migrate(conn)
    except sqlite3.DatabaseError as exc:
        conn.close()
        raise PlanFileError(_("{name} is damaged and cannot be opened ({reason}).").format(name=path.name,
                                reason=exc)) from None
    except BaseException:
        conn.close()
        raise
    if foreign and reason is None:
        reason = _carries(path.name, foreign)
    conn.execute("PRAGMA query_only = ON")
    return Opened(conn, None, holder, reason, tuple(foreign))


def open_bytes(name: str, data: bytes, writable: bool) -> Opened:
    """A plan held in memory only, from a whole file's bytes: writable (a copy
    a merge goes into before it is written out) or read-only."""
    try:
        conn = connection.memory(data)
    except sqlite3.DatabaseError as exc:
        raise PlanFileError(_("{name} cannot be read ({reason}).").format(name=name,
                                reason=exc)) from None
    try:
        version, foreign = _inspect(name, conn)
        if foreign:
            raise PlanFileError(_carries(name, foreign))
        if version < SCHEMA_VERSION:
            conn.execute("PRAGMA query_only = OFF")
            migrate(conn)
            conn.execute("PRAGMA query_only = ON")
    except sqlite3.DatabaseError as exc:
        conn.close()
        raise PlanFileError(_("{name} is damaged and cannot be opened ({reason}).").format(name=name,
                                reason=exc)) from None
    except BaseException:
        conn.close()
        raise
    return Opened(conn, None, None, None if writable else _("{name} is held in memory only.").format(name=name),
                  (), in_memory=writable)
