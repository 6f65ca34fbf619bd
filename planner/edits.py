"""Reversible edits: the only way anything changes a plan.

An edit applies itself inside one transaction and returns its inverse, which
is itself an edit; undo applies the inverse, redo applies its inverse again.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from planner.errors import InvalidEdit
from planner.model import BY_TABLE, Goal, table_of, utc_now
from planner.model.validation import validate_row
from planner.store.plan_store import Transaction, Values


class Edit(Protocol):
    @property
    def label(self) -> str: ...

    def apply(self, tx: Transaction) -> "Edit": ...


def _referrers(table: str) -> list[tuple[str, str, str]]:
    """(table, column, ondelete) of every foreign key that points at `table`."""
    found = []
    for name, entity in BY_TABLE.items():
        for fk in table_of(entity).foreign_keys:
            if fk.column.table.name == table:
                found.append((name, fk.parent.name, fk.ondelete or "NO ACTION"))
    return found


@dataclass(frozen=True)
class InsertRow:
    table: str
    values: Values
    label: str = "Add"

    def apply(self, tx: Transaction) -> Edit:
        values = validate_row(BY_TABLE[self.table], self.values)
        _check_rules(self.table, values, values, tx)
        tx.insert(self.table, values)
        return DeleteRow(self.table, values["id"], label=self.label)


@dataclass(frozen=True)
class DeleteRow:
    """Delete a row; the inverse restores it and every reference to it."""

    table: str
    row_id: str
    label: str = "Delete"

    def apply(self, tx: Transaction) -> Edit:
        row = tx.get(self.table, self.row_id)
        if row is None:
            raise InvalidEdit("That row no longer exists in the plan.")
        restore: list[Edit] = [RestoreRow(self.table, row)]
        for table, column, ondelete in _referrers(self.table):
            for referrer in tx.where(table, column, self.row_id):
                if ondelete == "CASCADE":
                    restore.append(DeleteRow(table, referrer["id"]).apply(tx))
                else:
                    restore.append(UpdateRow(table, referrer["id"], {column: self.row_id},
                                             label=self.label, touch=False))
        tx.delete(self.table, self.row_id)
        return Compound(tuple(restore), label=self.label)


@dataclass(frozen=True)
class RestoreRow:
    """Put back a deleted row exactly as it was (same id and timestamps)."""

    table: str
    values: Values
    label: str = "Restore"

    def apply(self, tx: Transaction) -> Edit:
        tx.insert(self.table, self.values)
        return DeleteRow(self.table, self.values["id"], label=self.label)


@dataclass(frozen=True)
class UpdateRow:
    table: str
    row_id: str
    changes: Values
    label: str = "Change"
    touch: bool = True

    def apply(self, tx: Transaction) -> Edit:
        entity = BY_TABLE[self.table]
        old = tx.get(self.table, self.row_id)
        if old is None:
            raise InvalidEdit("That row no longer exists in the plan.")
        merged = validate_row(entity, {**old, **self.changes})
        changes = {k: merged[k] for k in self.changes}
        if entity is Goal:
            changes.update(_withdrawn_sign_offs(old, changes))
        changes = {k: v for k, v in changes.items() if old[k] != v}
        if not changes:
            return UpdateRow(self.table, self.row_id, {}, label=self.label)
        _check_rules(self.table, merged, changes, tx)
        inverse = {k: old[k] for k in changes}
        if self.touch:
            changes["updated_at"] = utc_now()
        tx.update(self.table, self.row_id, changes)
        return UpdateRow(self.table, self.row_id, inverse, label=self.label)


def _check_rules(table: str, row: Values, changed: Values, tx: Transaction) -> None:
    """Domain rules a row must keep; InvalidEdit says which and why."""
    if table == "field_ride" and changed.keys() & {"direction", "visitor_id", "host_id"}:
        from planner.rules.rides import team_problem

        problem = team_problem(row["direction"], tx.get("person", row["visitor_id"] or ""),
                               tx.get("person", row["host_id"] or ""))
        if problem:
            raise InvalidEdit(problem)


def _withdrawn_sign_offs(old: Values, changes: Values) -> Values:
    """Both sides signed one wording; a new wording is signed by no one."""
    from planner.rules.signoff import SIGN_OFF_FIELDS, wording_changed

    if not wording_changed(old, changes):
        return {}
    # An undo restores the sign-offs it names; anything else is withdrawn.
    return {f: None for f in SIGN_OFF_FIELDS if f not in changes}


@dataclass(frozen=True)
class Compound:
    """Several edits as one: applied in order, undone in reverse."""

    edits: Sequence[Edit]
    label: str = "Change"

    def apply(self, tx: Transaction) -> Edit:
        inverses = [edit.apply(tx) for edit in self.edits]
        return Compound(tuple(reversed(inverses)), label=self.label)
