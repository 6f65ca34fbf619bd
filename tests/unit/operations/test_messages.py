"""Messages and goals under one sign-off rule, on a copy of the sample plan:
what the file says after approving, rewording and undoing, and a property
that no sequence of operations leaves an approval on words it did not approve."""

import shutil
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from planner.changes import ChangeSet, changed
from planner.model import Goal, Message, Person
from planner.operations import goals as goal_ops
from planner.operations import messages as ops
from planner.operations.rows import edit, remove
from planner.rules.signoff import SIDES, has_signed, is_agreed, signature, wording
from planner.store.fileformat import SCHEMA_VERSION
from planner.store.plan_store import PlanStore
from tests.acting import signer
from tests.conftest import FIXTURES, rows


def head(store: PlanStore, side: str) -> Person:
    return signer(store, side)  # type: ignore[arg-type]


def test_approval_is_of_the_exact_wording_and_undo_restores_it(sample_path: Path) -> None:
    with PlanStore.open(sample_path) as s:
        draft = next(m for m in s.rows(Message) if not any(has_signed(m, x) for x in SIDES))
        s.commit(ops.approve([draft], "sales", head(s, "sales")))
        s.commit(ops.approve([s.get(Message, draft.id)], "marketing", head(s, "marketing")))  # type: ignore[list-item]
        approved = s.get(Message, draft.id)
        assert approved is not None and is_agreed(approved)
        query = (f"SELECT sales_signed_wording, marketing_signed_wording FROM message "
                 f"WHERE id = '{draft.id}'")
        (sales_words, marketing_words), = rows(sample_path, query)
        assert sales_words == marketing_words
        assert sales_words.startswith(f'["{draft.customer_problem}"')
        # Owner, segment and stage are not wording: the approvals stay.
        s.commit(edit(approved, segment="Enterprise CFO", owner_id=None))
        assert is_agreed(s.get(Message, draft.id))  # type: ignore[arg-type]
        reword = s.commit(ops.reword(s.get(Message, draft.id), proof_point="New proof"))  # type: ignore[arg-type]
        assert rows(sample_path, query) == [(None, None)]
        assert reword.label.startswith("Reword message")
        s.commit(reword.inverse())
        assert rows(sample_path, query) == [(sales_words, marketing_words)]
        # The same key again withdraws, and says so.
        withdraw = ops.approve([s.get(Message, draft.id)], "sales", None)  # type: ignore[list-item]
        assert withdraw.label.startswith("Withdraw the sales approval of")


# -- property: goals and messages, one rule ------------------------------------

KINDS = {"goal": Goal, "message": Message}
steps = st.lists(st.tuples(
    st.sampled_from(["approve", "withdraw", "reword", "edit_other", "undo", "delete",
                     "raw_reword", "approve_then_reword"]),
    st.sampled_from(sorted(KINDS)), st.integers(0, 3), st.sampled_from(SIDES),
    st.integers(0, 2),
    st.text(st.characters(codec="utf-8", exclude_characters="\x00"), min_size=1,
            max_size=12).filter(str.strip)),
    min_size=1, max_size=20)
GOAL_WORDS = ("title", "description", "success_measure")


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return FIXTURES / f"plan-v{SCHEMA_VERSION}.tandem"


@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(script=steps)
@example(script=[("approve", "message", 0, "sales", 0, "a"),
                 ("approve", "message", 0, "marketing", 0, "a"),
                 ("raw_reword", "message", 0, "sales", 1, "new words")])
@example(script=[("approve", "message", 1, "sales", 0, "a"),
                 ("approve_then_reword", "message", 1, "marketing", 2, "vaguer"),
                 ("undo", "goal", 0, "sales", 0, "a"), ("undo", "goal", 0, "sales", 0, "a")])
def test_no_sequence_of_operations_leaves_an_approval_on_words_it_did_not_approve(
        tmp_path: Path, template: Path, script: list[tuple[str, str, int, str, int, str]]) -> None:
    path = tmp_path / f"p{abs(hash(str(script)))}.tandem"
    shutil.copyfile(template, path)
    with PlanStore.open(path) as s:
        ids = {name: [r.id for r in s.rows(kind)[:4]] for name, kind in KINDS.items()}
        # What the test saw approved: every approval already in the plan, and each one made.
        approved: set[tuple[str, str, str]] = {
            (r.id, side, str(wording(r))) for kind in KINDS.values() for r in s.rows(kind)
            for side in SIDES if has_signed(r, side)}
        undo: list[ChangeSet] = []
        for action, kind_name, n, side, field_no, text in script:
            kind = KINDS[kind_name]
            row: Any = s.get(kind, ids[kind_name][n])
            if row is None and action != "undo":
                continue
            head(s, side)
            field = (GOAL_WORDS if kind is Goal else ops.WORDING)[field_no]
            change: ChangeSet | None = None
            if action == "approve":
                approved.add((row.id, side, str(wording(row))))
                who = head(s, side)
                change = (goal_ops.sign_off([row], side, who) if kind is Goal  # type: ignore[arg-type]
                          else ops.approve([row], side, who)) if not has_signed(row, side) \
                    else None  # type: ignore[arg-type]
            elif action == "withdraw":
                change = goal_ops.withdraw([row], side) if kind is Goal else (  # type: ignore[arg-type]
                    ops.approve([row], side, None) if has_signed(row, side) else None)  # type: ignore[arg-type]
            elif action == "reword":
                change = goal_ops.reword(row, **{field: text}) if kind is Goal \
                    else ops.reword(row, **{field: text})
            elif action == "edit_other":  # not wording: approvals stay
                change = edit(row, shared_reward=text) if kind is Goal else edit(row, segment=text)
            elif action == "delete":
                change = remove([row])
            elif action == "raw_reword":  # a change that knows nothing of approvals
                change = ChangeSet("raw", (changed(row, row._replace(**{field: text})),))
            elif action == "approve_then_reword":  # approve, then reword, in one change set
                approved.add((row.id, side, str(wording(row))))
                sign = (goal_ops.sign_off([row], side, head(s, side)) if kind is Goal  # type: ignore[arg-type]
                        else ops.approve([row], side, head(s, side)))  # type: ignore[arg-type]
                if sign:
                    after: Any = sign.rows[0].after
                    change = sign.then(ChangeSet("reword", (
                        changed(after, after._replace(**{field: text})),)))
            elif undo:
                s.commit(undo.pop().inverse())
            if change:
                undo.append(s.commit(change))
            for k in KINDS.values():
                for current in s.rows(k):
                    for who in SIDES:
                        sig = signature(current, who)  # type: ignore[arg-type]
                        if sig.at is not None:  # nothing stale is left in the file
                            assert has_signed(current, who), (current, who)  # type: ignore[arg-type]
                            assert (current.id, who, str(wording(current))) in approved
    path.unlink()


def test_the_sample_plan_keeps_the_library_clean(tmp_path: Path) -> None:
    """The sample plan a new user opens has an approved message for every
    stage, every hot button answered, no message approved by one side only."""
    from planner.rules.library import message_findings
    from planner.sample import write_sample

    with write_sample(tmp_path / "s.tandem") as s:
        assert message_findings(s) == []
        messages = s.rows(Message)
        assert sum(is_agreed(m) for m in messages) == 8 < len(messages)
        assert date(2027, 1, 1) <= s.plan().period_start
