"""The records every layer speaks in are the rows SQLModel declares: same
fields, same types, same defaults, same bounds."""

from typing import Any

import pytest
from pydantic_core import PydanticUndefined

from planner.model import KINDS
from planner.model import tables
from planner.model.validation import BOUNDS, field_types

PAIRS = [(kind, next(e for e in tables.ENTITIES if e.__name__ == kind.__name__))
         for kind in KINDS]


@pytest.mark.parametrize(("kind", "entity"), PAIRS, ids=[k.__name__ for k in KINDS])
def test_each_record_has_the_fields_types_and_defaults_of_its_table(kind: Any,
                                                                    entity: Any) -> None:
    declared = entity.model_fields
    assert set(kind._fields) == set(declared)
    types = field_types(kind)
    for name, info in declared.items():
        hint = info.annotation
        args = getattr(hint, "__args__", ())
        optional = type(None) in args
        base = next(a for a in args if a is not type(None)) if optional else hint
        assert types[name] == (base, optional), name
        if name in ("id", "created_at", "updated_at"):
            continue  # made by the operation that makes the row
        default = info.default
        if default is PydanticUndefined or (default is None and not optional):
            # Required (a NOT NULL reference has None as its SQLModel default).
            assert name not in kind._field_defaults, name
        else:
            assert kind._field_defaults.get(name, PydanticUndefined) == default, name


def test_every_bound_the_tables_declare_is_checked_on_the_records() -> None:
    declared = {}
    for kind, entity in PAIRS:
        for name, info in entity.model_fields.items():
            for rule in info.metadata:
                for attr in ("ge", "gt", "le"):
                    if getattr(rule, attr, None) is not None:
                        declared.setdefault((kind, name), {})[attr] = getattr(rule, attr)
    checked = {}
    for (kind, name), (low, high, low_included) in BOUNDS.items():
        bound: dict[str, Any] = {}
        if low is not None:
            bound["ge" if low_included else "gt"] = low
        if high is not None:
            bound["le"] = high
        checked[(kind, name)] = bound
    assert checked == {k: v for k, v in declared.items() if k[1] != "conversion_rate"}
    # Conversion rates: above 0, at most 1 (checked for every *_rate field).
    stage = next(e for e in tables.ENTITIES if e.__name__ == "FunnelStage")
    rate = {a: getattr(r, a) for r in stage.model_fields["conversion_rate"].metadata
            for a in ("gt", "le") if getattr(r, a, None) is not None}
    assert rate == {"gt": 0, "le": 1}
