"""The window on a plan on a real PostgreSQL server, as a user meets it.

Another store (another person, as another window would be) commits; the
window shows it without anyone touching it. The status bar says where the
plan lives and who else has it open. The same field at once: one is told
who changed it. The server restarted: the banner says so, the window
reads on, and comes back by itself.
"""

from pathlib import Path

import pytest
from PySide6.QtWidgets import QLabel

from planner.model import Goal
from planner.operations.rows import edit
from planner.store.server.address import parse
from planner.store.server.store import ServerStore
from planner.ui import dialogs
from planner.ui.dialogs.server import ServerDialog
from planner.ui.pages.goals import GoalsPage
from planner.ui.shell.main_window import MainWindow
from tests.postgres import Published


def _goals(window: MainWindow) -> GoalsPage:
    window.show_section(next(n for n, s in enumerate(__import__("planner.sections", fromlist=[
        "WINDOW"]).WINDOW) if s.key == "goals"))
    page = window.page("goals")
    assert isinstance(page, GoalsPage)
    return page


def _shown(page: GoalsPage, goal_id: str) -> str:
    model = page.model
    row = next(r for r in range(model.rowCount()) if model.row_id(r) == goal_id)
    return str(model.row(row).description)


def test_another_persons_change_appears_and_the_status_bar_says_who_is_in(
        qtbot, window: MainWindow, published: Published) -> None:  # type: ignore[no-untyped-def]
    assert window.open_plan(published.as_login("ines"))
    page = _goals(window)
    where = window.findChild(QLabel, "whereStatus")
    assert where is not None
    qtbot.waitUntil(where.isVisible, timeout=2_000)  # just after the plan's first paint
    with ServerStore.open_address(parse(published.as_login("jonas"))) as jonas:
        qtbot.waitUntil(lambda: "also open by Jonas Petrov" in where.text(), timeout=10_000)
        assert where.text().startswith("On the server: ")
        goal = jonas.rows(Goal)[0]
        jonas.commit(edit(goal, description="Typed in Jonas's window"))
        qtbot.waitUntil(lambda: _shown(page, goal.id) == "Typed in Jonas's window",
                        timeout=5_000)
        assert window.identity_label.text().startswith("You: Ines Berg")
        # The same field at once: Jonas's words win, Ines is told who.
        stale = edit(window.session.store.get(Goal, goal.id), description="Ines's words")
        jonas.commit(edit(jonas.get(Goal, goal.id), description="Jonas again"))
        assert not window.session.do(stale)
        assert "Jonas Petrov changed this goal a moment ago" in window.problem.text()
        assert _shown(page, goal.id) == "Jonas again"
    qtbot.waitUntil(lambda: "also open" not in where.text(), timeout=10_000)


def test_the_server_restarted_under_the_window(qtbot, window: MainWindow,
                                              published: Published) -> None:  # type: ignore[no-untyped-def]
    assert window.open_plan(published.as_login("ines"))
    page = _goals(window)
    goal = window.session.store.rows(Goal)[0]
    published.cluster.restart()
    qtbot.waitUntil(lambda: window.banner.isVisible(), timeout=10_000)
    assert "cannot be reached" in window.banner.text() and "read-only" in window.banner.text()
    assert window.windowTitle().endswith("[read-only]")
    assert _shown(page, goal.id) == goal.description  # every row still shown
    qtbot.waitUntil(lambda: not window.banner.isVisible(), timeout=20_000)
    assert window.session.do(edit(window.session.store.get(Goal, goal.id),
                                  description="After the restart"))
    assert _shown(page, goal.id) == "After the restart"


def test_open_from_server_chooses_among_the_databases_plans(
        qtbot, window: MainWindow, published: Published,  # type: ignore[no-untyped-def]
        monkeypatch: pytest.MonkeyPatch) -> None:
    database = published.database.replace("tandem_admin@", "jonas@")

    def answer(dialog: object) -> bool:
        assert isinstance(dialog, ServerDialog)
        dialog.address.setEditText(database)
        return True
    asked: list[list[str]] = []
    monkeypatch.setattr(dialogs, "exec_dialog", answer)
    monkeypatch.setattr(dialogs, "ask_item",
                        lambda parent, title, label, items: asked.append(items) or 0)
    window.open_from_server()
    assert asked == [["Northwind go-to-market plan 2027"]]
    assert window.session is not None and window.session.link is not None
    assert window.session.store.acting.name == "Jonas Petrov"
    from planner.ui.dialogs.server import remembered

    assert remembered() == [database]  # no password in the settings, ever


