"""How records live in SQLite: table names, columns, stored forms, foreign keys.

The only place above the migrations where table and column names are text.
A row is read straight into its record (no ORM on the read path): enums are
stored by name, dates as ISO text, times as ISO UTC text to the microsecond,
booleans as 0 and 1.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timezone
from enum import Enum
from typing import Any

from planner.model import (
    FieldRide, FunnelStage, Goal, HotButton, Message, Metric, MetricGoal, MetricValue,
    NonWorkingDay, ParkingTopic, Person, Plan, Record, Review, ReviewAction, ReviewLink, CheckIn,
    CrmImport, Survey, SurveyAnswer, SurveyInvite, Training, TrainingSeat)
from planner.model.records import KINDS
from planner.model.validation import field_types

CASCADE, SET_NULL = "CASCADE", "SET NULL"


@dataclass(frozen=True)
class ForeignKey:
    child: type[Record]
    column: str
    parent: type[Record]
    on_delete: str  # CASCADE or SET NULL


FOREIGN_KEYS = (
    ForeignKey(Plan, "head_of_sales_id", Person, SET_NULL),
    ForeignKey(Plan, "head_of_marketing_id", Person, SET_NULL),
    ForeignKey(Goal, "sales_owner_id", Person, SET_NULL),
    ForeignKey(Goal, "marketing_owner_id", Person, SET_NULL),
    ForeignKey(Goal, "sales_signed_by_id", Person, SET_NULL),
    ForeignKey(Goal, "marketing_signed_by_id", Person, SET_NULL),
    ForeignKey(FieldRide, "visitor_id", Person, SET_NULL),
    ForeignKey(FieldRide, "host_id", Person, SET_NULL),
    ForeignKey(Metric, "funnel_stage_id", FunnelStage, SET_NULL),
    ForeignKey(MetricGoal, "metric_id", Metric, CASCADE),
    ForeignKey(MetricGoal, "goal_id", Goal, CASCADE),
    ForeignKey(MetricValue, "metric_id", Metric, CASCADE),
    ForeignKey(Message, "field_ride_id", FieldRide, SET_NULL),
    ForeignKey(Message, "funnel_stage_id", FunnelStage, SET_NULL),
    ForeignKey(Message, "review_id", Review, SET_NULL),
    ForeignKey(Message, "owner_id", Person, SET_NULL),
    ForeignKey(Message, "sales_signed_by_id", Person, SET_NULL),
    ForeignKey(Message, "marketing_signed_by_id", Person, SET_NULL),
    ForeignKey(HotButton, "field_ride_id", FieldRide, CASCADE),
    ForeignKey(HotButton, "message_id", Message, SET_NULL),
    ForeignKey(ReviewLink, "review_id", Review, CASCADE),
    ForeignKey(ReviewLink, "goal_id", Goal, CASCADE),
    ForeignKey(ReviewLink, "funnel_stage_id", FunnelStage, CASCADE),
    ForeignKey(ReviewLink, "metric_id", Metric, CASCADE),
    ForeignKey(ReviewAction, "review_id", Review, CASCADE),
    ForeignKey(ReviewAction, "owner_id", Person, SET_NULL),
    ForeignKey(CheckIn, "goal_id", Goal, CASCADE),
    ForeignKey(CheckIn, "author_id", Person, SET_NULL),
    ForeignKey(CrmImport, "imported_by_id", Person, SET_NULL),
    ForeignKey(TrainingSeat, "training_id", Training, CASCADE),
    ForeignKey(TrainingSeat, "person_id", Person, CASCADE),
    ForeignKey(SurveyInvite, "survey_id", Survey, CASCADE),
    ForeignKey(SurveyInvite, "person_id", Person, CASCADE),
    ForeignKey(SurveyAnswer, "survey_id", Survey, CASCADE),
    ForeignKey(SurveyAnswer, "respondent_id", Person, CASCADE),
    ForeignKey(SurveyAnswer, "names_id", Person, CASCADE),
)

TABLE_NAMES: dict[type[Record], str] = {
    Plan: "plan", Person: "person", Goal: "goal", FieldRide: "field_ride",
    FunnelStage: "funnel_stage", Metric: "metric", MetricGoal: "metric_goal",
    MetricValue: "metric_value", Message: "message", HotButton: "hot_button",
    NonWorkingDay: "non_working_day", ParkingTopic: "parking_topic", Review: "review",
    ReviewLink: "review_link", ReviewAction: "review_action", CheckIn: "check_in",
    CrmImport: "crm_import", Training: "training", TrainingSeat: "training_seat",
    Survey: "survey", SurveyInvite: "survey_invite", SurveyAnswer: "survey_answer"}

def stored_time(moment: datetime) -> str:
    return moment.astimezone(timezone.utc).isoformat(timespec="microseconds")


class Table:
    """One kind of record as a table: how a row is read and written (each
    compiled when first used: a plan opened on one section reads few kinds)."""

    __slots__ = ("kind", "name", "columns", "_read", "_write")

    def __init__(self, kind: type[Record], name: str, columns: tuple[str, ...]) -> None:
        self.kind, self.name, self.columns = kind, name, columns
        self._read: Callable[[tuple[Any, ...]], Record] | None = None
        self._write: Callable[[Record], tuple[Any, ...]] | None = None

    @property
    def read(self) -> Callable[[tuple[Any, ...]], Record]:
        if self._read is None:
            self._read = _reader(self.kind)
        return self._read

    @property
    def write(self) -> Callable[[Record], tuple[Any, ...]]:
        if self._write is None:
            self._write = _writer(self.kind)
        return self._write

    @property
    def select(self) -> str:
        return f'SELECT {", ".join(self.columns)} FROM "{self.name}"'

    @property
    def insert(self) -> str:
        marks = ", ".join("?" * len(self.columns))
        return f'INSERT INTO "{self.name}" ({", ".join(self.columns)}) VALUES ({marks})'

    @property
    def delete(self) -> str:
        return f'DELETE FROM "{self.name}" WHERE id = ?'

    def update(self, columns: tuple[str, ...]) -> str:
        sets = ", ".join(f"{c} = ?" for c in columns)
        return f'UPDATE "{self.name}" SET {sets} WHERE id = ?'


def _reader(kind: type[Any]) -> Callable[[tuple[Any, ...]], Record]:
    """A function that turns a stored row into its record, compiled once per
    kind so reading 60,000 rides costs one call per row, not one per value."""
    names: dict[str, Any] = {"_new": tuple.__new__, "_kind": kind, "_date": date.fromisoformat,
                             "_time": datetime.fromisoformat}
    parts = []
    for n, (field, (base, optional)) in enumerate(field_types(kind).items()):
        if base is date:
            expr = f"_date(r[{n}])"
        elif base is datetime:
            expr = f"_time(r[{n}])"
        elif base is bool:
            expr = f"r[{n}] == 1"
        elif isinstance(base, type) and issubclass(base, Enum):
            names[f"_enum{n}"] = base.__members__
            expr = f"_enum{n}[r[{n}]]"
        else:
            expr = f"r[{n}]"
        if optional and expr != f"r[{n}]":
            expr = f"(None if r[{n}] is None else {expr})"
        parts.append(expr)
    source = f"def read(r):\n    return _new(_kind, ({', '.join(parts)},))\n"
    exec(compile(source, f"<read {kind.__name__}>", "exec"), names)  # noqa: S102
    return names["read"]  # type: ignore[no-any-return]


def stored(value: Any) -> Any:
    """A value as SQLite holds it."""
    if isinstance(value, Enum):
        return value.name
    if isinstance(value, datetime):
        return stored_time(value)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, bool):
        return int(value)
    return value


def _writer(kind: type[Any]) -> Callable[[Record], tuple[Any, ...]]:
    """A function that turns a record into its stored values, compiled once per
    kind (a bulk import writes 100,000 rows through it)."""
    names: dict[str, Any] = {"_time": stored_time}
    parts = []
    for n, (field, (base, optional)) in enumerate(field_types(kind).items()):
        if base is date:
            expr = f"r[{n}].isoformat()"
        elif base is datetime:
            expr = f"_time(r[{n}])"
        elif base is bool:
            expr = f"int(r[{n}])"
        elif isinstance(base, type) and issubclass(base, Enum):
            expr = f"r[{n}].name"
        else:
            expr = f"r[{n}]"
        if optional and expr != f"r[{n}]":
            expr = f"(None if r[{n}] is None else {expr})"
        parts.append(expr)
    source = f"def write(r):\n    return ({', '.join(parts)},)\n"
    exec(compile(source, f"<write {kind.__name__}>", "exec"), names)  # noqa: S102
    return names["write"]  # type: ignore[no-any-return]


TABLES: dict[type[Record], Table] = {
    kind: Table(kind, TABLE_NAMES[kind], kind._fields) for kind in KINDS}
