"""Sign-off and agreement: pure rules, the plan's status in the file, and a
property that no sequence of edits leaves a goal agreed on unsigned words."""

import json
import shutil
import sqlite3
from datetime import date, datetime, timezone
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from planner.edits import Compound, DeleteRow, InsertRow, ReplaceRows, UpdateRow, moved, reorder
from planner.model import Goal
from planner.model.enums import GoalStatus, PlanStatus, Team
from planner.rules.checks import goal_findings
from planner.rules.signoff import (
    agreement, has_signed, is_agreed, sign_changes, waiting_for, withdraw_changes)
from planner.store.plan_store import PlanStore
from tests.conftest import FIXTURES, rows

NOW = datetime(2027, 2, 1, 9, 30, tzinfo=timezone.utc)


def goal(**values: Any) -> dict[str, Any]:
    g: dict[str, Any] = {"title": "Lift MQL acceptance", "description": "", "status":
                         GoalStatus.ACTIVE, "success_measure": "70% accepted in 2 days",
                         "due_date": date(2027, 6, 30), **withdraw_changes("sales"),
                         **withdraw_changes("marketing")}
    g.update(values)
    return g


def signed(g: dict[str, Any], *sides: str) -> dict[str, Any]:
    for side in sides:
        g = {**g, **sign_changes(g, side, f"{side}-head", NOW)}
    return g


def test_a_goal_is_agreed_only_when_both_sides_signed_its_present_wording() -> None:
    g = goal()
    assert waiting_for(g) == ("sales", "marketing")
    assert waiting_for(signed(g, "sales")) == ("marketing",)
    both = signed(g, "sales", "marketing")
    assert is_agreed(both)
    # The same goal with other words (however it got them) is agreed by no one.
    for field, value in (("title", "Lift SQL acceptance"), ("description", "why"),
                         ("success_measure", "75% accepted"), ("due_date", date(2027, 7, 1)),
                         ("due_date", None)):
        assert not is_agreed({**both, field: value}), field
    # Who owns it, its status or its reward are not wording.
    assert is_agreed({**both, "sales_owner_id": "x", "shared_reward": "offsite"})
    # A damaged record of the wording signs nothing.
    assert not has_signed({**both, "sales_signed_wording": "not json ["}, "sales")


def test_agreement_says_how_far_the_plan_is_from_agreed() -> None:
    goals = ([signed(goal(), "sales", "marketing")] * 9 + [signed(goal(), "sales")] * 2
             + [signed(goal(), "marketing")] + [goal(status=GoalStatus.DROPPED)])
    a = agreement(goals)
    assert a.text() == "9 of 12 goals agreed; 2 wait for marketing, 1 for sales"
    assert a.status is PlanStatus.DRAFT
    assert agreement(goals[:9]).text() == "All 9 goals agreed: the plan is agreed."
    assert agreement(goals[:9]).status is PlanStatus.AGREED
    assert agreement([goal()]).text() == "0 of 1 goal agreed; 1 waits for both sides"
    assert agreement([]).status is PlanStatus.DRAFT  # nothing agreed is not an agreement


def plan_status(path: Path) -> str:
    return str(rows(path, "SELECT status FROM plan")[0][0])


def test_the_plan_file_says_agreed_exactly_when_every_goal_is(sample_path: Path) -> None:
    with PlanStore.open(sample_path) as s:
        assert plan_status(sample_path) == "DRAFT"
        undo = []
        for g in s.rows(Goal):
            changes = {k: v for side in waiting_for(g)
                       for k, v in sign_changes(g, side, None, NOW).items()}
            undo.append(s.apply(UpdateRow("goal", g["id"], changes, label="Sign")))
        assert plan_status(sample_path) == "AGREED"
        first = s.rows(Goal, ["position"])[0]
        reword = s.apply(UpdateRow("goal", first["id"], {"title": first["title"] + " (EMEA)"}))
        assert plan_status(sample_path) == "DRAFT"
        assert rows(sample_path, f"SELECT sales_signed_at, marketing_signed_wording FROM goal "
                                 f"WHERE id = '{first['id']}'") == [(None, None)]
        s.apply(reword)
        assert plan_status(sample_path) == "AGREED"
        # Dropping the one goal nobody signs leaves the rest agreed.
        s.apply(UpdateRow("goal", first["id"], withdraw_changes("sales")))
        assert plan_status(sample_path) == "DRAFT"
        s.apply(UpdateRow("goal", first["id"], {"status": GoalStatus.DROPPED}))
        assert plan_status(sample_path) == "AGREED"


