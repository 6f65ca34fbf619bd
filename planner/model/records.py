"""The plan's rows as typed, immutable records: what every layer reads and
what change sets carry.

Plain named tuples: a row read from the file becomes a record without
SQLModel or pydantic (half a second to import), and a change is a new record
made with `_replace`, never an edit in place. `planner.model.tables` declares
the same rows as SQLModel tables (the schema, the JSON Schema);
tests/unit/model/test_records.py keeps the two identical.
"""

from datetime import date, datetime
from typing import NamedTuple, TypeVar, Union

from planner.model.enums import (
    Access, Cadence, CrmKind, Currency, Language, EngagedTeam, GoalStatus, MetricDirection, PlanStatus,
    RideDirection, RideStatus, ServiceClock, Team)


class Plan(NamedTuple):
    id: str
    created_at: datetime
    updated_at: datetime
    title: str
    period_start: date
    period_end: date
    company: str = ""
    purpose: str = ""
    status: PlanStatus = PlanStatus.DRAFT
    head_of_sales_id: str | None = None
    head_of_marketing_id: str | None = None
    # Field-ride targets; None means "no target set".
    exclude_weekends: bool = True
    marketing_days_per_quarter: int | None = None
    sales_days_per_half: int | None = None
    max_direction_ratio: float | None = None
    # Working back from revenue.
    revenue_target: float | None = None
    average_deal_size: float | None = None
    # The two teams rise or fall together: every metric and goal counts for both.
    shared_rewards: bool = True
    # Schema 11: a goal not checked in for this many days is flagged; the
    # plan this one was started from (its title, period and id), if any.
    checkin_days: int = 14
    carried_from: str = ""
    # Schema 13: the language its PDF is written in (DEFAULT: the exporter's)
    # and the currency of its amounts (NONE: plain numbers).
    language: Language = Language.DEFAULT
    currency: Currency = Currency.NONE
    # Schema 15: people of the other team at each team's trainings, a quarter
    # (marketing at sales training, and sales at marketing training); None: no target.
    training_seats_per_quarter: int | None = None


class Person(NamedTuple):
    id: str
    created_at: datetime
    updated_at: datetime
    name: str
    team: Team
    role: str = ""
    territory: str = ""
    email: str = ""
    # Someone who left keeps their name on what they signed and owned.
    left_plan: bool = False
    # Schema 10: what they may do (the two heads are named by the plan), and
    # whether their team's head named them to sign off in the head's stead.
    access: Access = Access.EDITOR
    delegate: bool = False


class Goal(NamedTuple):
    id: str
    created_at: datetime
    updated_at: datetime
    title: str
    description: str = ""
    success_measure: str = ""
    due_date: date | None = None
    status: GoalStatus = GoalStatus.PROPOSED
    proposed_by: Team = Team.SALES
    sales_owner_id: str | None = None
    marketing_owner_id: str | None = None
    sales_signed_by_id: str | None = None
    sales_signed_at: datetime | None = None
    marketing_signed_by_id: str | None = None
    marketing_signed_at: datetime | None = None
    shared_reward: str = ""
    position: int = 0
    # The wording each side signed (JSON, see planner.rules.signoff).
    sales_signed_wording: str | None = None
    marketing_signed_wording: str | None = None


class FieldRide(NamedTuple):
    id: str
    created_at: datetime
    updated_at: datetime
    direction: RideDirection
    first_day: date
    last_day: date
    visitor_id: str | None = None
    host_id: str | None = None
    territory: str = ""
    accounts: str = ""
    objective: str = ""
    status: RideStatus = RideStatus.PLANNED
    debrief: str = ""
    customers_asked: str = ""
    marketing_changes: str = ""
    sales_changes: str = ""


class FunnelStage(NamedTuple):
    id: str
    created_at: datetime
    updated_at: datetime
    name: str
    position: int = 0
    engaged_team: EngagedTeam = EngagedTeam.BOTH
    entry_definition: str = ""
    handoff_service_level: str = ""   # what the next stage's team promises
    return_service_level: str = ""    # what happens to a lead sent back
    send_back_reasons: str = ""
    conversion_rate: float | None = None  # share reaching the next stage
    # The handoff's promise as a value (plan format 12): an amount and its clock.
    sla_amount: float | None = None
    sla_clock: ServiceClock | None = None


