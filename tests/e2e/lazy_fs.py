"""A file system that loses what was not synced, as a disk's cache does at a
power cut: a FUSE layer (mfusepy) over a backing folder that keeps every
file's written bytes in its own memory until `fsync` (or `fdatasync`) writes
them through. Killing this process is the power cut: the backing folder then
holds exactly what had been synced (each sync whole, or not at all). Names
(create, rename, unlink) reach the backing folder at once, as a journaling
file system's metadata does.

    python lazy_fs.py BACKING MOUNTPOINT     (runs in the foreground until killed)
"""

import errno
import os
import stat
import sys
import threading

import mfusepy as fuse

HIDDEN = ".lazy-fs-sync-"  # a file being synced, beside its name in the backing folder


class LazyFS(fuse.Operations):
    """Reads and writes by path; dirty files are whole in memory."""

    use_ns = True

    def __init__(self, root: str) -> None:
        self.root = root
        self.dirty: dict[str, bytearray] = {}  # path -> the file as the program sees it
        self._mutex = threading.RLock()

    def _real(self, path: str) -> str:
        return os.path.join(self.root, path.lstrip("/"))

    def _data(self, path: str) -> bytearray:
        if path not in self.dirty:
            with open(self._real(path), "rb") as f:
                self.dirty[path] = bytearray(f.read())
        return self.dirty[path]

    # -- names: at once ------------------------------------------------------

    def getattr(self, path: str, fh: int | None = None) -> dict[str, int]:
        with self._mutex:
            try:
                st = os.lstat(self._real(path))
            except OSError as exc:
                raise fuse.FuseOSError(exc.errno or errno.EIO) from None
            out = {key: getattr(st, key) for key in (
                "st_mode", "st_nlink", "st_uid", "st_gid", "st_size", "st_atime_ns",
                "st_mtime_ns", "st_ctime_ns")}
            for key in ("st_atime", "st_mtime", "st_ctime"):
                out[key] = getattr(st, key + "_ns")
            if path in self.dirty and stat.S_ISREG(st.st_mode):
                out["st_size"] = len(self.dirty[path])
            return out

    def readdir(self, path: str, fh: int) -> list[str]:
        return [".", "..", *(n for n in os.listdir(self._real(path))
                             if not n.startswith(HIDDEN))]

    def access(self, path: str, amode: int) -> int:
        if not os.access(self._real(path), amode):
            raise fuse.FuseOSError(errno.EACCES)
        return 0

    def statfs(self, path: str) -> dict[str, int]:
        st = os.statvfs(self._real(path))
        return {key: getattr(st, key) for key in (
            "f_bavail", "f_bfree", "f_blocks", "f_bsize", "f_favail", "f_ffree", "f_files",
            "f_flag", "f_frsize", "f_namemax")}

    def mkdir(self, path: str, mode: int) -> int:
        os.mkdir(self._real(path), mode)
        return 0

    def rmdir(self, path: str) -> int:
        os.rmdir(self._real(path))
        return 0

    def chmod(self, path: str, mode: int) -> int:
        os.chmod(self._real(path), mode)
        return 0

    def chown(self, path: str, uid: int, gid: int) -> int:
        return 0

    def utimens(self, path: str, times: tuple[int, int] | None = None) -> int:
        return 0

    def create(self, path: str, mode: int, fi: object = None) -> int:
        with self._mutex:
            fd = os.open(self._real(path), os.O_WRONLY | os.O_CREAT | os.O_EXCL, mode)
            os.close(fd)
            self.dirty[path] = bytearray()
            return 0

    def open(self, path: str, flags: int) -> int:
        if not os.path.exists(self._real(path)):
            raise fuse.FuseOSError(errno.ENOENT)
        return 0

    def unlink(self, path: str) -> int:
        with self._mutex:
            os.unlink(self._real(path))
            self.dirty.pop(path, None)
            return 0

    def rename(self, old: str, new: str) -> int:
        with self._mutex:
            os.rename(self._real(old), self._real(new))
            if old in self.dirty:
                self.dirty[new] = self.dirty.pop(old)
            else:
                self.dirty.pop(new, None)
            return 0

    # -- data: in memory until synced ------------------------------------------

    def read(self, path: str, size: int, offset: int, fh: int) -> bytes:
        with self._mutex:
            if path in self.dirty:
                return bytes(self.dirty[path][offset:offset + size])
            with open(self._real(path), "rb") as f:
                f.seek(offset)
                return f.read(size)

    def write(self, path: str, data: bytes, offset: int, fh: int) -> int:
        with self._mutex:
            buf = self._data(path)
            if len(buf) < offset:
                buf.extend(bytes(offset - len(buf)))
            buf[offset:offset + len(data)] = data
            return len(data)

    def truncate(self, path: str, length: int, fh: int | None = None) -> int:
        with self._mutex:
            buf = self._data(path)
            if length < len(buf):
                del buf[length:]
            else:
                buf.extend(bytes(length - len(buf)))
            return 0

    def fsync(self, path: str, datasync: int, fh: int) -> int:
        """What the program wrote, on the backing folder whole or not at all:
        written beside the file and renamed over it. (Written in place, a
        cut while the layer rewrote a file lost what an earlier sync had
        made durable, which no disk does: a whole write-ahead log, once.)"""
        with self._mutex:
            buf = self.dirty.get(path)
            if buf is not None:
                real = self._real(path)
                beside = os.path.join(os.path.dirname(real), HIDDEN + os.path.basename(real))
                fd = os.open(beside, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
                try:
                    os.write(fd, bytes(buf))
                    os.fsync(fd)
                finally:
                    os.close(fd)
                os.chmod(beside, stat.S_IMODE(os.lstat(real).st_mode))
                os.replace(beside, real)
                del self.dirty[path]
            return 0

    def fsyncdir(self, path: str, datasync: int, fh: int) -> int:
        return 0

    def flush(self, path: str, fh: int) -> int:
        return 0  # close(2) is no sync

    def release(self, path: str, fh: int) -> int:
        return 0


if __name__ == "__main__":
    backing, mountpoint = sys.argv[1], sys.argv[2]
    fuse.FUSE(LazyFS(backing), mountpoint, foreground=True, nothreads=True,
              allow_other=False, default_permissions=False)
