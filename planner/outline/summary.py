"""The executive summary: the page after the cover that a CEO reads first.

Whether the plan is agreed and how far from it; the revenue target and what
the funnel needs of each stage; metrics by status, the off-track ones named;
ride days both ways against target; the handoff measured from the CRM data;
the customer problems heard most; and,
when the plan has saved versions, what changed since the last one.
"""

from collections import Counter

from planner.model import (
    FieldRide, FunnelStage, Goal, HotButton, Metric, MetricValue, NonWorkingDay, Person)
from planner.model.enums import RideDirection
from planner.model.reader import PlanReader
from planner.outline.blocks import Block, Facts, Heading, Paragraph, Section, Table
from planner.rules.balance import balance
from planner.rules.funnel import funnel_needs
from planner.rules.metrics import metric_statuses
from planner.rules.rides import WorkCalendar
from planner.rules.signoff import agreement
from planner.sections import section
from planner.outline.actuals import actual_values, handoff_sentence

TOP_HOT_BUTTONS = 5
STATUS_ORDER = ("off track", "at risk", "on track", "no data")


def summary_section(reader: PlanReader, since: str | None = None) -> Section:
    """`since`: a sentence on the changes since the last saved version, when
    the plan has one."""
    plan = reader.plan()
    goals = reader.rows(Goal)
    blocks: list[Block] = [Paragraph(agreement(goals).text())]
    facts: list[tuple[str, str]] = []
    if plan.revenue_target:
        facts.append(("Revenue target", f"{plan.revenue_target:,.0f}"))
    needs = funnel_needs(plan, reader.rows(FunnelStage))
    if not needs.problem:
        facts.append(("Won deals needed", f"{needs.stages[-1][1]:,} a month over "
                                          f"{needs.months} months"))
    metrics = reader.rows(Metric)
    statuses = metric_statuses(plan, metrics, actual_values(reader))
    counted = Counter(statuses[m.id].status.value for m in metrics)
    if metrics:
        facts.append(("Metrics", ", ".join(f"{counted[s]} {s}" for s in STATUS_ORDER
                                           if counted[s])))
    rides = reader.rows(FieldRide)
    people = reader.rows(Person)
    result = balance(plan, rides, people, WorkCalendar.of(plan, reader.rows(NonWorkingDay)))
    m = result.days_by_direction[RideDirection.MARKETING_WITH_SALES]
    s = result.days_by_direction[RideDirection.SALES_WITH_MARKETING]
    targets = []
    if plan.marketing_days_per_quarter:
        targets.append(f"target {plan.marketing_days_per_quarter} days a quarter for each "
                       "marketer")
    if plan.sales_days_per_half:
        targets.append(f"{plan.sales_days_per_half} days a half-year for each rep")
    facts.append(("Field ride days", f"{m} marketing with sales, {s} sales with marketing"
                  + (f" ({'; '.join(targets)})" if targets else "")))
    short = len({item.person_id for item in result.shortfalls})
    if short:
        facts.append(("Below their ride target", f"{short} people"))
    measured = handoff_sentence(reader)
    if measured:
        facts.append(("Measured from the CRM", measured))
    if since:
        facts.append(("Since the last version", since))
    blocks.append(Facts(tuple(facts)))
    if not needs.problem:
        blocks += [Heading("What the funnel needs each month"), Table(
            ("Stage", "Needed a month", "Reach next"),
            tuple((stage.name, f"{count:,}", f"{stage.conversion_rate:.0%}"
                   if stage.conversion_rate else "\u2014") for stage, count in needs.stages),
            (4, 2, 2))]
    off = [mt for mt in metrics if statuses[mt.id].status.value == "off track"]
    if off:
        blocks += [Heading("Off track"), Table(
            ("Metric", "Why"), tuple((mt.name, statuses[mt.id].reason) for mt in off), (3, 7))]
    heard = Counter(" ".join(h.words.split()) for h in reader.rows(HotButton))
    if heard:
        blocks += [Heading("Heard most on field rides"), Table(
            ("Customer problem", "Rides"),
            tuple((words, str(n)) for words, n in heard.most_common(TOP_HOT_BUTTONS)), (8, 1))]
    return Section("summary", section("summary").title, tuple(blocks))


def key_facts(reader: PlanReader) -> dict[str, tuple[tuple[str, str], ...]]:
    """What a section's divider slide says before its detail: a few facts."""
    from planner.model import Message, Review, ReviewAction
    from planner.model.enums import GoalStatus, Team, label
    from planner.rules.signoff import is_agreed

    plan = reader.plan()
    goals = reader.rows(Goal)
    statuses = Counter(label(g.status) for g in goals if g.status is not GoalStatus.DROPPED)
    metrics = reader.rows(Metric)
    state = metric_statuses(plan, metrics, actual_values(reader))
    counted = Counter(state[m.id].status.value for m in metrics)
    off = [m.name for m in metrics if state[m.id].status.value == "off track"]
    rides, people = reader.rows(FieldRide), reader.rows(Person)
    result = balance(plan, rides, people, WorkCalendar.of(plan, reader.rows(NonWorkingDay)))
    needs = funnel_needs(plan, reader.rows(FunnelStage))
    messages = reader.rows(Message)
    actions = reader.rows(ReviewAction)
    open_actions = [a for a in actions if not a.done]
    teams = Counter(p.team for p in people if not p.left_plan)
    return {
        "goals": (("Agreement", agreement(goals).text()),
                  ("Goals", ", ".join(f"{n} {s.lower()}" for s, n in statuses.items()) or "none")),
        "rides": (("Rides", str(len(rides))),
                  ("Days both ways", f"{result.days_by_direction[RideDirection.MARKETING_WITH_SALES]}"
                                     " marketing with sales, "
                                     f"{result.days_by_direction[RideDirection.SALES_WITH_MARKETING]}"
                                     " sales with marketing"),
                  ("Below their target", str(len({s.person_id for s in result.shortfalls})))),
        "metrics": (("Status", ", ".join(f"{counted[s]} {s}" for s in STATUS_ORDER
                                         if counted[s]) or "no metrics yet"),
                    ("Off track", "; ".join(off) or "none")),
        "funnel": (("Stages", str(len(reader.rows(FunnelStage)))),
                   ("Won deals needed", needs.problem or f"{needs.stages[-1][1]:,} a month")),
        "messaging": (("Approved by both", f"{sum(is_agreed(m) for m in messages)} of "
                                           f"{len(messages)} messages"),),
        "people": (("Sales", str(teams[Team.SALES])), ("Marketing", str(teams[Team.MARKETING]))),
        "reviews": (("Reviews", str(len(reader.rows(Review)))),
                    ("Open actions", str(len(open_actions)))),
    }
