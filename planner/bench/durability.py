"""What durable commits cost (`python -m planner.bench.durability`).

Each accepted edit is on the medium before the window shows it saved:
SQLite's synchronous = FULL syncs the write-ahead log at every commit, where
NORMAL synced only at checkpoints. This measures both, in turns (A B A B),
on the same plans and disk:

- one small edit committed (a goal renamed), median and p95, in-process;
- 100,000 new rows (hot buttons) committed as one edit;
- an edit until its repaint in the real window (1,000 goals), p95;
- whole processes on an exFAT stick (through its FUSE driver) against the
  same on ext4, both images on this machine's disk: `tandem demo`,
  `tandem export --pdf`, `tandem merge -o` (root, exfatprogs and exfat-fuse).
"""

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from planner.bench.processes import ROOT, run

TANDEM = [sys.executable, str(ROOT / "main.py")]


def _p95(times: list[float]) -> float:
    times = sorted(times)
    return times[min(len(times) - 1, int(len(times) * 0.95))]


def commits(plan: Path, folder: Path, runs: int) -> None:
    from planner.changes import ChangeSet, added
    from planner.model import FieldRide, Goal, HotButton
    from planner.operations import goals
    from planner.operations.rows import new
    from planner.store import connection
    from planner.store.plan_store import PlanStore

    small: dict[str, list[float]] = {"NORMAL": [], "FULL": []}
    bulk: dict[str, list[float]] = {"NORMAL": [], "FULL": []}
    for turn in range(runs):
        for mode in ("NORMAL", "FULL"):
            connection.SYNCHRONOUS = mode
            copy = folder / f"commit-{mode}-{turn}.tandem"
            shutil.copyfile(plan, copy)
            with PlanStore.open(copy) as store:
                store.commit(goals.reword(store.rows(Goal)[0], title="Start writing"))
                for n in range(60):
                    goal = store.rows(Goal)[n % 20]
                    start = time.perf_counter()
                    store.commit(goals.reword(goal, title=f"Renamed {n} {mode}"))
                    small[mode].append((time.perf_counter() - start) * 1000)
                rides = store.rows(FieldRide)
                change = ChangeSet("Heard", tuple(
                    added(new(HotButton, field_ride_id=rides[n % len(rides)].id,
                              words=f"Problem {n} heard on the ride")) for n in range(100_000)))
                start = time.perf_counter()
                store.commit(change)
                bulk[mode].append(time.perf_counter() - start)
            copy.unlink()
    connection.SYNCHRONOUS = "FULL"
    for mode in ("NORMAL", "FULL"):
        print(f"  one small edit committed, synchronous {mode}: median "
              f"{statistics.median(small[mode]):.2f} ms, p95 {_p95(small[mode]):.2f} ms "
              f"({len(small[mode])} edits)")
    for mode in ("NORMAL", "FULL"):
        print(f"  100,000 new rows (hot buttons) committed as one edit, synchronous {mode}: median "
              f"{statistics.median(bulk[mode]):.2f} s ({runs} runs)")
    ratio = [f / n for f, n in zip(bulk["FULL"], bulk["NORMAL"], strict=True)]
    print(f"  100,000-row commit, FULL / NORMAL: median ratio {statistics.median(ratio):.2f}x")


def window_edits(plan: Path, runs: int) -> None:
    figures: dict[str, list[float]] = {"NORMAL": [], "FULL": []}
    for _ in range(runs):
        for mode in ("NORMAL", "FULL"):
            out = subprocess.run([sys.executable, "-m", "planner.ui.bench.edits", "goals",
                                  str(plan), "--synchronous", mode], cwd=ROOT,
                                 env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
                                 capture_output=True, text=True, timeout=600, check=True).stdout
            line = next(x for x in out.splitlines() if x.startswith("edit_ms"))
            figures[mode].append(float(line.split()[4]))
    for mode in ("NORMAL", "FULL"):
        print(f"  an edit until its repaint, 1,000 goals, synchronous {mode}: p95 "
              f"{statistics.median(figures[mode]):.2f} ms (median of {runs} runs' p95)")


