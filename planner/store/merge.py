"""Merging another copy of a plan into this one: git's three-way merge, by row
(UUID) and by field.

The common ancestor comes from the two plans' histories. Every change set has
an id that copies share, and a merge records the ids it brought in. So the
ancestor is the latest place in either history whose change sets the other
plan has all of, and the plan as it stood there is worked out backwards from
that plan's rows. From there:

- a row or field changed on one side only takes that side's value, without a
  question;
- a field both sides changed, to different values, is a conflict, and so is a
  row one side removed and the other changed, or removed while the other
  still refers to it (a ride of theirs hosted by a person I removed);
- `updated_at` is bookkeeping: the later of the two.

`MergePlan.change(choices)` turns the plan and the person's choices into one
change set. The store commits it like any other, so every rule holds: a
signed goal whose wording changed loses its sign-offs, rides that now clash
are flagged. Undoing it takes back what it brought in, so that merging again
offers it again.
"""

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Literal

from planner.changes import ChangeSet, RowChange
from planner.errors import InvalidEdit, PlanError
from planner.model import Plan, Record
from planner.model.records import KINDS
from planner.model.validation import coerce, is_valid, validate
from planner.store import history
from planner.store.plan_store import PlanStore
from planner.store.schema import CASCADE, FOREIGN_KEYS
from planner.store.versions import State

BOOKKEEPING = ("id", "created_at", "updated_at")
Side = Literal["mine", "theirs"]
Choice = Side | tuple[Literal["value"], Any]  # a side, or a value the person wrote


@dataclass(frozen=True)
class Conflict:
    """A field both sides changed differently (`field` set), or a row one side
    removed while the other changed it or still refers to it (`field` None:
    `mine` and `theirs` are then the rows, one of them None)."""

    kind: type[Record]
    row_id: str
    field: str | None
    base: Any
    mine: Any
    theirs: Any

    @property
    def key(self) -> tuple[str, str, str | None]:
        return (self.kind.__name__, self.row_id, self.field)


@dataclass(frozen=True)
class MergePlan:
    """What merging THEIRS into MINE would do, before anyone has chosen."""

    theirs_name: str
    base: State
    mine: State
    theirs: State
    merged: State  # every change from one side only; conflicts as in mine
    conflicts: tuple[Conflict, ...]
    brings_in: frozenset[str]  # their change sets this plan has not yet seen

    def change(self, choices: Mapping[tuple[str, str, str | None], Choice] | None = None,
               take: Side | None = None) -> ChangeSet:
        """The merge as one change set: each conflict resolved by the person's
        choice, else by `take`; a conflict with neither is refused."""
        choices = choices or {}
        result = {kind: dict(rows) for kind, rows in self.merged.items()}
        for conflict in self.conflicts:
            choice = choices.get(conflict.key, take)
            if choice is None:
                raise InvalidEdit(f"{len(self.conflicts)} conflict(s) still need a choice.")
            _apply(result, self.mine, conflict, choice)
        _settle_references(result)
        rows = [RowChange(self.mine[kind].get(i), result[kind].get(i))
                for kind in KINDS for i in self.mine[kind].keys() | result[kind].keys()]
        rows = [r for r in rows if r.before != r.after]
        return ChangeSet(f"Merge changes from {self.theirs_name}", tuple(_ordered(rows)),
                         exact=True, merges=self.brings_in)


def prepare(mine: PlanStore, theirs: PlanStore) -> MergePlan:
    """The merge of THEIRS into MINE: the ancestor, what goes in, the conflicts."""
    if {p.id for p in mine.rows(Plan)} != {p.id for p in theirs.rows(Plan)}:
        raise PlanError(f"{theirs.path.name} is not a copy of this plan (it is another plan, "
                        f"\u201c{theirs.plan().title}\u201d); only copies of one plan can be "
                        "merged.")
    base = ancestor(mine, theirs)
    now_mine, now_theirs = mine.state(), theirs.state()
    merged, conflicts = three_way(base, now_mine, now_theirs)
    brings_in = history.seen_ids(theirs.history()) - history.seen_ids(mine.history())
    return MergePlan(theirs.path.name, base, now_mine, now_theirs, merged, tuple(conflicts),
                     frozenset(brings_in))


def ancestor(mine: PlanStore, theirs: PlanStore) -> State:
    """The plan as it stood at the latest place in either history whose change
    sets the other plan has all of. With no history in common, the rows the
    two plans began with alike."""
    mine_log, theirs_log = mine.history(), theirs.history()
    mine_seen, theirs_seen = history.seen_ids(mine_log), history.seen_ids(theirs_log)
    mine_at, mine_size = _last_shared(mine_log, theirs_seen)
    theirs_at, theirs_size = _last_shared(theirs_log, mine_seen)
    if mine_size == theirs_size == 0:
        first_mine, first_theirs = mine.state(0), theirs.state(0)
        return {kind: {i: row for i, row in first_mine[kind].items()
                       if first_theirs[kind].get(i) == row} for kind in KINDS}
    if mine_size >= theirs_size:
        return mine.state(mine_at)
    return theirs.state(theirs_at)


