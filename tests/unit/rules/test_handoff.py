"""The handoff measured: hand-worked weeks (a holiday, a Friday evening, a
lead followed up before it was qualified, one recycled and qualified again),
the promise read from the plan's own sentences, and working time against a
plain reference that counts minute by minute."""

from datetime import date, datetime, time, timedelta, timezone

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from planner.model.crm import DealRow, LeadRow, Outcome
from planner.rules.handoff import (
    Clock, ServiceLevel, State, WorkingTime, adherence, conversion, deadline, handoff,
    parse_service_level, percentile, recycled_by_reason, revenue)

UTC = timezone.utc
ONE_DAY = ServiceLevel(1, Clock.WORKING_DAYS)
# March 2027: Monday the 1st; Wednesday the 3rd a holiday.
WORK = WorkingTime(days_off=frozenset({date(2027, 3, 3)}))
LATER = datetime(2027, 6, 1, tzinfo=UTC)


def at(day: int, hour: float, month: int = 3) -> datetime:
    return datetime(2027, month, day, tzinfo=UTC) + timedelta(hours=hour)


def lead(mql: datetime, touch: datetime | None = None, **more: object) -> LeadRow:
    return LeadRow(2, "L1", mql, touch, **more)  # type: ignore[arg-type]


@pytest.mark.parametrize(("text", "level"), [
    ("Sales follows up every MQL within one working day.", ONE_DAY),
    ("within 4 business hours", ServiceLevel(4, Clock.WORKING_HOURS)),
    ("first call in 24h", ServiceLevel(24, Clock.HOURS)),
    ("Accepted or returned within 2 days", ServiceLevel(48, Clock.HOURS)),
    ("a call by the next business day", ONE_DAY),
    ("half a working day", ServiceLevel(0.5, Clock.WORKING_DAYS)),
    ("1,5 Arbeitstage? no: 1.5 working days", ServiceLevel(1.5, Clock.WORKING_DAYS)),
    ("within 1 working day, escalated after 2 days", None),  # two promises: asked
    ("promptly, with care", None),
    ("", None),
])
def test_the_promise_is_read_from_the_plans_own_sentence(text: str,
                                                         level: ServiceLevel | None) -> None:
    assert parse_service_level(text) == level


def test_a_week_with_a_holiday() -> None:
    # Tuesday 16:00: one hour that day, Wednesday off, seven more on Thursday.
    assert deadline(at(2, 16), ONE_DAY, WORK) == at(4, 16)
    met = handoff(lead(at(2, 16), at(4, 15)), ONE_DAY, WORK, LATER)
    assert met.state is State.MET and met.took == pytest.approx(7 / 8)
    late = handoff(lead(at(2, 16), at(4, 16.5)), ONE_DAY, WORK, LATER)
    assert late.state is State.LATE and late.took == pytest.approx(8.5 / 8)


def test_a_lead_qualified_on_friday_evening_is_due_by_mondays_close() -> None:
    friday = at(5, 19)
    assert deadline(friday, ONE_DAY, WORK) == at(8, 17)
    assert handoff(lead(friday, at(8, 10)), ONE_DAY, WORK, LATER).took == pytest.approx(1 / 8)
    # After Monday's close and before Tuesday's opening no working time passes.
    evening = handoff(lead(friday, at(8, 18.5)), ONE_DAY, WORK, LATER)
    assert evening.state is State.MET and evening.took == pytest.approx(1)
    assert handoff(lead(friday), ONE_DAY, WORK, at(8, 20)).state is State.WAITING
    assert handoff(lead(friday), ONE_DAY, WORK, at(9, 9.25)).state is State.NEVER
    tuesday = handoff(lead(friday, at(9, 9.5)), ONE_DAY, WORK, LATER)
    assert tuesday.state is State.LATE and tuesday.took == pytest.approx(8.5 / 8)
    # On a clock of plain hours the weekend counts.
    hours = handoff(lead(friday, at(8, 10)), ServiceLevel(24, Clock.HOURS), WORK, LATER)
    assert hours.state is State.LATE and hours.took == pytest.approx(63)


def test_a_lead_followed_up_before_it_was_qualified_was_answered_at_once() -> None:
    early = handoff(lead(at(1, 11), at(1, 10)), ONE_DAY, WORK, LATER)
    assert early.state is State.MET and early.took == 0


def test_a_lead_recycled_and_qualified_again_is_judged_on_its_new_qualification() -> None:
    # The touch answered the first cycle; sales sent it back; marketing qualified it again.
    again = lead(at(15, 9), at(1, 10), recycled_at=at(10, 12), recycle_reason="No budget")
    assert handoff(again, ONE_DAY, WORK, LATER).state is State.NEVER
    answered = lead(at(15, 9), at(16, 11), recycled_at=at(10, 12))
    h = handoff(answered, ONE_DAY, WORK, LATER)
    assert h.state is State.LATE and h.took == pytest.approx(10 / 8)
    # Not yet due: neither met nor missed.
    assert handoff(lead(at(15, 9)), ONE_DAY, WORK, at(15, 12)).state is State.WAITING


