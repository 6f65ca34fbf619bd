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


def test_the_page_says_what_the_survey_found_in_totals(sample_window: MainWindow,
                                                     tmp_path: Path) -> None:
    """Survey answers taken in: the page says how many answered and the
    survey's brokers, never who named whom."""
    from datetime import date

    from planner.imports.survey_answers import collect
    from planner.operations.survey import open_survey
    from tests.unit.rules.test_survey import answer_file

    session = sample_window.session
    assert session is not None
    store = session.store
    assert session.attempt(lambda: open_survey(store, date(2027, 3, 1))[0])
    people = store.rows(Person)
    sales = [p for p in people if p.team.value == "sales" and not p.left_plan]
    marketing = [p for p in people if p.team.value == "marketing" and not p.left_plan]
    # A chain S0 - M0 - S1 - M1: M0 and S1 stand between S0 and M1.
    files = [answer_file(store, tmp_path, sales[0].id, [[0, marketing[0].id, 4]]),
             answer_file(store, tmp_path, sales[1].id, [[0, marketing[0].id, 1]]),
             answer_file(store, tmp_path, marketing[1].id, [[1, sales[1].id, 2]])]
    done = collect(store, files)
    assert done.refused == [] and session.do(done.change)
    sample_window.show_section(SECTIONS.index("Network"))
    page = sample_window.page("Network")
    assert isinstance(page, NetworkPage)
    text = page.summary.text()
    invited = len(sales) + len(marketing)
    assert f"Survey: 3 of {invited} answered." in text
    brokers = text.split("Brokers by the survey: ")[1].split(".")[0].split(", ")
    assert sorted(brokers) == sorted([marketing[0].name, sales[1].name])
    assert "goes to" not in text.lower() and "named" not in text.lower()


def test_survey_forms_go_out_and_answers_come_in_from_the_page(
        sample_window: MainWindow, sample_path: Path, tmp_path: Path,
        monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """The page's two buttons do what `tandem survey --out` and `--collect`
    do: a survey opened and a form per person written; answer files taken in
    as one undoable change, a bad one said with its sentence."""
    from planner.ui import dialogs
    from tests.unit.rules.test_survey import answer_file

    sample_window.show_section(SECTIONS.index("Network"))
    page = sample_window.page("Network")
    assert isinstance(page, NetworkPage)
    forms = tmp_path / "forms"
    monkeypatch.setattr(dialogs, "ask_directory", lambda *a: forms)
    written = page.write_survey_forms()
    invited = rows(sample_path, "SELECT count(*) FROM survey_invite")[0][0]
    assert invited > 0 and len(written) == invited == len(list(forms.iterdir()))
    assert rows(sample_path, "SELECT count(*) FROM survey") == [(1,)]
    assert page.write_survey_forms() and rows(sample_path, "SELECT count(*) FROM survey") == [
        (1,)]  # the same survey's forms again, not a second survey
    store = page.session.store
    people = store.rows(Person)
    rep = next(p for p in people if p.team.value == "sales" and not p.left_plan)
    marketer = next(p for p in people if p.team.value == "marketing" and not p.left_plan)
    answers = tmp_path / "answers"
    answers.mkdir()
    good = answer_file(store, answers, rep.id, [[0, marketer.id, 3]])
    bad = answer_file(store, answers, marketer.id, [[0, marketer.id, 3]])  # own team
    monkeypatch.setattr(dialogs, "ask_open_files", lambda *a: [good, bad])
    warned: list[str] = []
    monkeypatch.setattr(dialogs, "warn", lambda parent, title, text: warned.append(text))
    assert page.take_survey_answers() == 1
    assert rows(sample_path, "SELECT respondent_id, names_id, often FROM survey_answer") == [
        (rep.id, marketer.id, 3)]
    assert len(warned) == 1 and "answers[0].person is nobody of the other team" in warned[0]
    assert f"Survey: 1 of {invited} answered." in page.summary.text()
    page.session.undo_stack.undo()
    assert rows(sample_path, "SELECT count(*) FROM survey_answer") == [(0,)]


def test_the_questions_are_the_user_s_and_only_a_head_shows_who_named_whom(
        sample_window: MainWindow, sample_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """New survey… takes the questions as written (one a line, blank lines
    dropped); the box that shows who named whom is the heads' choice: an
    editor is refused with a sentence and the box goes back."""
    from planner.rules.roles import actor_for
    from planner.ui import dialogs
    from planner.ui.shell import identity
    from tests.acting import window_as_head

    sample_window.show_section(SECTIONS.index("Network"))
    page = sample_window.page("Network")
    assert isinstance(page, NetworkPage)
    assert not page.show_people.isEnabled()  # no survey yet
    offered: list[str] = []

    def written(parent, title, label, text):  # type: ignore[no-untyped-def]
        offered.append(text)
        return "Who do you ask about pricing?\n\n  Who helps you with a <b>demo</b>?  \n"
    monkeypatch.setattr(dialogs, "ask_lines", written)
    assert page.new_survey()
    assert offered[0].splitlines()[0] == "Who on the other team do you go to for customer insight?"
    assert rows(sample_path, "SELECT questions, shows_people FROM survey") == [
        ("Who do you ask about pricing?\nWho helps you with a <b>demo</b>?", 0)]
    session = page.session
    ines = next(p for p in session.store.rows(Person) if p.name == "Ines Berg")
    identity.choose(session, actor_for(ines))  # an editor
    page.show_people.setChecked(True)
    assert not page.show_people.isChecked()  # refused: back as the plan has it
    assert sample_window.problem.text().startswith(
        "Only the heads of the plan, Amara Okafor (head of sales) and ")
    assert sample_window.problem.text().endswith(
        "choose whether the survey shows who named whom; you are Ines Berg (editor).")
    assert rows(sample_path, "SELECT shows_people FROM survey") == [(0,)]
    window_as_head(sample_window, "marketing")
    page.show_people.setChecked(True)
    assert page.show_people.isChecked()
    assert rows(sample_path, "SELECT shows_people FROM survey") == [(1,)]
    monkeypatch.setattr(dialogs, "ask_lines", lambda *a: " \n ")
    assert not page.new_survey()  # no question: refused, nothing opened
    assert "at least one question" in sample_window.problem.text()
    assert rows(sample_path, "SELECT count(*) FROM survey") == [(1,)]
