"""What the disk under a plan can do, asked before the first edit is written.

SQLite edits a plan in place: it writes pages in the middle of the file,
grows it a page at a time, and truncates its journal. Some drivers cannot
(fusefat, the FUSE driver for FAT, refuses writes that grow a file piece by
piece and garbles others), and SQLite, trusting the disk, would damage the
plan. So before the first edit a small file beside the plan is written in
pieces, read back and removed; a disk that fails this is not edited on.
Whole files (new plans, copies, exports) are written in one piece and work
on such disks.
"""

import os
import secrets
import time
from pathlib import Path

from planner.i18n import _

_PIECE = 4096


# (page, sync after): pages grown, written again and synced in the order SQLite
# does; fusefat refuses the last write of this very sequence.
_SEQUENCE = ((0, True), (1, False), (1, False), (1, True), (0, False), (1, False), (1, True),
             (2, False), (3, False), (1, True), (2, False), (0, False), (4, True), (3, False))


def _stale_probes(folder: Path) -> None:
    """Remove the probes of processes killed while probing (a probe takes
    milliseconds: one older than a minute is nobody's)."""
    try:
        names = [e for e in os.scandir(folder) if e.name.startswith(".tandem-")
                 and e.name.endswith(".probe")]
        for entry in names:
            if time.time() - entry.stat(follow_symlinks=False).st_mtime > 60:
                os.unlink(entry.path)
    except OSError:
        pass


def _open_probe(folder: Path) -> tuple[int, Path | None]:
    """A file to probe with: unnamed where the disk allows (O_TMPFILE: it
    vanishes with the process, even one killed midway), else a hidden one."""
    tmpfile = getattr(os, "O_TMPFILE", 0)
    if tmpfile:
        try:
            return os.open(folder, os.O_RDWR | tmpfile, 0o600), None
        except OSError:
            pass  # FAT, most FUSE drivers, older kernels: a named file
    _stale_probes(folder)
    probe = folder / f".tandem-{secrets.token_hex(6)}.probe"
    return os.open(probe, os.O_RDWR | os.O_CREAT | os.O_EXCL, 0o644), probe


def cannot_edit_in_place(folder: Path) -> str | None:
    """Why files on this disk cannot be edited in place (None: they can)."""
    try:
        fd, probe = _open_probe(folder)
    except OSError:
        return None  # the folder's own trouble (full, read-only) is said where it happens
    expected = bytearray()
    try:
        for n, (page, sync) in enumerate(_SEQUENCE):
            piece = bytes([n + 1]) * _PIECE
            os.pwrite(fd, piece, page * _PIECE)
            expected[page * _PIECE:(page + 1) * _PIECE] = piece
            if sync:
                os.fsync(fd)
        os.ftruncate(fd, 3 * _PIECE)  # as a journal is cut back
        del expected[3 * _PIECE:]
        os.fsync(fd)
        if probe is None:
            back = os.pread(fd, len(expected) + 1, 0)
        else:
            os.close(fd)
            fd = -1
            with open(probe, "rb") as f:
                back = f.read()
        if back != expected:
            return _("it read back other bytes than were written")
    except OSError as exc:
        return _("it refused ({reason})").format(reason=exc.strerror or exc)
    finally:
        if fd >= 0:
            os.close(fd)
        if probe is not None:
            try:
                probe.unlink()
            except OSError:
                pass
    return None
