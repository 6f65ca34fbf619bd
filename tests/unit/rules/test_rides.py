"""Ride rules: working days, conflicts, teams, balance and targets."""

from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from planner.model import FieldRide, Person, Plan
from planner.model.enums import RideDirection, RideStatus, Team
from planner.operations.rows import new
from planner.rules.balance import balance, balance_findings
from planner.rules.rides import (
    WorkCalendar, conflicting_ride_ids, periods, ride_findings, settled, team_problem, turned)

M2S, S2M = RideDirection.MARKETING_WITH_SALES, RideDirection.SALES_WITH_MARKETING
PLAN = new(Plan, title="P", period_start=date(2027, 1, 1), period_end=date(2027, 12, 31))
MARK = new(Person, id="m", name="Mia Marketing", team=Team.MARKETING)
SALE = new(Person, id="s", name="Sam Sales", team=Team.SALES)
OTHER = new(Person, id="o", name="Ola Finance", team=Team.OTHER)


def ride(first: date, last: date, visitor: str = "m", host: str = "s", direction=M2S,  # type: ignore[no-untyped-def]
         status=RideStatus.PLANNED, ride_id: str | None = None) -> FieldRide:
    return new(FieldRide, id=ride_id or f"{visitor}{host}{first}{last}", first_day=first,
               last_day=last, visitor_id=visitor, host_id=host, direction=direction,
               status=status, territory="DACH")


def brute_days(first: date, last: date, cal: WorkCalendar) -> int:
    n, day = 0, first
    while day <= last:
        if not (cal.exclude_weekends and day.weekday() >= 5) and day not in cal.holidays:
            n += 1
        day += timedelta(days=1)
    return n


@given(st.dates(date(2026, 1, 1), date(2029, 1, 1)), st.integers(0, 60), st.booleans(),
       st.lists(st.dates(date(2026, 1, 1), date(2029, 3, 1)), max_size=8, unique=True))
def test_working_days_match_counting_one_by_one(first, span, weekends, holidays) -> None:  # type: ignore[no-untyped-def]
    cal = WorkCalendar(weekends, tuple(sorted(holidays)))
    last = first + timedelta(days=span)
    assert cal.days(first, last) == brute_days(first, last, cal)


def test_a_week_has_five_working_days_less_holidays() -> None:
    monday = date(2027, 5, 3)
    assert WorkCalendar().days(monday, monday + timedelta(days=6)) == 5
    assert WorkCalendar(True, (date(2027, 5, 4),)).days(monday, monday + timedelta(6)) == 4
    assert WorkCalendar(False).days(monday, monday + timedelta(days=6)) == 7


schedules = st.lists(st.tuples(st.sampled_from("abcd"), st.sampled_from("wxyz"),
                               st.integers(0, 60), st.integers(0, 5), st.booleans()),
                     max_size=30)


@settings(max_examples=200)
@given(schedules)
def test_conflicts_flag_exactly_the_rides_that_share_a_day(schedule) -> None:  # type: ignore[no-untyped-def]
    start = date(2027, 1, 1)
    rides = [ride(start + timedelta(days=d), start + timedelta(days=d + n), v, h,
                  status=RideStatus.CANCELLED if cancelled else RideStatus.PLANNED,
                  ride_id=str(i))
             for i, (v, h, d, n, cancelled) in enumerate(schedule)]
    live = [r for r in rides if r.status is not RideStatus.CANCELLED]
    expected = {a.id for a in live for b in live
                if a is not b and {a.visitor_id, a.host_id} & {b.visitor_id, b.host_id}
                and a.first_day <= b.last_day and b.first_day <= a.last_day}
    assert conflicting_ride_ids(rides) == expected


def test_cancelled_rides_never_conflict() -> None:
    day = date(2027, 3, 1)
    rides = [ride(day, day, ride_id="a"), ride(day, day, status=RideStatus.CANCELLED, ride_id="b")]
    assert conflicting_ride_ids(rides) == set()
    rides[1] = rides[1]._replace(status=RideStatus.CONFIRMED)
    assert conflicting_ride_ids(rides) == {"a", "b"}


