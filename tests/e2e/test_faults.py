"""The plan under conditions a laptop and a USB stick bring: read-only files,
folders and disks, a disk that fills up while editing, importing or
exporting, and kills at any moment. Each runs the real program in a child
process, on real files, under real conditions (a private mount namespace with
its own tmpfs; a user namespace, where even root must respect permissions)."""

import hashlib
import json
import os
import random
import shlex
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import ROOT

pytestmark = pytest.mark.e2e
DRIVER = ROOT / "tests" / "e2e" / "fault_driver.py"
MAIN = ROOT / "main.py"


def _can(*command: str) -> bool:
    try:
        return subprocess.run([*command, "true"], capture_output=True, timeout=20).returncode == 0
    except (OSError, subprocess.TimeoutExpired):
        return False


MOUNTS = shutil.which("unshare") is not None and _can("unshare", "-m", "--")
USERS = shutil.which("unshare") is not None and _can("unshare", "-U", "--")
needs_mounts = pytest.mark.skipif(not MOUNTS, reason="needs `unshare -m` (a private mount "
                                                      "namespace) to mount a small tmpfs")
needs_users = pytest.mark.skipif(not USERS, reason="needs `unshare -U` (a user namespace) so "
                                                   "that file permissions apply")


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def in_mount(script: str, size: str = "4m") -> subprocess.CompletedProcess[str]:
    """Run a shell script with /mnt/plan a fresh tmpfs of `size`, seen by it alone."""
    setup = f"mkdir -p /mnt/plan && mount -t tmpfs -o size={size} tmpfs /mnt/plan && {script}"
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "QT_QPA_PLATFORM")}
    return subprocess.run(["unshare", "-m", "--", "sh", "-c", setup], capture_output=True,
                          text=True, timeout=300, env=env)


def tandem(*args: object) -> str:
    return " ".join(shlex.quote(str(a)) for a in (sys.executable, MAIN, *args))


def driver(scenario: str, path: object) -> str:
    return " ".join(shlex.quote(str(a)) for a in (sys.executable, DRIVER, scenario, path))


def last_json(text: str) -> dict[str, object]:
    return json.loads([line for line in text.splitlines() if line.startswith("{")][-1])  # type: ignore[no-any-return]


def checked_whole(result: subprocess.CompletedProcess[str]) -> None:
    """check read the whole plan and found its integrity ok; it exits 1 only
    for the plan's own rule findings (the stored sample has messages approved
    by one side), never for the medium."""
    from planner.store.fileformat import SCHEMA_VERSION

    assert f"p.tandem: plan format {SCHEMA_VERSION}, integrity ok" in result.stdout
    assert "check=1" in result.stdout and "problem(s) found in p.tandem" in result.stderr
    assert "messaging: Message" in result.stdout


# -- read-only conditions are read-only, not damage ---------------------------

@needs_mounts
def test_a_plan_on_read_only_media_opens_read_only_and_check_and_export_work(
        sample_path: Path) -> None:
    script = (f"cp {shlex.quote(str(sample_path))} /mnt/plan/p.tandem && "
              "mount -o remount,ro /mnt/plan && "
              f"{driver('open', '/mnt/plan/p.tandem')} && "
              f"{tandem('check', '/mnt/plan/p.tandem')} ; echo check=$? && "
              f"{tandem('export', '/mnt/plan/p.tandem', '--pdf', '/tmp/ro-media.pdf')} && "
              "echo export=$? && ls -a /mnt/plan")
    result = in_mount(script)
    assert "Traceback" not in result.stderr, result.stderr
    opened = last_json(result.stdout.split("check=")[0])
    assert opened["read_only"] is True and "read-only disk" in str(opened["reason"])
    assert opened["goals"] == 12
    # check reads the whole plan: integrity ok; exit 1 only for the plan's rule findings
    # (this older sample has messages approved by one side), never for the medium.
    checked_whole(result)
    assert "export=0" in result.stdout
    assert "damaged" not in result.stdout + result.stderr
    listing = result.stdout.split("export=0")[-1].split()
    assert sorted(listing) == [".", "..", "p.tandem"]  # no -wal, no -shm, no lock file
    Path("/tmp/ro-media.pdf").unlink(missing_ok=True)


