"""The network outside the window: the PDF's Network section and `tandem
check`'s report of the people with no tie to the other team."""

from pathlib import Path

import pikepdf
import pytest

from planner.model import Person
from planner.operations import people as people_ops
from planner.operations.rows import edit
from planner.store.plan_store import PlanStore
from tests.conftest import run_tandem
from tests.e2e.test_cli import pdf_text

pytestmark = pytest.mark.e2e


def test_the_pdf_and_check_name_who_has_no_tie_across(tmp_path: Path) -> None:
    plan, pdf = tmp_path / "plan.tandem", tmp_path / "plan.pdf"
    assert run_tandem("demo", str(plan)).returncode == 0
    with PlanStore.open(plan) as store:
        change, newcomer = people_ops.add_person("Noor Haddad")
        store.commit(change)
        store.commit(edit(store.get(Person, newcomer.id), team="marketing",  # type: ignore[arg-type]
                          territory="Nordics"))
    check = run_tandem("check", str(plan))
    # One problem: she is below her ride target. Having no tie yet is reported, not counted.
    assert "1 problem(s) found" in check.stderr and "rides: Noor Haddad is below" in check.stdout
    assert ("network: Noor Haddad has no tie to the other team yet (no ride, goal, approval, "
            "review action or training shared).") in check.stdout
    assert run_tandem("export", str(plan), "--pdf", str(pdf)).returncode == 0
    text = pdf_text(pdf)
    network = text[text.index("Network Who works with whom"):]
    assert "People 15" in network and "No tie to the other team 1" in network
    row = network[network.index("No tie to the other team Person"):]
    assert "Noor Haddad Marketing with " in row
    assert "(a broker" in row or "(well connected in the other team" in row
    assert "Across the teams, quarter by quarter" in network
    with pikepdf.open(pdf) as doc:  # the graph is vectors, not a picture
        assert all(not page.get_images() for page in doc.pages)
