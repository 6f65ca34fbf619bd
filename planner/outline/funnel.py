"""The funnel and metrics sections of the outline."""

from datetime import date

from planner.i18n import _, number, with_percent_sign
from planner.errors import PlanError
from planner.model import CrmImport, FunnelStage, Metric, MetricValue
from planner.model.enums import Cadence
from planner.model.enums import label
from planner.model.reader import PlanReader
from planner.outline.blocks import (
    FunnelFigure, Heading, MetricCharts, MetricSeries, Paragraph, Section, Table)
from planner.rules.metrics import latest_values, metric_statuses
from planner.sections import section
from planner.outline.actuals import actual_values, handoff_sentence, handoff_tables


def funnel_section(reader: PlanReader) -> Section:
    stages = reader.rows(FunnelStage)
    figure = FunnelFigure(tuple((s.name, s.engaged_team.value, s.conversion_rate)
                                for s in stages))
    rows = tuple((s.name, label(s.engaged_team), s.entry_definition,
                  s.handoff_service_level, s.return_service_level,
                  s.send_back_reasons or "\u2014") for s in stages)
    measured = handoff_sentence(reader)
    return Section("funnel", _(section("funnel").title), (
        Paragraph(_("One buying process, not a marketing process and a sales process: who "
                    "engages at each stage, the entry both sides agreed, and each handoff's "
                    "service level in both directions.")),
        *((Paragraph(measured),) if measured else ()),
        figure,
        Table((_("Stage"), _("Engaged"), _("Entry definition"), _("Service forward"), _("Service back"),
               _("Reasons to send back")), rows, (2.1, 2, 3.2, 2.9, 2.9, 2.4),
              empty_text=_("No funnel stages yet.")),
        *_handoff_tables(reader)))


def _handoff_tables(reader: PlanReader) -> tuple[Heading | Table, ...]:
    """The handoff measured in full, as the Funnel page shows it."""
    if not reader.rows(CrmImport) or getattr(reader, "attached", None) is None:
        return ()
    try:
        tables = handoff_tables(reader)
    except PlanError:
        return ()  # the sentence above says why
    heading = [Heading(_("The handoff, measured from the CRM"))] if tables else []
    return (*heading, *(Table(t.columns, t.rows, t.widths, caption=t.title, on_slides=False)
                        for t in tables))


def metrics_section(reader: PlanReader) -> Section:
    plan = reader.plan()
    metrics = reader.rows(Metric)
    values = actual_values(reader)
    statuses = metric_statuses(plan, metrics, values)
    latest = latest_values(values)

    rows = tuple((m.name, label(statuses[m.id].status),
                  amount(latest[m.id].actual, m.unit) if m.id in latest else "\u2014",
                  latest[m.id].period if m.id in latest else "\u2014",
                  amount(m.baseline, m.unit), amount(m.target, m.unit), label(m.direction),
                  label(m.reported_by)) for m in metrics)
    stages = {s.id: s.name for s in reader.rows(FunnelStage)}
    definitions = tuple((m.name, m.definition or "\u2014", stages.get(m.funnel_stage_id or "",
                                                                   "\u2014"))
                        for m in metrics)
    by_metric: dict[str, list[MetricValue]] = {}
    for v in values:
        by_metric.setdefault(v.metric_id, []).append(v)
    months = plan_periods(plan.period_start, plan.period_end, quarters=False)
    quarters = plan_periods(plan.period_start, plan.period_end, quarters=True)
    charts = MetricCharts(tuple(MetricSeries(
        m.name, m.unit, statuses[m.id].status.value,
        tuple(v.period for v in by_metric.get(m.id, [])),
        tuple(v.actual for v in by_metric.get(m.id, [])), m.baseline, m.target,
        quarters if m.cadence is Cadence.QUARTERLY else months)
        for m in metrics))
    return Section("metrics", _(section("metrics").title), (
        Paragraph(_("Status follows one rule, the same in the window and in tandem check: how "
                    "far each metric has come from baseline to target, against how much of the "
                    "plan's time has gone (on track within 10 points of the straight line, at "
                    "risk within 30).")),
        Table((_("Metric"), _("Status"), _("Latest"), _("Period"), _("Baseline"), _("Target"), _("Direction"),
               _("Reported by")), rows, (3.3, 1.7, 1.5, 1.5, 1.7, 1.5, 2.1, 1.9),
              empty_text=_("No metrics yet.")),
        Heading(_("What each metric counts")),
        Table((_("Metric"), _("Definition"), _("Funnel stage")), definitions, (3, 6, 2),
              empty_text=_("No metrics yet.")),
        Heading(_("Each metric over the periods")), charts))


def plan_periods(start: date, end: date, quarters: bool) -> tuple[str, ...]:
    """The plan's periods as actuals name them: 2027-01 ..., or 2027-Q1 ..."""
    out: list[str] = []
    year, month = start.year, start.month
    while (year, month) <= (end.year, end.month):
        name = f"{year}-Q{(month - 1) // 3 + 1}" if quarters else f"{year}-{month:02d}"
        if not out or out[-1] != name:
            out.append(name)
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return tuple(out)


def amount(value: float | None, unit: str = "") -> str:
    """A metric's number as a reader writes it: thousands grouped, decimals
    only where there are any, with its unit (64.3%, 2,038,000 EUR, 24 hours)."""
    if value is None:
        return "\u2014"
    shown = number(value, 0 if float(value).is_integer() else 1)
    unit = unit.strip()
    if not unit or unit == "count":
        return shown
    if unit == "%":
        return with_percent_sign(shown)
    return f"{shown} {unit}"
