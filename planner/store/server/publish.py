"""Plans onto and off a server: publish a file, take a copy, tie logins to people.

`push` copies a plan file whole (rows, history, versions) into the server in
one transaction: the history keeps its change sets' ids, so a copy pulled
later and the file itself merge with the server's plan as two copies of one
plan do. Publishing and granting are the schema owner's (the login that ran
`tandem server init`); everyone else writes through `tandem.commit`.
"""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from planner.errors import PlanError, one_line
from planner.i18n import _
from planner.model.records import KINDS
from planner.store import history
from planner.store.schema import TABLES, stored_time
from planner.store.server.address import Address, parse, plan_address
from planner.store.server.schema import ServerError, connect, connect_sentence

if TYPE_CHECKING:
    from planner.store.plan_store import PlanStore

GRANTED = ("tandem.plans", "tandem.change_log", "tandem.change_log_row", "tandem.plan_version",
           "tandem.member", "tandem.meta", "tandem.kinds", "tandem.crm_data")
FUNCTIONS = ("tandem.commit(text, bigint, jsonb)", "tandem.save_version(text, text, text, text)",
             "tandem.delete_version(text, text)", "tandem.caller(text)", "tandem.my_plans()",
             "tandem.commit_attached(text, bigint, jsonb, text[], bytea[])")


def _owner_only(conn: Any, address: Address, what: str) -> None:
    (owner,) = conn.execute(
        "SELECT pg_has_role(session_user, (SELECT nspowner FROM pg_namespace "
        "WHERE nspname = 'tandem'), 'MEMBER')").fetchone()
    if not owner:
        (name,) = conn.execute("SELECT nspowner::regrole::text FROM pg_namespace "
                               "WHERE nspname = 'tandem'").fetchone()
        raise ServerError(_("Only the login that set up Tandem on {where} ({name}) {what}; "
                            "{login} cannot.").format(where=address.where, name=name, what=what,
                                                      login=address.login or conn.info.user))


def push(store: PlanStore, database: str) -> Address:
    """Publish a plan (with its history and versions) to a database; its address."""
    import psycopg

    address = parse(database, plan=False)
    plan = store.plan()
    conn = connect(address)
    try:
        _owner_only(conn, address, _("publishes plans there"))
        there = conn.execute("SELECT 1 FROM tandem.plans WHERE id = %s", (plan.id,)).fetchone()
        if there:
            raise ServerError(_("{name} is on {where} already, at {address}; merge into it "
                                "instead (tandem merge ADDRESS FILE).").format(
                                    name=store.path.name, where=address.where,
                                    address=plan_address(address, plan.id)))
        try:
            with conn.transaction():
                _copy_in(conn, store, plan.id)
        except psycopg.Error as exc:
            if isinstance(exc, psycopg.OperationalError):
                raise ServerError(connect_sentence(address, exc)) from None
            raise ServerError(_("{name} could not be published to {where} ({reason}); "
                                "nothing was written.").format(
                                    name=store.path.name, where=address.where,
                                    reason=one_line(str(exc))[:200])) from None
        conn.commit()
    finally:
        conn.close()
    return plan_address(address, plan.id)


def _copy_in(conn: Any, store: PlanStore, plan_id: str) -> None:
    from psycopg.types.json import Jsonb

    replica = store._conn  # the plan as held in memory (history and versions too)
    entries = replica.execute(
        "SELECT seq, id, committed_at, label, exact, rows, author_id, author, login, kinds "
        "FROM change_log ORDER BY seq").fetchall()
    renumbered = {int(e[0]): n for n, e in enumerate(entries, start=1)}
    seen: dict[str, list[list[Any]]] = {}
    for change_id, seen_id, back in replica.execute(
            "SELECT change_id, seen_id, taken_back FROM change_seen ORDER BY rowid"):
        seen.setdefault(change_id, []).append([seen_id, int(back)])
    other = {change_id: {"lacked": json.loads(lacked),
                         "rows": history._unpacked(rows)}
             for change_id, lacked, rows in replica.execute(
                 "SELECT change_id, lacked, rows FROM change_other")}
    merged: dict[str, list[list[Any]]] = {}
    for row in replica.execute("SELECT change_id, id, committed_at, label, author_id, author, "
                               "login, rows FROM change_merged ORDER BY rowid"):
        merged.setdefault(row[0], []).append(
            [*row[1:7], history._unpacked(row[7])])
    last: dict[tuple[str, str], int] = {}
    head = len(entries)
    conn.execute("INSERT INTO tandem.plans (id, title, head, published_at, published_by) "
                 "VALUES (%s, %s, %s, %s, session_user)",
                 (plan_id, store.plan().title, head, stored_time(_now())))
    with conn.cursor().copy(
            "COPY tandem.change_log (plan_id, seq, id, committed_at, label, exact, rows, "
            "author_id, author, login, kinds, seen, other, merged) FROM STDIN") as copy:
        for seq, change_id, at, label, exact, blob, author_id, author, login, kinds in entries:
            rows = []
            for kind_name, before, after in history._unpacked(blob):
                kind = history.BY_NAME[kind_name]
                columns = TABLES[kind].columns
                b = None if before is None else dict(zip(
                    columns, history._current(kind, before), strict=True))
                a = None if after is None else dict(zip(
                    columns, history._current(kind, after), strict=True))
                rows.append([kind_name, b, a])
                last[(kind_name, (b or a or {}).get("id", ""))] = renumbered[int(seq)]
            copy.write_row((plan_id, renumbered[int(seq)], change_id, at, label, bool(exact),
                            Jsonb(rows), author_id, author, login, kinds,
                            Jsonb(seen.get(change_id, [])),
                            Jsonb(other[change_id]) if change_id in other else None,
                            Jsonb(merged.get(change_id, []))))
    with conn.cursor().copy("COPY tandem.change_log_row (plan_id, seq, kind, row_id) "
                            "FROM STDIN") as copy:
        for (kind_name, row_id), seq in last.items():
            copy.write_row((plan_id, seq, kind_name, row_id))
    for kind in KINDS:
        table = TABLES[kind]
        held = store.rows(kind)
        if not held:
            continue
        with conn.cursor().copy(f'COPY tandem."{table.name}" (plan_id, '
                                f'{", ".join(table.columns)}, seq) FROM STDIN') as copy:
            for row in held:
                copy.write_row((plan_id, *table.write(row),
                                last.get((kind.__name__, row.id), head)))
    with conn.cursor().copy("COPY tandem.crm_data (plan_id, import_id, data) FROM STDIN"
                            ) as copy:  # the CRM imports' rows (and those an undo keeps)
        for import_id, data in replica.execute("SELECT import_id, CAST(data AS BLOB) FROM "
                                               "crm_data"):
            copy.write_row((plan_id, import_id, bytes(data)))
    versions = replica.execute("SELECT id, name, note, author, created_at, seq, automatic "
                               "FROM plan_version").fetchall()
    for version_id, name, note, author, at, seq, automatic in versions:
        place = max((n for s, n in renumbered.items() if s <= int(seq)), default=0)
        conn.execute("INSERT INTO tandem.plan_version VALUES (%s, %s, %s, %s, %s, %s, %s, %s)",
                     (plan_id, version_id, name, note, author, at, place, bool(automatic)))