def test_publish_a_file_plan_from_the_window(qtbot, window: MainWindow, pg_url: str,  # type: ignore[no-untyped-def]
                                            sample_path: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    from planner.store.server.schema import init

    init(parse(pg_url))
    assert window.open_plan(sample_path)

    def answer(dialog: object) -> bool:
        assert isinstance(dialog, ServerDialog)
        dialog.address.setEditText(pg_url)
        return True
    monkeypatch.setattr(dialogs, "exec_dialog", answer)
    assert window.actions_by_id["file.publish"].isEnabled()
    window.publish_to_server()
    assert window.session is not None and window.session.link is not None
    assert window.actions_by_id["file.offline_copy"].isEnabled()
    assert not window.actions_by_id["file.publish"].isEnabled()
    assert "Published: " + pg_url + "#plan=" in window.statusBar().currentMessage()


def test_take_offline_copy_edit_on_the_plane_and_merge_back_in_the_window(
        qtbot, window: MainWindow, published: Published, tmp_path: Path,  # type: ignore[no-untyped-def]
        monkeypatch: pytest.MonkeyPatch) -> None:
    from planner.store.plan_store import PlanStore
    from planner.ui.dialogs.merge import THEIRS, MergeDialog

    assert window.open_plan(published.as_login("jonas"))
    page = _goals(window)
    copy = tmp_path / "plane.tandem"
    monkeypatch.setattr(dialogs, "ask_save_path", lambda *a: copy)
    window.actions_by_id["file.offline_copy"].trigger()
    assert copy.exists()
    store = window.session.store
    goal = next(g for g in store.rows(Goal) if g.sales_signed_at is None)
    other = next(g for g in store.rows(Goal) if g.id != goal.id)
    # On the plane: the copy is edited. On the ground: Ines edits the same goal.
    with PlanStore.open(copy) as offline:
        offline.commit(edit(offline.get(Goal, goal.id), success_measure="Measured on the plane"))
        offline.commit(edit(offline.get(Goal, other.id), description="Written on the plane"))
    with ServerStore.open_address(parse(published.as_login("ines"))) as ines:
        ines.commit(edit(ines.get(Goal, goal.id), success_measure="Measured by Ines"))
    qtbot.waitUntil(lambda: store.get(Goal, goal.id).success_measure == "Measured by Ines",
                    timeout=5_000)
    seen: list[list[str]] = []

    def settle(dialog: object) -> bool:
        assert isinstance(dialog, MergeDialog)
        seen.append([c.key[2] for c in dialog.plan.conflicts])
        dialog.choose(0, THEIRS)
        dialog.try_merge()
        return dialog.change is not None
    monkeypatch.setattr(dialogs, "ask_open_plan", lambda *a: copy)
    monkeypatch.setattr(dialogs, "exec_dialog", settle)
    window.merge_from()
    assert seen == [["success_measure"]]  # the one field both changed, and only it
    assert _shown(page, other.id) == "Written on the plane"
    # On the server, for everyone, by Jonas.
    with ServerStore.open_address(parse(published.address)) as fresh:
        assert fresh.get(Goal, goal.id).success_measure == "Measured on the plane"
        assert fresh.get(Goal, other.id).description == "Written on the plane"
        assert fresh.history()[-1].author.name == "Jonas Petrov"
        assert fresh.versions()[-1].name == "Before merging plane.tandem"
    # Undo is Jonas's own change set: it goes back on the server too.
    window.undo()
    with ServerStore.open_address(parse(published.address)) as fresh:
        assert fresh.get(Goal, goal.id).success_measure == "Measured by Ines"
        assert fresh.get(Goal, other.id).description == other.description
