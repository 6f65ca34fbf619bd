"""A CRM's leads and deals as the plan's handoff reads them (from an export:
`planner.imports.crm`; measured: `planner.rules.handoff`)."""

from dataclasses import dataclass
from datetime import date, datetime
from enum import Enum

from planner.i18n import N_, _
from planner.model.enums import CrmKind, MetricDirection


class Outcome(Enum):
    """What a deal's stage says of it."""

    OPEN = "open"
    WON = "won"
    LOST = "lost"


@dataclass(frozen=True, slots=True)
class LeadRow:
    line: int
    crm_id: str
    mql_at: datetime
    followed_up_at: datetime | None = None
    owner: str = ""
    source: str = ""
    campaign: str = ""
    region: str = ""
    status: str = ""
    recycled_at: datetime | None = None
    recycle_reason: str = ""
    sql_at: datetime | None = None
    opportunity_at: datetime | None = None
    customer_at: datetime | None = None
    created_at: datetime | None = None


@dataclass(frozen=True, slots=True)
class DealRow:
    line: int
    crm_id: str
    stage: str
    outcome: Outcome
    created_at: datetime
    amount: float | None = None
    closed_on: date | None = None
    owner: str = ""
    source: str = ""
    campaign: str = ""
    region: str = ""
    lead_id: str = ""


@dataclass(frozen=True)
class Figure:
    """A figure a metric's actuals can be computed from (`Metric.computed`)."""

    name: str            # as a chooser lists it
    unit: str            # the unit a metric of it takes ("" keeps the metric's own)
    holds: CrmKind       # computed from leads or from deals
    direction: MetricDirection


_UP, _DOWN = MetricDirection.HIGHER_IS_BETTER, MetricDirection.LOWER_IS_BETTER
FIGURES: dict[str, Figure] = {
    "handoff_kept": Figure(N_("MQLs followed up within the promise"), "%", CrmKind.LEAD, _UP),
    "mqls": Figure(N_("Marketing-qualified leads"), "count", CrmKind.LEAD, _UP),
    "never_followed_up": Figure(N_("MQLs never followed up"), "count", CrmKind.LEAD, _DOWN),
    "follow_up_median": Figure(N_("Median time to follow-up (in the promise's clock)"), "",
                               CrmKind.LEAD, _DOWN),
    "sent_back": Figure(N_("Leads sent back by sales"), "count", CrmKind.LEAD, _DOWN),
    "mql_to_sql": Figure(N_("MQLs that became sales-qualified"), "%", CrmKind.LEAD, _UP),
    "pipeline_created": Figure(N_("Pipeline created (deal amounts)"), "", CrmKind.DEAL, _UP),
    "revenue_won": Figure(N_("Revenue won (deal amounts)"), "", CrmKind.DEAL, _UP),
    "deals_won": Figure(N_("Deals won"), "count", CrmKind.DEAL, _UP),
}


def figure_name(key: str) -> str:
    """A metric's source as a reader is told it ("" for a typed metric)."""
    if not key:
        return ""
    found = FIGURES.get(key)
    return _(found.name) if found else _("a figure this Tandem does not know "
                                          "({key})").format(key=key[:40])
