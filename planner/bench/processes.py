"""Whole processes timed in turns: wall time and peak memory of each child,
and the ratios of paired runs (A B A B ...), so a noisy machine slows both."""

import os
import statistics
import subprocess
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent


@dataclass(frozen=True)
class Run:
    seconds: float
    peak_mb: float
    stdout: str


def run(command: Sequence[object], env: dict[str, str] | None = None) -> Run:
    """One child process: its wall time and its own peak memory (from wait4,
    which reports the child alone)."""
    child_env = {**os.environ, **(env or {})}
    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
        start = time.perf_counter()
        proc = subprocess.Popen([str(c) for c in command], cwd=ROOT, env=child_env,
                                stdout=out, stderr=err)
        _, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        stdout, stderr = out.read(), err.read()
    if proc.returncode not in (0, 1):
        raise RuntimeError(f"{command} failed ({proc.returncode}): {stderr[-800:]}")
    return Run(seconds, usage.ru_maxrss / 1024, stdout)


@dataclass(frozen=True)
class Paired:
    ours: list[float]
    floor: list[float]

    @property
    def ratios(self) -> list[float]:
        return [a / b for a, b in zip(self.ours, self.floor, strict=True)]

    def text(self, unit: str = "s") -> str:
        r = self.ratios
        return (f"{statistics.median(self.ours):.3f} {unit} vs {statistics.median(self.floor):.3f}"
                f" {unit}: median ratio {statistics.median(r):.2f}x (min {min(r):.2f}, "
                f"max {max(r):.2f}, {len(r)} pairs)")


def in_turns(ours: Sequence[object], floor: Sequence[object], runs: int,
             env: dict[str, str] | None = None, figure: str = "seconds") -> Paired:
    """A B A B ...: the ratios of the two commands' figures, run by run."""
    mine: list[float] = []
    theirs: list[float] = []
    for _ in range(runs):
        for command, into in ((ours, mine), (floor, theirs)):
            result = run(command, env)
            into.append(result.seconds if figure == "seconds" else result.peak_mb)
    return Paired(mine, theirs)
