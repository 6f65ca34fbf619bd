"""Metric status and shared rewards: pure rules over records."""

from datetime import date

import pytest

from planner.model import Goal, Metric, MetricGoal, MetricValue, Plan
from planner.model.enums import Cadence, EngagedTeam, MetricDirection
from planner.operations.rows import new
from planner.rules.metrics import (
    MetricStatus, assess, elapsed, metric_statuses, period_end, plan_periods,
    shared_reward_findings)

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


def test_shared_rewards_warn_when_something_counts_for_one_team_only() -> None:
    plan = new(Plan, title="P", period_start=date(2027, 1, 1), period_end=date(2027, 12, 31))
    metrics = [new(Metric, id="m1", name="MQLs", reported_by=EngagedTeam.MARKETING),
               new(Metric, id="m2", name="Win rate", reported_by=EngagedTeam.BOTH)]
    goals = [new(Goal, id="g1", title="More leads"), new(Goal, id="g2", title="Win more")]
    links = [new(MetricGoal, metric_id="m1", goal_id="g1"),
             new(MetricGoal, metric_id="m2", goal_id="g2")]
    messages = [f.message for f in shared_reward_findings(plan, metrics, goals, links)]
    assert messages == [
        "Metric \u201cMQLs\u201d is reported by marketing only, but the plan says both teams "
        "rise or fall together.",
        "Goal \u201cMore leads\u201d is measured only by metrics marketing reports."]
    assert shared_reward_findings(plan._replace(shared_rewards=False), metrics, goals,
                                  links) == []


def test_statuses_use_each_metrics_latest_actual() -> None:
    plan = new(Plan, title="P", period_start=date(2027, 1, 1), period_end=date(2027, 12, 31))
    metrics = [new(Metric, id="m", name="MQLs", direction=HIGHER, baseline=100.0,
                   target=200.0)]
    values = [new(MetricValue, metric_id="m", period="2027-06", actual=150.0),
              new(MetricValue, metric_id="m", period="2027-02", actual=101.0)]
    result = metric_statuses(plan, metrics, values)["m"]
    assert result.status is MetricStatus.ON_TRACK and result.progress == 0.5


def test_the_plans_periods_by_cadence() -> None:
    plan = new(Plan, title="P", period_start=date(2027, 11, 15), period_end=date(2028, 2, 1))
    assert plan_periods(plan, Cadence.MONTHLY) == ["2027-11", "2027-12", "2028-01", "2028-02"]
    assert plan_periods(plan, Cadence.QUARTERLY) == ["2027-Q4", "2028-Q1"]
