"""Every rule finding of a plan, as `tandem check` lists them: one sentence each."""

from datetime import date

from planner.i18n import _
from planner.model import FieldRide, Goal, Metric, MetricGoal, NonWorkingDay, Person
from planner.model.reader import PlanReader
from planner.rules.balance import balance, balance_findings
from planner.rules.checkins import checkin_findings, latest
from planner.rules.findings import Finding
from planner.rules.goals import goal_findings
from planner.rules.keys import key_findings
from planner.rules.library import message_findings, review_findings
from planner.rules.metrics import shared_reward_findings
from planner.rules.rides import WorkCalendar, ride_findings
from planner.rules.training import training_findings


def plan_findings(reader: PlanReader, today: date | None = None) -> list[Finding]:
    plan = reader.plan()
    people, goals, rides = reader.rows(Person), reader.rows(Goal), reader.rows(FieldRide)
    found = []
    for side, head in (("sales", plan.head_of_sales_id),
                       ("marketing", plan.head_of_marketing_id)):
        if head is None:
            found.append(Finding("overview", None, _("The plan names no head of {side}.").format(side=side)))
    names = {p.id: p.name for p in people}
    ride_balance = balance(plan, rides, people,
                           WorkCalendar.of(plan, reader.rows(NonWorkingDay)))
    return (found + goal_findings(plan, goals, people)
            + checkin_findings(plan, goals, latest(reader), today)
            + ride_findings(plan, rides, people)
            + balance_findings(ride_balance, names)
            + shared_reward_findings(plan, reader.rows(Metric), goals, reader.rows(MetricGoal))
            + message_findings(reader) + review_findings(reader) + key_findings(reader)
            + training_findings(reader, today or date.today()))
