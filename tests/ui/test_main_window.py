"""The window as a VP uses it: keyboard, menus, in-place editing, undo, reopen."""

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QComboBox, QLabel, QLineEdit, QPushButton

from planner.errors import PlanFileError
from planner.model import FieldRide, Goal, Person
from planner.store.plan_store import PlanStore
from planner.ui import dialogs
from planner.ui.shell.main_window import SECTIONS, MainWindow
from planner.ui.pages.overview import OverviewPage
from planner.ui.pages.table import TablePage
from tests.conftest import rows

pytestmark = pytest.mark.gui


def page(window: MainWindow, name: str) -> TablePage:
    p = window.page(name)
    assert isinstance(p, TablePage)
    return p


def type_into_editor(qtbot, view, text: str) -> None:  # type: ignore[no-untyped-def]
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit), editor
    editor.selectAll()
    qtbot.keyClicks(editor, text)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is view)  # Qt commits on a queued call


def choose_in_cell(qtbot, view, row: int, column: int, text: str) -> None:  # type: ignore[no-untyped-def]
    view.setCurrentIndex(view.model().index(row, column))
    qtbot.keyClick(view, Qt.Key.Key_F2)
    combo = QApplication.focusWidget()
    assert isinstance(combo, QComboBox), combo
    combo.setCurrentIndex(combo.findText(text))
    qtbot.keyClick(combo, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is view)