@pytest.mark.parametrize(("direction", "visitor", "host", "message"), [
    (M2S, MARK, SALE, None),
    (S2M, SALE, MARK, None),
    (M2S, SALE, MARK, "Sam Sales is in sales, but the visitor"),
    (S2M, SALE, SALE, "Sam Sales is in sales, but the host"),
    (M2S, OTHER, SALE, "Ola Finance is in other"),
    (M2S, None, SALE, "no visitor"),
])
def test_teams_must_match_the_direction(direction, visitor, host, message) -> None:  # type: ignore[no-untyped-def]
    problem = team_problem(direction, visitor, host)
    assert (problem is None) if message is None else (message in (problem or ""))


def test_findings_name_conflicts_strangers_and_dates_outside_the_period() -> None:
    d = date(2027, 6, 7)
    rides = [ride(d, d + timedelta(2), ride_id="a"), ride(d + timedelta(1), d + timedelta(1),
                                                           ride_id="b"),
             ride(date(2028, 2, 1), date(2028, 2, 2), ride_id="c"),
             ride(d, d, visitor="gone", ride_id="d")]
    messages = [f.message for f in ride_findings(PLAN, rides, [MARK, SALE])]
    assert "Mia Marketing is on two field rides on 8 Jun 2027 (DACH, DACH)." in messages
    assert "Sam Sales is on two field rides on 8 Jun 2027 (DACH, DACH)." in messages
    assert any("of 1 \u2013 2 Feb 2028 falls outside the plan period" in m for m in messages)
    assert any("visitor of the field ride of 7 Jun 2027 is not on the plan" in m
               for m in messages)


def test_quarters_and_halves_of_a_period() -> None:
    assert [p[0] for p in periods(date(2027, 2, 1), date(2027, 12, 31), 3)] == [
        "2027 Q1", "2027 Q2", "2027 Q3", "2027 Q4"]
    assert periods(date(2027, 1, 1), date(2028, 3, 1), 6)[-1] == (
        "2028 H1", date(2028, 1, 1), date(2028, 6, 30))


def test_balance_counts_days_per_direction_and_finds_who_is_below_target() -> None:
    plan = PLAN._replace(marketing_days_per_quarter=3, sales_days_per_half=2,
                         max_direction_ratio=1.5)
    monday = date(2027, 3, 29)  # Mon 29 Mar to Fri 2 Apr: 3 days in Q1, 2 in Q2
    rides = [ride(monday, monday + timedelta(4)),
             ride(date(2027, 5, 3), date(2027, 5, 4), "s", "m", S2M)]
    result = balance(plan, rides, [MARK, SALE], WorkCalendar())
    assert result.days_by_direction == {M2S: 5, S2M: 2}
    assert result.visiting["m"] == {"2027 Q1": 3, "2027 Q2": 2}
    assert result.visiting["s"] == {"2027 H1": 2}
    assert result.hosting == {"s": 5, "m": 2}
    assert result.ratio == 2.5 and not result.both_ways
    short = {(s.person_id, s.period) for s in result.shortfalls}
    assert short == {("m", "2027 Q2"), ("m", "2027 Q3"), ("m", "2027 Q4"), ("s", "2027 H2")}
    messages = [f.message for f in balance_findings(result, {"m": "Mia", "s": "Sam"})]
    assert messages[0] == ("The plan does not ride both ways: 5 days of marketing with sales "
                           "against 2 days of sales with marketing (the plan allows 1.5x).")
    assert "Mia is below the ride target in 3 period(s): 2027 Q2 2 of 3, 2027 Q3 0 of 3, " \
           "2027 Q4 0 of 3 days." in messages


def test_one_way_riding_is_not_both_ways_even_without_a_ratio() -> None:
    result = balance(PLAN, [ride(date(2027, 3, 1), date(2027, 3, 1))], [MARK, SALE],
                     WorkCalendar())
    assert result.ratio is None and not result.both_ways


def test_a_turned_ride_swaps_its_people_unless_they_were_chosen_too() -> None:
    before = ride(date(2027, 3, 1), date(2027, 3, 2), ride_id="r")
    assert turned(before) == before._replace(direction=S2M, visitor_id="s", host_id="m")
    # Only the direction changed: the rules swap the people so the pair stays valid.
    assert settled(before, before._replace(direction=S2M)) == turned(before)
    # Direction and people chosen together: as given.
    chosen = before._replace(direction=S2M, visitor_id="s", host_id="m")
    assert settled(before, chosen) == chosen
    # A new ride is as given.
    assert settled(None, before) == before
