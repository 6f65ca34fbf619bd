"""Kill the window at any moment: every edit it showed as done is in the file."""

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import ROOT

pytestmark = pytest.mark.e2e


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_every_edit_shown_survives_a_kill(sample_path: Path, seed: int) -> None:
    wait_for = random.Random(seed).randrange(5, 60)
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    proc = subprocess.Popen([sys.executable, str(ROOT / "tests/e2e/window_driver.py"),
                             str(sample_path)], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True, env=env)
    assert proc.stdout is not None and proc.stderr is not None
    shown = []
    for line in proc.stdout:
        shown.append(line.removeprefix("shown ").strip())
        if len(shown) == wait_for:
            os.kill(proc.pid, signal.SIGKILL)  # mid-stream: the next edit is under way
            break
    proc.wait()
    proc.stdout.close()
    stderr = proc.stderr.read()
    proc.stderr.close()
    assert len(shown) == wait_for, stderr
    conn = sqlite3.connect(sample_path)
    titles = {t for (t,) in conn.execute("SELECT title FROM goal")}
    conn.close()
    assert [t for t in shown if t not in titles] == []


@pytest.fixture(scope="module")
def merge_copies(tmp_path_factory: pytest.TempPathFactory, _large_plan: Path
                 ) -> tuple[bytes, bytes, dict[str, list[tuple]]]:  # type: ignore[type-arg]
    """MINE and THEIRS (each with 60 changes of its own) and the rows MINE
    holds once THEIRS is merged into it."""
    from planner.model import FieldRide, Goal
    from planner.operations import goals
    from planner.operations.rows import edit
    from planner.store.plan_store import PlanStore
    from tests.conftest import file_rows

    folder = tmp_path_factory.mktemp("merge")
    mine, theirs = folder / "mine.tandem", folder / "theirs.tandem"
    mine.write_bytes(_large_plan.read_bytes())
    theirs.write_bytes(_large_plan.read_bytes())
    with PlanStore.open(mine) as a, PlanStore.open(theirs) as b:
        for n in range(30):
            a.commit(goals.reword(a.rows(Goal)[n], title=f"Mine {n}"))
            b.commit(goals.reword(b.rows(Goal)[n + 1], title=f"Theirs {n}"))
            a.commit(edit(a.rows(FieldRide)[n], territory=f"Mine {n}"))
            b.commit(edit(b.rows(FieldRide)[n + 300], territory=f"Theirs {n}"))
    reference = folder / "reference.tandem"
    reference.write_bytes(mine.read_bytes())
    started = time.monotonic()
    done = subprocess.run([sys.executable, str(ROOT / "main.py"), "merge", str(reference),
                           str(theirs), "--take", "theirs"], capture_output=True, text=True)
    took = time.monotonic() - started
    assert done.returncode == 0, done.stderr
    return mine.read_bytes(), theirs.read_bytes(), (whole(reference), took)


def whole(path: Path) -> tuple[object, ...]:
    """What a user finds in the plan: every row, the versions it holds (by
    name and place) and how long its history is."""
    import sqlite3

    from tests.conftest import file_rows

    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        versions = conn.execute("SELECT name, seq, automatic FROM plan_version "
                                "ORDER BY seq, name").fetchall()
        (entries,) = conn.execute("SELECT count(*) FROM change_log").fetchone()
    finally:
        conn.close()
    return file_rows(path), versions, entries


