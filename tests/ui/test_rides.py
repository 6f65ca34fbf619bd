"""Field rides in the window: schedule, rules in place, timeline drag, debrief, balance."""

from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication

from planner.ui import dialogs
from planner.ui.shell.main_window import MainWindow
from planner.ui.widgets.colours import PROBLEM_BACKGROUND
from planner.ui.pages.rides import RidesPage
from tests.conftest import rows as sql

pytestmark = pytest.mark.gui


@pytest.fixture
def rides(sample_window: MainWindow) -> RidesPage:
    sample_window.show_section(2)
    page = sample_window.page("Field rides")
    assert isinstance(page, RidesPage)
    return page


def person_id(path: Path, name: str) -> str:
    return str(sql(path, f"SELECT id FROM person WHERE name = '{name}'")[0][0])


def test_adding_a_ride_puts_a_marketer_with_a_rep_in_the_file(
        qtbot, sample_window: MainWindow, rides: RidesPage, sample_path: Path) -> None:  # type: ignore[no-untyped-def]
    before = sql(sample_path, "SELECT count(*) FROM field_ride")[0][0]
    sample_window.actions_by_id["edit.add"].trigger()
    editor = QApplication.focusWidget()
    assert editor is not None and rides.view.currentIndex().column() == 3  # first day
    assert sql(sample_path, "SELECT count(*) FROM field_ride")[0][0] == before + 1
    new = sql(sample_path, "SELECT v.team, h.team FROM field_ride r JOIN person v ON "
                           "v.id = r.visitor_id JOIN person h ON h.id = r.host_id "
                           "ORDER BY r.created_at DESC LIMIT 1")
    assert new == [("MARKETING", "SALES")]


def test_a_visitor_from_the_wrong_team_is_refused_with_the_reason(
        sample_window: MainWindow, rides: RidesPage, sample_path: Path) -> None:
    row = next(r for r in range(rides.model.rowCount())
               if rides.model.index(r, 0).data() == "Marketing rides with sales")
    ride_id = rides.model.row_id(row)
    sales_rep = person_id(sample_path, "Amara Okafor")
    assert not rides.model.setData(rides.model.index(row, 1), sales_rep)
    assert "Amara Okafor is in sales, but the visitor" in sample_window.problem.text()
    visitor = sql(sample_path, f"SELECT visitor_id FROM field_ride WHERE id = '{ride_id}'")
    assert visitor[0][0] != sales_rep


def test_turning_a_ride_round_swaps_visitor_and_host(rides: RidesPage, sample_path: Path,
                                                     sample_window: MainWindow) -> None:
    ride_id = rides.model.row_id(0)
    (visitor, host), = sql(sample_path, f"SELECT visitor_id, host_id FROM field_ride "
                                        f"WHERE id = '{ride_id}'")
    from planner.model.enums import RideDirection

    direction = RideDirection(rides.model.index(0, 0).data(Qt.ItemDataRole.EditRole))
    other = next(d for d in RideDirection if d is not direction)
    assert rides.model.setData(rides.model.index(0, 0), other)
    assert sql(sample_path, f"SELECT visitor_id, host_id FROM field_ride WHERE id = '{ride_id}'") \
        == [(host, visitor)]
    sample_window.undo()
    assert sql(sample_path, f"SELECT visitor_id, host_id FROM field_ride WHERE id = '{ride_id}'") \
        == [(visitor, host)]


def test_a_person_on_two_rides_the_same_day_shows_in_red_with_why(
        rides: RidesPage, sample_window: MainWindow) -> None:
    model = rides.model
    first, second = 0, next(r for r in range(1, model.rowCount())
                            if {model.index(r, 1).data(), model.index(r, 2).data()}
                            & {model.index(0, 1).data(), model.index(0, 2).data()})
    day = model.index(first, 3).data(Qt.ItemDataRole.EditRole)
    assert model.index(second, 0).data(Qt.ItemDataRole.BackgroundRole) is None
    assert model.setData(model.index(second, 3), day)  # first day back onto ride 0's day
    flagged = [r for r in range(model.rowCount())
               if model.index(r, 0).data(Qt.ItemDataRole.BackgroundRole) == PROBLEM_BACKGROUND]
    assert len(flagged) == 2
    assert "is on two field rides on" in model.index(flagged[0], 0).data(Qt.ItemDataRole.ToolTipRole)
    assert sample_window.problem.text().startswith("Heads-up: ")
    assert "is on two field rides on" in sample_window.problem.text()


