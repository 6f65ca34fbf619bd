"""Merging another copy of a plan into this one: git's three-way merge, by row
(UUID, or the natural key of kinds that have one) and by field.

The ancestor comes from the two plans' histories, as git finds a merge base.
Every change set has an id that copies share, and a merge records the ids it
brought in, so a place in a history stands for the set of change sets the
plan held there. A place is a common ancestor when the other plan holds every
one of them too; the best common ancestors are the latest such place in each
history. When one of them holds all the other does, it is the ancestor. When
neither does (a criss-cross: both copies merged each other), the two are
merged first, against their own best common ancestor, into a virtual
ancestor (git's "recursive" strategy); a field they conflict on keeps their
ancestor's value there. From the ancestor:

- a row or field changed on one side only takes that side's value, without a
  question;
- a field both sides changed, to different values, is a conflict, and so is a
  row one side removed and the other changed, or removed while the other
  still refers to it (a ride of theirs hosted by a person I removed); each
  row and field is one conflict, however many reasons it has;
- rows with the same natural key on the two sides are one row (both added 14
  April as a day off): under the smaller of their two ids, so that every copy
  ends with the same rows; their fields merge as any row's do;
- `created_at` and `updated_at` are bookkeeping: the earlier and the later.

`merge_change(store, plan, choices)` turns the plan and the person's choices
into the one change set MINE's commit would write, asking the commit (a dry
run) for what follows and for any refusal, so the command line and the
window commit the same thing. The version "Before merging …" is part of that
change set, written in the same transaction. Undoing the merge takes back
what it brought in (and that version), so that merging again offers it again.
"""

from collections import Counter
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, Literal

from planner.i18n import _
from planner.changes import ChangeSet, RowChange, between
from planner.errors import InvalidEdit, PlanError
from planner.model import CrmImport, Plan, Record, new_id
from planner.model.records import KINDS, NATURAL_KEYS, natural_key
from planner.model.validation import coerce, is_valid, validate
from planner.store import history
from planner.store.plan_store import PlanStore
from planner.store.schema import FOREIGN_KEYS
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
    """What merging THEIRS into MINE would do, before anyone has chosen.

    Rows of THEIRS (and of the ancestor) that mean the same as a row of MINE
    by natural key carry one id in `base`, `theirs` and `merged`; `mine` is
    MINE as it is, which the merge's change set starts from."""

    theirs_name: str
    base: State
    mine: State
    theirs: State
    merged: State  # every change from one side only; conflicts as in mine
    conflicts: tuple[Conflict, ...]
    brings_in: frozenset[str]  # their change sets this plan has not yet seen
    ancestors: int = 1  # best common ancestors found (several: merged into one first)
    # THEIRS as found (its rows where it differs from MINE; MINE's change sets
    # it lacked), recorded with the merge for later merges to start from.
    other: tuple[tuple[RowChange, ...], frozenset[str]] = ((), frozenset())
    # Who made the change sets it brings in, and the rows each touched.
    authored: tuple[history.Authored, ...] = ()
    # The columns of THEIRS' CRM imports MINE lacks (kept beside the rows).
    attached: tuple[tuple[str, bytes], ...] = ()

    def change(self, choices: Mapping[tuple[str, str, str | None], Choice] | None = None,
               take: Side | None = None) -> ChangeSet:
        """The merge as one change set: each conflict resolved by the person's
        choice, else by `take`; a conflict with neither is refused. Rows the
        merge leaves out are let go in it, so that the commit clears or
        removes what refers to them, as removing them in the plan would."""
        choices = choices or {}
        result = {kind: dict(rows) for kind, rows in self.merged.items()}
        for conflict in self.conflicts:
            choice = choices.get(conflict.key, take)
            if choice is None:
                raise InvalidEdit(_("{conflicts} conflict(s) still need a choice.").format(conflicts=len(self.conflicts)))
            _apply(result, self.mine, conflict, choice)
        rows = [RowChange(self.mine[kind].get(i), result[kind].get(i))
                for kind in KINDS for i in self.mine[kind].keys() | result[kind].keys()]
        rows = _ordered([r for r in rows if r.before != r.after])
        # A row that refers to one neither MINE nor the merge keeps (a ride of
        # theirs hosted by a person MINE removed): the row comes in and goes
        # again in the same change, and the commit's cascade does the rest.
        gone = _let_go(result, self.mine, self.theirs, self.base)
        rows = [RowChange(None, row) for row in gone] + rows + \
            [RowChange(row, None) for row in reversed(gone)]
        name = f"Before merging {self.theirs_name}"
        kept = result.get(CrmImport, {})
        return ChangeSet(_("Merge changes from {name}").format(name=self.theirs_name),
                         tuple(rows), exact=True,
                         merges=self.brings_in,
                         bookmark=(new_id(), name) if rows else None,
                         other_rows=self.other[0], other_lacked=self.other[1],
                         authored=self.authored,
                         attached=tuple((i, d) for i, d in self.attached if i in kept))


