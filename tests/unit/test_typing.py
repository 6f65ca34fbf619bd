"""The core (everything outside planner/ui and planner/app.py) passes mypy --strict."""

import subprocess
import sys

from tests.conftest import ROOT


def test_core_passes_mypy_strict() -> None:
    result = subprocess.run([sys.executable, "-m", "mypy"], cwd=ROOT, capture_output=True,
                            text=True, timeout=600)
    assert result.returncode == 0, result.stdout[-3000:]
