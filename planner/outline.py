"""The plan as a neutral document outline, shared by the PDF and workshop mode.

Only plain strings leave this module: what is projected and what is printed
are built from the same data, and the data is tested without drawing.
"""

from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any

from planner.model import FieldRide, Goal, Person
from planner.model.enums import label
from planner.rules.signoff import (
    SIDES, agreement, agreement_state, counts_for_agreement, has_signed, signed_text,
    waiting_for)
from planner.store.plan_store import PlanStore

if TYPE_CHECKING:
    from planner.export.options import ExportOptions


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
    empty_text: str = "Nothing here yet."


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


@dataclass(frozen=True)
class MetricCharts:
    series: tuple[MetricSeries, ...]


Block = (Paragraph | Heading | Facts | Table | Timeline | FunnelFigure | MetricCharts
         | GoalCard)


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


def period_text(start: date, end: date) -> str:
    return f"{start:%-d %B %Y} \u2013 {end:%-d %B %Y}"


def _names(people: list[dict[str, Any]]) -> dict[str | None, str]:
    names: dict[str | None, str] = {p["id"]: p["name"] for p in people}
    names[None] = "\u2014"
    return names


def _overview(plan: dict[str, Any], names: dict[str | None, str], counts: dict[str, int]) -> Section:
    facts = Facts((("Company", plan["company"] or "\u2014"),
                   ("Period", period_text(plan["period_start"], plan["period_end"])),
                   ("Status", label(plan["status"])),
                   ("Head of sales", names.get(plan["head_of_sales_id"], "\u2014")),
                   ("Head of marketing", names.get(plan["head_of_marketing_id"], "\u2014")),
                   *((k, str(v)) for k, v in counts.items())))
    purpose = plan["purpose"].strip() or "No purpose statement yet."
    return Section("overview", "Overview", (Paragraph(purpose), facts))


def _people(people: list[dict[str, Any]]) -> Section:
    rows = tuple((p["name"], label(p["team"]), p["role"], p["territory"], p["email"])
                 for p in people)
    return Section("people", "People", (Table(
        ("Name", "Team", "Role", "Territory", "Email"), rows, (2.6, 1.3, 2.8, 1.8, 5.2)),))


def _owner(names: dict[str | None, str], left: set[str], person_id: str | None) -> str:
    if person_id is None:
        return "\u2014 (no owner)"
    return names.get(person_id, "(removed)") + (" (left the plan)" if person_id in left else "")


def _goals(goals: list[dict[str, Any]], names: dict[str | None, str], left: set[str],
           linked: dict[str, list[str]]) -> Section:
    rows = tuple((str(i), g["title"], _owner(names, left, g["sales_owner_id"]),
                  _owner(names, left, g["marketing_owner_id"]),
                  g["due_date"].isoformat() if g["due_date"] else "\u2014",
                  f"{label(g['status'])}; {agreement_state(g).lower()}")
                 for i, g in enumerate(goals, start=1))
    cards = tuple(GoalCard(f"goal-{g['id']}", i, g["title"], (
        *((("Why", g["description"].strip()),) if g["description"].strip() else ()),
        ("Sales owner", _owner(names, left, g["sales_owner_id"])),
        ("Marketing owner", _owner(names, left, g["marketing_owner_id"])),
        ("Success measure", g["success_measure"] or "\u2014"),
        ("Due", g["due_date"].isoformat() if g["due_date"] else "\u2014"),
        ("Status", f"{label(g['status'])}; {agreement_state(g).lower()}; proposed by "
                   f"{label(g['proposed_by']).lower()} on {g['created_at']:%-d %b %Y}"),
        ("Signed by sales", signed_text(g, "sales", names)),
        ("Signed by marketing", signed_text(g, "marketing", names)),
        ("Measured by", "; ".join(linked.get(g["id"], [])) or "\u2014"),
        ("Shared reward", g["shared_reward"] or "\u2014")))
        for i, g in enumerate(goals, start=1))
    return Section("goals", "Goals", (
        Table(("#", "Goal", "Sales owner", "Marketing owner", "Due", "Status"), rows,
              (1, 5.6, 2.8, 2.8, 2.3, 3.2)),
        Heading("Each goal"), *cards))


