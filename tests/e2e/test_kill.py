"""Kill the window at any moment: every edit it showed as done is in the file."""

import os
import random
import signal
import sqlite3
import subprocess
import sys
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