def test_dragging_a_ride_in_the_timeline_moves_its_days_and_undo_moves_it_back(
        qtbot, rides: RidesPage, sample_window: MainWindow, sample_path: Path) -> None:  # type: ignore[no-untyped-def]
    rides.tabs.setCurrentIndex(1)
    timeline = rides.timeline
    bar = timeline.bars[0]
    (first,), = sql(sample_path, f"SELECT first_day FROM field_ride WHERE id = '{bar.ride_id}'")
    start = bar.rect.center().toPoint()
    end = start + QPoint(int(round(3 * timeline.px_per_day)), 0)
    qtbot.mousePress(timeline, Qt.MouseButton.LeftButton, pos=start)
    qtbot.mouseMove(timeline, end)
    qtbot.mouseRelease(timeline, Qt.MouseButton.LeftButton, pos=end)
    moved = date.fromisoformat(first) + timedelta(days=3)
    assert sql(sample_path, f"SELECT first_day FROM field_ride WHERE id = '{bar.ride_id}'") == [
        (moved.isoformat(),)]
    undo = sample_window.actions_by_id["edit.undo"].text()
    assert undo.startswith("&Undo Move the ride of ") and undo.endswith(" 3 days later")
    sample_window.undo()
    assert sql(sample_path, f"SELECT first_day FROM field_ride WHERE id = '{bar.ride_id}'") == [
        (first,)]


