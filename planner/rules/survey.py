"""The network survey (issue 30): who people say they go to on the other
team, as ties ("says they go to"), the response rate, and what the survey
finds that the plan's recorded ties do not.

Answers are a person's own: the document and the window show them as
aggregates (how often each person is named, the brokers the survey finds),
never who named whom, unless the plan's heads chose to show people
(`Survey.shows_people`)."""

import hashlib
import hmac
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from planner.i18n import N_, _
from planner.model import Person, Survey, SurveyAnswer, SurveyInvite
from planner.model.enums import Team
from planner.model.reader import PlanReader
from planner.rules.findings import Finding

FORMAT = "tandem-survey-answers"
VERSION = 1
ANSWERS_MAX = 256 * 1024  # bytes: an answer file is a few kilobytes
ANSWERS_EACH = 500  # answers one respondent may give (questions x people named)


def sealed_text(plan_id: str, survey_id: str, invite_id: str,
                answers: list[list[Any]]) -> str:
    """What the seal is made over, written the same way by the form's script
    (JSON.stringify of the array) and here: ids and whole numbers only."""
    return json.dumps([plan_id, survey_id, invite_id, answers], separators=(",", ":"),
                      ensure_ascii=True)


def seal(token: str, text: str) -> str:
    """HMAC-SHA256 of the text with the invitation's token: the answer
    file's seal (the form's script makes the same with SubtleCrypto)."""
    return hmac.new(token.encode("utf-8"), text.encode("utf-8"), hashlib.sha256).hexdigest()


# How often a person goes to whom they name: the answer's number is the tie's weight.
OFTEN = {1: N_("a few times a year"), 2: N_("monthly"), 3: N_("weekly"), 4: N_("daily")}
QUESTIONS = (N_("Who on the other team do you go to for customer insight?"),
             N_("Who on the other team do you go to for help with a deal?"),
             N_("Who on the other team do you go to for content?"))


class Refused(ValueError):
    """Answers not taken (a file, or what someone gave in the room), with the
    sentence that says why."""


def check_answers(source: str, questions: int, person: Person,
                  people: Mapping[str, Person], given: Any) -> list[list[Any]]:
    """A respondent's answers, each [question, person of the other team, how
    often], checked against the survey's questions and the plan's people;
    Refused with a sentence that starts with `source` (the file, or the
    person) and names where (`answers[3].person`). The form files and the
    room take answers through this one check."""
    if not isinstance(given, list) or len(given) > ANSWERS_EACH:
        raise Refused(_("{file}: its answers are not a list of at most {count}.").format(
            file=source, count=ANSWERS_EACH))
    other = Team.MARKETING if person.team is Team.SALES else Team.SALES
    pairs = set()
    for n, answer in enumerate(given):
        where = f"answers[{n}]"
        if (not isinstance(answer, list) or len(answer) != 3
                or not isinstance(answer[0], int) or isinstance(answer[0], bool)
                or not isinstance(answer[1], str) or not isinstance(answer[2], int)
                or isinstance(answer[2], bool)):
            raise Refused(_("{file}: {where} is not [question, person, how often].").format(
                file=source, where=where))
        question, named_id, often = answer
        if not 0 <= question < questions:
            raise Refused(_("{file}: {where}.question is {value}; the survey asks {count}.").format(
                file=source, where=where, value=question, count=questions))
        named = people.get(named_id)
        if named is None or named.team is not other:
            raise Refused(_("{file}: {where}.person is nobody of the other team.").format(
                file=source, where=where))
        if often not in OFTEN:
            raise Refused(_("{file}: {where}.often is {value}; it is 1 to 4.").format(
                file=source, where=where, value=often))
        if (question, named_id) in pairs:
            raise Refused(_("{file}: {where} names {name} a second time for one question.").format(
                file=source, where=where, name=named.name))
        pairs.add((question, named_id))
    return [list(a) for a in given]


@dataclass(frozen=True)
class Said:
    respondent: str   # person id: who answered
    named: str        # person id: whom they go to
    question: int     # index into the survey's questions
    often: int        # 1 to 4 (OFTEN)


def latest_survey(reader: PlanReader) -> Survey | None:
    surveys = reader.rows(Survey)
    return max(surveys, key=lambda s: (s.opened_on, s.created_at, s.id), default=None)


def questions_of(survey: Survey) -> list[str]:
    return [q.strip() for q in survey.questions.splitlines() if q.strip()]


def answers(reader: PlanReader, survey: Survey | None = None) -> list[Said]:
    """Every answer of a survey (the latest when not named) between people of
    the plan's two teams."""
    survey = survey or latest_survey(reader)
    if survey is None:
        return []
    people = {p.id: p for p in reader.rows(Person)}
    return [Said(a.respondent_id, a.names_id, a.question, a.often)
            for a in reader.rows(SurveyAnswer)
            if a.survey_id == survey.id and a.respondent_id in people
            and a.names_id in people and a.respondent_id != a.names_id]


@dataclass(frozen=True)
class Response:
    invited: int
    answered: int

    @property
    def rate(self) -> float:
        return self.answered / self.invited if self.invited else 0.0


def response(reader: PlanReader, survey: Survey | None = None) -> Response:
    survey = survey or latest_survey(reader)
    if survey is None:
        return Response(0, 0)
    invites = [i for i in reader.rows(SurveyInvite) if i.survey_id == survey.id]
    return Response(len(invites), sum(1 for i in invites if i.answered_at is not None))


def survey_weights(said: Sequence[Said]) -> dict[tuple[str, str], float]:
    """Undirected weights for the network's measures: each answer adds how
    often (1-4) to the pair, whichever of the two said it."""
    out: dict[tuple[str, str], float] = {}
    for s in said:
        pair = (min(s.respondent, s.named), max(s.respondent, s.named))
        out[pair] = out.get(pair, 0.0) + float(s.often)
    return out


def named_counts(said: Sequence[Said]) -> dict[str, int]:
    """How many people name each person (the aggregate everyone may see)."""
    out: dict[str, set[str]] = {}
    for s in said:
        out.setdefault(s.named, set()).add(s.respondent)
    return {p: len(who) for p, who in out.items()}


def survey_findings(reader: PlanReader) -> list[Finding]:
    """People of the two teams whom no answer ties to the other team (named
    by nobody of it, naming nobody of it), once a survey has answers."""
    said = answers(reader)
    if not said:
        return []
    people = {p.id: p for p in reader.rows(Person) if not p.left_plan
              and p.team in (Team.SALES, Team.MARKETING)}
    crossed: set[str] = set()
    for s in said:
        a, b = people.get(s.respondent), people.get(s.named)
        if a is not None and b is not None and a.team is not b.team:
            crossed.update((s.respondent, s.named))
    return [Finding("network", p, _("{name} has no tie to the other team by the survey (nobody "
                                    "of it names them, and they name nobody of it).").format(
                                        name=people[p].name))
            for p in sorted((p for p in people if p not in crossed),
                            key=lambda p: (people[p].name.casefold(), p))]
