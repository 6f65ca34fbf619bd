"""The network survey (issue 30): open one (its questions, an invitation
with a one-time token for everyone of the two teams), choose whether the
heads show who named whom, close it."""

import secrets
from datetime import date

from planner.changes import ChangeSet, added, changed
from planner.errors import InvalidEdit
from planner.i18n import _
from planner.model import Person, Survey, SurveyInvite
from planner.model.enums import Team
from planner.model.reader import PlanReader
from planner.operations.rows import new, quoted
from planner.rules.survey import QUESTIONS

QUESTIONS_MAX = 10


def open_survey(reader: PlanReader, today: date, title: str = "",
                questions: list[str] | None = None) -> tuple[ChangeSet, Survey]:
    """A survey of everyone in the two teams (who has not left the plan)."""
    asked = [" ".join(q.split()) for q in (questions if questions else
                                           [_(q) for q in QUESTIONS])]
    asked = [q for q in asked if q]
    if not asked:
        raise InvalidEdit(_("A survey asks at least one question."))
    if len(asked) > QUESTIONS_MAX:
        raise InvalidEdit(_("A survey asks at most {count} questions.").format(
            count=QUESTIONS_MAX))
    if any(len(q) > 300 for q in asked):
        raise InvalidEdit(_("A question is at most 300 characters."))
    people = [p for p in reader.rows(Person) if not p.left_plan
              and p.team in (Team.SALES, Team.MARKETING)]
    if not any(p.team is Team.SALES for p in people) or not any(
            p.team is Team.MARKETING for p in people):
        raise InvalidEdit(_("A network survey needs people in both teams."))
    survey = new(Survey, title=title.strip() or _("Who do you go to across the teams?"),
                 questions="\n".join(asked), opened_on=today)
    invites = [new(SurveyInvite, survey_id=survey.id, person_id=p.id,
                   token=secrets.token_urlsafe(24)) for p in people]
    return ChangeSet(_("Open the survey {title}").format(title=quoted(survey.title)),
                     (added(survey), *(added(i) for i in invites))), survey


def show_people(survey: Survey, shown: bool) -> ChangeSet:
    """Whether the plan shows who named whom (the heads' choice), or totals only."""
    label = (_("Show who named whom in {title}") if shown
             else _("Show only totals of {title}")).format(title=quoted(survey.title))
    return ChangeSet(label, (changed(survey, survey._replace(shows_people=shown)),)
                     if survey.shows_people != shown else ())


def survey_to_send(reader: PlanReader, today: date, questions: list[str] | None = None,
                   new_one: bool = False) -> tuple[ChangeSet, Survey]:
    """The survey whose forms go out: the latest, or a new one (when there is
    none, when asked, or when other questions are given) with the change set
    that opens it (empty when the latest is used). The window's "Write survey
    forms" and `tandem survey --out` both ask this."""
    from planner.rules.survey import latest_survey

    latest = latest_survey(reader)
    if latest is not None and not new_one and not questions:
        return ChangeSet(_("Write survey forms")), latest
    return open_survey(reader, today, questions=questions)
