"""What a row may hold, checked before it reaches the file: one sentence per refusal.

Plain Python over the records (no pydantic on the edit path): every value
has the type its record declares, text has its limits and no NUL or lone
surrogate, numbers are finite and in range, dates run forwards. `coerce`
turns what a widget or a JSON document hands over into the declared type.
"""

import math
import re
import types
from datetime import date, datetime
from collections.abc import Callable
from enum import Enum
from typing import Any, Union, get_args, get_origin, get_type_hints

from planner.i18n import N_, NC_, _, pgettext
from planner.errors import InvalidEdit
from planner.model.records import (
    CheckIn, CrmImport, FieldRide, FunnelStage, MetricValue, Plan, R, Record, ReviewLink,
    SurveyAnswer, Training)

SHORT_TEXT_MAX = 300      # titles, names, roles
LONG_TEXT_MAX = 20_000    # descriptions, debriefs, notes
ID_MAX = 64
WORDING_MAX = 3 * LONG_TEXT_MAX  # the JSON of a signed wording
LONG_FIELDS = {"description", "purpose", "debrief", "objective", "accounts",
               "definition", "entry_definition", "what_happened", "what_we_learned",
               "what_we_change", "value_message", "proof_point", "customer_problem",
               "success_measure", "shared_reward", "note", "handoff_service_level",
               "customers_asked", "marketing_changes", "sales_changes", "words",
               "return_service_level", "send_back_reasons", "mapping", "questions"}
# Text a row cannot exist without (kept without surrounding spaces).
REQUIRED_TEXT = {"title", "name", "customer_problem", "period", "words", "topic", "action",
                 "crm", "file_name", "token", "questions"}
# Pairs (first, last) that must not run backwards.
DATE_RANGES: dict[type[Any], tuple[str, str]] = {
    Plan: ("period_start", "period_end"), FieldRide: ("first_day", "last_day"),
    Training: ("first_day", "last_day")}
# Numbers with bounds: (lowest, highest, lowest allowed itself?).
BOUNDS: dict[tuple[type[Any], str], tuple[float | None, float | None, bool]] = {
    (Plan, "marketing_days_per_quarter"): (0, 92, True),
    (Plan, "sales_days_per_half"): (0, 184, True),
    (Plan, "max_direction_ratio"): (1, 100, True),
    (Plan, "revenue_target"): (0, None, True),
    (Plan, "average_deal_size"): (0, None, False),
    (Plan, "checkin_days"): (1, 366, True),
    (Plan, "training_seats_per_quarter"): (0, 10_000, True),
    (SurveyAnswer, "question"): (0, 9, True),
    (SurveyAnswer, "often"): (1, 4, True),
    (CheckIn, "progress"): (0, None, True),
    (CheckIn, "confidence"): (1, 10, True),
    (FunnelStage, "sla_amount"): (0, 10000, False),
    (CrmImport, "rows"): (0, 2_000_000, True),
    (CrmImport, "unread"): (0, None, True),
}
RATES = {"conversion_rate"}  # above 0, at most 1
YEARS = (1900, 2199)      # dates a calendar shows
INT_LIMIT = 10**9         # positions and day counts
FLOAT_LIMIT = 1e15        # money and counts: no plan needs more
# How long a date pair may span, in days: a plan a few years, a ride a quarter.
LONGEST: dict[type[Any], tuple[int, str]] = {Plan: (5 * 366, N_("five years")),
                                             FieldRide: (92, N_("92 days")),
                                             Training: (31, N_("31 days"))}
PERIOD = re.compile(r"\d{4}-(0[1-9]|1[0-2]|Q[1-4])")  # "2027-03" or "2027-Q1"

