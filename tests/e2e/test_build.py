"""The PyInstaller one-folder build runs `tandem export --pdf` with no display."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader

from planner.store.plan_store import PlanStore
from tests.conftest import ROOT

pytestmark = pytest.mark.e2e


@pytest.fixture(scope="module")
def program(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The one-folder build, made once for this module's tests."""
    folder = tmp_path_factory.mktemp("build")
    build = subprocess.run(
        [sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "ERROR",
         "--distpath", str(folder / "dist"), "--workpath", str(folder / "build"),
         str(ROOT / "build.spec")], cwd=ROOT, capture_output=True, text=True, timeout=900)
    assert build.returncode == 0, build.stderr[-3000:]
    return folder / "dist" / "tandem" / "tandem"


def _env() -> dict[str, str]:
    return {k: v for k, v in os.environ.items()
            if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM", "PYTHONPATH")}


def test_built_program_exports_a_pdf_headless(program: Path, tmp_path: Path) -> None:
    env = _env()
    plan, pdf = tmp_path / "plan.tandem", tmp_path / "plan.pdf"
    for args in (["demo", str(plan)], ["export", str(plan), "--pdf", str(pdf)]):
        run = subprocess.run([str(program), *args], cwd=tmp_path, env=env,
                             capture_output=True, text=True, timeout=120)
        assert run.returncode == 0, run.stderr
    cover = PdfReader(pdf).pages[0].extract_text()
    assert "Northwind go-to-market" in cover
    # The shipped templates are in the build, and the next period starts from a plan.
    for args in (["demo", "from-template.tandem", "--template", "field-distributors"],
                 ["next", str(plan), "next.tandem"]):
        run = subprocess.run([str(program), *args], cwd=tmp_path, env=env,
                             capture_output=True, text=True, timeout=120)
        assert run.returncode == 0, run.stderr
    assert "Field sales with distributors" in run_tandem_text(program, tmp_path, env,
                                                            "from-template.tandem")


def test_built_program_publishes_to_a_team_server_and_reads_it_back(
        program: Path, pg_url: str, tmp_path: Path) -> None:
    """The build carries the driver (psycopg with its libpq) and the server's
    migrations: init, push, check and pull work from the folder alone."""
    env = _env()
    plan, copy = tmp_path / "plan.tandem", tmp_path / "copy.tandem"

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        done = subprocess.run([str(program), *args], cwd=tmp_path, env=env,
                              capture_output=True, text=True, timeout=120)
        assert done.returncode == 0, (args, done.stderr)
        return done
    run("demo", str(plan))
    run("server", "init", pg_url)
    address = run("push", str(plan), pg_url).stdout.strip().splitlines()[-1]
    assert "#plan=" in address
    checked = run("check", address).stdout
    assert "on the server, plan format" in checked and "No problems found." in checked
    run("pull", address, str(copy))
    with PlanStore.open(copy, read_only=True) as pulled, PlanStore.open(plan, read_only=True) as mine:
        assert pulled.state() == mine.state()


def run_tandem_text(program: Path, folder: Path, env: dict[str, str], plan: str) -> str:
    """The plan's title, as the built program's JSON export writes it."""
    import json

    out = folder / f"{plan}.json"
    subprocess.run([str(program), "export", plan, "--json", str(out)], cwd=folder, env=env,
                   capture_output=True, text=True, timeout=120, check=True)
    return str(json.loads(out.read_text("utf-8"))["plan"]["title"])
