"""The rows of a kind checked in SQL, without reading them into Python.

A plan refuses, on opening, a row Tandem could not use (`validation.is_valid`
on the record `schema.Table.read` makes of it). For the kinds that grow all
year (a goal's check-ins: fifty a goal is a thousand-goal plan's 50,000 rows)
the store does not read every row to open the plan; it asks SQLite one
question per kind instead, built here from the same rules: is there any row
this check cannot vouch for?

The check is conservative: it vouches only for values in the exact form
Tandem writes them (`schema.stored`: ISO dates, UTC times with microseconds,
REAL numbers, enum names), so a row it passes is one `is_valid` takes, and a
row it cannot vouch for sends the store back to reading the kind in Python,
which gives the refusal its sentence (or takes a value written another way).
Text that is all printable ASCII is measured in SQL; other text goes through
one small function that decodes it as Python would when reading it; a
reference to a kind already read and checked is vouched for by its being
one of that kind's ids.

SQLite runs the query without Python's lock, so the window asks it on a
thread (`Later`) once the plan is shown, and acts on the answer; a commit
waits for the answer first.
"""

import sqlite3
import threading
from pathlib import Path
from datetime import date, datetime
from enum import Enum
from functools import cache
from typing import Any

from planner.i18n import _
from planner.model import validation as v
from planner.store.fileformat import pages_fault
from planner.store.schema import FOREIGN_KEYS, TABLES

# schema.stored_time: UTC, to the microsecond: 2027-01-04T10:00:00.000000+00:00
# (its form here, the hour below 24 and the day a real one beside it).
_D = "[0-9]"
_TIME = f"{_D * 4}-[01]{_D}-[0-3]{_D}T[012]{_D}:[0-5]{_D}:[0-5]{_D}.{_D * 6}+00:00"


class Unsupported(ValueError):
    """A kind whose rules this check does not write in SQL (cross-field rules)."""


def _text_ok(data: bytes | None, limit: int, required: int) -> int:
    """Whether stored text reads as Python reads it and passes the text rules."""
    if data is None:
        return 0
    try:
        text = data.decode("utf-8")  # strict, as sqlite3 decodes TEXT: no surrogates either
    except UnicodeDecodeError:
        return 0
    if len(text) > limit or "\x00" in text:
        return 0
    return int(not required or (text != "" and text.strip() == text))


def _term(kind: type[Any], field: str, base: type, checked: frozenset[type[Any]]) -> str:
    c = f'"{field}"'
    text = f"typeof({c}) = 'text' AND instr(CAST({c} AS BLOB), X'00') = 0"  # SQLite's text
    # functions stop at a NUL; the bytes after one are still read by Python
    parent = next((fk.parent for fk in FOREIGN_KEYS
                   if fk.child is kind and fk.column == field and fk.parent in checked), None)
    if base is str and parent is not None:  # one of a checked kind's ids is a sound id
        return f"({text} AND {c} IN (SELECT id FROM \"{TABLES[parent].name}\"))"
    if base is str:
        limit = v._text_limit(field)
        key = field == "id" or field.endswith("_id")
        required = field in v.REQUIRED_TEXT
        slow = f"tandem_text(CAST({c} AS BLOB), {limit}, {int(required)})"
        if required:
            fast = slow
        else:  # all printable ASCII: its length is its length in characters
            fast = (f"CASE WHEN {c} NOT GLOB '*[^ -~]*' THEN length({c}) <= {limit} "
                    f"ELSE {slow} END")
        return f"({text}{f' AND {c} <> {chr(39) * 2}' if key else ''} AND {fast})"
    if base is bool:
        return "1"  # read as `value == 1`: every stored value reads as a bool
    if base is date:
        low, high = v.YEARS
        return (f"({text} AND date(julianday({c})) = {c} "
                f"AND {c} BETWEEN '{low:04d}-01-01' AND '{high:04d}-12-31')")
    if base is datetime:
        low, high = v.YEARS
        day = f"substr({c}, 1, 10)"
        return (f"({text} AND {c} GLOB '{_TIME}' AND substr({c}, 12, 2) <= '23' "
                f"AND date(julianday({day})) = {day} "
                f"AND {day} BETWEEN '{low:04d}-01-01' AND '{high:04d}-12-31')")
    if isinstance(base, type) and issubclass(base, Enum):
        names = ", ".join(f"'{name}'" for name in base.__members__)
        return f"({text} AND {c} IN ({names}))"
    if base in (int, float):
        largest: float = v.INT_LIMIT if base is int else v.FLOAT_LIMIT
        sql_type = "integer" if base is int else "real"
        term = f"typeof({c}) = '{sql_type}' AND {c} BETWEEN {-largest!r} AND {largest!r}"
        bounds: tuple[float | None, float | None, bool] = v.BOUNDS.get(
            (kind, field), (None, None, True))
        least, most, least_included = bounds
        if field in v.RATES:
            least, most, least_included = 0.0, 1.0, False
        if least is not None:
            term += f" AND {c} {'>=' if least_included else '>'} {least!r}"
        if most is not None:
            term += f" AND {c} <= {most!r}"
        return f"({term})"
    raise Unsupported(f"{kind.__name__}.{field} has a type this check does not know.")


