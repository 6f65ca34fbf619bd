"""Warnings follow the plan: fixing what a warning names clears it at once, on
the row and in the bar; what was said about one section does not follow the
user to the next."""

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from planner.model import FieldRide, Person
from planner.model.enums import Team
from planner.ui.pages.goals import GoalsPage
from planner.ui.pages.rides import RidesPage
from planner.ui.shell.main_window import MainWindow
from planner.ui.widgets.colours import PROBLEM_BACKGROUND
from tests.conftest import rows as sql

pytestmark = pytest.mark.gui


def column(page: GoalsPage | RidesPage, key: str) -> int:
    return next(n for n, c in enumerate(page.model.spec.columns) if c.key == key)


def test_a_new_goals_warnings_go_one_by_one_as_its_owners_and_measure_are_set(
        sample_window: MainWindow, sample_path: Path) -> None:
    sample_window.show_section(1)
    goals = sample_window.page("goals")
    assert isinstance(goals, GoalsPage)
    assert goals.add_row()
    goals.view.closePersistentEditor(goals.view.currentIndex())
    row = goals.view.currentIndex().row()
    goal_id = goals.model.row_id(row)
    bar = sample_window.problem

    def tint() -> object:
        return goals.model.index(goals.model.row_of(goal_id), 0).data(
            Qt.ItemDataRole.BackgroundRole)

    assert bar.isVisibleTo(sample_window) and "has no sales owner" in bar.text()
    assert tint() == PROBLEM_BACKGROUND
    store = sample_window.session.store  # type: ignore[union-attr]
    sara = next(p for p in store.rows(Person) if p.team is Team.SALES)
    mia = next(p for p in store.rows(Person) if p.team is Team.MARKETING)
    assert goals.model.setData(goals.model.index(goals.model.row_of(goal_id),
                                                 column(goals, "sales_owner_id")), sara.id)
    assert "has no sales owner" not in bar.text()
    assert "has no marketing owner" in bar.text()  # the next thing to fix, said at once
    assert goals.model.setData(goals.model.index(goals.model.row_of(goal_id),
                                                 column(goals, "marketing_owner_id")), mia.id)
    assert "has no marketing owner" not in bar.text() or not bar.isVisibleTo(sample_window)
    assert goals.model.setData(goals.model.index(goals.model.row_of(goal_id),
                                                 column(goals, "success_measure")),
                               "70% of MQLs accepted within 2 days")
    assert not bar.isVisibleTo(sample_window)
    assert tint() is None
    assert goals.model.index(goals.model.row_of(goal_id), 0).data(
        Qt.ItemDataRole.ToolTipRole) is None
    assert sql(sample_path, f"SELECT sales_owner_id, marketing_owner_id FROM goal "
                            f"WHERE id = '{goal_id}'") == [(sara.id, mia.id)]


def test_a_ride_moved_off_a_clash_is_no_longer_red_and_the_bar_goes(
        sample_window: MainWindow) -> None:
    sample_window.show_section(2)
    rides = sample_window.page("rides")
    assert isinstance(rides, RidesPage)
    model, bar = rides.model, sample_window.problem
    first = model.row(0)
    other = next(r for r in model.rows()[1:]
                 if {r.visitor_id, r.host_id} & {first.visitor_id, first.host_id}
                 and r.first_day > first.last_day)
    days = (first.first_day - other.first_day).days
    store = sample_window.session.store  # type: ignore[union-attr]
    # Move the other ride onto the first one's days: both go red, the bar says why.
    assert rides.timeline.move_ride(other.id, days)
    assert bar.isVisibleTo(sample_window) and "is on two field rides" in bar.text()
    for ride_id in (first.id, other.id):
        at = model.row_of(ride_id)
        assert model.index(at, 0).data(Qt.ItemDataRole.BackgroundRole) == PROBLEM_BACKGROUND
    # Move it back off the clash: both rows are clear and the bar has gone.
    assert rides.timeline.move_ride(other.id, -days)
    assert not bar.isVisibleTo(sample_window)
    for ride_id in (first.id, other.id):
        at = model.row_of(ride_id)
        assert model.index(at, 0).data(Qt.ItemDataRole.BackgroundRole) is None
    assert store.get(FieldRide, other.id) == store.get(FieldRide, other.id)._replace(  # type: ignore[union-attr]
        first_day=other.first_day, last_day=other.last_day)


def test_a_refusal_on_one_page_does_not_follow_you_to_the_next(
        sample_window: MainWindow) -> None:
    sample_window.show_section(3)
    metrics = sample_window.page("metrics")
    assert not metrics.model.setData(metrics.model.index(0, 0), "   ")  # type: ignore[attr-defined]
    assert sample_window.problem.isVisibleTo(sample_window)
    assert sample_window.problem.text() == "The name cannot be empty."
    sample_window.show_section(4)
    assert not sample_window.problem.isVisibleTo(sample_window)


@pytest.mark.parametrize("watched", ["goals", "rides", "metrics", "actuals", "people"])
def test_every_item_model_keeps_qts_rules_while_change_sets_arrive(
        sample_window: MainWindow, qtmodeltester, watched: str) -> None:  # type: ignore[no-untyped-def]
    """The model tester watches a model live while edits insert, change, move
    and remove rows, and while undo and redo put them back."""
    from planner.operations import goals as goal_ops
    from planner.operations import rides as ride_ops
    from planner.operations.rows import edit, remove

    session = sample_window.session
    assert session is not None
    goals = sample_window.page("goals")
    pages = {"goals": goals.model, "rides": sample_window.page("rides").model,  # type: ignore[attr-defined]
             "metrics": sample_window.page("metrics").model,  # type: ignore[attr-defined]
             "actuals": sample_window.page("metrics").actuals,  # type: ignore[attr-defined]
             "people": sample_window.page("people").model}  # type: ignore[attr-defined]
    qtmodeltester.check(pages[watched], force_py=True)
    store = session.store
    goal = store.rows(goal_ops.Goal)[3]
    assert session.do(goal_ops.move(store, [goal.id], None))            # a move
    assert session.do(edit(store.get(type(goal), goal.id), title="Renamed"))  # a change
    change, _ = goal_ops.add_goal(store, "Inserted")
    assert session.do(change)                                            # an insert
    assert session.do(remove([store.rows(type(goal))[0]]))               # a removal
    ride = store.rows(FieldRide)[5]
    assert session.do(ride_ops.move_ride(store, ride, 200))              # a move down the list
    goals.model.apply_view(column=column(goals, "title"),  # type: ignore[attr-defined]
                           order=Qt.SortOrder.DescendingOrder)
    assert session.do(edit(store.rows(type(goal))[0], title="AAA first"))  # re-sorted
    while session.undo_stack.canUndo():
        session.undo_stack.undo()
    while session.undo_stack.canRedo():
        session.undo_stack.redo()
    # Stop watching while the model is still alive (the window closes first).
    qtmodeltester._cleanup()
    qtmodeltester._model = None
