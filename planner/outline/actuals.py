"""What the plan's CRM data says, as every reader is shown it: each metric's
actuals, typed or computed (`imports.crm_metrics`), the one call every view,
the PDF and `tandem check` read actuals through; and the handoff in one
sentence (the Overview, the summary, the Funnel page and slide)."""

from collections.abc import Sequence
from typing import TYPE_CHECKING

from planner.i18n import _
from planner.errors import PlanError
from planner.model import CrmImport, Metric, MetricValue
from planner.model.reader import PlanReader

if TYPE_CHECKING:
    from planner.imports.crm_memo import FigureTable


def actual_values(reader: PlanReader) -> Sequence[MetricValue]:
    """Typed actuals as stored; a computed metric's worked out (numpy and the
    CRM figures are loaded only for a plan that has one)."""
    metrics = reader.rows(Metric)
    computed = {m.id for m in metrics if m.computed}
    if not computed:
        return reader.rows(MetricValue)
    from planner.imports.crm_memo import MISS, remembered_values

    try:
        found = remembered_values(reader, [m for m in metrics if m.id in computed])
        if found is not MISS:  # as `crm_metrics.actuals` gives them, without numpy
            return [*(v for v in reader.rows(MetricValue) if v.metric_id not in computed),
                    *found]
        from planner.imports.crm_metrics import actuals

        return actuals(reader)
    except PlanError:  # the CRM data cannot be read: its figures are left out, not guessed
        return [v for v in reader.rows(MetricValue) if v.metric_id not in computed]


def handoff_sentence(reader: PlanReader) -> str | None:
    """The latest month's handoff, measured from the CRM data the plan holds
    (a plan file's store only: a version or a change in progress has none)."""
    if not reader.rows(CrmImport) or getattr(reader, "attached", None) is None:
        return None  # (numpy and the figures are loaded only for a plan with CRM data)
    try:
        return handoff_summary(reader)
    except PlanError as exc:
        return _("The CRM data cannot be read: {reason}").format(reason=exc)


def handoff_summary(reader: PlanReader) -> str | None:
    """`crm_figures.handoff_summary`, remembered without numpy where it can be
    (`crm_memo`); a PlanError when the CRM data cannot be read."""
    from planner.imports.crm_memo import MISS, remembered_summary

    found = remembered_summary(reader)
    if found is not MISS:
        return found  # type: ignore[no-any-return]
    from planner.imports.crm_figures import handoff_summary as worked

    return worked(reader)


def handoff_tables(reader: PlanReader, months: int = 6) -> "list[FigureTable]":
    """`crm_figures.handoff_tables`, remembered without numpy where it can be."""
    from planner.imports.crm_memo import MISS, remembered_tables

    found = remembered_tables(reader, months)
    if found is not MISS:
        return found  # type: ignore[no-any-return]
    from planner.imports.crm_figures import handoff_tables as worked

    return worked(reader, months=months)