class Metric(NamedTuple):
    id: str
    created_at: datetime
    updated_at: datetime
    name: str
    definition: str = ""
    unit: str = ""
    direction: MetricDirection = MetricDirection.HIGHER_IS_BETTER
    funnel_stage_id: str | None = None
    baseline: float | None = None
    target: float | None = None
    cadence: Cadence = Cadence.MONTHLY
    reported_by: EngagedTeam = EngagedTeam.BOTH
    # Plan format 12: the figure of the CRM data its actuals are computed from
    # ("" when they are typed or imported as totals); then read-only.
    computed: str = ""


class MetricGoal(NamedTuple):
    """A goal measured by a metric (many to many)."""

    id: str
    created_at: datetime
    updated_at: datetime
    metric_id: str
    goal_id: str


class MetricValue(NamedTuple):
    id: str
    created_at: datetime
    updated_at: datetime
    metric_id: str
    period: str  # "2026-01" for months, "2026-Q1" for quarters
    actual: float
    note: str = ""


class Message(NamedTuple):
    id: str
    created_at: datetime
    updated_at: datetime
    customer_problem: str
    value_message: str = ""
    proof_point: str = ""
    source: str = ""
    field_ride_id: str | None = None  # heard on this ride
    segment: str = ""  # the segment or persona it speaks to
    funnel_stage_id: str | None = None  # where in the buying process it is used
    review_id: str | None = None  # came out of this review
    owner_id: str | None = None
    # Each side's approval of its exact wording, as with goals (rules/signoff.py).
    sales_signed_by_id: str | None = None
    sales_signed_at: datetime | None = None
    sales_signed_wording: str | None = None
    marketing_signed_by_id: str | None = None
    marketing_signed_at: datetime | None = None
    marketing_signed_wording: str | None = None


class HotButton(NamedTuple):
    """A customer problem heard on a ride, in the customer's own words."""

    id: str
    created_at: datetime
    updated_at: datetime
    field_ride_id: str
    words: str
    message_id: str | None = None  # the draft message it became


class NonWorkingDay(NamedTuple):
    """A day nobody rides (a holiday, a company event)."""

    id: str
    created_at: datetime
    updated_at: datetime
    day: date
    occasion: str = ""


class ParkingTopic(NamedTuple):
    """A topic set aside in a workshop, to come back to."""

    id: str
    created_at: datetime
    updated_at: datetime
    topic: str
    done: bool = False


class Review(NamedTuple):
    id: str
    created_at: datetime
    updated_at: datetime
    held_on: date
    what_happened: str = ""
    what_we_learned: str = ""
    what_we_change: str = ""
    # The writer read the blameless flag (a person of the plan is named) and
    # kept the wording.
    blame_flag_dismissed: bool = False


class ReviewLink(NamedTuple):
    """What a review is about: one goal, funnel stage or metric."""

    id: str
    created_at: datetime
    updated_at: datetime
    review_id: str
    goal_id: str | None = None
    funnel_stage_id: str | None = None
    metric_id: str | None = None


class ReviewAction(NamedTuple):
    """What we change, as a task: an owner and a due date (in the calendars)."""

    id: str
    created_at: datetime
    updated_at: datetime
    review_id: str
    action: str
    owner_id: str | None = None
    due_date: date | None = None
    done: bool = False


class CheckIn(NamedTuple):
    """How far a goal is and how sure its owners are that it will be met, on a day."""

    id: str
    created_at: datetime
    updated_at: datetime
    goal_id: str
    checked_on: date
    progress: float  # percent of the way (0 to 100), or the success measure's own number
    confidence: int  # 1 to 10 that the goal will be met
    in_percent: bool = True
    note: str = ""
    author_id: str | None = None


class CrmImport(NamedTuple):
    """One CRM export taken into the plan (plan format 12): which CRM and kind,
    the file, how many rows it gave and how many could not be read, the mapping
    it was read by (JSON) and who took it in. Its rows are kept beside it, as
    columns (`crm_data`), never in the history: undoing the import removes
    this row and the rows are no longer the plan's."""

    id: str
    created_at: datetime
    updated_at: datetime
    crm: str  # "salesforce", "hubspot" or the mapping's own name
    holds: CrmKind  # leads or deals
    file_name: str
    rows: int = 0
    unread: int = 0
    mapping: str = ""
    imported_by_id: str | None = None


