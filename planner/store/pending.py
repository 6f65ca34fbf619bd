"""One change on its way into the plan: the rows as they would be after it.

The store builds a `Pending` for every commit. It checks that each row is
still as the change set says it was, validates what it becomes, adds what
follows (rows removed or cleared with a row they refer to, sign-offs of a
wording that changed, a turned ride's people, the plan's agreed status) and
lets the rules read the plan as it would be, before anything is written.
"""

from collections.abc import Sequence
from datetime import datetime
from typing import Any, Protocol

from planner.changes import ChangeSet, RowChange
from planner.errors import InvalidEdit
from planner.i18n import _
from planner.model import Goal, Plan, R, Record
from planner.model.nouns import noun
from planner.model.records import natural_key
from planner.model.validation import is_valid, validate, words
from planner.rules.commit import plan_status, settled
from planner.rules.keys import clash_sentence, keyed_rows
from planner.store.schema import CASCADE, FOREIGN_KEYS

Change = tuple[Record | None, Record | None]


class Source(Protocol):
    """The plan as committed: the store (which may not hold every kind in memory)."""

    def get(self, kind: type[R], row_id: str) -> R | None: ...

    def rows(self, kind: type[R]) -> Sequence[R]: ...

    def where(self, kind: type[R], field: str, values: Sequence[Any]) -> Sequence[R]: ...


