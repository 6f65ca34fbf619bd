"""Whole processes timed in turns: wall time and peak memory of each child,
and the ratios of paired runs (A B A B ...), so a noisy machine slows both."""

import json
import os
import statistics
import subprocess
import sys
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent


@dataclass(frozen=True)
class Run:
    seconds: float
    peak_mb: float
    stdout: str
    started: float  # time.time() just before the child was started

    def moment(self, name: str) -> float:
        """Seconds from the start to a moment the child printed as `name EPOCH`."""
        for line in self.stdout.splitlines():
            key, _, value = line.partition(" ")
            if key == name:
                return float(value) - self.started
        raise RuntimeError(f"the child never printed {name!r}: {self.stdout[-400:]}")


def run(command: Sequence[object], env: dict[str, str] | None = None) -> Run:
    """One child process: its wall time and its own peak memory, measured by
    `planner.bench.measure` (which says why it stands in between)."""
    child_env = {**os.environ, **(env or {})}
    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err, \
            tempfile.TemporaryDirectory() as folder:
        report = Path(folder) / "run.json"
        proc = subprocess.run([sys.executable, "-m", "planner.bench.measure", str(report),
                               *(str(c) for c in command)], cwd=ROOT, env=child_env,
                              stdout=out, stderr=err, check=False)
        out.seek(0)
        err.seek(0)
        stdout, stderr = out.read(), err.read()
        if proc.returncode != 0 or not report.exists():
            raise RuntimeError(f"measuring {command} failed: {stderr[-800:]}")
        figures = json.loads(report.read_text("utf-8"))
    if figures["code"] not in (0, 1):
        raise RuntimeError(f"{command} failed ({figures['code']}): {stderr[-800:]}")
    return Run(figures["seconds"], figures["peak_kb"] / 1024, stdout, figures["started"])


@dataclass(frozen=True)
class Paired:
    ours: list[float]
    floor: list[float]

    @property
    def ratios(self) -> list[float]:
        return [a / b for a, b in zip(self.ours, self.floor, strict=True)]

    @property
    def ratio(self) -> float:
        return statistics.median(self.ratios)

    def text(self, unit: str = "s", digits: int = 3) -> str:
        r = self.ratios
        return (f"{statistics.median(self.ours):.{digits}f} {unit} vs "
                f"{statistics.median(self.floor):.{digits}f} {unit}: median ratio "
                f"{self.ratio:.2f}x (min {min(r):.2f}, max {max(r):.2f}, {len(r)} pairs)")


def in_turns(ours: Sequence[object], floor: Sequence[object], runs: int,
             env: dict[str, str] | None = None,
             figures: dict[str, Callable[[Run], float]] | None = None) -> dict[str, Paired]:
    """A B A B ...: each figure of the two commands, paired run by run
    (wall seconds and peak memory unless other figures are named)."""
    figures = figures or {"seconds": lambda r: r.seconds, "peak_mb": lambda r: r.peak_mb}
    mine: list[Run] = []
    theirs: list[Run] = []
    for _ in range(runs):
        mine.append(run(ours, env))
        theirs.append(run(floor, env))
    return {name: Paired([f(r) for r in mine], [f(r) for r in theirs])
            for name, f in figures.items()}