def merge_change(store: PlanStore, plan: MergePlan,
                 choices: Mapping[tuple[str, str, str | None], Choice] | None = None,
                 take: Side | None = None) -> ChangeSet:
    """The merge as MINE's commit would write it, every rule applied (asked
    of the commit, which writes nothing for asking); a refusal is an
    InvalidEdit saying why, and the plan is as it was."""
    return store.dry_run(plan.change(choices, take))


def prepare(mine: PlanStore, theirs: PlanStore) -> MergePlan:
    """The merge of THEIRS into MINE: the ancestor, what goes in, the conflicts."""
    if {p.id for p in mine.rows(Plan)} != {p.id for p in theirs.rows(Plan)}:
        raise PlanError(_("{name} is not a copy of this plan (it is another plan, “{title}”); only "
                          "copies of one plan can be merged.").format(name=theirs.path.name,
                            title=theirs.plan().title))
    logs = (_Log(mine), _Log(theirs))
    heads = tuple(log.place(log.size) for log in logs)
    found: list[int] = []
    now_mine, now_theirs = heads[0].state(), heads[1].state()
    base = _ancestor(heads[0], heads[1], logs, found)
    base_k, mine_k, theirs_k = same_rows(base, now_mine, now_theirs)
    merged, conflicts = three_way(base_k, mine_k, theirs_k)
    brings_in = heads[1].seen - heads[0].seen
    return MergePlan(theirs.path.name, base_k, now_mine, theirs_k, merged, tuple(conflicts),
                     frozenset(brings_in), ancestors=found[0] if found else 1,
                     other=(tuple(between(now_mine, now_theirs).rows),
                            frozenset(heads[0].seen - heads[1].seen)),
                     authored=tuple(theirs.authored(frozenset(brings_in))),
                     attached=_their_columns(mine, theirs, merged))


def _their_columns(mine: PlanStore, theirs: PlanStore, merged: State
                   ) -> tuple[tuple[str, bytes], ...]:
    """The columns of the CRM imports the merge brings that MINE has not."""
    out = []
    for import_id in sorted(merged.get(CrmImport, {})):
        if mine.attached(import_id) is None:
            data = theirs.attached(import_id)
            if data is not None:
                out.append((import_id, data))
    return tuple(out)


@dataclass
class _Place:
    """A state some copy of the plan was in: the change sets it held, and its
    rows (worked out when first needed)."""

    seen: frozenset[str]
    make: Callable[[], State]
    _state: State | None = None

    def state(self) -> State:
        if self._state is None:
            self._state = self.make()
        return self._state


class _Log:
    """One plan's history: each place in it, and the other copies its merges
    recorded (each a place in the other copy's history)."""

    def __init__(self, store: PlanStore) -> None:
        self.store = store
        self.entries = store.history()
        self.size = len(self.entries)
        self._places: dict[int, _Place] = {}
        self._others: list[_Place] | None = None

    def place(self, n: int) -> _Place:
        """The plan after its first n change sets."""
        if n not in self._places:
            self._places[n] = _Place(history.seen_ids(self.entries[:n]), lambda: self._state(n))
        return self._places[n]

    def _state(self, n: int) -> State:
        """Worked back from the nearest later place already worked out, so
        that each change set is undone once however many places are asked."""
        seq = self.entries[n - 1].seq if n else 0
        known = [k for k, p in self._places.items() if k > n and p._state is not None]
        if not known:
            return self.store.state(seq)
        nearest = min(known)
        later = self._places[nearest].state()
        return self.store.state(seq, later=(self.entries[nearest - 1].seq, later))

    def latest_within(self, held: frozenset[str]) -> _Place:
        """The latest place whose change sets are all in `held`."""
        counts: Counter[str] = Counter()
        outside = best = 0  # change sets held here that `held` lacks
        for k, entry in enumerate(self.entries, 1):
            for i in (entry.id, *entry.merges):
                counts[i] += 1
                if counts[i] == 1 and i not in held:
                    outside += 1
            for i in entry.unmerges:
                counts[i] -= 1
                if counts[i] == 0 and i not in held:
                    outside -= 1
            if outside == 0:
                best = k
        return self.place(best)

    def others(self) -> list[_Place]:
        """The other copies as this plan's merges found them."""
        if self._others is None:
            self._others = []
            seen = history.Seen()
            for k, entry in enumerate(self.entries):
                if entry.merges:
                    recorded = self.store.other_copy(entry.id)
                    if recorded is not None:
                        lacked, rows = recorded
                        held = (seen.ids() - lacked) | set(entry.merges)
                        self._others.append(_Place(frozenset(held), self._other(k, rows)))
                seen.add(entry)
        return self._others

    def _other(self, k: int, rows: history.OtherRows) -> Callable[[], State]:
        def make() -> State:
            state = {kind: dict(found) for kind, found in self.place(k).state().items()}
            for kind, row_id, row in rows:
                _put(state, kind, row_id, row)
            return state
        return make