class Pending:
    """The plan as it would be after a change; a PlanReader for the rules."""

    def __init__(self, source: Source, now: datetime) -> None:
        self._source = source
        self.now = now
        # (kind, id) -> (row before the commit, row after it); in the order written.
        self._changes: dict[tuple[type[Record], str], Change] = {}
        self._kinds: set[type[Record]] = set()

    # -- the plan as it would be (PlanReader) ---------------------------------

    def get(self, kind: type[R], row_id: str) -> R | None:
        key = (kind, row_id)
        if key in self._changes:
            return self._changes[key][1]  # type: ignore[return-value]
        return self._source.get(kind, row_id)

    def rows(self, kind: type[R]) -> Sequence[R]:
        base = self._source.rows(kind)
        if kind not in self._kinds:
            return base
        changed = {i: after for (k, i), (_, after) in self._changes.items() if k is kind}
        out: list[Any] = [changed.pop(r.id) if r.id in changed else r for r in base]
        out += changed.values()
        return [r for r in out if r is not None]

    def plan(self) -> Plan:
        plans = self.rows(Plan)
        if len(plans) != 1:
            raise InvalidEdit(_("The plan would hold {count} plan rows instead of one.").format(
                count=len(plans)))
        return plans[0]

    def changes(self) -> list[Change]:
        return list(self._changes.values())

    def committed(self, label: str, exact: bool) -> ChangeSet:
        return ChangeSet(label, tuple(RowChange(b, a) for b, a in self._changes.values()
                                      if b != a), exact)

    # -- building the change ----------------------------------------------------

    def take(self, change: ChangeSet) -> None:
        """The change set's own rows: each must still be as it says it was."""
        for row in change:
            current = self.get(row.kind, row.id)
            if current != row.before:
                raise InvalidEdit(_stale(row, current))
            after = row.after
            if after is not None:
                if not is_valid(after):
                    after = validate(after)
                if not change.exact and row.before is not None:
                    after = self._stamped(row.before, after)
            self._put(row.kind, row.id, after)

    def _put(self, kind: type[Record], row_id: str, after: Record | None) -> None:
        key = (kind, row_id)
        first = self._changes[key][0] if key in self._changes else \
            self._source.get(kind, row_id)
        self._changes[key] = (first, after)
        self._kinds.add(kind)

    def _stamped(self, before: Record, after: Record) -> Record:
        """A changed row says when it changed (a new row keeps the times it
        was made with: the operation that made it has them already)."""
        if after._replace(updated_at=before.updated_at) == before:
            return after
        return after._replace(updated_at=self.now)

    def _derive(self, before: Record, after: Record | None) -> None:
        """A row that follows from the change: stamped now."""
        self._put(type(before), before.id,
                  None if after is None else self._stamped(before, after))

    def cascade(self) -> None:
        """Rows removed with the rows they belong to, and references cleared
        where what they named is removed: as SQLite's ON DELETE would, but
        recorded, so undo puts every one of them back."""
        frontier = {(k, i) for (k, i), (b, a) in self._changes.items() if a is None}
        while frontier:
            gone: dict[type[Record], set[str]] = {}
            for kind, row_id in frontier:
                gone.setdefault(kind, set()).add(row_id)
            frontier = set()
            for fk in FOREIGN_KEYS:
                ids = gone.get(fk.parent)
                if not ids:
                    continue
                for child in self._children(fk.child, fk.column, ids):
                    if fk.on_delete == CASCADE:
                        self._derive(child, None)
                        frontier.add((fk.child, child.id))
                    else:
                        cleared: Any = child
                        self._derive(child, cleared._replace(**{fk.column: None}))

    def _children(self, kind: type[Record], column: str, ids: set[str]) -> list[Record]:
        """The rows of a kind that name one of these ids, as they would be, in
        the order `rows` gives them (without reading a kind the store does not hold)."""
        base = self._source.where(kind, column, sorted(ids))
        changed = {i: after for (k, i), (_, after) in self._changes.items() if k is kind}
        out = [changed.pop(r.id) if r.id in changed else r for r in base]
        out += changed.values()
        return [r for r in out if r is not None and getattr(r, column) in ids]

    def settle(self) -> None:
        """What the rules make of each row (sign-offs, turned rides)."""
        for (kind, row_id), (before, after) in list(self._changes.items()):
            if after is not None:
                rule_made = settled(before, after)
                if rule_made != after:
                    self._derive(after, rule_made)

    def check_one_plan(self) -> None:
        """A plan file holds exactly one plan row, whatever a change does to it."""
        if Plan in self._kinds:
            self.plan()

    def keep_status_true(self, always: bool) -> None:
        """The plan says agreed exactly when every goal still in it is."""
        if not (always or Goal in self._kinds or Plan in self._kinds):
            return
        plans = self.rows(Plan)
        if len(plans) != 1:
            return
        status = plan_status(self.rows(Goal))
        if plans[0].status is not status:
            self._derive(plans[0], plans[0]._replace(status=status))

    def check_keys(self) -> None:
        """A row given a natural key another row of the plan has is refused
        (a second actual for one month, a day off twice)."""
        new = keyed_rows(self.changes())
        if not new:
            return
        by_kind: dict[type[Record], list[Record]] = {}
        for row in new:
            by_kind.setdefault(type(row), []).append(row)
        for kind, rows in by_kind.items():
            wanted = {natural_key(r): r for r in rows}
            if len(wanted) < len(rows):  # two rows of the change itself
                seen: set[object] = set()
                for row in rows:
                    if natural_key(row) in seen:
                        raise InvalidEdit(clash_sentence(row, self))
                    seen.add(natural_key(row))
            for other in self.rows(kind):
                taking = wanted.get(natural_key(other))
                if taking is not None and other.id != taking.id:
                    raise InvalidEdit(clash_sentence(taking, self))

    def check_references(self) -> None:
        """Every reference a change sets names a row of the plan."""
        for (kind, _row_id), (before, after) in self._changes.items():
            if after is None:
                continue
            for fk in FOREIGN_KEYS:
                if fk.child is not kind:
                    continue
                value = getattr(after, fk.column)
                if value is None or (before is not None and getattr(before, fk.column) == value):
                    continue
                if self.get(fk.parent, value) is None:
                    raise InvalidEdit(_("The {field} is not a {kind} of this plan.").format(
                        field=words(fk.column), kind=noun(fk.parent)))


def _stale(row: RowChange, current: Record | None) -> str:
    if row.before is not None and current is None:
        return _("That row is no longer in the plan; nothing was changed.")
    if row.before is None:
        return _("That row is in the plan already; nothing was changed.")
    return _("The plan changed since this change was prepared; nothing was changed.")
