"""The plan file: create, open (refusing what is not a sound plan), read, commit.

`commit(change_set)` is the only way anything writes a plan. It runs the
domain rules once for every path, adds what follows from the change to the
same change set, writes it in one transaction and only then tells listeners
which rows changed. Everything else the store does reads: from rows it
holds in memory, kept true by its own commits (it is the only writer).
"""

import sqlite3
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from planner.changes import ChangeSet, added
from planner.errors import InvalidEdit, PlanError, PlanFileError, ReadOnlyPlan
from planner.model import Plan, R, Record, new_id, utc_now
from planner.model.nouns import noun
from planner.model.order import ORDER
from planner.model.records import KINDS
from planner.model.validation import is_valid, validate
from planner.rules.commit import refusal
from planner.store import connection, history
from planner.store.atomic import write_new
from planner.store.lock import Holder
from planner.store.mirror import KindRows
from planner.store.opening import Opened, open_file
from planner.store.pending import Pending
from planner.store.schema import TABLES, stored

Listener = Callable[[ChangeSet], None]


class PlanStore:
    """One open plan file."""

    def __init__(self, path: Path, opened: Opened) -> None:
        self.path = path
        self._conn = opened.conn  # read from; written once writing has started
        self._disk = opened.disk  # the file's own connection, for a writable plan
        self._writing = opened.in_memory  # nothing is written before the first commit
        self._lock = opened.lock
        self.held_by: Holder | None = opened.held_by
        self.read_only = not opened.writable
        # Why the plan is read-only, in one sentence (None when it is not).
        self.read_only_reason = opened.reason
        self.foreign_objects = opened.foreign  # schema objects Tandem did not create
        self._kinds: dict[type[Record], KindRows] = {}
        self._listeners: list[Listener] = []
        self._status_checked = False  # the first commit makes the plan's status true
        self._seq = -1  # the history's last entry, read when first needed

    # -- opening and closing ------------------------------------------------

    @classmethod
    def create(cls, path: Path, plan: Plan | None = None) -> "PlanStore":
        """Make a new plan file (never over another file) and open it; with
        `plan`, its first row is committed."""
        rows = (added(plan),) if plan is not None else ()
        return cls.build(path, ChangeSet("Create plan", rows))

    @classmethod
    def build(cls, path: Path, change: ChangeSet) -> "PlanStore":
        """A new plan file made whole in memory, by one commit of `change` (every
        rule runs on it), and given its name only when complete and on disk: a
        refusal, a kill or a full disk leaves no file. Never over another file."""
        path = Path(path)
        if path.exists() or path.is_symlink():
            raise PlanFileError(f"{path.name} already exists; choose another name.")
        conn = connection.blank()
        try:
            cls(path, Opened(conn, None, None, None, (), in_memory=True)).commit(change)
            data = conn.serialize()
        finally:
            conn.close()
        try:
            write_new(path, data)
        except FileExistsError:
            raise PlanFileError(f"{path.name} already exists; choose another name.") from None
        except OSError as exc:
            raise connection.fault_on_disk(path.name, exc) from None
        return cls.open(path)

    @classmethod
    def open(cls, path: Path, *, read_only: bool = False) -> "PlanStore":
        """Open a plan for writing, or read-only when asked or when something
        stands in the way (`read_only_reason` says what). Every row is read and
        checked now: a value the plan could not hold (put there by another
        program) refuses the file with a sentence naming the row, before any
        window or command meets it."""
        path = Path(path)
        store = cls(path, open_file(path, read_only))
        try:
            for kind in KINDS:
                store._rows_of(kind)
        except BaseException:
            store.close()
            raise
        return store

    def close(self) -> None:
        try:
            if self._disk is not None and self._disk is not self._conn:
                self._disk.close()
            connection.close(self._conn, checkpoint_first=self._writing)
        finally:
            if self._lock:
                self._lock.release()
                self._lock = None

    def __enter__(self) -> "PlanStore":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- listening ------------------------------------------------------------

    def subscribe(self, listener: Listener) -> None:
        self._listeners.append(listener)

    def unsubscribe(self, listener: Listener) -> None:
        if listener in self._listeners:
            self._listeners.remove(listener)

    # -- changing -------------------------------------------------------------

    def commit(self, change: ChangeSet) -> ChangeSet:
        """Write one change set in one transaction, with everything the rules
        make follow from it; return what was committed (its inverse undoes it).
        A refusal is an InvalidEdit with one sentence, and changes nothing."""
        if self.read_only:
            raise ReadOnlyPlan(f"{self.path.name} is open read-only; changes are not possible.")
        if not change:
            return change
        pending = Pending(self._rows_of, utc_now())
        pending.take(change)
        pending.cascade()
        pending.settle()
        pending.check_one_plan()
        pending.keep_status_true(always=not self._status_checked)
        pending.check_references()
        problem = refusal(pending.changes(), pending)
        if problem:
            raise InvalidEdit(problem)
        committed = pending.committed(change.label, change.exact)
        statements = self._statements(committed)
        if not self._writing:
            self._start_writing()
        statements += history.statements(committed, new_id(), self._next_seq(), pending.now)
        connection.write(self._conn, self.path.name, statements)
        self._seq += 1
        self._status_checked = True
        self._remember(committed)
        for listener in list(self._listeners):
            listener(committed)
        return committed

    def _start_writing(self) -> None:
        """The first commit: the file is upgraded if older and switched to its
        write-ahead log; reading moves to it from an upgraded copy."""
        disk = self._disk
        assert disk is not None
        try:
            connection.start_writing(disk)
        except sqlite3.Error as exc:
            raise connection.fault(self.path.name, exc) from None
        if disk is not self._conn:
            self._conn.close()
            self._conn = disk
            self._seq = -1
        self._writing = True

    def _remember(self, committed: ChangeSet) -> None:
        """The rows held in memory become what was committed."""
        by_kind: dict[type[Record], list[Any]] = {}
        for row in committed:
            by_kind.setdefault(row.kind, []).append(row)
        for kind, changes in by_kind.items():
            rows = self._rows_of(kind)
            if len(changes) > 1000:  # a bulk change: one sort, not thousands of inserts
                now = dict(rows.by_id)
                for row in changes:
                    now.pop(row.id, None)
                    if row.after is not None:
                        now[row.id] = row.after
                rows.replace_all(list(now.values()))
                continue
            for row in changes:
                if row.before is not None:
                    rows.remove(row.before)
                if row.after is not None:
                    rows.put(row.after)

    def _statements(self, change: ChangeSet) -> list[tuple[str, list[tuple[Any, ...]]]]:  # noqa: C901
        """The SQL of a change, rows of one kind and shape batched together."""
        batches: list[tuple[str, list[tuple[Any, ...]]]] = []
        for row in change:
            table = TABLES[row.kind]
            if row.after is None:
                sql, params = table.delete, (row.id,)
            elif row.before is None:
                sql, params = table.insert, table.write(row.after)
            else:
                fields = row.fields()
                sql = table.update(fields)
                params = (*(stored(getattr(row.after, f)) for f in fields), row.id)
            if batches and batches[-1][0] == sql:
                batches[-1][1].append(params)
            else:
                batches.append((sql, [params]))
        return batches

    def _next_seq(self) -> int:
        if self._seq < 0:
            (last,) = self._conn.execute("SELECT coalesce(max(seq), 0) FROM change_log").fetchone()
            self._seq = int(last)
        return self._seq + 1

    def checkpoint(self) -> bool:
        """Fold the write-ahead log into the file (the window does it when
        idle), so a copy of the file alone holds every committed change."""
        return self._writing and not self.read_only and connection.checkpoint(self._conn)

    # -- reading --------------------------------------------------------------

    def revisions(self, kind: type[Record]) -> dict[str, int]:
        """How many committed change sets touched each row of a kind."""
        name = kind.__name__
        return {str(row_id): int(n) for row_id, n in self._conn.execute(
            "SELECT row_id, count(*) FROM change_log_row WHERE kind = ? GROUP BY row_id",
            (name,))}

    def _rows_of(self, kind: type[Any]) -> KindRows:
        rows = self._kinds.get(kind)
        if rows is None:
            rows = self._kinds[kind] = KindRows(self._load(kind), ORDER[kind])
        return rows

    def _load(self, kind: type[Any]) -> list[Record]:
        table = TABLES[kind]
        try:
            loaded = [table.read(r) for r in self._conn.execute(table.select)]
        except (KeyError, ValueError, TypeError, AttributeError, OverflowError,
                sqlite3.DataError, sqlite3.OperationalError):
            raise PlanFileError(f"{self.path.name} holds a value in its {table.name} rows "
                                "that Tandem cannot read.") from None
        except sqlite3.DatabaseError as exc:
            raise PlanFileError(f"{self.path.name} is damaged and cannot be opened "
                                f"({exc}).") from None
        for row in loaded:
            if not is_valid(row):
                try:
                    validate(row)
                except PlanError as exc:
                    raise PlanFileError(f"{self.path.name} holds a {noun(kind)} that Tandem "
                                        f"cannot use (id {row.id[:40]}): {exc}") from None
        return loaded

    def plan(self) -> Plan:
        plans = self._rows_of(Plan).ordered()
        if len(plans) != 1:
            raise PlanError(f"{self.path.name} holds {len(plans)} plans instead of one.")
        return plans[0]  # type: ignore[return-value]

    def rows(self, kind: type[R]) -> tuple[R, ...]:
        """Every row of a kind, in that kind's own order."""
        return self._rows_of(kind).ordered()  # type: ignore[return-value]

    def get(self, kind: type[R], row_id: str) -> R | None:
        return self._rows_of(kind).by_id.get(row_id)  # type: ignore[return-value]

    def count(self, kind: type[Record]) -> int:
        if kind in self._kinds:
            return len(self._kinds[kind])
        (n,) = self._conn.execute(f'SELECT count(*) FROM "{TABLES[kind].name}"').fetchone()
        return int(n)

    def integrity_problems(self) -> list[str]:
        """What SQLite's own checks find wrong (empty when sound)."""
        return connection.integrity_problems(self._conn)


def new_plan(title: str, period_start: date, period_end: date, company: str = "") -> Plan:
    """A plan's own row, as a new plan file starts with."""
    now = utc_now()
    return Plan(id=new_id(), created_at=now, updated_at=now, title=title,
                period_start=period_start, period_end=period_end, company=company)


__all__ = ["InvalidEdit", "PlanStore", "new_plan"]