FIELD_WORDS = {"period_start": NC_("field", "start of the period"), "period_end": NC_("field", "end of the period"),
               "first_day": NC_("field", "first day"), "last_day": NC_("field", "last day"),
               "due_date": NC_("field", "due date"), "held_on": NC_("field", "review date"), "day": NC_("field", "day"),
               "checked_on": NC_("field", "check-in date"), "checkin_days": NC_("field", "days between check-ins"),
               "sla_amount": NC_("field", "promised time"), "sla_clock": NC_("field", "promised time's clock"),
               "file_name": NC_("field", "file name"), "title": NC_("field", "title"), "name": NC_("field", "name"),
               "company": NC_("field", "company"), "purpose": NC_("field", "purpose"), "email": NC_("field", "email"),
               "role": NC_("field", "role"), "territory": NC_("field", "territory"),
               "description": NC_("field", "description"), "success_measure": NC_("field", "success measure"),
               "revenue_target": NC_("field", "revenue target"), "target": NC_("field", "target"),
               "baseline": NC_("field", "baseline"), "customer_problem": NC_("field", "customer problem"),
               "value_message": NC_("field", "value message"), "note": NC_("field", "note"),
               "confidence": NC_("field", "confidence"), "progress": NC_("field", "progress"),
               "methodology": NC_("field", "methodology"), "trainer": NC_("field", "trainer"),
               "training_seats_per_quarter": NC_("field", "seats at the other team's trainings a quarter"),
               "access": NC_("field", "access"),
               "accounts": NC_("field", "accounts"),
               "action": NC_("field", "action"),
               "actual": NC_("field", "actual"),
               "answered_at": NC_("field", "answered at"),
               "attended": NC_("field", "attended"),
               "author_id": NC_("field", "author"),
               "average_deal_size": NC_("field", "average deal size"),
               "blame_flag_dismissed": NC_("field", "blame flag dismissed"),
               "cadence": NC_("field", "cadence"),
               "carried_from": NC_("field", "carried from"),
               "computed": NC_("field", "computed from"),
               "conversion_rate": NC_("field", "conversion rate"),
               "crm": NC_("field", "CRM"),
               "currency": NC_("field", "currency"),
               "customers_asked": NC_("field", "what customers asked"),
               "debrief": NC_("field", "debrief"),
               "definition": NC_("field", "definition"),
               "delegate": NC_("field", "delegate"),
               "direction": NC_("field", "direction"),
               "done": NC_("field", "done"),
               "engaged_team": NC_("field", "engaged team"),
               "entry_definition": NC_("field", "entry definition"),
               "exclude_weekends": NC_("field", "weekends left out"),
               "field_ride_id": NC_("field", "field ride"),
               "funnel_stage_id": NC_("field", "funnel stage"),
               "goal_id": NC_("field", "goal"),
               "handoff_service_level": NC_("field", "handoff promise"),
               "head_of_marketing_id": NC_("field", "head of marketing"),
               "head_of_sales_id": NC_("field", "head of sales"),
               "holds": NC_("field", "holds"),
               "host_id": NC_("field", "host"),
               "imported_by_id": NC_("field", "imported by"),
               "in_percent": NC_("field", "in percent"),
               "language": NC_("field", "language"),
               "left_plan": NC_("field", "left the plan"),
               "mapping": NC_("field", "column mapping"),
               "marketing_changes": NC_("field", "what marketing will change"),
               "marketing_days_per_quarter": NC_("field", "marketing days a quarter"),
               "marketing_owner_id": NC_("field", "marketing owner"),
               "marketing_signed_at": NC_("field", "marketing signed at"),
               "marketing_signed_by_id": NC_("field", "marketing signed by"),
               "max_direction_ratio": NC_("field", "most uneven ratio of directions"),
               "message_id": NC_("field", "message"),
               "metric_id": NC_("field", "metric"),
               "names_id": NC_("field", "names"),
               "objective": NC_("field", "objective"),
               "occasion": NC_("field", "occasion"),
               "often": NC_("field", "how often"),
               "opened_on": NC_("field", "opened on"),
               "owner_id": NC_("field", "owner"),
               "period": NC_("field", "period"),
               "person_id": NC_("field", "person"),
               "position": NC_("field", "position"),
               "proof_point": NC_("field", "proof point"),
               "proposed_by": NC_("field", "proposed by"),
               "question": NC_("field", "question"),
               "questions": NC_("field", "questions"),
               "reported_by": NC_("field", "reported by"),
               "respondent_id": NC_("field", "respondent"),
               "return_service_level": NC_("field", "return promise"),
               "review_id": NC_("field", "review"),
               "rows": NC_("field", "rows"),
               "run_by": NC_("field", "run by"),
               "sales_changes": NC_("field", "what sales will change"),
               "sales_days_per_half": NC_("field", "sales days a half-year"),
               "sales_owner_id": NC_("field", "sales owner"),
               "sales_signed_at": NC_("field", "sales signed at"),
               "sales_signed_by_id": NC_("field", "sales signed by"),
               "segment": NC_("field", "segment"),
               "send_back_reasons": NC_("field", "reasons to send back"),
               "shared_reward": NC_("field", "shared reward"),
               "shared_rewards": NC_("field", "shared rewards"),
               "shows_people": NC_("field", "shows who named whom"),
               "source": NC_("field", "source"),
               "status": NC_("field", "status"),
               "survey_id": NC_("field", "survey"),
               "team": NC_("field", "team"),
               "topic": NC_("field", "topic"),
               "training_id": NC_("field", "training"),
               "unit": NC_("field", "unit"),
               "unread": NC_("field", "unread"),
               "visitor_id": NC_("field", "visitor"),
               "what_happened": NC_("field", "what happened"),
               "what_we_change": NC_("field", "what we change"),
               "what_we_learned": NC_("field", "what we learned"),
               "words": NC_("field", "words")}
