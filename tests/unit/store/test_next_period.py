"""Starting the next period from the large sample plan: every carried row
checked against the plan it came from."""

from datetime import date
from pathlib import Path

import pytest

from planner.errors import InvalidEdit, PlanFileError
from planner.model import (
    CheckIn, FieldRide, FunnelStage, Goal, Message, Metric, MetricGoal, MetricValue,
    ParkingTopic, Person, ReviewAction)
from planner.model.enums import GoalStatus, PlanStatus
from planner.operations.rows import add, edit, new
from planner.rules.checkins import OPEN, by_goal
from planner.rules.metrics import latest_values
from planner.rules.signoff import SIDES, is_agreed, signature
from planner.store import next_period
from planner.store.plan_store import PlanStore
from tests.acting import as_head


def test_the_next_period_carries_what_is_not_done_and_withdraws_every_sign_off(
        large_path: Path, tmp_path: Path) -> None:
    out = tmp_path / "next.tandem"
    with PlanStore.open(large_path) as old:
        as_head(old)
        goals = old.rows(Goal)
        old.commit(edit(goals[0], status=GoalStatus.DONE.value))
        old.commit(edit(goals[1], status=GoalStatus.DROPPED.value))
        old.commit(add(new(ParkingTopic, topic="Pricing for partners")))
        old.commit(add(new(ParkingTopic, topic="Closed one", done=True)))
        before = old.state()
        versions = len(old.versions())
        made = next_period.prepare(old)
        next_period.start_next_period(old, out, made)
        assert old.state() == before  # the closed plan's rows are as they were
        final = old.versions()[-1]
        assert len(old.versions()) == versions + 1
        assert final.name == "Final: 1 Jan 2027 \u2013 31 Dec 2028" and final.seq == old.head()
        history = by_goal(old.rows(CheckIn))
        latest = latest_values(old.rows(MetricValue))
        old_plan = old.plan()
    with PlanStore.open(out) as fresh:
        plan = fresh.plan()
        # The large plan runs two years: so does the next.
        assert (plan.title, plan.period_start, plan.period_end) == (
            "Northwind go-to-market plan 2029", date(2029, 1, 1), date(2030, 12, 31))
        assert plan.id != old_plan.id and plan.status is PlanStatus.DRAFT
        assert plan.carried_from.startswith("Northwind go-to-market plan 2027, 1 Jan 2027")
        assert (plan.head_of_sales_id, plan.head_of_marketing_id) == (
            old_plan.head_of_sales_id, old_plan.head_of_marketing_id)
        # Goals not done, each as it was but unsigned, status kept.
        carried = {g.id: g for g in fresh.rows(Goal)}
        was = {g.id: g for g in before[Goal].values()}
        assert set(carried) == {g.id for g in was.values() if g.status in OPEN}
        assert goals[0].id not in carried and goals[1].id not in carried
        for gid, g in carried.items():
            o = was[gid]
            assert (g.title, g.description, g.success_measure, g.status, g.sales_owner_id,
                    g.marketing_owner_id, g.position) == (
                o.title, o.description, o.success_measure, o.status, o.sales_owner_id,
                o.marketing_owner_id, o.position)
            assert all(signature(g, s).at is None for s in SIDES)
            assert g.due_date is None or plan.period_start <= g.due_date <= plan.period_end
        assert made.withdrawn_sign_offs == sum(
            signature(was[g], s).at is not None for g in carried for s in SIDES) > 0
        # Each carried goal's closing check-in, and no other.
        closing = {c.goal_id: c for c in fresh.rows(CheckIn)}
        assert set(closing) == {g for g in carried if g in history}
        for gid, c in closing.items():
            assert (c.id, c.progress, c.confidence, c.note) == (
                history[gid][-1].id, history[gid][-1].progress, history[gid][-1].confidence,
                history[gid][-1].note)
        # Metrics: the last actual is the new baseline; targets are to set; no actuals.
        for m in fresh.rows(Metric):
            o = before[Metric][m.id]
            assert m.baseline == (latest[m.id].actual if m.id in latest else o.baseline)
            assert m.target is None and (m.name, m.unit, m.direction) == (o.name, o.unit,
                                                                         o.direction)
        assert len(fresh.rows(Metric)) == len(before[Metric])
        assert not fresh.rows(MetricValue)
        assert all(link.goal_id in carried for link in fresh.rows(MetricGoal))
        # People (those still in the plan), the funnel, approved messages, open work.
        assert {p.id for p in fresh.rows(Person)} == {
            p.id for p in before[Person].values() if not p.left_plan}
        assert not any(p.delegate for p in fresh.rows(Person))
        assert [s.id for s in fresh.rows(FunnelStage)] == [
            s.id for s in sorted(before[FunnelStage].values(), key=lambda s: (s.position, s.id))]
        approved = {m.id for m in before[Message].values() if is_agreed(m)}
        assert {m.id for m in fresh.rows(Message)} == approved
        assert {a.id for a in fresh.rows(ReviewAction)} == {
            a.id for a in before[ReviewAction].values() if not a.done}
        assert [t.topic for t in fresh.rows(ParkingTopic)] == ["Pricing for partners"]
        assert not fresh.rows(FieldRide)
        (entry,) = fresh.history()
        assert entry.label.startswith("Start 1 Jan 2029 \u2013 31 Dec 2030 from")
    # A second run refuses to write over the new plan, and changes nothing.
    data = out.read_bytes()
    with PlanStore.open(large_path) as old, pytest.raises(PlanFileError, match="already exists"):
        next_period.start_next_period(old, out, next_period.prepare(old))
    assert out.read_bytes() == data


def test_a_shorter_period_and_parts_left_out(sample_path: Path, tmp_path: Path) -> None:
    with PlanStore.open(sample_path) as old:
        made = next_period.prepare(old, date(2028, 7, 1), 3,
                                   next_period.Carry().without("goals", "messages"))
        with pytest.raises(InvalidEdit, match="no part called 'rides'"):
            next_period.Carry().without("rides")
        with pytest.raises(InvalidEdit, match="months: 61 is not from 1 to 60"):
            next_period.prepare(old, months=61)
    assert (made.plan.period_start, made.plan.period_end) == (date(2028, 7, 1),
                                                              date(2028, 9, 30))
    kinds = {type(r) for r in made.rows}
    assert Goal not in kinds and Message not in kinds and CheckIn not in kinds
    assert "No goals" in made.lines and "No messages" in made.lines
    assert next_period.following(date(2027, 1, 31), date(2027, 3, 30), months=1) == (
        date(2027, 3, 31), date(2027, 4, 29))


def test_the_preview_speaks_the_language_spoken(sample_path: Path) -> None:
    """The preview the dialog and `tandem next` show, in German when German is
    spoken: every line, counts as German groups them, nothing left in English."""
    from planner.i18n import speaking

    with PlanStore.open(sample_path) as old:
        english = next_period.prepare(old).lines
        with speaking("de"):
            german = next_period.prepare(old).lines
            without = next_period.prepare(old, carry=next_period.Carry().without(
                "goals", "messages", "people")).lines
    assert len(german) == len(english) and german != english
    people = sum(1 for p in old.rows(Person) if not p.left_plan)
    assert german[0].startswith(f"{people} Personen")
    assert any(line.endswith("keine Begleitungen oder Istwerte") for line in german)
    assert {"Keine Ziele", "Keine Botschaften", "Keine Personen"} <= set(without)
    for line in german + without:
        assert not any(word in line.split() for word in ("goals", "people", "messages",
                                                         "metrics", "with", "the")), line