def _ancestor(one: _Place, other: _Place, logs: tuple[_Log, _Log], found: list[int]) -> State:
    """The plan as it stood at the best common ancestor of two places, as git
    finds a merge base: the places either history holds (its own, and the
    other copies its merges found) whose change sets both hold all of, and of
    those the ones no other contains. With several, they are merged into one
    (a virtual ancestor), each pair against its own best common ancestor.
    `found` gets how many there were."""
    both = one.seen & other.seen
    places = [log.latest_within(both) for log in logs]
    places += [p for log in logs for p in log.others() if p.seen <= both]
    best: dict[frozenset[str], _Place] = {}
    for place in places:
        if not any(place.seen < p.seen for p in places):
            best.setdefault(place.seen, place)
    found.append(len(best))
    if all(not seen for seen in best):  # no history in common: the rows both began with alike
        first, second = (log.place(0).state() for log in logs)
        return {kind: {i: row for i, row in first[kind].items()
                       if second[kind].get(i) == row} for kind in KINDS}
    ordered = sorted(best.values(), key=lambda p: -len(p.seen))
    virtual = ordered[0]
    for place in ordered[1:]:
        virtual.state(), place.state()  # later places first: each worked back from the last
        below = _ancestor(virtual, place, logs, [])
        virtual = _Place(virtual.seen | place.seen, _merging(below, virtual, place))
    return virtual.state()


def _merging(base: State, one: _Place, other: _Place) -> Callable[[], State]:
    return lambda: _virtual(base, one.state(), other.state())


class _Unsettled:
    """The value a virtual ancestor holds where the ancestors it merged
    disagree on a row both added: equal to no value a copy can hold (as git's
    conflict markers), so that any copy's settled value is that copy's change."""

    def __eq__(self, other: object) -> bool:
        return other is self

    def __hash__(self) -> int:
        return 0

    def __str__(self) -> str:
        return "(not agreed)"


UNSETTLED: Any = _Unsettled()


def _virtual(base: State, one: State, other: State) -> State:
    """Two best common ancestors as one: merged against their own ancestor,
    each field they conflict on (each row one removed and the other changed)
    as it stood in that ancestor, so that whichever value a later copy settled
    on counts as that copy's change."""
    base_k, one_k, other_k = same_rows(base, one, other)
    merged, conflicts = three_way(base_k, one_k, other_k)
    for conflict in conflicts:
        kind, row_id = conflict.kind, conflict.row_id
        if conflict.field is None:
            _put(merged, kind, row_id, base_k[kind].get(row_id))
            continue
        row = merged[kind].get(row_id)
        if row is None:
            continue
        # A row both added (one natural key) had no value before: one no copy holds.
        before = UNSETTLED if base_k[kind].get(row_id) is None else conflict.base
        merged[kind][row_id] = row._replace(**{conflict.field: before})
    return merged


def same_rows(base: State, mine: State, theirs: State) -> tuple[State, State, State]:
    """The three states with rows that mean the same by natural key under one
    id (the smaller of the two sides' ids, whatever side merges into which),
    and every reference to them renamed with them. A row whose id the other
    side also holds, as another row, keeps its id (the commit then refuses
    the second row of that key with a sentence)."""
    renames: dict[type[Record], dict[str, str]] = {}
    for kind in NATURAL_KEYS:
        mine_keys, theirs_keys = _by_key(mine[kind]), _by_key(theirs[kind])
        for key, a in mine_keys.items():
            b = theirs_keys.get(key)
            if b is None or a == b or a in theirs[kind] or b in mine[kind]:
                continue
            if a in base[kind] and b in base[kind]:
                continue
            one = min(a, b)
            for old in (a, b):
                if old != one:
                    renames.setdefault(kind, {})[old] = one
    if not renames:
        return base, mine, theirs
    return _renamed(base, renames), _renamed(mine, renames), _renamed(theirs, renames)


