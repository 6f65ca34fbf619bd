"""Who may do what: the roles the store's commit enforces, on realistic plans."""

from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from planner.errors import InvalidEdit
from planner.model import Goal, Message, Person
from planner.model.actor import Actor
from planner.model.enums import Access
from planner.operations import goals as goal_ops
from planner.operations import messages as message_ops
from planner.operations.rows import edit
from planner.rules.roles import actor_for, may_sign, role_of
from planner.rules.signoff import SIDES, has_signed, signature
from planner.sample import write_sample
from planner.store.merge import merge_change, prepare
from planner.store.plan_store import PlanStore
from tests.acting import as_head


def person(store: PlanStore, name: str) -> Person:
    return next(p for p in store.rows(Person) if p.name == name)


def test_an_editor_cannot_sign_and_is_told_who_can(sample_path: Path) -> None:
    with PlanStore.open(sample_path) as s:
        s.act_as(actor_for(person(s, "Ines Berg")))
        goal = next(g for g in s.rows(Goal) if not has_signed(g, "sales"))
        with pytest.raises(InvalidEdit) as refused:
            s.commit(goal_ops.sign_off([goal], "sales", person(s, "Ines Berg")))
        assert str(refused.value) == ("Only Amara Okafor (head of sales) or a delegate for "
                                      "sales can sign off for sales; you are Ines Berg (editor).")
        # Nor in the head's name: a sign-off is the signer's own.
        with pytest.raises(InvalidEdit, match="Only Amara Okafor"):
            s.commit(goal_ops.sign_off([goal], "sales", person(s, "Amara Okafor")))
        # Rewording withdraws sign-offs, which an editor may.
        signed = next(g for g in s.rows(Goal) if has_signed(g, "sales"))
        s.commit(goal_ops.reword(signed, title=signed.title + " (EMEA)"))
        assert not has_signed(s.get(Goal, signed.id), "sales")  # type: ignore[arg-type]
        assert s.history()[-1].author == actor_for(person(s, "Ines Berg"))


def test_the_refusals_speak_the_language_spoken(sample_path: Path) -> None:
    """Who may sign instead, said in German when German is spoken: the roles
    and the sides in German, the names as they are."""
    from planner.i18n import speaking

    with PlanStore.open(sample_path) as s:
        s.act_as(actor_for(person(s, "Ines Berg")))
        goal = next(g for g in s.rows(Goal) if not has_signed(g, "sales"))
        with speaking("de"), pytest.raises(InvalidEdit) as refused:
            s.commit(goal_ops.sign_off([goal], "sales", person(s, "Ines Berg")))
    assert str(refused.value) == ("Nur Amara Okafor (Leitung Vertrieb) oder eine Vertretung "
                                  "für Vertrieb kann für Vertrieb freigeben; Sie sind Ines Berg "
                                  "(Bearbeitung).")


def test_viewers_change_nothing_and_only_heads_change_roles(sample_path: Path) -> None:
    with PlanStore.open(sample_path) as s:
        ines, chiara = person(s, "Ines Berg"), person(s, "Chiara Hughes")
        s.act_as(actor_for(chiara))
        with pytest.raises(InvalidEdit, match="Only the heads of the plan, Amara Okafor \\(head of "
                                              "sales\\) and Bjorn Tanaka \\(head of marketing\\)"):
            s.commit(edit(ines, access=Access.VIEWER))
        as_head(s, "marketing")
        s.commit(edit(ines, access=Access.VIEWER))
        assert role_of(s.plan(), person(s, "Ines Berg")) == "viewer"
        history = len(s.history())
        s.act_as(actor_for(person(s, "Ines Berg")))
        with pytest.raises(InvalidEdit, match="Ines Berg is a viewer of this plan and changes "
                                              "nothing in it; Amara Okafor or Bjorn Tanaka"):
            s.commit(edit(s.plan(), purpose="Viewers write nothing"))
        assert len(s.history()) == history
        # Only a side's own head names its delegates.
        as_head(s, "marketing")
        with pytest.raises(InvalidEdit, match="Only Amara Okafor \\(head of sales\\) names "
                                              "delegates for sales"):
            s.commit(edit(chiara, delegate=True))
        as_head(s, "sales")
        s.commit(edit(chiara, delegate=True))
        assert may_sign(s, chiara.id, "sales") and not may_sign(s, chiara.id, "marketing")


def test_a_guest_edits_but_signs_nothing(sample_path: Path) -> None:
    with PlanStore.open(sample_path, acting=Actor("Pat Visitor", None, "pat")) as s:
        goal = s.rows(Goal)[0]
        s.commit(edit(goal, shared_reward="Lunch"))
        assert s.history()[-1].author == Actor("Pat Visitor", None, "pat")
        with pytest.raises(InvalidEdit, match="you are using the plan as a guest \\(Pat Visitor\\)"):
            s.commit(goal_ops.withdraw([s.get(Goal, goal.id)], "sales"))  # type: ignore[list-item]


