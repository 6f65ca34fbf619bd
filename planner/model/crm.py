"""A CRM's leads and deals as the plan's handoff reads them (from an export:
`planner.imports.crm`; measured: `planner.rules.handoff`)."""

from dataclasses import dataclass
from datetime import date, datetime
from enum import Enum


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
