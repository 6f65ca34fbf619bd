"""Metrics computed from the plan's CRM data instead of typed.

A metric whose `computed` names one of `FIGURES` has no typed actuals: its
actual for each period is worked out from the current leads or deals (each
CRM id's newest row, `crm_figures`) whenever the plan is read, so it always
agrees with the data, a merge of two copies' imports needs nothing more, and
an undo of an import takes its figures with it. Typed actuals such a metric
had before stay in the file, unread, and come back if it is typed again.

Periods are the metric's cadence (months or quarters) in the time zone the
leads were read in; a lead counts in the period it was qualified (for "sent
back", the period it was sent back), a deal in the period it was created
(pipeline) or closed won (revenue, deals won). A period with nothing to
count has no actual, as a period nobody typed.

`actuals(reader)` is every metric's actuals as the readers show them (the
Metrics page, the goals' status, the PDF, `tandem check`): typed ones as
stored, computed ones worked out.
"""

from collections.abc import Sequence
from dataclasses import replace
from datetime import datetime, timezone

import numpy as np

from planner.imports.crm_figures import (
    Snapshot, current_deals, current_leads, handoff_summary, handoff_tables, promise,
    source_words, waiting, working_time)
from planner.imports.crm_memo import _MEMO, _once, values_key, worked_out
from planner.i18n import _
from planner.model import CrmImport, Metric, MetricValue
from planner.model.crm import FIGURES
from planner.model.enums import Cadence, CrmKind
from planner.model.reader import PlanReader
from planner.rules.handoff import WorkingTime
from planner.rules.handoff_columns import MET, LATE, NEVER, local_seconds, states


def _periods(moments: np.ndarray, work: WorkingTime, quarterly: bool
             ) -> tuple[list[str], np.ndarray]:
    """Each moment's period as a code into the labels returned (-1 for none)."""
    known = ~np.isnat(moments)
    index = np.full(len(moments), -1, dtype="int64")
    if not known.any():
        return [], index
    months = local_seconds(work, moments[known]).astype("datetime64[M]")
    number = months.astype("int64")  # months since 1970-01
    if quarterly:
        number = number // 3
    unique, back = np.unique(number, return_inverse=True)
    labels = [f"{1970 + q // 4}-Q{q % 4 + 1}" if quarterly else f"{1970 + q // 12}-{q % 12 + 1:02d}"
              for q in unique.tolist()]
    index[known] = back
    return labels, index


def _per_period(labels: list[str], codes: np.ndarray, weights: np.ndarray | None = None
                ) -> np.ndarray:
    counted = codes >= 0
    return np.bincount(codes[counted], weights=None if weights is None else weights[counted],
                       minlength=len(labels))


def figure_values(reader: PlanReader, key: str, cadence: Cadence,
                  now: datetime | None = None) -> dict[str, float]:
    """The figure's value per period, from the plan's current CRM rows."""
    quarterly = cadence is Cadence.QUARTERLY
    figure = FIGURES.get(key)
    if figure is None:
        return {}
    if figure.holds is CrmKind.DEAL:
        return _deal_values(reader, key, quarterly)
    leads = current_leads(reader)
    if leads is None:
        return {}
    cols, zone = leads
    work = working_time(reader, zone)
    if key == "sent_back":
        labels, codes = _periods(cols.recycled, work, quarterly)
        return _nonzero(labels, _per_period(labels, codes))
    labels, codes = _periods(cols.mql, work, quarterly)
    if key == "mqls":
        return _nonzero(labels, _per_period(labels, codes))
    if key == "mql_to_sql":
        assert cols.later is not None
        all_ = _per_period(labels, codes)
        became = _per_period(labels, np.where(np.isnat(cols.later["sql_at"]), -1, codes))
        return {labels[n]: round(100 * float(became[n]) / float(all_[n]), 1)
                for n in range(len(labels)) if all_[n]}
    found = promise(reader)
    if found is None:
        return {}
    state, took = states(cols, found[1], work, now or datetime.now(timezone.utc))
    if key == "never_followed_up":
        decided = _per_period(labels, np.where(np.isin(state, (MET, LATE, NEVER)), codes, -1))
        never = _per_period(labels, np.where(state == NEVER, codes, -1))
        return {labels[n]: float(never[n]) for n in range(len(labels)) if decided[n]}
    if key == "handoff_kept":
        decided = _per_period(labels, np.where(np.isin(state, (MET, LATE, NEVER)), codes, -1))
        met = _per_period(labels, np.where(state == MET, codes, -1))
        return {labels[n]: round(100 * float(met[n]) / float(decided[n]), 1)
                for n in range(len(labels)) if decided[n]}
    # follow_up_median: the median time taken by the leads followed up
    followed = ~np.isnan(took) & (codes >= 0)
    out = {}
    for n in np.unique(codes[followed]).tolist():
        out[labels[n]] = round(float(np.median(took[followed & (codes == n)])), 1)
    return out


