"""The probe of a disk before the first edit: a disk that edits in place
passes and is left as it was (the refusing driver, fusefat, is tried in
tests/e2e/test_media.py)."""

from pathlib import Path

from planner.store.medium import cannot_edit_in_place


def test_a_disk_that_edits_in_place_passes_and_keeps_nothing(tmp_path: Path) -> None:
    (tmp_path / "plan.tandem").write_bytes(b"x")
    assert cannot_edit_in_place(tmp_path) is None
    assert [p.name for p in tmp_path.iterdir()] == ["plan.tandem"]


def test_a_folder_that_cannot_be_written_is_left_to_say_so_where_it_happens(
        tmp_path: Path) -> None:
    assert cannot_edit_in_place(tmp_path / "missing") is None


def test_a_process_killed_while_probing_leaves_no_probe(tmp_path: Path) -> None:
    """Killed between the probe's writes (a fsync'd write stalls it there):
    nothing is left beside the plan, where the disk has unnamed files."""
    import os
    import signal
    import subprocess
    import sys
    import time

    if not getattr(os, "O_TMPFILE", 0):
        import pytest
        pytest.skip("this system has no unnamed files (O_TMPFILE)")
    code = ("import os, sys, time\n"
            "from pathlib import Path\n"
            "import planner.store.medium as m\n"
            "real = os.fsync\n"
            "def slow(fd):\n"
            "    print('probing', flush=True); time.sleep(60)\n"
            "os.fsync = slow\n"
            "m.cannot_edit_in_place(Path(sys.argv[1]))\n")
    proc = subprocess.Popen([sys.executable, "-c", code, str(tmp_path)],
                            stdout=subprocess.PIPE, text=True,
                            env={**os.environ, "PYTHONPATH": str(Path(__file__).parents[3])})
    assert proc.stdout is not None
    with proc.stdout:
        assert proc.stdout.readline() == "probing\n"
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
    time.sleep(0.05)
    assert list(tmp_path.iterdir()) == []


def test_a_named_probe_left_by_a_killed_process_is_removed_by_the_next(
        tmp_path: Path, monkeypatch: "object") -> None:
    import os
    import time

    import pytest

    import planner.store.medium as medium
    assert isinstance(monkeypatch, pytest.MonkeyPatch)
    monkeypatch.delattr(os, "O_TMPFILE", raising=False)  # as on FAT and FUSE
    old = tmp_path / ".tandem-0123456789ab.probe"
    old.write_bytes(b"\x01" * 4096)
    os.utime(old, (time.time() - 3600, time.time() - 3600))
    recent = tmp_path / ".tandem-ba9876543210.probe"  # another process's, probing now
    recent.write_bytes(b"\x01")
    assert medium.cannot_edit_in_place(tmp_path) is None
    assert [p.name for p in tmp_path.iterdir()] == [recent.name]
