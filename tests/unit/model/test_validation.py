"""What a row may hold: types, text, numbers, dates; and turning what a widget
or a document hands over into the declared types."""

from datetime import date, datetime, timezone

import pytest

from planner.errors import InvalidEdit
from planner.model import FieldRide, FunnelStage, Goal, Plan
from planner.model.enums import CrmKind, GoalStatus, RideDirection, Team
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


# -- the fast check and the full validation agree, on every kind, on odd values --

from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from planner.model import KINDS  # noqa: E402
from planner.model.validation import field_types, is_valid  # noqa: E402

odd_text = st.one_of(st.text(max_size=5), st.sampled_from(
    ["", " ", "  padded ", "x" * 300, "x" * 301, "y" * 20_001, "nul\x00", "lone \ud800", "ok"]))
odd_numbers = st.one_of(st.integers(-10**10, 10**10), st.floats(allow_nan=True),
                        st.sampled_from([0, 1, 0.5, 92, 93, 184, 185, 1e15, 1e16, -1.0, True]))
odd_dates = st.dates(date(1800, 1, 1), date(2300, 1, 1))


def odd_value(base: type, optional: bool):  # type: ignore[no-untyped-def]
    from enum import Enum

    choices = [odd_text, odd_numbers, odd_dates]
    if base is datetime:
        choices.append(st.datetimes(datetime(1800, 1, 1), datetime(2300, 1, 1),
                                    timezones=st.sampled_from([timezone.utc, None])))
    if isinstance(base, type) and issubclass(base, Enum):
        choices.append(st.sampled_from(list(base)))
    if base is bool:
        choices.append(st.booleans())
    if optional:
        choices.append(st.none())
    return st.one_of(*choices)


@st.composite
def odd_records(draw):  # type: ignore[no-untyped-def]
    kind = draw(st.sampled_from(KINDS))
    fields = {}
    for name, (base, optional) in field_types(kind).items():
        if draw(st.booleans()):
            fields[name] = draw(odd_value(base, optional))
    base_values = {
        "Plan": {"title": "P", "period_start": date(2027, 1, 1), "period_end": date(2027, 12, 31)},
        "Person": {"name": "A", "team": Team.SALES}, "Goal": {"title": "G"},
        "FieldRide": {"direction": RideDirection.MARKETING_WITH_SALES,
                      "first_day": date(2027, 3, 1), "last_day": date(2027, 3, 2)},
        "FunnelStage": {"name": "S"}, "Metric": {"name": "M"},
        "MetricGoal": {"metric_id": "m", "goal_id": "g"},
        "MetricValue": {"metric_id": "m", "period": "2027-03", "actual": 1.0},
        "Message": {"customer_problem": "C"}, "HotButton": {"field_ride_id": "r", "words": "W"},
        "NonWorkingDay": {"day": date(2027, 5, 1)}, "ParkingTopic": {"topic": "T"},
        "Review": {"held_on": date(2027, 5, 1)}, "ReviewLink": {"review_id": "v"},
        "ReviewAction": {"review_id": "v", "action": "A"},
        "CheckIn": {"goal_id": "g", "checked_on": date(2027, 5, 1), "progress": 40.0,
                    "confidence": 7},
        "CrmImport": {"crm": "hubspot", "holds": CrmKind.LEAD, "file_name": "contacts.csv"},
        "Training": {"title": "MEDDICC for everyone", "first_day": date(2027, 5, 3),
                     "last_day": date(2027, 5, 4)},
        "TrainingSeat": {"training_id": "t", "person_id": "p"},
        "Survey": {"title": "S", "questions": "Who?", "opened_on": date(2027, 3, 1)},
        "SurveyInvite": {"survey_id": "s", "person_id": "p", "token": "t" * 32},
        "SurveyAnswer": {"survey_id": "s", "respondent_id": "p", "question": 0,
                         "names_id": "q", "often": 2},
    }[kind.__name__]
    return new(kind, **base_values)._replace(**fields)


@settings(max_examples=3000, deadline=None)
@given(odd_records())
def test_the_fast_check_says_yes_exactly_when_validation_takes_the_row_as_it_is(row) -> None:  # type: ignore[no-untyped-def]
    try:
        checked = validate(row)
        # Taken as it is: the same values, of the same types (0 is not 0.0).
        whole = [(type(v), v) for v in checked] == [(type(v), v) for v in row]
    except InvalidEdit:
        whole = False
    assert is_valid(row) == whole


def test_ids_made_in_bulk_are_random_version_4_uuids() -> None:
    import uuid

    from planner.model.types import new_ids

    made = new_ids(2000)
    assert len(set(made)) == 2000
    for text in made:
        parsed = uuid.UUID(text)
        assert str(parsed) == text and parsed.version == 4 and parsed.variant == uuid.RFC_4122
