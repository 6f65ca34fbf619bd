"""What a row may hold: types, text, numbers, dates; and turning what a widget
or a document hands over into the declared types."""

from datetime import date, datetime, timezone

import pytest

from planner.errors import InvalidEdit
from planner.model import FieldRide, FunnelStage, Goal, Plan
from planner.model.enums import GoalStatus, RideDirection, Team
from planner.model.validation import coerce, validate
from planner.operations.rows import new


def test_widgets_and_documents_values_become_the_declared_types() -> None:
    assert coerce(Goal, "status", "done") is GoalStatus.DONE      # a value
    assert coerce(Goal, "status", "DONE") is GoalStatus.DONE      # a stored name
    assert coerce(Goal, "proposed_by", Team.SALES) is Team.SALES
    assert coerce(Goal, "due_date", "2027-06-30") == date(2027, 6, 30)
    assert coerce(Goal, "created_at", "2027-01-01T00:00:00+00:00") == datetime(
        2027, 1, 1, tzinfo=timezone.utc)
    assert coerce(Plan, "revenue_target", 5) == 5.0 and type(coerce(Plan, "revenue_target", 5)) \
        is float
    assert coerce(Goal, "position", 3.0) == 3
    assert coerce(Goal, "description", None) == ""   # empty text, not a missing value
    assert coerce(Goal, "sales_owner_id", None) is None
    with pytest.raises(InvalidEdit, match="due date .* is not a valid date"):
        coerce(Goal, "due_date", "31/02/2027")


def test_required_text_is_trimmed_and_other_text_kept_as_typed() -> None:
    goal = validate(new(Goal, title="  Grow  ", description="  why  "))
    assert (goal.title, goal.description) == ("Grow", "  why  ")


GOAL = {"title": "G"}
PLAN = {"title": "P", "period_start": date(2027, 1, 1), "period_end": date(2027, 2, 1)}
RIDE = {"direction": RideDirection.MARKETING_WITH_SALES, "first_day": date(2027, 3, 1),
        "last_day": date(2027, 3, 2)}


@pytest.mark.parametrize(("kind", "base", "changes", "message"), [
    (Goal, GOAL, {"status": "done"}, "status is not valid"),
    (Goal, GOAL, {"due_date": datetime(2027, 1, 1)}, "not a valid date"),
    (Goal, GOAL, {"position": True}, "whole number"),
    (Goal, GOAL, {"id": ""}, "id cannot be empty"),
    (Plan, PLAN, {"max_direction_ratio": 0.5}, "at least 1"),
    (Plan, PLAN, {"average_deal_size": 0.0}, "above 0"),
    (Plan, PLAN, {"marketing_days_per_quarter": 93}, "at most 92"),
    (FunnelStage, {"name": "S"}, {"conversion_rate": 1.5}, "above 0% and at most 100%"),
    (FieldRide, RIDE, {"first_day": date(2027, 3, 3)}, "before the first day"),
])
def test_what_a_row_may_not_hold_is_named(kind, base, changes, message: str) -> None:  # type: ignore[no-untyped-def]
    row = new(kind, **base)
    assert validate(row) == row
    with pytest.raises(InvalidEdit, match=message):
        validate(row._replace(**changes))
