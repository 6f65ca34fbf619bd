"""Funnel arithmetic: work back from revenue to how many of each stage a period needs."""

import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from planner.i18n import N_, _
from planner.model import FunnelStage, Plan


def needed_per_stage(revenue: float, deal_size: float, rates: Sequence[float],
                     periods: int = 1) -> list[int]:
    """How many must enter each stage per period to reach `revenue`.

    `rates[i]` is the share of stage i that reaches stage i+1; the last stage
    is "won". Counts round up: half a lead does not exist.
    """
    if revenue < 0 or deal_size <= 0 or periods < 1:
        raise ValueError("revenue must be 0 or more, deal size and periods more than 0")
    if any(not 0 < r <= 1 for r in rates):
        raise ValueError("every conversion rate must be above 0% and at most 100%")
    need = revenue / deal_size / periods
    counts = [need]
    for rate in reversed(rates):
        need = need / rate
        counts.append(need)
    # Tolerate float noise (0.35 / 0.7 * 0.7 is not exactly 0.35).
    return [math.ceil(round(c, 9)) for c in reversed(counts)]


def flows_through(counts: Sequence[int], rates: Sequence[float]) -> list[float]:
    """Forward: what entering counts[0] yields at each stage with these rates."""
    out = [float(counts[0])]
    for rate in rates:
        out.append(out[-1] * rate)
    return out


def months_of(start: date, end: date) -> int:
    """The calendar months a period touches."""
    return max(1, (end.year - start.year) * 12 + end.month - start.month + 1)


@dataclass(frozen=True)
class FunnelNeeds:
    """What each stage needs a month to reach the plan's revenue, or why it
    cannot be worked out (`problem`: one sentence to fix, "" when worked out)."""

    stages: tuple[tuple[FunnelStage, int], ...] = ()
    months: int = 1
    problem: str = ""


NO_TARGET = N_("Enter a revenue target and an average deal size.")
NO_RATES = N_("Give each stage before the won stage a conversion rate (the share that "
              "reaches the next stage).")


def funnel_needs(plan: Plan, stages: Sequence[FunnelStage]) -> FunnelNeeds:
    """Work back from the plan's revenue target. The chain runs from the first
    stage to the first that counts a won deal (no rate after it, or 100%);
    every stage before it needs a rate."""
    chain: list[FunnelStage] = []
    for stage in stages:
        chain.append(stage)
        if stage.conversion_rate in (None, 1.0):
            break
    rates = [s.conversion_rate for s in chain[:-1]]
    months = months_of(plan.period_start, plan.period_end)
    if not plan.revenue_target or not plan.average_deal_size:
        return FunnelNeeds(months=months, problem=_(NO_TARGET))
    if len(chain) < 2 or any(r is None for r in rates):
        return FunnelNeeds(months=months, problem=_(NO_RATES))
    counts = needed_per_stage(plan.revenue_target, plan.average_deal_size,
                              [r for r in rates if r is not None], months)
    return FunnelNeeds(tuple(zip(chain, counts, strict=True)), months)
