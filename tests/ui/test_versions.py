"""Versions, changes, merging another copy, copies and backups, as a VP uses them."""

from pathlib import Path

import pytest
from PySide6.QtCore import QUrl

from planner.model import FieldRide, Goal
from planner.operations import goals
from planner.operations.rows import edit
from planner.store.plan_store import PlanStore
from planner.ui import dialogs
from planner.ui.dialogs.merge import MINE, OTHER, THEIRS, MergeDialog
from planner.ui.dialogs.versions import SaveVersionDialog
from planner.ui.shell import plan_files
from planner.ui.shell.main_window import MainWindow

pytestmark = pytest.mark.gui


@pytest.fixture
def copies(large_path: Path, tmp_path: Path) -> tuple[Path, Path, list[str]]:
    """The large plan and a copy of it, each changed: one title both, others one side."""
    theirs = tmp_path / "theirs.tandem"
    theirs.write_bytes(large_path.read_bytes())
    with PlanStore.open(large_path) as mine_store, PlanStore.open(theirs) as their_store:
        g = mine_store.rows(Goal)
        ride = mine_store.rows(FieldRide)[0]
        mine_store.commit(goals.reword(g[0], title="Mine: 60% by Q4"))
        their_store.commit(goals.reword(their_store.get(Goal, g[0].id),  # type: ignore[arg-type]
                                        title="Theirs: 55% by Q3"))
        their_store.commit(goals.reword(their_store.get(Goal, g[1].id),  # type: ignore[arg-type]
                                        title="Theirs only"))
        mine_store.commit(edit(ride, territory="Mine changed it"))
        their_store.commit(edit(their_store.get(FieldRide, ride.id),  # type: ignore[arg-type]
                                territory="Theirs changed it"))
    return large_path, theirs, [g[0].id, g[1].id, ride.id]


def test_merge_with_conflicts_choose_sides_then_undo(
        window: MainWindow, copies: tuple[Path, Path, list[str]],
        monkeypatch: pytest.MonkeyPatch) -> None:
    mine, theirs, (both, only_theirs, ride) = copies
    assert window.open_plan(mine, "goals")
    store = window.session.store  # type: ignore[union-attr]
    before = store.state()
    seen: list[MergeDialog] = []

    def settle(dialog: MergeDialog) -> bool:
        seen.append(dialog)
        keys = [c.key[2] for c in dialog.plan.conflicts]
        assert sorted(keys) == ["territory", "title"]  # exactly what both changed
        dialog.choose(keys.index("title"), OTHER, "Both: 58% by Q4")
        dialog.choose(keys.index("territory"), THEIRS)
        dialog.try_merge()
        return dialog.change is not None

    monkeypatch.setattr(dialogs, "ask_open_plan", lambda *a: theirs)
    monkeypatch.setattr(dialogs, "exec_dialog", settle)
    assert window.merge_from() is None and seen
    goals_page = window.page("goals")
    shown = {goals_page.model.index(r, 0).data() for r in range(goals_page.model.rowCount())}
    assert {"Both: 58% by Q4", "Theirs only"} <= shown  # on screen at once
    assert store.get(FieldRide, ride).territory == "Theirs changed it"  # type: ignore[union-attr]
    assert store.versions()[-1].name == "Before merging theirs.tandem"
    assert window.actions_by_id["edit.undo"].text() == "&Undo Merge changes from theirs.tandem"
    window.undo()
    assert store.state() == before  # one step, undone exactly
    assert "Mine: 60% by Q4" in {goals_page.model.index(r, 0).data()
                                 for r in range(goals_page.model.rowCount())}


