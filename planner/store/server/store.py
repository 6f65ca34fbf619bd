"""A plan on a PostgreSQL server, behind the same PlanStore as a file.

The store holds the plan's rows in memory as for a file, and a replica of
the plan (rows, history, versions) in an in-memory SQLite database, so that
history, versions, merging and copies work exactly as they do for a file,
and nothing read waits on the network. It is one of many writers:

- `commit` runs the same rules (`Pending`), then asks the server's
  `tandem.commit` to write the change set in one transaction. The server
  checks that every row is still as the change set found it (each row
  carries the place in the history of the change set that last wrote it),
  that the login's person may make the change (the server decides who the
  login is), and records the change set, by that person, in the plan's
  change log;
- every store LISTENs on the server: another store's commit is a
  notification, and `poll` applies the change sets it has not seen, in
  order, to the rows it holds and its replica, and tells its listeners
  exactly as its own commits do;
- a server that goes away makes the store read-only with every row still
  held (`gone`); `reconnect` comes back and catches up, by the change sets'
  places, so nothing is applied twice.
"""

from __future__ import annotations

import json
import select
import sqlite3
from collections.abc import Iterable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from planner.i18n import _
from planner.changes import ChangeSet, RowChange
from planner.errors import InvalidEdit, PlanError, one_line
from planner.model import new_id
from planner.model.actor import Actor
from planner.model.nouns import noun
from planner.model.records import KINDS
from planner.model.validation import clean_text, field_types
from planner.store import connection, history
from planner.store.opening import Opened
from planner.store.plan_store import INSERT_ATTACHED, PlanStore
from planner.store.schema import TABLES
from planner.store.server.address import Address
from planner.store.server.schema import ServerError, ServerGone, connect, connect_sentence
from planner.store.versions import DELETE_VERSION, INSERT_VERSION, Version

if TYPE_CHECKING:
    import psycopg

BY_NAME = history.BY_NAME
CHANNEL = "tandem"


def _select(kind: type[Any]) -> str:
    """A kind's rows of one plan, each value in its stored form (as a file holds it)."""
    parts = []
    for field, (base, _optional) in field_types(kind).items():
        name = f'"{field}"'
        if base.__name__ == "date":
            parts.append(f"to_char({name}, 'YYYY-MM-DD')")
        elif base is bool:
            parts.append(f"{name}::int")
        elif isinstance(base, type) and hasattr(base, "__members__"):
            parts.append(f"{name}::text")
        else:
            parts.append(name)
    return f'SELECT {", ".join(parts)} FROM tandem."{TABLES[kind].name}" WHERE plan_id = %s'


SELECTS = {kind: _select(kind) for kind in KINDS}
LOG = ("SELECT seq, id, committed_at, label, exact, rows::text, author_id, author, login, "
       "kinds, seen, other, merged FROM tandem.change_log WHERE plan_id = %s AND seq > %s "
       "ORDER BY seq")
VERSIONS = ("SELECT id, name, note, author, created_at, seq, automatic::int FROM "
            "tandem.plan_version WHERE plan_id = %s ORDER BY seq, created_at")


def row_object(kind: type[Any], record: Any) -> dict[str, Any]:
    table = TABLES[kind]
    return dict(zip(table.columns, table.write(record), strict=True))


def _values(kind: type[Any], obj: dict[str, Any] | None) -> list[Any] | None:
    """A row object of the log as the file's history holds a row: values in column order."""
    if obj is None:
        return None
    return [obj.get(c) for c in TABLES[kind].columns]


def payload(change: ChangeSet, change_id: str) -> dict[str, Any]:
    """A committed change set as the server's tandem.commit takes it."""
    out: dict[str, Any] = {
        "id": change_id, "label": change.label, "exact": change.exact,
        "rows": [[r.kind.__name__,
                  None if r.before is None else row_object(r.kind, r.before),
                  None if r.after is None else row_object(r.kind, r.after)] for r in change],
        "seen": [[i, 0] for i in sorted(change.merges)] + [[i, 1] for i in sorted(change.unmerges)],
    }
    if change.merges:
        out["other"] = {"lacked": sorted(change.other_lacked), "rows": [
            [r.kind.__name__, r.id, None if r.after is None else list(TABLES[r.kind].write(r.after))]
            for r in change.other_rows]}
        out["merged"] = [[a.id, a.committed_at, a.label, a.author.person_id, a.author.name,
                          a.author.login, [list(r) for r in a.rows]] for a in change.authored]
    if change.bookmark:
        out["bookmark"] = {"id": change.bookmark[0], "name": clean_text("name", change.bookmark[1])}
    if change.unbookmark:
        out["unbookmark"] = change.unbookmark[0]
    return out


