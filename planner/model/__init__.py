"""The plan's rows as typed records, their vocabularies and their validation.

`planner.model.tables` declares the same rows for SQLModel (schema, JSON
Schema) and is imported only where those are needed.
"""

from planner.model.records import (
    KINDS,
    CheckIn,
    CrmImport,
    FieldRide,
    FunnelStage,
    Goal,
    HotButton,
    Message,
    Metric,
    MetricGoal,
    MetricValue,
    NonWorkingDay,
    ParkingTopic,
    Person,
    Plan,
    R,
    Record,
    Review,
    ReviewAction,
    ReviewLink,
    Survey,
    SurveyAnswer,
    SurveyInvite,
    Training,
    TrainingSeat,
)
from planner.model.types import new_id, utc_now

__all__ = [
    "KINDS", "CheckIn", "CrmImport", "FieldRide", "FunnelStage", "Goal", "HotButton", "Message",
    "Metric", "MetricGoal", "MetricValue", "NonWorkingDay", "ParkingTopic", "Person", "Plan", "R",
    "Record", "Review", "ReviewAction", "ReviewLink", "Survey", "SurveyAnswer", "SurveyInvite", "Training",
    "TrainingSeat", "new_id",
    "utc_now",
]
