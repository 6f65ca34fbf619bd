"""The plan's history: every committed change set, in order, kept in the file.

Each entry has the change set's id (shared by every copy of the plan that
has it), its label, when it was committed, and its rows before and after
(compressed JSON), with an index of the rows it touched. Calendars count a
ride's revisions from the index; two copies of a plan find the history they
share from the ids. The history is not part of the plan: undo adds to it.
"""

import json
import zlib
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from planner.changes import ChangeSet, RowChange
from planner.model import Record
from planner.model.records import KINDS
from planner.model.validation import coerce, plain
from planner.store.schema import stored_time

BY_NAME: dict[str, type[Record]] = {k.__name__: k for k in KINDS}
INSERT_ENTRY = ("INSERT INTO change_log (id, seq, committed_at, label, exact, rows) "
                "VALUES (?, ?, ?, ?, ?, ?)")
INSERT_ROW = "INSERT INTO change_log_row (change_id, kind, row_id) VALUES (?, ?, ?)"


def _plain(row: Record | None) -> dict[str, Any] | None:
    return None if row is None else {f: plain(v) for f, v in zip(row._fields, row, strict=True)}


def encode(change: ChangeSet) -> bytes:
    rows = [[r.kind.__name__, r.id, _plain(r.before), _plain(r.after)] for r in change]
    return zlib.compress(json.dumps(rows, ensure_ascii=False, separators=(",", ":"))
                         .encode("utf-8"), 6)


def _record(kind: type[Record], values: dict[str, Any] | None) -> Record | None:
    if values is None:
        return None
    return kind(**{f: coerce(kind, f, v) for f, v in values.items()})


def decode(data: bytes, label: str = "", exact: bool = True) -> ChangeSet:
    rows = json.loads(zlib.decompress(data).decode("utf-8"))
    out = []
    for kind_name, _, before, after in rows:
        kind = BY_NAME[kind_name]
        out.append(RowChange(_record(kind, before), _record(kind, after)))
    return ChangeSet(label, tuple(out), exact)


def statements(change: ChangeSet, change_id: str, seq: int,
               at: datetime) -> Sequence[tuple[str, list[tuple[Any, ...]]]]:
    """The SQL that records a committed change set in the history."""
    entry = (change_id, seq, stored_time(at), change.label, int(change.exact), encode(change))
    touched = [(change_id, r.kind.__name__, r.id) for r in change]
    return [(INSERT_ENTRY, [entry]), (INSERT_ROW, touched)]
