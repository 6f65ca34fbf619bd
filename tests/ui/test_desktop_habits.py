"""The laptop and the desktop's habits: every page fits 1366x768 and 1280x720,
every control has a name a screen reader says, light and dark, recent plans
and dropped files, help, and the editing habits a VP expects."""

from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, QSettings, Qt, QUrl
from PySide6.QtGui import QAccessible, QDropEvent
from PySide6.QtWidgets import (
    QAbstractScrollArea, QApplication, QLabel, QTabWidget, QTextBrowser, QWidget)

from planner.palette import DARK, LIGHT, contrast
from planner.ui.shell.main_window import SECTIONS, MainWindow, next_twelve_months
from tests.conftest import rows

pytestmark = pytest.mark.gui


def every_view(window: MainWindow):  # type: ignore[no-untyped-def]
    """Each page, and each tab of it, shown in turn."""
    for n, title in enumerate(SECTIONS):
        window.show_section(n)
        page = window.page(title)
        QApplication.processEvents()
        yield title
        view = getattr(page, "view", None)
        if view is not None and view.model() is not None and view.model().rowCount():
            view.setCurrentIndex(view.model().index(0, 0))  # a row's detail shown too
            QApplication.processEvents()
            yield f"{title}, a row chosen"
        for tabs in page.findChildren(QTabWidget):
            for i in range(tabs.count()):
                tabs.setCurrentIndex(i)
                QApplication.processEvents()
                yield f"{title} / {tabs.tabText(i)}"


def scrolls(widget: QWidget) -> bool:
    """Inside a scroll area: larger than the window by design, scrolled to."""
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QAbstractScrollArea):
            return True
        parent = parent.parentWidget()
    return False


@pytest.mark.parametrize(("width", "height"), [(1366, 768), (1280, 720)])
def test_every_page_fits_a_laptop_screen(sample_window: MainWindow, width: int,
                                         height: int) -> None:
    # The window's own area on such a screen: less a panel or a title bar.
    sample_window.resize(width, height - 28)
    for view in every_view(sample_window):
        hint = sample_window.minimumSizeHint()
        assert hint.width() <= width and hint.height() <= height - 28, (view, hint)
        outside = []
        for child in sample_window.findChildren(QWidget):
            if not child.isVisibleTo(sample_window) or child.width() == 0 or scrolls(child):
                continue
            corner = child.mapTo(sample_window, QPoint(child.width(), child.height()))
            if corner.x() > sample_window.width() + 1 or corner.y() > sample_window.height() + 1:
                outside.append(f"{type(child).__name__} {child.objectName()}")
        assert outside == [], view


def test_every_control_has_a_name_a_screen_reader_says(sample_window: MainWindow) -> None:
    unnamed = set()
    for view in every_view(sample_window):
        for child in [sample_window, *sample_window.findChildren(QWidget)]:
            if child.focusPolicy() == Qt.FocusPolicy.NoFocus \
                    or not child.isVisibleTo(sample_window):
                continue
            face = QAccessible.queryAccessibleInterface(child)
            if face is None or not face.text(QAccessible.Text.Name).strip():
                unnamed.add(f"{view}: {type(child).__name__} {child.objectName()}")
    assert sorted(unnamed) == []


def test_dark_and_light_follow_the_choice_and_stay_readable(sample_window: MainWindow) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    try:
        for scheme, colours in (("dark", DARK), ("light", LIGHT)):
            assert sample_window.set_appearance(scheme) == scheme
            palette = app.palette()
            assert palette.window().color().name() == colours["window"].lower()
            assert colours["window"] in app.styleSheet()
            sample_window.show_section(SECTIONS.index("Overview"))
            label = next(w for w in sample_window.page("Overview").findChildren(QLabel)
                         if w.text() == "Plan name")
            ink = label.palette().windowText().color().name()
            ground = label.palette().window().color().name()
            assert contrast(ink, ground) >= 7, (scheme, ink, ground)
            assert QSettings().value("appearance") == scheme
    finally:
        sample_window.set_appearance("system")


def test_recent_plans_and_a_dropped_file_open(qtbot, sample_window: MainWindow,  # type: ignore[no-untyped-def]
                                              sample_path: Path, tmp_path: Path) -> None:
    other = tmp_path / "Other plan.tandem"
    other.write_bytes(sample_path.read_bytes())
    sample_window._fill_recent_menu()
    texts = [a.text() for a in sample_window.recent_menu.actions()]
    assert texts[0] == "&1 sample.tandem"
    drop = QMimeData()
    drop.setUrls([QUrl.fromLocalFile(str(other))])
    event = QDropEvent(QPointF(300, 300), Qt.DropAction.CopyAction, drop,
                       Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier)
    sample_window.dropEvent(event)
    assert sample_window.session is not None
    assert sample_window.session.store.path == other
    sample_window._fill_recent_menu()
    assert [a.text() for a in sample_window.recent_menu.actions()][:2] == [
        "&1 Other plan.tandem", "&2 sample.tandem"]
    sample_window.recent_menu.actions()[1].trigger()
    assert sample_window.session.store.path == sample_path
    # Not a plan: nothing is accepted.
    text = QMimeData()
    text.setUrls([QUrl.fromLocalFile(str(tmp_path / "notes.txt"))])
    from planner.ui.shell.main_window import _dropped_plan
    assert _dropped_plan(text) is None


