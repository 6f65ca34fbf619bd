"""Funnel arithmetic: work back from revenue to how many of each stage a period needs."""

import math
from collections.abc import Sequence


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