def test_a_vp_builds_a_plan_from_scratch_and_finds_it_again(
        qtbot, window: MainWindow, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "Q3 plan.tandem"
    monkeypatch.setattr(dialogs, "ask_save_path", lambda *a: tmp_path / "Q3 plan")
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert path.exists()
    overview = window.page("Overview")
    assert isinstance(overview, OverviewPage)
    assert overview.title.text() == "Q3 plan"
    overview.title.selectAll()
    qtbot.keyClicks(overview.title, "Joint plan H2")
    qtbot.keyClick(overview.title, Qt.Key.Key_Return)
    assert rows(path, "SELECT title FROM plan") == [("Joint plan H2",)]
    assert window.windowTitle().startswith("Joint plan H2")

    # People: Insert adds a row and opens its name for typing.
    qtbot.keyClick(window, Qt.Key.Key_7, Qt.KeyboardModifier.ControlModifier)
    people = page(window, "People")
    for name, team in (("Sara Sales", "Sales"), ("Mark Marketing", "Marketing")):
        qtbot.keyClick(people.view, Qt.Key.Key_Insert)
        type_into_editor(qtbot, people.view, name)
        choose_in_cell(qtbot, people.view, people.model.row_of(people.selected_ids()[0]), 1, team)
    assert sorted(rows(path, "SELECT name, team FROM person")) == [
        ("Mark Marketing", "MARKETING"), ("Sara Sales", "SALES")]

    # Goals: add two, give the first an owner on each side, edit in place.
    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    goals = page(window, "Goals")
    for title in ("Lift MQL acceptance to 70%", "Drop me"):
        qtbot.keyClick(goals.view, Qt.Key.Key_Insert)
        type_into_editor(qtbot, goals.view, title)
    choose_in_cell(qtbot, goals.view, 0, 2, "Sara Sales")
    choose_in_cell(qtbot, goals.view, 0, 3, "Mark Marketing")
    assert goals.model.index(0, 2).data() == "Sara Sales"
    assert rows(path, "SELECT g.title, s.name, m.name FROM goal g JOIN person s ON "
                      "s.id = g.sales_owner_id JOIN person m ON m.id = g.marketing_owner_id") == [
        ("Lift MQL acceptance to 70%", "Sara Sales", "Mark Marketing")]

    # Delete, undo, redo, undo again: with the keyboard, each step in the file.
    goals.view.setCurrentIndex(goals.model.index(1, 0))
    goals.view.selectRow(1)
    qtbot.keyClick(goals.view, Qt.Key.Key_Delete)
    assert rows(path, "SELECT title FROM goal") == [("Lift MQL acceptance to 70%",)]
    assert window.actions_by_id["edit.undo"].text() == "&Undo Delete goal"
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert len(rows(path, "SELECT title FROM goal")) == 2
    qtbot.keyClick(window, Qt.Key.Key_Z,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert len(rows(path, "SELECT title FROM goal")) == 1
    assert goals.model.rowCount() == 1

    # Undo everything back to the empty plan, then redo it all.
    stack = window.session.undo_stack  # type: ignore[union-attr]
    while stack.canUndo():
        window.actions_by_id["edit.undo"].trigger()
    assert rows(path, "SELECT count(*) FROM goal") == [(0,)]
    assert rows(path, "SELECT title FROM plan") == [("Q3 plan",)]
    while stack.canRedo():
        window.actions_by_id["edit.redo"].trigger()

    window.close()
    with PlanStore.open(path) as s:
        assert s.plan().title == "Joint plan H2"
        assert [g.title for g in s.rows(Goal)] == ["Lift MQL acceptance to 70%"]
        assert s.count(Person) == 2


def test_every_section_is_in_the_sidebar_with_its_rows(sample_window: MainWindow,
                                                       sample_path: Path) -> None:
    items = [sample_window.sidebar.item(n).text() for n in range(sample_window.sidebar.count())]
    assert items == list(SECTIONS)
    rides = page(sample_window, "Field rides")
    assert rides.model.rowCount() == rows(sample_path, "SELECT count(*) FROM field_ride")[0][0]
    reviews = page(sample_window, "Reviews")
    assert reviews.model.rowCount() == rows(sample_path, "SELECT count(*) FROM review")[0][0] > 0
    assert reviews.model.flags(reviews.model.index(0, 0)) & Qt.ItemFlag.ItemIsEditable
    goals = page(sample_window, "Goals")
    assert goals.model.flags(goals.model.index(0, 0)) & Qt.ItemFlag.ItemIsEditable


def test_every_item_model_passes_the_model_tester(qtmodeltester, sample_window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    for name in SECTIONS[1:]:
        if name != "Network":  # a drawing and lists, no item model of its own
            qtmodeltester.check(page(sample_window, name).model)


def test_a_refused_edit_says_why_and_changes_nothing(qtbot, sample_window: MainWindow,  # type: ignore[no-untyped-def]
                                                     sample_path: Path) -> None:
    goals = page(sample_window, "Goals")
    before = rows(sample_path, "SELECT id, title FROM goal ORDER BY id")
    assert not goals.model.setData(goals.model.index(0, 0), "   ")
    assert sample_window.problem.isVisibleTo(sample_window)
    assert sample_window.problem.text() == "The title cannot be empty."
    assert rows(sample_path, "SELECT id, title FROM goal ORDER BY id") == before
    assert not sample_window.session.undo_stack.canUndo()  # type: ignore[union-attr]


def test_a_second_window_is_read_only_and_names_the_holder(
        qtbot, sample_window: MainWindow, sample_path: Path) -> None:  # type: ignore[no-untyped-def]
    second = MainWindow()
    qtbot.addWidget(second)
    second.show()
    assert second.open_plan(sample_path)
    assert second.banner.isVisibleTo(second)
    assert "has this plan open for editing" in second.banner.text()
    assert "[read-only]" in second.windowTitle()
    goals = page(second, "Goals")
    assert not (goals.model.flags(goals.model.index(0, 0)) & Qt.ItemFlag.ItemIsEditable)
    assert not second.actions_by_id["edit.add"].isEnabled()
    second.close()


def test_a_damaged_file_is_refused_with_a_message(sample_window: MainWindow, tmp_path: Path,
                                                  warnings) -> None:  # type: ignore[no-untyped-def]
    bad = tmp_path / "bad.tandem"
    bad.write_bytes(b"PK\x03\x04 a zip, not a plan")
    assert not sample_window.open_plan(bad)
    assert warnings == [("Cannot open plan",
                         "bad.tandem is not a Tandem plan (it is not a database file).")]
    assert sample_window.session is not None  # the open plan stays open
    assert bad.read_bytes() == b"PK\x03\x04 a zip, not a plan"


def test_a_check_in_no_tandem_could_use_closes_the_plan_shown_with_its_sentence(
        qtbot, window: MainWindow, sample_path: Path, warnings) -> None:  # type: ignore[no-untyped-def]
    """The window shows a plan before SQLite has checked every check-in (on a
    thread); one that cannot be used closes it with the sentence opening
    would have said, and the file is left as it was."""
    import sqlite3

    conn = sqlite3.connect(sample_path)
    conn.execute("UPDATE check_in SET confidence = 11 WHERE id = (SELECT max(id) FROM check_in)")
    conn.commit()
    conn.close()
    before = sample_path.read_bytes()
    assert window.open_plan(sample_path)
    qtbot.waitUntil(lambda: window.session is None, timeout=5000)
    assert len(warnings) == 1 and warnings[0][0] == "Cannot open plan"
    assert "holds a check-in that Tandem cannot use" in warnings[0][1]
    assert "confidence" in warnings[0][1]
    assert sample_path.read_bytes() == before
    assert window.windowTitle() == "Tandem"


def _tamper(path: Path, sql: str) -> None:
    import sqlite3

    conn = sqlite3.connect(path)
    conn.execute(sql)
    conn.commit()
    conn.close()


BAD_RIDE = ("UPDATE field_ride SET last_day = '1999-01-01' "
            "WHERE id = (SELECT min(id) FROM field_ride)")


def test_at_the_start_a_bad_row_of_the_section_shown_refuses_the_plan_before_it_is_shown(
        window: MainWindow, sample_path: Path, warnings) -> None:  # type: ignore[no-untyped-def]
    """Only the kinds the first section reads are read before it is shown; a
    goal no Tandem could use among them refuses the plan there and then, with
    the sentence opening says, and nothing is written."""
    _tamper(sample_path, "UPDATE goal SET title = '' WHERE id = (SELECT min(id) FROM goal)")
    with pytest.raises(PlanFileError) as whole:
        PlanStore.open(sample_path)
    before = sample_path.read_bytes()
    assert not window.open_plan(sample_path, "goals")
    assert warnings == [("Cannot open plan", str(whole.value))]
    assert window.session is None and window.windowTitle() == "Tandem"
    assert sample_path.read_bytes() == before


def test_at_the_start_a_bad_row_of_another_section_closes_the_plan_once_read(
        qtbot, window: MainWindow, sample_path: Path, warnings) -> None:  # type: ignore[no-untyped-def]
    """The goals are shown before the rides are read (while the window is
    idle); a ride no Tandem could use then closes the plan with its sentence."""
    _tamper(sample_path, BAD_RIDE)
    before = sample_path.read_bytes()
    assert window.open_plan(sample_path, "goals")
    assert page(window, "Goals").model.rowCount() > 0 and not warnings
    qtbot.waitUntil(lambda: window.session is None, timeout=5000)
    assert len(warnings) == 1 and warnings[0][0] == "Cannot open plan"
    assert "field ride" in warnings[0][1] and "last day" in warnings[0][1]
    assert sample_path.read_bytes() == before


def test_with_a_plan_open_a_plan_with_a_bad_row_is_refused_and_the_open_one_stays(
        sample_window: MainWindow, sample_path: Path, tmp_path: Path,
        warnings) -> None:  # type: ignore[no-untyped-def]
    import shutil

    other = tmp_path / "Other.tandem"
    shutil.copy(sample_path, other)
    _tamper(other, BAD_RIDE)
    shown = sample_window.session
    assert not sample_window.open_plan(other, "goals")
    assert len(warnings) == 1 and "field ride" in warnings[0][1]
    assert sample_window.session is shown and shown is not None


def test_a_latest_check_in_no_tandem_could_use_closes_the_goals_page_without_a_traceback(
        qtbot, window: MainWindow, sample_path: Path, warnings) -> None:  # type: ignore[no-untyped-def]
    """The goals page reads each goal's latest check-ins before the thread's
    check answers: a bad one among them is not shown, and the check closes the
    plan with its sentence (it once raised out of the page being built)."""
    import sqlite3

    conn = sqlite3.connect(sample_path)
    conn.execute("UPDATE check_in SET confidence = 99 WHERE id = (SELECT id FROM check_in "
                 "ORDER BY checked_on DESC, created_at DESC LIMIT 1)")
    conn.commit()
    conn.close()
    before = sample_path.read_bytes()
    assert window.open_plan(sample_path, "goals")
    qtbot.waitUntil(lambda: window.session is None, timeout=5000)
    assert len(warnings) == 1 and "holds a check-in that Tandem cannot use" in warnings[0][1]
    assert "at most 10" in warnings[0][1]
    assert sample_path.read_bytes() == before


def test_damaged_check_in_pages_open_read_only_with_the_damage_said(
        qtbot, window: MainWindow, sample_path: Path, warnings) -> None:  # type: ignore[no-untyped-def]
    """The check-ins' pages are checked on the thread, not before the plan is
    shown: when they are damaged the plan turns read-only with the sentence
    opening a damaged plan says, the goals stay shown, and nothing is written."""
    damage_pages_of(sample_path, "check_in")
    before = sample_path.read_bytes()
    assert window.open_plan(sample_path, "goals")
    session = window.session
    assert session is not None
    qtbot.waitUntil(lambda: window.banner.isVisible(), timeout=5000)
    assert window.banner.text().startswith("Read-only: sample.tandem is damaged (")
    assert "[read-only]" in window.windowTitle()
    assert warnings == [] and window.session is session
    goals = page(window, "Goals")
    assert goals.model.rowCount() == session.store.count(Goal) > 0
    assert not window.actions_by_id["edit.add"].isEnabled()
    assert sample_path.read_bytes() == before


def damage_pages_of(path: Path, table: str) -> None:
    """Scribble over the cell pointers of one of a table's leaf pages, as a
    bad sector or a half-written copy would."""
    import sqlite3

    conn = sqlite3.connect(path)
    leaves = [n for (n,) in conn.execute(
        "SELECT pageno FROM dbstat WHERE name = ? AND pagetype = 'leaf'", (table,))]
    size = conn.execute("PRAGMA page_size").fetchone()[0]
    conn.close()
    assert leaves, f"{table} has no leaf page"
    with path.open("r+b") as f:
        f.seek((leaves[len(leaves) // 2] - 1) * size + 8)
        f.write(b"\xff" * 40)


def test_edits_from_elsewhere_refresh_the_overview(sample_window: MainWindow,
                                                   monkeypatch) -> None:  # type: ignore[no-untyped-def]
    overview = sample_window.page("Overview")
    assert isinstance(overview, OverviewPage)
    goals = page(sample_window, "Goals")
    asked: list[str] = []
    monkeypatch.setattr(dialogs, "confirm", lambda parent, title, text, *a: asked.append(text)
                        or True)
    before = "8 of 12 goals agreed; 2 wait for sales, 2 for both sides"
    assert before in overview.progress.text()
    goals.model.setData(goals.model.index(0, 0), "New wording withdraws sign-off")
    assert "7 of 12 goals agreed; 2 wait for sales, 3 for both sides" \
        in overview.progress.text()
    assert "withdraws the sign-off of sales" in asked[0]
    sample_window.undo()
    assert before in overview.progress.text()
    # Edited while another section is shown: the overview is right when it returns.
    sample_window.show_section(1)
    goals.model.setData(goals.model.index(1, 0), "Another new wording")
    sample_window.show_section(0)
    assert "7 of 12 goals agreed" in overview.progress.text()


def test_typing_is_saved_at_each_pause_and_undone_as_one_step(
        qtbot, sample_window: MainWindow, sample_path: Path) -> None:  # type: ignore[no-untyped-def]
    overview = sample_window.page("Overview")
    assert isinstance(overview, OverviewPage)
    overview.purpose.setFocus()
    qtbot.waitUntil(overview.purpose.hasFocus)
    overview.purpose.selectAll()
    qtbot.keyClicks(overview.purpose, "Win together. ")
    # No focus change, no Enter: the pause alone puts the words in the file.
    qtbot.waitUntil(lambda: rows(sample_path, "SELECT purpose FROM plan") == [("Win together. ",)],
                    timeout=3000)
    qtbot.keyClicks(overview.purpose, "Ride together.")
    qtbot.waitUntil(lambda: rows(sample_path, "SELECT purpose FROM plan") == [
        ("Win together. Ride together.",)], timeout=3000)
    assert overview.purpose.toPlainText() == "Win together. Ride together."
    stack = sample_window.session.undo_stack  # type: ignore[union-attr]
    assert stack.count() == 1 and stack.undoText() == "Change purpose"
    sample_window.undo()
    assert rows(sample_path, "SELECT purpose FROM plan")[0][0].startswith("Sales and marketing")


def test_a_pause_after_a_space_keeps_the_space(qtbot, sample_window: MainWindow,  # type: ignore[no-untyped-def]
                                               sample_path: Path) -> None:
    overview = sample_window.page("Overview")
    assert isinstance(overview, OverviewPage)
    overview.title.setFocus()
    overview.title.selectAll()
    qtbot.keyClicks(overview.title, "Plan ")
    qtbot.waitUntil(lambda: rows(sample_path, "SELECT title FROM plan") == [("Plan",)],
                    timeout=3000)
    qtbot.keyClicks(overview.title, "B")
    assert overview.title.text() == "Plan B"
    qtbot.keyClick(overview.title, Qt.Key.Key_Return)
    assert rows(sample_path, "SELECT title FROM plan") == [("Plan B",)]


def test_an_empty_plan_name_is_refused_when_leaving_the_field(
        qtbot, sample_window: MainWindow, sample_path: Path) -> None:  # type: ignore[no-untyped-def]
    overview = sample_window.page("Overview")
    assert isinstance(overview, OverviewPage)
    overview.title.setFocus()
    overview.title.selectAll()
    qtbot.keyClick(overview.title, Qt.Key.Key_Delete)
    qtbot.keyClick(overview.title, Qt.Key.Key_Return)
    assert sample_window.problem.text() == "The title cannot be empty."
    assert overview.title.text() == "Northwind go-to-market plan 2027"
    assert rows(sample_path, "SELECT title FROM plan") == [("Northwind go-to-market plan 2027",)]


def test_first_start_opens_the_sample_plan_and_offers_a_plan_of_ones_own(  # type: ignore[no-untyped-def]
        qtbot, window: MainWindow, monkeypatch) -> None:
    from PySide6.QtCore import QSettings

    from planner.app import initial_plan

    QSettings().remove("last_plan")
    QSettings().remove("welcomed")
    path, first = initial_plan(None)
    try:
        assert path.name == "Sample plan.tandem" and path.exists() and first
        with PlanStore.open(path) as s:
            assert s.count(Person) >= 10 and s.count(Goal) >= 10 and s.count(FieldRide) > 0
        assert window.open_plan(path)
        window.show_welcome()
        assert window.welcome is not None and "sample plan" in window.welcome.findChild(
            QLabel, "welcomeText").text()
        asked: list[str] = []
        monkeypatch.setattr(dialogs, "ask_save_path", lambda parent, title, *a:
                            asked.append(title))  # the new plan's name is asked for
        window.welcome.findChild(QPushButton, "welcomeNew").click()
        assert asked == ["New plan"] and window.welcome is None
        assert initial_plan(None)[1] is False  # asked once: not on the next start
    finally:
        window.close_plan()
        path.unlink()


def test_goal_status_and_due_date_edit_in_place(qtbot, sample_window: MainWindow,  # type: ignore[no-untyped-def]
                                                sample_path: Path, monkeypatch) -> None:
    from PySide6.QtCore import QDate
    from PySide6.QtWidgets import QDateEdit

    asked: list[str] = []
    monkeypatch.setattr(dialogs, "confirm", lambda parent, title, text, *a: asked.append(text)
                        or True)
    sample_window.show_section(1)
    goals = page(sample_window, "Goals")
    goal_id = goals.model.row_id(2)
    from planner.times import local_time  # the reader's local time, the locale's format

    signed_at = local_time(goals.model.row(2).marketing_signed_at)
    choose_in_cell(qtbot, goals.view, 2, 5, "Done")
    goals.view.setCurrentIndex(goals.model.index(2, 4))
    qtbot.keyClick(goals.view, Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    assert isinstance(editor, QDateEdit), editor
    editor.setDate(QDate(2027, 9, 30))
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is goals.view)
    assert rows(sample_path, f"SELECT status, due_date, marketing_signed_at FROM goal "
                             f"WHERE id = '{goal_id}'") == [("DONE", "2027-09-30", None)]
    assert asked == ["Changing the due date of \u201cShorten the sales cycle for new logos\u201d "
                     f"withdraws the sign-off of marketing (Bjorn Tanaka, {signed_at}). Both "
                     "sides will need to sign the new wording."]
    assert goals.model.index(2, 4).data() == "2027-09-30"
    sample_window.undo()
    sample_window.undo()
    assert rows(sample_path, f"SELECT status FROM goal WHERE id = '{goal_id}'") != [("DONE",)]


def test_export_pdf_previews_pages_remembers_options_and_saves_what_it_showed(
        qtbot, sample_window: MainWindow, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from pypdf import PdfReader

    out = tmp_path / "plan.pdf"
    suggested: list[str] = []
    seen: dict[str, object] = {}
    monkeypatch.setattr(dialogs, "ask_save_path", lambda *a: suggested.append(a[2]) or out)

    def answer(dialog) -> bool:  # type: ignore[no-untyped-def]
        seen["full"] = dialog.preview.count()
        seen["full_pages"] = len(PdfReader(__import__("io").BytesIO(dialog.data)).pages)
        dialog.page_size.setCurrentText("Letter")
        dialog.reviews.setChecked(False)
        dialog.sections["people"].setChecked(False)
        dialog.sections["signoff"].setChecked(False)
        dialog.render()  # what the timer does after a change
        seen["chosen"] = dialog.preview.count()
        seen["progress"] = dialog.progress.text()
        return True

    monkeypatch.setattr(dialogs, "exec_dialog", answer)
    sample_window.actions_by_id["file.export_pdf"].trigger()
    assert seen["full"] == seen["full_pages"] and seen["full"] > seen["chosen"]
    assert seen["progress"] == f"{seen['chosen']} pages ready"
    assert suggested == ["Northwind go-to-market plan 2027.pdf"]
    reader = PdfReader(out)
    assert len(reader.pages) == seen["chosen"]
    assert [round(float(v)) for v in reader.pages[0].mediabox[2:]] == [612, 792]
    titles = [e.title for e in reader.outline if not isinstance(e, list)]
    assert "People" not in titles and "Reviews" not in titles and "Goals" in titles
    assert "Exported plan.pdf" in sample_window.statusBar().currentMessage()

    def remembered(dialog) -> bool:  # type: ignore[no-untyped-def]
        seen["again"] = (dialog.page_size.currentText(), dialog.reviews.isChecked(),
                         dialog.sections["people"].isChecked())
        return False

    monkeypatch.setattr(dialogs, "exec_dialog", remembered)
    sample_window.actions_by_id["file.export_pdf"].trigger()
    assert seen["again"] == ("Letter", False, False)


def test_export_json_failure_is_reported(qtbot, sample_window: MainWindow, tmp_path: Path,  # type: ignore[no-untyped-def]
                                         monkeypatch, warnings) -> None:
    monkeypatch.setattr(dialogs, "ask_save_path", lambda *a: tmp_path / "missing" / "p.json")
    sample_window.actions_by_id["file.export_json"].trigger()
    assert len(warnings) == 1 and warnings[0][0] == "Export failed"
    assert "p.json could not be written" in warnings[0][1]


def test_a_plan_carrying_sql_tandem_did_not_write_opens_read_only_with_the_reason(
        window: MainWindow, sample_path: Path) -> None:
    import sqlite3

    conn = sqlite3.connect(sample_path)
    conn.execute("CREATE TRIGGER wipe AFTER UPDATE ON goal BEGIN DELETE FROM goal; END")
    conn.commit()
    conn.close()
    assert window.open_plan(sample_path)
    assert window.banner.isVisibleTo(window)
    assert "carries schema objects Tandem did not create (a trigger \u201cwipe\u201d on goal)" \
        in window.banner.text()
    assert "[read-only]" in window.windowTitle()
    goals = page(window, "Goals")
    assert not (goals.model.flags(goals.model.index(0, 0)) & Qt.ItemFlag.ItemIsEditable)
    assert rows(sample_path, "SELECT count(*) FROM goal") == [(12,)]


def test_when_the_window_goes_idle_the_file_alone_holds_every_change(
        qtbot, sample_window: MainWindow, sample_path: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """Mailing the .tandem while the plan is open: after a pause, the copy has the edit."""
    import shutil

    people = page(sample_window, "People")
    assert people.model.setData(people.model.index(0, 2), "Chief of staff")
    wal = sample_path.with_name(sample_path.name + "-wal")
    qtbot.waitUntil(lambda: not wal.exists() or wal.stat().st_size == 0, timeout=6000)
    copy = tmp_path / "mailed.tandem"
    shutil.copyfile(sample_path, copy)
    assert rows(copy, "SELECT count(*) FROM person WHERE role = 'Chief of staff'") == [(1,)]


def test_the_export_preview_shows_a_readable_page_zooms_and_can_be_stopped(
        qtbot, sample_window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    from planner.ui.dialogs.export_pdf import ZOOMS, ExportPdfDialog, page_images

    session = sample_window.session
    assert session is not None
    dialog = ExportPdfDialog(sample_window, session)
    qtbot.addWidget(dialog)
    assert dialog.preview.count() > 10 and dialog.preview.currentRow() == 0
    import io

    from pypdf import PdfReader

    points = float(PdfReader(io.BytesIO(dialog.data)).pages[0].mediabox.width)
    shown = dialog.page_view.pixmap()
    # Life size (one pixel a point), drawn for the screen's own pixels.
    assert abs(shown.width() / shown.devicePixelRatio() - points) <= 2
    dialog.zoom.setCurrentIndex(ZOOMS.index(1.5))
    assert abs(dialog.page_view.pixmap().width() / shown.devicePixelRatio() - points * 1.5) <= 3
    dialog.preview.setCurrentRow(3)
    assert dialog.page_view.pixmap().width() > 800
    sharp = page_images(dialog.data, 0.5, ratio=2.0, only=0)[0]
    assert abs(sharp.width() - points) <= 1 and sharp.devicePixelRatio() == 2.0
    # Stop clicked while the pages are laid out: nothing half-made to save.
    from PySide6.QtCore import QTimer

    QTimer.singleShot(0, dialog.stop.click)  # heard at the first page laid out
    dialog.render()
    assert dialog.data == b"" and not dialog.save.isEnabled()
    assert dialog.progress.text().startswith("Stopped")
    dialog.render()  # laid out again when asked
    assert dialog.data and dialog.save.isEnabled()
