"""Shared fixtures: a fresh plan file per test, offscreen Qt, isolated settings."""

import os
import shutil
import sqlite3
import sys
from datetime import date
from pathlib import Path

import pytest

from tests.postgres import pg_cluster, pg_url, published  # noqa: F401  (a real PostgreSQL)

# Before any Qt import: no display is needed anywhere in the suite.
os.environ["QT_QPA_PLATFORM"] = "offscreen"
os.environ.setdefault("TANDEM_TEST", "1")
# No test reaches the system keyring unless it sets a keyring of its own.
os.environ.setdefault("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """Settings and app data of every test live in a fresh folder."""
    home = tmp_path_factory.mktemp("home")
    for var, sub in (("HOME", ""), ("XDG_CONFIG_HOME", "config"), ("XDG_DATA_HOME", "data")):
        monkeypatch.setenv(var, str(home / sub))


@pytest.fixture
def plan_path(tmp_path: Path) -> Path:
    return tmp_path / "plan.tandem"


@pytest.fixture
def store(plan_path: Path):  # type: ignore[no-untyped-def]
    from planner.store.plan_store import PlanStore, new_plan

    s = PlanStore.create(plan_path, new_plan("Test plan", date(2027, 1, 1),
                                             date(2027, 12, 31), company="Acme"))
    yield s
    s.close()


@pytest.fixture(scope="session")
def _large_plan(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The large sample plan (40 people, 120 goals, 600 rides), written once."""
    from planner.sample import write_sample

    path = tmp_path_factory.mktemp("large") / "large.tandem"
    write_sample(path, "large").close()
    return path


class PlanBytes(bytes):
    """A plan file's bytes, shown briefly (hypothesis prints a failing example's arguments)."""

    def __repr__(self) -> str:
        return f"<the large plan, {len(self):,} bytes>"


@pytest.fixture(scope="session")
def large_bytes(_large_plan: Path) -> bytes:
    """The large sample plan's bytes, for tests that open many copies in memory."""
    return PlanBytes(_large_plan.read_bytes())


@pytest.fixture
def large_path(_large_plan: Path, tmp_path: Path) -> Path:
    """A copy of the large sample plan for one test."""
    target = tmp_path / "large.tandem"
    shutil.copyfile(_large_plan, target)
    return target


@pytest.fixture
def sample_path(tmp_path: Path) -> Path:
    """A copy of the newest stored sample plan (the fixture itself is never written)."""
    from planner.store.fileformat import SCHEMA_VERSION

    target = tmp_path / "sample.tandem"
    shutil.copyfile(FIXTURES / f"plan-v{SCHEMA_VERSION}.tandem", target)
    return target


@pytest.fixture
def v1_path(tmp_path: Path) -> Path:
    """A copy of the first released plan format."""
    target = tmp_path / "v1.tandem"
    shutil.copyfile(FIXTURES / "plan-v1.tandem", target)
    return target


def rows(path: Path, query: str) -> list[tuple]:  # type: ignore[type-arg]
    """What the plan file holds, read with plain sqlite3 as any other program would."""
    import sqlite3

    conn = sqlite3.connect(path)
    try:
        return conn.execute(query).fetchall()
    finally:
        conn.close()


def file_rows(path: Path) -> dict[str, list[tuple]]:  # type: ignore[type-arg]
    """Every row of every table of the plan as SQLite stores it, byte for byte,
    read with plain sqlite3 as any other program would. The history (every
    change set committed, undo included, what merges brought in) only grows
    and is not compared; nor are the named versions, bookmarks in it, nor the
    CRM imports' columns (kept like the history, so an undone import can be
    redone)."""
    import sqlite3

    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        tables = [r[0] for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE "
            "'change_%' AND name NOT IN ('plan_version', 'crm_data') ORDER BY name")]
        return {t: conn.execute(f'SELECT * FROM "{t}" ORDER BY id').fetchall() for t in tables}
    finally:
        conn.close()


def add_row(store, kind, **values):  # type: ignore[no-untyped-def]
    """A new row committed as the operations commit it; the row as stored."""
    from planner.changes import ChangeSet, added
    from planner.operations.rows import new

    row = new(kind, **values)
    store.commit(ChangeSet("Add", (added(row),)))
    return store.get(kind, row.id)


def change_row(store, row, **changes):  # type: ignore[no-untyped-def]
    """A row's fields changed as a table edit changes them; the row as stored."""
    from planner.operations.rows import edit

    store.commit(edit(store.get(type(row), row.id), **changes))
    return store.get(type(row), row.id)


def run_tandem(*args: str, cwd: Path | None = None, env: dict[str, str] | None = None):  # type: ignore[no-untyped-def]
    """The command line in a subprocess, with no display."""
    import subprocess

    clean = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "QT_QPA_PLATFORM",
                                                              "WAYLAND_DISPLAY")}
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *args], cwd=cwd,
                          env={**clean, **(env or {})}, capture_output=True, text=True,
                          timeout=120)


def damage_an_index(path: Path) -> None:
    """Scramble the second half of one index's first page: every row can still
    be read, but SQLite's checks find the file damaged."""
    conn = sqlite3.connect(path)
    (root,) = conn.execute("SELECT rootpage FROM sqlite_master "
                           "WHERE name = 'ix_field_ride_host_id'").fetchone()
    (size,) = conn.execute("PRAGMA page_size").fetchone()
    conn.close()
    data = bytearray(path.read_bytes())
    start = (root - 1) * size
    for n in range(start + size // 2, start + size):
        data[n] = (n * 37) & 0xFF
    path.write_bytes(bytes(data))
