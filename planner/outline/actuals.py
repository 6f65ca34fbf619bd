"""What the plan's CRM data says, as every reader is shown it: each metric's
actuals, typed or computed (`imports.crm_metrics`), the one call every view,
the PDF and `tandem check` read actuals through; and the handoff in one
sentence (the Overview, the summary, the Funnel page and slide)."""

from collections.abc import Sequence

from planner.i18n import _
from planner.errors import PlanError
from planner.model import CrmImport, Metric, MetricValue
from planner.model.reader import PlanReader


def actual_values(reader: PlanReader) -> Sequence[MetricValue]:
    """Typed actuals as stored; a computed metric's worked out (numpy and the
    CRM figures are loaded only for a plan that has one)."""
    computed = {m.id for m in reader.rows(Metric) if m.computed}
    if not computed:
        return reader.rows(MetricValue)
    from planner.imports.crm_metrics import actuals

    try:
        return actuals(reader)
    except PlanError:  # the CRM data cannot be read: its figures are left out, not guessed
        return [v for v in reader.rows(MetricValue) if v.metric_id not in computed]


def handoff_sentence(reader: PlanReader) -> str | None:
    """The latest month's handoff, measured from the CRM data the plan holds
    (a plan file's store only: a version or a change in progress has none)."""
    if not reader.rows(CrmImport) or getattr(reader, "attached", None) is None:
        return None  # (numpy and the figures are loaded only for a plan with CRM data)
    from planner.imports.crm_figures import handoff_summary

    try:
        return handoff_summary(reader)
    except PlanError as exc:
        return _("The CRM data cannot be read: {reason}").format(reason=exc)
