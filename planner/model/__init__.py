"""The plan's entities, their vocabularies and their validation."""

from planner.model.entities import (
    BY_TABLE,
    ENTITIES,
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
    Review,
    Row,
    new_id,
    table_name,
    table_of,
)
from planner.model.types import utc_now

__all__ = [
    "BY_TABLE", "ENTITIES", "FieldRide", "FunnelStage", "Goal", "HotButton", "Message",
    "Metric", "MetricGoal", "MetricValue", "NonWorkingDay", "ParkingTopic", "Person", "Plan", "Review", "Row",
    "new_id", "table_name", "table_of", "utc_now",
]
