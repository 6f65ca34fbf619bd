"""The PyInstaller one-folder build runs `tandem export --pdf` with no display."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader

from tests.conftest import ROOT

pytestmark = pytest.mark.e2e


def test_built_program_exports_a_pdf_headless(tmp_path: Path) -> None:
    build = subprocess.run(
        [sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "ERROR",
         "--distpath", str(tmp_path / "dist"), "--workpath", str(tmp_path / "build"),
         str(ROOT / "build.spec")], cwd=ROOT, capture_output=True, text=True, timeout=900)
    assert build.returncode == 0, build.stderr[-3000:]
    program = tmp_path / "dist" / "tandem" / "tandem"
    env = {k: v for k, v in os.environ.items()
           if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM", "PYTHONPATH")}
    plan, pdf = tmp_path / "plan.tandem", tmp_path / "plan.pdf"
    for args in (["demo", str(plan)], ["export", str(plan), "--pdf", str(pdf)]):
        run = subprocess.run([str(program), *args], cwd=tmp_path, env=env,
                             capture_output=True, text=True, timeout=120)
        assert run.returncode == 0, run.stderr
    cover = PdfReader(pdf).pages[0].extract_text()
    assert "Northwind go-to-market" in cover