def _history_statements(entry: tuple[Any, ...]) -> list[tuple[str, list[tuple[Any, ...]]]]:
    """The replica's history rows for one change set of the server's log."""
    (seq, change_id, at, label, exact, rows_text, author_id, author, login, kinds, seen,
     other, merged) = entry
    rows = json.loads(rows_text)
    listed = [[k, _values(BY_NAME[k], b), _values(BY_NAME[k], a)] for k, b, a in rows]
    blob = history._packed(listed)
    out: list[tuple[str, list[tuple[Any, ...]]]] = [
        (history.INSERT_ENTRY, [(change_id, seq, at, label, int(exact), blob, author_id,
                                 author, login, kinds)]),
        (history.INSERT_ROW, [(change_id, k, (b or a)["id"]) for k, b, a in rows]),
        (history.INSERT_SEEN, [(change_id, i, int(back)) for i, back in seen])]
    if other:
        out.append((history.INSERT_OTHER, [(change_id, json.dumps(other.get("lacked", [])),
                                            history._packed(other.get("rows", [])))]))
    if merged:
        out.append((history.INSERT_MERGED, [
            (change_id, i, m_at, m_label, m_author_id, m_author, m_login,
             history._packed(m_rows))
            for i, m_at, m_label, m_author_id, m_author, m_login, m_rows in merged]))
    return out


