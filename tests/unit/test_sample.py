"""The sample plan reads like a real one: units that fit, goals measured,
holidays on working days, debriefs in different words, and no findings."""

from pathlib import Path

from planner.model import (
    FieldRide, Goal, HotButton, Metric, MetricGoal, MetricValue, NonWorkingDay)
from planner.model.enums import RideStatus
from planner.rules.checks import plan_findings
from planner.sample import write_sample


def test_the_small_sample_plan_is_believable(tmp_path: Path) -> None:
    with write_sample(tmp_path / "s.tandem") as s:
        metrics = s.rows(Metric)
        actuals: dict[str, list[float]] = {}
        for v in s.rows(MetricValue):
            actuals.setdefault(v.metric_id, []).append(v.actual)
        rates = [m for m in metrics if m.name.lower().endswith("rate")]
        money = [m for m in metrics if "pipeline" in m.name.lower() or "deal size" in m.name]
        assert rates and money
        for m in rates:  # percent values, not shares and not counts
            assert m.unit == "%", m
            assert m.baseline is not None and m.target is not None, m
            assert all(0 < x < 100 for x in (m.baseline, m.target, *actuals[m.id])), m
        for m in money:
            assert m.unit == "EUR", m
            assert m.baseline is not None and m.baseline >= 10_000, m
        assert {m.unit for m in metrics} - {"%", "EUR"} <= {"count", "days", "hours"}

        measured = {link.goal_id for link in s.rows(MetricGoal)}
        assert [g.title for g in s.rows(Goal) if g.id not in measured] == []

        holidays = s.rows(NonWorkingDay)
        assert holidays
        assert [(d.day, d.occasion) for d in holidays if d.day.weekday() >= 5] == []

        done = [r for r in s.rows(FieldRide) if r.status is RideStatus.DONE]
        assert len({r.customers_asked for r in done}) >= 5
        assert len({r.marketing_changes for r in done}) >= 5
        assert len({r.sales_changes for r in done}) >= 5
        hot_buttons = s.rows(HotButton)
        assert len({h.words for h in hot_buttons}) > 3  # more than the first few problems
        assert all(h.message_id for h in hot_buttons)

        assert plan_findings(s) == []