def _nonzero(labels: list[str], counts: np.ndarray) -> dict[str, float]:
    return {labels[n]: float(counts[n]) for n in range(len(labels)) if counts[n]}


def _deal_values(reader: PlanReader, key: str, quarterly: bool) -> dict[str, float]:
    found = current_deals(reader)
    if found is None:
        return {}
    deals, zone = found
    work = working_time(reader, zone)
    amount = np.nan_to_num(deals.amount)
    if key == "pipeline_created":
        labels, codes = _periods(deals.created, work, quarterly)
        made = _per_period(labels, codes)
        sums = _per_period(labels, codes, amount)
        return {labels[n]: round(float(sums[n]), 2) for n in range(len(labels)) if made[n]}
    won = deals.won & ~np.isnat(deals.closed)
    closed = np.where(won, deals.closed.astype("datetime64[us]"), np.datetime64("NaT", "us"))
    # A close date is a day, not a moment: its period is its own, in no zone.
    labels, codes = _periods(closed, replace(work, zone="UTC"), quarterly)
    if key == "deals_won":
        return _nonzero(labels, _per_period(labels, codes))
    got = _per_period(labels, codes)
    sums = _per_period(labels, codes, amount)
    return {labels[n]: round(float(sums[n]), 2) for n in range(len(labels)) if got[n]}


def computed_values(reader: PlanReader, metrics: Sequence[Metric] | None = None,
                    now: datetime | None = None) -> list[MetricValue]:
    """The actuals of the computed metrics (worked out once for the same CRM
    data, promise and metrics: see `crm_figures.fingerprint`)."""
    chosen = [m.id for m in (reader.rows(Metric) if metrics is None else metrics)]
    if now is None:  # kept on disk too (`crm_memo`)
        return worked_out(reader, "values", values_key(reader, metrics),  # type: ignore[no-any-return]
                          ["values", chosen], lambda: _computed_values(reader, metrics),
                          lambda: waiting(reader))
    return _once(_MEMO, values_key(reader, metrics, now),  # type: ignore[no-any-return]
                 lambda: _computed_values(reader, metrics, now))


def _computed_values(reader: PlanReader, metrics: Sequence[Metric] | None = None,
                     now: datetime | None = None) -> list[MetricValue]:
    """The actuals of the computed metrics, as rows the readers take like typed ones
    (ids `crm:<metric>:<period>`, dated by the newest import, the source as the note)."""
    metrics = [m for m in (reader.rows(Metric) if metrics is None else metrics) if m.computed]
    if not metrics:
        return []
    imports = reader.rows(CrmImport)
    if not imports:
        return []
    at = max(i.created_at for i in imports)
    out = []
    for metric in metrics:
        figure = FIGURES.get(metric.computed)
        if figure is None:
            continue
        note = _("Computed from {source}: {figure}.").format(
            source=source_words(reader, figure.holds), figure=_(figure.name))
        for period, value in sorted(figure_values(reader, metric.computed, metric.cadence,
                                                  now).items()):
            out.append(MetricValue(id=f"crm:{metric.id}:{period}", created_at=at,
                                   updated_at=at, metric_id=metric.id, period=period,
                                   actual=value, note=note))
    return out


def actuals(reader: PlanReader, now: datetime | None = None) -> list[MetricValue]:
    """Every metric's actuals as the plan's readers show them: typed ones as
    stored (those of a computed metric set aside), computed ones worked out."""
    metrics = reader.rows(Metric)
    computed = {m.id for m in metrics if m.computed}
    typed = reader.rows(MetricValue)
    if not computed:
        return list(typed)
    return [v for v in typed if v.metric_id not in computed] + \
        computed_values(reader, [m for m in metrics if m.id in computed], now)


def warm(snapshot: Snapshot) -> None:
    """Every figure the window shows, worked out (on a thread, from a snapshot)."""
    handoff_summary(snapshot)
    handoff_tables(snapshot)
    computed_values(snapshot)