_SURROGATE = re.compile("[\ud800-\udfff]")


def words(field: str) -> str:
    """A field's name as a reader would say it."""
    known = FIELD_WORDS.get(field)
    return pgettext("field", known) if known else field.removesuffix("_id").replace("_", " ")


_FIELD_TYPES: dict[type[Any], dict[str, tuple[type, bool]]] = {}


def field_types(kind: type[Any]) -> dict[str, tuple[type, bool]]:
    """Each field's declared type and whether it may be None (worked out once)."""
    known = _FIELD_TYPES.get(kind)
    if known is not None:
        return known
    out = {}
    for name, hint in get_type_hints(kind).items():
        args = get_args(hint)
        optional = get_origin(hint) in (Union, types.UnionType) and type(None) in args
        base = next(a for a in args if a is not type(None)) if optional else hint
        out[name] = (base, optional)
    _FIELD_TYPES[kind] = out
    return out


def _text_limit(field: str) -> int:
    if field == "id" or field.endswith("_id"):
        return ID_MAX
    if field.endswith("_wording"):
        return WORDING_MAX
    return LONG_TEXT_MAX if field in LONG_FIELDS else SHORT_TEXT_MAX


def clean_text(field: str, value: str) -> str:
    """The text as stored, or InvalidEdit naming what is wrong with it."""
    text = value.strip() if field in REQUIRED_TEXT else value
    if field in REQUIRED_TEXT and not text:
        raise InvalidEdit(_("The {field} cannot be empty.").format(field=words(field)))
    limit = _text_limit(field)
    if len(text) > limit:
        raise InvalidEdit(
            _("The {field} is {text:,} characters long; the limit is {limit:,}.").format(field=words(field),
                text=len(text), limit=limit))
    if "\x00" in text:
        raise InvalidEdit(_("The {field} contains a NUL character.").format(field=words(field)))
    if _SURROGATE.search(text):
        raise InvalidEdit(_("The {field} contains a broken character (a lone surrogate), which no "
                            "file can store.").format(field=words(field)))
    return text


def _check_value(kind: type[Any], field: str, value: Any) -> Any:
    base, optional = field_types(kind)[field]
    if value is None:
        if optional:
            return None
        raise InvalidEdit(_("The {field} is missing.").format(field=words(field)))
    if base is str:
        if not isinstance(value, str):
            raise InvalidEdit(_("The {field} must be text.").format(field=words(field)))
        if (field == "id" or field.endswith("_id")) and not value:
            raise InvalidEdit(_("The {field} cannot be empty.").format(field=words(field)))
        return clean_text(field, value)
    if base is bool:
        if type(value) is not bool:
            raise InvalidEdit(_("The {field} must be yes or no.").format(field=words(field)))
        return value
    if base in (int, float):
        return _check_number(kind, field, value, base)
    if base is datetime:
        if type(value) is not datetime:
            raise InvalidEdit(_("The {field} time is not valid.").format(field=words(field)))
        if value.tzinfo is None:
            raise InvalidEdit(_("The {field} time has no time zone.").format(field=words(field)))
        _check_year(field, value)
        return value
    if base is date:
        if type(value) is not date:
            raise InvalidEdit(_("The {field} is not a valid date.").format(field=words(field)))
        _check_year(field, value)
        return value
    if isinstance(base, type) and issubclass(base, Enum):
        if not isinstance(value, base):
            raise InvalidEdit(_("The {field} is not valid: {value!r} is not one of {choices}.")
                              .format(field=words(field), value=value,
                                      choices=", ".join(str(m.value) for m in base)))
        return value
    raise InvalidEdit(_("The {field} has a type the plan does not know.").format(field=words(field)))


