"""The network survey as the room answers it (issue 30): the snapshot of the
plan's latest survey the window hands to the room, read on the window's
thread (the server's never reads the plan), and again at every change of
the survey, its invitations or the people."""

from planner.i18n import _
from planner.model import Person, SurveyInvite
from planner.model.reader import PlanReader
from planner.room.state import RoomSurvey
from planner.rules.survey import OFTEN, latest_survey, questions_of


def room_survey(reader: PlanReader) -> RoomSurvey | None:
    """The latest survey: its questions, who it asks (those still in the
    plan), who has answered, the words for how often; None without one."""
    survey = latest_survey(reader)
    if survey is None:
        return None
    invites = [i for i in reader.rows(SurveyInvite) if i.survey_id == survey.id]
    people = {p.id: p for p in reader.rows(Person)}
    asked = {i.person_id: people[i.person_id] for i in invites
             if i.person_id in people and not people[i.person_id].left_plan}
    return RoomSurvey(survey.id, tuple(questions_of(survey)), asked,
                      frozenset(i.person_id for i in invites if i.answered_at is not None),
                      tuple((n, _(words)) for n, words in OFTEN.items()))
