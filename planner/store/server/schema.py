"""Tandem's schema on a PostgreSQL server: connect, create or upgrade, check.

The schema lives in the database's `tandem` schema, made by migrations of
its own (`migrations/s001.sql`, …) and recorded in `tandem.meta`. A
connection checks it exactly as a plan file's is checked: no schema, a
newer one, or objects Tandem did not make there are refused in one sentence.
psycopg is imported here and in the other server modules only.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

from planner.errors import PlanError, ReadOnlyPlan, one_line
from planner.i18n import _
from planner.store.server.address import Address

if TYPE_CHECKING:
    import psycopg

SERVER_SCHEMA_VERSION = 5
MIN_SERVER = 150000  # PostgreSQL 15
CONNECT_TIMEOUT = 5  # seconds: a server that does not answer is said to be away


class ServerError(PlanError):
    """The server cannot be used (away, refused the login, no schema, …)."""


class ServerGone(ServerError, ReadOnlyPlan):
    """The connection to the server broke: the plan is read-only until it is back."""


def _step_sql(version: int) -> str:
    return (Path(__file__).parent / "migrations" / f"s{version:03d}.sql").read_text("utf-8")


def connect(address: Address, *, autocommit: bool = False, application: str = "tandem",
            check: bool = True) -> psycopg.Connection[Any]:
    """A connection to the address's database, its schema checked."""
    import psycopg

    # A link that goes silent (a laptop off the network) is found within
    # seconds, not after the system's TCP timeout of many minutes.
    options: dict[str, Any] = dict(
        autocommit=autocommit, connect_timeout=CONNECT_TIMEOUT,
        application_name=application[:63], keepalives=1, keepalives_idle=5,
        keepalives_interval=2, keepalives_count=2, tcp_user_timeout=8000)
    try:
        conn = psycopg.connect(address.url, **options)
    except psycopg.Error as exc:
        # libpq found no password (~/.pgpass, PGPASSWORD) that works: the one
        # the window kept in the keyring, if any (asked only then: it is slow).
        password = None if os.environ.get("PGPASSWORD") or not _wants_password(exc) \
            else stored_password(address)
        if not password:
            raise ServerError(connect_sentence(address, exc)) from None
        try:
            conn = psycopg.connect(address.url, password=password, **options)
        except psycopg.Error as again:
            raise ServerError(connect_sentence(address, again)) from None
    try:
        if conn.info.server_version < MIN_SERVER:
            raise ServerError(_("{where} runs PostgreSQL {version}; Tandem needs PostgreSQL 15 "
                                "or newer.").format(where=address.where,
                                                    version=conn.info.server_version // 10000))
        encoding = conn.info.parameter_status("server_encoding")
        if encoding not in (None, "UTF8"):
            raise ServerError(_("The database {where} keeps its text as {encoding}; Tandem "
                                "needs a UTF8 database (CREATE DATABASE … ENCODING "
                                "'UTF8').").format(where=address.where, encoding=encoding))
        if check:
            check_schema(conn, address)
    except BaseException:
        conn.close()
        raise
    return conn


KEYRING_SERVICE = "Tandem"


def _wants_password(exc: Exception) -> bool:
    text = str(exc)
    return any(w in text for w in ("password authentication failed", "no password supplied",
                                   "password is required"))


def stored_password(address: Address) -> str | None:
    """The password the window kept for this server and login in the system
    keyring (None: none kept, or no keyring here)."""
    try:
        import keyring

        return keyring.get_password(KEYRING_SERVICE, address.url)
    except Exception:  # noqa: BLE001  (no keyring: ~/.pgpass and PGPASSWORD remain)
        return None


def store_password(address: Address, password: str) -> str | None:
    """Keep a password in the system keyring; why not, in one sentence (None: kept)."""
    try:
        import keyring

        keyring.set_password(KEYRING_SERVICE, address.url, password)
    except Exception as exc:  # noqa: BLE001
        return _("The password could not be kept in the system keyring ({reason}); put it in "
                 "~/.pgpass to be asked no more.").format(reason=one_line(str(exc))[:120])
    return None


def connect_sentence(address: Address, exc: Exception) -> str:
    """Why the server could not be reached, in one sentence."""
    text = str(exc)
    where = address.where
    login = address.login or _("(your login)")
    if "password authentication failed" in text or "no password supplied" in text \
            or "password is required" in text:
        return _("{where} refused the login {login}: the password in ~/.pgpass or PGPASSWORD "
                 "is wrong or missing.").format(where=where, login=login)
    if "does not exist" in text and "role" in text:
        return _("{where} has no login named {login}.").format(where=where, login=login)
    if "does not exist" in text and "database" in text:
        return _("{where} has no such database; check the address.").format(where=where)
    if "could not translate host name" in text or "Name or service not known" in text:
        return _("The server in {address} could not be found; check the address.").format(
            address=one_line(address.url)[:120])
    if "Connection refused" in text or "timeout expired" in text or "No route" in text \
            or "server closed the connection" in text or "Network is unreachable" in text:
        return _("{where} does not answer (is the server running, and this computer "
                 "online?).").format(where=where)
    if "pg_hba.conf" in text:
        return _("{where} does not let this computer or login in (its "
                 "pg_hba.conf).").format(where=where)
    first = one_line(text.splitlines()[0] if text else type(exc).__name__)[:200]
    return _("{where} could not be used ({reason}).").format(where=where, reason=first)


def installed_version(conn: psycopg.Connection[Any]) -> int | None:
    found = conn.execute("SELECT 1 FROM pg_namespace WHERE nspname = 'tandem'").fetchone()
    if not found:
        return None
    try:
        row = conn.execute("SELECT value FROM tandem.meta WHERE key = 'schema_version'").fetchone()
    except Exception:  # noqa: BLE001  (a schema named tandem that is not Tandem's)
        conn.rollback()
        return -1
    if not row or not str(row[0]).isdigit():
        return -1
    return int(row[0])


def _expected_objects() -> set[tuple[str, str]]:
    """(kind, name) of every table, type and function the migrations make."""
    sql = "\n".join(_step_sql(v) for v in range(1, SERVER_SCHEMA_VERSION + 1))
    found = set()
    for kind, name in re.findall(r"CREATE (TABLE|TYPE|FUNCTION) tandem\.(\w+)", sql):
        found.add(({"TABLE": "table", "TYPE": "type", "FUNCTION": "function"}[kind], name))
    return found


def foreign_objects(conn: psycopg.Connection[Any]) -> list[str]:
    expected = _expected_objects()
    rows = conn.execute("""
        SELECT 'table', c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
         WHERE n.nspname = 'tandem' AND c.relkind IN ('r', 'v', 'm', 'p', 'f')
        UNION ALL
        SELECT 'type', t.typname FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
         WHERE n.nspname = 'tandem' AND t.typtype = 'e'
        UNION ALL
        SELECT 'function', p.proname FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
         WHERE n.nspname = 'tandem'""").fetchall()
    return sorted(f"{kind} {name}" for kind, name in rows if (kind, name) not in expected)


def check_schema(conn: psycopg.Connection[Any], address: Address) -> None:
    version = installed_version(conn)
    where = address.where
    if version is None:
        raise ServerError(_("{where} has no Tandem schema; set it up with tandem server init "
                            "{address}").format(where=where, address=one_line(address.url)[:200]))
    if version < 0:
        raise ServerError(_("{where} has a schema named tandem that Tandem did not make; "
                            "nothing there was touched.").format(where=where))
    if version > SERVER_SCHEMA_VERSION:
        raise ServerError(_("{where} holds Tandem's schema {version}, made by a newer Tandem "
                            "(this one knows up to {known}); update Tandem.").format(
                                where=where, version=version, known=SERVER_SCHEMA_VERSION))
    if version < SERVER_SCHEMA_VERSION:
        raise ServerError(_("{where} holds Tandem's older schema {version}; upgrade it with "
                            "tandem server init {address}").format(
                                where=where, version=version,
                                address=one_line(address.url)[:200]))
    foreign = foreign_objects(conn)
    if foreign:
        raise ServerError(_("{where} holds objects in Tandem's schema that Tandem did not "
                            "make ({names}); nothing was read.").format(
                                where=where, names=", ".join(foreign[:5])))
    if not conn.autocommit:
        conn.rollback()  # nothing held open between statements


def init(address: Address) -> tuple[int, int]:
    """Create or upgrade Tandem's schema; (version before, version now)."""
    import psycopg

    conn = connect(address, check=False, autocommit=True)
    try:
        before = installed_version(conn)
        if before is not None and before < 0:
            raise ServerError(_("{where} has a schema named tandem that Tandem did not make; "
                                "nothing was changed.").format(where=address.where))
        if before is not None and before > SERVER_SCHEMA_VERSION:
            raise ServerError(_("{where} holds Tandem's schema {version}, made by a newer "
                                "Tandem (this one knows up to {known}); update Tandem.").format(
                                    where=address.where, version=before,
                                    known=SERVER_SCHEMA_VERSION))
        start = before or 0
        try:
            with conn.transaction():
                # One upgrade at a time, whoever else runs init now.
                conn.execute("SELECT pg_advisory_xact_lock(5415, 1)")
                for version in range(start + 1, SERVER_SCHEMA_VERSION + 1):
                    conn.execute(_step_sql(version).encode("utf-8"))
                    conn.execute("INSERT INTO tandem.meta VALUES ('schema_version', %s) "
                                 "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                                 (str(version),))
                conn.execute("INSERT INTO tandem.meta VALUES ('application', 'Tandem') "
                             "ON CONFLICT (key) DO NOTHING")
        except psycopg.errors.InsufficientPrivilege as exc:
            raise ServerError(_("{where} did not let {login} create Tandem's schema "
                                "({reason}).").format(
                                    where=address.where, login=address.login or _("this login"),
                                    reason=one_line(str(exc))[:160])) from None
        except psycopg.Error as exc:
            raise ServerError(_("Tandem's schema could not be made on {where} "
                                "({reason}).").format(where=address.where,
                                                      reason=one_line(str(exc))[:200])) from None
        check_schema(conn, address)
        return start, SERVER_SCHEMA_VERSION
    finally:
        conn.close()
