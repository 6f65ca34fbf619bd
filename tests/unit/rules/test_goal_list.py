"""The goal list's filters, search and sorting, as plain Python over records."""

from datetime import date, datetime, timezone

from planner.model import Goal
from planner.model.enums import GoalStatus, Team
from planner.operations.rows import new
from planner.rules import signoff
from planner.rules.goal_list import GoalContext, GoalFilter, matches, sort_key, visible

NOW = datetime(2027, 2, 1, tzinfo=timezone.utc)
CTX = GoalContext(names={"s1": "Sara Sales", "m1": "Bjorn Berg"},
                  metric_names={"w": "Win rate", "p": "Pipeline"},
                  metric_status={"w": "off track", "p": "on track"},
                  links={"a": ["w"], "b": ["p"]})


def goal(goal_id: str, position: int, **values: object) -> Goal:
    return new(Goal, id=goal_id, position=position, **{"title": f"Goal {goal_id}", **values})


A = signoff.signed(signoff.signed(goal("a", 0, title="Win back lapsed accounts",
                                       sales_owner_id="s1", due_date=date(2027, 5, 1)),
                                  "sales", "s1", NOW), "marketing", "m1", NOW)
B = signoff.signed(goal("b", 1, title="Grow pipeline", marketing_owner_id="m1",
                        status=GoalStatus.ACTIVE, proposed_by=Team.MARKETING),
                   "marketing", "m1", NOW)
C = goal("c", 2, title="Events", status=GoalStatus.DROPPED, due_date=date(2027, 3, 1))
GOALS = [C, B, A]  # not in the plan's order, to show the list puts them there


def ids(goals: list[Goal]) -> list[str]:
    return [g.id for g in goals]


def test_without_a_filter_or_sort_every_goal_shows_in_the_plans_order() -> None:
    assert ids(visible(GOALS, GoalFilter(), CTX)) == ["a", "b", "c"]
    assert not GoalFilter().active and GoalFilter(text="x").active


def test_each_filter_narrows_the_list() -> None:
    assert ids(visible(GOALS, GoalFilter(status=GoalStatus.ACTIVE), CTX)) == ["b"]
    assert ids(visible(GOALS, GoalFilter(proposed_by=Team.MARKETING), CTX)) == ["b"]
    assert ids(visible(GOALS, GoalFilter(owner_id="m1"), CTX)) == ["b"]
    assert ids(visible(GOALS, GoalFilter(agreed=True), CTX)) == ["a"]
    assert ids(visible(GOALS, GoalFilter(agreed=False), CTX)) == ["b", "c"]
    # Waiting for sales: not a dropped goal, which waits for nobody.
    assert ids(visible(GOALS, GoalFilter(waiting_for="sales"), CTX)) == ["b"]


def test_search_reads_titles_owners_and_metric_names_whatever_the_case() -> None:
    assert ids(visible(GOALS, GoalFilter(text="WIN"), CTX)) == ["a"]
    assert ids(visible(GOALS, GoalFilter(text="bjorn"), CTX)) == ["b"]
    assert ids(visible(GOALS, GoalFilter(text="pipeline"), CTX)) == ["b"]
    assert ids(visible(GOALS, GoalFilter(text="  sara "), CTX)) == ["a"]
    assert not matches(A, GoalFilter(text="nowhere"), CTX)


def test_sorting_puts_empty_cells_last_both_ways_and_ties_in_the_plans_order() -> None:
    assert ids(visible(GOALS, GoalFilter(), CTX, "due_date")) == ["c", "a", "b"]
    assert ids(visible(GOALS, GoalFilter(), CTX, "due_date", descending=True)) == ["a", "c", "b"]
    assert ids(visible(GOALS, GoalFilter(), CTX, "sales_owner_id")) == ["a", "b", "c"]
    assert ids(visible(GOALS, GoalFilter(), CTX, "title")) == ["c", "b", "a"]
    assert ids(visible(GOALS, GoalFilter(), CTX, "title", descending=True)) == ["a", "b", "c"]
    # Worst metric first: off track before on track; no metric last.
    assert ids(visible(GOALS, GoalFilter(), CTX, "metric_ids")) == ["a", "b", "c"]
    assert ids(visible(GOALS, GoalFilter(), CTX, "agreement")) == ["a", "b", "c"]
    same = [goal("x", 5, title="Same"), goal("y", 4, title="Same")]
    assert ids(visible(same, GoalFilter(), CTX, "title", descending=True)) == ["y", "x"]
    assert sort_key(None, CTX)(A) < sort_key(None, CTX)(B)
