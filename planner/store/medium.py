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
from pathlib import Path

_PIECE = 4096


# (page, sync after): pages grown, written again and synced in the order SQLite
# does; fusefat refuses the last write of this very sequence.
_SEQUENCE = ((0, True), (1, False), (1, False), (1, True), (0, False), (1, False), (1, True),
             (2, False), (3, False), (1, True), (2, False), (0, False), (4, True), (3, False))


def cannot_edit_in_place(folder: Path) -> str | None:
    """Why files on this disk cannot be edited in place (None: they can)."""
    probe = folder / f".tandem-{secrets.token_hex(6)}.probe"
    try:
        fd = os.open(probe, os.O_RDWR | os.O_CREAT | os.O_EXCL, 0o644)
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
        os.close(fd)
        fd = -1
        with open(probe, "rb") as f:
            if f.read() != expected:
                return "it read back other bytes than were written"
    except OSError as exc:
        return f"it refused ({exc.strerror or exc})"
    finally:
        if fd >= 0:
            os.close(fd)
        try:
            probe.unlink()
        except OSError:
            pass
    return None
