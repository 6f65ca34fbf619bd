"""Who changed what, when: the plan's history as a reader asks for it.

One entry per committed change set: when (local time when shown), who (the
person, a guest's name, or nobody known for change sets from before plan
format 10), what it was called and the sections it touched; asked for, the
rows it touched with each field before and after. A merge's rows are each
credited to the author, in the other copy, of the last change set that
touched them. The window's History view and `tandem log` read it.
"""

from collections import ChainMap
from collections.abc import Iterable, Sequence
from functools import lru_cache
from datetime import datetime
from typing import TYPE_CHECKING, Any, NamedTuple

from planner.i18n import _
from planner.model.actor import Actor
from planner.model.records import KINDS
from planner.outline.changes import ORDER, SECTION_OF, RowDifference, differences
from planner.store.history import BY_NAME

if TYPE_CHECKING:
    from planner.store.history import Authored
    from planner.store.plan_store import PlanStore

UNKNOWN = "unknown"  # the author of a change set from before authors were recorded


def author_name(actor: Actor) -> str:
    return actor.name or UNKNOWN


class LogEntry(NamedTuple):
    """One change set as the History view and `tandem log` show it (a named
    tuple: 20,000 are made when the view opens)."""

    seq: int
    id: str
    at: str  # stored: UTC, ISO
    label: str
    author: Actor
    sections: tuple[str, ...]  # section keys, in the sidebar's order
    merged: tuple["Authored", ...] = ()  # a merge: the change sets it brought in

    @property
    def moment(self) -> datetime:
        return datetime.fromisoformat(self.at)

    def authors(self) -> tuple[str, ...]:
        """Everyone whose work the entry holds: its author, and a merge's."""
        if not self.merged:
            return (self.author.name or UNKNOWN,)
        names = [author_name(self.author)] + [author_name(a.author) for a in self.merged]
        return tuple(dict.fromkeys(names))


@lru_cache(maxsize=4096)
def _sections(kinds: frozenset[str]) -> tuple[str, ...]:
    keys = {SECTION_OF[BY_NAME[k]] for k in kinds if k in BY_NAME}
    return tuple(k for k in ORDER if k in keys)


def log(store: "PlanStore", since: int = 0, newest: int | None = None) -> list[LogEntry]:
    """Every change set after place `since` in the history (or the newest
    few), oldest first."""
    out = []
    for entry in store.history(kinds=True, newest=newest):
        if entry.seq <= since:
            continue
        if entry.merges:
            merged = tuple(store.merged_authors(entry.id))
            kinds = frozenset(entry.kinds) | {k for a in merged for k, _ in a.rows}
            out.append(LogEntry(entry.seq, entry.id, entry.committed_at, entry.label,
                                entry.author, _sections(frozenset(kinds)), merged))
        else:
            out.append(LogEntry(entry.seq, entry.id, entry.committed_at, entry.label,
                                entry.author, _sections(frozenset(entry.kinds))))
    return out


def people(entries: Sequence[LogEntry] = (), store: "PlanStore | None" = None) -> list[str]:
    """Everyone who made a change (of these entries, or of the plan), by name,
    nobody known last."""
    names = {e.author.name or UNKNOWN for e in entries}
    names.update(n for e in entries if e.merged for n in e.authors())
    if store is not None:
        names.update(n or UNKNOWN for n in store.authors())
    return sorted(names - {UNKNOWN}, key=str.casefold) + ([UNKNOWN] if UNKNOWN in names else [])


def matching(entries: Sequence[LogEntry], person: str | None = None,
             section: str | None = None, row_changes: frozenset[str] | None = None
             ) -> list[LogEntry]:
    """The entries by a person (any whose work it holds), touching a section,
    or among the change sets that touched one row."""
    wanted = person.casefold() if person else None
    if wanted is not None:
        entries = [e for e in entries if (e.author.name or UNKNOWN).casefold() == wanted
                   or e.merged and any(n.casefold() == wanted for n in e.authors())]
    if section is None and row_changes is None:
        return list(entries)
    return [e for e in entries if (section is None or section in e.sections)
            and (row_changes is None or e.id in row_changes)]


def rows(store: "PlanStore", entry: LogEntry,
         state: dict[Any, Any] | None = None) -> list[tuple[RowDifference, Actor]]:
    """The rows an entry touched, each field before and after, with who
    made each (a merge's rows: the author in the other copy)."""
    change = store.change_set(entry.seq)
    now = state if state is not None else store.state()
    # Names are the plan's as it is now, with the entry's own rows as they were.
    own_before: dict[Any, dict[str, Any]] = {}
    own_after: dict[Any, dict[str, Any]] = {}
    for row in change:
        if row.before is not None:
            own_before.setdefault(row.kind, {})[row.id] = row.before
        if row.after is not None:
            own_after.setdefault(row.kind, {})[row.id] = row.after
    before = {kind: ChainMap(own_before.get(kind, {}), now.get(kind, {})) for kind in KINDS}
    after = {kind: ChainMap(own_after.get(kind, {}), now.get(kind, {})) for kind in KINDS}
    credited: dict[tuple[str, str], Actor] = {}
    for authored in entry.merged:  # oldest first: the last to touch a row is its author
        for key in authored.rows:
            credited[key] = authored.author
    return [(d, credited.get((d.kind.__name__, d.row_id), entry.author))
            for d in differences(change, before, after)]  # type: ignore[arg-type]


def line(entry: LogEntry, when: str) -> str:
    """`3 Mar 2027, 14:05 · Amara Okafor · Sign off “X” for sales`."""
    by = author_name(entry.author)
    others = [n for n in entry.authors() if n != by]
    if others:
        by += " " + _("(bringing in the work of {names})").format(names=", ".join(others))
    return f"{when} \u00b7 {by} \u00b7 {entry.label}"


def as_json(entry: LogEntry, when: str,
            found: list[tuple[RowDifference, Actor]] | None) -> dict[str, Any]:
    out: dict[str, Any] = {
        "seq": entry.seq, "id": entry.id, "at": entry.at, "local_time": when,
        "label": entry.label, "author": actor_json(entry.author),
        "sections": list(entry.sections)}
    if entry.merged:
        out["brings_in"] = [{"id": a.id, "at": a.committed_at, "label": a.label,
                             "author": actor_json(a.author)} for a in entry.merged]
    if found is not None:
        out["changes"] = [{**d.as_json(), "author": actor_json(a)} for d, a in found]
    return out


def actor_json(actor: Actor) -> dict[str, Any]:
    return {"name": author_name(actor), "person_id": actor.person_id, "login": actor.login,
            "guest": actor.known and actor.person_id is None}