def test_the_window_and_the_command_line_merge_alike(
        window: MainWindow, copies: tuple[Path, Path, list[str]], tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """One flow: the same copies merged by `tandem merge --take theirs` and by
    File › Merge changes from… taking theirs for all end as the same file
    (every row and version alike, the times the commit stamps aside)."""
    import subprocess
    import sys
    from datetime import date

    from planner.model import NonWorkingDay
    from planner.operations import rides
    from tests.conftest import ROOT

    mine, theirs, _ = copies
    for path, occasion in ((mine, "Easter"), (theirs, "Easter Monday")):
        with PlanStore.open(path) as store:  # a row of one natural key on both sides
            store.commit(rides.add_non_working_day(date(2027, 4, 14), occasion))
    by_cli = tmp_path / "by-cli.tandem"
    by_cli.write_bytes(mine.read_bytes())
    done = subprocess.run([sys.executable, str(ROOT / "main.py"), "merge", str(by_cli),
                           str(theirs), "--take", "theirs"], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert "3 conflicts settled by taking theirs" in done.stdout

    def settle(dialog: MergeDialog) -> bool:
        dialog.take_all(THEIRS)
        dialog.try_merge()
        return dialog.change is not None

    monkeypatch.setattr(dialogs, "ask_open_plan", lambda *a: theirs)
    monkeypatch.setattr(dialogs, "exec_dialog", settle)
    assert window.open_plan(mine, "goals")
    window.merge_from()
    window.close_plan()

    def seen(path: Path) -> tuple[object, ...]:
        with PlanStore.open(path, read_only=True) as store:
            rows = {kind.__name__: sorted((row._replace(updated_at=None) for row in rows.values()),
                                          key=lambda r: r.id)
                    for kind, rows in store.state().items()}
            versions = [(v.name, v.seq, v.automatic) for v in store.versions()]
            return rows, versions, [e.label for e in store.history()]

    assert seen(mine) == seen(by_cli)
    with PlanStore.open(mine, read_only=True) as store:
        assert [d.occasion for d in store.rows(NonWorkingDay)
                if d.day == date(2027, 4, 14)] == ["Easter Monday"]


def test_a_choice_the_plan_cannot_hold_is_said_in_the_dialog(
        window: MainWindow, copies: tuple[Path, Path, list[str]],
        monkeypatch: pytest.MonkeyPatch) -> None:
    mine, theirs, _ = copies
    assert window.open_plan(mine, "goals")

    def settle(dialog: MergeDialog) -> bool:
        keys = [c.key[2] for c in dialog.plan.conflicts]
        dialog.take_all(MINE)
        dialog.choose(keys.index("title"), OTHER, "   ")
        dialog.try_merge()
        assert dialog.change is None and "cannot be empty" in dialog.problem.text()
        return False

    monkeypatch.setattr(dialogs, "ask_open_plan", lambda *a: theirs)
    monkeypatch.setattr(dialogs, "exec_dialog", settle)
    before = window.session.store.state()  # type: ignore[union-attr]
    window.merge_from()
    assert window.session.store.state() == before  # type: ignore[union-attr]


def test_the_changes_view_jumps_to_the_row(window: MainWindow, sample_path: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    assert window.open_plan(sample_path, "overview")
    store = window.session.store  # type: ignore[union-attr]
    version = store.save_version("Start")
    goal = store.rows(Goal)[7]
    window.session.do(goals.reword(goal, title="Changed <b>since</b> the start"))  # type: ignore[union-attr]
    later = store.save_version("Later")
    view = plan_files.compare_version(window, version)
    assert "Changed <b>since</b> the start" in view.browser.toPlainText()  # words, not markup
    (difference,) = view.found
    view.browser.anchorClicked.emit(QUrl(f"row:Goal:{difference.row_id}"))
    goals_page = window.page("goals")
    assert window.current_page() is goals_page
    current = goals_page.view.currentIndex()
    assert goals_page.model.row_id(current.row()) == goal.id
    # Two versions compared with each other, from the versions list.
    listed = plan_files.show_versions(window)
    listed.select_versions("Start", "Later")
    assert listed.buttons["compare"].text() == "&Compare the two"
    listed.buttons["compare"].click()
    two = window.changes_views[-1]
    assert two.windowTitle() == "\u201cStart\u201d \u2192 \u201cLater\u201d"
    assert [d.row_id for d in two.found] == [goal.id] and later.seq > version.seq


def test_a_version_is_saved_opened_read_only_and_restored_as_one_undoable_step(
        window: MainWindow, sample_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert window.open_plan(sample_path, "goals")
    store = window.session.store  # type: ignore[union-attr]

    def name_it(dialog: SaveVersionDialog) -> bool:
        dialog.name.setText("Before the board")
        dialog.note.setPlainText("As sent on Friday.")
        dialog.author.setText("Amara Okafor")
        return True

    monkeypatch.setattr(dialogs, "exec_dialog", name_it)
    window.save_version()
    saved = store.version("Before the board")
    assert (saved.note, saved.author) == ("As sent on Friday.", "Amara Okafor")
    then = store.state()
    goal = store.rows(Goal)[0]
    window.session.do(goals.reword(goal, title="After the board"))  # type: ignore[union-attr]
    other = plan_files.open_version(window, saved)
    assert other is not None and other.session.read_only  # type: ignore[union-attr]
    assert other.session.store.get(Goal, goal.id).title == goal.title  # type: ignore[union-attr]
    assert "Before the board" in other.banner.text()
    monkeypatch.setattr(dialogs, "confirm", lambda *a: True)
    assert plan_files.restore_version(window, saved)
    assert store.get(Goal, goal.id).title == goal.title  # type: ignore[union-attr]
    assert {k: set(v) for k, v in store.state().items()} == {k: set(v) for k, v in then.items()}
    window.undo()
    assert store.get(Goal, goal.id).title == "After the board"  # type: ignore[union-attr]
    other.close()


def test_a_copy_and_todays_backup_open_anywhere(window: MainWindow, sample_path: Path,
                                                 tmp_path: Path, qtbot,  # type: ignore[no-untyped-def]
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    from planner.store.backups import backups_of

    monkeypatch.setattr(plan_files, "BACKUP_DELAY_MS", 10)
    assert window.open_plan(sample_path)
    store = window.session.store  # type: ignore[union-attr]
    root = plan_files.data_folder()
    qtbot.waitUntil(lambda: bool(backups_of(root, store)), timeout=5000)
    copy = tmp_path / "copy.tandem"
    monkeypatch.setattr(dialogs, "ask_save_path", lambda *a: copy)
    assert plan_files.save_copy(window)
    with PlanStore.open(copy, read_only=True) as opened:
        assert opened.state() == store.state()
    monkeypatch.setattr(dialogs, "ask_item", lambda *a: 0)
    backup = plan_files.restore_from_backup(window)
    assert backup is not None and backup.session.read_only  # type: ignore[union-attr]
    assert backup.session.store.state() == store.state()  # type: ignore[union-attr]
    backup.close()
