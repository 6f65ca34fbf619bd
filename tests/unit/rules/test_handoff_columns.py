"""The column-at-a-time handoff figures equal the reference's (rules.handoff,
a lead at a time) on generated exports: every month, every owner, source and
region (and leads sent back, conversion, revenue), across time zones with their summer time, calendars with days off
and every kind of promise; and the running working time subtracts to the
reference's working time."""

import math
from datetime import date, datetime, time, timedelta, timezone

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from planner.imports.crm_sample import deals, leads
from planner.model.crm import LeadRow
from planner.rules import handoff as reference
from planner.rules.handoff import Clock, ServiceLevel, WorkingTime
from planner.rules.handoff_columns import (
    DealColumns, LeadColumns, adherence, conversion, recycled_by_reason, revenue, working_time)

UTC = timezone.utc
CALENDARS = st.sampled_from([
    WorkingTime(),
    WorkingTime(days_off=frozenset({date(2027, 3, 3), date(2027, 4, 5)})),
    WorkingTime(weekdays=frozenset(range(6)), start=time(8), end=time(18)),
    WorkingTime(zone="Europe/Berlin", days_off=frozenset({date(2027, 3, 29)})),
    WorkingTime(zone="America/New_York", start=time(8, 30), end=time(17, 30)),
    WorkingTime(zone="Asia/Kathmandu"),  # a quarter-hour offset
])
LEVELS = st.sampled_from([ServiceLevel(1, Clock.WORKING_DAYS), ServiceLevel(0.5, Clock.WORKING_DAYS),
                          ServiceLevel(4, Clock.WORKING_HOURS), ServiceLevel(24, Clock.HOURS)])


def close(a: float | None, b: float | None) -> bool:
    return a is None and b is None or a is not None and b is not None and math.isclose(
        a, b, rel_tol=1e-9, abs_tol=1e-9)


@settings(max_examples=25, deadline=None)
@given(CALENDARS, LEVELS, st.integers(0, 10_000), st.integers(50, 400), st.integers(0, 90))
def test_every_figure_equals_the_reference(work: WorkingTime, level: ServiceLevel, seed: int,
                                           count: int, days_later: int) -> None:
    rows = list(leads(date(2027, 2, 20), 3, count, ("Ines", "Jonas", ""), ("North", "South"),
                      "South", seed=seed))
    # Odd cases too: followed up before the qualification, with and without a recycle between.
    first = rows[0]
    rows += [LeadRow(9001, "x1", first.mql_at, first.mql_at - timedelta(hours=3)),
             LeadRow(9002, "x2", first.mql_at, first.mql_at - timedelta(days=9),
                     recycled_at=first.mql_at - timedelta(days=2))]
    now = datetime(2027, 5, 20, 12, tzinfo=UTC) + timedelta(days=days_later)
    expected = reference.adherence(rows, level, work, now)
    got = adherence(LeadColumns.from_rows(rows), level, work, now)
    assert sorted(got) == sorted(expected)
    for month, figures in expected.items():
        want = {("all", ""): figures.all.summary()}
        for dimension, groups in (("owner", figures.by_owner), ("source", figures.by_source),
                                  ("region", figures.by_region)):
            want.update({(dimension, g): a.summary() for g, a in groups.items()})
        assert sorted(got[month]) == sorted(want), month
        for key, summary in want.items():
            assert got[month][key][:4] == summary[:4], (month, key)
            assert close(got[month][key][4], summary[4]) and close(got[month][key][5],
                                                                  summary[5]), (month, key)


@settings(max_examples=40, deadline=None)
@given(CALENDARS, st.integers(0, 60 * 24 * 40), st.integers(0, 60 * 24 * 12))
def test_the_running_working_time_subtracts_to_the_references(
        work: WorkingTime, start: int, span: int) -> None:
    a = datetime(2027, 3, 10, tzinfo=UTC) + timedelta(minutes=start, seconds=17)
    b = a + timedelta(minutes=span, seconds=29)
    w = working_time(work, np.array([a.replace(tzinfo=None), b.replace(tzinfo=None)],
                                    dtype="datetime64[us]"))
    assert (w[1] - w[0]) / 3.6e9 == pytest.approx(work.elapsed(a, b), abs=1e-9)


@settings(max_examples=20, deadline=None)
@given(CALENDARS, st.integers(0, 10_000), st.integers(50, 400))
def test_sent_back_conversion_and_revenue_equal_the_reference(
        work: WorkingTime, seed: int, count: int) -> None:
    rows = list(leads(date(2027, 1, 20), 4, count, ("Ines", "Jonas"), ("North", "South"),
                      "South", seed=seed))
    made = list(deals(rows, seed=seed))
    cols = LeadColumns.from_rows(rows)
    assert recycled_by_reason(cols, work) == {
        m: dict(c) for m, c in reference.recycled_by_reason(rows, work).items()}
    expected = reference.conversion(rows, work)
    got = conversion(cols, work)
    assert sorted(got) == sorted(expected)
    for month, c in expected.items():
        assert {s: n for s, (n, _) in got[month].items()} == c.reached, month
        for stage in c.reached:
            if stage != "mql_at":
                assert close(got[month][stage][1], c.median_days(stage)), (month, stage)
    money = DealColumns.from_rows(made)
    for by in (None, "source", "campaign"):
        want = reference.revenue(made, work, by)
        have = revenue(money, work, by)
        assert sorted(have) == sorted(want)
        for month, groups in want.items():
            assert sorted(have[month]) == sorted(groups), (month, by)
            for group, r in groups.items():
                pipeline, won, created, won_count = have[month][group]
                assert (created, won_count) == (r.deals_created, r.deals_won)
                assert close(pipeline, r.pipeline) and close(won, r.won)


@pytest.mark.parametrize("zone", ["Europe/Berlin", "America/New_York", "Asia/Kathmandu",
                                  "Australia/Lord_Howe", "UTC"])
def test_local_wall_clock_is_the_zones_own_at_every_moment(zone: str) -> None:
    """Every quarter hour of two years, and moments a second either side of
    each change of offset, on the zone's own wall clock (zoneinfo, one by one)."""
    from zoneinfo import ZoneInfo

    from planner.rules.handoff_columns import local_seconds

    start = datetime(2026, 1, 1, tzinfo=timezone.utc)
    moments = [start + timedelta(minutes=15 * n) for n in range(2 * 366 * 96)]
    moments += [m + timedelta(seconds=s) for m in moments[::97] for s in (-1, 1, 449)]
    work = WorkingTime(zone=zone)
    got = local_seconds(work, np.array([np.datetime64(m.replace(tzinfo=None), "us")
                                        for m in moments]))
    want = np.array([np.datetime64(m.astimezone(ZoneInfo(zone)).replace(tzinfo=None), "us")
                     for m in moments])
    assert (got == want).all(), [str(m) for m, a, b in zip(moments, got, want) if a != b][:5]
