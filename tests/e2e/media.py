"""Real file systems for the tests, made in image files and mounted as a USB
stick would be: exFAT and NTFS through Debian's FUSE drivers (the kernel
here has no module for them), FAT32 through fusefat, ext4 through a loop
device mounted `-o sync`, and a FUSE layer that loses unsynced writes
(lazy_fs.py). Each needs root, /dev/fuse or a loop device and its tools;
what is missing makes the test skip with the reason (`.ci/setup --test`
installs them all)."""

import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent

# kind: (tools it needs, what installs them)
NEEDS = {
    "exfat": (("mkfs.exfat", "mount.exfat-fuse", "losetup"), "exfatprogs and exfat-fuse"),
    "fat32": (("mkfs.vfat", "fusefat"), "dosfstools and fusefat"),
    "ntfs": (("mkntfs", "ntfs-3g"), "ntfs-3g"),
    "ext4-sync": (("mkfs.ext4", "mount", "losetup"), "e2fsprogs and mount"),
    "lazy": (("fusermount3",), "fuse3 and mfusepy"),
}


def missing(kind: str) -> str | None:
    """Why this machine cannot mount `kind`, or None."""
    if os.geteuid() != 0:
        return "mounting a test disk needs root"
    tools, package = NEEDS[kind]
    absent = [t for t in tools if shutil.which(t) is None]
    if absent:
        return f"needs {', '.join(absent)} (Debian: {package})"
    if kind in ("exfat", "fat32", "ntfs", "lazy") and not os.path.exists("/dev/fuse"):
        return "needs /dev/fuse (FUSE) for this file system's driver"
    if kind in ("exfat", "ext4-sync") and not os.path.exists("/dev/loop-control"):
        return "needs loop devices (/dev/loop-control)"
    if kind == "lazy":
        try:
            import mfusepy  # noqa: F401
        except (ImportError, OSError) as exc:
            return f"needs mfusepy and libfuse ({exc})"
    return None


def skip_unless(kind: str) -> pytest.MarkDecorator:
    reason = missing(kind)
    return pytest.mark.skipif(reason is not None, reason=f"{kind}: {reason}")


@dataclass
class Medium:
    kind: str
    path: Path            # where it is mounted
    image: Path           # its image file (or backing folder)
    driver: subprocess.Popen[bytes] | None = None  # the FUSE process, when there is one
    device: str | None = None   # the loop device, when there is one

    def pull(self) -> None:
        """The stick pulled out: its driver dies, every access fails from now."""
        pid = self.driver_pid()
        assert pid, f"no driver process for {self.kind}"
        os.kill(pid, signal.SIGKILL)
        for _ in range(100):
            try:
                os.stat(self.path)
            except OSError:
                return
            time.sleep(0.05)

    def driver_pid(self) -> int | None:
        if self.driver is not None:
            return self.driver.pid
        found = subprocess.run(["pgrep", "-f", f"{self.device or self.image} {self.path}"],
                               capture_output=True, text=True).stdout.split()
        return int(found[0]) if found else None

    def unmount(self) -> None:
        subprocess.run(["umount", "-l", str(self.path)], capture_output=True)
        if self.driver is not None:
            self.driver.kill()
            self.driver.wait()
            self.driver = None
        for _ in range(50):
            if not os.path.ismount(self.path):
                break
            time.sleep(0.05)

    def remount(self) -> None:
        """Plugged in again: the same image, mounted afresh."""
        self.unmount()
        _mount(self)


def _run(*command: str) -> str:
    done = subprocess.run(command, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, f"{' '.join(command)}: {done.stderr or done.stdout}"
    return done.stdout.strip()


def _mount(medium: Medium) -> None:
    kind, image, path = medium.kind, str(medium.image), str(medium.path)
    if kind == "exfat":
        if medium.device is None:
            medium.device = _run("losetup", "-f", "--show", image)
        _run("mount.exfat-fuse", medium.device, path)
    elif kind == "fat32":
        _run("fusefat", "-o", "rw+", image, path)
    elif kind == "ntfs":
        _run("ntfs-3g", image, path)
    elif kind == "ext4-sync":
        _run("mount", "-o", "loop,sync", image, path)
    elif kind == "lazy":
        medium.driver = subprocess.Popen([sys.executable, str(HERE / "lazy_fs.py"), image, path],
                                         stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    for _ in range(200):
        if os.path.ismount(path):
            return
        time.sleep(0.05)
    raise AssertionError(f"{kind} did not mount at {path}")


@contextmanager
def mounted(kind: str, folder: Path, size_mb: int = 64) -> Iterator[Medium]:
    """A fresh file system of `kind` mounted at folder/stick."""
    reason = missing(kind)
    if reason:
        pytest.skip(f"{kind}: {reason}")
    image = folder / f"{kind}.img"
    mountpoint = folder / "stick"
    mountpoint.mkdir()
    if kind == "lazy":
        image.mkdir()
    else:
        with open(image, "wb") as f:
            f.truncate(size_mb * 2**20)
        tool = {"exfat": ["mkfs.exfat"], "fat32": ["mkfs.vfat", "-F", "32"],
                "ntfs": ["mkntfs", "-F", "-Q"], "ext4-sync": ["mkfs.ext4", "-q"]}[kind]
        _run(*tool, str(image))
    medium = Medium(kind, mountpoint, image)
    _mount(medium)
    try:
        yield medium
    finally:
        medium.unmount()
        if medium.device:
            subprocess.run(["losetup", "-d", medium.device], capture_output=True)
