"""The funnel in the window: stages, rates as percentages, reorder, revenue back-calculation."""

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit

from planner.ui.pages.funnel import FunnelPage
from planner.ui.shell.main_window import MainWindow
from tests.conftest import rows

pytestmark = pytest.mark.gui


@pytest.fixture
def funnel(sample_window: MainWindow) -> FunnelPage:
    sample_window.show_section(4)
    page = sample_window.page("Funnel")
    assert isinstance(page, FunnelPage)
    return page


def test_a_rate_typed_as_a_percentage_is_stored_as_a_share(qtbot, funnel: FunnelPage,  # type: ignore[no-untyped-def]
                                                           sample_path: Path) -> None:
    funnel.view.setCurrentIndex(funnel.model.index(0, 2))
    qtbot.keyClick(funnel.view, Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit) and editor.text() == "40%"
    editor.selectAll()
    qtbot.keyClicks(editor, "25%")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is funnel.view)
    assert rows(sample_path, "SELECT conversion_rate FROM funnel_stage WHERE name = 'Aware'") \
        == [(0.25,)]
    assert funnel.model.index(0, 2).data() == "25%"
    # The back-calculation follows: a quarter reaching the next stage needs more at the top.
    assert funnel.back.result.item(0, 1).text() == "1,089"


def test_working_back_and_applying_targets_is_one_undoable_edit(
        funnel: FunnelPage, sample_path: Path, sample_window: MainWindow) -> None:
    back = funnel.back
    assert back.message.text() == "Over 12 months: 10 won deals a month reach 4,800,000."
    needed = [back.result.item(r, 1).text() for r in range(back.result.rowCount())]
    assert needed == ["681", "273", "137", "96", "58", "29", "10"]
    before = rows(sample_path, "SELECT id, target FROM metric ORDER BY id")
    assert back.apply_targets()
    after = dict(rows(sample_path, "SELECT m.name, m.target FROM metric m JOIN funnel_stage s "
                                   "ON s.id = m.funnel_stage_id WHERE s.name = 'Won'"))
    assert after and set(after.values()) == {10.0}
    sample_window.undo()
    assert rows(sample_path, "SELECT id, target FROM metric ORDER BY id") == before


def test_moving_a_stage_keeps_the_order_in_the_file(funnel: FunnelPage, sample_path: Path) -> None:
    funnel.view.setCurrentIndex(funnel.model.index(1, 0))
    assert funnel.move_stage(-1)
    assert [n for (n,) in rows(sample_path, "SELECT name FROM funnel_stage ORDER BY position")][:2] \
        == ["Engaged", "Aware"]
    assert funnel.model.index(0, 0).data() == "Engaged"
    assert funnel.view.currentIndex().row() == 0