def test_adherence_per_month_by_owner_source_and_region() -> None:
    rows = [
        lead(at(1, 10), at(1, 12), owner="Ines", source="Webinar", region="North"),   # 2 h
        lead(at(2, 10), at(2, 11), owner="Ines", source="Webinar", region="North"),   # 1 h
        lead(at(4, 10), at(5, 12), owner="Jonas", source="Paid", region="South"),     # 10 h late
        lead(at(8, 10), None, owner="Jonas", source="Paid", region="South"),          # never
        lead(at(30, 16), None, owner="Jonas", source="Paid", region="South"),         # waiting
        lead(at(5, 10, month=4), at(5, 14, month=4), owner="Ines", source="Paid"),    # April
    ]
    now = at(31, 10)
    march = adherence(rows, ServiceLevel(8, Clock.WORKING_HOURS), WORK, now)["2027-03"]
    assert (march.all.met, march.all.late, march.all.never, march.all.waiting) == (2, 1, 1, 1)
    assert march.all.share_met == 0.5
    assert march.all.median == 2 and march.all.p90 == 10
    assert march.by_owner["Ines"].share_met == 1 and march.by_owner["Jonas"].share_met == 0
    assert march.by_region["South"].never == 1
    assert march.by_source["Webinar"].median == 1.5
    assert list(adherence(rows, ONE_DAY, WORK, now)) == ["2027-03", "2027-04"]


def test_a_lead_qualified_late_at_night_counts_in_its_own_zones_month() -> None:
    berlin = WorkingTime(zone="Europe/Berlin")
    # 23:30 UTC on 31 March is 01:30 on 1 April in Berlin.
    row = lead(datetime(2027, 3, 31, 23, 30, tzinfo=UTC))
    assert list(adherence([row], ONE_DAY, berlin, LATER)) == ["2027-04"]
    # Berlin's working day opens at 09:00 local (07:00 UTC in summer time).
    assert deadline(datetime(2027, 4, 1, 6, 0, tzinfo=UTC), ONE_DAY, berlin) == \
        datetime(2027, 4, 1, 15, 0, tzinfo=UTC)


def test_sent_back_by_reason_conversion_and_revenue() -> None:
    rows = [lead(at(1, 10), recycled_at=at(3, 12), recycle_reason="No budget"),
            lead(at(2, 10), recycled_at=at(4, 12), recycle_reason="No budget"),
            lead(at(2, 10), recycled_at=at(9, 12), recycle_reason="Wrong persona"),
            lead(at(1, 10), sql_at=at(3, 10), opportunity_at=at(13, 10)),
            lead(at(1, 10), sql_at=at(5, 10))]
    assert recycled_by_reason(rows, WORK) == {"2027-03": {"No budget": 2, "Wrong persona": 1}}
    march = conversion(rows, WORK)["2027-03"]
    assert march.share("sql_at") == 2 / 5 and march.share("opportunity_at") == 1 / 5
    assert march.median_days("sql_at") == 3 and march.median_days("opportunity_at") == 10
    deals = [DealRow(2, "D1", "Closed Won", Outcome.WON, at(1, 9), 1000.0, date(2027, 4, 2),
                     source="Webinar"),
             DealRow(3, "D2", "Negotiation", Outcome.OPEN, at(2, 9), 500.0, source="Paid"),
             DealRow(4, "D3", "Closed Lost", Outcome.LOST, at(2, 9), None, date(2027, 3, 9))]
    by_source = revenue(deals, WORK, "source")
    assert by_source["2027-03"]["Webinar"].pipeline == 1000
    assert by_source["2027-03"]["Paid"].pipeline == 500
    assert by_source["2027-04"]["Webinar"].won == 1000
    total = revenue(deals, WORK)
    assert total["2027-03"][""].deals_created == 3 and total["2027-03"][""].won == 0


def test_the_nearest_rank_percentile() -> None:
    assert percentile([5, 1, 4, 2, 3], 0.9) == 5
    assert percentile(list(range(1, 11)), 0.9) == 9
    assert percentile([7.0], 0.9) == 7


# -- working time against a plain reference ----------------------------------------

def minutes_of_work(work: WorkingTime, a: datetime, b: datetime) -> float:
    """The slow, plain reference: every minute from a to b, counted when the
    team works then (the moments are whole minutes)."""
    from zoneinfo import ZoneInfo

    tz = UTC if work.zone == "UTC" else ZoneInfo(work.zone)
    count, t = 0, a
    while t < b:
        local = t.astimezone(tz)
        if work.works_on(local.date()) and work.start <= local.time() < work.end:
            count += 1
        t += timedelta(minutes=1)
    return count / 60


CALENDARS = st.sampled_from([
    WORK,
    WorkingTime(weekdays=frozenset(range(7)), start=time(8), end=time(18)),
    WorkingTime(zone="Europe/Berlin", days_off=frozenset({date(2027, 3, 29)})),
    WorkingTime(zone="America/New_York", start=time(8, 30), end=time(17, 30)),
])
MOMENTS = st.integers(0, 60 * 24 * 24).map(
    lambda m: datetime(2027, 3, 20, tzinfo=UTC) + timedelta(minutes=m))  # across DST changes


@settings(max_examples=60, deadline=None)
@given(CALENDARS, MOMENTS, st.integers(0, 60 * 24 * 9))
def test_working_time_counts_as_the_minute_by_minute_reference(
        work: WorkingTime, a: datetime, span: int) -> None:
    b = a + timedelta(minutes=span)
    assert work.elapsed(a, b) == pytest.approx(minutes_of_work(work, a, b), abs=1e-9)


@settings(max_examples=60, deadline=None)
@given(CALENDARS, MOMENTS, st.integers(1, 60 * 40))
def test_adding_working_time_lands_where_that_much_has_passed(
        work: WorkingTime, a: datetime, minutes: int) -> None:
    hours = minutes / 60
    end = work.add(a, hours)
    assert work.elapsed(a, end) == pytest.approx(hours, abs=1e-9)
    # ... and not a minute later than it had to: the minute before lacks some.
    assert work.elapsed(a, end - timedelta(minutes=1)) < hours