class ServerStore(PlanStore):
    """One plan on a server, held in memory and kept live."""

    def __init__(self, address: Address, title: str, replica: sqlite3.Connection,
                 conn: psycopg.Connection[Any], listen: psycopg.Connection[Any],
                 me: tuple[Any, ...], head: int) -> None:
        # A file's name in the sentences that name the plan (a slash as the look-alike ∕).
        shown = one_line(title)[:80].replace("/", "\u2215")
        name = f"{shown} ({address.where})"
        person_id, person_name, access, _is_head, owner = me
        login = address.login or str(conn.info.user)
        acting = Actor(person_name or login, person_id, login)
        super().__init__(Path(name), Opened(replica, None, None, None, (), in_memory=True),
                         acting)
        self.address = address
        self.plan_id: str = address.plan_id or ""
        self.title = title
        self.owner = bool(owner)
        self.gone: str | None = None  # why the server cannot be reached, in one sentence
        self._pg: psycopg.Connection[Any] | None = conn
        self._listen: psycopg.Connection[Any] | None = listen
        self._seq = head
        self._notes: list[str] = []  # notifications' payloads not yet acted on
        listen.add_notify_handler(lambda note: self._notes.append(note.payload))
        self._status_checked = True  # the plan's status is every store's: the server's rows
        self._versions_stale = False

    # -- opening --------------------------------------------------------------

    @classmethod
    def open_address(cls, address: Address, *, read_only: bool = False) -> ServerStore:
        """The plan at an address, read whole into memory; kept live by LISTEN."""
        import psycopg

        if not address.plan_id:
            raise ServerError(_("{address} names a database, not a plan.").format(
                address=address))
        conn = connect(address)
        listen = None
        try:
            me, title, head, replica = _load(conn, address)
            listen = connect(address, autocommit=True, check=False,
                             application=presence_name(address.plan_id, me[1] or address.login))
            listen.execute(f"LISTEN {CHANNEL}")
            # Nothing lost between the load and the LISTEN: the change sets are read again.
            store = cls(address, title, replica, conn, listen, me, head)
        except psycopg.Error as exc:
            for c in (conn, listen):
                if c is not None:
                    c.close()
            raise ServerError(connect_sentence(address, exc)) from None
        except BaseException:
            for c in (conn, listen):
                if c is not None:
                    c.close()
            raise
        try:
            store._check_rows()
            store._catch_up()
        except BaseException:
            store.close()
            raise
        if read_only or (me[2] == "VIEWER" and not me[3]):
            store.read_only = True
            store.read_only_reason = (
                _("{name} is open read-only.").format(name=store.path.name) if read_only else
                _("You are {name}, a viewer of this plan: it is shown read-only.").format(
                    name=me[1]))
        return store

    def __enter__(self) -> "ServerStore":
        return self

    def close(self) -> None:
        for conn in (self._pg, self._listen):
            if conn is not None:
                try:
                    conn.close()
                except Exception:  # noqa: BLE001  (a server already gone)
                    pass
        self._pg = self._listen = None
        super().close()

    def act_as(self, actor: Actor) -> None:
        """On a server, who makes the changes is the login's person: the server decides."""

    # -- changing -------------------------------------------------------------

    def commit(self, change: ChangeSet) -> ChangeSet:
        self._refuse_if_read_only()
        if not change.recorded:
            return change
        self.poll()  # others' change sets first, when the server said there are some
        self._refuse_if_read_only()
        stale = self._stale(change)
        if stale:
            raise InvalidEdit(stale)
        committed, _now = self._pending(change)
        change_id = new_id()
        sent = json.dumps(payload(committed, change_id), ensure_ascii=False)
        if change.attached:  # an export's rows, in the same transaction as its import
            self._check_attached(change)
            done = self._call("SELECT tandem.commit_attached(%s, %s, %s::jsonb, %s, %s)",
                              (self.plan_id, self._seq, sent,
                               [owner for owner, _ in change.attached],
                               [data for _, data in change.attached]))
        else:
            done = self._call("SELECT tandem.commit(%s, %s, %s::jsonb)",
                              (self.plan_id, self._seq, sent))
        seq, at = int(done["seq"]), str(done["at"])
        if seq != self._seq + 1:
            self._catch_up(upto=seq - 1)
        author = Actor(done["author"], done.get("author_id"), done["login"])
        self._apply(committed, change_id, seq, at, author)
        return committed

    def _check_attached(self, change: ChangeSet) -> None:
        """What the plan file's commit refuses, refused before the server is asked."""
        from planner.model import CrmImport

        made = {r.id for r in change if r.kind is CrmImport and r.after is not None}
        if any(owner not in made for owner, _ in change.attached):
            raise InvalidEdit("A change set gave CRM rows for no CRM import it makes; nothing "
                              "was written.")

    def attached(self, owner: str) -> bytes | None:
        """An import's rows: from the replica, else from the server once (kept
        in the replica, so a copy taken offline holds them)."""
        held = super().attached(owner)
        if held is not None or self._pg is None:
            return held
        import psycopg

        try:
            with self._pg.transaction():
                found = self._pg.execute("SELECT data FROM tandem.crm_data WHERE plan_id = %s "
                                         "AND import_id = %s", (self.plan_id, owner)).fetchone()
        except psycopg.Error as exc:
            if isinstance(exc, psycopg.OperationalError) or self._pg.broken or self._pg.closed:
                self._go_away(exc)
                return None
            raise PlanError(_("The server could not give the CRM rows ({reason}).").format(reason=one_line(str(exc))[:200])) from None
        if found is None:
            return None
        data = bytes(found[0])
        connection.write(self._conn, self.path.name, [(
            "INSERT OR IGNORE INTO crm_data (import_id, data) VALUES (?, ?)", [(owner, data)])])
        return data

    def copy_bytes(self) -> bytes:
        """A copy with every import's rows (fetched first where not yet held)."""
        from planner.model import CrmImport

        for made in self.rows(CrmImport):
            self.attached(made.id)
        return super().copy_bytes()

    def _stale(self, change: ChangeSet) -> str | None:
        """A row of the change that another person changed since it was prepared."""
        for row in change:
            current = self.get(row.kind, row.id)
            if current != row.before:
                return self._changed_by(row.kind, row.id, gone=current is None)
        return None

    def _changed_by(self, kind: type[Any], row_id: str, gone: bool = False,
                    author: str | None = None) -> str:
        if author is None:
            found = self._conn.execute(
                "SELECT l.author FROM change_log_row r JOIN change_log l ON l.id = r.change_id "
                "WHERE r.kind = ? AND r.row_id = ? ORDER BY l.seq DESC LIMIT 1",
                (kind.__name__, row_id)).fetchone()
            author = found[0] if found else ""
        who = one_line(author)[:80] if author else _("Someone")
        if gone:
            return _("{who} removed this {kind} a moment ago; nothing of yours was "
                     "changed.").format(who=who, kind=noun(kind))
        return _("{who} changed this {kind} a moment ago; their words are shown. Nothing "
                 "of yours was written over: make your change again if it still "
                 "applies.").format(who=who, kind=noun(kind))

    def _apply(self, change: ChangeSet, change_id: str, seq: int, at: str,
               author: Actor) -> None:
        """A change set the server committed, into the replica and the rows held."""
        statements = self._statements(change)
        if change.attached:  # kept here too: read without asking the server again
            statements.append((INSERT_ATTACHED, [(i, bytes(d)) for i, d in change.attached]))
        if change.bookmark:
            statements.append((INSERT_VERSION, [Version(
                change.bookmark[0], clean_text("name", change.bookmark[1]), "", "Tandem",
                datetime.fromisoformat(at), seq - 1, automatic=True).row()]))
        if change.unbookmark:
            statements.append((DELETE_VERSION, [(change.unbookmark[0],)]))
        statements += history.statements(change, change_id, seq, datetime.fromisoformat(at),
                                         author)
        connection.write(self._conn, self.path.name, statements)
        self._seq = seq
        self._remember(change)
        for listener in list(self._listeners):
            listener(change)

    def _call(self, sql: str, params: tuple[Any, ...]) -> Any:
        """One function of the server, in its own transaction; its refusal as an InvalidEdit."""
        import psycopg

        conn = self._pg
        if conn is None:
            raise self._gone_error()
        try:
            with conn.transaction():
                row = conn.execute(sql, params).fetchone()
        except psycopg.errors.RaiseException as exc:
            raise InvalidEdit(one_line(exc.diag.message_primary or str(exc))) from None
        except psycopg.Error as exc:
            state = exc.sqlstate or ""
            if state == "TD403":
                raise InvalidEdit(one_line(exc.diag.message_primary or "")) from None
            if state == "TD409":
                found = json.loads(exc.diag.message_detail or "{}")
                kind = BY_NAME.get(found.get("kind", ""), KINDS[0])
                self.poll(force=True)  # their change is shown
                raise InvalidEdit(self._changed_by(kind, found.get("id", ""),
                                                   author=found.get("author") or "")) from None
            if isinstance(exc, psycopg.OperationalError) or conn.broken or conn.closed:
                self._go_away(exc)
                raise self._gone_error() from None
            if state.startswith("23"):  # the server's own constraints
                raise InvalidEdit(_("The server refused the change ({reason}).").format(reason=one_line(str(exc))[:200])) \
                    from None
            raise PlanError(_("The server refused the change ({reason}).").format(reason=one_line(str(exc))[:200])) \
                from None
        return row[0] if row else None

    # -- versions ---------------------------------------------------------------

    def save_version(self, name: str, note: str = "", author: str = "",
                     automatic: bool = False) -> Version:
        self._refuse_if_read_only()
        name, note = clean_text("name", name), clean_text("note", note)
        version_id = new_id()
        done = self._call("SELECT tandem.save_version(%s, %s, %s, %s)",
                          (self.plan_id, version_id, name, note))
        version = Version(version_id, name, note, done["author"],
                          datetime.fromisoformat(done["at"]), int(done["seq"]), False)
        connection.write(self._conn, self.path.name, [(INSERT_VERSION, [version.row()])])
        return version

    def delete_version(self, version_id: str) -> None:
        self._refuse_if_read_only()
        self._call("SELECT tandem.delete_version(%s, %s)", (self.plan_id, version_id))
        connection.write(self._conn, self.path.name, [(DELETE_VERSION, [(version_id,)])])

    def _refresh_versions(self) -> None:
        conn = self._pg
        if conn is None:
            return
        with conn.transaction():
            rows = conn.execute(VERSIONS, (self.plan_id,)).fetchall()
        connection.write(self._conn, self.path.name, [
            ("DELETE FROM plan_version", [()]), (INSERT_VERSION, [tuple(r) for r in rows])])
        self._versions_stale = False

    # -- live -------------------------------------------------------------------

    def fileno(self) -> int | None:
        """The socket that becomes readable when the server notifies (for a
        window's event loop), or None while the server is gone."""
        conn = self._listen
        return None if conn is None or conn.closed else conn.pgconn.socket

    def poll(self, timeout: float = 0.0, force: bool = False) -> int:
        """Apply what others committed since this store last looked; return how
        many change sets came in. Waits up to `timeout` seconds for a
        notification when there is none yet."""
        if self.gone:
            return 0
        import psycopg

        listen = self._listen
        wanted = force
        if listen is not None:
            try:
                sock = listen.pgconn.socket
                ready, _, _ = select.select([sock], [], [], 0 if force else timeout)
                if ready:  # a notification, or the link closing (which raises here)
                    listen.pgconn.consume_input()
                    if select.select([sock], [], [], 0)[0]:  # still readable: the end of it
                        listen.pgconn.consume_input()
                    while (note := listen.pgconn.notifies()) is not None:
                        self._notes.append(note.extra.decode("utf-8", "replace"))
            except (psycopg.Error, OSError, ValueError) as exc:
                self._go_away(exc)
                return 0
        notes, self._notes = self._notes, []
        for text in notes:
            if text.startswith(self.plan_id + " "):
                wanted = True
                if text.endswith(" v"):
                    self._versions_stale = True
        if not wanted:
            return 0
        try:
            return self._catch_up()
        except ServerGone:
            return 0

    def _catch_up(self, upto: int | None = None) -> int:
        import psycopg

        conn = self._pg
        if conn is None:
            raise self._gone_error()
        try:
            with conn.transaction():
                entries = conn.execute(LOG, (self.plan_id, self._seq)).fetchall()
            if self._versions_stale:
                self._refresh_versions()
        except psycopg.Error as exc:
            self._go_away(exc)
            raise self._gone_error() from None
        n = 0
        for entry in entries:
            if upto is not None and entry[0] > upto:
                break
            if entry[0] != self._seq + 1:
                break  # the log is read again on the next notification
            self._take(entry)
            n += 1
        return n

    def _take(self, entry: tuple[Any, ...]) -> None:
        """Another store's change set from the server's log: its rows replace
        what this store holds (before each row is what this store holds now)."""
        seq, change_id, at, label, exact, rows_text = entry[:6]
        rows = []
        for k, _b, a in json.loads(rows_text):
            kind = BY_NAME[k]
            row_id = (a or _b)["id"]
            after = None if a is None else TABLES[kind].read(
                history._current(kind, _values(kind, a) or []))
            rows.append(RowChange(self.get(kind, row_id), after))
        change = ChangeSet(label, tuple(rows), exact=bool(exact))
        statements = self._statements(change) + _history_statements(entry)
        connection.write(self._conn, self.path.name, statements)
        self._seq = int(seq)
        self._remember(change)
        for listener in list(self._listeners):
            listener(change)

    def others(self) -> list[str]:
        """Who else has the plan open now, by name (each window once)."""
        conn = self._listen
        if conn is None or self.gone:
            return []
        try:
            rows = conn.execute(
                "SELECT application_name FROM pg_stat_activity WHERE application_name LIKE %s "
                "AND pid <> pg_backend_pid()", (presence_name(self.plan_id, "") + "%",)).fetchall()
        except Exception:  # noqa: BLE001  (a server going away is found by poll)
            return []
        prefix = len(presence_name(self.plan_id, ""))
        return sorted({str(r[0])[prefix:] for r in rows if r[0]})

    # -- the server going away and coming back ------------------------------------

    def _go_away(self, exc: Exception) -> None:
        if self.gone:
            return
        self.gone = _("The server ({where}) cannot be reached; the plan is shown read-only "
                      "and Tandem reconnects by itself.").format(where=self.address.where)
        self.read_only = True
        self.read_only_reason = self.gone
        for conn in (self._pg, self._listen):
            if conn is not None:
                try:
                    conn.close()
                except Exception:  # noqa: BLE001
                    pass
        self._pg = self._listen = None

    def _refuse_if_read_only(self) -> None:
        if self.gone:
            raise self._gone_error()
        super()._refuse_if_read_only()

    def _gone_error(self) -> ServerGone:
        return ServerGone(self.gone or _("The server ({where}) cannot be reached.").format(
            where=self.address.where))

    def reconnect(self) -> bool:
        """Try the server again; on success catch up and become writable."""
        if not self.gone:
            return True
        try:
            conn = connect(self.address)
            listen = connect(self.address, autocommit=True, check=False,
                             application=presence_name(self.plan_id, self.acting.name))
            listen.execute(f"LISTEN {CHANNEL}")
        except Exception:  # noqa: BLE001  (still away: tried again later)
            return False
        listen.add_notify_handler(lambda note: self._notes.append(note.payload))
        found = conn.execute("SELECT head FROM tandem.plans WHERE id = %s",
                             (self.plan_id,)).fetchone()
        conn.rollback()
        if found is None or int(found[0]) < self._seq:
            conn.close()
            listen.close()
            said = _("The plan on {where} is no longer there; nothing more is written. Take "
                     "an offline copy (File \u203a Take offline copy) and merge it into the plan "
                     "once it is back.") if found is None else \
                _("The plan on {where} is older than the one shown here (the server was put "
                  "back to an earlier state); nothing more is written. Take an offline copy "
                  "(File \u203a Take offline copy) and merge it into the plan once it is back.")
            self.gone = self.read_only_reason = said.format(where=self.address.where)
            return False
        self._pg, self._listen = conn, listen
        self.gone = None
        self._versions_stale = True
        try:
            self._catch_up()
        except ServerGone:
            return False
        self.read_only = False
        self.read_only_reason = None
        return True

    # -- copies -------------------------------------------------------------------

    def check_outside(self) -> ChangeSet | None:
        return None

    def checkpoint(self) -> bool:
        return False

    def integrity_problems(self) -> list[str]:
        return connection.integrity_problems(self._conn)


