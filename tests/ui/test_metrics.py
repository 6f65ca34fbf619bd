"""Metrics in the window: status in place, the actuals grid, paste, CSV import."""

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from planner.ui import dialogs
from planner.ui.shell.main_window import MainWindow
from planner.ui.pages.metrics import MetricsPage
from tests.conftest import rows

pytestmark = pytest.mark.gui


@pytest.fixture
def metrics(sample_window: MainWindow) -> MetricsPage:
    sample_window.show_section(3)
    page = sample_window.page("Metrics")
    assert isinstance(page, MetricsPage)
    return page


def row_of(page: MetricsPage, name: str) -> int:
    return next(r for r in range(page.model.rowCount()) if page.model.index(r, 0).data() == name)


def test_models_pass_the_model_tester(qtmodeltester, metrics: MetricsPage) -> None:  # type: ignore[no-untyped-def]
    qtmodeltester.check(metrics.model)
    qtmodeltester.check(metrics.actuals)


def test_status_follows_the_rule_and_changes_with_the_target(metrics: MetricsPage,
                                                             sample_path: Path) -> None:
    r = row_of(metrics, "Pipeline value")
    assert metrics.model.index(r, 1).data() == "at risk"
    assert "of the way with 50% of the time gone" in \
        metrics.model.index(r, 1).data(Qt.ItemDataRole.ToolTipRole)
    # Lower the target to where the metric already is: on track, in the file and on screen.
    assert metrics.model.setData(metrics.model.index(r, 6), 150.0)
    assert rows(sample_path, "SELECT target FROM metric WHERE name = 'Pipeline value'") == [(150.0,)]
    assert metrics.model.index(r, 1).data() == "on track"


def test_typing_an_actual_into_the_grid(metrics: MetricsPage, sample_path: Path,
                                        sample_window: MainWindow) -> None:
    grid = metrics.actuals
    r, c = row_of(metrics, "Win rate"), grid.periods.index("2027-07")
    assert grid.setData(grid.index(r, c), "161,5")
    assert rows(sample_path, "SELECT v.actual FROM metric_value v JOIN metric m ON "
                             "m.id = v.metric_id WHERE m.name = 'Win rate' AND "
                             "v.period = '2027-07'") == [(161.5,)]
    assert grid.index(r, c).data() == "161.5"
    sample_window.undo()
    assert grid.index(r, c).data() == ""


def test_pasting_a_block_from_a_spreadsheet_is_one_undo_step(
        metrics: MetricsPage, sample_path: Path, sample_window: MainWindow) -> None:
    grid, view = metrics.actuals, metrics.grid
    count = rows(sample_path, "SELECT count(*) FROM metric_value")[0][0]
    view.setCurrentIndex(grid.index(0, grid.periods.index("2027-07")))
    assert view.paste("10\t11\t12\r\n20\t21\t22\r\n")
    assert rows(sample_path, "SELECT count(*) FROM metric_value")[0][0] == count + 6
    assert grid.index(1, grid.periods.index("2027-09")).data() == "22"
    sample_window.undo()
    assert rows(sample_path, "SELECT count(*) FROM metric_value")[0][0] == count


def test_a_paste_with_a_word_in_it_pastes_nothing_and_says_where(
        metrics: MetricsPage, sample_path: Path, sample_window: MainWindow) -> None:
    grid, view = metrics.actuals, metrics.grid
    before = rows(sample_path, "SELECT count(*) FROM metric_value")
    view.setCurrentIndex(grid.index(0, grid.periods.index("2027-07")))
    assert not view.paste("10\tabout twelve\n")
    assert rows(sample_path, "SELECT count(*) FROM metric_value") == before
    assert "\u201cabout twelve\u201d" in sample_window.problem.text()
    assert "nothing was pasted" in sample_window.problem.text()