def test_authors_survive_a_merge_in_both_directions(tmp_path: Path) -> None:
    write_sample(tmp_path / "a.tandem").close()
    data = (tmp_path / "a.tandem").read_bytes()
    a = PlanStore.from_bytes(data, "a.tandem", writable=True)
    b = PlanStore.from_bytes(data, "b.tandem", writable=True)
    amara, chiara = actor_for(person(a, "Amara Okafor")), actor_for(person(b, "Chiara Hughes"))
    a.act_as(amara)
    g0, g1 = a.rows(Goal)[:2]
    a.commit(goal_ops.reword(g0, title="Amara's words"))
    b.act_as(chiara)
    b.commit(goal_ops.reword(b.get(Goal, g1.id), title="Chiara's words"))  # type: ignore[arg-type]
    a.act_as(actor_for(person(a, "Bjorn Tanaka")))
    a.commit(merge_change(a, prepare(a, b)))
    b.commit(merge_change(b, prepare(b, a)))
    for store in (a, b):
        by = {key[1]: actor.name for key, (actor, _) in store.last_authors(9).items()
              if key[0] == "Goal"}
        assert by[g0.id] == "Amara Okafor" and by[g1.id] == "Chiara Hughes", store.path
    merge = a.history()[-1]
    assert merge.author.name == "Bjorn Tanaka"
    assert [x.author.name for x in a.merged_authors(merge.id)] == ["Chiara Hughes"]
    assert [x.label for x in b.merged_authors(b.history()[-1].id)][-1].startswith("Merge")


ACTIONS = st.sampled_from(["sign", "approve", "withdraw", "reword", "viewer", "editor",
                           "facilitator", "delegate", "undelegate", "head", "undo", "edit"])


@settings(max_examples=12, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(script=st.lists(st.tuples(ACTIONS, st.integers(0, 10_000), st.integers(0, 10_000),
                                 st.sampled_from(SIDES)), min_size=5, max_size=30))
def test_random_people_doing_random_things_never_break_the_roles(
        _large_plan: Path, script: list[tuple[str, int, int, Any]]) -> None:
    """On the large plan: whoever acts, after each step every sign-off in the
    plan was made by that side's head or a delegate of record, no viewer's
    change was committed, and every change set names its author."""
    s = PlanStore.from_bytes(_large_plan.read_bytes(), "large.tandem", writable=True)
    people = s.rows(Person)
    # A start with every role: a viewer, a facilitator, a delegate on each side.
    for side in SIDES:
        as_head(s, side)
        team = [p for p in people if p.team.value == side]
        s.commit(edit(team[3], delegate=True))
    s.commit(edit(s.get(Person, people[10].id), access=Access.VIEWER))  # type: ignore[type-var]
    s.commit(edit(s.get(Person, people[11].id), access=Access.FACILITATOR))  # type: ignore[type-var]
    of_record = {(r.id, side, sig.by_id, sig.at) for kind in (Goal, Message) for r in s.rows(kind)
                 for side in SIDES if has_signed(r, side) for sig in (signature(r, side),)}
    done: list[Any] = []
    for action, who, n, side in script:
        everyone = s.rows(Person)
        actor = actor_for(everyone[who % len(everyone)]) if who % 7 else \
            Actor("A guest", None, "guest")
        s.act_as(actor)
        role = "guest" if actor.guest else role_of(s.plan(), everyone[who % len(everyone)])
        goal = s.rows(Goal)[n % len(s.rows(Goal))]
        message = s.rows(Message)[n % len(s.rows(Message))]
        target = everyone[n % len(everyone)]
        me = s.get(Person, actor.person_id or "")
        change = {
            "sign": lambda: goal_ops.sign_off([goal], side, me),
            "approve": lambda: message_ops.approve([message], side, me),
            "withdraw": lambda: goal_ops.withdraw([goal], side),
            "reword": lambda: goal_ops.reword(goal, title=goal.title[:200] + " (again)"),
            "viewer": lambda: edit(target, access=Access.VIEWER),
            "editor": lambda: edit(target, access=Access.EDITOR),
            "facilitator": lambda: edit(target, access=Access.FACILITATOR),
            "delegate": lambda: edit(target, delegate=True),
            "undelegate": lambda: edit(target, delegate=False),
            "head": lambda: edit(s.plan(), **{f"head_of_{side}_id": target.id})
            if target.team.value == side else None,
            "undo": lambda: done[-1].inverse() if done else None,
            "edit": lambda: edit(goal, shared_reward=f"Reward {n}"),
        }[action]()
        if not change:
            continue
        history = len(s.history())
        try:
            committed = s.commit(change)
        except InvalidEdit:
            assert len(s.history()) == history  # a refusal writes nothing
            continue
        assert role != "viewer", f"a viewer's {action} was committed"
        assert s.history()[-1].author == actor  # every change set names its author
        if action == "undo":
            done.pop()
        else:
            done.append(committed)
        for kind in (Goal, Message):
            for row in s.rows(kind):
                for each in SIDES:
                    if not has_signed(row, each):
                        continue
                    sig = signature(row, each)
                    key = (row.id, each, sig.by_id, sig.at)
                    if key not in of_record:  # made now: by that side's head or a delegate
                        assert may_sign(s, sig.by_id, each), (action, role, each)
                        of_record.add(key)
    s.close()