def _last_shared(log: list[history.Entry], other: frozenset[str]) -> tuple[int, int]:
    """The last place in a history up to which the other plan has seen every
    change set (and everything merges brought in), and how many that is."""
    seen, at = history.Seen(), 0
    for entry in log:
        if entry.id not in other or any(i not in other for i in entry.merges):
            break
        seen.add(entry)
        at = entry.seq
    return at, len(seen.ids())


def three_way(base: State, mine: State, theirs: State) -> tuple[State, list[Conflict]]:
    """Every change from one side only applied to MINE; the conflicts, left
    as in MINE."""
    merged = {kind: dict(rows) for kind, rows in mine.items()}
    conflicts: list[Conflict] = []
    for kind in KINDS:
        b_rows, m_rows, t_rows = base.get(kind, {}), mine.get(kind, {}), theirs.get(kind, {})
        for row_id in b_rows.keys() | m_rows.keys() | t_rows.keys():
            b, m, t = b_rows.get(row_id), m_rows.get(row_id), t_rows.get(row_id)
            if m == t or t == b:
                continue  # the same on both sides, or only mine changed it
            if m == b:  # only theirs changed it
                _put(merged, kind, row_id, t)
            elif m is None or t is None:  # removed on one side, changed on the other
                conflicts.append(Conflict(kind, row_id, None, b, m, t))
            else:
                row, found = _fields(kind, b, m, t)
                merged[kind][row_id] = row
                conflicts += found
    conflicts += _dangling(base, mine, theirs, merged)
    return merged, conflicts


def _fields(kind: type[Record], b: Record | None, m: Record, t: Record
            ) -> tuple[Record, list[Conflict]]:
    """A row both sides changed: field by field."""
    values: dict[str, Any] = {}
    found: list[Conflict] = []
    for field in m._fields:
        bv = None if b is None else getattr(b, field)
        mv, tv = getattr(m, field), getattr(t, field)
        if mv == tv or tv == bv:
            continue
        if field == "updated_at":
            values[field] = max(mv, tv)
        elif mv == bv:
            values[field] = tv
        else:
            found.append(Conflict(kind, m.id, field, bv, mv, tv))
    row = m._replace(**values)
    theirs_way = row._replace(**{c.field: c.theirs for c in found if c.field})
    if not (_valid(row) and _valid(theirs_way)):
        # Each field fine, together not (a ride ending before it starts): the
        # row is one decision, so taking a side takes that side's whole row.
        row = m
        found = [Conflict(kind, m.id, f, None if b is None else getattr(b, f),
                          getattr(m, f), getattr(t, f))
                 for f in m._fields if f not in BOOKKEEPING and getattr(m, f) != getattr(t, f)]
    return row, found


def _valid(row: Record) -> bool:
    if is_valid(row):
        return True
    try:
        validate(row)
    except PlanError:
        return False
    return True


def _dangling(base: State, mine: State, theirs: State, merged: State) -> list[Conflict]:
    """A row one side removed while a row of the other side refers to it."""
    found: dict[tuple[type[Record], str], Conflict] = {}
    for fk in FOREIGN_KEYS:
        present = merged[fk.parent]
        for child in merged[fk.child].values():
            parent_id = getattr(child, fk.column)
            if parent_id is None or parent_id in present or (fk.parent, parent_id) in found:
                continue
            m, t = mine[fk.parent].get(parent_id), theirs[fk.parent].get(parent_id)
            if m is None and t is None:
                continue  # gone on both sides: the reference is cleared as any removal clears
            found[(fk.parent, parent_id)] = Conflict(
                fk.parent, parent_id, None, base[fk.parent].get(parent_id), m, t)
    return list(found.values())


def _apply(result: State, mine: State, conflict: Conflict, choice: Choice) -> None:
    kind, row_id = conflict.kind, conflict.row_id
    if conflict.field is None:
        if isinstance(choice, tuple):
            raise InvalidEdit("A removed row is kept or let go: choose mine or theirs.")
        _put(result, kind, row_id, conflict.mine if choice == "mine" else conflict.theirs)
        return
    row = result[kind].get(row_id) or mine[kind].get(row_id)
    if row is None:
        return  # the row went with a choice about another conflict
    if isinstance(choice, tuple):
        value = coerce(kind, conflict.field, choice[1])
    else:
        value = conflict.mine if choice == "mine" else conflict.theirs
    result[kind][row_id] = validate(row._replace(**{conflict.field: value}))


def _settle_references(result: State) -> None:
    """References to rows the merge leaves out: cleared, or the referring row
    removed with them, as removing the row in the plan would."""
    changed = True
    while changed:
        changed = False
        for fk in FOREIGN_KEYS:
            present = result[fk.parent]
            for child in list(result[fk.child].values()):
                parent_id = getattr(child, fk.column)
                if parent_id is None or parent_id in present:
                    continue
                if fk.on_delete == CASCADE:
                    del result[fk.child][child.id]
                else:
                    cleared: Any = child
                    result[fk.child][child.id] = cleared._replace(**{fk.column: None})
                changed = True


def _put(state: State, kind: type[Record], row_id: str, row: Record | None) -> None:
    if row is None:
        state[kind].pop(row_id, None)
    else:
        state[kind][row_id] = row


def _ordered(rows: list[RowChange]) -> list[RowChange]:
    """Kinds in the order the plan's tables depend on one another."""
    order = {kind: n for n, kind in enumerate(KINDS)}
    return sorted(rows, key=lambda r: (order[r.kind], r.id))