def _check_year(field: str, value: date) -> None:
    if not YEARS[0] <= value.year <= YEARS[1]:
        raise InvalidEdit(_("The {field} ({value}) is outside the years {first_year} to {last_year}.").format(field=words(field), value=value.isoformat()[:10], first_year=YEARS[0], last_year=YEARS[1]))


def _check_number(kind: type[Any], field: str, value: Any, base: type) -> Any:
    if type(value) not in (int, float) or (base is int and type(value) is not int):
        raise InvalidEdit((_("The {field} must be a whole number.") if base is int
                           else _("The {field} must be a number.")).format(field=words(field)))
    if not math.isfinite(value):
        raise InvalidEdit(_("The {field} must be a finite number, not {value}.").format(field=words(field),
                              value=value))
    if base is int and abs(value) > INT_LIMIT:
        raise InvalidEdit(_("The {field} is out of range ({value:,}).").format(field=words(field),
                              value=value))
    if base is float and abs(value) > FLOAT_LIMIT:
        raise InvalidEdit(_("The {field} is out of range ({value:g}).").format(field=words(field),
                              value=value))
    if field in RATES and not 0 < value <= 1:
        raise InvalidEdit(_("The {field} must be above 0% and at most 100%.").format(field=words(field)))
    low, high, low_included = BOUNDS.get((kind, field), (None, None, True))
    if low is not None and (value < low or (value == low and not low_included)):
        raise InvalidEdit((_("The {field} must be at least {low:g}.") if low_included
                           else _("The {field} must be above {low:g}.")).format(
                               field=words(field), low=low))
    if high is not None and value > high:
        raise InvalidEdit(_("The {field} must be at most {high:g}.").format(field=words(field),
                              high=high))
    return float(value) if base is float else value


def validate(record: R) -> R:
    """The record as it may be stored (required text trimmed), or InvalidEdit."""
    kind: type[Any] = type(record)
    changed = {}
    for field, value in zip(record._fields, record, strict=True):
        clean = _check_value(kind, field, value)
        if clean is not value:
            changed[field] = clean
    out = record._replace(**changed) if changed else record
    pair = DATE_RANGES.get(kind)
    if pair:
        first, last = getattr(out, pair[0]), getattr(out, pair[1])
        if last < first:
            raise InvalidEdit(_("The {field} ({value}) is before the {earlier_field} ({earlier_value}).").format(field=words(pair[1]), value=last.isoformat(), earlier_field=words(pair[0]), earlier_value=first.isoformat()))
        longest, span = LONGEST[kind]
        if (last - first).days + 1 > longest:
            raise InvalidEdit((_("From {first} to {last} is more than {span}; a plan cannot be "
                                 "that long.") if kind is Plan else
                               _("From {first} to {last} is more than {span}; a field ride "
                                 "cannot be that long.")).format(
                                     first=first.isoformat(), last=last.isoformat(),
                                     span=_(span)))
    if isinstance(out, ReviewLink) and sum(
            1 for v in (out.goal_id, out.funnel_stage_id, out.metric_id) if v is not None) != 1:
        raise InvalidEdit(_("A review's link names exactly one goal, funnel stage or metric."))
    period = getattr(out, "period", None) if kind is MetricValue else None
    if period is not None and (not PERIOD.fullmatch(period)
                               or not YEARS[0] <= int(period[:4]) <= YEARS[1]):
        raise InvalidEdit(_("The period “{period}” is not a month like 2027-03 or a quarter "
                            "like 2027-Q1 of a year a calendar shows.").format(period=period[:40]))
    return out  # type: ignore[return-value]


_CHECKS: dict[type[Any], Callable[[Any], bool]] = {}


def is_valid(record: Record) -> bool:
    """Whether `validate` would take the record as it is, in about a tenth of
    its time: one compiled expression per kind. For rows read from a file,
    where thousands are checked and nearly all pass."""
    kind = type(record)
    check = _CHECKS.get(kind)
    if check is None:
        check = _CHECKS[kind] = _compile_check(kind)
    return check(record)


