"""Who is at the keyboard: asked once per plan and computer, shown, and on
every change; the History view says who changed what."""

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt

from planner.model import Goal, Person
from planner.operations import goals as goal_ops
from planner.store import identities
from planner.ui.dialogs.history import HistoryView
from planner.ui.shell.identity import WhoYouAre
from planner.ui.shell.main_window import MainWindow
from tests.conftest import rows


def test_the_first_use_asks_who_you_are_and_remembers_it(
        qtbot, window: MainWindow, sample_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("EMAIL", "Chiara.Hughes@northwind-analytics.example")
    assert window.open_plan(sample_path)
    bar = window.identity_bar
    assert bar is not None and bar.isVisible()
    assert window.identity_label.text() == f"You: {window.session.store.acting.name} (guest)"  # type: ignore[union-attr]
    # The login's email fits a person of the plan: offered first, confirmed in one click.
    assert bar.people.currentText() == "Chiara Hughes (editor)"
    bar.confirm.click()
    assert window.identity_bar is None
    assert window.identity_label.text() == "You: Chiara Hughes, editor"
    store = window.session.store  # type: ignore[union-attr]
    goal = store.rows(Goal)[0]
    window.session.do(goal_ops.reword(goal, title="Chiara's title"))  # type: ignore[union-attr]
    assert rows(sample_path, "SELECT author, login FROM change_log ORDER BY seq DESC LIMIT 1") \
        == [("Chiara Hughes", store.acting.login)]
    # Opened again on this computer, the plan knows her and does not ask.
    window.close_plan()
    assert window.open_plan(sample_path)
    assert window.identity_bar is None
    assert window.identity_label.text() == "You: Chiara Hughes, editor"


def test_file_who_you_are_changes_the_person_or_makes_a_guest(
        qtbot, sample_window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    from planner.ui import dialogs

    def answer(dialog: WhoYouAre) -> bool:
        dialog.people.setCurrentIndex(dialog.people.findText("Amara Okafor (head of sales)"))
        return True
    monkeypatch.setattr(dialogs, "exec_dialog", answer)
    assert sample_window.who_you_are()
    assert sample_window.identity_label.text() == "You: Amara Okafor, head of sales"
    assert sample_window.identity_bar is None

    def guest(dialog: WhoYouAre) -> bool:
        dialog.people.setCurrentIndex(dialog.people.count() - 1)
        dialog.guest.setText("  Pat   <b>Visitor</b> ")
        return True
    monkeypatch.setattr(dialogs, "exec_dialog", guest)
    assert sample_window.who_you_are()
    assert sample_window.identity_label.text() == "You: Pat <b>Visitor</b> (guest)"
    assert sample_window.identity_label.textFormat() == Qt.TextFormat.PlainText
    store = sample_window.session.store  # type: ignore[union-attr]
    assert identities.chosen(store).name == "Pat <b>Visitor</b>"  # type: ignore[union-attr]


def test_the_history_view_lists_who_changed_what_and_filters_by_person(
        qtbot, sample_window: MainWindow, sample_path: Path) -> None:  # type: ignore[no-untyped-def]
    from planner.rules.roles import actor_for
    from planner.ui.shell import identity

    session = sample_window.session
    assert session is not None
    people = {p.name: p for p in session.store.rows(Person)}
    goal = session.store.rows(Goal)[1]
    identity.choose(session, actor_for(people["Dmitri Horvath"]))
    session.do(goal_ops.reword(goal, title="Dmitri's goal"))
    identity.choose(session, actor_for(people["Ines Berg"]))
    session.do(goal_ops.reword(session.store.get(Goal, goal.id), title="Ines's goal"))  # type: ignore[arg-type]
    view = sample_window.show_history()
    assert isinstance(view, HistoryView)
    qtbot.addWidget(view)
    model = view.model
    assert model.index(0, 1).data() == "Ines Berg" and model.index(1, 1).data() == \
        "Dmitri Horvath"
    # A change is called by the row as it was: Ines reworded "Dmitri's goal".
    assert model.index(0, 2).data() == "Reword \u201cDmitri's goal\u201d"
    assert model.index(0, 3).data() == "Goals"
    assert "Dmitri's goal" in view.detail.toPlainText() or "Ines's goal" in \
        view.detail.toPlainText()
    view.choose_person("Dmitri Horvath")
    assert model.rowCount() == 1 and model.index(0, 1).data() == "Dmitri Horvath"
    assert "Title" in view.detail.toPlainText() and "Dmitri's goal" in view.detail.toPlainText()
    view.choose_person("Nobody")  # not in the list: everyone
    view.choose_section("people")
    assert all("People" in model.index(r, 3).data() for r in range(model.rowCount()))
    # A row's History: only the changes to that goal, the newest first.
    page = sample_window.page("Goals")
    sample_window.show_section(1)
    page.view.setCurrentIndex(page.model.index(page.model.row_of(goal.id), 0))
    menu = page.context_menu()
    assert any(a.objectName() == "rowHistory" and a.isEnabled() for a in menu.actions())
    of_row = page.show_row_history()
    qtbot.addWidget(of_row)
    assert of_row.windowTitle() == "History of goal \u201cIness goal\u201d".replace(
        "Iness", "Ines's")
    labels = [of_row.model.index(r, 2).data() for r in range(of_row.model.rowCount())]
    assert labels[:2] == ["Reword \u201cDmitri's goal\u201d", f"Reword \u201c{goal.title}\u201d"]
    # Only changes that touched this goal: as many as its history index holds.
    assert of_row.model.rowCount() == len(session.store.changes_to(goal.id))


def test_the_status_bar_and_history_speak_german(
        qtbot, sample_window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    from planner.rules.roles import head_actor
    from planner.ui.shell import identity

    session = sample_window.session
    assert session is not None
    identity.choose(session, head_actor(session.store, "sales"))  # type: ignore[arg-type]
    try:
        assert sample_window.set_language("de") == "de"
        assert sample_window.identity_label.text() == "Sie: Amara Okafor, Vertriebsleitung"
        view = sample_window.show_history()
        qtbot.addWidget(view)
        assert view.person.itemText(0) == "Alle" and view.count.text().endswith("Änderungen")
        assert [view.model.headerData(n, Qt.Orientation.Horizontal) for n in range(4)] == [
            "Wann", "Wer", "Was", "Abschnitte"]
        assert sample_window.actions_by_id["edit.history"].text() == "&Verlauf\u2026"
    finally:
        sample_window.set_language("en")
        QSettings().remove("language")