def test_a_plan_changed_by_another_program_is_not_agreed_on_changed_words(
        sample_path: Path) -> None:
    with PlanStore.open(sample_path) as s:
        for g in s.rows(Goal):
            changes = {k: v for side in waiting_for(g)
                       for k, v in sign_changes(g, side, None, NOW).items()}
            s.apply(UpdateRow("goal", g["id"], changes))
    assert plan_status(sample_path) == "AGREED"
    conn = sqlite3.connect(sample_path)
    conn.execute("UPDATE goal SET success_measure = 'whatever we feel like' WHERE position = 3")
    conn.commit()
    conn.close()
    with PlanStore.open(sample_path) as s:
        changed = next(g for g in s.rows(Goal) if g["position"] == 3)
        assert not is_agreed(changed)
    assert plan_status(sample_path) == "DRAFT"


def test_version_4_sign_offs_are_of_the_wording_they_had(tmp_path: Path) -> None:
    v4 = tmp_path / "v4.tandem"
    shutil.copyfile(FIXTURES / "plan-v4.tandem", v4)
    both = rows(v4, "SELECT count(*) FROM goal WHERE sales_signed_at IS NOT NULL "
                    "AND marketing_signed_at IS NOT NULL")[0][0]
    assert both > 0
    with PlanStore.open(v4) as s:
        assert sum(1 for g in s.rows(Goal) if is_agreed(g)) == both
    (wording,) = rows(v4, "SELECT sales_signed_wording FROM goal WHERE sales_signed_at "
                          "IS NOT NULL ORDER BY position LIMIT 1")[0]
    assert json.loads(wording)[0] == rows(v4, "SELECT title FROM goal WHERE sales_signed_at "
                                              "IS NOT NULL ORDER BY position LIMIT 1")[0][0]


def test_goal_warnings_name_what_is_wrong() -> None:
    plan = {"period_start": date(2027, 1, 1), "period_end": date(2027, 12, 31)}
    people = [{"id": "s", "name": "Sam", "team": Team.SALES, "left_plan": False},
              {"id": "m", "name": "Mia", "team": Team.MARKETING, "left_plan": False},
              {"id": "x", "name": "Xavier", "team": Team.SALES, "left_plan": True}]
    ok = goal(id="ok", sales_owner_id="s", marketing_owner_id="m")
    assert goal_findings(plan, [ok], people) == []
    cases = [
        ({"marketing_owner_id": None}, "has no marketing owner"),
        ({"sales_owner_id": "x"}, "its sales owner, Xavier, left the plan"),
        ({"marketing_owner_id": "s"}, "its marketing owner, Sam, is in sales"),
        ({"due_date": date(2028, 1, 2)}, "is due 2028-01-02, outside the plan period"),
        ({"success_measure": "Much better alignment"}, "success criterion has no number"),
        ({"success_measure": "  "}, "has no success criterion"),
    ]
    for changes, message in cases:
        found = goal_findings(plan, [{**ok, **changes}], people)
        assert [message in f.message for f in found] == [True], (changes, found)
    twins = [ok, {**ok, "id": "twin", "title": " lift mql ACCEPTANCE "}]
    assert len(goal_findings(plan, twins, people)) == 2
    # A dropped goal is out of the plan: no warnings, and it frees its title.
    dropped = {**ok, "id": "d", "status": GoalStatus.DROPPED, "success_measure": "vague"}
    assert goal_findings(plan, [ok, dropped], people) == []


def test_reordering_is_kept_in_the_file_and_undone(sample_path: Path) -> None:
    with PlanStore.open(sample_path) as s:
        order = [g["id"] for g in s.rows(Goal, ["position"])]
        new = moved(order, [order[5], order[7]], order[1])
        assert new[:4] == [order[0], order[5], order[7], order[1]]
        inverse = s.apply(reorder("goal", new, "Move goals"))
        in_file = [r[0] for r in rows(sample_path, "SELECT id FROM goal ORDER BY position")]
        assert in_file == new
        s.apply(inverse)
        assert [r[0] for r in rows(sample_path, "SELECT id FROM goal ORDER BY position")] \
            == order
    assert moved(["a", "b", "c"], ["a"], None) == ["b", "c", "a"]


# -- property: no sequence of edits leaves a goal agreed on unsigned words --

