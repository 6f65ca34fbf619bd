"""Metrics: actuals period by period, and targets worked back from revenue."""

from collections.abc import Iterable, Mapping

from planner.changes import ChangeSet, added, changed
from planner.model import Metric, MetricValue
from planner.model.reader import PlanReader
from planner.operations.rows import new

Actual = tuple[str, str, float, str]  # metric id, period, actual, note


def record_actuals(reader: PlanReader, actuals: Iterable[Actual],
                   label: str = "Set actuals") -> ChangeSet:
    """Actuals for (metric, period) pairs: new pairs are added, known ones
    overwritten (the last value given for a pair wins)."""
    known = {(v.metric_id, v.period): v for v in reader.rows(MetricValue)}
    wanted: dict[tuple[str, str], tuple[float, str]] = {}
    for metric_id, period, actual, note in actuals:
        wanted[(metric_id, period)] = (actual, note)
    rows = []
    for (metric_id, period), (actual, note) in wanted.items():
        old = known.get((metric_id, period))
        if old is None:
            rows.append(added(new(MetricValue, metric_id=metric_id, period=period,
                                  actual=actual, note=note)))
        else:
            rows.append(changed(old, old._replace(actual=float(actual), note=note)))
    return ChangeSet(label, tuple(rows))


def apply_targets(reader: PlanReader, needed: Mapping[str, int]) -> ChangeSet:
    """Metrics that count a funnel stage take that stage's monthly need as
    their target (the back-calculation from revenue)."""
    metrics = [m for m in reader.rows(Metric)
               if m.funnel_stage_id in needed and m.unit in ("count", "")]
    rows = tuple(changed(m, m._replace(target=float(needed[m.funnel_stage_id or ""])))
                 for m in metrics)
    return ChangeSet(f"Apply {len(rows)} funnel targets", rows)
