"""The core never imports Qt; headless commands never load it."""

import subprocess
import sys

from tests.conftest import ROOT

CORE = ["planner", "planner.model", "planner.rules.signoff", "planner.rules.checks",
        "planner.store.plan_store", "planner.edits", "planner.outline", "planner.sample",
        "planner.export.pdf", "planner.export.plan_json", "planner.cli"]


def _modules_after(code: str) -> set[str]:
    probe = f"{code}\nimport sys\nprint('\\n'.join(sys.modules))"
    out = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, capture_output=True,
                         text=True, check=True).stdout
    return set(out.split())


def test_core_modules_do_not_import_qt() -> None:
    loaded = _modules_after("\n".join(f"import {m}" for m in CORE))
    assert "planner.export.pdf" in loaded  # the probe really imported the core
    assert not {m for m in loaded if m.startswith(("PySide6", "shiboken6"))}


def test_headless_commands_do_not_import_qt(tmp_path) -> None:  # type: ignore[no-untyped-def]
    plan, pdf = tmp_path / "p.tandem", tmp_path / "p.pdf"
    code = (f"from planner.cli import main\n"
            f"assert main(['demo', {str(plan)!r}]) == 0\n"
            f"assert main(['export', {str(plan)!r}, '--pdf', {str(pdf)!r}]) == 0\n"
            f"assert main(['check', {str(plan)!r}]) in (0, 1)")
    loaded = _modules_after(code)
    assert pdf.stat().st_size > 10_000
    assert not {m for m in loaded if m.startswith("PySide6")}


def test_only_ui_and_app_import_qt_in_source() -> None:
    offenders = []
    for path in (ROOT / "planner").rglob("*.py"):
        rel = path.relative_to(ROOT).as_posix()
        if rel.startswith("planner/ui/") or rel == "planner/app.py":
            continue
        text = path.read_text(encoding="utf-8")
        if "import PySide6" in text or "from PySide6" in text:
            offenders.append(rel)
    assert offenders == []
