"""Answer files of the network survey read back in (issue 30): the one flow
`tandem survey --collect` and the window share. Each file is checked whole
before anything is taken: its form, this plan and survey, an invitation of
this survey, the seal made with that invitation's one-time token (an answer
made for someone else, or changed on the way, has none that fits), not
answered before (nor twice in one collection), and every answer naming a
question and a person of the other team. A refused file changes nothing and
gets one sentence that says where (`answers[3].person`)."""

import hmac
import json
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from planner.changes import ChangeSet, added, changed
from planner.i18n import _, ngettext
from planner.model import Person, Survey, SurveyAnswer, SurveyInvite
from planner.model.enums import Team
from planner.model.reader import PlanReader
from planner.model.types import new_ids, utc_now
from planner.rules.survey import (
    ANSWERS_MAX, FORMAT, OFTEN, VERSION, questions_of, seal, sealed_text)

ANSWERS_EACH = 500  # answers one file may hold (questions x people named)


class Refused(ValueError):
    """An answer file not taken, with the sentence that says why."""


@dataclass(frozen=True)
class Collected:
    change: ChangeSet                 # the answers taken, one change set
    taken: list[tuple[Path, str]]     # file, whose answers
    refused: list[tuple[Path, str]]   # file, why


def _read(path: Path) -> dict[str, Any]:
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise Refused(_("{file} cannot be read ({reason}).").format(
            file=path.name, reason=exc.strerror or exc)) from None
    if size > ANSWERS_MAX:
        raise Refused(_("{file} is {size} KB; an answer file is a few KB: it is not one.").format(
            file=path.name, size=size // 1024))
    try:
        doc = json.loads(path.read_bytes().decode("utf-8-sig"))
    except (OSError, UnicodeDecodeError, ValueError):
        raise Refused(_("{file} is not an answer file of a Tandem survey (not JSON).").format(
            file=path.name)) from None
    if not isinstance(doc, dict) or doc.get("format") != FORMAT:
        raise Refused(_("{file} is not an answer file of a Tandem survey.").format(
            file=path.name))
    if doc.get("version") != VERSION:
        raise Refused(_("{file} was written by a newer or older survey form (version {version}); "
                        "ask for a new form.").format(file=path.name,
                                                     version=str(doc.get("version"))[:20]))
    return doc


def check_file(reader: PlanReader, path: Path, seen: set[str]) -> tuple[SurveyInvite, list[Any]]:
    """The invitation an answer file answers and its answers, or Refused."""
    doc = _read(path)
    plan = reader.plan()
    for key in ("plan", "survey", "invite", "seal"):
        if not isinstance(doc.get(key), str) or not doc[key] or len(doc[key]) > 64:
            raise Refused(_("{file}: its {key} is missing or not an id.").format(file=path.name,
                                                                                key=key))
    if doc["plan"] != plan.id:
        raise Refused(_("{file} answers another plan's survey, not this one's.").format(
            file=path.name))
    survey = reader.get(Survey, doc["survey"])
    if survey is None:
        raise Refused(_("{file} answers a survey this plan does not have.").format(
            file=path.name))
    invite = reader.get(SurveyInvite, doc["invite"])
    if invite is None or invite.survey_id != survey.id:
        raise Refused(_("{file} answers an invitation this survey never sent.").format(
            file=path.name))
    answers = doc.get("answers")
    if not isinstance(answers, list) or len(answers) > ANSWERS_EACH:
        raise Refused(_("{file}: its answers are not a list of at most {count}.").format(
            file=path.name, count=ANSWERS_EACH))
    expected = seal(invite.token, sealed_text(plan.id, survey.id, invite.id, answers))
    if not hmac.compare_digest(expected, doc["seal"]):
        raise Refused(_("{file} does not carry its form's seal: it was made for someone else, "
                        "or changed after it was saved.").format(file=path.name))
    person = reader.get(Person, invite.person_id)
    if person is None:
        raise Refused(_("{file}: the person it was sent to is no longer in the plan.").format(
            file=path.name))
    if invite.answered_at is not None or invite.id in seen:
        raise Refused(_("{file}: {name} has answered this survey already; a form answers "
                        "once.").format(file=path.name, name=person.name))
    questions = questions_of(survey)
    other = Team.MARKETING if person.team is Team.SALES else Team.SALES
    pairs = set()
    for n, answer in enumerate(answers):
        where = f"answers[{n}]"
        if (not isinstance(answer, list) or len(answer) != 3
                or not isinstance(answer[0], int) or isinstance(answer[0], bool)
                or not isinstance(answer[1], str) or not isinstance(answer[2], int)
                or isinstance(answer[2], bool)):
            raise Refused(_("{file}: {where} is not [question, person, how often].").format(
                file=path.name, where=where))
        question, named_id, often = answer
        if not 0 <= question < len(questions):
            raise Refused(_("{file}: {where}.question is {value}; the survey asks {count}.").format(
                file=path.name, where=where, value=question, count=len(questions)))
        named = reader.get(Person, named_id)
        if named is None or named.team is not other:
            raise Refused(_("{file}: {where}.person is nobody of the other team.").format(
                file=path.name, where=where))
        if often not in OFTEN:
            raise Refused(_("{file}: {where}.often is {value}; it is 1 to 4.").format(
                file=path.name, where=where, value=often))
        if (question, named_id) in pairs:
            raise Refused(_("{file}: {where} names {name} a second time for one question.").format(
                file=path.name, where=where, name=named.name))
        pairs.add((question, named_id))
    return invite, answers


def collect(reader: PlanReader, files: list[Path], now: datetime | None = None) -> Collected:
    """Every file checked; the good ones' answers as one change set (each
    invitation marked answered), the others refused with their sentence."""
    at = now or utc_now()
    rows: list[Any] = []
    taken, refused = [], []
    seen: set[str] = set()
    for path in files:
        try:
            invite, answers = check_file(reader, Path(path), seen)
        except Refused as why:
            refused.append((Path(path), str(why)))
            continue
        seen.add(invite.id)
        person = reader.get(Person, invite.person_id)
        rows.append(changed(invite, invite._replace(answered_at=at)))
        ids = new_ids(len(answers))
        rows += [added(SurveyAnswer(i, at, at, invite.survey_id, invite.person_id, q, p, o))
                 for i, (q, p, o) in zip(ids, answers, strict=True)]
        taken.append((Path(path), person.name if person else "?"))
    label = ngettext("Take in {count} survey answer", "Take in {count} survey answers",
                     len(taken)).format(count=len(taken))
    return Collected(ChangeSet(label, tuple(rows)), taken, refused)
