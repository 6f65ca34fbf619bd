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


def test_a_crm_export_is_previewed_taken_in_and_measured_on_the_page(
        qtbot, funnel: FunnelPage, sample_path: Path, tmp_path: Path,  # type: ignore[no-untyped-def]
        monkeypatch) -> None:
    from datetime import date

    from planner.imports.crm_sample import leads, write_contacts
    from planner.ui.shell.lazy import dialogs

    assert funnel.handoff.text().startswith("No CRM leads yet")
    made = list(leads(date(2026, 5, 1), 3, 300, ("Ines Berg", "Jonas Petrov"),
                      ("North", "South"), "South"))
    export = tmp_path / "contacts.csv"
    write_contacts(export, made)
    with export.open("a", encoding="utf-8") as out:
        out.write("999,Sam,X,x@example.com,Ines Berg,lead,,,2027-02-30 10:00,,,,,,,,,\n")
    monkeypatch.setattr(dialogs, "ask_open_file", lambda *a: export)
    seen = {}

    def answer(dialog) -> bool:  # type: ignore[no-untyped-def]
        seen["what"] = dialog.kind_label.text()
        seen["rows"] = dialog.preview.rowCount()
        seen["first"] = [dialog.preview.item(0, c).text() for c in range(3)]
        seen["during"] = rows(sample_path, "SELECT count(*) FROM crm_import")
        dialog.zone.setCurrentText("Mars/Olympus")
        seen["bad zone"] = (dialog.summary.text(), dialog.take_button.isEnabled())
        dialog.zone.setCurrentText("UTC")
        return seen.setdefault("confirm", False)

    monkeypatch.setattr(dialogs, "exec_dialog", answer)
    assert not funnel.take_in_export()  # cancelled: nothing taken in
    assert seen["what"] == "Read as: HubSpot contacts export" and seen["rows"] == 20
    assert seen["first"] == ["2", made[0].crm_id, made[0].mql_at.strftime("%Y-%m-%d %H:%M")]
    assert seen["during"] == [(0,)] and rows(sample_path, "SELECT count(*) FROM crm_import") \
        == [(0,)]
    assert seen["bad zone"][0].startswith("\u201cMars/Olympus\u201d is not a time zone")
    assert seen["bad zone"][1] is False
    seen["confirm"] = True
    assert funnel.take_in_export()
    assert rows(sample_path, "SELECT holds, rows, unread FROM crm_import") == [("LEAD", 300, 1)]
    assert funnel.handoff.text().startswith("Handoff (Marketing-qualified, 2 working days): ")
    assert "MQLs of July 2026 followed up in time" in funnel.handoff.text()
    funnel.session.undo_stack.undo()  # the import taken out again
    assert rows(sample_path, "SELECT count(*) FROM crm_import") == [(0,)]
    assert funnel.handoff.text().startswith("No CRM leads yet")


def test_the_promise_measured_is_read_from_the_sentence_and_can_be_typed(
        funnel: FunnelPage, sample_path: Path) -> None:
    from planner.ui.widgets.columns import display

    column = next(n for n, c in enumerate(funnel.model.spec.columns) if c.kind == "promise")
    spec = funnel.model.spec.columns[column]
    row = next(n for n in range(funnel.model.rowCount())
               if funnel.model.row(n).name == "Marketing-qualified")
    index = funnel.model.index(row, column)
    assert funnel.model.data(index) == "2 working days (from the sentence)"
    reported: list[str] = []
    funnel.session.problem_reported.connect(reported.append)
    assert funnel.model.setData(index, "1 working day")
    assert rows(sample_path, "SELECT sla_amount, sla_clock FROM funnel_stage WHERE name = "
                             "'Marketing-qualified'") == [(1.0, "WORKING_DAYS")]
    assert funnel.model.data(index) == "one working day"
    assert not funnel.model.setData(index, "soon")
    assert reported and reported[-1].startswith("\u201csoon\u201d is not a promise Tandem can "
                                                "measure")
    assert rows(sample_path, "SELECT sla_amount FROM funnel_stage WHERE name = "
                             "'Marketing-qualified'") == [(1.0,)]
    assert funnel.model.setData(index, "")
    assert funnel.model.data(index) == "2 working days (from the sentence)"
    funnel.session.undo_stack.undo()
    assert funnel.model.data(index) == "one working day"
    assert display(spec, "", {}) == "\u2014"


def test_markup_from_an_export_is_shown_as_text(funnel: FunnelPage, tmp_path: Path,
                                                monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QLabel

    from planner.ui.shell.lazy import dialogs

    export = tmp_path / "deals.csv"
    export.write_text("Record ID,Deal Stage,Amount,Create Date\n"
                      "1,<b>Won</b>&amp;,10,2026-05-01\n", "utf-8")
    monkeypatch.setattr(dialogs, "ask_open_file", lambda *a: export)
    seen = {}

    def answer(dialog) -> bool:  # type: ignore[no-untyped-def]
        labels = [w for w in dialog.findChildren(QLabel) if "<b>" in w.text()]
        seen["labels"] = [(w.text(), w.textFormat()) for w in labels]
        dialog.zone.setCurrentText("<i>Mars</i>")
        seen["summary"] = (dialog.summary.text(), dialog.summary.textFormat())
        return False

    monkeypatch.setattr(dialogs, "exec_dialog", answer)
    assert not funnel.take_in_export()
    assert seen["labels"] == [("The stage \u201c<b>Won</b>&amp;\u201d is",
                               Qt.TextFormat.PlainText)]
    assert seen["summary"][0].startswith("\u201c<i>Mars</i>\u201d is not a time zone")
    assert seen["summary"][1] == Qt.TextFormat.PlainText
    assert funnel.handoff.textFormat() == Qt.TextFormat.PlainText
