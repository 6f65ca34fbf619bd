"""The network survey's measures on a small case worked by hand, its privacy
(totals unless the heads choose), and the collection's refusals named by
where they are; answer files made as the form's script makes them."""

import json
from datetime import date
from pathlib import Path

import pytest

from planner.imports.survey_answers import collect
from planner.model import Person, SurveyInvite
from planner.operations import survey as survey_ops
from planner.outline.blocks import Paragraph, Table
from planner.outline.network import network_section
from planner.rules.network import SURVEY, network
from planner.rules.survey import (
    FORMAT, VERSION, latest_survey, named_counts, response, answers, seal, sealed_text,
    survey_findings)
from planner.store.plan_store import PlanStore, new_plan
from tests.conftest import add_row, rows


@pytest.fixture
def asked(tmp_path: Path):  # type: ignore[no-untyped-def]
    """Sales S1, S2 and marketing M1, M2, no tie recorded; a survey opened."""
    store = PlanStore.create(tmp_path / "s.tandem", new_plan("S", date(2027, 1, 1),
                                                             date(2027, 12, 31)))
    for pid, team in (("s1", "sales"), ("s2", "sales"), ("m1", "marketing"),
                      ("m2", "marketing")):
        add_row(store, Person, id=pid, name=pid.upper(), team=team)
    store.commit(survey_ops.open_survey(store, date(2027, 3, 1))[0])
    yield store
    store.close()


def answer_file(store: PlanStore, folder: Path, person: str, answers: list[list[object]],
                **changed: object) -> Path:
    """An answer file as the form's script writes it (the same seal)."""
    survey = latest_survey(store)
    assert survey is not None
    invite = next(i for i in store.rows(SurveyInvite) if i.person_id == person)
    plan = store.plan().id
    doc = {"format": FORMAT, "version": VERSION, "plan": plan, "survey": survey.id,
           "invite": invite.id, "answers": answers,
           "seal": seal(invite.token, sealed_text(plan, survey.id, invite.id, answers))}  # type: ignore[arg-type]
    doc.update(changed)
    path = folder / f"{person}-{len(list(folder.iterdir()))}.json"
    path.write_text(json.dumps(doc), "utf-8")
    return path


def test_the_survey_s_brokers_and_isolates_as_worked_out_by_hand(asked: PlanStore,
                                                                 tmp_path: Path) -> None:
    store = asked
    # S1 goes to M1 weekly; S2 to M1 a few times a year; M2 to S2 monthly.
    files = [answer_file(store, tmp_path, "s1", [[0, "m1", 3]]),
             answer_file(store, tmp_path, "s2", [[1, "m1", 1]]),
             answer_file(store, tmp_path, "m2", [[2, "s2", 2]])]
    done = collect(store, files)
    assert done.refused == [] and [who for _, who in done.taken] == ["S1", "S2", "M2"]
    store.commit(done.change)
    assert sorted(rows(store.path, "SELECT respondent_id, question, names_id, often FROM "
                                   "survey_answer")) == [
        ("m2", 2, "s2", 2), ("s1", 0, "m1", 3), ("s2", 1, "m1", 1)]
    said = network(store, kinds=(SURVEY,))
    # Ties S1-M1 (3), S2-M1 (1), S2-M2 (2). Of the 4 sales-marketing pairs only
    # S1-M2 goes through others: S1-M1-S2-M2, through M1 and S2: 1/4 each.
    assert said.weights == {("m1", "s1"): 3.0, ("m1", "s2"): 1.0, ("m2", "s2"): 2.0}
    assert [(p, round(v, 4)) for p, v in said.brokers] == [("m1", 0.25), ("s2", 0.25)]
    assert said.isolates == []
    assert network(store).weights == {}  # the records know no tie: the survey is apart
    assert named_counts(answers(store)) == {"m1": 2, "s2": 1}
    got = response(store)
    assert (got.invited, got.answered, round(got.rate, 2)) == (4, 3, 0.75)
    assert survey_findings(store) == []
    section = network_section(store, date(2027, 3, 2))
    words = [b.text for b in section.blocks if isinstance(b, Paragraph)]
    assert ("M1 is a broker by the survey but has no recorded tie to the other team: a ride "
            "would make it official.") in words
    assert ("S2 is a broker by the survey but has no recorded tie to the other team: a ride "
            "would make it official.") in words
    tables = [b for b in section.blocks if isinstance(b, Table)]
    most = next(t for t in tables if t.columns[2] == "Named by")
    assert [r[:3] for r in most.rows] == [("M1", "Marketing", "2 people"),
                                         ("S2", "Sales", "1 person")]
    assert not any(t.columns[:2] == ("Who", "Goes to") for t in tables)  # totals only
    survey = latest_survey(store)
    assert survey is not None
    store.commit(survey_ops.show_people(survey, True))
    shown = network_section(store, date(2027, 3, 2))
    who = next(b for b in shown.blocks if isinstance(b, Table) and b.columns[:2] == (
        "Who", "Goes to"))
    assert ("S1", "M1", "Who on the other team do you go to for customer insight?",
            "weekly") in who.rows


