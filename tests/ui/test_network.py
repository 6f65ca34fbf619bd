"""The Network page as a VP uses it: a new colleague with no tie to the other
team is named, a ride is suggested, one click plans it, undo takes it back."""

from pathlib import Path

import pytest

from planner.model import Person
from planner.operations import people as people_ops
from planner.operations.rows import edit
from planner.ui.pages.network import NetworkPage
from planner.ui.shell.main_window import SECTIONS, MainWindow
from tests.conftest import rows

pytestmark = pytest.mark.gui


def test_a_suggested_ride_is_planned_in_one_step_and_undone(sample_window: MainWindow,
                                                             sample_path: Path) -> None:
    session = sample_window.session
    assert session is not None
    change, newcomer = people_ops.add_person("Noor Haddad")
    session.do(change)
    session.do(edit(session.store.get(Person, newcomer.id), team="marketing",  # type: ignore[arg-type]
                    territory="Nordics"))
    sample_window.show_section(SECTIONS.index("Network"))
    page = sample_window.page("Network")
    assert isinstance(page, NetworkPage)
    listed = [page.isolates.item(n).text() for n in range(page.isolates.count())]
    assert len(listed) == 1 and listed[0].startswith("Noor Haddad \u2192 ")
    assert page.graph.figure is not None and len(page.graph.figure.people) == len(
        [p for p in session.store.rows(Person) if not p.left_plan])
    page.grab()  # drawn without error
    page.isolates.setCurrentRow(0)
    before = rows(sample_path, "SELECT count(*) FROM field_ride")[0][0]
    assert page.plan_suggestion()
    (direction, host_team, status), = rows(
        sample_path, "SELECT direction, p.team, status FROM field_ride r JOIN person p ON "
                     f"p.id = r.host_id WHERE r.visitor_id = '{newcomer.id}'")
    assert (direction, host_team, status) == ("MARKETING_WITH_SALES", "SALES", "PLANNED")
    assert page.isolates.count() == 0  # no longer without a tie
    sample_window.undo()
    assert rows(sample_path, "SELECT count(*) FROM field_ride")[0][0] == before
    assert page.isolates.count() == 1