def _compile_check(kind: type[Any]) -> Callable[[Any], bool]:
    names: dict[str, Any] = {"date": date, "datetime": datetime, "_sur": _SURROGATE.search}
    terms = []
    for n, (field, (base, optional)) in enumerate(field_types(kind).items()):
        v = f"r[{n}]"
        term = _term(kind, field, base, v, names)
        terms.append(f"({v} is None or {term})" if optional else term)
    pair = DATE_RANGES.get(kind)
    if pair:
        first, last = (kind._fields.index(f) for f in pair)
        terms.append(f"0 <= (r[{last}] - r[{first}]).days < {LONGEST[kind][0]}")
    if kind is MetricValue:
        names["_period"] = PERIOD.fullmatch
        n = kind._fields.index("period")
        terms.append(f"_period(r[{n}]) is not None and {YEARS[0]} <= int(r[{n}][:4]) <= "
                     f"{YEARS[1]}")
    if kind is ReviewLink:
        ids = ", ".join(f"r[{kind._fields.index(f)}]"
                        for f in ("goal_id", "funnel_stage_id", "metric_id"))
        terms.append(f"sum(1 for x in ({ids}) if x is not None) == 1")
    source = "def check(r):\n    return bool(" + "\n        and ".join(terms) + ")\n"
    exec(compile(source, f"<check {kind.__name__}>", "exec"), names)  # noqa: S102
    return names["check"]  # type: ignore[no-any-return]


def _term(kind: type[Any], field: str, base: type, v: str, names: dict[str, Any]) -> str:
    years = f"{YEARS[0]} <= {v}.year <= {YEARS[1]}"
    if base is str:
        limit = _text_limit(field)
        text = (f"type({v}) is str and len({v}) <= {limit} and '\\x00' not in {v} "
                f"and ({v}.isascii() or _sur({v}) is None)")
        if field == "id" or field.endswith("_id"):
            return f"{text} and {v} != ''"
        required = f" and {v}.strip() == {v} and {v} != ''" if field in REQUIRED_TEXT else ""
        return text + required
    if base is bool:
        return f"type({v}) is bool"
    if base is date:
        return f"type({v}) is date and {years}"
    if base is datetime:
        return f"type({v}) is datetime and {v}.tzinfo is not None and {years}"
    if isinstance(base, type) and issubclass(base, Enum):
        names[f"_enum_{field}"] = base
        return f"type({v}) is _enum_{field}"
    low, high, low_included = BOUNDS.get((kind, field), (None, None, True))
    if field in RATES:
        low, high, low_included = 0, 1, False
    largest: float = INT_LIMIT if base is int else FLOAT_LIMIT
    term = f"type({v}) is {base.__name__} and {-largest} <= {v} <= {largest}"
    if low is not None:
        term += f" and {v} {'>=' if low_included else '>'} {low}"
    if high is not None:
        term += f" and {v} <= {high}"
    return term


def coerce(kind: type[Any], field: str, value: Any) -> Any:
    """What a widget or a document gave, as the type the record declares:
    enums from their value or name, dates and times from ISO text, whole
    numbers as floats where a float is declared. Anything else is returned
    unchanged for `validate` to refuse with a sentence."""
    base, _optional = field_types(kind)[field]
    if value is None:
        return "" if base is str and field not in ("id",) and not field.endswith(
            ("_id", "_wording")) else None
    if isinstance(base, type) and issubclass(base, Enum) and not isinstance(value, base):
        for member in base:
            if value in (member.value, member.name):
                return member
        return value
    if isinstance(value, str) and base in (date, datetime):
        try:
            parsed = base.fromisoformat(value)
        except ValueError:
            raise InvalidEdit((_("The {field} ({value!r}) is not a valid date.") if base is date
                               else _("The {field} ({value!r}) is not a valid time.")).format(
                                   field=words(field), value=value[:40])) from None
        return parsed
    if base is float and type(value) is int:
        return float(value)
    if base is int and type(value) is float and value.is_integer():
        return int(value)
    return value


def plain(value: Any) -> Any:
    """A value as JSON holds it: enums by value, dates and times as ISO text."""
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    return value
