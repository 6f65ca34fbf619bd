"""The plan's history: every committed change set, in order, kept in the file.

Each entry has the change set's id (shared by every copy of the plan that
has it), its label, when it was committed, and its rows before and after
(compressed JSON of the rows' stored values, in column order), with an
index of the rows it touched. Calendars count a
ride's revisions from the index; two copies of a plan find the history they
share from the ids. The history is not part of the plan: undo adds to it.
"""

import json
import sqlite3
import zlib
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, NamedTuple

from planner.changes import ChangeSet, RowChange
from planner.model import Record
from planner.model.actor import Actor
from planner.model.records import KINDS
from planner.store.schema import TABLES, stored, stored_time

BY_NAME: dict[str, type[Record]] = {k.__name__: k for k in KINDS}
INSERT_ENTRY = ("INSERT INTO change_log (id, seq, committed_at, label, exact, rows, author_id, "
                "author, login, kinds) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
INSERT_ROW = "INSERT INTO change_log_row (change_id, kind, row_id) VALUES (?, ?, ?)"
INSERT_SEEN = "INSERT INTO change_seen (change_id, seen_id, taken_back) VALUES (?, ?, ?)"
INSERT_OTHER = "INSERT INTO change_other (change_id, lacked, rows) VALUES (?, ?, ?)"
INSERT_MERGED = ("INSERT INTO change_merged (change_id, id, committed_at, label, author_id, "
                 "author, login, rows) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")


@dataclass(frozen=True)
class Authored:
    """A change set of another copy that a merge brought in, as its author
    made it: when, what it was called, by whom, and the rows it touched."""

    id: str
    committed_at: str
    label: str
    author: Actor
    rows: tuple[tuple[str, str], ...]  # (kind, row id)


def _packed(value: Any) -> bytes:
    return zlib.compress(json.dumps(value, ensure_ascii=False, separators=(",", ":"))
                         .encode("utf-8"), 1)


def _unpacked(data: bytes) -> Any:
    return json.loads(zlib.decompress(data).decode("utf-8"))


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
        kind = BY_NAME[kind_name]
        read = TABLES[kind].read
        out.append(RowChange(None if before is None else read(_current(kind, before)),
                             None if after is None else read(_current(kind, after))))
    return ChangeSet(label, tuple(out), exact)


def _current(kind: type[Record], values: list[Any]) -> tuple[Any, ...]:
    """A row the history stored in an older shape, in today's (schema 8 gave
    messages each side's approval of a wording, and reviews a flag)."""
    columns = TABLES[kind].columns
    if len(values) == len(columns):
        return tuple(values)
    if kind.__name__ == "Message" and len(values) == 10:
        *kept, sales, marketing = values  # the approvals were two flags
        wording = json.dumps(kept[3:6], ensure_ascii=False)
        return (*kept, "", None, None, None,
                *((None, kept[2], wording) if sales else (None, None, None)),
                *((None, kept[2], wording) if marketing else (None, None, None)))
    defaults = kind._field_defaults
    return (*values, *(stored(defaults[f]) for f in columns[len(values):]))


def statements(change: ChangeSet, change_id: str, seq: int, at: datetime,
               author: Actor | None = None) -> Sequence[tuple[str, list[tuple[Any, ...]]]]:
    """The SQL that records a committed change set in the history, by its author."""
    by = author or Actor("")
    entry = (change_id, seq, stored_time(at), change.label, int(change.exact), encode(change),
             by.person_id, by.name, by.login,
             ",".join(sorted({r.kind.__name__ for r in change})) or "-")
    touched = [(change_id, r.kind.__name__, r.id) for r in change]
    seen = [(change_id, i, 0) for i in sorted(change.merges)] + \
        [(change_id, i, 1) for i in sorted(change.unmerges)]
    out: list[tuple[str, list[tuple[Any, ...]]]] = [
        (INSERT_ENTRY, [entry]), (INSERT_ROW, touched), (INSERT_SEEN, seen)]
    if change.merges:  # the other copy as this merge found it
        other = [[r.kind.__name__, r.id, None if r.after is None else TABLES[r.kind].write(r.after)]
                 for r in change.other_rows]
        out.append((INSERT_OTHER, [(change_id, json.dumps(sorted(change.other_lacked)),
                                    zlib.compress(json.dumps(other, ensure_ascii=False,
                                                             separators=(",", ":"))
                                                  .encode("utf-8"), 1))]))
    if change.authored and change.merges:  # who made what it brings in
        out.append((INSERT_MERGED, [
            (change_id, a.id, a.committed_at, a.label, a.author.person_id, a.author.name,
             a.author.login, _packed([list(r) for r in a.rows])) for a in change.authored]))
    return out


def authored(conn: sqlite3.Connection, ids: frozenset[str]) -> list[Authored]:
    """Change sets of this plan, and those its merges brought in, among `ids`:
    each with its author and the rows it touched, oldest first."""
    found: dict[str, Authored] = {}
    for change_id, at, label, author_id, author, login, data in conn.execute(
            "SELECT id, committed_at, label, author_id, author, login, rows FROM change_merged"):
        if change_id in ids and change_id not in found:
            rows = tuple((str(k), str(i)) for k, i in _unpacked(data))
            found[change_id] = Authored(change_id, at, label, Actor(author, author_id, login),
                                        rows)
    touched: dict[str, list[tuple[str, str]]] = {}
    own = [e for e in entries(conn) if e.id in ids]
    if own:
        wanted = {e.id for e in own}
        for change_id, kind, row_id in conn.execute(
                "SELECT change_id, kind, row_id FROM change_log_row"):
            if change_id in wanted:
                touched.setdefault(change_id, []).append((kind, row_id))
    for e in own:
        found[e.id] = Authored(e.id, e.committed_at, e.label, e.author,
                               tuple(touched.get(e.id, ())))
    return sorted(found.values(), key=lambda a: (a.committed_at, a.id))


def merged_authors(conn: sqlite3.Connection, change_id: str) -> list[Authored]:
    """What the merge `change_id` recorded of the change sets it brought in."""
    return [Authored(i, at, label, Actor(author, author_id, login),
                     tuple((str(k), str(r)) for k, r in _unpacked(data)))
            for i, at, label, author_id, author, login, data in conn.execute(
                "SELECT id, committed_at, label, author_id, author, login, rows "
                "FROM change_merged WHERE change_id = ? ORDER BY committed_at, id",
                (change_id,))]


OtherRows = list[tuple[type[Record], str, Record | None]]


def other_copy(conn: sqlite3.Connection, change_id: str) -> tuple[frozenset[str], OtherRows] | None:
    """What a merge recorded of the other copy: the change sets of this plan
    it lacked, and its rows where they differed from this plan just before
    the merge (None: a row it did not have)."""
    found = conn.execute("SELECT lacked, rows FROM change_other WHERE change_id = ?",
                         (change_id,)).fetchone()
    if found is None:
        return None
    lacked, data = found
    rows: OtherRows = []
    for kind_name, row_id, after in json.loads(zlib.decompress(data).decode("utf-8")):
        kind = BY_NAME[kind_name]
        rows.append((kind, str(row_id),
                     None if after is None else TABLES[kind].read(_current(kind, after))))
    return frozenset(json.loads(lacked)), rows


class Entry(NamedTuple):
    """One change set in a plan's history, without its rows (a named tuple:
    20,000 of them are made when the History view opens)."""

    id: str
    seq: int
    committed_at: str
    label: str
    merges: tuple[str, ...] = ()
    unmerges: tuple[str, ...] = ()
    author: Actor = Actor("")  # nobody known: a change set from before plan format 10
    kinds: tuple[str, ...] = ()  # the kinds of row it touched (asked for: `entries(kinds=True)`)


def entries(conn: sqlite3.Connection, kinds: bool = False,
            newest: int | None = None) -> list[Entry]:
    """The whole history, oldest first (with the kinds of row each touched:
    recorded with each change set since plan format 10, and looked up in the
    index of touched rows for those before)."""
    seen: dict[str, tuple[list[str], list[str]]] = {}
    for change_id, seen_id, taken_back in conn.execute(
            "SELECT change_id, seen_id, taken_back FROM change_seen ORDER BY rowid"):
        seen.setdefault(change_id, ([], []))[1 if taken_back else 0].append(seen_id)
    out = []
    nothing: tuple[str, ...] = ()
    older: dict[str, tuple[str, ...]] | None = None
    actors: dict[tuple[Any, Any, Any], Actor] = {}  # a few people make thousands of changes
    query = ("SELECT id, seq, committed_at, label, author_id, author, login, kinds "
             "FROM change_log ORDER BY seq")
    if newest is not None:  # the last few, oldest first
        query = f"SELECT * FROM ({query} DESC LIMIT {int(newest)}) ORDER BY seq"
    for change_id, seq, at, label, author_id, author, login, touched in conn.execute(query):
        merged, taken = seen.get(change_id, (nothing, nothing))
        found = nothing
        if kinds:
            if touched:
                found = tuple(touched.split(","))
            else:
                if older is None:
                    older = {i: tuple(sorted(set(names.split(",")))) for i, names in conn.execute(
                        "SELECT r.change_id, group_concat(DISTINCT r.kind) FROM change_log_row r "
                        "JOIN change_log l ON l.id = r.change_id WHERE l.kinds = '' "
                        "GROUP BY r.change_id")}
                found = older.get(change_id, nothing)
        by = actors.get((author, author_id, login))
        if by is None:
            by = actors[(author, author_id, login)] = Actor(author, author_id, login)
        out.append(Entry(change_id, seq, at, label, tuple(merged), tuple(taken), by, found))
    return out


class Seen:
    """The change sets a plan holds, its own and those merges brought in: a
    count each, so that undoing one of two merges of the same change set
    leaves it seen."""

    def __init__(self) -> None:
        self.counts: Counter[str] = Counter()

    def add(self, entry: Entry) -> None:
        self.counts[entry.id] += 1
        self.counts.update(entry.merges)
        self.counts.subtract(entry.unmerges)

    def ids(self) -> frozenset[str]:
        return frozenset(i for i, n in self.counts.items() if n > 0)


def seen_ids(history: Sequence[Entry]) -> frozenset[str]:
    seen = Seen()
    for entry in history:
        seen.add(entry)
    return seen.ids()


def last_authors(conn: sqlite3.Connection, since: int = 0, upto: int | None = None
                 ) -> dict[tuple[str, str], tuple[Actor, str]]:
    """For each row touched after place `since`, who touched it last and when
    (a merge's rows: their author in the other copy)."""
    out: dict[tuple[str, str], tuple[Actor, str]] = {}
    for kind, row_id, seq, change_id, at, author_id, author, login in conn.execute(
            "SELECT r.kind, r.row_id, l.seq, l.id, l.committed_at, l.author_id, l.author, "
            "l.login FROM change_log l JOIN change_log_row r ON r.change_id = l.id "
            "WHERE l.seq > ? AND l.seq <= ? ORDER BY l.seq",
            (since, upto if upto is not None else 2 ** 62)):
        out[(kind, row_id)] = (Actor(author, author_id, login), at)
    for change_id, merged_rows in _merged_rows(conn, since).items():
        for key, credit in merged_rows.items():
            if out.get(key, (None, ""))[1] == credit[2]:  # the merge was the last to touch it
                out[key] = (credit[0], credit[1])
    return out


def _merged_rows(conn: sqlite3.Connection, since: int
                 ) -> dict[str, dict[tuple[str, str], tuple[Actor, str, str]]]:
    """Per merge after `since`: each row it brought in, with the author and
    time of the last change set in the other copy that touched it, and the
    merge's own time."""
    out: dict[str, dict[tuple[str, str], tuple[Actor, str, str]]] = {}
    for change_id, merge_at, at, author_id, author, login, data in conn.execute(
            "SELECT m.change_id, l.committed_at, m.committed_at, m.author_id, m.author, "
            "m.login, m.rows FROM change_merged m JOIN change_log l ON l.id = m.change_id "
            "WHERE l.seq > ? ORDER BY l.seq, m.committed_at, m.id", (since,)):
        rows = out.setdefault(change_id, {})
        for kind, row_id in _unpacked(data):
            rows[(str(kind), str(row_id))] = (Actor(author, author_id, login), at, merge_at)
    return out


def author_names(conn: sqlite3.Connection) -> list[str]:
    """Everyone who made a change set of the plan, or one a merge brought in
    ("" for nobody known)."""
    return [str(n) for (n,) in conn.execute(
        "SELECT author FROM change_log UNION SELECT author FROM change_merged")]


def changes_to(conn: sqlite3.Connection, row_id: str) -> frozenset[str]:
    """The change sets that touched a row."""
    return frozenset(i for (i,) in conn.execute(
        "SELECT change_id FROM change_log_row WHERE row_id = ?", (row_id,)))


def rows_of(conn: sqlite3.Connection, seq: int) -> ChangeSet:
    """One change set of the history, with its rows."""
    found = conn.execute("SELECT rows, label, exact FROM change_log WHERE seq = ?",
                         (seq,)).fetchone()
    return ChangeSet("", ()) if found is None else decode(found[0], found[1], bool(found[2]))


def rows_after(conn: sqlite3.Connection, seq: int,
               upto: int | None = None) -> Iterator[ChangeSet]:
    """The change sets committed after a place in the history (and up to
    another, when given), newest first."""
    for data, label, exact in conn.execute(
            "SELECT rows, label, exact FROM change_log WHERE seq > ? AND seq <= ? "
            "ORDER BY seq DESC", (seq, upto if upto is not None else 2 ** 62)):
        yield decode(data, label, bool(exact))


def outside_changes(conn: sqlite3.Connection,
                    now: dict[type[Record], dict[str, Record]]) -> list[tuple[type[Record], str, str]]:
    """Rows that are not as the history last left them, (kind, id, how): how
    is "changed", "added" or "removed". Another program wrote them, since
    every change Tandem makes is in the history. A plan whose history does
    not start at its making (one made before Tandem kept a history) is
    judged only on the rows its history touched."""
    last: dict[tuple[str, str], list[Any] | None] = {}
    from_the_start = False
    for seq, data in conn.execute("SELECT seq, rows FROM change_log ORDER BY seq"):
        for kind_name, before, after in json.loads(zlib.decompress(data).decode("utf-8")):
            row = after if after is not None else before
            if kind_name not in BY_NAME or row is None:
                continue
            last[(kind_name, str(row[0]))] = after
            if seq == 1 and kind_name == "Plan" and before is None:
                from_the_start = True
    found: list[tuple[type[Record], str, str]] = []
    for kind in KINDS:
        table, rows = TABLES[kind], now.get(kind, {})
        width = len(table.columns)
        for row_id, row in rows.items():
            key = (kind.__name__, row_id)
            if key not in last:
                if from_the_start:
                    found.append((kind, row_id, "added"))
                continue
            kept = last[key]
            if kept is None:
                found.append((kind, row_id, "added"))
            elif len(kept) == width and json.loads(json.dumps(list(table.write(row)))) != kept:
                found.append((kind, row_id, "changed"))
        found += [(kind, row_id, "removed") for (name, row_id), kept in last.items()
                  if name == kind.__name__ and kept is not None and row_id not in rows]
    return found