@needs_users
@pytest.mark.parametrize("what", ["file", "folder"])
def test_a_read_only_file_or_folder_opens_read_only_with_the_reason(
        sample_path: Path, tmp_path: Path, what: str) -> None:
    folder = tmp_path / "shared"
    folder.mkdir()
    plan = folder / "p.tandem"
    shutil.copyfile(sample_path, plan)
    before = digest(plan)
    os.chmod(plan if what == "file" else folder, 0o444 if what == "file" else 0o555)
    try:
        env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "QT_QPA_PLATFORM")}
        script = (f"{driver('open', plan)} && {tandem('check', plan)} ; echo check=$? ; "
                  f"{tandem('export', plan, '--json', tmp_path / 'out.json')} ; "
                  "echo export=$?")
        result = subprocess.run(["unshare", "-U", "--", "sh", "-c", script],
                                capture_output=True, text=True, timeout=120, env=env)
    finally:
        os.chmod(folder, 0o755)
        os.chmod(plan, 0o644)
    assert "Traceback" not in result.stderr, result.stderr
    opened = last_json(result.stdout.split("check=")[0])
    assert opened["read_only"] is True
    words = "is a read-only file" if what == "file" else "cannot be written to"
    assert words in str(opened["reason"])
    checked_whole(result)
    assert digest(plan) == before
    assert sorted(p.name for p in folder.iterdir()) == ["p.tandem"]


# -- a full disk tells the truth and loses nothing ------------------------------

@needs_mounts
def test_a_disk_that_fills_up_while_editing_keeps_every_accepted_edit(
        sample_path: Path) -> None:
    size = sample_path.stat().st_size + 600_000
    script = (f"cp {shlex.quote(str(sample_path))} /mnt/plan/p.tandem && "
              f"{driver('edit_until_full', '/mnt/plan/p.tandem')} && "
              f"{driver('last_draft', '/mnt/plan/p.tandem')}")
    result = in_mount(script, size=str(size))
    assert "Traceback" not in result.stderr, result.stderr
    lines = [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]
    edited, after = lines[0], lines[1]
    assert edited["accepted"] > 0
    assert "the disk is full" in edited["refusal"] and "Nothing was changed" in edited["refusal"]
    assert after["last"] == edited["accepted"]  # the last accepted edit is in the plan
    assert after["integrity"] == [] and after["people"] == 14


@needs_mounts
def test_a_disk_that_fills_up_while_importing_leaves_no_file(tmp_path: Path,
                                                           large_path: Path) -> None:
    source = tmp_path / "large.json"
    assert subprocess.run([sys.executable, MAIN, "export", large_path, "--json", source],
                          capture_output=True).returncode == 0
    result = in_mount(f"{tandem('import', source, '/mnt/plan/p.tandem')} ; echo code=$? ; "
                      "ls -a /mnt/plan", size="400k")
    assert "code=1" in result.stdout
    assert len(result.stderr.strip().splitlines()) == 1 and "disk is full" in result.stderr
    assert sorted(result.stdout.split("code=1")[-1].split()) == [".", ".."]


@needs_mounts
def test_a_disk_that_fills_up_while_exporting_leaves_no_half_pdf(large_path: Path) -> None:
    result = in_mount(f"{tandem('export', large_path, '--pdf', '/mnt/plan/p.pdf')} ; "
                      "echo code=$? ; ls -a /mnt/plan", size="100k")
    assert "code=1" in result.stdout
    assert result.stderr.strip() == ("tandem: p.pdf could not be written: the disk is full. "
                                     "Nothing was left behind.")
    assert sorted(result.stdout.split("code=1")[-1].split()) == [".", ".."]


# -- a kill at any moment leaves the whole file or none ----------------------------

@pytest.mark.parametrize("seed", [1, 2, 3, 4])
def test_an_import_or_export_killed_at_any_moment_leaves_all_or_nothing(
        tmp_path: Path, large_path: Path, seed: int) -> None:
    rng = random.Random(seed)
    source = tmp_path / "large.json"
    assert subprocess.run([sys.executable, MAIN, "export", large_path, "--json", source],
                          capture_output=True).returncode == 0
    out = tmp_path / "out"
    out.mkdir()
    for args in (["import", source, out / "p.tandem"],
                 ["export", large_path, "--pdf", out / "p.pdf"],
                 ["export", large_path, "--json", out / "p.json"]):
        proc = subprocess.Popen([sys.executable, MAIN, *args], stdout=subprocess.DEVNULL,
                                stderr=subprocess.DEVNULL)
        time.sleep(rng.uniform(0.05, 0.9))
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        target = Path(args[-1])
        left = [p.name for p in out.iterdir()]
        assert left in ([], [target.name]), left  # nothing half-made beside it
        if target.exists() and target.suffix == ".tandem":
            check = subprocess.run([sys.executable, MAIN, "check", target], capture_output=True,
                                   text=True)
            assert "integrity ok" in check.stdout, check.stdout + check.stderr
        elif target.exists() and target.suffix == ".pdf":
            assert target.read_bytes().rstrip().endswith(b"%%EOF")
        elif target.exists():
            json.loads(target.read_text("utf-8"))
        for p in out.iterdir():
            p.unlink()
