"""The closed vocabularies of a plan: teams, statuses, directions."""

from enum import Enum


class Team(str, Enum):
    SALES = "sales"
    MARKETING = "marketing"
    OTHER = "other"


class PlanStatus(str, Enum):
    DRAFT = "draft"
    AGREED = "agreed"


class GoalStatus(str, Enum):
    PROPOSED = "proposed"
    ACTIVE = "active"
    DONE = "done"
    DROPPED = "dropped"


class RideDirection(str, Enum):
    MARKETING_WITH_SALES = "marketing_with_sales"
    SALES_WITH_MARKETING = "sales_with_marketing"


class RideStatus(str, Enum):
    PLANNED = "planned"
    CONFIRMED = "confirmed"
    DONE = "done"
    CANCELLED = "cancelled"


class MetricDirection(str, Enum):
    HIGHER_IS_BETTER = "higher"
    LOWER_IS_BETTER = "lower"


class Cadence(str, Enum):
    MONTHLY = "monthly"
    QUARTERLY = "quarterly"


class Access(str, Enum):
    """What a person may do in the plan, besides being one of its two heads
    (the plan names those: `Plan.head_of_sales_id`, `head_of_marketing_id`)."""

    EDITOR = "editor"
    VIEWER = "viewer"
    FACILITATOR = "facilitator"


class EngagedTeam(str, Enum):
    MARKETING = "marketing"
    SALES = "sales"
    BOTH = "both"


class ServiceClock(str, Enum):
    """What a handoff's promise counts (plan format 12)."""

    HOURS = "hours"
    WORKING_HOURS = "working hours"
    WORKING_DAYS = "working days"


class CrmKind(str, Enum):
    """What a CRM export holds (plan format 12)."""

    LEAD = "lead"
    DEAL = "deal"


LABELS: dict[Enum, str] = {
    Team.SALES: "Sales",
    Team.MARKETING: "Marketing",
    Team.OTHER: "Other",
    PlanStatus.DRAFT: "Draft",
    PlanStatus.AGREED: "Agreed",
    GoalStatus.PROPOSED: "Proposed",
    GoalStatus.ACTIVE: "Active",
    GoalStatus.DONE: "Done",
    GoalStatus.DROPPED: "Dropped",
    RideDirection.MARKETING_WITH_SALES: "Marketing rides with sales",
    RideDirection.SALES_WITH_MARKETING: "Sales spends days with marketing",
    RideStatus.PLANNED: "Planned",
    RideStatus.CONFIRMED: "Confirmed",
    RideStatus.DONE: "Done",
    RideStatus.CANCELLED: "Cancelled",
    MetricDirection.HIGHER_IS_BETTER: "Higher is better",
    MetricDirection.LOWER_IS_BETTER: "Lower is better",
    Cadence.MONTHLY: "Monthly",
    Cadence.QUARTERLY: "Quarterly",
    ServiceClock.HOURS: "hours",
    ServiceClock.WORKING_HOURS: "working hours",
    ServiceClock.WORKING_DAYS: "working days",
    CrmKind.LEAD: "Leads",
    CrmKind.DEAL: "Deals",
    Access.EDITOR: "Editor",
    Access.VIEWER: "Viewer",
    Access.FACILITATOR: "Facilitator",
    EngagedTeam.MARKETING: "Marketing",
    EngagedTeam.SALES: "Sales",
    EngagedTeam.BOTH: "Both",
}


def label(value: Enum | str | None) -> str:
    """The words a reader sees for an enum value ("" for none)."""
    if value is None:
        return ""
    if isinstance(value, Enum):
        return LABELS.get(value, str(value.value))
    return str(value)
