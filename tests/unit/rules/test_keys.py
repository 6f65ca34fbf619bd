"""Natural keys: one row per key in a plan. The commit refuses a second,
`check` reports one another program wrote, and diff pairs them."""

import sqlite3
from datetime import date
from pathlib import Path

import pytest

from planner.errors import InvalidEdit
from planner.model import Goal, Metric, MetricGoal, MetricValue, Person
from planner.model.enums import Team
from planner.operations import rides
from planner.operations.rows import add, edit, new
from planner.outline.changes import between, differences
from planner.rules.checks import plan_findings
from planner.store.plan_store import PlanStore


def test_a_second_row_of_one_key_is_refused_with_a_sentence(sample_path: Path) -> None:
    with PlanStore.open(sample_path) as store:
        store.commit(rides.add_non_working_day(date(2027, 4, 14), "Easter Monday"))
        head = store.head()
        with pytest.raises(InvalidEdit, match="14 Apr 2027 is already a non-working day"):
            store.commit(rides.add_non_working_day(date(2027, 4, 14), "Again"))
        metric = store.rows(Metric)[0]
        value = store.rows(MetricValue)[0]
        with pytest.raises(InvalidEdit, match=f"has an actual for {value.period} already"):
            store.commit(add(new(MetricValue, metric_id=value.metric_id, period=value.period,
                                 actual=1.0)))
        link = new(MetricGoal, metric_id=metric.id, goal_id=store.rows(Goal)[0].id)
        store.commit(add(link))
        with pytest.raises(InvalidEdit, match="is measured by .* already"):
            store.commit(add(new(MetricGoal, metric_id=link.metric_id, goal_id=link.goal_id)))
        ana = new(Person, name="Ana", team=Team.SALES, email="ana@example.com")
        store.commit(add(ana))
        with pytest.raises(InvalidEdit, match="the email “ANA@example.com” is in the plan already"):
            store.commit(add(new(Person, name="Ana R.", team=Team.SALES,
                                 email="ANA@example.com ")))
        # Moving an actual onto a month that has one is refused the same way.
        other = next(v for v in store.rows(MetricValue)
                     if v.metric_id == value.metric_id and v.period != value.period)
        with pytest.raises(InvalidEdit, match="already"):
            store.commit(edit(other, period=value.period))
        assert store.head() == head + 2  # only the link and Ana went in
        # People without an email have no key: any number of them.
        for name in ("No mail one", "No mail two"):
            store.commit(add(new(Person, name=name, team=Team.SALES)))


def test_check_reports_two_rows_of_one_key_another_program_wrote(sample_path: Path) -> None:
    with PlanStore.open(sample_path, read_only=True) as store:
        value = store.rows(MetricValue)[0]
        metric = store.get(Metric, value.metric_id)
    conn = sqlite3.connect(sample_path)
    conn.execute("INSERT INTO metric_value (id, created_at, updated_at, metric_id, period, "
                 "actual, note) SELECT 'twin', created_at, updated_at, metric_id, period, 99, '' "
                 "FROM metric_value WHERE id = ?", (value.id,))
    conn.commit()
    conn.close()
    with PlanStore.open(sample_path, read_only=True) as store:
        found = [f for f in plan_findings(store) if f.row_id == "twin"]
    assert metric is not None and [f.message for f in found] == [
        f"\u201c{metric.name}\u201d has two actuals for {value.period} (ids {value.id} and "
        "twin); keep one."]
    assert found[0].section == "metrics"


def test_diff_calls_a_row_of_the_same_key_under_another_id_a_change(sample_path: Path) -> None:
    with PlanStore.open(sample_path, read_only=True) as store:
        old = store.state()
        value = store.rows(MetricValue)[0]
        metric = store.get(Metric, value.metric_id)
    new_state = {kind: dict(rows) for kind, rows in old.items()}
    del new_state[MetricValue][value.id]
    twin = value._replace(id="twin", actual=value.actual + 2)
    new_state[MetricValue]["twin"] = twin
    (found,) = differences(between(old, new_state), old, new_state)
    assert metric is not None
    assert found.line() == (f"metrics: changed actual \u201c{metric.name}, {value.period}\u201d: "
                            f"actual \u201c{value.actual:g}\u201d \u2192 "
                            f"\u201c{value.actual + 2:g}\u201d")
    # The same row under another id, nothing else changed: no difference at all.
    new_state[MetricValue]["twin"] = value._replace(id="twin")
    assert differences(between(old, new_state), old, new_state) == []
