"""Goal operations on real plan files: sign-off, rewording, status, order, links;
what the file says after each, and a property that no sequence of them
leaves a goal agreed on words one side did not sign."""

import json
import shutil
import sqlite3
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from planner.changes import ChangeSet, added, changed
from planner.errors import InvalidEdit
from planner.model import Goal, Metric, MetricGoal, Person
from planner.model.enums import GoalStatus, Team
from planner.operations import goals as ops
from planner.operations.rows import edit, new, remove
from planner.rules.signoff import has_signed, is_agreed, waiting_for
from planner.rules.roles import actor_for, delegates, may_sign
from planner.store.plan_store import PlanStore, new_plan
from tests.acting import signer, with_heads
from tests.conftest import FIXTURES, rows


def plan_status(path: Path) -> str:
    return str(rows(path, "SELECT status FROM plan")[0][0])


def head(store: PlanStore, side: str) -> Person:
    return signer(store, side)  # type: ignore[arg-type]


def sign_everything(s: PlanStore) -> None:
    for side in ("sales", "marketing"):
        waiting = [g for g in s.rows(Goal) if side in waiting_for(g)]
        s.commit(ops.sign_off(waiting, side, head(s, side)))  # type: ignore[arg-type]


def test_the_plan_file_says_agreed_exactly_when_every_goal_is(sample_path: Path) -> None:
    with PlanStore.open(sample_path) as s:
        assert plan_status(sample_path) == "DRAFT"
        sign_everything(s)
        assert plan_status(sample_path) == "AGREED"
        first = s.rows(Goal)[0]
        reword = s.commit(ops.reword(first, title=first.title + " (EMEA)"))
        assert plan_status(sample_path) == "DRAFT"
        assert rows(sample_path, f"SELECT sales_signed_at, marketing_signed_wording FROM goal "
                                 f"WHERE id = '{first.id}'") == [(None, None)]
        # The withdrawal and the plan's status are in the change set, so undo restores them.
        assert {r.kind for r in reword} == {Goal, type(s.plan())}
        s.commit(reword.inverse())
        assert plan_status(sample_path) == "AGREED"
        # Dropping the one goal nobody signs leaves the rest agreed.
        head(s, "sales")
        s.commit(ops.withdraw([s.rows(Goal)[0]], "sales"))
        assert plan_status(sample_path) == "DRAFT"
        s.commit(ops.set_status([s.rows(Goal)[0]], GoalStatus.DROPPED))
        assert plan_status(sample_path) == "AGREED"


def test_a_plan_changed_by_another_program_is_not_agreed_on_changed_words(
        sample_path: Path) -> None:
    with PlanStore.open(sample_path) as s:
        sign_everything(s)
    assert plan_status(sample_path) == "AGREED"
    conn = sqlite3.connect(sample_path)
    conn.execute("UPDATE goal SET success_measure = 'whatever we feel like' WHERE position = 3")
    conn.commit()
    conn.close()
    with PlanStore.open(sample_path) as s:
        changed_goal = next(g for g in s.rows(Goal) if g.position == 3)
        assert not is_agreed(changed_goal)
        # The first change after opening makes the file's status true again.
        person = s.rows(Person)[0]
        s.commit(edit(person, role="Chief of staff"))
    assert plan_status(sample_path) == "DRAFT"


def test_version_4_sign_offs_are_of_the_wording_they_had(tmp_path: Path) -> None:
    v4 = tmp_path / "v4.tandem"
    shutil.copyfile(FIXTURES / "plan-v4.tandem", v4)
    both = rows(v4, "SELECT count(*) FROM goal WHERE sales_signed_at IS NOT NULL "
                    "AND marketing_signed_at IS NOT NULL")[0][0]
    assert both > 0
    with PlanStore.open(v4) as s:
        assert sum(1 for g in s.rows(Goal) if is_agreed(g)) == both
        # The file is upgraded by its first edit (opening it writes nothing).
        s.commit(edit(s.rows(Person)[0], role="Chief of staff"))
    (wording,) = rows(v4, "SELECT sales_signed_wording FROM goal WHERE sales_signed_at "
                          "IS NOT NULL ORDER BY position LIMIT 1")[0]
    assert json.loads(wording)[0] == rows(v4, "SELECT title FROM goal WHERE sales_signed_at "
                                              "IS NOT NULL ORDER BY position LIMIT 1")[0][0]