def _now() -> "datetime":
    from planner.model import utc_now

    return utc_now()


def grant(ref: str, person_name: str, login: str) -> str:
    """Tie a person of the plan to a PostgreSQL login (which may then read the
    plan and write what that person may); the sentence that says so."""
    import psycopg

    address = parse(ref, plan=True)
    conn = connect(address)
    try:
        _owner_only(conn, address, _("grants logins to plans there"))
        if not conn.execute("SELECT 1 FROM tandem.plans WHERE id = %s",
                            (address.plan_id,)).fetchone():
            raise ServerError(_("{where} has no plan {plan}.").format(where=address.where,
                                                                       plan=address.plan_id))
        people = conn.execute(
            "SELECT id, name, email FROM tandem.person WHERE plan_id = %s AND NOT left_plan",
            (address.plan_id,)).fetchall()
        wanted = person_name.strip().casefold()
        found = [p for p in people if wanted in (str(p[1]).casefold(), str(p[2]).casefold())]
        if len(found) != 1:
            known = ", ".join(sorted(str(p[1]) for p in people)[:8])
            sentence = (_("The plan has no person called \u201c{name}\u201d") if not found else
                        _("The plan has more than one person called \u201c{name}\u201d"))
            raise PlanError(sentence.format(name=one_line(person_name)[:80]) + " " + (
                _("(its people: {names}).").format(names=known) if known else
                _("(it has no people yet).")))
        if not conn.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", (login,)).fetchone():
            raise ServerError(_("{where} has no login named {login}; create it first (CREATE "
                                "ROLE … LOGIN PASSWORD …).").format(where=address.where,
                                                                   login=one_line(login)[:63]))
        person_id, name, _email = found[0]
        try:
            with conn.transaction():
                conn.execute("INSERT INTO tandem.member (plan_id, login, person_id) VALUES "
                             "(%s, %s, %s) ON CONFLICT (plan_id, login) DO UPDATE SET "
                             "person_id = excluded.person_id",
                             (address.plan_id, login, person_id))
                role = psycopg.sql.Identifier(login)
                conn.execute(psycopg.sql.SQL("GRANT USAGE ON SCHEMA tandem TO {}").format(role))
                for table in GRANTED:
                    conn.execute(psycopg.sql.SQL("GRANT SELECT ON {} TO {}").format(
                        psycopg.sql.SQL(table), role))
                for kind in KINDS:
                    conn.execute(psycopg.sql.SQL("GRANT SELECT ON tandem.{} TO {}").format(
                        psycopg.sql.Identifier(TABLES[kind].name), role))
                for function in FUNCTIONS:
                    conn.execute(psycopg.sql.SQL("GRANT EXECUTE ON FUNCTION {} TO {}").format(
                        psycopg.sql.SQL(function), role))
            conn.commit()
        except psycopg.Error as exc:
            raise ServerError(_("{login} could not be granted the plan ({reason}).").format(
                login=login, reason=one_line(str(exc))[:200])) from None
        return _("{login} is {name} in the plan on {where}.").format(login=login, name=name,
                                                                      where=address.where)
    finally:
        conn.close()


def plans_on(database: str) -> list[tuple[str, str]]:
    """The plans of a database the login may read: (id, title), by title."""
    address = parse(database, plan=False)
    conn = connect(address)
    try:
        rows = conn.execute("SELECT id, title FROM tandem.plans ORDER BY title, id").fetchall()
    finally:
        conn.close()
    return [(str(i), str(t)) for i, t in rows]


def pull(ref: str, out: Path) -> str:
    """A file copy of a server's plan, with its history and versions."""
    from planner.store.server.store import ServerStore

    address = parse(ref, plan=True)
    with ServerStore.open_address(address, read_only=True) as store:
        store.save_copy(out)
        return _("Wrote {file}: \u201c{title}\u201d as it is on {where}, with its {changes} "
                 "change sets.").format(file=out.name, title=one_line(store.title)[:80],
                                        where=address.where, changes=store.head())


__all__ = ["grant", "plans_on", "pull", "push"]
