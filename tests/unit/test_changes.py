"""Change sets: what a row was and becomes, the exact inverse, one step of many."""

import pytest

from planner.changes import ChangeSet, RowChange, added, build, changed, compose, removed
from planner.model import Goal, Person
from planner.model.enums import Team
from planner.operations.rows import new


ADA = new(Person, id="p", name="Ada", team=Team.SALES)


def person(**values: object) -> Person:
    return ADA._replace(**values)


def test_a_row_change_knows_its_kind_id_and_fields() -> None:
    before, after = person(), person(role="VP")
    row = changed(before, after)
    assert (row.kind, row.id, row.fields()) == (Person, "p", ("role",))
    assert added(after).added and removed(before).removed
    assert added(after).fields() == Person._fields
    with pytest.raises(ValueError, match="kind and its id"):
        RowChange(before, person(id="q"))
    with pytest.raises(ValueError, match="needs a row"):
        RowChange(None, None)


def test_the_inverse_puts_back_every_row_in_reverse_order() -> None:
    goal = new(Goal, id="g", title="Grow")
    change = ChangeSet("Two", (added(person()), changed(goal, goal._replace(title="Grow more"))))
    inverse = change.inverse()
    assert inverse.exact and inverse.label == "Two"
    assert [(r.before, r.after) for r in inverse] == [
        (goal._replace(title="Grow more"), goal), (person(), None)]
    assert inverse.inverse().rows == change.rows


def test_composing_keeps_the_first_before_and_the_last_after() -> None:
    a, b, c = person(), person(role="VP"), person(role="CEO")
    typed = compose([ChangeSet("1", (changed(a, b),)), ChangeSet("2", (changed(b, c),))], "Type")
    assert typed.rows == (changed(a, c),)
    # Back where it began: no change at all.
    assert not compose([ChangeSet("1", (changed(a, b),)), ChangeSet("2", (changed(b, a),))],
                       "Type")
    # Added and removed again within one step: nothing.
    assert not ChangeSet("add", (added(a),)).then(ChangeSet("remove", (removed(a),)))
    assert not build("Nothing", [changed(a, a)])
    assert ChangeSet("x", (added(a),)).ids(Person) == frozenset({"p"})
    assert ChangeSet("x", (added(a),)).touches(Person) and not ChangeSet("x").touches(Person)
