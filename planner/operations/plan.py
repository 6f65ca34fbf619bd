"""The plan itself: its words, its period, its sponsors, its targets."""

from typing import Any

from planner.i18n import _
from planner.changes import ChangeSet, changed
from planner.model.reader import PlanReader
from planner.model.validation import coerce
from planner.model import Plan

WORDS = {"title": "plan name", "company": "company", "purpose": "purpose",
         "period_start": "start of period", "period_end": "end of period",
         "head_of_sales_id": "head of sales", "head_of_marketing_id": "head of marketing",
         "shared_rewards": "shared rewards", "exclude_weekends": "ride days",
         "marketing_days_per_quarter": "ride targets", "sales_days_per_half": "ride targets",
         "max_direction_ratio": "ride targets", "revenue_target": "revenue plan",
         "average_deal_size": "revenue plan"}


def change_plan(reader: PlanReader, **changes: Any) -> ChangeSet:
    """Some of the plan's own fields, e.g. change_plan(reader, title="H2 plan")."""
    plan = reader.plan()
    after = plan._replace(**{k: coerce(Plan, k, v) for k, v in changes.items()})
    names = sorted({WORDS.get(k, k.replace("_", " ")) for k in changes})
    return ChangeSet(_("Change {fields}").format(fields=_(" and ").join(names)),
                     (changed(plan, after),) if after != plan else ())
