"""Validation of a row's values before it reaches the file: one sentence per refusal."""

from datetime import date, datetime
from enum import Enum
from typing import Any

from pydantic import ValidationError

from planner.errors import InvalidEdit
from planner.model.entities import FieldRide, Plan, Row

SHORT_TEXT_MAX = 300      # titles, names, roles
LONG_TEXT_MAX = 20_000    # descriptions, debriefs, notes
LONG_FIELDS = {"description", "purpose", "debrief", "objective", "accounts",
               "definition", "entry_definition", "what_happened", "what_we_learned",
               "what_we_change", "value_message", "proof_point", "customer_problem",
               "success_measure", "shared_reward", "note", "handoff_service_level",
               "customers_asked", "marketing_changes", "sales_changes", "words",
               "return_service_level", "send_back_reasons"}
# Text a row cannot exist without.
REQUIRED_TEXT = {"title", "name", "customer_problem", "period", "words", "topic"}
# Pairs (first, last) that must not run backwards.
DATE_RANGES = {Plan: ("period_start", "period_end"), FieldRide: ("first_day", "last_day")}

FIELD_WORDS = {"period_start": "start of the period", "period_end": "end of the period",
               "first_day": "first day", "last_day": "last day", "due_date": "due date"}


def words(field: str) -> str:
    """A field's name as a reader would say it."""
    return FIELD_WORDS.get(field, field.replace("_id", "").replace("_", " "))


def clean_text(entity: type[Row], field: str, value: Any) -> str:
    if value is None:
        value = ""
    if not isinstance(value, str):
        raise InvalidEdit(f"The {words(field)} must be text.")
    text = value.strip() if field in REQUIRED_TEXT else value
    if field in REQUIRED_TEXT and not text:
        raise InvalidEdit(f"The {words(field)} cannot be empty.")
    limit = LONG_TEXT_MAX if field in LONG_FIELDS else SHORT_TEXT_MAX
    if len(text) > limit:
        raise InvalidEdit(
            f"The {words(field)} is {len(text):,} characters long; the limit is {limit:,}.")
    if "\x00" in text:
        raise InvalidEdit(f"The {words(field)} contains a NUL character.")
    return text


def validate_row(entity: type[Row], values: dict[str, Any]) -> dict[str, Any]:
    """Return the complete, typed values of a row, or raise InvalidEdit."""
    values = dict(values)
    for field in entity.text_fields:
        if field in values or field in REQUIRED_TEXT:
            values[field] = clean_text(entity, field, values.get(field))
    try:
        row = entity.model_validate(values)
    except ValidationError as exc:
        first = exc.errors()[0]
        field = str(first["loc"][0]) if first["loc"] else "value"
        raise InvalidEdit(f"The {words(field)} is not valid: {first['msg'].lower()}.") from None
    out = {name: getattr(row, name) for name in entity.model_fields}
    for name, value in out.items():
        if isinstance(value, datetime) and value.tzinfo is None:
            raise InvalidEdit(f"The {words(name)} time has no time zone.")
    _check_date_range(entity, out)
    return out


def _check_date_range(entity: type[Row], values: dict[str, Any]) -> None:
    pair = DATE_RANGES.get(entity)
    if not pair:
        return
    first, last = values[pair[0]], values[pair[1]]
    if isinstance(first, date) and isinstance(last, date) and last < first:
        raise InvalidEdit(
            f"The {words(pair[1])} ({last.isoformat()}) is before the "
            f"{words(pair[0])} ({first.isoformat()}).")


def plain(value: Any) -> Any:
    """A value as JSON holds it: enums by value, dates and times as ISO text."""
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    return value
