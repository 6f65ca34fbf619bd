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
    from planner import i18n as core

    with core.speaking("de"):  # the window's language installed into the core
        back.refresh()
        german = back.message.text(), back.result.item(0, 2).text()
    back.refresh()
    assert "4.800.000" in german[0] and german[1] == "40\u00a0%", german
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


def test_the_handoff_measured_tab_shows_the_figures_and_follows_an_undo(
        qtbot, funnel: FunnelPage, sample_window: MainWindow, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from datetime import date

    from planner.imports.crm_flow import prepare
    from planner.imports.crm_sample import deals, leads, write_contacts, write_deals
    from planner.operations import crm

    assert funnel.figures.tables == []
    made = list(leads(date(2026, 5, 1), 3, 300, ("Ines Berg", "Jonas Petrov"),
                      ("North", "South"), "South"))
    write_contacts(tmp_path / "contacts.csv", made)
    write_deals(tmp_path / "deals.csv", list(deals(made)))
    session = funnel.session
    for name in ("contacts.csv", "deals.csv"):
        change, _ = crm.take_in_export(session.store.acting,
                                       prepare(tmp_path / name, "hubspot", "UTC"), name)
        assert session.do(change)
    titles = [t.accessibleName() for t in funnel.figures.tables]
    assert titles[0] == "The promise (2 working days), month by month"
    assert "By owner, MQLs of 2026-07" in titles and "Pipeline and revenue by campaign" in titles
    first = funnel.figures.tables[0]
    months = [first.item(r, 0).text() for r in range(first.rowCount())]
    assert months == ["2026-05", "2026-06", "2026-07"]
    assert sum(int(first.item(r, 1).text().replace(",", "")) for r in range(3)) == 300
    owners = funnel.figures.tables[titles.index("By owner, MQLs of 2026-07")]
    assert sorted(owners.item(r, 0).text() for r in range(owners.rowCount())) == [
        "Ines Berg", "Jonas Petrov"]
    session.undo_stack.undo()  # the deals out: their tables go
    assert "Pipeline and revenue by campaign" not in [
        t.accessibleName() for t in funnel.figures.tables]
    session.undo_stack.undo()
    assert funnel.figures.tables == []
    overview = sample_window.page("Overview")
    sample_window.show_section(0)
    qtbot.waitUntil(lambda: not overview.handoff.isVisible())
    session.undo_stack.redo()
    qtbot.waitUntil(lambda: overview.handoff.isVisible())
    assert overview.handoff.text().startswith("Handoff (Marketing-qualified, 2 working days):")


def test_a_custom_export_is_mapped_in_the_window_and_the_plan_keeps_the_mapping(
        funnel: FunnelPage, sample_path: Path, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from planner.ui.shell.lazy import dialogs

    export = tmp_path / "leads-from-our-crm.csv"
    lines = ["Lead #;Qualified on;First call;Rep;Channel;Area;Notes"]
    lines += [f"L-{n};0{n + 1}.09.2026 10:00;0{n + 1}.09.2026 15:30;Ana;Web;North;x"
              for n in range(8)]
    lines.append("L-bad;31.02.2026 10:00;;Ana;Web;North;")
    export.write_text("\n".join(lines) + "\n", "utf-8")
    monkeypatch.setattr(dialogs, "ask_open_file", lambda *a: export)
    seen: dict[str, object] = {}

    def answer(dialog) -> bool:  # type: ignore[no-untyped-def]
        combos = dialog.column_combos
        seen["guessed"] = {f: c.currentText() for f, c in combos.items()
                           if c.currentData() is not None}
        combos["crm_id"].setCurrentIndex(0)  # taken away: nothing can be read
        seen["without id"] = (dialog.summary.text(), dialog.take_button.isEnabled())
        combos["crm_id"].setCurrentIndex(combos["crm_id"].findText("Lead #"))
        combos["region"].setCurrentIndex(combos["region"].findText("Notes"))  # a slip...
        seen["slip"] = dialog.preview.item(0, 6).text()
        combos["region"].setCurrentIndex(combos["region"].findText("Area"))  # ...put right
        seen["first"] = [dialog.preview.item(0, c).text() for c in range(7)]
        seen["label"] = dialog.kind_label.text()
        return True

    monkeypatch.setattr(dialogs, "exec_dialog", answer)
    assert funnel.take_in_export()
    assert seen["guessed"] == {"crm_id": "Lead #", "mql_at": "Qualified on",
                               "followed_up_at": "First call", "owner": "Rep",
                               "source": "Channel", "region": "Area"}
    assert seen["without id"] == ("Choose the column for CRM id: every row needs it.", False)
    assert seen["slip"] == "x"
    assert seen["first"] == ["2", "L-0", "2026-09-01 10:00", "2026-09-01 15:30", "Ana", "Web",
                             "North"]  # the dates read day first, as the file writes them
    assert str(seen["label"]).startswith("Read as: your own columns")
    assert rows(sample_path, "SELECT crm, rows, unread FROM crm_import") == [("custom", 8, 1)]
    # The next export with these columns is read with the kept mapping, unasked.
    later = tmp_path / "later.csv"
    later.write_text(lines[0] + "\nL-9;10.10.2026 10:00;;Ben;Event;South;y\n", "utf-8")
    from planner.imports.crm import Export
    from planner.ui.dialogs.crm_import import _mapping

    kept = _mapping(funnel.session, Export(later))
    assert kept.columns["region"] == 5 and kept.columns["crm_id"] == 0 and kept.day_first


def test_the_window_dialog_fits_a_small_screen(funnel: FunnelPage, tmp_path: Path) -> None:
    from planner.imports.crm import Export
    from planner.ui.dialogs.crm_import import CrmImportDialog, _mapping

    export = tmp_path / "x.csv"
    export.write_text("Id,MQL date\n1,2026-09-01 10:00\n", "utf-8")
    dialog = CrmImportDialog(funnel, Export(export), _mapping(funnel.session, Export(export)))
    assert dialog.minimumSizeHint().height() <= 700 and dialog.minimumSizeHint().width() <= 1300
    dialog.close()


def test_many_crm_rows_are_measured_on_a_thread_while_the_page_says_so(
        qtbot, sample_window: MainWindow, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Above `MANY_ROWS` the figures are worked out from a snapshot on a
    thread: the Funnel page says it is measuring, then shows them."""
    from datetime import date

    from planner.imports.crm_flow import prepare
    from planner.imports.crm_sample import leads, write_contacts
    from planner.operations import crm
    from planner.ui.shell.session import PlanSession

    import threading

    from planner.imports import crm_metrics

    monkeypatch.setattr(PlanSession, "MANY_ROWS", 100)  # the test's 300 leads count as many
    go, real = threading.Event(), crm_metrics.warm

    def held(snapshot):  # type: ignore[no-untyped-def]
        assert go.wait(20)  # the thread waits until the page has been looked at
        real(snapshot)

    monkeypatch.setattr(crm_metrics, "warm", held)
    sample_window.show_section(4)
    funnel = sample_window.page("Funnel")
    assert isinstance(funnel, FunnelPage)
    session = funnel.session
    write_contacts(tmp_path / "contacts.csv", list(leads(
        date(2026, 5, 1), 3, 300, ("Ines Berg", "Jonas Petrov"), ("North", "South"), "South")))
    change, _ = crm.take_in_export(session.store.acting,
                                   prepare(tmp_path / "contacts.csv", "hubspot", "UTC"),
                                   "contacts.csv")
    with qtbot.waitSignal(session.figures_ready, timeout=20_000):
        assert session.do(change)
        qtbot.wait(50)  # the window stays live meanwhile
        assert funnel.handoff.text() == "Measuring the handoff from the CRM data\u2026"
        go.set()
    qtbot.waitUntil(lambda: funnel.handoff.text().startswith("Handoff (Marketing-qualified"))
    assert funnel.figures.tables  # the tables came with it