@pytest.mark.parametrize("seed", range(12))
def test_a_merge_killed_at_any_moment_leaves_mine_whole(
        tmp_path: Path, merge_copies: tuple[bytes, bytes, tuple[tuple[object, ...], float]],
        seed: int) -> None:
    """Exactly as before or exactly as after: rows, the version "Before
    merging …" and the history alike (they are one commit)."""
    from planner.store.plan_store import PlanStore

    mine_bytes, theirs_bytes, (merged, took) = merge_copies
    mine, theirs = tmp_path / "mine.tandem", tmp_path / "theirs.tandem"
    mine.write_bytes(mine_bytes)
    theirs.write_bytes(theirs_bytes)
    before = whole(mine)
    assert before != merged and merged[1] == [("Before merging theirs.tandem", before[2], 1)]
    proc = subprocess.Popen([sys.executable, str(ROOT / "main.py"), "merge", str(mine),
                             str(theirs), "--take", "theirs"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        # Kills spread from start-up to past the end of the whole process.
        proc.wait(timeout=took * (seed + random.Random(seed).uniform(0, 1)) / 11)
    except subprocess.TimeoutExpired:
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
    with PlanStore.open(mine) as store:
        assert store.integrity_problems() == []
    assert whole(mine) in (before, merged)
    assert theirs.read_bytes() == theirs_bytes


def test_a_refused_merge_leaves_mine_byte_for_byte(
        tmp_path: Path, merge_copies: tuple[bytes, bytes, tuple[tuple[object, ...], float]]
        ) -> None:
    """Conflicts and no --take: exit 1, every conflict printed once, and MINE's
    bytes as they were (no version saved, no side files left)."""
    from planner.model import Goal
    from planner.operations import goals
    from planner.store.plan_store import PlanStore

    mine_bytes, theirs_bytes, _ = merge_copies
    mine, theirs = tmp_path / "mine.tandem", tmp_path / "theirs.tandem"
    mine.write_bytes(mine_bytes)
    theirs.write_bytes(theirs_bytes)
    with PlanStore.open(theirs) as store:
        store.commit(goals.reword(store.rows(Goal)[0], title="Theirs differently"))
    before = mine.read_bytes()
    done = subprocess.run([sys.executable, str(ROOT / "main.py"), "merge", str(mine),
                           str(theirs)], capture_output=True, text=True)
    assert done.returncode == 1
    lines = done.stdout.splitlines()
    assert len(lines) == len(set(lines)) == 30  # 29 titles both changed, and goal 0
    assert any("Theirs differently" in line for line in lines)
    assert "30 conflict(s)" in done.stderr and "nothing was written" in done.stderr
    assert mine.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["mine.tandem", "theirs.tandem"]


@pytest.fixture(scope="module")
def next_timing(tmp_path_factory: pytest.TempPathFactory, _large_plan: Path) -> float:
    """How long `tandem next` on the large plan takes, whole process, once."""
    folder = tmp_path_factory.mktemp("next")
    plan = folder / "plan.tandem"
    plan.write_bytes(_large_plan.read_bytes())
    started = time.monotonic()
    done = subprocess.run([sys.executable, str(ROOT / "main.py"), "next", str(plan),
                           str(folder / "new.tandem")], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    return time.monotonic() - started


@pytest.mark.parametrize("seed", range(8))
def test_the_next_period_killed_at_any_moment_leaves_no_half_plan(
        tmp_path: Path, _large_plan: Path, next_timing: float, seed: int) -> None:
    """NEW is either not there or a whole plan; PLAN is as before or has
    only gained its final version."""
    from planner.store.plan_store import PlanStore

    plan, out = tmp_path / "plan.tandem", tmp_path / "new.tandem"
    plan.write_bytes(_large_plan.read_bytes())
    with PlanStore.open(plan, read_only=True) as store:
        rows_before, versions_before = store.state(), len(store.versions())
    proc = subprocess.Popen([sys.executable, str(ROOT / "main.py"), "next", str(plan),
                             str(out)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        proc.wait(timeout=next_timing * (seed + random.Random(seed).uniform(0, 1)) / 7)
    except subprocess.TimeoutExpired:
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
    # Beside PLAN (its lock and log are its own): nothing, or the whole new plan
    # (with the side file naming who had it open, if killed while it was: the
    # OS lock went with the process, and the next open writes the file anew).
    assert sorted(p.name for p in tmp_path.iterdir() if p.name != plan.name
                  and not p.name.startswith((plan.name, f".{plan.name}"))
                  and p.name != f".{out.name}.lock") in ([], [out.name])
    assert out.exists() or not (tmp_path / f".{out.name}.lock").exists()
    if out.exists():
        with PlanStore.open(out, read_only=True) as made:
            assert made.integrity_problems() == [] and len(made.history()) == 1
    with PlanStore.open(plan, read_only=True) as store:
        assert store.state() == rows_before
        assert len(store.versions()) in (versions_before, versions_before + 1)
