"""Writing a file so that it is whole or absent, whatever happens meanwhile.

On Linux the bytes go into an unnamed file (O_TMPFILE) in the target's folder
and are given their name only when complete and on disk: a kill, a full disk
or an I/O error leaves nothing behind. Elsewhere a hidden temporary name is
used and removed on any error.
"""

import os
import tempfile
from pathlib import Path


def write_new(path: Path, data: bytes) -> None:
    """A new file; FileExistsError (and nothing written) if the name is taken."""
    _write(path, data, replace=False)


def write_replacing(path: Path, data: bytes) -> None:
    """A file, replacing whatever had that name, in one step."""
    _write(path, data, replace=True)


def _write(path: Path, data: bytes, replace: bool) -> None:
    folder = path.parent
    flag = getattr(os, "O_TMPFILE", 0)
    if flag:
        try:
            fd = os.open(folder, flag | os.O_WRONLY, 0o644)
        except OSError:
            fd = -1  # the file system has no unnamed files (some network shares)
        if fd >= 0:
            try:
                _fill(fd, data)
                _name(fd, path, replace)
            finally:
                os.close(fd)
            return
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=folder)
    try:
        _fill(fd, data)
        os.close(fd)
        fd = -1
        if replace:
            os.replace(tmp, path)
        else:
            os.link(tmp, path)
            os.unlink(tmp)
    except BaseException:
        if fd >= 0:
            os.close(fd)
        Path(tmp).unlink(missing_ok=True)
        raise


def _fill(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        written = os.write(fd, view)
        view = view[written:]
    os.fsync(fd)


def _link(fd: int, path: Path) -> None:
    """linkat(AT_SYMLINK_FOLLOW) of /proc/self/fd/N: Python calls it only when a
    directory descriptor is given, and plain link(2) would not follow."""
    folder = os.open(path.parent, os.O_RDONLY)
    try:
        os.link(f"/proc/self/fd/{fd}", path.name, dst_dir_fd=folder, follow_symlinks=True)
    finally:
        os.close(folder)


def _name(fd: int, path: Path, replace: bool) -> None:
    """Give an unnamed file its name."""
    if not replace:
        _link(fd, path)
        return
    part = path.with_name(f".{path.name}.{os.getpid()}.part")
    part.unlink(missing_ok=True)
    _link(fd, part)
    try:
        os.replace(part, path)
    except BaseException:
        part.unlink(missing_ok=True)
        raise
