"""Each kind's own order: how its rows are listed wherever nobody chose another
(goals in the plan's order, rides by their first day, ...)."""

from collections.abc import Callable
from typing import Any

from planner.model.records import (
    CheckIn, CrmImport, FieldRide, FunnelStage, Goal, HotButton, Message, Metric, MetricGoal,
    MetricValue, NonWorkingDay, ParkingTopic, Person, Plan, Review, ReviewAction, ReviewLink,
    Survey, SurveyAnswer, SurveyInvite, Training, TrainingSeat)

ORDER: dict[type[Any], Callable[[Any], tuple[Any, ...]]] = {
    Plan: lambda r: (r.id,),
    Person: lambda r: (r.team.name, r.name, r.id),
    Goal: lambda r: (r.position, r.created_at, r.id),
    FieldRide: lambda r: (r.first_day, r.id),
    FunnelStage: lambda r: (r.position, r.id),
    Metric: lambda r: (r.name, r.id),
    MetricGoal: lambda r: (r.id,),
    MetricValue: lambda r: (r.period, r.metric_id, r.id),
    Message: lambda r: (r.created_at, r.id),
    HotButton: lambda r: (r.created_at, r.id),
    NonWorkingDay: lambda r: (r.day, r.id),
    ParkingTopic: lambda r: (r.created_at, r.id),
    Review: lambda r: (r.held_on, r.id),
    ReviewLink: lambda r: (r.review_id, r.created_at, r.id),
    ReviewAction: lambda r: (r.review_id, r.created_at, r.id),
    CheckIn: lambda r: (r.goal_id, r.checked_on, r.created_at, r.id),
    CrmImport: lambda r: (r.created_at, r.id),
    Training: lambda r: (r.first_day, r.id),
    TrainingSeat: lambda r: (r.training_id, r.created_at, r.id),
    Survey: lambda r: (r.opened_on, r.id),
    SurveyInvite: lambda r: (r.survey_id, r.id),
    SurveyAnswer: lambda r: (r.survey_id, r.respondent_id, r.question, r.names_id, r.id),
}


def order_key(kind: type[Any]) -> Callable[[Any], tuple[Any, ...]]:
    return ORDER[kind]
