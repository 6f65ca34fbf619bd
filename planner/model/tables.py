"""The plan's rows declared as SQLModel tables: the schema the migrations build
(a test compares them column by column) and the JSON Schema of the plan format.

Nothing on a read or edit path imports this module (sqlmodel takes half a
second to import): rows travel as the records of planner.model.records, which
tests keep identical to these classes, field by field.
"""

from datetime import date, datetime, timezone
from typing import Any

from sqlalchemy import Column, ForeignKey, Index, String, Table
from sqlalchemy.engine import Dialect
from sqlalchemy.types import TypeDecorator
from sqlmodel import Field, SQLModel

from planner.model.enums import (
    Access,
    Cadence,
    CrmKind,
    Currency,
    Language,
    EngagedTeam,
    GoalStatus,
    MetricDirection,
    PlanStatus,
    RideDirection,
    RideStatus,
    ServiceClock,
    Team,
)
from planner.model.types import new_id, utc_now


class UtcDateTime(TypeDecorator[datetime]):
    """Aware UTC datetimes as sortable ISO text; naive input is refused."""

    impl = String(32)
    cache_ok = True

    def process_bind_param(self, value: Any, dialect: Dialect) -> str | None:
        if value is None:
            return None
        if not isinstance(value, datetime) or value.tzinfo is None:
            raise ValueError("timestamps must be timezone-aware")
        return value.astimezone(timezone.utc).isoformat(timespec="microseconds")

    def process_result_value(self, value: Any, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return datetime.fromisoformat(str(value))


def _ref(table: str, *, nullable: bool = True, cascade: bool = False) -> Any:
    """A foreign key to another row's UUID; owners become NULL when deleted."""
    action = "CASCADE" if cascade else "SET NULL"
    return Field(
        default=None,
        sa_column=Column(String(36), ForeignKey(f"{table}.id", ondelete=action),
                         nullable=nullable, index=True),
    )


class Row(SQLModel):
    """Columns every row shares, so two plan files can later be merged."""

    id: str = Field(default_factory=new_id, primary_key=True, max_length=36)
    created_at: datetime = Field(default_factory=utc_now, sa_type=UtcDateTime)
    updated_at: datetime = Field(default_factory=utc_now, sa_type=UtcDateTime)


class Plan(Row, table=True):
    __tablename__ = "plan"

    title: str
    company: str = ""
    period_start: date
    period_end: date
    purpose: str = ""
    status: PlanStatus = PlanStatus.DRAFT
    head_of_sales_id: str | None = _ref("person")
    head_of_marketing_id: str | None = _ref("person")
    # Schema 2: field-ride targets. None means "no target set".
    exclude_weekends: bool = Field(default=True, sa_column_kwargs={"server_default": "1"})
    marketing_days_per_quarter: int | None = Field(default=None, ge=0, le=92)
    sales_days_per_half: int | None = Field(default=None, ge=0, le=184)
    max_direction_ratio: float | None = Field(default=None, ge=1, le=100)
    # Schema 3: working back from revenue.
    revenue_target: float | None = Field(default=None, ge=0)
    average_deal_size: float | None = Field(default=None, gt=0)
    # The two teams rise or fall together: every metric and goal counts for both.
    shared_rewards: bool = Field(default=True, sa_column_kwargs={"server_default": "1"})
    # Schema 11: check-ins due every this many days; the plan this one came from.
    checkin_days: int = Field(default=14, ge=1, le=366,
                              sa_column_kwargs={"server_default": "14"})
    carried_from: str = Field(default="", sa_column_kwargs={"server_default": ""})
    # Schema 13: the language of its PDF; the currency of its amounts.
    language: Language = Field(default=Language.DEFAULT,
                               sa_column_kwargs={"server_default": "DEFAULT"})
    currency: Currency = Field(default=Currency.NONE, sa_column_kwargs={"server_default": "NONE"})
    # Schema 15: the other team's people at each team's trainings, a quarter.
    training_seats_per_quarter: int | None = Field(default=None, ge=0, le=10_000)


class Person(Row, table=True):
    __tablename__ = "person"

    name: str
    team: Team
    role: str = ""
    territory: str = ""
    email: str = ""
    # Schema 5: someone who left keeps their name on what they signed and owned.
    left_plan: bool = Field(default=False, sa_column_kwargs={"server_default": "0"})
    # Schema 10: what they may do, and whether they sign in their head's stead.
    access: Access = Field(default=Access.EDITOR, sa_column_kwargs={"server_default": "EDITOR"})
    delegate: bool = Field(default=False, sa_column_kwargs={"server_default": "0"})


class Goal(Row, table=True):
    __tablename__ = "goal"

    title: str
    description: str = ""
    success_measure: str = ""
    due_date: date | None = None
    status: GoalStatus = GoalStatus.PROPOSED
    proposed_by: Team = Team.SALES
    sales_owner_id: str | None = _ref("person")
    marketing_owner_id: str | None = _ref("person")
    sales_signed_by_id: str | None = _ref("person")
    sales_signed_at: datetime | None = Field(default=None, sa_type=UtcDateTime)
    marketing_signed_by_id: str | None = _ref("person")
    marketing_signed_at: datetime | None = Field(default=None, sa_type=UtcDateTime)
    shared_reward: str = ""
    position: int = 0
    # Schema 5: the wording each side signed (JSON, see planner.rules.signoff);
    # a goal is agreed only while both equal its wording.
    sales_signed_wording: str | None = None
    marketing_signed_wording: str | None = None


class FieldRide(Row, table=True):
    __tablename__ = "field_ride"

    direction: RideDirection
    visitor_id: str | None = _ref("person")
    host_id: str | None = _ref("person")
    first_day: date
    last_day: date
    territory: str = ""
    accounts: str = ""
    objective: str = ""
    status: RideStatus = RideStatus.PLANNED
    debrief: str = ""
    # Schema 2: the parts of a debrief.
    customers_asked: str = Field(default="", sa_column_kwargs={"server_default": ""})
    marketing_changes: str = Field(default="", sa_column_kwargs={"server_default": ""})
    sales_changes: str = Field(default="", sa_column_kwargs={"server_default": ""})


class FunnelStage(Row, table=True):
    __tablename__ = "funnel_stage"

    name: str
    position: int = 0
    engaged_team: EngagedTeam = EngagedTeam.BOTH
    entry_definition: str = ""
    handoff_service_level: str = ""  # what the next stage's team promises
    # Schema 3: the other direction, and what happens to leads sent back.
    return_service_level: str = Field(default="", sa_column_kwargs={"server_default": ""})
    send_back_reasons: str = Field(default="", sa_column_kwargs={"server_default": ""})
    conversion_rate: float | None = Field(default=None, gt=0, le=1)  # share reaching the next
    # Schema 12: the handoff's promise as a value (an amount and its clock).
    sla_amount: float | None = Field(default=None, gt=0, le=10000)
    sla_clock: ServiceClock | None = None


class Metric(Row, table=True):
    __tablename__ = "metric"

    name: str
    definition: str = ""
    unit: str = ""
    direction: MetricDirection = MetricDirection.HIGHER_IS_BETTER
    funnel_stage_id: str | None = _ref("funnel_stage")
    baseline: float | None = None
    target: float | None = None
    cadence: Cadence = Cadence.MONTHLY
    # Schema 3: which team reports it (both: the teams rise or fall together).
    reported_by: EngagedTeam = Field(default=EngagedTeam.BOTH,
                                     sa_column_kwargs={"server_default": "BOTH"})
    # Schema 12: the CRM figure its actuals are computed from ("": typed).
    computed: str = Field(default="", sa_column_kwargs={"server_default": ""})


class MetricGoal(Row, table=True):
    """A goal measured by a metric (many to many)."""

    __tablename__ = "metric_goal"

    metric_id: str = _ref("metric", nullable=False, cascade=True)
    goal_id: str = _ref("goal", nullable=False, cascade=True)


class MetricValue(Row, table=True):
    __tablename__ = "metric_value"

    metric_id: str = _ref("metric", nullable=False, cascade=True)
    period: str  # "2026-01" for months, "2026-Q1" for quarters
    actual: float
    note: str = ""


class Message(Row, table=True):
    __tablename__ = "message"

    customer_problem: str
    value_message: str = ""
    proof_point: str = ""
    source: str = ""
    field_ride_id: str | None = _ref("field_ride")
    # Schema 8: the library both sides write; each side approves an exact
    # wording, as with goals (planner.rules.signoff).
    segment: str = Field(default="", sa_column_kwargs={"server_default": ""})
    funnel_stage_id: str | None = _ref("funnel_stage")
    review_id: str | None = _ref("review")
    owner_id: str | None = _ref("person")
    sales_signed_by_id: str | None = _ref("person")
    sales_signed_at: datetime | None = Field(default=None, sa_type=UtcDateTime)
    sales_signed_wording: str | None = None
    marketing_signed_by_id: str | None = _ref("person")
    marketing_signed_at: datetime | None = Field(default=None, sa_type=UtcDateTime)
    marketing_signed_wording: str | None = None


class HotButton(Row, table=True):
    """A customer problem heard on a ride, in the customer's own words."""

    __tablename__ = "hot_button"

    field_ride_id: str = _ref("field_ride", nullable=False, cascade=True)
    words: str
    message_id: str | None = _ref("message")  # the draft message it became


class NonWorkingDay(Row, table=True):
    """A day nobody rides (a holiday, a company event)."""

    __tablename__ = "non_working_day"

    day: date = Field(unique=True)
    occasion: str = ""


class ParkingTopic(Row, table=True):
    """A topic set aside in a workshop, to come back to."""

    __tablename__ = "parking_topic"

    topic: str
    done: bool = False


class Review(Row, table=True):
    __tablename__ = "review"

    held_on: date
    what_happened: str = ""
    what_we_learned: str = ""
    what_we_change: str = ""
    # Schema 8: the writer read the blameless flag and kept the wording.
    blame_flag_dismissed: bool = Field(default=False, sa_column_kwargs={"server_default": "0"})


class ReviewLink(Row, table=True):
    """What a review is about: one goal, funnel stage or metric."""

    __tablename__ = "review_link"

    review_id: str = _ref("review", nullable=False, cascade=True)
    goal_id: str | None = _ref("goal", cascade=True)
    funnel_stage_id: str | None = _ref("funnel_stage", cascade=True)
    metric_id: str | None = _ref("metric", cascade=True)


class ReviewAction(Row, table=True):
    """What we change, as a task: an owner and a due date."""

    __tablename__ = "review_action"

    review_id: str = _ref("review", nullable=False, cascade=True)
    action: str
    owner_id: str | None = _ref("person")
    due_date: date | None = None
    done: bool = False


class CheckIn(Row, table=True):
    """How far a goal is and how sure its owners are, on a day (schema 11)."""

    __tablename__ = "check_in"
    # A goal's check-ins in the order they are shown (schema 14): the window's
    # "latest two of every goal" is read from this index alone.
    __table_args__ = (Index("ix_check_in_goal_id_checked_on", "goal_id", "checked_on",
                            "created_at", "id"),)

    goal_id: str = Field(default=None, sa_column=Column(
        String(36), ForeignKey("goal.id", ondelete="CASCADE"), nullable=False))
    checked_on: date
    progress: float = Field(ge=0)
    confidence: int = Field(ge=1, le=10)
    in_percent: bool = True
    note: str = ""
    author_id: str | None = _ref("person")


class CrmImport(Row, table=True):
    """A CRM export taken into the plan (schema 12); its rows are in crm_data."""

    __tablename__ = "crm_import"

    crm: str
    holds: CrmKind
    file_name: str
    rows: int = Field(default=0, ge=0, le=2_000_000)
    unread: int = Field(default=0, ge=0)
    mapping: str = ""
    imported_by_id: str | None = _ref("person")


class Training(Row, table=True):
    """A training session planned like a ride (schema 15)."""

    __tablename__ = "training"

    title: str
    first_day: date
    last_day: date
    run_by: Team = Team.SALES
    methodology: str = ""
    trainer: str = ""
    status: RideStatus = RideStatus.PLANNED
    note: str = ""


class TrainingSeat(Row, table=True):
    """A person down to attend a training, and whether they did (schema 15)."""

    __tablename__ = "training_seat"

    training_id: str = _ref("training", nullable=False, cascade=True)
    person_id: str = _ref("person", nullable=False, cascade=True)
    attended: bool = False


class Survey(Row, table=True):
    """A network survey (schema 15): its questions, one a line."""

    __tablename__ = "survey"

    title: str
    questions: str
    opened_on: date
    shows_people: bool = False


class SurveyInvite(Row, table=True):
    """One person asked, with their form's one-time token (schema 15)."""

    __tablename__ = "survey_invite"

    survey_id: str = _ref("survey", nullable=False, cascade=True)
    person_id: str = _ref("person", nullable=False, cascade=True)
    token: str
    answered_at: datetime | None = Field(default=None, sa_type=UtcDateTime)


class SurveyAnswer(Row, table=True):
    """Whom a respondent goes to on the other team, for a question, how often (schema 15)."""

    __tablename__ = "survey_answer"

    survey_id: str = _ref("survey", nullable=False, cascade=True)
    respondent_id: str = _ref("person", nullable=False, cascade=True)
    question: int = Field(ge=0, le=9)
    names_id: str = _ref("person", nullable=False, cascade=True)
    often: int = Field(default=1, ge=1, le=4)


def table_of(entity: type[Row]) -> Table:
    """The SQLAlchemy table behind an entity."""
    return entity.__table__  # type: ignore[attr-defined,no-any-return]


def table_name(entity: type[Row]) -> str:
    return table_of(entity).name


# In the order of planner.model.records.KINDS.
ENTITIES: tuple[type[Row], ...] = (
    Person, Plan, Goal, FieldRide, FunnelStage, Metric, MetricGoal, MetricValue,
    Message, HotButton, NonWorkingDay, ParkingTopic, Review, ReviewLink, ReviewAction,
    CheckIn, CrmImport, Training, TrainingSeat, Survey, SurveyInvite, SurveyAnswer,
)
BY_TABLE: dict[str, type[Row]] = {table_name(e): e for e in ENTITIES}