def test_signing_again_withdraws_and_labels_say_what_happened(sample_path: Path) -> None:
    with PlanStore.open(sample_path) as s:
        g = next(g for g in s.rows(Goal) if waiting_for(g) == ("sales", "marketing"))
        signed = s.commit(ops.sign_off([g], "sales", head(s, "sales")))
        assert signed.label == f"Sign off \u201c{g.title}\u201d for sales"
        assert has_signed(s.get(Goal, g.id), "sales")  # type: ignore[arg-type]
        withdrawn = s.commit(ops.sign_off([s.get(Goal, g.id)], "sales", None))  # type: ignore[list-item]
        assert withdrawn.label.startswith("Withdraw the sales sign-off of")
        assert not has_signed(s.get(Goal, g.id), "sales")  # type: ignore[arg-type]


def test_who_signs_is_the_head_or_a_delegate_the_head_named(store: PlanStore) -> None:
    mia, gone = new(Person, name="Mia", team=Team.MARKETING), \
        new(Person, name="Gus", team=Team.MARKETING, left_plan=True)
    max_, sam = new(Person, name="Max", team=Team.MARKETING), new(Person, name="Sam",
                                                                  team=Team.SALES)
    store.commit(ChangeSet("People", tuple(added(p) for p in (mia, gone, max_, sam))))
    assert not may_sign(store, sam.id, "sales")  # no head yet: nobody signs
    store.commit(edit(store.plan(), head_of_sales_id=sam.id, head_of_marketing_id=mia.id))
    assert may_sign(store, sam.id, "sales") and not may_sign(store, sam.id, "marketing")
    store.act_as(actor_for(mia))
    store.commit(edit(store.get(Person, max_.id), delegate=True))  # type: ignore[type-var]
    store.commit(edit(store.get(Person, gone.id), delegate=True))  # type: ignore[type-var]
    assert may_sign(store, max_.id, "marketing")
    # Someone who left the plan signs nothing, even named a delegate before.
    assert [p.name for p in delegates(store, "marketing")] == ["Max"]
    store.act_as(actor_for(max_))
    goal = ops.add_goal(store, "Shared goal")
    store.commit(goal[0])
    store.commit(ops.sign_off([store.get(Goal, goal[1].id)], "marketing", max_))  # type: ignore[list-item]
    assert store.get(Goal, goal[1].id).marketing_signed_by_id == max_.id  # type: ignore[union-attr]


def test_reordering_is_kept_in_the_file_and_undone(sample_path: Path) -> None:
    from planner.operations.rows import moved

    def in_file() -> list[str]:
        return [r[0] for r in rows(sample_path, "SELECT id FROM goal ORDER BY position")]

    with PlanStore.open(sample_path) as s:
        order = [g.id for g in s.rows(Goal)]
        move = s.commit(ops.move(s, [order[5], order[7]], order[1]))
        assert in_file()[:4] == [order[0], order[5], order[7], order[1]]
        assert len(move) == 7  # places 2 to 8 changed hands; the rest kept theirs
        s.commit(move.inverse())
        assert in_file() == order
    assert moved(["a", "b", "c"], ["a"], None) == ["b", "c", "a"]


def test_linking_metrics_adds_and_removes_link_rows(sample_path: Path) -> None:
    with PlanStore.open(sample_path) as s:
        goal = s.rows(Goal)[0]
        metrics = s.rows(Metric)
        links = s.commit(ops.link_metrics(s, goal, {metrics[0].id, metrics[1].id}))
        assert {(l.goal_id, l.metric_id) for l in s.rows(MetricGoal)} == {
            (goal.id, metrics[0].id), (goal.id, metrics[1].id)}
        s.commit(ops.link_metrics(s, goal, {metrics[1].id}))
        assert [l.metric_id for l in s.rows(MetricGoal)] == [metrics[1].id]
        assert len(links) == 2
        # Removing a metric takes its links with it, and undo brings them back.
        gone = s.commit(remove([s.get(Metric, metrics[1].id)]))  # type: ignore[list-item]
        assert s.rows(MetricGoal) == ()
        s.commit(gone.inverse())
        assert len(s.rows(MetricGoal)) == 1


def test_an_owner_from_the_other_team_is_refused(sample_path: Path) -> None:
    with PlanStore.open(sample_path) as s:
        goal = s.rows(Goal)[0]
        marketer = next(p for p in s.rows(Person) if p.team is Team.MARKETING)
        with pytest.raises(InvalidEdit, match=f"{marketer.name} is in marketing, so cannot be "
                                              "the sales owner"):
            s.commit(edit(goal, sales_owner_id=marketer.id))
        assert s.get(Goal, goal.id) == goal