def presence_name(plan_id: str, person: str) -> str:
    return f"tandem {plan_id[:13]} {one_line(person)}"[:63]


def _load(conn: psycopg.Connection[Any], address: Address
          ) -> tuple[tuple[Any, ...], str, int, sqlite3.Connection]:
    """Who the login is, and the plan read whole (rows, history, versions) into
    a replica, in one consistent snapshot."""
    plan_id = address.plan_id
    conn.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
    found = conn.execute("SELECT title, head FROM tandem.plans WHERE id = %s",
                         (plan_id,)).fetchone()
    if not found:
        conn.rollback()
        raise ServerError(_("{where} has no plan {plan} that the login {login} may read (the "
                            "plan's publisher grants it with tandem server grant).").format(
                                where=address.where, plan=one_line(str(plan_id))[:40],
                                login=address.login or conn.info.user))
    title, head = found
    me = conn.execute("SELECT * FROM tandem.caller(%s)", (plan_id,)).fetchone()
    replica = connection.blank()
    try:
        batches: list[tuple[str, list[tuple[Any, ...]]]] = []
        for kind in KINDS:
            rows = [tuple(r) for r in conn.execute(SELECTS[kind], (plan_id,))]
            if rows:
                batches.append((TABLES[kind].insert, rows))
        for entry in conn.execute(LOG, (plan_id, 0)):
            batches += _history_statements(tuple(entry))
        versions = [tuple(r) for r in conn.execute(VERSIONS, (plan_id,))]
        if versions:
            batches.append((INSERT_VERSION, versions))
        conn.rollback()
        connection.write(replica, str(title), _merged(batches))
    except BaseException:
        replica.close()
        raise
    return tuple(me or ()), str(title), int(head), replica


def _merged(batches: Iterable[tuple[str, list[tuple[Any, ...]]]]
            ) -> list[tuple[str, list[tuple[Any, ...]]]]:
    """Consecutive batches of one statement as one (executemany once)."""
    out: list[tuple[str, list[tuple[Any, ...]]]] = []
    by_sql: dict[str, list[tuple[Any, ...]]] = {}
    for sql, params in batches:
        if sql in by_sql:
            by_sql[sql].extend(params)
        else:
            by_sql[sql] = list(params)
            out.append((sql, by_sql[sql]))
    return out


__all__ = ["ServerStore", "payload", "presence_name"]
