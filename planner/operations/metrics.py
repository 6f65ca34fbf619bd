"""Metrics: actuals period by period, and targets worked back from revenue."""

from collections.abc import Iterable, Mapping

from planner.i18n import _
from planner.changes import ChangeSet, added, changed
from planner.errors import InvalidEdit

from planner.model import Metric, MetricValue
from planner.model.crm import FIGURES
from planner.model.reader import PlanReader
from planner.operations.rows import new, quoted

Actual = tuple[str, str, float, str]  # metric id, period, actual, note


def record_actuals(reader: PlanReader, actuals: Iterable[Actual],
                   label: str = "Set actuals") -> ChangeSet:
    """Actuals for (metric, period) pairs: new pairs are added, known ones
    overwritten (the last value given for a pair wins)."""
    known = {(v.metric_id, v.period): v for v in reader.rows(MetricValue)}
    metrics = reader.rows(Metric)
    computed = {m.id: (n, m) for n, m in enumerate(metrics) if m.computed}
    wanted: dict[tuple[str, str], tuple[float, str]] = {}
    for metric_id, period, actual, note in actuals:
        if metric_id in computed:
            n, metric = computed[metric_id]
            raise InvalidEdit(_("metrics[{n}] {name}: its actuals are computed from the CRM "
                                "data, so {period} cannot be typed; nothing was changed. Set "
                                "its “Computed from” to “Typed” first.").format(
                                    n=n, name=quoted(metric.name), period=period))
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
    return ChangeSet(_("Apply {rows} funnel targets").format(rows=len(rows)), rows)


def compute_from(metric: Metric, figure: str) -> ChangeSet:
    """A metric's actuals computed from the CRM data (`figure`, a key of
    `model.crm.FIGURES`) or typed again (""), in one change; a figure with a
    unit and a direction of its own gives them to the metric too. Typed
    actuals stay in the plan, set aside while the metric is computed."""
    if figure and figure not in FIGURES:
        raise InvalidEdit(_("{figure} is no figure Tandem computes; {name} is unchanged.")
                          .format(figure=repr(figure[:40]), name=metric.name[:80]))
    if figure == metric.computed:
        return ChangeSet(_("Nothing to change"), ())
    found = FIGURES.get(figure)
    after = metric._replace(computed=figure)
    if found is not None:
        after = after._replace(direction=found.direction,
                               unit=found.unit or metric.unit)
    label = f"Compute {quoted(metric.name)} from the CRM data" if figure else \
        f"Type the actuals of {quoted(metric.name)}"
    return ChangeSet(label, (changed(metric, after),))
