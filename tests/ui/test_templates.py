"""File › New from template… and File › Save as template…, as a VP uses them."""

from pathlib import Path

import pytest

from planner import templates
from planner.ui import dialogs
from planner.ui.shell.main_window import MainWindow
from tests.conftest import rows

pytestmark = pytest.mark.gui


@pytest.fixture(autouse=True)
def own_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "own templates"
    monkeypatch.setattr(templates, "own_templates_folder", lambda: folder)
    return folder


def test_a_plan_from_a_template_and_a_template_from_a_plan(
        sample_window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        own_folder: Path) -> None:
    from planner.ui.dialogs.templates import NewFromTemplateDialog, SaveTemplateDialog

    # Save the sample's skeleton as the company's own.
    def name_it(dialog: SaveTemplateDialog) -> bool:
        dialog.name.setText("Northwind way")
        dialog.description.setPlainText("Our funnel and our metrics")
        return True
    monkeypatch.setattr(dialogs, "exec_dialog", name_it)
    sample_window.actions_by_id["file.save_template"].trigger()
    assert [p.name for p in own_folder.iterdir()] == ["Northwind way.json"]
    # Offered after the three shipped ones, marked as the company's own.
    seen: list[list[str]] = []

    def choose(dialog: NewFromTemplateDialog) -> bool:
        seen.append([dialog.list.item(n).text() for n in range(dialog.list.count())])
        dialog.list.setCurrentRow(2)  # SaaS with inbound leads
        assert "inbound" in dialog.about.text() and "goal ideas" in dialog.about.text()
        dialog.company.setText("Acme Software")
        return True
    out = tmp_path / "acme.tandem"
    monkeypatch.setattr(dialogs, "exec_dialog", choose)
    monkeypatch.setattr(dialogs, "ask_save_path", lambda *a: out)
    sample_window.actions_by_id["file.new_template"].trigger()
    assert seen == [["Account-based marketing to named accounts",
                     "Field sales with distributors", "SaaS with inbound leads",
                     "Northwind way (yours)"]]
    assert rows(out, "SELECT title, company FROM plan") == [("SaaS with inbound leads",
                                                             "Acme Software")]
    assert rows(out, "SELECT name FROM funnel_stage ORDER BY position LIMIT 2") == [
        ("Inquiry",), ("Marketing-qualified lead",)]
    assert sample_window.session is not None and sample_window.session.store.path == out
