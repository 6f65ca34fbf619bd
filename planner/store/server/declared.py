"""The plan's tables for PostgreSQL, from the one declaration (SQLModel's).

Only the maintainers' step that writes a server migration, and the test
that compares the migrated server with the declaration, import this (it
imports sqlmodel). On the server every plan shares each table: the key is
(plan_id, id), a unique key of a plan's own is unique within the plan, and
each row carries `seq`, the place in its plan's history of the change set
that last wrote it (the row's version). Foreign keys are checked at COMMIT
(a change set names every row a removal takes with it, so no action is
taken by the server).
"""

from typing import Any

from sqlalchemy import Enum as SqlEnum
from sqlalchemy import ForeignKeyConstraint, UniqueConstraint
from sqlalchemy.dialects import postgresql
from sqlalchemy.schema import Table

SCHEMA = "tandem"


def _tables() -> list[Table]:
    import planner.model.tables  # noqa: F401  (declares the tables)
    from sqlmodel import SQLModel

    return list(SQLModel.metadata.sorted_tables)


def _type(column) -> str:  # type: ignore[no-untyped-def]
    kind = column.type
    if isinstance(kind, SqlEnum):
        return f"{SCHEMA}.{kind.name}"
    impl = getattr(kind, "impl_instance", None) or getattr(kind, "impl", None)
    compiled: Any = (impl if impl is not None and not isinstance(impl, type) else kind)
    return str(compiled.compile(dialect=postgresql.dialect()))  # type: ignore[no-untyped-call]


def enum_types() -> dict[str, list[str]]:
    """Each enum the tables use: its PostgreSQL type name and its members' names."""
    out: dict[str, list[str]] = {}
    for table in _tables():
        for column in table.columns:
            if isinstance(column.type, SqlEnum):
                out[str(column.type.name)] = list(column.type.enums)
    return out


def _space_class() -> str:
    """What Python's str.strip() takes away, as a regular expression's bracket."""
    spaces = [c for c in map(chr, range(0x110000)) if c.isspace()]
    return "[" + "".join(f"\\u{ord(c):04x}" for c in spaces) + "]"


def _checks(table: Table) -> list[str]:
    """CHECK constraints that hold a row to what `validation.is_valid` takes,
    from the same rules: the server refuses a row no client could load (a
    modified client's), so nobody's copy is ever refused for one."""
    from planner.model import validation as v
    from planner.model.records import MetricValue, ReviewLink
    from planner.store.schema import TABLES

    kind = next(k for k, t in TABLES.items() if t.name == table.name)
    space = _space_class()
    low_year, high_year = v.YEARS
    out = []
    for field, (base, _optional) in v.field_types(kind).items():
        name = f"{field}"
        if base is str:
            terms = [f"char_length({name}) <= {v._text_limit(field)}"]
            if field == "id" or field.endswith("_id"):
                terms.append(f"{name} <> ''")
            elif field in v.REQUIRED_TEXT:
                terms.append(f"{name} <> '' AND {name} !~ '^{space}' AND {name} !~ '{space}$'")
            out.append(" AND ".join(terms))
        elif base.__name__ == "date":
            out.append(f"{name} BETWEEN '{low_year}-01-01' AND '{high_year}-12-31'")
        elif base.__name__ == "datetime":
            out.append(f"tandem.is_time({name})")
        elif base in (int, float):
            largest = v.INT_LIMIT if base is int else v.FLOAT_LIMIT
            term = f"{name} BETWEEN {-largest:g} AND {largest:g}"
            if base is float:
                term = f"{name} <> 'NaN' AND " + term
            low, high, low_included = v.BOUNDS.get((kind, field), (None, None, True))
            if field in v.RATES:
                low, high, low_included = 0, 1, False
            if low is not None:
                term += f" AND {name} {'>=' if low_included else '>'} {low:g}"
            if high is not None:
                term += f" AND {name} <= {high:g}"
            out.append(term)
    pair = v.DATE_RANGES.get(kind)
    if pair:
        first, last = pair
        out.append(f"{last} - {first} BETWEEN 0 AND {v.LONGEST[kind][0] - 1}")
    if kind is MetricValue:
        out.append(f"period ~ '^{v.PERIOD.pattern.replace(chr(92) + 'd', '[0-9]')}$' AND "
                   f"left(period, 4)::int BETWEEN {low_year} AND {high_year}")
    if kind is ReviewLink:
        out.append("num_nonnulls(goal_id, funnel_stage_id, metric_id) = 1")
    return out


