"""What each section's table shows: columns, how they display and edit, and
which warnings its rows carry."""

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from enum import Enum
from typing import Any

from planner.i18n import percent
from planner.model import (
    CheckIn, FieldRide, FunnelStage, Goal, Message, Metric, MetricGoal, Person, Plan, Record, Review)
from planner.model.enums import (
    Access, Cadence, EngagedTeam, GoalStatus, MetricDirection, RideDirection, RideStatus, Team,
    label)
from planner.model.crm import figure_name
from planner.model.reader import PlanReader
from planner.model.validation import LONG_TEXT_MAX, SHORT_TEXT_MAX
from planner.rules.checkins import checkin_findings, latest
from planner.rules.goals import goal_findings
from planner.rules.library import NameIndex, blame_flag
from planner.rules.metrics import shared_reward_findings
from planner.rules.rides import conflicts, ride_row_findings
from planner.ui.i18n import format_date, format_number, tr

DASH = "\u2014"


@dataclass(frozen=True)
class Column:
    key: str                  # the record's field, or a value the model works out
    header: str
    kind: str = "text"        # text, long, enum, person, stage, date, number, percent, bool,
    editable: bool = True     # and the computed: agreement, metrics, goals, status, trend
    enum: type[Enum] | None = None
    team: Team | None = None  # for person columns: whose people to offer
    width: int = 160

    @property
    def max_length(self) -> int:
        return LONG_TEXT_MAX if self.kind == "long" else SHORT_TEXT_MAX


def display(column: Column, value: Any, names: Mapping[str, str]) -> str:
    if column.kind == "trend":
        return ""  # drawn by the sparkline delegate
    if column.kind == "goals":
        return "; ".join(sorted(names.get(g, "?") for g in value)) if value else DASH
    if value is None:
        return DASH if column.kind in ("person", "stage", "date", "number", "percent") else ""
    if column.kind == "promise" and not value:
        return DASH
    if column.kind == "figure":
        return tr("Typed") if not value else tr("Computed: {figure}").format(
            figure=tr(figure_name(value)))
    if column.kind in ("person", "stage"):
        return names.get(value, tr("(removed)") if column.kind == "stage"
                         else tr("(left the plan)"))
    if column.kind == "enum":
        return tr(label(value))  # the enums' labels are in the catalogue
    if column.kind == "bool":
        return tr("Yes") if value else tr("No")
    if isinstance(value, date):
        return format_date(value)
    if column.kind == "percent":
        return percent(value)
    if isinstance(value, float):
        return format_number(value, 1)
    if column.kind == "long":
        first = str(value).strip().splitlines()[0] if str(value).strip() else ""
        return first[:120] + ("\u2026" if len(first) > 120 or "\n" in str(value).strip() else "")
    return str(value)


# What is wrong with which rows: row id -> one sentence.
ProblemFinder = Callable[[PlanReader, Sequence[Any]], dict[str, str]]


@dataclass(frozen=True)
class TableSpec:
    kind: type[Record]
    columns: tuple[Column, ...]
    editable: bool
    problems: ProblemFinder | None = None
    # Kinds whose change can change a row's warning (besides the table's own).
    problem_kinds: frozenset[type[Record]] = frozenset()


def metric_problems(reader: PlanReader, metrics: Sequence[Metric]) -> dict[str, str]:
    """Metrics only one team reports, when the plan says both rise or fall together."""
    return {f.row_id: f.message for f in shared_reward_findings(reader.plan(), metrics, [], [])
            if f.row_id}


def goal_problems(reader: PlanReader, goals: Sequence[Goal]) -> dict[str, str]:
    """Each goal's first warning: ownership, dates, duplicates, one-team measurement."""
    plan = reader.plan()
    found: dict[str, str] = {}
    findings = goal_findings(plan, goals, reader.rows(Person)) + shared_reward_findings(
        plan, reader.rows(Metric), goals, reader.rows(MetricGoal)) + checkin_findings(
        plan, goals, latest(reader))
    for finding in findings:
        if finding.row_id and finding.section == "goals":
            found.setdefault(finding.row_id, finding.message)
    return found


def ride_problems(reader: PlanReader, rides: Sequence[FieldRide]) -> dict[str, str]:
    """Each ride's first problem; both rides of a conflict are flagged."""
    people = reader.rows(Person)
    names = {p.id: p.name for p in people}
    found: dict[str, str] = {}
    for c in conflicts(rides):
        found.setdefault(c.ride_id, tr("{name} is on two field rides on {day}.").format(
            name=names.get(c.person_id, tr("Someone")), day=format_date(c.day)))
    for finding in ride_row_findings(reader.plan(), rides, people):
        if finding.row_id:
            found.setdefault(finding.row_id, finding.message)
    return found