class Training(NamedTuple):
    """A training session planned like a ride (plan format 15): one team's
    training (its methodology or topic) on a day or a few, which people of
    the other team attend too, so that the two teams learn one way of selling."""

    id: str
    created_at: datetime
    updated_at: datetime
    title: str
    first_day: date
    last_day: date
    run_by: Team = Team.SALES  # whose training it is: sales training, marketing training
    methodology: str = ""  # the methodology or topic taught
    trainer: str = ""
    status: RideStatus = RideStatus.PLANNED
    note: str = ""


class TrainingSeat(NamedTuple):
    """A person down to attend a training, and whether they did (plan format 15)."""

    id: str
    created_at: datetime
    updated_at: datetime
    training_id: str
    person_id: str
    attended: bool = False


class Survey(NamedTuple):
    """A network survey (plan format 15): whom people say they go to on the
    other team; its questions, one a line. Answers show as totals unless the
    heads chose to show people."""

    id: str
    created_at: datetime
    updated_at: datetime
    title: str
    questions: str
    opened_on: date
    shows_people: bool = False


class SurveyInvite(NamedTuple):
    """One person asked, with the one-time token their form seals answers
    with; when they answered (None: not yet)."""

    id: str
    created_at: datetime
    updated_at: datetime
    survey_id: str
    person_id: str
    token: str
    answered_at: datetime | None = None


class SurveyAnswer(NamedTuple):
    """One answer: the respondent goes to this person of the other team for
    this question, this often (1 a few times a year ... 4 daily)."""

    id: str
    created_at: datetime
    updated_at: datetime
    survey_id: str
    respondent_id: str
    question: int
    names_id: str
    often: int = 1


Record = Union[Plan, Person, Goal, FieldRide, FunnelStage, Metric, MetricGoal, MetricValue,
               Message, HotButton, NonWorkingDay, ParkingTopic, Review, ReviewLink,
               ReviewAction, CheckIn, CrmImport, Training, TrainingSeat, Survey, SurveyInvite,
               SurveyAnswer]
# One kind of record, whichever: `rows(Goal)` gives goals.
R = TypeVar("R", bound=Record)

# Every kind of row, in an order where a row refers only to kinds before it
# (the plan's two sponsors are people, so the plan comes after people).
KINDS: tuple[type[Record], ...] = (
    Person, Plan, Goal, FieldRide, FunnelStage, Metric, MetricGoal, MetricValue, Message,
    HotButton, NonWorkingDay, ParkingTopic, Review, ReviewLink, ReviewAction, CheckIn,
    CrmImport, Training, TrainingSeat, Survey, SurveyInvite, SurveyAnswer)

# Rows that mean the same thing whatever their ids: a plan holds one row per
# key (a day off per date, an actual per metric and period, a link per pair, a
# person per email when they have one). Commits refuse a second, `check`
# reports one another program wrote, diff calls a row with the same key a
# change, and a merge takes the two sides' rows of one key as one row.
NATURAL_KEYS: dict[type[Record], tuple[str, ...]] = {
    Person: ("email",),
    MetricGoal: ("metric_id", "goal_id"),
    MetricValue: ("metric_id", "period"),
    NonWorkingDay: ("day",),
    ReviewLink: ("review_id", "goal_id", "funnel_stage_id", "metric_id"),
    TrainingSeat: ("training_id", "person_id"),
    SurveyInvite: ("survey_id", "person_id"),
    SurveyAnswer: ("survey_id", "respondent_id", "question", "names_id"),
}


def natural_key(row: Record) -> tuple[object, ...] | None:
    """The row's natural key, or None for a kind without one (or a person
    without an email). Emails compare as people read them: case and outer
    spaces aside."""
    fields = NATURAL_KEYS.get(type(row))
    if fields is None:
        return None
    if isinstance(row, Person):
        email = row.email.strip().casefold()
        return (email,) if email else None
    return tuple(getattr(row, f) for f in fields)