def _by_key(rows: Mapping[str, Record]) -> dict[tuple[object, ...], str]:
    """Each natural key held by exactly one row, with that row's id."""
    out: dict[tuple[object, ...], str] = {}
    twice: set[tuple[object, ...]] = set()
    for row_id, row in rows.items():
        key = natural_key(row)
        if key is None:
            continue
        if key in out:
            twice.add(key)
        out[key] = row_id
    for key in twice:
        del out[key]
    return out


def _renamed(state: State, renames: dict[type[Record], dict[str, str]]) -> State:
    out = dict(state)
    for kind, names in renames.items():
        rows = out[kind] = dict(out[kind])
        for old, new in names.items():
            row = rows.pop(old, None)
            if row is not None:
                rows[new] = row._replace(id=new)
    for fk in FOREIGN_KEYS:
        to = renames.get(fk.parent)
        if not to:
            continue
        children = out[fk.child]
        moved = {i: row for i, row in children.items() if getattr(row, fk.column) in to}
        if moved:
            children = out[fk.child] = dict(children)
            for i, child in moved.items():
                pointing: Any = child
                children[i] = pointing._replace(**{fk.column: to[getattr(child, fk.column)]})
    return out


def three_way(base: State, mine: State, theirs: State) -> tuple[State, list[Conflict]]:
    """Every change from one side only applied to MINE; the conflicts, left
    as in MINE, one per row and field."""
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
    said = {c.key for c in conflicts}
    conflicts += [c for c in _dangling(base, mine, theirs, merged, conflicts)
                  if c.key not in said]
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
        elif field == "created_at":  # one row made on both sides (a natural key)
            values[field] = min(mv, tv)
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


def _dangling(base: State, mine: State, theirs: State, merged: State,
              conflicts: list[Conflict]) -> list[Conflict]:
    """A row one side removed while a row of the other side refers to it:
    a row of the merge, or THEIRS' way of a row in conflict (so that which
    copy merges which finds the same conflicts)."""
    found: dict[tuple[type[Record], str], Conflict] = {}
    theirs_way: dict[type[Record], list[Record]] = {kind: [] for kind in KINDS}
    for c in conflicts:
        if c.field is None and c.theirs is not None:
            theirs_way[c.kind].append(c.theirs)
        elif c.field is not None and c.kind in merged and c.row_id in merged[c.kind]:
            theirs_way[c.kind].append(merged[c.kind][c.row_id]._replace(**{c.field: c.theirs}))
    for fk in FOREIGN_KEYS:
        present = merged[fk.parent]
        for child in [*merged[fk.child].values(), *theirs_way[fk.child]]:
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
            raise InvalidEdit(_("A removed row is kept or let go: choose mine or theirs."))
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


def _let_go(result: State, mine: State, theirs: State, base: State) -> list[Record]:
    """Rows the result refers to that neither it nor MINE holds (their own
    row, as THEIRS or the ancestor had it), each once, parents first."""
    out: dict[tuple[type[Record], str], Record] = {}
    for fk in FOREIGN_KEYS:
        present, had = result[fk.parent], mine[fk.parent]
        for child in result[fk.child].values():
            parent_id = getattr(child, fk.column)
            if parent_id is None or parent_id in present or parent_id in had \
                    or (fk.parent, parent_id) in out:
                continue
            row = theirs[fk.parent].get(parent_id) or base[fk.parent].get(parent_id)
            if row is not None:
                out[(fk.parent, parent_id)] = row
    order = {kind: n for n, kind in enumerate(KINDS)}
    return sorted(out.values(), key=lambda r: order[type(r)])


def _put(state: State, kind: type[Record], row_id: str, row: Record | None) -> None:
    if row is None:
        state[kind].pop(row_id, None)
    else:
        state[kind][row_id] = row


def _ordered(rows: list[RowChange]) -> list[RowChange]:
    """Kinds in the order the plan's tables depend on one another; within a
    kind, rows let go before rows come in, so that a row taking over a natural
    key (a day off under the other side's id) never meets the row it replaces."""
    order = {kind: n for n, kind in enumerate(KINDS)}
    return sorted(rows, key=lambda r: (order[r.kind], r.after is not None, r.id))
