"""Writing a file so that it is whole or absent, whatever happens meanwhile,
on every file system a user meets (ext4, tmpfs, exFAT, FAT32, NTFS, network
shares, a folder reached through a symlink).

Where the system has unnamed files (Linux's O_TMPFILE) the bytes go into one
in the target's folder and it is given its name only when complete and on
disk. Where it has none, or the disk cannot give it a name (exFAT and FAT
have no hard links, so link(2) says EPERM), the bytes go into a hidden
temporary in the same folder, with a short name of its own (never the
user's name plus a suffix, which could pass the disk's 255-byte limit),
renamed into place: `renameat2(RENAME_NOREPLACE)` where the disk has it, so
an existing file is never replaced unless the caller says so. The file is
fsync'd before it is named and its folder after, so a power cut leaves the
old state or the new, never a named half. Any error removes the temporary.
"""

import errno
import os
import secrets
import sys
from pathlib import Path

from planner.store.names import name_limit, size

# link(2) of an unnamed file refused by a disk that has no hard links (or no
# /proc): the named temporary is used instead.
_NO_LINKS = frozenset({errno.EPERM, errno.EOPNOTSUPP, errno.ENOTSUP, errno.EXDEV,
                       errno.EMLINK, errno.ENOSYS, errno.EINVAL, errno.ENOENT})


def write_new(path: Path, data: bytes) -> None:
    """A new file; FileExistsError (and nothing written) if the name is taken."""
    _write(Path(path), data, replace=False)


def write_replacing(path: Path, data: bytes) -> None:
    """A file, replacing whatever had that name, in one step."""
    _write(Path(path), data, replace=True)


def _write(path: Path, data: bytes, replace: bool) -> None:
    if size(path.name) > name_limit(path.parent):  # said of the name asked for, not a temporary
        raise OSError(errno.ENAMETOOLONG, os.strerror(errno.ENAMETOOLONG), str(path))
    if not replace and (path.exists() or path.is_symlink()):
        raise FileExistsError(errno.EEXIST, "File exists", str(path))
    if _unnamed(path, data, replace):
        _sync_folder(path.parent)
        return
    tmp = path.with_name(f".tandem-{secrets.token_hex(6)}.part")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o644)
    try:
        try:
            _fill(fd, data)
        finally:
            os.close(fd)
        if replace:
            os.replace(tmp, path)
        else:
            _rename_new(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    _sync_folder(path.parent)


def _unnamed(path: Path, data: bytes, replace: bool) -> bool:
    """Write through an unnamed file; False when the disk cannot (nothing written)."""
    flag = getattr(os, "O_TMPFILE", 0)
    if not flag:
        return False
    try:
        fd = os.open(path.parent, flag | os.O_WRONLY, 0o644)
    except OSError as exc:
        if exc.errno in (errno.ENOSPC, errno.EROFS, errno.EACCES, errno.EDQUOT):
            raise  # the true cause: no other way would do better
        return False  # the file system has no unnamed files (FAT, exFAT, some shares)
    try:
        _fill(fd, data)
        try:
            _name(fd, path, replace)
        except OSError as exc:
            if exc.errno in _NO_LINKS:
                return False
            raise
    finally:
        os.close(fd)
    return True


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
    part = path.with_name(f".tandem-{secrets.token_hex(6)}.part")
    _link(fd, part)
    try:
        os.replace(part, path)
    except BaseException:
        part.unlink(missing_ok=True)
        raise


def _rename_new(source: Path, target: Path) -> None:
    """Rename without ever replacing an existing file: renameat2's NOREPLACE
    where the system and disk have it; else look first (the moment between
    looking and renaming is the only window, and only on such disks)."""
    if sys.platform == "win32":  # pragma: no cover - os.rename never replaces there
        os.rename(source, target)
        return
    if sys.platform.startswith("linux"):
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        renameat2 = getattr(libc, "renameat2", None)
        if renameat2 is not None:
            at_fdcwd, noreplace = -100, 1
            if renameat2(at_fdcwd, os.fsencode(source), at_fdcwd, os.fsencode(target),
                         noreplace) == 0:
                return
            code = ctypes.get_errno()
            if code not in (errno.EINVAL, errno.ENOSYS, errno.EOPNOTSUPP, errno.ENOTSUP):
                raise OSError(code, os.strerror(code), str(target))
    if target.exists() or target.is_symlink():
        raise FileExistsError(errno.EEXIST, "File exists", str(target))
    os.rename(source, target)


def _sync_folder(folder: Path) -> None:
    """The new name on the medium too; some file systems cannot sync a folder
    (their names are written at once), which is fine."""
    if sys.platform == "win32":  # pragma: no cover
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError as exc:
        if exc.errno not in (errno.EINVAL, errno.EBADF, errno.ENOTSUP, errno.EOPNOTSUPP,
                             errno.EPERM, errno.EACCES, errno.ENOSYS):
            raise
    finally:
        os.close(fd)
