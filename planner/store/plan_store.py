"""The plan file: create, open (refusing what is not a sound plan), read, change.

Every change is an edit (planner.edits) applied in its own transaction and
committed before `apply` returns; listeners then hear which tables changed.
"""

import sqlite3
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, Engine, create_engine, delete, func, insert, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.pool import StaticPool

from planner.errors import InvalidEdit, PlanError, PlanFileError, ReadOnlyPlan
from planner.model import BY_TABLE, ENTITIES, Goal, Plan, Row, new_id, table_name, table_of
from planner.store.fileformat import APPLICATION_ID, SCHEMA_VERSION, check_plan_file
from planner.store.lock import Holder, PlanLock
from planner.store.migrations import migrate

if TYPE_CHECKING:
    from planner.edits import Edit

Values = dict[str, Any]


@dataclass(frozen=True)
class Change:
    """What one committed edit touched: table name -> ids of rows."""

    tables: dict[str, frozenset[str]]


@dataclass
class Transaction:
    """The connection an edit writes through, recording what it touches."""

    conn: Connection
    touched: dict[str, set[str]] = field(default_factory=dict)

    def note(self, table: str, row_id: str) -> None:
        self.touched.setdefault(table, set()).add(row_id)

    def get(self, table: str, row_id: str) -> Values | None:
        t = table_of(BY_TABLE[table])
        row = self.conn.execute(select(t).where(t.c.id == row_id)).mappings().first()
        return dict(row) if row else None

    def where(self, table: str, column: str, value: Any) -> list[Values]:
        t = table_of(BY_TABLE[table])
        rows = self.conn.execute(select(t).where(t.c[column] == value)).mappings()
        return [dict(r) for r in rows]

    def rows_by_ids(self, table: str, ids: list[str]) -> list[Values]:
        return self.rows_where_in(table, "id", ids)

    def rows_where_in(self, table: str, column: str, values: list[Any]) -> list[Values]:
        t = table_of(BY_TABLE[table])
        out: list[Values] = []
        for start in range(0, len(values), 900):  # SQLite's bound-parameter limit
            chunk = values[start:start + 900]
            query = select(t).where(t.c[column].in_(chunk))
            out += [dict(r) for r in self.conn.execute(query).mappings()]
        return out

    def insert(self, table: str, values: Values) -> None:
        self.conn.execute(insert(table_of(BY_TABLE[table])), values)
        self.note(table, values["id"])

    def update(self, table: str, row_id: str, values: Values) -> None:
        t = table_of(BY_TABLE[table])
        self.conn.execute(update(t).where(t.c.id == row_id).values(**values))
        self.note(table, row_id)

    def delete(self, table: str, row_id: str) -> None:
        t = table_of(BY_TABLE[table])
        self.conn.execute(delete(t).where(t.c.id == row_id))
        self.note(table, row_id)


def _sync_plan_status(tx: Transaction) -> None:
    """The plan is agreed exactly when both sides signed every goal's wording
    (planner.rules.signoff); kept true in the file by every write of goals."""
    from planner.rules.signoff import agreement

    goals = [dict(r) for r in tx.conn.execute(select(table_of(Goal))).mappings()]
    status = agreement(goals).status
    plan = table_of(Plan)
    current = tx.conn.execute(select(plan.c.id, plan.c.status)).first()
    if current is not None and current.status is not status:
        tx.update("plan", current.id, {"status": status})


def _integrity_sentence(exc: IntegrityError) -> str:
    detail = str(exc.orig)
    if "FOREIGN KEY" in detail:
        return "A row refers to a missing person, goal or other row of the plan."
    if "UNIQUE" in detail:
        return "Two rows share the same id."
    return f"The plan's rules for stored rows refused this change ({detail})."


def _connect(path: Path, read_only: bool) -> tuple[sqlite3.Connection, bool]:
    """The connection, and whether it may be written (false: a read-only file)."""
    mode = "ro" if read_only else "rw"
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode={mode}", uri=True,
                           isolation_level=None, check_same_thread=False)
    if read_only and conn.execute("PRAGMA user_version").fetchone()[0] < SCHEMA_VERSION:
        # An older plan seen read-only: read a migrated copy in memory; the
        # file itself is never written.
        copy = sqlite3.connect(":memory:", isolation_level=None, check_same_thread=False)
        conn.backup(copy)
        conn.close()
        conn = copy
        migrate(conn)
        writable = True
    else:
        writable = not read_only
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA busy_timeout = 2000")
    if not read_only:
        conn.execute("PRAGMA journal_mode = WAL")
        # NORMAL in WAL survives a killed process; only an OS crash or power
        # cut can lose the last commits (never corrupt the file).
        conn.execute("PRAGMA synchronous = NORMAL")
    return conn, writable


