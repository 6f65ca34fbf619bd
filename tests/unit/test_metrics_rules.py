"""Metric status, funnel arithmetic and CSV actuals: pure functions."""

import math
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from planner.imports.actuals import Mapping, guess_mapping, parse_actuals, parse_number, \
    parse_period, read_table
from planner.model.enums import MetricDirection
from planner.rules.funnel import flows_through, needed_per_stage
from planner.rules.metrics import MetricStatus, assess, elapsed, period_end

HIGHER, LOWER = MetricDirection.HIGHER_IS_BETTER, MetricDirection.LOWER_IS_BETTER


@pytest.mark.parametrize(("direction", "baseline", "target", "latest", "expected", "status"), [
    (HIGHER, 100, 200, 150, 0.5, MetricStatus.ON_TRACK),     # on the line
    (HIGHER, 100, 200, 145, 0.5, MetricStatus.ON_TRACK),     # 5 points behind: slack
    (HIGHER, 100, 200, 130, 0.5, MetricStatus.AT_RISK),      # 20 points behind
    (HIGHER, 100, 200, 110, 0.5, MetricStatus.OFF_TRACK),    # 40 points behind
    (HIGHER, 100, 200, 90, 0.1, MetricStatus.OFF_TRACK),     # the wrong way
    (HIGHER, 100, 200, 210, 0.2, MetricStatus.ON_TRACK),     # past target early
    (LOWER, 90, 60, 75, 0.5, MetricStatus.ON_TRACK),         # days down from 90 to 60
    (LOWER, 90, 60, 85, 0.5, MetricStatus.OFF_TRACK),
    (LOWER, 90, 60, 80, 0.5, MetricStatus.AT_RISK),
    (HIGHER, 100, 100, 100, 0.5, MetricStatus.ON_TRACK),     # hold the line
    (HIGHER, 100, None, 150, 0.5, MetricStatus.NO_DATA),
    (HIGHER, 100, 200, None, 0.5, MetricStatus.NO_DATA),
])
def test_status_rule(direction, baseline, target, latest, expected, status) -> None:  # type: ignore[no-untyped-def]
    assert assess(direction, baseline, target, latest, expected).status is status


def test_time_gone_is_measured_to_the_end_of_the_latest_period() -> None:
    assert period_end("2027-02") == date(2027, 2, 28)
    assert period_end("2028-02") == date(2028, 2, 29)
    assert period_end("2027-Q4") == date(2027, 12, 31)
    assert elapsed(date(2027, 1, 1), date(2027, 12, 31), period_end("2027-06")) == \
        pytest.approx(181 / 365)


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


@pytest.mark.parametrize(("text", "comma", "value"), [
    ("1234.5", False, 1234.5), ("1,234.5", False, 1234.5), ("12,5", True, 12.5),
    ("1.234,5", True, 1234.5), ("1\u00a0234,5", True, 1234.5), ("35%", False, 35.0),
    (" -7 ", False, -7.0)])
def test_numbers_as_spreadsheets_write_them(text: str, comma: bool, value: float) -> None:
    assert parse_number(text, comma) == value


@pytest.mark.parametrize(("text", "period"), [
    ("2027-03", "2027-03"), ("2027-3", "2027-03"), ("03/2027", "2027-03"),
    ("31.03.2027", "2027-03"), ("Mar 2027", "2027-03"), ("March 2027", "2027-03"),
    ("2027-03-31", "2027-03"), ("2027-Q1", "2027-Q1"), ("Q1 2027", "2027-Q1")])
def test_periods_in_the_forms_crms_use(text: str, period: str) -> None:
    assert parse_period(text) == period


METRICS = {"MQLs": "m1", "Win rate": "m2"}
PERIODS = [f"2027-{m:02d}" for m in range(1, 13)]


def test_a_european_crm_export_with_bom_semicolons_commas_and_quoted_newlines() -> None:
    data = ("\ufeffMetric;Month;Actual;Comment\r\n"
            "MQLs;2027-01;1.234,5;\"first line\nsecond line\"\r\n"
            "\r\n"
            "win rate;Feb 2027;31,5;\r\n"
            "Pipeline;2027-03;10;\r\n"
            "MQLs;2031-01;5;\r\n"
            "MQLs;someday;5;\r\n"
            "MQLs;2027-04;lots;\r\n").encode("utf-8")
    table = read_table(data)
    assert table.delimiter == ";"
    mapping = guess_mapping(table.header)
    assert mapping == Mapping(0, 1, 2, 3)
    parsed = parse_actuals(table, mapping, METRICS, PERIODS)
    assert [(a.line, a.metric_id, a.period, a.actual) for a in parsed.actuals] == [
        (2, "m1", "2027-01", 1234.5), (5, "m2", "2027-02", 31.5)]
    assert parsed.actuals[0].note == "first line\nsecond line"
    assert parsed.errors == ["line 6: unknown metric \u201cPipeline\u201d",
                             "line 7: period 2031-01 is outside the plan",
                             "line 8: \u201csomeday\u201d is not a period",
                             "line 9: \u201clots\u201d is not a number"]


