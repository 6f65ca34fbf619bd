"""The plan's history: every committed change set, in order, kept in the file.

Each entry has the change set's id (shared by every copy of the plan that
has it), its label, when it was committed, and its rows before and after
(compressed JSON of the rows' stored values, in column order), with an
index of the rows it touched. Calendars count a
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
from planner.store.schema import TABLES, stored_time

BY_NAME: dict[str, type[Record]] = {k.__name__: k for k in KINDS}
INSERT_ENTRY = ("INSERT INTO change_log (id, seq, committed_at, label, exact, rows) "
                "VALUES (?, ?, ?, ?, ?, ?)")
INSERT_ROW = "INSERT INTO change_log_row (change_id, kind, row_id) VALUES (?, ?, ?)"


def encode(change: ChangeSet) -> bytes:
    """[[kind, before, after], ...]: each row as its table stores it, or null."""
    rows = [[r.kind.__name__,
             None if r.before is None else TABLES[r.kind].write(r.before),
             None if r.after is None else TABLES[r.kind].write(r.after)] for r in change]
    return zlib.compress(json.dumps(rows, ensure_ascii=False, separators=(",", ":"))
                         .encode("utf-8"), 1)


def decode(data: bytes, label: str = "", exact: bool = True) -> ChangeSet:
    out = []
    for kind_name, before, after in json.loads(zlib.decompress(data).decode("utf-8")):
        read = TABLES[BY_NAME[kind_name]].read
        out.append(RowChange(None if before is None else read(tuple(before)),
                             None if after is None else read(tuple(after))))
    return ChangeSet(label, tuple(out), exact)


def statements(change: ChangeSet, change_id: str, seq: int,
               at: datetime) -> Sequence[tuple[str, list[tuple[Any, ...]]]]:
    """The SQL that records a committed change set in the history."""
    entry = (change_id, seq, stored_time(at), change.label, int(change.exact), encode(change))
    touched = [(change_id, r.kind.__name__, r.id) for r in change]
    return [(INSERT_ENTRY, [entry]), (INSERT_ROW, touched)]
