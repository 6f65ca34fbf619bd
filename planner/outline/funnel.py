"""The funnel and metrics sections of the outline."""

from planner.model import FunnelStage, Metric, MetricValue
from planner.model.enums import label
from planner.model.reader import PlanReader
from planner.outline.blocks import (
    FunnelFigure, Heading, MetricCharts, MetricSeries, Paragraph, Section, Table)
from planner.rules.metrics import latest_values, metric_statuses
from planner.sections import section


def funnel_section(reader: PlanReader) -> Section:
    stages = reader.rows(FunnelStage)
    figure = FunnelFigure(tuple((s.name, s.engaged_team.value, s.conversion_rate)
                                for s in stages))
    rows = tuple((s.name, label(s.engaged_team), s.entry_definition,
                  s.handoff_service_level, s.return_service_level,
                  s.send_back_reasons or "\u2014") for s in stages)
    return Section("funnel", section("funnel").title, (
        Paragraph("One buying process, not a marketing process and a sales process: who "
                  "engages at each stage, the entry both sides agreed, and each handoff's "
                  "service level in both directions."),
        figure,
        Table(("Stage", "Engaged", "Entry definition", "Service forward", "Service back",
               "Reasons to send back"), rows, (2.1, 2, 3.2, 2.9, 2.9, 2.4),
              empty_text="No funnel stages yet.")))


def metrics_section(reader: PlanReader) -> Section:
    plan = reader.plan()
    metrics = reader.rows(Metric)
    values = reader.rows(MetricValue)
    statuses = metric_statuses(plan, metrics, values)
    latest = latest_values(values)

    def number(value: float | None) -> str:
        return "\u2014" if value is None else f"{value:,.1f}"

    rows = tuple((m.name, statuses[m.id].status.value,
                  number(latest[m.id].actual) if m.id in latest else "\u2014",
                  latest[m.id].period if m.id in latest else "\u2014",
                  number(m.baseline), number(m.target), label(m.direction),
                  label(m.reported_by)) for m in metrics)
    by_metric: dict[str, list[MetricValue]] = {}
    for v in values:
        by_metric.setdefault(v.metric_id, []).append(v)
    charts = MetricCharts(tuple(MetricSeries(
        m.name, m.unit, statuses[m.id].status.value,
        tuple(v.period for v in by_metric.get(m.id, [])),
        tuple(v.actual for v in by_metric.get(m.id, [])), m.baseline, m.target)
        for m in metrics))
    return Section("metrics", section("metrics").title, (
        Paragraph("Status follows one rule, the same in the window and in tandem check: how "
                  "far each metric has come from baseline to target, against how much of the "
                  "plan's time has gone (on track within 10 points of the straight line, at "
                  "risk within 30)."),
        Table(("Metric", "Status", "Latest", "Period", "Baseline", "Target", "Direction",
               "Reported by"), rows, (3.3, 1.7, 1.5, 1.5, 1.7, 1.5, 2.1, 1.9),
              empty_text="No metrics yet."),
        Heading("Each metric over the periods"), charts))