@cache
def doubtful_sql(kind: type[Any], checked: frozenset[type[Any]] = frozenset()) -> str:
    """A query that returns one row when any row of the kind is one it cannot
    vouch for; `checked` are the kinds already read and checked (whose ids
    vouch for a reference to them)."""
    if kind in v.DATE_RANGES or kind.__name__ in ("MetricValue", "ReviewLink"):
        raise Unsupported(f"{kind.__name__} has rules across its fields.")
    terms = []
    for field, (base, optional) in v.field_types(kind).items():
        term = _term(kind, field, base, checked)
        terms.append(f'("{field}" IS NULL OR {term})' if optional else term)
    vouched = " AND ".join(terms)
    return f'SELECT 1 FROM "{TABLES[kind].name}" WHERE NOT coalesce({vouched}, 0) LIMIT 1'


def all_sound(conn: sqlite3.Connection, kind: type[Any],
              checked: frozenset[type[Any]] = frozenset()) -> bool:
    """Whether every row of the kind is one Tandem can use, asked of SQLite;
    False when any row needs reading in Python to say (or to take it)."""
    conn.create_function("tandem_text", 3, _text_ok, deterministic=True)
    try:
        query = doubtful_sql(kind, checked)  # type: ignore[arg-type]
        return conn.execute(query).fetchone() is None
    except sqlite3.Error:
        return False


class Later:
    """The same question asked on a thread (SQLite answers without Python's
    lock), of the plan's file read on a connection of its own (`source` a
    path: the file the store holds the lock of) or of a copy of the plan
    taken there (`source` a connection): `doubtful()` waits for the answer,
    the kinds SQLite could not vouch for. With `pages`, SQLite's quick check of
    every page of the file comes first (opening checked all but these kinds'
    tables): `damage()` is what it found, or None."""

    def __init__(self, source: "sqlite3.Connection | Path", kinds: tuple[type[Any], ...],
                 checked: frozenset[type[Any]], pages: bool = False) -> None:
        self._source, self._kinds, self._checked = source, kinds, checked
        self._doubtful: list[type[Any]] = list(kinds)  # until answered: every one
        self._pages = pages
        self._damage: str | None = _("the check of its pages did not finish") if pages \
            else None
        self._error: sqlite3.Error | None = None  # what stopped the check, if anything
        self._thread = threading.Thread(target=self._run, name="tandem-check", daemon=True)

    def start(self) -> None:
        """Ask now (the window asks once the plan is shown, so the question
        does not compete with showing it)."""
        if self._thread.ident is None:
            self._thread.start()

    def _run(self) -> None:
        try:
            source, self._source = self._source, None  # type: ignore[assignment]
            if isinstance(source, Path):
                copy = sqlite3.connect(f"{source.resolve().as_uri()}?mode=ro", uri=True,
                                       isolation_level=None, check_same_thread=False)
            else:
                data = source.serialize()
                copy = sqlite3.connect(":memory:", isolation_level=None,
                                       check_same_thread=False)
                copy.deserialize(data)
                del data
            try:
                copy.execute("PRAGMA trusted_schema = OFF")
                copy.execute("PRAGMA query_only = ON")
                if self._pages:
                    copy.execute("PRAGMA busy_timeout = 2000")
                    self._damage = pages_fault(copy)  # raises when the file cannot be read
                    if self._damage is not None:
                        return  # every kind stays doubtful; the damage says why
                self._doubtful = [k for k in self._kinds
                                  if not all_sound(copy, k, self._checked)]
            finally:
                copy.close()
        except sqlite3.Error as exc:
            self._error = exc  # every kind stays doubtful: read in Python, which says
        except MemoryError:  # what is wrong (or the disk has gone: `error()`)
            pass

    def answered(self) -> bool:
        self.start()
        return not self._thread.is_alive()

    def doubtful(self) -> list[type[Any]]:
        self.start()
        self._thread.join()
        return self._doubtful

    def damage(self) -> str | None:
        self.start()
        self._thread.join()
        return self._damage

    def error(self) -> sqlite3.Error | None:
        """What stopped the check (the file could not be read), if anything."""
        self.start()
        self._thread.join()
        return self._error