def kind_tables_sql() -> str:
    """CREATE TYPE and CREATE TABLE for every kind of row, as the server holds them."""
    parts = [f"CREATE TYPE {SCHEMA}.{name} AS ENUM ({', '.join(repr(v) for v in values)});"
             for name, values in sorted(enum_types().items())]
    for table in _tables():
        lines = ["\tplan_id VARCHAR(36) NOT NULL"]
        for column in table.columns:
            line = f"\t{column.name} {_type(column)}"
            default = column.server_default
            if default is not None:
                text = str(getattr(default, "arg", default))
                if str(column.type) == "BOOLEAN" or _type(column) == "BOOLEAN":
                    text = "true" if text in ("1", "true") else "false"
                    line += f" DEFAULT {text}"
                else:
                    line += f" DEFAULT '{text}'"
            if not column.nullable:
                line += " NOT NULL"
            lines.append(line)
        lines.append("\tseq BIGINT NOT NULL")
        lines.append("\tPRIMARY KEY (plan_id, id)")
        for constraint in sorted(table.constraints, key=lambda c: str(c.name or "")):
            if isinstance(constraint, UniqueConstraint) and constraint.columns:
                cols = ", ".join(c.name for c in constraint.columns)
                lines.append(f"\tUNIQUE (plan_id, {cols})")
        for fk in sorted((c for c in table.constraints if isinstance(c, ForeignKeyConstraint)),
                         key=lambda c: [col.name for col in c.columns]):
            (col,) = [c.name for c in fk.columns]
            parent = fk.elements[0].column.table.name
            lines.append(f"\tFOREIGN KEY (plan_id, {col}) REFERENCES {SCHEMA}.{parent} "
                         "(plan_id, id) DEFERRABLE INITIALLY DEFERRED")
        lines.append(f"\tFOREIGN KEY (plan_id) REFERENCES {SCHEMA}.plans (id) ON DELETE CASCADE")
        lines += [f"\tCHECK ({check})" for check in _checks(table)]
        parts.append(f"CREATE TABLE {SCHEMA}.{table.name} (\n" + ",\n".join(lines) + "\n);")
        for column in table.columns:
            if column.foreign_keys:
                parts.append(f"CREATE INDEX ON {SCHEMA}.{table.name} (plan_id, {column.name});")
    return "\n\n".join(parts) + "\n"


def _blocks() -> dict[str, str]:
    """Each part of `kind_tables_sql` by what it makes ("type x", "table t", "index t c")."""
    out = {}
    for part in kind_tables_sql().strip("\n").split("\n\n"):
        words = part.split()
        if words[1] == "TYPE":
            out[f"type {words[2].split('.')[1]}"] = part
        elif words[1] == "TABLE":
            out[f"table {words[2].split('.')[1]}"] = part
        else:
            out[f"index {words[3].split('.')[1]} {part.split(', ')[1].rstrip(');')}"] = part
    return out


def step_sql(before: str) -> str:
    """The tables' part of a new server migration, after the steps whose SQL is
    `before`: the types and tables the declaration has that they lack, and the
    columns a table gained (ALTER TABLE, with the CHECKs of those columns)."""
    import re

    parts = []
    for key, part in _blocks().items():
        what, name = key.split()[0], key.split()[1]
        if what == "type" and f"CREATE TYPE {SCHEMA}.{name} " not in before:
            parts.append(part)
        elif what == "table" and f"CREATE TABLE {SCHEMA}.{name} (" not in before:
            parts.append(part)
        elif what == "index" and f"CREATE TABLE {SCHEMA}.{name} (" not in before:
            parts.append(part)
        elif what == "table":
            table = next(t for t in _tables() if t.name == name)
            old = before.split(f"CREATE TABLE {SCHEMA}.{name} (", 1)[1].split("\n);", 1)[0]
            had = set(re.findall(r"^\t(\w+) ", old, re.M)) | set(
                re.findall(r"ADD COLUMN (\w+) ", before.split(f"ALTER TABLE {SCHEMA}.{name} ", 1)[1]
                           if f"ALTER TABLE {SCHEMA}.{name} " in before else ""))
            lines = dict(re.findall(r"^\t(\w+) (.*?),?$", part, re.M))
            for column in table.columns:
                if column.name in had:
                    continue
                parts.append(f"ALTER TABLE {SCHEMA}.{name} ADD COLUMN {column.name} "
                             f"{lines[column.name]};")
                for check in _checks(table):  # each names its own column
                    if re.search(rf"\b{column.name}\b", check):
                        parts.append(f"ALTER TABLE {SCHEMA}.{name} ADD CHECK ({check});")
    return "\n\n".join(parts) + "\n"


def declared_columns() -> dict[str, dict[str, tuple[str, bool]]]:
    """{table: {column: (PostgreSQL type, nullable)}} as the declaration says."""
    return {t.name: {c.name: (_type(c), bool(c.nullable)) for c in t.columns}
            for t in _tables()}


if __name__ == "__main__":  # the tables' part of a new server migration
    from planner.store.server.schema import SERVER_SCHEMA_VERSION, _step_sql

    print(step_sql("\n".join(_step_sql(v) for v in range(1, SERVER_SCHEMA_VERSION + 1))))
