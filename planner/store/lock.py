"""One writer per plan: an OS lock on the plan file itself.

The lock is taken on an open descriptor of the file, so whichever way the
file is reached (a symlink, a relative path, a hard link) it is the same
lock, and removing any side file changes nothing. The OS releases it when
the holder dies, so a crash never leaves a plan locked. A side file beside
the plan only says who holds it, for the sentence a second window shows.

Why not the `filelock` or `portalocker` libraries: filelock locks a separate
lock file chosen by path (the very weakness this replaces) and opens it with
O_TRUNC, so it cannot be pointed at the plan; portalocker locks the whole
file, which on Windows would stop SQLite reading its own pages. On Unix this
is `flock(2)` on the plan's descriptor, which does not interact with the
POSIX locks SQLite itself takes; on Windows one byte far beyond SQLite's lock
bytes is locked.
"""

import getpass
import json
import os
import sys
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from planner.i18n import N_, _

_WINDOWS_LOCK_OFFSET = 0x3FFF_F000  # below SQLite's pending byte (1 GiB), past any data


def _host() -> str:
    """This computer's name (os.uname where there is one: socket costs 4 ms)."""
    if hasattr(os, "uname"):
        return os.uname().nodename
    import socket

    return socket.gethostname()


@dataclass(frozen=True)
class Holder:
    user: str
    host: str
    pid: int
    since: str

    def describe(self) -> str:
        """Who holds the plan, in the language spoken: "amara on this computer
        (process 4711) since 3 Mar 2027, 14:05"."""
        where = _("this computer") if self.host in (_host(), "this computer") else self.host
        if self.pid == 0:
            return _("{user} on {where}").format(user=_(self.user), where=where)
        return _("{user} on {where} (process {pid}) since {since}").format(
            user=self.user, where=where, pid=self.pid, since=_since(self.since))


def _since(written: str) -> str:
    """The lock's local time ("2027-03-03 14:05", as it is written) as the
    language writes a time; as written when it is something else."""
    try:
        moment = datetime.strptime(written, "%Y-%m-%d %H:%M")
    except ValueError:
        return written[:40]
    from planner.times import local_time

    return local_time(moment.astimezone())


UNKNOWN = Holder(N_("another program"), "this computer", 0, "")


def _user() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no name for this user id
        return "someone"


def lock_path(plan_path: Path) -> Path:
    """The side file that names the holder (information only: not the lock),
    its name shortened when the plan's own name leaves no room for it."""
    from planner.store.names import side_file

    return side_file(plan_path, ".", ".lock")


def _try_lock(fd: int, exclusive: bool) -> bool:
    if sys.platform == "win32":  # pragma: no cover - exercised on Windows builds only
        import msvcrt

        os.lseek(fd, _WINDOWS_LOCK_OFFSET, os.SEEK_SET)
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        if not exclusive:
            msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
        return True
    import fcntl

    try:
        fcntl.flock(fd, (fcntl.LOCK_EX if exclusive else fcntl.LOCK_SH) | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    return True


def holder_of(plan_path: Path) -> Holder:
    """Who holds the plan, as its side file says (if it says)."""
    try:
        data = json.loads(lock_path(plan_path).read_text(encoding="utf-8"))
        return Holder(str(data["user"]), str(data["host"]), int(data["pid"]),
                      str(data["since"]))
    except (OSError, ValueError, KeyError, TypeError):
        return UNKNOWN


def writer_holds(plan_path: Path) -> Holder | None:
    """Who is writing the plan now, or None when nobody is."""
    try:
        fd = os.open(plan_path, os.O_RDONLY)
    except OSError:
        return None
    try:
        return None if _try_lock(fd, exclusive=False) else holder_of(plan_path)
    finally:
        os.close(fd)  # a shared lock taken on this descriptor goes with it


def shared_read(plan_path: Path) -> bytearray | None:
    """The plan's bytes, read under a shared lock so no writer can start
    halfway through; None when a writer holds the plan. Read into one buffer
    of the file's size: a 60 MB plan costs 60 MB, not twice that."""
    fd = os.open(plan_path, os.O_RDONLY)
    try:
        if not _try_lock(fd, exclusive=False):
            return None
        data = bytearray(os.fstat(fd).st_size)
        view, got = memoryview(data), 0
        while got < len(data) and (n := os.readv(fd, [view[got:]])):
            got += n
        view.release()
        del data[got:]  # a file that shrank meanwhile (never under the lock)
        while chunk := os.read(fd, 1 << 20):  # or grew
            data += chunk
        return data
    finally:
        os.close(fd)


class PlanLock:
    """Held while a plan is open for writing."""

    def __init__(self, plan_path: Path) -> None:
        self.plan_path = plan_path
        self.path = lock_path(plan_path)
        self._fd: int | None = None

    def acquire(self) -> Holder | None:
        """Take the lock; return None, or who holds it if someone else does."""
        fd = os.open(self.plan_path, os.O_RDONLY)
        if not _try_lock(fd, exclusive=True):
            os.close(fd)
            return holder_of(self.plan_path)
        self._fd = fd
        me = Holder(_user(), _host(), os.getpid(),
                    datetime.now(timezone.utc).astimezone().strftime("%Y-%m-%d %H:%M"))
        try:
            self.path.write_text(json.dumps(me.__dict__), encoding="utf-8")
        except OSError:
            pass  # the lock holds without it; a second window just cannot say who
        return None

    def header_bytes(self, start: int, end: int) -> bytes:
        """Bytes of the plan file's header, read on the lock's own descriptor
        (closing another descriptor of the file would drop SQLite's locks on it)."""
        if self._fd is None:
            return b""
        try:
            return os.pread(self._fd, end - start, start)
        except OSError:
            return b""

    def release(self) -> None:
        """Never raises: on a disk that has gone, the lock went with it."""
        if self._fd is None:
            return
        fd, self._fd = self._fd, None
        try:
            self.path.unlink(missing_ok=True)
        except OSError:
            pass
        try:
            os.close(fd)
        except OSError:
            pass
