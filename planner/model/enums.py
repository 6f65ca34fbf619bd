"""The closed vocabularies of a plan: teams, statuses, directions."""

from enum import Enum

from planner.i18n import N_, _


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


class Language(str, Enum):
    """The language a plan's PDF is written in (plan format 13); DEFAULT: the
    language of whoever exports it (the window's, or the command line's locale)."""

    DEFAULT = ""
    EN = "en"
    DE = "de"


class Currency(str, Enum):
    """The plan's currency (plan format 13), printed with its amounts; NONE:
    amounts as plain numbers. The currencies of most B2B plans."""

    NONE = ""
    EUR = "EUR"
    USD = "USD"
    GBP = "GBP"
    CHF = "CHF"
    SEK = "SEK"
    NOK = "NOK"
    DKK = "DKK"
    PLN = "PLN"
    CZK = "CZK"
    HUF = "HUF"
    CAD = "CAD"
    AUD = "AUD"
    NZD = "NZD"
    JPY = "JPY"
    CNY = "CNY"
    INR = "INR"
    SGD = "SGD"
    HKD = "HKD"
    BRL = "BRL"
    MXN = "MXN"
    ZAR = "ZAR"
    AED = "AED"
    ILS = "ILS"
    TRY = "TRY"
    KRW = "KRW"


class CrmKind(str, Enum):
    """What a CRM export holds (plan format 12)."""

    LEAD = "lead"
    DEAL = "deal"


# Pairs, not a dict: two str enums with equal values are equal keys
# (Language.DEFAULT and Currency.NONE are both ""), and a dict kept one.
LABELS: tuple[tuple[Enum, str], ...] = (
    (Team.SALES, N_("Sales")),
    (Team.MARKETING, N_("Marketing")),
    (Team.OTHER, N_("Other")),
    (PlanStatus.DRAFT, N_("Draft")),
    (PlanStatus.AGREED, N_("Agreed")),
    (GoalStatus.PROPOSED, N_("Proposed")),
    (GoalStatus.ACTIVE, N_("Active")),
    (GoalStatus.DONE, N_("Done")),
    (GoalStatus.DROPPED, N_("Dropped")),
    (RideDirection.MARKETING_WITH_SALES, N_("Marketing rides with sales")),
    (RideDirection.SALES_WITH_MARKETING, N_("Sales spends days with marketing")),
    (RideStatus.PLANNED, N_("Planned")),
    (RideStatus.CONFIRMED, N_("Confirmed")),
    (RideStatus.DONE, N_("Done")),
    (RideStatus.CANCELLED, N_("Cancelled")),
    (MetricDirection.HIGHER_IS_BETTER, N_("Higher is better")),
    (MetricDirection.LOWER_IS_BETTER, N_("Lower is better")),
    (Cadence.MONTHLY, N_("Monthly")),
    (Cadence.QUARTERLY, N_("Quarterly")),
    (ServiceClock.HOURS, N_("hours")),
    (ServiceClock.WORKING_HOURS, N_("working hours")),
    (ServiceClock.WORKING_DAYS, N_("working days")),
    (CrmKind.LEAD, N_("Leads")),
    (CrmKind.DEAL, N_("Deals")),
    (Access.EDITOR, N_("Editor")),
    (Access.VIEWER, N_("Viewer")),
    (Access.FACILITATOR, N_("Facilitator")),
    (EngagedTeam.MARKETING, N_("Marketing")),
    (EngagedTeam.SALES, N_("Sales")),
    (EngagedTeam.BOTH, N_("Both")),
    (Language.DEFAULT, N_("The exporter's language")),
    (Language.EN, "English"),
    (Language.DE, "Deutsch"),
    (Currency.NONE, N_("No currency")),
)


_BY_KIND = {(type(member), member.name): words for member, words in LABELS}


def label(value: Enum | str | None) -> str:
    """The words a reader sees for an enum value ("" for none)."""
    if value is None:
        return ""
    if isinstance(value, Enum):
        return _(_BY_KIND.get((type(value), value.name), str(value.value)))  # spoken now
    return str(value)