def test_a_ride_is_picked_and_moved_by_keyboard_and_said(
        qtbot, rides: RidesPage, sample_window: MainWindow, sample_path: Path) -> None:  # type: ignore[no-untyped-def]
    rides.tabs.setCurrentIndex(1)
    timeline = rides.timeline
    timeline.setFocus()
    qtbot.waitUntil(timeline.hasFocus)
    assert timeline.accessibleName().startswith("Field rides on a timeline")
    qtbot.keyClick(timeline, Qt.Key.Key_Right)  # the first ride in time
    earliest = min(b.ride.first_day for b in timeline.bars)
    picked = next(b for b in timeline.bars if b.ride_id == timeline.picked)
    assert picked.ride.first_day == earliest
    said = timeline.accessibleDescription()
    assert said == timeline.ride_words(picked) and " rides with " in said
    qtbot.keyClick(timeline, Qt.Key.Key_Right)
    qtbot.keyClick(timeline, Qt.Key.Key_Left)
    assert timeline.picked == picked.ride_id  # and back
    (first,), = sql(sample_path, f"SELECT first_day FROM field_ride WHERE id = '{picked.ride_id}'")
    qtbot.keyClick(timeline, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    moved = (date.fromisoformat(first) + timedelta(days=1)).isoformat()
    assert sql(sample_path, f"SELECT first_day FROM field_ride WHERE id = '{picked.ride_id}'") \
        == [(moved,)]
    assert f"{date.fromisoformat(moved):%-d %b}" in timeline.accessibleDescription()
    sample_window.undo()
    assert sql(sample_path, f"SELECT first_day FROM field_ride WHERE id = '{picked.ride_id}'") \
        == [(first,)]


def test_debrief_and_hot_button_sent_to_messaging(qtbot, rides: RidesPage,  # type: ignore[no-untyped-def]
                                                  sample_window: MainWindow,
                                                  sample_path: Path) -> None:
    rides.view.selectRow(2)
    ride_id = rides.model.row_id(2)
    box = rides.debrief.texts["customers_asked"]
    box.setFocus()
    box.selectAll()
    qtbot.keyClicks(box, "Can it run on-premise?")
    qtbot.waitUntil(lambda: sql(sample_path, f"SELECT customers_asked FROM field_ride "
                                             f"WHERE id = '{ride_id}'")
                    == [("Can it run on-premise?",)], timeout=3000)
    rides.debrief.new_hot_button.setFocus()
    qtbot.keyClicks(rides.debrief.new_hot_button, "We lose a day a week to reporting")
    qtbot.keyClick(rides.debrief.new_hot_button, Qt.Key.Key_Return)
    hot = sql(sample_path, f"SELECT id FROM hot_button WHERE field_ride_id = '{ride_id}' "
                           "AND words = 'We lose a day a week to reporting'")
    assert len(hot) == 1
    items = [rides.debrief.hot_buttons.item(n) for n in range(rides.debrief.hot_buttons.count())]
    rides.debrief.hot_buttons.setCurrentItem(
        next(i for i in items if "lose a day" in i.text()))
    rides.debrief.send.click()
    assert sql(sample_path, "SELECT customer_problem, field_ride_id FROM message WHERE id = "
                            f"(SELECT message_id FROM hot_button WHERE id = '{hot[0][0]}')") == [
        ("We lose a day a week to reporting", ride_id)]
    assert any("draft message (draft: waits for both sides)" in rides.debrief.hot_buttons.item(n).text()
               for n in range(rides.debrief.hot_buttons.count()))
    sample_window.undo()
    assert sql(sample_path, "SELECT count(*) FROM message WHERE customer_problem = "
                            "'We lose a day a week to reporting'") == [(0,)]


def test_targets_show_who_is_below_them(qtbot, rides: RidesPage, sample_path: Path) -> None:  # type: ignore[no-untyped-def]
    rides.tabs.setCurrentIndex(2)
    view = rides.balance
    view.marketing_target.setValue(10)
    view.marketing_target.editingFinished.emit()
    assert sql(sample_path, "SELECT marketing_days_per_quarter FROM plan") == [(10,)]
    marked = [view.table.item(r, c).text() for r in range(view.table.rowCount())
              for c in range(view.table.columnCount()) if view.table.item(r, c)
              and "\u25BC" in view.table.item(r, c).text()]
    assert marked  # every marketer is below 10 days a quarter
    assert "days of marketing with sales" in view.summary.text()


def test_export_calendars_from_the_window(qtbot, sample_window: MainWindow, tmp_path: Path,  # type: ignore[no-untyped-def]
                                          monkeypatch) -> None:
    monkeypatch.setattr(dialogs, "ask_directory", lambda *a: tmp_path)
    sample_window.actions_by_id["file.export_ics"].trigger()
    assert (tmp_path / "Whole plan.ics").read_text("utf-8").startswith("BEGIN:VCALENDAR")
    assert len(list(tmp_path.glob("*.ics"))) > 10


def test_joint_training_planned_seated_and_attended_from_the_rides_page(
        qtbot, rides: RidesPage, sample_path: Path) -> None:  # type: ignore[no-untyped-def]
    """The Joint training tab: a sales training planned with one click, a
    marketer and a rep seated by ticking them, attendance ticked (the
    training is then held), the target typed; each is a row in the file, and
    Ctrl+Z takes the last back."""
    rides.tabs.setCurrentIndex(3)
    panel = rides.training
    assert rides.tabs.widget(3).isAncestorOf(panel)
    qtbot.mouseClick(panel.add_sales, Qt.MouseButton.LeftButton)
    assert sql(sample_path, "SELECT title, run_by, status FROM training") == [
        ("Sales methodology training", "SALES", "PLANNED")]
    def item(listing, pid):  # type: ignore[no-untyped-def]  # (the lists are drawn anew)
        return next(listing.item(n) for n in range(listing.count())
                    if listing.item(n).data(Qt.ItemDataRole.UserRole) == pid)
    marketer = person_id(sample_path, "Ines Berg")
    rep = person_id(sample_path, "Amara Okafor")
    for pid in (marketer, rep):
        item(panel.seats, pid).setCheckState(Qt.CheckState.Checked)
    assert sorted(sql(sample_path, "SELECT person_id, attended FROM training_seat")) == sorted(
        [(marketer, 0), (rep, 0)])
    assert panel.attended.count() == 2  # the seated, to tick who came
    item(panel.attended, marketer).setCheckState(Qt.CheckState.Checked)
    assert sorted(sql(sample_path, "SELECT person_id, attended FROM training_seat")) == sorted(
        [(marketer, 1), (rep, 0)])
    assert sql(sample_path, "SELECT status FROM training") == [("DONE",)]
    panel.target.setValue(2)
    panel.target.editingFinished.emit()
    assert sql(sample_path, "SELECT training_seats_per_quarter FROM plan") == [(2,)]
    assert "marketing at sales training" in panel.summary.text()
    rides.session.undo_stack.undo()  # the target
    rides.session.undo_stack.undo()  # the attendance
    assert sql(sample_path, "SELECT status FROM training") == [("PLANNED",)]
    assert sql(sample_path, "SELECT sum(attended) FROM training_seat") == [(0,)]
    assert item(panel.attended, marketer).checkState() == Qt.CheckState.Unchecked