def _mount(kind: str, folder: Path) -> tuple[Path, str]:
    image, point = folder / f"{kind}.img", folder / kind
    point.mkdir()
    with open(image, "wb") as f:
        f.truncate(256 * 2**20)
    if kind == "exfat":
        subprocess.run(["mkfs.exfat", str(image)], check=True, capture_output=True)
        device = subprocess.run(["losetup", "-f", "--show", str(image)], check=True,
                                capture_output=True, text=True).stdout.strip()
        subprocess.run(["mount.exfat-fuse", device, str(point)], check=True,
                       capture_output=True)
        return point, device
    subprocess.run(["mkfs.ext4", "-q", str(image)], check=True, capture_output=True)
    subprocess.run(["mount", "-o", "loop", str(image), str(point)], check=True,
                   capture_output=True)
    return point, ""


def sticks(plan: Path, folder: Path, runs: int) -> None:
    if os.geteuid() != 0 or not all(shutil.which(t) for t in ("mkfs.exfat", "mount.exfat-fuse",
                                                               "losetup", "mkfs.ext4")):
        print("  exFAT against ext4: skipped (needs root, exfatprogs, exfat-fuse, e2fsprogs)")
        return
    mounted = [_mount("exfat", folder), _mount("ext4", folder)]
    try:
        (exfat, _), (ext4, _) = mounted
        for disk in (exfat, ext4):
            shutil.copyfile(plan, disk / "plan.tandem")
            shutil.copyfile(plan, disk / "theirs.tandem")
        n = iter(range(10_000))

        def fresh(disk: Path, name: str) -> Path:
            return disk / f"{name}-{next(n)}"

        for what, command in (
                ("tandem demo --size large", lambda d: [*TANDEM, "demo",
                                                        fresh(d, "demo.tandem"), "--size",
                                                        "large"]),
                ("tandem export --pdf", lambda d: [*TANDEM, "export", d / "plan.tandem",
                                                   "--pdf", fresh(d, "plan.pdf")]),
                ("tandem merge -o", lambda d: [*TANDEM, "merge", d / "plan.tandem",
                                               d / "theirs.tandem", "-o",
                                               fresh(d, "merged.tandem")])):
            # In turns, each run with a file name of its own.
            pairs_a, pairs_b = [], []
            for _ in range(runs):
                pairs_a.append(_timed(command(exfat)))
                pairs_b.append(_timed(command(ext4)))
            ratio = statistics.median(a / b for a, b in zip(pairs_a, pairs_b, strict=True))
            print(f"  {what}: exFAT {statistics.median(pairs_a):.3f} s vs ext4 "
                  f"{statistics.median(pairs_b):.3f} s: median ratio {ratio:.2f}x "
                  f"(min {min(a / b for a, b in zip(pairs_a, pairs_b)):.2f}, max "
                  f"{max(a / b for a, b in zip(pairs_a, pairs_b)):.2f}, {runs} pairs)")
    finally:
        for point, device in mounted:
            subprocess.run(["umount", "-l", str(point)], capture_output=True)
            if device:
                subprocess.run(["losetup", "-d", device], capture_output=True)


def _timed(command: list[object]) -> float:
    done = run(command)
    if "Traceback" in done.stdout:
        raise RuntimeError(f"{command} failed")
    return done.seconds


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m planner.bench.durability")
    parser.add_argument("--runs", type=int, default=5, help="pairs of runs a figure (5)")
    args = parser.parse_args()
    from planner.bench.plans import sample, thousand_goals

    with tempfile.TemporaryDirectory(prefix="tandem-durability-") as tmp:
        folder = Path(tmp)
        plan, goals = sample(folder, 600), thousand_goals(folder)
        print(f"Durable commits (this machine's disk, {folder.parent}):")
        commits(plan, folder, args.runs)
        window_edits(goals, args.runs)
        print("Whole processes on an exFAT stick image against ext4, in turns:")
        sticks(plan, folder, args.runs)


if __name__ == "__main__":
    main()
