"""The Messaging and Reviews pages driven as a VP drives them: write, approve,
reword, undo; a whole review by keyboard; the parking lot. Each test reads
the plan file to see what was kept."""

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit

from planner.ui import dialogs
from planner.ui.pages.messages import MessagesPage
from planner.ui.pages.reviews import ReviewsPage
from planner.ui.shell.main_window import MainWindow
from tests.conftest import rows
from tests.acting import window_as_head

pytestmark = pytest.mark.gui
CTRL, SHIFT = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.ShiftModifier


def open_page(window: MainWindow, title: str):  # type: ignore[no-untyped-def]
    from planner.ui.shell.main_window import SECTIONS

    window.show_section(SECTIONS.index(title))
    return window.page(title)


def type_in_cell(qtbot, view, text: str) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClick(view, Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit), editor
    editor.selectAll()
    qtbot.keyClicks(editor, text)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is view)


def column(page: MessagesPage, key: str) -> int:
    return next(n for n, c in enumerate(page.model.spec.columns) if c.key == key)


def test_a_message_is_written_approved_reworded_and_undone(  # type: ignore[no-untyped-def]
        qtbot, sample_window: MainWindow, sample_path: Path, monkeypatch) -> None:
    page = open_page(sample_window, "Messaging")
    assert isinstance(page, MessagesPage)
    before = rows(sample_path, "SELECT count(*) FROM message")[0][0]
    page.view.setFocus()
    sample_window.actions_by_id["edit.add"].trigger()  # a new draft, its first cell open
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit)
    editor.selectAll()
    qtbot.keyClicks(editor, "Board asks <b>which</b> region pays back first")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is page.view)
    message_id = page.model.row_id(page.view.currentIndex().row())
    page.view.setCurrentIndex(page.model.index(page.model.row_of(message_id),
                                               column(page, "value_message")))
    type_in_cell(qtbot, page.view, "Payback by region, in the board pack")
    query = ("SELECT customer_problem, value_message, sales_signed_wording IS NOT NULL, "
             f"marketing_signed_wording IS NOT NULL FROM message WHERE id = '{message_id}'")
    assert rows(sample_path, "SELECT count(*) FROM message")[0][0] == before + 1
    assert rows(sample_path, query) == [("Board asks <b>which</b> region pays back first",
                                         "Payback by region, in the board pack", 0, 0)]
    # Both sides approve by keyboard, as the plan's heads, each saying who they are.
    window_as_head(sample_window, "sales")
    qtbot.keyClick(page.view, Qt.Key.Key_S, CTRL | SHIFT)
    window_as_head(sample_window, "marketing")
    qtbot.keyClick(page.view, Qt.Key.Key_M, CTRL | SHIFT)
    assert rows(sample_path, query)[0][2:] == (1, 1)
    row = page.model.row_of(message_id)
    assert page.model.index(row, column(page, "agreement")).data() == "\u2713 Approved"
    assert "Amara Okafor" in page.detail.state.text()
    # Rewording asks first; keeping the words changes nothing.
    monkeypatch.setattr(dialogs, "confirm", lambda *a: False)
    page.view.setCurrentIndex(page.model.index(row, column(page, "value_message")))
    type_in_cell(qtbot, page.view, "Payback by region")
    assert rows(sample_path, query)[0][1:] == ("Payback by region, in the board pack", 1, 1)
    asked: list[str] = []
    monkeypatch.setattr(dialogs, "confirm", lambda parent, title, text, *a:
                        asked.append(text) or True)
    type_in_cell(qtbot, page.view, "Payback by region")
    assert "withdraws the approval of sales (Amara Okafor" in asked[0]
    assert rows(sample_path, query)[0][1:] == ("Payback by region", 0, 0)
    assert page.model.index(page.model.row_of(message_id), column(page, "agreement")).data() \
        == "Draft: waits for both sides"
    sample_window.undo()
    assert rows(sample_path, query)[0][1:] == ("Payback by region, in the board pack", 1, 1)
    # The same key again withdraws one side's approval.
    page.view.setCurrentIndex(page.model.index(page.model.row_of(message_id), 0))
    qtbot.keyClick(page.view, Qt.Key.Key_M, CTRL | SHIFT)
    assert rows(sample_path, query)[0][2:] == (1, 0)


def test_filters_find_what_waits_for_my_side(qtbot, sample_window: MainWindow,  # type: ignore[no-untyped-def]
                                             sample_path: Path) -> None:
    page = open_page(sample_window, "Messaging")
    total = page.model.rowCount()
    assert total == rows(sample_path, "SELECT count(*) FROM message")[0][0]
    page.my_side.setCurrentIndex(page.my_side.findData("marketing"))
    page.waiting_mine.setChecked(True)
    waiting = {page.model.row_id(r) for r in range(page.model.rowCount())}
    assert waiting == {i for (i,) in rows(sample_path, "SELECT id FROM message WHERE "
                                                       "marketing_signed_at IS NULL")}
    assert page.count_label.text().startswith(f"{len(waiting)} of {total} messages")
    page.clear_filters()
    page.approved_filter.setCurrentIndex(page.approved_filter.findData(True))
    approved = page.model.rowCount()
    page.approved_filter.setCurrentIndex(page.approved_filter.findData(False))
    assert approved + page.model.rowCount() == total
    page.clear_filters()
    stage_id, stage = rows(sample_path, "SELECT id, name FROM funnel_stage ORDER BY position")[1]
    page.stage_filter.setCurrentIndex(page.stage_filter.findData(stage_id))
    assert {page.model.row_id(r) for r in range(page.model.rowCount())} == {
        i for (i,) in rows(sample_path, f"SELECT id FROM message WHERE funnel_stage_id = "
                                        f"'{stage_id}'")}
    page.clear_filters()
    page.source_filter.setCurrentIndex(page.source_filter.findData("review"))
    assert {page.model.row_id(r) for r in range(page.model.rowCount())} == {
        i for (i,) in rows(sample_path, "SELECT id FROM message WHERE field_ride_id IS NULL "
                                        "AND review_id IS NOT NULL")}
    page.clear_filters()
    qtbot.keyClick(page.view, Qt.Key.Key_F, CTRL)
    qtbot.keyClicks(page.search, "zzz no such words")
    assert page.model.rowCount() == 0
    page.search.clear()
    assert page.model.rowCount() == total