def _signoff(goals: list[dict[str, Any]], names: dict[str | None, str]) -> Section:
    """What each side signed and when, and what is still open."""
    numbered = list(enumerate(goals, start=1))
    counted = [(i, g) for i, g in numbered if counts_for_agreement(g)]
    blocks: list[Block] = [Paragraph(
        agreement(goals).text() + ". A goal is agreed when the sales and marketing "
        "sign-offs are of its present wording: title, description, success measure and due "
        "date. Changing any of them withdraws both.")]
    for side in SIDES:
        signed = tuple((str(i), g["title"], names.get(g[f"{side}_signed_by_id"], "(removed)"),
                        f"{g[f'{side}_signed_at']:%-d %b %Y %H:%M} UTC")
                       for i, g in counted if has_signed(g, side))
        blocks += [Heading(f"Signed for {side}"), Table(
            ("#", "Goal", "Signed by", "On"), signed, (1, 7.3, 3.6, 4.9),
            empty_text="Sales has signed no goal yet." if side == "sales"
            else "Marketing has signed no goal yet.")]
    still = tuple((str(i), g["title"], " and ".join(waiting_for(g)),
                   "; ".join(f"{side}: {signed_text(g, side, names)}" for side in SIDES
                             if has_signed(g, side)) or "nobody yet")
                  for i, g in counted if waiting_for(g))
    blocks += [Heading("Still open"), Table(
        ("#", "Goal", "Waits for", "Signed so far"), still, (1, 8.5, 3.2, 4.1),
        empty_text="Nothing is open: both sides signed every goal.")]
    dropped = tuple((str(i), g["title"]) for i, g in numbered if not counts_for_agreement(g))
    if dropped:
        blocks += [Heading("Dropped, not counted"),
                   Table(("#", "Goal"), dropped, (1, 15.8))]
    return Section("signoff", "Sign-off", tuple(blocks))


def _linked_metrics(store: PlanStore) -> dict[str, list[str]]:
    """Each goal's metrics with their latest status, e.g. "Win rate (at risk)"."""
    from planner.model import Metric, MetricGoal, MetricValue
    from planner.rules.metrics import metric_statuses

    metrics = store.rows(Metric, ["name"])
    statuses = metric_statuses(store.plan(), metrics, store.rows(MetricValue))
    text = {m["id"]: f"{m['name']} ({statuses[m['id']].status.value.replace('_', ' ')})"
            for m in metrics}
    linked: dict[str, list[str]] = {}
    for link in store.rows(MetricGoal):
        linked.setdefault(link["goal_id"], []).append(text.get(link["metric_id"], "?"))
    return {g: sorted(ms) for g, ms in linked.items()}


def _reviews(store: PlanStore) -> Section:
    from planner.model import Review

    rows = tuple((r["held_on"].isoformat(), r["what_happened"], r["what_we_learned"],
                  r["what_we_change"]) for r in store.rows(Review, ["held_on", "id"]))
    return Section("reviews", "Reviews", (
        Paragraph("No blame: what happened, what we learned, what we change in the system."),
        Table(("Held on", "What happened", "What we learned", "What we change"), rows,
              (2.3, 4, 4, 4), empty_text="No reviews yet.")))


def _sign_offs(goals: list[dict[str, Any]], names: dict[str | None, str],
               plan: dict[str, Any]) -> tuple[tuple[str, str, str], ...]:
    out = []
    for side in ("sales", "marketing"):
        signed = [g for g in goals if has_signed(g, side)]
        latest = max(signed, key=lambda g: g[f"{side}_signed_at"]) if signed else None
        who = names.get(latest[f"{side}_signed_by_id"] if latest else
                        plan[f"head_of_{side}_id"], "\u2014")
        when = f"{latest[f'{side}_signed_at']:%-d %B %Y}" if latest else "not signed"
        out.append((side.capitalize(), who, when))
    return tuple(out)


def build_outline(store: PlanStore, options: "ExportOptions | None" = None) -> Outline:
    from planner.export.options import ExportOptions
    from planner.outline_funnel import funnel_section, metrics_section
    from planner.outline_rides import rides_section

    options = options or ExportOptions()

    plan = store.plan()
    people = store.rows(Person, ["team", "name"])
    goals = store.rows(Goal, ["position", "created_at"])
    names = _names(people)
    left = {p["id"] for p in people if p["left_plan"]}
    counts = {"People": len(people), "Goals": len(goals), "Field rides": store.count(FieldRide)}
    sponsors = (("Head of sales", names.get(plan["head_of_sales_id"], "\u2014")),
                ("Head of marketing", names.get(plan["head_of_marketing_id"], "\u2014")))
    builders = {"overview": lambda: _overview(plan, names, counts),
                "people": lambda: _people(people),
                "goals": lambda: _goals(goals, names, left, _linked_metrics(store)),
                "signoff": lambda: _signoff(goals, names),
                "rides": lambda: rides_section(store, plan, people, options.include_debriefs),
                "funnel": lambda: funnel_section(store),
                "metrics": lambda: metrics_section(store, plan), "reviews": lambda: _reviews(store)}
    wanted = [k for k in builders if k in options.sections
              and (k != "reviews" or options.include_reviews)]
    mark = options.mark if options.mark != "auto" else plan["status"].value
    return Outline(
        title=plan["title"], company=plan["company"],
        period=period_text(plan["period_start"], plan["period_end"]),
        status=label(plan["status"]), sponsors=sponsors,
        sections=tuple(builders[k]() for k in wanted), mark=mark,
        sign_offs=_sign_offs(goals, names, plan))


__all__ = ["Block", "Facts", "FunnelFigure", "GoalCard", "Heading", "MetricCharts", "MetricSeries", "Outline", "Paragraph", "Section", "Table", "Timeline",
           "TimelineBar", "build_outline"]
