"""The window where plans really live: another program writing beside it,
a backup that cannot be written, the user's data folder."""

import shutil
import subprocess
from pathlib import Path

import pytest

from planner.model import Goal
from planner.operations import goals
from planner.ui.shell.main_window import MainWindow
from tests.conftest import rows

pytestmark = pytest.mark.gui

needs_sqlite3 = pytest.mark.skipif(shutil.which("sqlite3") is None,
                                   reason="needs the sqlite3 shell (Debian: sqlite3)")


def shell(plan: Path, sql: str) -> None:
    """Another program writes the plan: the real sqlite3 shell."""
    done = subprocess.run(["sqlite3", str(plan), sql], capture_output=True, text=True,
                          timeout=30)
    assert done.returncode == 0, done.stderr


@needs_sqlite3
def test_a_sqlite3_write_beside_the_window_is_read_not_overwritten(
        qtbot, sample_window: MainWindow, sample_path: Path) -> None:  # type: ignore[no-untyped-def]
    session = sample_window.session
    assert session is not None
    store = session.store
    first, second, third = store.rows(Goal)[:3]
    assert session.attempt(lambda: goals.reword(second, title="Mine, before theirs"))
    assert session.attempt(lambda: goals.reword(first, title="Also mine"))
    sample_window.sidebar.setCurrentRow(1)  # Goals
    shell(sample_path, f"UPDATE goal SET title = 'Theirs' WHERE id = '{first.id}'")
    # The very next edit is not written over theirs: refused, with one sentence.
    assert not session.attempt(lambda: goals.reword(third, title="Typed at the same moment"))
    said = sample_window.problem.text()
    assert said.startswith("Another program changed sample.tandem while it was open here")
    assert "did not write your last change over theirs" in said and "\n" not in said
    assert rows(sample_path, f"SELECT title FROM goal WHERE id = '{first.id}'") == [("Theirs",)]
    assert store.get(Goal, first.id).title == "Theirs"  # type: ignore[union-attr]
    goals_page = sample_window.page("goals")
    shown = {goals_page.model.index(r, 0).data() for r in range(goals_page.model.rowCount())}
    assert "Theirs" in shown and "Also mine" not in shown
    # Undo steps that touched their row went, and those before them: nothing
    # can undo "Also mine" over "Theirs".
    assert not session.undo_stack.canUndo()
    # The next edit applies to what is there now.
    assert session.attempt(lambda: goals.reword(store.get(Goal, third.id),
                                                title="Typed again"))
    assert rows(sample_path, f"SELECT title FROM goal WHERE id IN ('{first.id}', "
                f"'{third.id}') ORDER BY title") == [("Theirs",), ("Typed again",)]
    # The other program's change is in the history, as theirs: check finds nothing amiss.
    labels = [e.label for e in store.history()]
    assert "Changed by another program" in labels


@needs_sqlite3
def test_the_window_notices_another_program_within_seconds(
        qtbot, sample_window: MainWindow, sample_path: Path) -> None:  # type: ignore[no-untyped-def]
    session = sample_window.session
    assert session is not None
    store = session.store
    first, second = store.rows(Goal)[:2]
    assert session.attempt(lambda: goals.reword(second, title="Mine, untouched by them"))
    sample_window.sidebar.setCurrentRow(1)
    shell(sample_path, f"UPDATE goal SET title = 'Theirs, while I looked' WHERE id = "
                       f"'{first.id}'")
    qtbot.waitUntil(lambda: "Another program changed" in sample_window.problem.text(),
                    timeout=5000)
    assert "nothing of theirs was written over" in sample_window.problem.text()
    page = sample_window.page("goals")
    shown = {page.model.index(r, 0).data() for r in range(page.model.rowCount())}
    assert "Theirs, while I looked" in shown
    # My step on another goal still applies, and undoes without touching theirs.
    assert session.undo_stack.canUndo()
    session.undo_stack.undo()
    assert rows(sample_path, f"SELECT title FROM goal WHERE id = '{second.id}'") == \
        [(second.title,)]
    assert rows(sample_path, f"SELECT title FROM goal WHERE id = '{first.id}'") == \
        [("Theirs, while I looked",)]


def test_a_backup_that_cannot_be_written_is_said_once_in_a_plain_sentence(
        qtbot, window: MainWindow, sample_path: Path, tmp_path: Path,  # type: ignore[no-untyped-def]
        monkeypatch: pytest.MonkeyPatch) -> None:
    from planner.ui.shell import plan_files

    blocked = tmp_path / "data"
    blocked.write_text("a file where the backups folder would go")
    monkeypatch.setattr(plan_files, "data_folder", lambda: blocked)
    monkeypatch.setattr(plan_files, "BACKUP_DELAY_MS", 0)
    monkeypatch.setattr(plan_files, "_backup_said", False)
    assert window.open_plan(sample_path)
    qtbot.waitUntil(lambda: "backup" in window.problem.text(), timeout=3000)
    said = window.problem.text()
    assert said.startswith("Today's backup of this plan could not be made, because")
    assert "Errno" not in said and "Editing goes on" in said
    session = window.session
    assert session is not None
    goal = session.store.rows(Goal)[0]
    assert session.attempt(lambda: goals.reword(goal, title="Edited without a backup"))
    window.problem.hide()
    window.close_plan()
    assert window.open_plan(sample_path)  # the same session of the app: not said again
    qtbot.wait(200)
    assert not window.problem.isVisible()


def test_the_data_folder_is_tandem_and_an_older_one_moves_up(
        qtbot, window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QSettings, QStandardPaths

    from planner.ui.shell import plan_files

    base = Path(QStandardPaths.writableLocation(
        QStandardPaths.StandardLocation.GenericDataLocation))
    old = base / "Tandem" / "Tandem"
    (old / "backups" / "x").mkdir(parents=True)
    (old / "Sample plan.tandem").write_bytes(b"the sample")
    QSettings().setValue("last_plan", str(old / "Sample plan.tandem"))
    monkeypatch.setattr(plan_files, "_data_folder", None)
    folder = plan_files.data_folder()
    assert folder == base / "Tandem"
    assert (folder / "Sample plan.tandem").read_bytes() == b"the sample"
    assert (folder / "backups" / "x").is_dir() and not old.exists()
    assert QSettings().value("last_plan") == str(folder / "Sample plan.tandem")
    shutil.rmtree(folder)


@needs_sqlite3
def test_sql_another_program_puts_in_the_file_makes_the_window_read_only(
        qtbot, sample_window: MainWindow, sample_path: Path) -> None:  # type: ignore[no-untyped-def]
    session = sample_window.session
    assert session is not None
    goal = session.store.rows(Goal)[0]
    assert session.attempt(lambda: goals.reword(goal, title="Before their trigger"))
    shell(sample_path, "CREATE TRIGGER wipe AFTER UPDATE ON goal BEGIN DELETE FROM person; END")
    qtbot.waitUntil(lambda: sample_window.banner.isVisible() and "wipe" in
                    sample_window.banner.text(), timeout=5000)
    assert sample_window.windowTitle().endswith("[read-only]")
    assert not session.attempt(lambda: goals.reword(goal, title="Would fire their trigger"))
    assert rows(sample_path, "SELECT count(*) FROM person")[0][0] > 0
    assert rows(sample_path, f"SELECT title FROM goal WHERE id = '{goal.id}'") == \
        [("Before their trigger",)]