def test_a_whole_review_is_written_by_keyboard_and_linked(  # type: ignore[no-untyped-def]
        qtbot, sample_window: MainWindow, sample_path: Path) -> None:
    page = open_page(sample_window, "Reviews")
    assert isinstance(page, ReviewsPage)
    before = rows(sample_path, "SELECT count(*) FROM review")[0][0]
    page.view.setFocus()
    qtbot.keyClick(page.view, Qt.Key.Key_N, CTRL | SHIFT)  # Edit › Add row
    detail = page.detail
    assert QApplication.focusWidget() is detail.parts["what_happened"]
    parts = ("Demo requests waited 3 days in March", "Nobody owned the demo inbox",
             "Demo requests route to the territory's rep within 4 hours")
    for text in parts:
        qtbot.keyClicks(QApplication.focusWidget(), text)
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)  # next part; saves this one
    assert rows(sample_path, "SELECT count(*) FROM review")[0][0] == before + 1
    review_id = detail.review_id
    assert rows(sample_path, "SELECT held_on, what_happened, what_we_learned, what_we_change "
                             f"FROM review WHERE id = '{review_id}'") == [
        (date.today().isoformat(), *parts)]
    # An action item with its owner and due date.
    detail.side.setCurrentIndex(0)
    detail.add_action.click()
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit)
    editor.selectAll()
    qtbot.keyClicks(editor, "Set up the routing rule")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is detail.action_view)
    action = detail.actions.row(0)
    person_id, name = rows(sample_path, "SELECT id, name FROM person ORDER BY name LIMIT 1")[0]
    detail.actions.setData(detail.actions.index(0, 1), person_id)
    detail.actions.setData(detail.actions.index(0, 2), date(2027, 4, 30))
    assert rows(sample_path, "SELECT action, owner_id, due_date, done FROM review_action "
                             f"WHERE id = '{action.id}'") == [
        ("Set up the routing rule", person_id, "2027-04-30", 0)]
    # Linked to a goal and a funnel stage.
    checks = [detail.about.item(n) for n in range(detail.about.count())
              if detail.about.item(n).flags() & Qt.ItemFlag.ItemIsUserCheckable]
    checks[0].setCheckState(Qt.CheckState.Checked)
    stage = next(i for i in checks if i.data(Qt.ItemDataRole.UserRole + 1) == "FunnelStage")
    stage.setCheckState(Qt.CheckState.Checked)
    assert rows(sample_path, "SELECT count(goal_id), count(funnel_stage_id) FROM review_link "
                             f"WHERE review_id = '{review_id}'") == [(1, 1)]
    # Naming a person raises the gentle flag; the writer can keep the wording.
    box = detail.parts["what_happened"]
    box.setFocus()
    qtbot.keyClicks(box, f"; {name} was away")
    qtbot.keyClick(box, Qt.Key.Key_Tab)
    assert not detail.flag.isHidden()
    assert detail.flag_text.text() == (f"This review names {name}: reviews describe the "
                                       "system, not people.")
    detail.keep.click()
    assert rows(sample_path, f"SELECT blame_flag_dismissed FROM review WHERE id = '{review_id}'") \
        == [(1,)]
    assert detail.flag.isHidden()
    # Undo takes the steps back one by one, down to no review at all.
    while rows(sample_path, "SELECT count(*) FROM review")[0][0] > before:
        sample_window.undo()
    assert rows(sample_path, "SELECT count(*) FROM review_action WHERE action = "
                             "'Set up the routing rule'") == [(0,)]


def test_parked_topics_close_or_become_goals_in_one_step(  # type: ignore[no-untyped-def]
        qtbot, sample_window: MainWindow, sample_path: Path) -> None:
    from planner.operations import workshop

    session = sample_window.session
    assert session is not None
    session.do(workshop.park("Partner pricing"))
    session.do(workshop.park("Trade-show budget"))
    page = open_page(sample_window, "Reviews")
    page.tabs.setCurrentIndex(1)
    panel = page.parking
    assert [panel.topics.item(n).text() for n in range(panel.topics.count())] == [
        "Partner pricing", "Trade-show budget"]
    panel.topics.setCurrentRow(0)
    panel.to_goal.click()
    assert rows(sample_path, "SELECT status FROM goal WHERE title = 'Partner pricing'") == [
        ("PROPOSED",)]
    assert rows(sample_path, "SELECT topic, done FROM parking_topic ORDER BY topic") == [
        ("Partner pricing", 1), ("Trade-show budget", 0)]
    sample_window.undo()  # one step: the goal and the closing go together
    assert rows(sample_path, "SELECT count(*) FROM goal WHERE title = 'Partner pricing'") == [(0,)]
    assert rows(sample_path, "SELECT done FROM parking_topic WHERE topic = 'Partner pricing'") \
        == [(0,)]
    panel.topics.setCurrentRow(1)
    panel.close_topic.click()
    assert rows(sample_path, "SELECT done FROM parking_topic WHERE topic = "
                             "'Trade-show budget'") == [(1,)]
    assert panel.topics.item(1).text() == "Trade-show budget  (closed)"
