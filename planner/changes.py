"""The change set: the one description of a change to a plan.

A change set names every row it touches with the row as it was and as it
becomes (whole records, timestamps and positions included) and a label a
person can read ("Sign off “Win back lapsed accounts” for sales"). Its
inverse is exact: the rows as they were, in reverse order. Views refresh
from it, undo commits its inverse, and a diff or a merge reads it.
"""

from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any
from dataclasses import dataclass

from planner.model import Record
from planner.model.records import KINDS


@dataclass(frozen=True, slots=True)
class RowChange:
    """One row: added (no before), removed (no after) or changed (both)."""

    before: Record | None
    after: Record | None

    def __post_init__(self) -> None:
        if self.before is None and self.after is None:
            raise ValueError("a row change needs a row before or after")
        if self.before is not None and self.after is not None and (
                type(self.before) is not type(self.after) or self.before.id != self.after.id):
            raise ValueError("a row change keeps its kind and its id")

    @property
    def row(self) -> Record:
        """The row as it becomes, or as it was when it is removed."""
        return self.after if self.after is not None else self.before  # type: ignore[return-value]

    @property
    def kind(self) -> type[Record]:
        return type(self.row)

    @property
    def id(self) -> str:
        return self.row.id

    @property
    def added(self) -> bool:
        return self.before is None

    @property
    def removed(self) -> bool:
        return self.after is None

    def fields(self) -> tuple[str, ...]:
        """The fields whose values differ (every field for an added or removed row)."""
        if self.before is None or self.after is None:
            return self.row._fields
        return tuple(f for f, a, b in zip(self.before._fields, self.before, self.after,
                                          strict=True) if a != b)

    def inverse(self) -> "RowChange":
        return RowChange(self.after, self.before)


def added(row: Record) -> RowChange:
    return RowChange(None, row)


def removed(row: Record) -> RowChange:
    return RowChange(row, None)


def changed(before: Record, after: Record) -> RowChange:
    return RowChange(before, after)


@dataclass(frozen=True, slots=True)
class ChangeSet:
    """Rows touched by one step a person takes, in the order they are written.

    `exact` change sets are written as they are (undo, redo, an import, a
    merge); in any other the store stamps `updated_at` on every row it changes
    (a new row keeps the times the operation made it with).
    """

    label: str
    rows: tuple[RowChange, ...] = ()
    exact: bool = False
    # A merge names the other copy's change sets it brings in (its history),
    # so that the next merge starts from there; undoing it takes them back.
    merges: frozenset[str] = frozenset()
    unmerges: frozenset[str] = frozenset()
    # A version saved with the change, in its one transaction: (id, name) of
    # the plan as it stood just before (a merge keeps "Before merging …" so).
    # Undoing the change deletes it (`unbookmark`); redoing saves it again.
    bookmark: tuple[str, str] | None = None
    unbookmark: tuple[str, str] | None = None
    # A merge records the other copy as it found it, for later merges to
    # start from: its rows where they differed from this plan just before the
    # merge (before: this plan's row, after: the other copy's), and this
    # plan's change sets it lacked. Kept through undo, so a redo records it.
    other_rows: tuple[RowChange, ...] = ()
    other_lacked: frozenset[str] = frozenset()
    # A merge keeps the authors of the change sets it brings in (history.Authored).
    authored: tuple[Any, ...] = ()
    # Data kept beside rows, by the id of the row it belongs to (a CRM
    # import's columns, `crm_data`): written with the change, outside the
    # history, and never taken back by the inverse (a redo finds it there).
    attached: tuple[tuple[str, bytes], ...] = ()

    def __bool__(self) -> bool:
        return bool(self.rows)

    @property
    def recorded(self) -> bool:
        """Whether committing it records anything: rows, or a merge with none."""
        return bool(self.rows or self.merges or self.unmerges or self.bookmark
                    or self.unbookmark or self.attached)

    def __iter__(self) -> Iterator[RowChange]:
        return iter(self.rows)

    def __len__(self) -> int:
        return len(self.rows)

    def inverse(self) -> "ChangeSet":
        """The change set that puts every row back exactly as it was."""
        return ChangeSet(self.label, tuple(r.inverse() for r in reversed(self.rows)),
                         exact=True, merges=self.unmerges, unmerges=self.merges,
                         bookmark=self.unbookmark, unbookmark=self.bookmark,
                         other_rows=self.other_rows, other_lacked=self.other_lacked,
                         authored=self.authored)

    def then(self, later: "ChangeSet", label: str | None = None) -> "ChangeSet":
        """This change and a later one as one step (typing in bursts)."""
        return compose((self, later), label or self.label, exact=self.exact and later.exact)

    def kinds(self) -> frozenset[type[Record]]:
        return frozenset(r.kind for r in self.rows)

    def of(self, kind: type[Record]) -> list[RowChange]:
        return [r for r in self.rows if r.kind is kind]

    def ids(self, kind: type[Record]) -> frozenset[str]:
        return frozenset(r.id for r in self.rows if r.kind is kind)

    def touches(self, *kinds: type[Record]) -> bool:
        return any(r.kind in kinds for r in self.rows)


def compose(sets: Iterable[ChangeSet], label: str, exact: bool = False) -> ChangeSet:
    """Several change sets as one: for each row the first before and the last
    after; a row that ends as it began (or is added and removed again) is
    left out."""
    merged: dict[tuple[type[Record], str], tuple[Record | None, Record | None]] = {}
    for change_set in sets:
        for row in change_set.rows:
            key = (row.kind, row.id)
            first = merged.get(key)
            merged[key] = (row.before if first is None else first[0], row.after)
    return ChangeSet(label, tuple(RowChange(before, after) for before, after in merged.values()
                                  if before != after), exact)


def between(old: Mapping[type[Record], Mapping[str, Record]],
            new: Mapping[type[Record], Mapping[str, Record]],
            label: str = "Changes") -> ChangeSet:
    """The change set that turns one state of a plan (rows by kind and id)
    into another, exact: each row as it is in the new state; kinds in the
    order they refer to one another."""
    rows = []
    for kind in KINDS:
        a, b = old.get(kind, {}), new.get(kind, {})
        for row_id in a.keys() | b.keys():
            if a.get(row_id) != b.get(row_id):
                rows.append(RowChange(a.get(row_id), b.get(row_id)))
    return ChangeSet(label, tuple(rows), exact=True)


def build(label: str, rows: Sequence[RowChange], exact: bool = False) -> ChangeSet:
    """A change set from row changes, leaving out rows that do not change."""
    return ChangeSet(label, tuple(r for r in rows if r.before != r.after), exact)
