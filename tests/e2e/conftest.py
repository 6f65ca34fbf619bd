"""Fixtures the end-to-end tests share."""

from pathlib import Path

import pytest

from tests.conftest import run_tandem


@pytest.fixture
def demo(tmp_path: Path) -> Path:
    """A sample plan written by `tandem demo`, as a user would make one."""
    plan = tmp_path / "demo.tandem"
    assert run_tandem("demo", str(plan)).returncode == 0
    return plan