def test_csv_import_previews_maps_reports_and_imports_only_on_confirm(
        metrics: MetricsPage, sample_path: Path, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    csv = tmp_path / "crm.csv"
    csv.write_bytes("\ufeffKPI;Month;Value\r\nWin rate;Jul 2027;160,5\r\n"
                    "Win rate;2027-08;161\r\nPipeline;2027-08;3\r\n".encode())
    monkeypatch.setattr(dialogs, "ask_open_file", lambda *a: csv)
    seen = {}

    def answer(dialog) -> bool:  # type: ignore[no-untyped-def]
        seen["preview_rows"] = dialog.preview.rowCount()
        seen["errors"] = [dialog.errors.item(n).text() for n in range(dialog.errors.count())]
        seen["summary"] = dialog.summary.text()
        seen["mapped"] = dialog.combos["period"].currentText()
        # Nothing is in the file while the dialog is open.
        seen["during"] = rows(sample_path, "SELECT count(*) FROM metric_value WHERE "
                                           "period IN ('2027-07', '2027-08')")
        return seen.setdefault("confirm", False)

    monkeypatch.setattr(dialogs, "exec_dialog", answer)
    count = rows(sample_path, "SELECT count(*) FROM metric_value")
    metrics.import_csv()  # cancelled
    assert rows(sample_path, "SELECT count(*) FROM metric_value") == count
    assert seen["preview_rows"] == 3 and seen["mapped"] == "Month"
    assert seen["errors"] == ["line 4: unknown metric \u201cPipeline\u201d"]
    assert seen["summary"].startswith("2 rows ready to import; 1 rows with problems")
    assert seen["during"] == [(0,)]
    seen["confirm"] = True
    metrics.import_csv()
    assert rows(sample_path, "SELECT v.period, v.actual FROM metric_value v JOIN metric m ON "
                             "m.id = v.metric_id WHERE m.name = 'Win rate' AND v.period "
                             ">= '2027-07' ORDER BY v.period") == [("2027-07", 160.5),
                                                                   ("2027-08", 161.0)]


def test_a_metric_links_to_a_funnel_stage_and_one_team_metrics_are_flagged(
        qtbot, metrics: MetricsPage, sample_path: Path, sample_window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QApplication, QComboBox

    from planner.model.enums import EngagedTeam
    from planner.ui.widgets.colours import PROBLEM_BACKGROUND

    r = row_of(metrics, "Win rate")
    stage_column = next(n for n, c in enumerate(metrics.model.spec.columns)
                        if c.key == "funnel_stage_id")
    metrics.view.setCurrentIndex(metrics.model.index(r, stage_column))
    qtbot.keyClick(metrics.view, Qt.Key.Key_F2)
    combo = QApplication.focusWidget()
    assert isinstance(combo, QComboBox)
    combo.setCurrentIndex(combo.findText("Proposal"))
    qtbot.keyClick(combo, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is metrics.view)
    assert rows(sample_path, "SELECT s.name FROM metric m JOIN funnel_stage s ON "
                             "s.id = m.funnel_stage_id WHERE m.name = 'Win rate'") == [("Proposal",)]
    assert metrics.model.index(r, stage_column).data() == "Proposal"
    team_column = next(n for n, c in enumerate(metrics.model.spec.columns)
                       if c.key == "reported_by")
    assert metrics.model.setData(metrics.model.index(r, team_column), EngagedTeam.SALES)
    assert metrics.model.index(r, 0).data(Qt.ItemDataRole.BackgroundRole) == PROBLEM_BACKGROUND
    assert "reported by sales only" in sample_window.problem.text()


def test_linking_goals_to_a_metric_is_one_undoable_edit(
        qtbot, metrics: MetricsPage, sample_path: Path, sample_window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QApplication, QListWidget

    r = row_of(metrics, "Win rate")
    column = next(n for n, c in enumerate(metrics.model.spec.columns) if c.key == "goal_ids")
    metrics.view.setCurrentIndex(metrics.model.index(r, column))
    qtbot.keyClick(metrics.view, Qt.Key.Key_F2)
    checklist = QApplication.focusWidget()
    assert isinstance(checklist, QListWidget)
    for n in (0, 2):
        checklist.item(n).setCheckState(Qt.CheckState.Checked)
    titles = sorted(checklist.item(n).text() for n in (0, 2))
    metrics.view.commitData(checklist)
    metrics.view.closeEditor(checklist, metrics.view.itemDelegate().EndEditHint.NoHint)
    linked = rows(sample_path, "SELECT g.title FROM metric_goal l JOIN goal g ON g.id = l.goal_id "
                               "JOIN metric m ON m.id = l.metric_id WHERE m.name = 'Win rate' "
                               "ORDER BY g.title")
    assert [t for (t,) in linked] == titles
    assert metrics.model.index(r, column).data() == "; ".join(titles)
    sample_window.undo()
    assert rows(sample_path, "SELECT count(*) FROM metric_goal") == [(0,)]


def test_a_goal_measured_by_one_team_only_is_flagged_on_the_goals_page(
        metrics: MetricsPage, sample_window: MainWindow, sample_path: Path) -> None:
    from planner.model.enums import EngagedTeam
    from planner.operations.goals import link_goals
    from planner.ui.pages.overview import OverviewPage
    from planner.ui.widgets.colours import PROBLEM_BACKGROUND

    goals = sample_window.page("Goals")
    r = row_of(metrics, "Win rate")
    team_column = next(n for n, c in enumerate(metrics.model.spec.columns)
                       if c.key == "reported_by")
    assert metrics.model.setData(metrics.model.index(r, team_column), EngagedTeam.MARKETING)
    goal_id = goals.model.row_id(0)
    session = sample_window.session
    assert session is not None
    assert session.do(link_goals(session.store, metrics.model.row(r), {goal_id}))
    assert goals.model.index(0, 0).data(Qt.ItemDataRole.BackgroundRole) == PROBLEM_BACKGROUND
    assert "measured only by metrics marketing reports" in \
        goals.model.index(0, 0).data(Qt.ItemDataRole.ToolTipRole)
    # The plan says the teams need not rise or fall together: no more warning.
    overview = sample_window.page("Overview")
    assert isinstance(overview, OverviewPage)
    overview.shared.click()
    assert rows(sample_path, "SELECT shared_rewards FROM plan") == [(0,)]
    assert goals.model.index(0, 0).data(Qt.ItemDataRole.BackgroundRole) is None


def test_a_metric_computed_from_the_crm_is_read_only_in_the_grid(
        qtbot, metrics: MetricsPage, sample_path: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from datetime import date

    from PySide6.QtWidgets import QApplication, QComboBox

    from planner.imports.crm_flow import prepare
    from planner.imports.crm_sample import leads, write_contacts
    from planner.operations import crm

    session = metrics.session
    made = list(leads(date(2027, 1, 1), 2, 200, ("Ines Berg",), ("North",), "North"))
    write_contacts(tmp_path / "contacts.csv", made)
    change, _ = crm.take_in_export(session.store.acting,
                                   prepare(tmp_path / "contacts.csv", "hubspot", "UTC"),
                                   "contacts.csv")
    assert session.do(change)
    r = row_of(metrics, "Marketing-qualified leads")
    column = next(n for n, c in enumerate(metrics.model.spec.columns) if c.kind == "figure")
    index = metrics.model.index(r, column)
    assert index.data() == "Typed"
    grid = metrics.actuals
    c = grid.periods.index("2027-01")
    typed = grid.index(r, c).data()
    assert typed and grid.flags(grid.index(r, c)) & Qt.ItemFlag.ItemIsEditable
    # Chosen as a user does: the cell's editor, a figure picked.
    metrics.view.setCurrentIndex(index)
    qtbot.keyClick(metrics.view, Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    assert isinstance(editor, QComboBox)
    editor.setCurrentIndex(editor.findData("mqls"))
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is metrics.view)
    assert rows(sample_path, "SELECT computed, unit FROM metric WHERE name = "
                             "'Marketing-qualified leads'") == [("mqls", "count")]
    assert metrics.model.index(r, column).data() == "Computed: Marketing-qualified leads"
    counted = sum(1 for lead in made if lead.mql_at.month == 1)
    assert grid.index(r, c).data() == f"{counted:,}"
    assert not grid.flags(grid.index(r, c)) & Qt.ItemFlag.ItemIsEditable
    assert "Computed from the CRM data" in grid.index(r, c).data(Qt.ItemDataRole.ToolTipRole)
    reported: list[str] = []
    session.problem_reported.connect(reported.append)
    assert not grid.set_many([(r, c, "12")], "Paste")
    assert reported[-1].startswith("Marketing-qualified leads is computed from the CRM data")
    assert rows(sample_path, "SELECT count(*) FROM metric_value v JOIN metric m ON "
                             "m.id = v.metric_id WHERE m.name = 'Marketing-qualified leads' "
                             "AND v.period = '2027-01'") == [(1,)]  # the typed one, kept
    session.undo_stack.undo()  # typed again: the typed actual is back
    assert grid.index(r, c).data() == typed


def test_a_trend_cell_says_its_numbers_to_a_screen_reader(metrics: MetricsPage) -> None:
    r = row_of(metrics, "Pipeline value")
    column = next(n for n, c in enumerate(metrics.model.spec.columns) if c.kind == "trend")
    said = metrics.model.index(r, column).data(Qt.ItemDataRole.AccessibleTextRole)
    assert said == "Pipeline value: 140 to 182, last 155.6 (6 periods), at risk"  # the fixture's
    assert metrics.model.index(r, column).data() == ""  # the sparkline is drawn, not said
