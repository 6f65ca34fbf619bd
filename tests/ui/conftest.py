"""A real main window, offscreen, per test; dialogs answered by the test."""

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QStandardPaths

from planner.ui import dialogs
from planner.ui.shell.main_window import MainWindow

pytestmark = pytest.mark.gui


@pytest.fixture(autouse=True)
def _no_real_dialogs(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    """Any modal that a test did not answer fails the test instead of hanging it."""
    warnings: list[tuple[str, str]] = []
    monkeypatch.setattr(dialogs, "warn", lambda parent, title, text: warnings.append((title, text)))

    def unexpected(*args: object, **kwargs: object) -> None:
        raise AssertionError(f"unexpected dialog: {args[1:]}")

    for name in ("ask_open_plan", "ask_save_path", "ask_directory", "ask_open_file",
                 "exec_dialog", "ask_text", "confirm", "ask_item"):
        monkeypatch.setattr(dialogs, name, unexpected)
    return warnings


@pytest.fixture
def warnings(_no_real_dialogs: list[tuple[str, str]]) -> list[tuple[str, str]]:
    return _no_real_dialogs


@pytest.fixture
def window(qtbot) -> Iterator[MainWindow]:  # type: ignore[no-untyped-def]
    from planner.app import make_application

    QStandardPaths.setTestModeEnabled(True)
    make_application([])
    w = MainWindow()
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    w.activateWindow()
    yield w
    w.close()


@pytest.fixture
def sample_window(window: MainWindow, sample_path: Path) -> MainWindow:
    assert window.open_plan(sample_path)
    return window
