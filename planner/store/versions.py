"""Named versions of a plan and the plan as it stood at any place in its history.

A version is a bookmark in the plan's history: a name, a note, who saved it
and when, and the place (the number of change sets committed by then). The
plan as it stood there is worked out backwards from the rows as they are now,
undoing each later change set exactly (each records its rows before and
after); nothing else has to be kept.
"""

import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from planner.changes import ChangeSet
from planner.model import Record
from planner.model.records import KINDS
from planner.store.schema import stored_time

State = dict[type[Record], dict[str, Record]]

INSERT_VERSION = ("INSERT INTO plan_version (id, name, note, author, created_at, seq, automatic) "
                  "VALUES (?, ?, ?, ?, ?, ?, ?)")
DELETE_VERSION = "DELETE FROM plan_version WHERE id = ?"


@dataclass(frozen=True)
class Version:
    id: str
    name: str
    note: str
    author: str
    created_at: datetime
    seq: int  # the change sets committed when it was saved
    automatic: bool  # saved by Tandem (before a merge, a workshop, an upgrade)

    def row(self) -> tuple[object, ...]:
        return (self.id, self.name, self.note, self.author, stored_time(self.created_at),
                self.seq, int(self.automatic))


def read_versions(conn: sqlite3.Connection) -> list[Version]:
    """Every version the plan holds, oldest first."""
    return [Version(i, n, note, a, datetime.fromisoformat(at), seq, bool(auto))
            for i, n, note, a, at, seq, auto in conn.execute(
                "SELECT id, name, note, author, created_at, seq, automatic FROM plan_version "
                "ORDER BY seq, created_at, rowid")]


def state_of(rows: Iterable[Record]) -> State:
    """Rows by kind and id; every kind present, empty or not."""
    state: State = {kind: {} for kind in KINDS}
    for row in rows:
        state[type(row)][row.id] = row
    return state


def rewound(state: State, newest_first: Iterable[ChangeSet]) -> State:
    """The state before the given change sets (newest first), each undone."""
    out = {kind: dict(rows) for kind, rows in state.items()}
    for change in newest_first:
        for row in reversed(change.rows):
            if row.before is None:
                out[row.kind].pop(row.id, None)
            else:
                out[row.kind][row.id] = row.before
    return out
