"""The blocks of the neutral document: plain strings and numbers only, so what
is projected and what is printed are built from the same data, and the data
is tested without drawing."""

from dataclasses import dataclass, field
from datetime import date

from planner.i18n import N_


@dataclass(frozen=True)
class Paragraph:
    text: str


@dataclass(frozen=True)
class Heading:
    """A heading inside a section."""

    text: str


@dataclass(frozen=True)
class GoalCard:
    """One goal as the PDF and the workshop show it; bookmarked in the PDF."""

    key: str
    number: int
    title: str
    facts: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class Facts:
    """Label/value pairs, e.g. the plan's period and sponsors."""

    pairs: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class Table:
    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    widths: tuple[float, ...]  # relative column widths
    empty_text: str = N_("Nothing here yet.")  # translated where it is printed
    caption: str = ""        # a line above it in the document, kept with it
    on_slides: bool = True   # False: the document's detail, not projected
    in_document: bool = True  # False: the slides' short form of a table the document has


@dataclass(frozen=True)
class TimelineBar:
    lane: int
    first: date
    last: date
    direction: str  # RideDirection value
    cancelled: bool
    conflict: bool


@dataclass(frozen=True)
class Timeline:
    """Rides across the plan period, one lane per person."""

    start: date
    end: date
    lanes: tuple[str, ...]
    lane_teams: tuple[str, ...]
    bars: tuple[TimelineBar, ...]


@dataclass(frozen=True)
class FunnelFigure:
    """Stages top to bottom: (name, engaged team value, share reaching the next)."""

    stages: tuple[tuple[str, str, float | None], ...]


@dataclass(frozen=True)
class MetricSeries:
    name: str
    unit: str
    status: str
    periods: tuple[str, ...]
    actuals: tuple[float, ...]
    baseline: float | None
    target: float | None
    # Every period of the plan, in order: the chart's time axis, along which
    # the plan's straight line runs from baseline to target.
    plan_periods: tuple[str, ...] = ()


@dataclass(frozen=True)
class MetricCharts:
    series: tuple[MetricSeries, ...]


@dataclass(frozen=True)
class NetworkFigure:
    """People as points (x, y in 0..1) coloured by team, ties as lines whose
    width is their weight; brokers ringed."""

    people: tuple[tuple[str, str, float, float, bool], ...]  # name, team, x, y, broker
    ties: tuple[tuple[int, int, float], ...]  # indexes into people, weight


Block = (Paragraph | Heading | Facts | Table | Timeline | FunnelFigure | MetricCharts
         | GoalCard | NetworkFigure)


@dataclass(frozen=True)
class Section:
    key: str
    title: str
    blocks: tuple[Block, ...] = field(default_factory=tuple)


@dataclass(frozen=True)
class Outline:
    title: str
    company: str
    period: str
    status: str
    sponsors: tuple[tuple[str, str], ...]
    sections: tuple[Section, ...]
    mark: str = "draft"  # draft (watermark), agreed (stamp on the cover) or none
    # For the agreed stamp: (side, who, date) of each side's latest sign-off.
    sign_offs: tuple[tuple[str, str, str], ...] = ()
    language: str = "en"  # the document's language (BCP 47), for readers and hyphenation
