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