# -- property: no sequence of operations leaves a goal agreed on unsigned words --

WORDING = ("title", "description", "success_measure", "due_date")
steps = st.lists(st.tuples(
    st.sampled_from(["sign", "withdraw", "reword", "status", "undo", "delete", "raw_reword",
                     "sign_then_reword"]),
    st.integers(0, 1), st.sampled_from(["sales", "marketing"]), st.sampled_from(WORDING),
    st.text(st.characters(codec="utf-8", exclude_characters="\x00"), min_size=1,
            max_size=12).filter(str.strip)),
    min_size=1, max_size=25)


def words(g: Goal) -> tuple[Any, ...]:
    return (g.title, g.description, g.success_measure, g.due_date)


@settings(max_examples=80, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(script=steps)
@example(script=[("sign", 0, "sales", "title", "a"), ("sign", 0, "marketing", "title", "a"),
                 ("raw_reword", 0, "sales", "title", "new words")])
@example(script=[("sign", 0, "sales", "title", "a"), ("sign", 0, "marketing", "title", "a"),
                 ("reword", 0, "sales", "due_date", "b"), ("undo", 0, "sales", "title", "a"),
                 ("reword", 0, "sales", "description", "c"), ("sign", 0, "sales", "title", "a")])
@example(script=[("sign", 0, "sales", "title", "a"),
                 ("sign_then_reword", 0, "marketing", "success_measure", "vaguer")])
def test_no_sequence_of_operations_agrees_a_goal_on_words_one_side_did_not_sign(
        tmp_path: Path, script: list[tuple[str, int, str, str, str]]) -> None:
    path = tmp_path / f"p{abs(hash(str(script)))}.tandem"
    with PlanStore.create(path, new_plan("Property", date(2027, 1, 1),
                                         date(2027, 12, 31))) as s:
        with_heads(s)
        ids = []
        for n in range(2):
            change, goal = ops.add_goal(s, f"Goal {n}")
            s.commit(change)
            s.commit(edit(goal, success_measure=f"{n + 1} deals"))
            ids.append(goal.id)
        signed_words: set[tuple[str, str, tuple[Any, ...]]] = set()  # what the test saw signed
        undo: list[ChangeSet] = []
        for action, n, side, field, text in script:
            g = s.get(Goal, ids[n])
            if g is None and action != "undo":
                continue
            signer(s, side)  # type: ignore[arg-type]
            value: Any = date(2027, 1 + len(text) % 12, 1) if field == "due_date" else text
            change: ChangeSet | None = None
            if action == "sign":
                assert g is not None
                signed_words.add((g.id, side, words(g)))
                change = ops.sign_off([g], side, signer(s, side)) if not has_signed(g, side) else None  # type: ignore[arg-type]
            elif action == "withdraw":
                change = ops.withdraw([g], side)  # type: ignore[list-item,arg-type]
            elif action == "reword":
                change = edit(g, **{field: value})  # type: ignore[type-var]
            elif action == "status":
                change = ops.set_status([g], GoalStatus.DONE)  # type: ignore[list-item]
            elif action == "delete":
                change = remove([g])  # type: ignore[list-item]
            elif action == "raw_reword":  # a change that knows nothing of sign-offs
                assert g is not None
                change = ChangeSet("raw", (changed(g, g._replace(**{field: value})),))
            elif action == "sign_then_reword":  # sign, then reword, in one change set
                assert g is not None
                signed_words.add((g.id, side, words(g)))
                sign = ops.sign_off([g], side, signer(s, side))  # type: ignore[arg-type]
                if sign:
                    after = sign.rows[0].after
                    assert isinstance(after, Goal)
                    change = sign.then(ChangeSet("reword", (
                        changed(after, after._replace(**{field: value})),)))
            elif undo:
                s.commit(undo.pop().inverse())
            if change:
                undo.append(s.commit(change))
            for current in s.rows(Goal):
                if is_agreed(current):
                    for who in ("sales", "marketing"):
                        assert (current.id, who, words(current)) in signed_words
            agreed_all = all(is_agreed(x) for x in s.rows(Goal))
            assert plan_status(path) == ("AGREED" if agreed_all and s.rows(Goal) else "DRAFT")
    path.unlink()