def test_bad_answer_files_are_refused_by_where_and_change_nothing(asked: PlanStore,
                                                                  tmp_path: Path) -> None:
    store = asked
    cases = {
        "not a list": (answer_file(store, tmp_path, "s1", [[0, "m1"]]),
                       "answers[0] is not [question, person, how often]"),
        "question": (answer_file(store, tmp_path, "s1", [[0, "m1", 2], [7, "m2", 1]]),
                     "answers[1].question is 7; the survey asks 3"),
        "own team": (answer_file(store, tmp_path, "s1", [[0, "s2", 2]]),
                     "answers[0].person is nobody of the other team"),
        "often": (answer_file(store, tmp_path, "s1", [[0, "m1", 9]]),
                  "answers[0].often is 9; it is 1 to 4"),
        "twice": (answer_file(store, tmp_path, "s1", [[0, "m1", 2], [0, "m1", 3]]),
                  "answers[1] names M1 a second time"),
        "bool": (answer_file(store, tmp_path, "s1", [[True, "m1", 2]]),
                 "answers[0] is not [question, person, how often]"),
        "version": (answer_file(store, tmp_path, "s1", [[0, "m1", 2]], version=99),
                    "newer or older survey form (version 99)"),
        "invite": (answer_file(store, tmp_path, "s1", [[0, "m1", 2]], invite="x" * 64),
                   "an invitation this survey never sent"),
        "markup": (answer_file(store, tmp_path, "s1", [[0, "<script>", 2]]),
                   "answers[0].person is nobody of the other team"),
    }
    before = rows(store.path, "SELECT count(*) FROM survey_answer")
    done = collect(store, [path for path, _ in cases.values()])
    assert done.taken == [] and not done.change.rows
    for (path, why), (refused_path, sentence) in zip(cases.values(), done.refused, strict=True):
        assert refused_path == path and why in sentence and path.name in sentence, sentence
    assert rows(store.path, "SELECT count(*) FROM survey_answer") == before == [(0,)]


def test_a_survey_needs_questions_and_both_teams(asked: PlanStore) -> None:
    from planner.errors import InvalidEdit

    with pytest.raises(InvalidEdit, match="at least one question"):
        survey_ops.open_survey(asked, date(2027, 3, 1), questions=["  ", ""])
    with pytest.raises(InvalidEdit, match="at most 10 questions"):
        survey_ops.open_survey(asked, date(2027, 3, 1), questions=[f"Q{n}" for n in range(11)])
    change, survey = survey_ops.open_survey(asked, date(2027, 3, 1),
                                            questions=["Who helps you  price a deal?"])
    asked.commit(change)
    assert survey.questions == "Who helps you price a deal?"
    tokens = [i.token for i in asked.rows(SurveyInvite) if i.survey_id == survey.id]
    assert len(tokens) == 4 and len(set(tokens)) == 4 and all(len(t) >= 32 for t in tokens)
