"""Tests act as people of the plan, as a user does after saying who they are."""

from typing import TYPE_CHECKING

from planner.model import Person
from planner.rules.roles import head_actor
from planner.rules.signoff import Side
from planner.store.plan_store import PlanStore

if TYPE_CHECKING:
    from planner.ui.shell.main_window import MainWindow


def as_head(store: PlanStore, side: Side = "sales") -> PlanStore:
    """The store's changes are the head of that side's from now on."""
    actor = head_actor(store, side)
    assert actor is not None, f"the plan names no head of {side}"
    store.act_as(actor)
    return store


def signer(store: PlanStore, side: Side) -> "Person":
    """Act as the head of that side, and return them: who signs for it."""
    as_head(store, side)
    person = store.get(Person, store.acting.person_id or "")
    assert person is not None
    return person


def with_heads(store: PlanStore) -> tuple["Person", "Person"]:
    """Give a plan without people a head of sales and a head of marketing."""
    from planner.changes import ChangeSet, added
    from planner.model.enums import Team
    from planner.operations.rows import edit, new

    sales = new(Person, name="Sam Head", team=Team.SALES)
    marketing = new(Person, name="Mia Head", team=Team.MARKETING)
    store.commit(ChangeSet("Heads", (added(sales), added(marketing))))
    store.commit(edit(store.plan(), head_of_sales_id=sales.id, head_of_marketing_id=marketing.id))
    return sales, marketing


def window_as_head(window: "MainWindow", side: Side = "sales") -> Person:
    """Say in the window who you are, as the head of that side does (the
    window's own flow: File › Who You Are ends in `identity.choose`)."""
    from planner.ui.shell import identity

    session = window.session
    assert session is not None
    actor = head_actor(session.store, side)
    assert actor is not None, f"the plan names no head of {side}"
    identity.choose(session, actor)
    person = session.store.get(Person, actor.person_id or "")
    assert person is not None
    return person
