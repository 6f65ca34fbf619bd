"""The executive summary: the page after the cover that a CEO reads first.

Whether the plan is agreed and how far from it; the revenue target and what
the funnel needs of each stage; metrics by status, the off-track ones named;
ride days both ways against target; the handoff measured from the CRM data;
the customer problems heard most; and,
when the plan has saved versions, what changed since the last one.
"""

from collections import Counter

from planner.i18n import _, money, ngettext, number, percent
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
        facts.append((_("Revenue target"), money(plan.revenue_target, plan.currency.value)))
    needs = funnel_needs(plan, reader.rows(FunnelStage))
    if not needs.problem:
        facts.append((_("Won deals needed"), _("{count} a month over {months} months").format(
            count=number(needs.stages[-1][1]), months=needs.months)))
    metrics = reader.rows(Metric)
    statuses = metric_statuses(plan, metrics, actual_values(reader))
    counted = Counter(statuses[m.id].status.value for m in metrics)
    if metrics:
        facts.append((_("Metrics"), ", ".join(f"{counted[s]} {_(s)}" for s in STATUS_ORDER
                                           if counted[s])))
    rides = reader.rows(FieldRide)
    people = reader.rows(Person)
    result = balance(plan, rides, people, WorkCalendar.of(plan, reader.rows(NonWorkingDay)))
    m = result.days_by_direction[RideDirection.MARKETING_WITH_SALES]
    s = result.days_by_direction[RideDirection.SALES_WITH_MARKETING]
    targets = []
    if plan.marketing_days_per_quarter:
        targets.append(_("target {days} days a quarter for each marketer").format(
            days=plan.marketing_days_per_quarter))
    if plan.sales_days_per_half:
        targets.append(_("{days} days a half-year for each rep").format(
            days=plan.sales_days_per_half))
    facts.append((_("Field ride days"), _("{m} marketing with sales, {s} sales with "
                                       "marketing").format(m=m, s=s)
                  + (f" ({'; '.join(targets)})" if targets else "")))
    short = len({item.person_id for item in result.shortfalls})
    if short:
        facts.append((_("Below their ride target"), ngettext("{n} person", "{n} people",
                                                          short).format(n=short)))
    measured = handoff_sentence(reader)
    if measured:
        facts.append((_("Measured from the CRM"), measured))
    if since:
        facts.append((_("Since the last version"), since))
    blocks.append(Facts(tuple(facts)))
    if not needs.problem:
        blocks += [Heading(_("What the funnel needs each month")), Table(
            (_("Stage"), _("Needed a month"), _("Reach next")),
            tuple((stage.name, number(count), percent(stage.conversion_rate)
                   if stage.conversion_rate else "\u2014") for stage, count in needs.stages),
            (4, 2, 2))]
    off = [mt for mt in metrics if statuses[mt.id].status.value == "off track"]
    if off:
        blocks += [Heading(_("Off track")), Table(
            (_("Metric"), _("Why")), tuple((mt.name, statuses[mt.id].reason) for mt in off), (3, 7))]
    heard = Counter(" ".join(h.words.split()) for h in reader.rows(HotButton))
    if heard:
        blocks += [Heading(_("Heard most on field rides")), Table(
            (_("Customer problem"), _("Rides")),
            tuple((words, str(n)) for words, n in heard.most_common(TOP_HOT_BUTTONS)), (8, 1))]
    return Section("summary", _(section("summary").title), tuple(blocks))


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
        "goals": ((_("Agreement"), agreement(goals).text()),
                  (_("Goals"), ", ".join(f"{n} {s}" for s, n in statuses.items()) or _("none"))),
        "rides": ((_("Rides"), str(len(rides))),
                  (_("Days both ways"), _("{m} marketing with sales, {s} sales with "
                                       "marketing").format(
                      m=result.days_by_direction[RideDirection.MARKETING_WITH_SALES],
                      s=result.days_by_direction[RideDirection.SALES_WITH_MARKETING])),
                  (_("Below their target"), str(len({s.person_id for s in result.shortfalls})))),
        "metrics": ((_("Status"), ", ".join(f"{counted[s]} {_(s)}" for s in STATUS_ORDER
                                         if counted[s]) or _("no metrics yet")),
                    (_("Off track"), "; ".join(off) or _("none"))),
        "funnel": ((_("Stages"), str(len(reader.rows(FunnelStage)))),
                   (_("Won deals needed"), needs.problem or _("{count} a month").format(
                       count=number(needs.stages[-1][1])))),
        "messaging": ((_("Approved by both"), _("{agreed} of {count} messages").format(
            agreed=sum(is_agreed(m) for m in messages), count=len(messages))),),
        "people": ((_("Sales"), str(teams[Team.SALES])), (_("Marketing"), str(teams[Team.MARKETING]))),
        "reviews": ((_("Reviews"), str(len(reader.rows(Review)))),
                    (_("Open actions"), str(len(open_actions)))),
    }
