"""The layers are a contract: import-linter proves them, the core runs without
Qt, headless commands never load it, and the unit tests mirror the package."""

import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT

CORE = ["planner", "planner.model", "planner.rules.signoff", "planner.rules.checks",
        "planner.store.plan_store", "planner.changes", "planner.operations.goals",
        "planner.outline.build", "planner.sample", "planner.export.pdf",
        "planner.export.plan_json", "planner.cli"]


def test_the_layer_contracts_in_pyproject_hold() -> None:
    lint = Path(sys.executable).with_name("lint-imports")
    result = subprocess.run([str(lint), "--no-cache"], cwd=ROOT, capture_output=True,
                            text=True, timeout=300)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-2000:]
    assert "Contracts: 2 kept, 0 broken." in result.stdout


def _modules_after(code: str) -> set[str]:
    probe = f"{code}\nimport sys\nprint('\\n'.join(sys.modules))"
    out = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, capture_output=True,
                         text=True, check=True).stdout
    return set(out.split())


def test_core_modules_do_not_import_qt() -> None:
    loaded = _modules_after("\n".join(f"import {m}" for m in CORE))
    assert "planner.export.pdf" in loaded  # the probe really imported the core
    assert not {m for m in loaded if m.startswith(("PySide6", "shiboken6"))}


def test_headless_commands_do_not_import_qt(tmp_path: Path) -> None:
    plan, pdf = tmp_path / "p.tandem", tmp_path / "p.pdf"
    code = (f"from planner.cli import main\n"
            f"assert main(['demo', {str(plan)!r}]) == 0\n"
            f"assert main(['export', {str(plan)!r}, '--pdf', {str(pdf)!r}]) == 0\n"
            f"assert main(['check', {str(plan)!r}]) in (0, 1)")
    loaded = _modules_after(code)
    assert pdf.stat().st_size > 10_000
    assert not {m for m in loaded if m.startswith("PySide6")}


MODEL_LIBRARIES = ("sqlmodel", "pydantic", "sqlalchemy")


@pytest.mark.parametrize("command", [
    ["check", "{plan}"], ["export", "{plan}", "--pdf", "{out}.pdf"],
    ["export", "{plan}", "--json", "{out}.json"], ["export", "{plan}", "--ics", "{out}"]])
def test_reading_a_plan_never_imports_the_model_libraries(large_path: Path, tmp_path: Path,
                                                            command: list[str]) -> None:
    """SQLModel (and pydantic and SQLAlchemy under it) define the schema and
    check imports; reading a plan is plain sqlite3 into records."""
    args = [a.format(plan=large_path, out=tmp_path / "out") for a in command]
    loaded = _modules_after(f"from planner.cli import main\nassert main({args!r}) in (0, 1)")
    assert "planner.store.plan_store" in loaded  # the probe really read the plan
    assert not {m for m in loaded if m.split(".")[0] in MODEL_LIBRARIES}


def test_the_window_shows_a_plan_without_the_model_libraries(large_path: Path) -> None:
    code = ("import os\nos.environ['QT_QPA_PLATFORM'] = 'offscreen'\n"
            "from pathlib import Path\nfrom planner.app import make_application\n"
            "from planner.ui.shell.main_window import MainWindow\n"
            "app = make_application(['tandem'])\nwindow = MainWindow()\nwindow.show()\n"
            "for section in ('overview', 'goals', 'rides', 'metrics', 'funnel', 'people'):\n"
            f"    assert window.open_plan(Path({str(large_path)!r}), section)\n"
            "    app.processEvents()\n"
            "assert window.page('Goals').model.rowCount() == 120\n"
            "window.close()")
    loaded = _modules_after(code)
    assert "planner.ui.pages.rides" in loaded
    assert not {m for m in loaded if m.split(".")[0] in MODEL_LIBRARIES}


def test_a_plan_shown_again_needs_neither_numpy_nor_pysides_import_hook(
        large_path: Path) -> None:
    """The second start on a plan with CRM data reads its figures back
    (`crm_memo`) and runs with the interpreter's own import statement."""
    code = ("import os, builtins\nos.environ['QT_QPA_PLATFORM'] = 'offscreen'\n"
            "from pathlib import Path\nfrom planner.app import make_application\n"
            "assert builtins.__import__.__name__ == '__import__', builtins.__import__\n"
            "from planner.ui.shell.main_window import MainWindow\n"
            "app = make_application(['tandem'])\nwindow = MainWindow()\nwindow.show()\n"
            "for section in ('overview', 'goals', 'metrics', 'funnel'):\n"
            f"    assert window.open_plan(Path({str(large_path)!r}), section)\n"
            "    app.processEvents()\n"
            "window.close()")
    assert "numpy" in _modules_after(code)  # the first time the figures are worked out
    assert "numpy" not in _modules_after(code)


def test_unit_tests_mirror_the_package() -> None:
    """tests/unit/<package>/test_<module>.py for planner/<package>/<module>.py; a
    few test a whole package (its layers, its types, its pinned Qt, every
    operation at once)."""
    whole_package = {"test_architecture.py", "test_typing.py", "test_pyside_none_refcount.py",
                     "operations/test_undo_everything.py", "test_desktop_files.py",
                     "store/test_merge_orders.py"}  # the merge over three copies
    strays = []
    for test in (ROOT / "tests" / "unit").rglob("test_*.py"):
        rel = test.relative_to(ROOT / "tests" / "unit")
        if rel.as_posix() in whole_package:
            continue
        module = ROOT / "planner" / rel.parent / rel.name.removeprefix("test_")
        package = module.with_suffix("")
        if not module.exists() and not (package / "__init__.py").exists():
            strays.append(rel.as_posix())
    assert strays == []
