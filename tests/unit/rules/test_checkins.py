"""Check-ins on the stored sample plan: recorded, read back, warned about,
merged from two copies, printed, undone."""

from datetime import date, timedelta
from pathlib import Path

import pytest

from planner.errors import InvalidEdit, PlanError
from planner.model import CheckIn, Goal
from planner.operations.checkins import check_in, from_typed
from planner.operations.rows import add, edit
from planner.outline.build import build_outline
from planner.rules import checkins
from planner.rules.checks import plan_findings
from planner.store.merge import prepare
from planner.store.plan_store import PlanStore
from tests.acting import as_head
from tests.conftest import rows


def _goal(store: PlanStore, title: str) -> Goal:
    return next(g for g in store.rows(Goal) if g.title == title)


def test_a_check_in_is_kept_with_its_author_and_undone(sample_path: Path) -> None:
    with PlanStore.open(sample_path) as store:
        as_head(store, "marketing")
        goal = _goal(store, "Win back lapsed accounts")  # proposed, never checked in
        change, row = from_typed(store.acting, goal, "12", "6", "Three back; nine to go.",
                                 on=date(2027, 3, 20))
        committed = store.commit(change)
    got = rows(sample_path, "SELECT c.progress, c.in_percent, c.confidence, c.note, p.name, "
                            f"c.checked_on FROM check_in c JOIN person p ON p.id = c.author_id "
                            f"WHERE c.id = '{row.id}'")
    # "12 lapsed accounts reactivated": a plain 12 is the measure's own number.
    assert got == [(12.0, 0, 6, "Three back; nine to go.", "Bjorn Tanaka", "2027-03-20")]
    assert checkins.summary(row, goal) == "12 (100%) \u00b7 6/10 at risk \u00b7 20 Mar 2027"
    with PlanStore.open(sample_path) as store:
        store.commit(committed.inverse())
    assert rows(sample_path, f"SELECT count(*) FROM check_in WHERE id = '{row.id}'") == [(0,)]


@pytest.mark.parametrize(("progress", "confidence", "said"), [
    ("", "7", "check-in progress: \u201c\u201d is not a number"),
    ("lots", "7", "check-in progress: \u201clots\u201d is not a number"),
    ("140%", "7", "140% is not between 0 and 100%"),
    ("-5", "7", "is not a number of zero or more"),
    ("nan", "7", "is not a number of zero or more"),
    ("40%", "11", "check-in confidence: 11 is not from 1 to 10"),
    ("40%", "seven", "\u201cseven\u201d is not a whole number"),
])
def test_a_check_in_typed_wrong_is_refused_in_one_sentence(
        sample_path: Path, progress: str, confidence: str, said: str) -> None:
    with PlanStore.open(sample_path) as store:
        goal = store.rows(Goal)[0]
        with pytest.raises(InvalidEdit, match=said.replace("(", r"\(").replace(")", r"\)")):
            from_typed(store.acting, goal, progress, confidence)
    assert rows(sample_path, "SELECT count(*) FROM check_in") == [(32,)]


def test_the_store_refuses_a_check_in_no_reader_could_load(sample_path: Path) -> None:
    with PlanStore.open(sample_path) as store:
        goal = store.rows(Goal)[0]
        _, row = check_in(store.acting, goal, 40, 7)
        for bad in ({"confidence": 0}, {"confidence": 12}, {"progress": float("nan")},
                    {"progress": -1.0}, {"checked_on": date(1850, 1, 1)},
                    {"note": "x" * 20_001}, {"goal_id": "no-such-goal"}):
            with pytest.raises(PlanError):
                store.commit(add(row._replace(**bad)))
    assert rows(sample_path, "SELECT count(*) FROM check_in") == [(32,)]


def test_a_drop_of_three_and_a_goal_left_unchecked_are_warnings(sample_path: Path) -> None:
    with PlanStore.open(sample_path) as store:
        goal = _goal(store, "Grow pipeline from events")
        last = checkins.by_goal(store.rows(CheckIn))[goal.id][-1]
        store.commit(check_in(store.acting, goal, 35, last.confidence - 3, "Show cancelled",
                              on=last.checked_on + timedelta(days=7))[0])
        found = [f.message for f in plan_findings(store, date(2027, 6, 1))
                 if f.row_id == goal.id]
        assert found == [
            f"Goal \u201cGrow pipeline from events\u201d: confidence fell from "
            f"{last.confidence} to {last.confidence - 3} since the check-in of "
            f"{last.checked_on:%-d %b %Y}.",
            f"Goal \u201cGrow pipeline from events\u201d: not checked in since "
            f"{last.checked_on + timedelta(days=7):%-d %b %Y} (check-ins are due every 14 days)."]
        # A goal with none is flagged from the plan's start; before the period, nothing is.
        never = _goal(store, "Win back lapsed accounts")
        assert any(f.row_id == never.id and "since the plan began on 1 Jan 2027" in f.message
                   for f in plan_findings(store, date(2027, 2, 1)))
        assert not [f for f in plan_findings(store, date(2026, 12, 1)) if "checked in" in f.message]
        # The plan's interval is the plan's setting.
        store.commit(edit(store.plan(), checkin_days=120))
        assert not [f for f in plan_findings(store, date(2027, 4, 1)) if "checked in" in f.message]


