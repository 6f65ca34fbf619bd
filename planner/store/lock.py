"""One writer per plan: an OS lock on a side file that names who holds it.

The OS releases the lock when the holder dies, so a crash never leaves a
plan locked; the side file only says who had it.
"""

import getpass
import json
import os
import socket
import sys
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import IO


@dataclass(frozen=True)
class Holder:
    user: str
    host: str
    pid: int
    since: str

    def describe(self) -> str:
        where = "this computer" if self.host == socket.gethostname() else self.host
        return f"{self.user} on {where} (process {self.pid}) since {self.since}"


def lock_path(plan_path: Path) -> Path:
    return plan_path.with_name(f".{plan_path.name}.lock")


def _try_lock(f: IO[str]) -> bool:
    if sys.platform == "win32":  # pragma: no cover - exercised on Windows builds only
        import msvcrt
        try:
            msvcrt.locking(f.fileno(), msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True
    import fcntl
    try:
        fcntl.flock(f.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    return True


class PlanLock:
    """Held while a plan is open for writing."""

    def __init__(self, plan_path: Path) -> None:
        self.path = lock_path(plan_path)
        self._file: IO[str] | None = None

    def acquire(self) -> Holder | None:
        """Take the lock; return None, or who holds it if someone else does."""
        f = open(self.path, "a+", encoding="utf-8")
        if not _try_lock(f):
            f.seek(0)
            holder = _parse_holder(f.read())
            f.close()
            return holder or Holder("another user", "this computer", 0, "unknown")
        me = Holder(getpass.getuser(), socket.gethostname(), os.getpid(),
                    datetime.now(timezone.utc).astimezone().strftime("%Y-%m-%d %H:%M"))
        f.seek(0)
        f.truncate()
        f.write(json.dumps(me.__dict__))
        f.flush()
        self._file = f
        return None

    def release(self) -> None:
        if self._file is None:
            return
        try:
            self.path.unlink(missing_ok=True)
        finally:
            self._file.close()
            self._file = None


def _parse_holder(text: str) -> Holder | None:
    try:
        data = json.loads(text)
        return Holder(str(data["user"]), str(data["host"]), int(data["pid"]), str(data["since"]))
    except (ValueError, KeyError, TypeError):
        return None
