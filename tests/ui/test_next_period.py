"""File › Start the next period…, as a VP uses it at the end of a year."""

from pathlib import Path

import pytest

from planner.ui import dialogs
from planner.ui.shell.main_window import MainWindow
from tests.conftest import rows

pytestmark = pytest.mark.gui


def test_the_next_period_is_previewed_chosen_written_and_opened(
        sample_window: MainWindow, sample_path: Path, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch, warnings: list[tuple[str, str]]) -> None:
    from planner.ui.dialogs.next_period import NextPeriodDialog

    previews: list[str] = []

    def choose(dialog: NextPeriodDialog) -> bool:
        previews.append(dialog.preview.toPlainText())
        dialog.parts["messages"].setChecked(False)  # the preview follows the choice
        dialog.months.setValue(6)
        previews.append(dialog.preview.toPlainText())
        return True
    out = tmp_path / "2028.tandem"
    monkeypatch.setattr(dialogs, "exec_dialog", choose)
    monkeypatch.setattr(dialogs, "ask_save_path", lambda *a: out)
    sample_window.actions_by_id["file.next_period"].trigger()
    assert previews[0].startswith("Northwind go-to-market plan 2028, 1 Jan 2028 \u2013 31 Dec "
                                  "2028")
    assert "\u2022 2 approved messages" in previews[0]
    assert previews[1].startswith("Northwind go-to-market plan 2028, 1 Jan 2028 \u2013 30 Jun "
                                  "2028") and "\u2022 No messages" in previews[1]
    assert rows(out, "SELECT title, period_end FROM plan") == [
        ("Northwind go-to-market plan 2028", "2028-06-30")]
    assert rows(out, "SELECT count(*) FROM message") == [(0,)]
    assert rows(out, "SELECT count(*) FROM goal WHERE sales_signed_at IS NOT NULL") == [(0,)]
    assert rows(sample_path, "SELECT name FROM plan_version ORDER BY created_at DESC LIMIT 1") \
        == [("Final: 1 Jan 2027 \u2013 31 Dec 2027",)]
    assert sample_window.session is not None
    assert sample_window.session.store.path == out  # the window moved on to the new plan
    # Again onto the same file: refused, nothing written.
    data = out.read_bytes()
    sample_window.open_plan(sample_path)
    sample_window.actions_by_id["file.next_period"].trigger()
    assert warnings[-1] == ("Not started", "2028.tandem already exists; a new period is never "
                                           "written over a plan.")
    assert out.read_bytes() == data


def test_the_overview_lists_what_is_due_late_first_and_one_click_shows_it(
        sample_window: MainWindow, sample_path: Path) -> None:
    from datetime import date

    from PySide6.QtCore import Qt

    from planner.ui.pages.goals import GoalsPage
    from planner.ui.pages.overview import OverviewPage
    from tests.acting import window_as_head

    sample_window.show_section(0)
    page = sample_window.page("overview")
    assert isinstance(page, OverviewPage)
    page._show_due(date(2027, 3, 10))
    lines = [page.due.item(n).text() for n in range(page.due.count())]
    assert lines[0].startswith("late: ") and "Check-in: " in lines[0]
    assert any("Goal due: Lift marketing-qualified lead acceptance" in line for line in lines)
    everyone = len(lines)
    # The person at the keyboard: only theirs.
    head = window_as_head(sample_window, "sales")
    page.mine.setChecked(True)
    page._show_due(date(2027, 3, 10))
    mine = [page.due.item(n).text() for n in range(page.due.count())]
    assert 0 < len(mine) < everyone and all(head.name in line for line in mine)
    # One click shows the row where the plan keeps it.
    item = next(page.due.item(n) for n in range(page.due.count())
                if "Lift marketing-qualified" in page.due.item(n).text())
    page.due.itemClicked.emit(item)
    goals = sample_window.current_page()
    assert isinstance(goals, GoalsPage)
    kind, row_id = item.data(Qt.ItemDataRole.UserRole)
    assert kind == "Goal" and goals.detail.goal_id == row_id
    # The interval is the plan's setting, kept in the file.
    sample_window.show_section(0)
    page.checkin_days.setValue(30)
    page.checkin_days.editingFinished.emit()
    assert rows(sample_path, "SELECT checkin_days FROM plan") == [(30,)]
