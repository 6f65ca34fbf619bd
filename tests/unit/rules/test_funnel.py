"""Working back from revenue: how many of each funnel stage a period needs."""

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from planner.rules.funnel import flows_through, needed_per_stage


def test_working_back_from_revenue() -> None:
    # 1.2M at 20k a deal = 60 won; 30% of proposals win; 50% of opportunities propose.
    assert needed_per_stage(1_200_000, 20_000, [0.5, 0.3], periods=12) == [34, 17, 5]


rates = st.lists(st.floats(0.01, 1.0), min_size=1, max_size=7)


@given(st.floats(1_000, 1e9), st.floats(100, 1e6), rates, st.integers(1, 24))
def test_back_calculation_round_trips(revenue, deal, conversion, periods) -> None:  # type: ignore[no-untyped-def]
    counts = needed_per_stage(revenue, deal, conversion, periods)
    assert len(counts) == len(conversion) + 1
    # Feeding the first stage's count forward reaches at least the won deals needed.
    won = flows_through(counts, conversion)[-1]
    assert won * deal * periods >= revenue * (1 - 1e-9)
    # And one fewer at the top would not always suffice: counts are not padded.
    assert counts[-1] == math.ceil(round(revenue / deal / periods, 9))


def test_back_calculation_refuses_impossible_rates() -> None:
    with pytest.raises(ValueError, match="conversion rate"):
        needed_per_stage(1000, 10, [0.5, 0])
    with pytest.raises(ValueError, match="deal size"):
        needed_per_stage(1000, 0, [0.5])


