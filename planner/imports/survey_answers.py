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
import os
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from planner.changes import ChangeSet, added, changed
from planner.i18n import _, ngettext
from planner.model import Person, Survey, SurveyAnswer, SurveyInvite
from planner.model.reader import PlanReader
from planner.model.types import new_ids, utc_now
from planner.rules.survey import (
    ANSWERS_EACH, ANSWERS_MAX, FORMAT, VERSION, Refused, check_answers, questions_of, seal,
    sealed_text)

__all__ = ["Collected", "Refused", "check_file", "collect", "from_room"]


@dataclass(frozen=True)
class Collected:
    change: ChangeSet                 # the answers taken, one change set
    taken: list[tuple[Path, str]]     # file, whose answers
    refused: list[tuple[Path, str]]   # file, why


def _read(path: Path) -> dict[str, Any]:
    try:  # one open and read: thousands of files are collected at once
        with open(path, "rb") as f:
            raw = f.read(ANSWERS_MAX + 1)
            size = os.fstat(f.fileno()).st_size if len(raw) > ANSWERS_MAX else len(raw)
    except OSError as exc:
        raise Refused(_("{file} cannot be read ({reason}).").format(
            file=path.name, reason=exc.strerror or exc)) from None
    if size > ANSWERS_MAX:
        raise Refused(_("{file} is {size} KB; an answer file is a few KB: it is not one.").format(
            file=path.name, size=size // 1024))
    try:
        doc = json.loads(raw.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError):
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


def check_file(reader: PlanReader, path: Path, seen: set[str],
               people: dict[str, Person] | None = None) -> tuple[SurveyInvite, list[Any]]:
    """The invitation an answer file answers and its answers, or Refused
    (`people` the plan's by id, when a collection has read them once)."""
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
    if not isinstance(answers, list) or len(answers) > ANSWERS_EACH:  # before the seal's work
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
    if people is None:
        people = {p.id: p for p in reader.rows(Person)}
    answers = check_answers(path.name, len(questions_of(survey)), person, people, answers)
    return invite, answers


def _answered(invite: SurveyInvite, answers: list[Any], at: datetime) -> list[Any]:
    """The invitation marked answered and its answers as rows."""
    ids = new_ids(len(answers))
    return [changed(invite, invite._replace(answered_at=at)),
            *(added(SurveyAnswer(i, at, at, invite.survey_id, invite.person_id, q, p, o))
              for i, (q, p, o) in zip(ids, answers, strict=True))]


def _label(count: int) -> str:
    return ngettext("Take in {count} survey answer", "Take in {count} survey answers",
                    count).format(count=count)


def collect(reader: PlanReader, files: list[Path], now: datetime | None = None) -> Collected:
    """Every file checked; the good ones' answers as one change set (each
    invitation marked answered), the others refused with their sentence."""
    at = now or utc_now()
    rows: list[Any] = []
    taken, refused = [], []
    seen: set[str] = set()
    people = {p.id: p for p in reader.rows(Person)}  # once, not once a file
    for path in files:
        try:
            invite, answers = check_file(reader, Path(path), seen, people)
        except Refused as why:
            refused.append((Path(path), str(why)))
            continue
        seen.add(invite.id)
        person = people.get(invite.person_id)
        rows += _answered(invite, answers, at)
        taken.append((Path(path), person.name if person else "?"))
    return Collected(ChangeSet(_label(len(taken)), tuple(rows)), taken, refused)


@dataclass(frozen=True)
class FromRoom:
    change: ChangeSet                 # the answers taken, one change set
    taken: list[str]                  # person ids whose answers were taken
    refused: list[tuple[str, str]]    # person id, why


def from_room(reader: PlanReader, survey_id: str, given: list[tuple[str, Any]],
              now: datetime | None = None) -> FromRoom:
    """Answers given in the workshop room (person id, answers), checked
    again against the plan as it is now (it may have changed since they were
    given: someone removed, a form answered meanwhile) by the check the
    files go through; the good ones as one change set, as `collect` makes."""
    at = now or utc_now()
    survey = reader.get(Survey, survey_id)
    invites = {i.person_id: i for i in reader.rows(SurveyInvite) if i.survey_id == survey_id}
    people = {p.id: p for p in reader.rows(Person)}
    rows: list[Any] = []
    taken: list[str] = []
    refused: list[tuple[str, str]] = []
    for person_id, answers in given:
        person, invite = people.get(person_id), invites.get(person_id)
        try:
            if survey is None:
                raise Refused(_("The survey these answers are for is no longer in the plan."))
            if person is None or invite is None:
                raise Refused(_("Answers from the room: their respondent is not asked by this "
                                "survey."))
            if invite.answered_at is not None or person_id in taken:
                raise Refused(_("{name} has answered this survey already.").format(
                    name=person.name))
            checked = check_answers(person.name, len(questions_of(survey)), person, people,
                                    answers)
        except Refused as why:
            refused.append((person_id, str(why)))
            continue
        rows += _answered(invite, checked, at)
        taken.append(person_id)
    return FromRoom(ChangeSet(_label(len(taken)), tuple(rows)), taken, refused)