def test_both_copies_check_ins_are_kept_by_a_merge(large_bytes: bytes) -> None:
    mine = PlanStore.from_bytes(large_bytes, "mine.tandem", writable=True)
    theirs = PlanStore.from_bytes(large_bytes, "theirs.tandem", writable=True)
    goal = mine.rows(Goal)[3]
    mine.commit(check_in(mine.acting, goal, 50, 8, "Mine", on=date(2027, 4, 1))[0])
    theirs.commit(check_in(theirs.acting, goal, 45, 5, "Theirs", on=date(2027, 4, 1))[0])
    plan = prepare(mine, theirs)
    assert plan.conflicts == ()
    mine.commit(plan.change())
    notes = sorted(c.note for c in mine.rows(CheckIn) if c.goal_id == goal.id)
    assert {"Mine", "Theirs"} <= set(notes)
    assert sorted(c.note for c in prepare(theirs, mine).merged[CheckIn].values()
                  if c.goal_id == goal.id) == notes


def test_the_document_prints_the_latest_check_in_and_every_one(sample_path: Path) -> None:
    with PlanStore.open(sample_path) as store:
        outline = build_outline(store)
        history = checkins.by_goal(store.rows(CheckIn))
        goal = store.rows(Goal)[0]
    sections = {s.key: s for s in outline.sections}
    card = next(b for b in sections["goals"].blocks if getattr(b, "key", "") == f"goal-{goal.id}")
    last = history[goal.id][-1]
    assert dict(card.facts)["Latest check-in"].startswith(checkins.summary(last, goal))
    table = next(b for b in sections["confidence"].blocks if hasattr(b, "rows"))
    confidences = [int(r[1].split("/")[0]) for r in table.rows]
    assert confidences == sorted(confidences)  # the least sure first
    appendix = [b for b in sections["checkins"].blocks if hasattr(b, "rows")]
    assert sum(len(t.rows) for t in appendix) == 32


@pytest.mark.parametrize(("measure", "target"), [
    ("120 qualified leads a month", 120.0), ("12 lapsed accounts reactivated", 12.0),
    ("EUR 2.4M qualified pipeline sourced from events", 2_400_000.0),
    ("4,800 MQLs in the year", 4800.0), ("Close 30 deals by Q3", 30.0),
    # Two numbers, or a share: no single number to count progress against.
    ("Sales accepts at least 70% of MQLs within 2 days", None),
    ("Median cycle down from 94 to 75 days", None), ("Win rate up to 40%", None),
    ("More pipeline", None), ("", None)])
def test_a_success_measure_names_its_own_target_only_when_it_names_one_number(
        measure: str, target: float | None) -> None:
    assert checkins.measure_target(measure) == target


def test_progress_is_written_as_the_language_writes_numbers(sample_path: Path) -> None:
    """A check-in's progress on the goal card and in the window: "42.5%" and
    "1,234.5 (…%)" in English, "42,5 %" and "1.234,5 (…)" in German."""
    from planner.i18n import speaking
    from planner.operations.rows import new

    with PlanStore.open(sample_path) as store:
        goal = _goal(store, "Win back lapsed accounts")  # "12 lapsed accounts reactivated"
    shared = new(CheckIn, goal_id=goal.id, checked_on=date(2027, 3, 1), progress=42.5,
                 in_percent=True, confidence=7)
    counted = shared._replace(progress=1234.5, in_percent=False)
    assert checkins.progress_words(shared, goal) == "42.5%"
    assert checkins.progress_words(counted, goal).startswith("1,234.5 (")
    with speaking("de"):
        assert checkins.progress_words(shared, goal) == "42,5\u00a0%"
        assert checkins.progress_words(counted, goal).startswith("1.234,5 (")
        assert checkins.progress_words(shared._replace(progress=40.0), goal) == "40\u00a0%"