class PlanStore:
    """One open plan file."""

    def __init__(self, path: Path, conn: sqlite3.Connection, lock: PlanLock | None,
                 held_by: Holder | None) -> None:
        self.path = path
        self._raw = conn
        self._lock = lock
        self.held_by = held_by
        self.read_only = lock is None
        self.engine: Engine = create_engine(
            "sqlite://", creator=lambda: conn, poolclass=StaticPool)
        self._listeners: list[Callable[[Change], None]] = []

    # -- opening and closing ------------------------------------------------

    @classmethod
    def create(cls, path: Path, title: str, period_start: date, period_end: date,
               company: str = "") -> "PlanStore":
        """Make a new, empty plan file (refusing to overwrite anything)."""
        from planner.model.validation import validate_row

        plan_values = validate_row(Plan, {
            "id": new_id(), "title": title, "company": company,
            "period_start": period_start, "period_end": period_end})
        if path.exists():
            raise PlanFileError(f"{path.name} already exists; choose another name.")
        try:
            conn = sqlite3.connect(path, isolation_level=None)
        except sqlite3.OperationalError as exc:
            raise PlanFileError(f"{path.name} cannot be created ({exc}).") from None
        try:
            # Application id and the first schema go in before WAL, so the
            # header on disk names the file as a plan from the first byte.
            conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
            conn.execute("PRAGMA foreign_keys = ON")
            migrate(conn)
        finally:
            conn.close()
        store = cls.open(path)
        store._insert_rows({"plan": [plan_values]})
        return store

    @classmethod
    def open(cls, path: Path, *, read_only: bool = False) -> "PlanStore":
        """Open a plan; read-only, saying who holds it, if another writer has it."""
        path = Path(path)
        check_plan_file(path)
        lock = None if read_only else PlanLock(path)
        held_by = lock.acquire() if lock else None
        if held_by is not None:
            lock = None
        try:
            conn, writable = _connect(path, read_only=lock is None)
            if lock is not None:
                migrate(conn)
        except sqlite3.DatabaseError as exc:
            if lock:
                lock.release()
            raise PlanFileError(f"{path.name} cannot be opened ({exc}).") from None
        store = cls(path, conn, lock, held_by)
        if writable:
            # A plan last written by an older Tandem, or by another program,
            # says "agreed" only if its goals are.
            with store._transaction() as tx:
                tx.note("goal", "*")
        return store

    def close(self) -> None:
        self.engine.dispose()
        try:
            self._raw.close()
        finally:
            if self._lock:
                self._lock.release()

    def __enter__(self) -> "PlanStore":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- listening ------------------------------------------------------------

    def subscribe(self, listener: Callable[[Change], None]) -> None:
        self._listeners.append(listener)

    # -- changing -------------------------------------------------------------

    def apply(self, edit: "Edit") -> "Edit":
        """Apply one edit in one committed transaction; return its inverse."""
        if self.read_only:
            raise ReadOnlyPlan(f"{self.path.name} is open read-only; changes are not possible.")
        with self._transaction() as tx:
            inverse = edit.apply(tx)
        change = Change({t: frozenset(ids) for t, ids in tx.touched.items()})
        for listener in list(self._listeners):
            listener(change)
        return inverse

    @contextmanager
    def _transaction(self) -> Iterator[Transaction]:
        with self.engine.connect() as conn:
            conn.exec_driver_sql("BEGIN IMMEDIATE")
            tx = Transaction(conn)
            try:
                yield tx
            except IntegrityError as exc:
                conn.rollback()
                raise InvalidEdit(_integrity_sentence(exc)) from None
            except BaseException:
                conn.rollback()
                raise
            if "goal" in tx.touched:
                _sync_plan_status(tx)
            conn.commit()

    def _insert_rows(self, rows_by_table: dict[str, list[Values]]) -> None:
        """Bulk insert (sample plans and imports), one transaction, no undo."""
        with self._transaction() as tx:
            for entity in ENTITIES:
                rows = rows_by_table.get(table_name(entity), [])
                if rows:
                    tx.conn.execute(insert(table_of(entity)), rows)
            tx.note("goal", "*")

    # -- reading --------------------------------------------------------------

    def plan(self) -> Values:
        rows = self.rows(Plan)
        if len(rows) != 1:
            raise PlanError(f"{self.path.name} holds {len(rows)} plans instead of one.")
        return rows[0]

    def rows(self, entity: type[Row], order_by: Iterable[str] = ()) -> list[Values]:
        t = table_of(entity)
        query = select(t).order_by(*(t.c[c] for c in order_by))
        with self.engine.connect() as conn:
            return [dict(r) for r in conn.execute(query).mappings()]

    def get(self, entity: type[Row], row_id: str) -> Values | None:
        t = table_of(entity)
        with self.engine.connect() as conn:
            row = conn.execute(select(t).where(t.c.id == row_id)).mappings().first()
        return dict(row) if row else None

    def count(self, entity: type[Row]) -> int:
        t = table_of(entity)
        with self.engine.connect() as conn:
            return int(conn.execute(select(func.count()).select_from(t)).scalar_one())

    def integrity_problems(self) -> list[str]:
        """What SQLite's own checks find wrong (empty when sound)."""
        problems = [r[0] for r in self._raw.execute("PRAGMA integrity_check") if r[0] != "ok"]
        problems += [f"row {r[1]} of {r[0]} refers to a missing {r[2]} row"
                     for r in self._raw.execute("PRAGMA foreign_key_check")]
        return problems
