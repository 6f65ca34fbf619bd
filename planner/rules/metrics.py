"""Metric status: on track, at risk or off track, from baseline, target,
direction and the latest actual (the rule is written in docs/metric-status.md)."""

import calendar
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from enum import Enum

from planner.model import Goal, Metric, MetricGoal, MetricValue, Plan
from planner.i18n import N_, _, percent
from planner.model.enums import Cadence, EngagedTeam, MetricDirection, label
from planner.rules.findings import Finding

ON_TRACK_SLACK = 0.10   # behind the straight line by at most this share: on track
AT_RISK_SLACK = 0.30    # behind by more, up to this share: at risk


class MetricStatus(str, Enum):
    ON_TRACK = N_("on track")
    AT_RISK = N_("at risk")
    OFF_TRACK = N_("off track")
    NO_DATA = N_("no data")


@dataclass(frozen=True)
class Assessment:
    status: MetricStatus
    progress: float | None   # share of the way from baseline to target (1.0 = there)
    expected: float | None   # share of the way the plan's time says we should be
    reason: str


def period_end(period: str) -> date:
    """The last day of "2027-03" or "2027-Q1"."""
    year, part = period.split("-")
    month = int(part[1]) * 3 if part.startswith("Q") else int(part)
    return date(int(year), month, calendar.monthrange(int(year), month)[1])


def elapsed(start: date, end: date, at: date) -> float:
    """Share of the plan period that has passed at `at` (0 to 1)."""
    total = (end - start).days + 1
    return min(1.0, max(0.0, ((at - start).days + 1) / total))


def assess(direction: MetricDirection, baseline: float | None, target: float | None,
           latest: float | None, expected: float) -> Assessment:
    """Compare how far the metric has come with how far time says it should be.

    progress = (latest - baseline) / (target - baseline), the same formula for
    both directions because a lower-is-better target lies below its baseline.
    """
    if latest is None or baseline is None or target is None:
        return Assessment(MetricStatus.NO_DATA, None, None, _("No actual, baseline or target yet."))
    better = 1 if direction is MetricDirection.HIGHER_IS_BETTER else -1
    if target == baseline or (target - baseline) * better < 0:
        hit = (latest - target) * better >= 0
        return Assessment(MetricStatus.ON_TRACK if hit else MetricStatus.OFF_TRACK, None,
                          expected, _("At or better than target.") if hit else _("Worse than target."))
    progress = (latest - baseline) / (target - baseline)
    gap = expected - progress
    if progress >= 1 or gap <= ON_TRACK_SLACK:
        status, why = MetricStatus.ON_TRACK, _("on or ahead of the straight line to target")
    elif progress < 0:
        status, why = MetricStatus.OFF_TRACK, _("moving away from the target")
    elif gap <= AT_RISK_SLACK:
        status, why = MetricStatus.AT_RISK, _("behind the straight line to target")
    else:
        status, why = MetricStatus.OFF_TRACK, _("far behind the straight line to target")
    return Assessment(status, progress, expected,
                      _("{progress} of the way with {expected} of the time gone: {why}.").format(
                          progress=percent(progress), expected=percent(expected), why=why))


def latest_values(values: Iterable[MetricValue]) -> dict[str, MetricValue]:
    """Each metric's latest actual (periods sort as text: 2027-03 < 2027-Q2 is
    never compared, a metric keeps one cadence)."""
    latest: dict[str, MetricValue] = {}
    for v in values:
        if v.metric_id not in latest or v.period > latest[v.metric_id].period:
            latest[v.metric_id] = v
    return latest


def metric_statuses(plan: Plan, metrics: Sequence[Metric],
                    values: Iterable[MetricValue]) -> dict[str, Assessment]:
    latest = latest_values(values)
    out = {}
    for m in metrics:
        last = latest.get(m.id)
        expected = elapsed(plan.period_start, plan.period_end,
                           period_end(last.period)) if last else 0.0
        out[m.id] = assess(m.direction, m.baseline, m.target,
                           last.actual if last else None, expected)
    return out


def shared_reward_findings(plan: Plan, metrics: Sequence[Metric], goals: Sequence[Goal],
                           links: Sequence[MetricGoal]) -> list[Finding]:
    """When the teams rise or fall together, nothing may count for one team only."""
    if not plan.shared_rewards:
        return []
    found = [Finding("metrics", m.id, _("Metric \u201c{name}\u201d is reported by {team} only, "
                                        "but the plan says both teams rise or fall "
                                        "together.").format(name=m.name,
                                                            team=label(m.reported_by).lower()))
             for m in metrics if m.reported_by is not EngagedTeam.BOTH]
    by_id = {m.id: m for m in metrics}
    measured: dict[str, set[EngagedTeam]] = {}
    for link in links:
        if link.metric_id in by_id:
            measured.setdefault(link.goal_id, set()).add(by_id[link.metric_id].reported_by)
    for g in goals:
        teams = measured.get(g.id)
        if teams and EngagedTeam.BOTH not in teams and len(teams) == 1:
            team = label(next(iter(teams))).lower()
            found.append(Finding("goals", g.id, _("Goal \u201c{title}\u201d is measured only by "
                                                  "metrics {team} reports.").format(
                                                      title=g.title, team=team)))
    return found


def plan_periods(plan: Plan, cadence: Cadence) -> list[str]:
    """The periods of the plan for a cadence: "2027-01"… or "2027-Q1"…."""
    out, year, month = [], plan.period_start.year, plan.period_start.month
    end = (plan.period_end.year, plan.period_end.month)
    while (year, month) <= end:
        label = f"{year}-Q{(month - 1) // 3 + 1}" if cadence is Cadence.QUARTERLY \
            else f"{year}-{month:02d}"
        if label not in out:
            out.append(label)
        month += 1
        if month > 12:
            year, month = year + 1, 1
    return out