def test_one_hundred_thousand_rows() -> None:
    lines = ["metric,period,value"] + [f"MQLs,2027-{n % 12 + 1:02d},{n}" for n in range(100_000)]
    table = read_table("\n".join(lines).encode())
    parsed = parse_actuals(table, guess_mapping(table.header), METRICS, PERIODS)  # type: ignore[arg-type]
    assert len(parsed.actuals) == 100_000 and parsed.errors == []
    assert parsed.actuals[-1].actual == 99_999.0


def test_shared_rewards_warn_when_something_counts_for_one_team_only() -> None:
    from planner.model.enums import EngagedTeam
    from planner.rules.metrics import shared_reward_findings

    plan = {"shared_rewards": True}
    metrics = [{"id": "m1", "name": "MQLs", "reported_by": EngagedTeam.MARKETING},
               {"id": "m2", "name": "Win rate", "reported_by": EngagedTeam.BOTH}]
    goals = [{"id": "g1", "title": "More leads"}, {"id": "g2", "title": "Win more"}]
    links = [{"metric_id": "m1", "goal_id": "g1"}, {"metric_id": "m2", "goal_id": "g2"}]
    messages = [f.message for f in shared_reward_findings(plan, metrics, goals, links)]
    assert messages == [
        "Metric \u201cMQLs\u201d is reported by marketing only, but the plan says both teams "
        "rise or fall together.",
        "Goal \u201cMore leads\u201d is measured only by metrics marketing reports."]
    assert shared_reward_findings({"shared_rewards": False}, metrics, goals, links) == []


def test_statuses_use_each_metrics_latest_actual() -> None:
    from planner.rules.metrics import metric_statuses

    plan = {"period_start": date(2027, 1, 1), "period_end": date(2027, 12, 31)}
    metrics = [{"id": "m", "direction": HIGHER, "baseline": 100.0, "target": 200.0}]
    values = [{"metric_id": "m", "period": "2027-06", "actual": 150.0},
              {"metric_id": "m", "period": "2027-02", "actual": 101.0}]
    result = metric_statuses(plan, metrics, values)["m"]
    assert result.status is MetricStatus.ON_TRACK and result.progress == 0.5


# Notes full of the characters that could fool a guesser: delimiters, commas, digits.
cells = st.text(st.sampled_from(list("ab ;,\t|.0123456789\"\n\u00e9\u0416")), max_size=30)


@given(st.sampled_from([",", ";", "\t"]), st.booleans(),
       st.lists(st.tuples(st.sampled_from(list(METRICS)), st.sampled_from(PERIODS),
                          st.floats(-1e6, 1e6, allow_nan=False).map(lambda v: round(v, 2)),
                          cells), max_size=40))
def test_any_actuals_written_as_csv_read_back_the_same(delimiter, comma, records) -> None:  # type: ignore[no-untyped-def]
    import csv as csv_module
    import io

    comma = comma and delimiter != ","
    out = io.StringIO()
    writer = csv_module.writer(out, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow(["Metric", "Period", "Actual", "Note"])
    for name, period, value, note in records:
        number = f"{value:.2f}".replace(".", ",") if comma else f"{value:.2f}"
        writer.writerow([name, period, number, note])
    table = read_table(("\ufeff" + out.getvalue()).encode("utf-8"))
    parsed = parse_actuals(table, Mapping(0, 1, 2, 3), METRICS, PERIODS)
    assert parsed.errors == []
    assert [(a.metric_id, a.period, a.actual, a.note) for a in parsed.actuals] == [
        (METRICS[n], p, v, note.strip()) for n, p, v, note in records
        if any(str(c).strip() for c in (n, p))]


def test_the_plans_periods_by_cadence() -> None:
    from planner.model.enums import Cadence
    from planner.rules.metrics import plan_periods

    plan = {"period_start": date(2027, 11, 15), "period_end": date(2028, 2, 1)}
    assert plan_periods(plan, Cadence.MONTHLY) == ["2027-11", "2027-12", "2028-01", "2028-02"]
    assert plan_periods(plan, Cadence.QUARTERLY) == ["2027-Q4", "2028-Q1"]