GOALS = TableSpec(Goal, (
    Column("title", "Goal", width=260),
    Column("success_measure", "Success measure", "long", width=240),
    Column("sales_owner_id", "Sales owner", "person", team=Team.SALES),
    Column("marketing_owner_id", "Marketing owner", "person", team=Team.MARKETING),
    Column("due_date", "Due", "date", width=110),
    Column("status", "Status", "enum", enum=GoalStatus, width=100),
    Column("agreement", "Sign-off", "agreement", editable=False, width=170),
    Column("checkin", "Latest check-in", "checkin", editable=False, width=220),
    Column("proposed_by", "Proposed by", "enum", enum=Team, width=110),
    Column("metric_ids", "Measured by", "metrics", width=230),
    Column("shared_reward", "Shared reward", "long", width=200),
), editable=True, problems=goal_problems,  # type: ignore[arg-type]
    problem_kinds=frozenset({Plan, Person, Metric, MetricGoal, CheckIn}))

PEOPLE = TableSpec(Person, (
    Column("name", "Name", width=200),
    Column("team", "Team", "enum", enum=Team, width=110),
    Column("role", "Role", width=200),
    Column("territory", "Territory", width=140),
    Column("email", "Email", width=220),
    Column("left_plan", "Left the plan", "bool", width=110),
    # What they may do (the heads are named on the Overview); heads change these.
    Column("access", "In the plan", "enum", enum=Access, width=120),
    Column("delegate", "Signs for the head", "bool", width=140),
), editable=True)

RIDES = TableSpec(FieldRide, (
    Column("direction", "Direction", "enum", enum=RideDirection, width=230),
    Column("visitor_id", "Visitor", "person"),
    Column("host_id", "Host", "person"),
    Column("first_day", "First day", "date", width=110),
    Column("last_day", "Last day", "date", width=110),
    Column("status", "Status", "enum", enum=RideStatus, width=100),
    Column("territory", "Territory", width=120),
    Column("accounts", "Accounts", "long", width=200),
    Column("objective", "Objective", "long", width=280),
), editable=True, problems=ride_problems,  # type: ignore[arg-type]
    problem_kinds=frozenset({Plan, Person}))

METRICS = TableSpec(Metric, (
    Column("name", "Metric", width=220),
    Column("status", "Status", "status", editable=False, width=110),  # "nicht im Plan"
    Column("trend", "Trend", "trend", editable=False, width=110),
    Column("unit", "Unit", width=70),
    Column("direction", "Direction", "enum", enum=MetricDirection, width=130),
    Column("baseline", "Baseline", "number", width=90),
    Column("target", "Target", "number", width=90),
    Column("cadence", "Cadence", "enum", enum=Cadence, width=100),
    Column("reported_by", "Reported by", "enum", enum=EngagedTeam, width=110),
    Column("funnel_stage_id", "Funnel stage", "stage", width=150),
    Column("computed", "Actuals", "figure", width=200),
    Column("goal_ids", "Linked goals", "goals", width=240),
    Column("definition", "Definition", "long", width=300),
), editable=True, problems=metric_problems,  # type: ignore[arg-type]
    problem_kinds=frozenset({Plan}))

FUNNEL = TableSpec(FunnelStage, (
    Column("name", "Stage", width=170),
    Column("engaged_team", "Engaged team", "enum", enum=EngagedTeam, width=125),
    Column("conversion_rate", "Reach next", "percent", width=110),
    Column("entry_definition", "Entry definition (agreed)", "long", width=260),
    Column("handoff_service_level", "Handoff: service forward", "long", width=230),
    Column("promise", "Promise measured", "promise", width=170),
    Column("return_service_level", "Service back: what happens to a returned lead", "long",
           width=300),
    Column("send_back_reasons", "Reasons to send back", "long", width=220),
), editable=True)

MESSAGES = TableSpec(Message, (
    Column("customer_problem", "Customer problem (hot button)", "long", width=290),
    Column("value_message", "Value message", "long", width=290),
    Column("proof_point", "Proof point", "long", width=220),
    Column("agreement", "Approval", "agreement", editable=False, width=190),
    Column("segment", "Segment or persona", width=170),
    Column("funnel_stage_id", "Funnel stage", "stage", width=150),
    Column("owner_id", "Owner", "person", width=150),
    Column("source", "Source", "source", editable=False, width=260),
), editable=True)


def review_problems(reader: PlanReader, reviews: Sequence[Review]) -> dict[str, str]:
    """The blameless flag of each review that names a person of the plan."""
    names = NameIndex.of(reader.rows(Person))
    return {r.id: flag for r in reviews if (flag := blame_flag(r, names))}


REVIEWS = TableSpec(Review, (
    Column("held_on", "Held on", "date", width=110),
    Column("what_happened", "What happened", "long", width=300),
    Column("what_we_learned", "What we learned", "long", width=300),
    Column("what_we_change", "What we change in the system", "long", width=300),
), editable=True, problems=review_problems,  # type: ignore[arg-type]
    problem_kinds=frozenset({Person}))
