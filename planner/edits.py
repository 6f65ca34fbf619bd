"""Reversible edits: the only way anything changes a plan.

An edit applies itself inside one transaction and returns its inverse, which
is itself an edit; undo applies the inverse, redo applies its inverse again.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from planner.errors import InvalidEdit
from sqlalchemy import bindparam
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from planner.model import BY_TABLE, Goal, new_id, table_of, utc_now
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


@dataclass(frozen=True)
class ReplaceRows:
    """Bulk: delete some rows and write others whole (insert or overwrite).

    One statement per kind, so a 100,000-row import stays one fast,
    undoable edit; the inverse puts back exactly what was there.
    """

    table: str
    delete_ids: tuple[str, ...] = ()
    put_rows: tuple[Values, ...] = ()
    label: str = "Change"

    def apply(self, tx: Transaction) -> Edit:
        t = table_of(BY_TABLE[self.table])
        touched = list(self.delete_ids) + [r["id"] for r in self.put_rows]
        before = {r["id"]: r for r in tx.rows_by_ids(self.table, touched)}
        if self.delete_ids:
            tx.conn.execute(t.delete().where(t.c.id.in_(self.delete_ids)))
        if self.put_rows:
            statement = sqlite_insert(t)
            columns = {c.name: statement.excluded[c.name] for c in t.columns if c.name != "id"}
            tx.conn.execute(statement.on_conflict_do_update(index_elements=["id"],
                                                            set_=columns), list(self.put_rows))
        for row_id in touched:
            tx.note(self.table, row_id)
        created = tuple(r["id"] for r in self.put_rows if r["id"] not in before)
        return ReplaceRows(self.table, created, tuple(before.values()), label=self.label)


@dataclass(frozen=True)
class SetPositions:
    """Rows' places in their section's order (goals, funnel stages): one
    statement for any number of rows; the inverse puts back the old places."""

    table: str
    positions: tuple[tuple[str, int], ...]  # row id, position
    label: str = "Reorder"

    def apply(self, tx: Transaction) -> Edit:
        t = table_of(BY_TABLE[self.table])
        if "position" not in t.c:
            raise InvalidEdit("Rows of this section have no order of their own.")
        ids = [row_id for row_id, _ in self.positions]
        before = {r["id"]: r["position"] for r in tx.rows_by_ids(self.table, ids)}
        if len(before) != len(set(ids)):
            raise InvalidEdit("Some of the rows to move no longer exist in the plan.")
        changed = [(i, p) for i, p in self.positions if before[i] != p]
        if changed:
            tx.conn.execute(t.update().where(t.c.id == bindparam("row_id"))
                            .values(position=bindparam("new_position")),
                            [{"row_id": i, "new_position": p} for i, p in changed])
        for row_id, _ in changed:
            tx.note(self.table, row_id)
        return SetPositions(self.table, tuple((i, before[i]) for i, _ in changed),
                            label=self.label)


def moved(order: Sequence[str], moving: Sequence[str], before: str | None) -> list[str]:
    """`order` with the `moving` ids (kept in their order) put before the id
    `before` (None: at the end)."""
    chosen = set(moving)
    rest = [i for i in order if i not in chosen]
    block = [i for i in order if i in chosen]
    at = rest.index(before) if before in rest else len(rest)
    return rest[:at] + block + rest[at:]


def reorder(table: str, order: Sequence[str], label: str = "Reorder") -> SetPositions:
    """The edit that puts rows in `order` (positions 0, 1, 2, ...)."""
    return SetPositions(table, tuple((row_id, n) for n, row_id in enumerate(order)), label)


def set_links(links: Sequence[Values], key: str, owner: str, wanted: set[str],
              label: str) -> Compound | None:
    """The edit that leaves one metric (key "metric_id") or goal (key "goal_id")
    linked to exactly the `wanted` goals or metrics; None when it already is."""
    other = "goal_id" if key == "metric_id" else "metric_id"
    current = {link[other]: link["id"] for link in links if link[key] == owner}
    if set(current) == wanted:
        return None
    edits: list[Edit] = [InsertRow("metric_goal", {key: owner, other: o})
                         for o in sorted(wanted - set(current))]
    edits += [DeleteRow("metric_goal", current[o]) for o in sorted(set(current) - wanted)]
    return Compound(tuple(edits), label=label)


@dataclass(frozen=True)
class SetMetricValues:
    """Actuals for (metric, period) pairs: new pairs are added, known ones overwritten."""

    values: tuple[tuple[str, str, float, str], ...]  # metric id, period, actual, note
    label: str = "Set actuals"

    def apply(self, tx: Transaction) -> Edit:
        metric_ids = sorted({v[0] for v in self.values})
        existing = {(r["metric_id"], r["period"]): r
                    for r in tx.rows_where_in("metric_value", "metric_id", metric_ids)}
        now = utc_now()
        rows: dict[tuple[str, str], Values] = {}
        for metric_id, period, actual, note in self.values:
            old = existing.get((metric_id, period))
            rows[(metric_id, period)] = {
                "id": old["id"] if old else new_id(), "metric_id": metric_id, "period": period,
                "actual": float(actual), "note": note,
                "created_at": old["created_at"] if old else now, "updated_at": now}
        return ReplaceRows("metric_value", (), tuple(rows.values()),
                           label=self.label).apply(tx)