def test_help_has_the_guide_the_shortcuts_and_the_licences(qtbot, sample_window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    from planner import __version__

    sample_window.actions_by_id["help.guide"].trigger()
    guide = sample_window._help.findChild(QTextBrowser).toPlainText()
    assert "How a metric's status is decided" in guide and "10 points" in guide
    assert "F1" in [s.toString() for s in sample_window.actions_by_id["help.guide"].shortcuts()]
    sample_window.actions_by_id["help.shortcuts"].trigger()
    sheet = sample_window._help.findChild(QTextBrowser).toPlainText()
    assert "Ctrl+Shift+S" in sheet and "Workshop mode" in sheet and "Ctrl+Enter" in sheet
    sample_window.actions_by_id["help.about"].trigger()
    about = sample_window._help.findChild(QTextBrowser).toPlainText()
    assert f"Tandem {__version__}" in about and "LGPL-3.0" in about and "DejaVu" in about
    sample_window._help.close()


def test_a_first_day_past_the_last_moves_the_ride(sample_window: MainWindow,
                                                  sample_path: Path) -> None:
    page = sample_window.page("Field rides")
    ride = page.model.row(0)
    length = ride.last_day - ride.first_day
    later = ride.last_day + timedelta(days=10)
    column = next(n for n, c in enumerate(page.model.spec.columns) if c.key == "first_day")
    assert page.model.setData(page.model.index(0, column), later)
    assert rows(sample_path, f"SELECT first_day, last_day FROM field_ride WHERE id = "
                             f"'{ride.id}'") == [(later.isoformat(),
                                                  (later + length).isoformat())]
    sample_window.undo()
    assert rows(sample_path, f"SELECT first_day FROM field_ride WHERE id = '{ride.id}'") == [
        (ride.first_day.isoformat(),)]


def test_a_refusal_stays_until_read(qtbot, sample_window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    from planner.operations.plan import change_plan

    session = sample_window.session
    assert session is not None
    assert not session.do(change_plan(session.store, period_end=date(1800, 1, 1)))
    problem = sample_window.problem
    assert problem.isVisible() and problem.text()
    qtbot.wait(300)
    assert problem.isVisible()  # no timer takes it away
    qtbot.mouseClick(problem, Qt.MouseButton.LeftButton)
    assert not problem.isVisible()
    assert not session.do(change_plan(session.store, period_end=date(1800, 1, 1)))
    assert session.do(change_plan(session.store, title="Renamed"))  # the next change: gone
    assert not problem.isVisible()
    assert sample_window.statusBar().isVisible()


def test_a_new_plan_spans_the_next_twelve_months() -> None:
    assert next_twelve_months(date(2026, 11, 25)) == (date(2026, 12, 1), date(2027, 11, 30))
    assert next_twelve_months(date(2026, 12, 31)) == (date(2027, 1, 1), date(2027, 12, 31))
    assert next_twelve_months(date(2027, 1, 1)) == (date(2027, 2, 1), date(2028, 1, 31))


def test_an_empty_table_says_what_to_do(qtbot, window: MainWindow, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from planner.store.plan_store import PlanStore, new_plan

    path = tmp_path / "empty.tandem"
    PlanStore.create(path, new_plan("Empty", date(2027, 1, 1), date(2027, 12, 31))).close()
    assert window.open_plan(path)
    for title in ("Goals", "Field rides", "Messaging", "Reviews", "People"):
        window.show_section(SECTIONS.index(title))
        page = window.page(title)
        assert page.add_button.isVisible() and page.add_button.text().startswith("Add ")
        assert page.view.empty_text.startswith("No ")
    page = window.page("Goals")
    page.add_button.click()
    assert rows(path, "SELECT count(*) FROM goal") == [(1,)]


def test_tab_moves_on_from_every_multi_line_field_and_ctrl_tab_types_one(
        qtbot, sample_window: MainWindow, sample_path: Path) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QApplication, QPlainTextEdit

    from planner.ui.pages.overview import OverviewPage

    sample_window.show_section(0)
    page = sample_window.page("Overview")
    assert isinstance(page, OverviewPage)
    before = rows(sample_path, "SELECT purpose FROM plan")
    page.purpose.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is page.purpose)
    qtbot.keyClick(page.purpose, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is page.head_of_sales  # the next field, reached
    qtbot.keyClick(page.head_of_sales, Qt.Key.Key_Backtab)
    assert QApplication.focusWidget() is page.purpose
    assert page.purpose.toPlainText() == before[0][0]  # no tab typed
    page.purpose.moveCursor(page.purpose.textCursor().MoveOperation.End)
    qtbot.keyClick(page.purpose, Qt.Key.Key_Tab, Qt.KeyboardModifier.ControlModifier)
    assert page.purpose.toPlainText() == before[0][0] + "\t"
    # Every multi-line field of the window's pages does the same.
    for section in range(len(SECTIONS)):
        sample_window.show_section(section)
    fields = sample_window.findChildren(QPlainTextEdit)
    assert fields and all(f.tabChangesFocus() or f.isReadOnly() for f in fields), [
        f.objectName() for f in fields if not f.tabChangesFocus()]
    # The shortcut list says what the sidebar has.
    sample_window.actions_by_id["help.shortcuts"].trigger()
    sheet = sample_window._help.findChild(QTextBrowser).toPlainText()
    assert f"Ctrl+1 \u2026 Ctrl+{len(SECTIONS)}" in sheet
    sample_window._help.close()