WORDING = ("title", "description", "success_measure", "due_date")
steps = st.lists(st.tuples(
    st.sampled_from(["sign", "withdraw", "reword", "status", "undo", "delete", "bulk_reword",
                     "compound"]),
    st.integers(0, 1), st.sampled_from(["sales", "marketing"]), st.sampled_from(WORDING),
    st.text(st.characters(codec="utf-8", exclude_characters="\x00"), min_size=1,
            max_size=12).filter(str.strip)),
    min_size=1, max_size=25)


def words(g: dict[str, Any]) -> tuple[Any, ...]:
    return tuple(g[f] for f in WORDING)


@settings(max_examples=80, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(script=steps)
@example(script=[("sign", 0, "sales", "title", "a"), ("sign", 0, "marketing", "title", "a"),
                 ("bulk_reword", 0, "sales", "title", "new words")])
@example(script=[("sign", 0, "sales", "title", "a"), ("sign", 0, "marketing", "title", "a"),
                 ("reword", 0, "sales", "due_date", "b"), ("undo", 0, "sales", "title", "a"),
                 ("reword", 0, "sales", "description", "c"), ("sign", 0, "sales", "title", "a")])
@example(script=[("sign", 0, "sales", "title", "a"),
                 ("compound", 0, "marketing", "success_measure", "vaguer")])
def test_no_edit_sequence_agrees_a_goal_on_words_one_side_did_not_sign(
        tmp_path: Path, script: list[tuple[str, int, str, str, str]]) -> None:
    path = tmp_path / f"p{abs(hash(str(script)))}.tandem"
    with PlanStore.create(path, "Property", date(2027, 1, 1), date(2027, 12, 31)) as s:
        ids = [f"g{n}" for n in range(2)]
        for n, gid in enumerate(ids):
            s.apply(InsertRow("goal", {"id": gid, "title": f"Goal {n}",
                                       "success_measure": f"{n + 1} deals", "position": n}))
        signed_words: set[tuple[str, str, tuple[Any, ...]]] = set()  # what the test saw signed
        undo: list[Any] = []
        for action, n, side, field, text in script:
            gid = ids[n]
            g = s.get(Goal, gid)
            if g is None and action != "undo":
                continue
            value: Any = date(2027, 1 + len(text) % 12, 1) if field == "due_date" else text
            if action == "sign":
                assert g is not None
                signed_words.add((gid, side, words(g)))
                undo.append(s.apply(UpdateRow("goal", gid, sign_changes(g, side, None, NOW))))
            elif action == "withdraw":
                undo.append(s.apply(UpdateRow("goal", gid, withdraw_changes(side))))
            elif action == "reword":
                undo.append(s.apply(UpdateRow("goal", gid, {field: value})))
            elif action == "status":
                undo.append(s.apply(UpdateRow("goal", gid, {"status": GoalStatus.DONE})))
            elif action == "delete":
                undo.append(s.apply(DeleteRow("goal", gid)))
            elif action == "bulk_reword":  # a bulk write that knows nothing of sign-offs
                assert g is not None
                undo.append(s.apply(ReplaceRows("goal", (), ({**g, field: value},))))
            elif action == "compound":  # sign, then reword, in one step
                assert g is not None
                signed_words.add((gid, side, words(g)))
                undo.append(s.apply(Compound((UpdateRow("goal", gid, sign_changes(
                    g, side, None, NOW)), UpdateRow("goal", gid, {field: value})))))
            elif undo:
                s.apply(undo.pop())
            for current in s.rows(Goal):
                if is_agreed(current):
                    for who in ("sales", "marketing"):
                        assert (current["id"], who, words(current)) in signed_words
            agreed_all = all(is_agreed(x) for x in s.rows(Goal))
            assert plan_status(path) == ("AGREED" if agreed_all and s.count(Goal) else "DRAFT")
    path.unlink()


def test_a_format_4_json_document_imports_with_its_sign_offs(tmp_path: Path,
                                                             sample_path: Path) -> None:
    from planner.export.plan_json import import_json, plan_to_dict

    with PlanStore.open(sample_path) as s:
        doc = plan_to_dict(s)
        agreed = sum(1 for g in s.rows(Goal) if is_agreed(g))
    doc["format_version"] = 4
    for g in doc["goals"]:
        del g["sales_signed_wording"], g["marketing_signed_wording"]
    for p in doc["people"]:
        del p["left_plan"]
    source = tmp_path / "old.json"
    source.write_text(json.dumps(doc), encoding="utf-8")
    with import_json(source, tmp_path / "imported.tandem") as s:
        assert sum(1 for g in s.rows(Goal) if is_agreed(g)) == agreed > 0
