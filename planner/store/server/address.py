"""A plan's address on a server: a libpq URL and the plan's id.

`postgresql://sales@db.example.com/tandem#plan=5b0e…` names one plan in one
database; without the `#plan=` part it names the database (as `server init`
and `push` take it). Passwords are never part of an address: libpq reads
them from `~/.pgpass` or `PGPASSWORD`. Nothing here needs the driver.
"""

import re
from typing import NamedTuple
from urllib.parse import unquote, urlsplit, urlunsplit

from planner.errors import PlanError, one_line
from planner.i18n import _

SCHEMES = ("postgresql://", "postgres://")
_PLAN = re.compile(r"^plan=([0-9A-Za-z-]{1,64})$")


class Address(NamedTuple):
    url: str  # the database, as libpq takes it
    plan_id: str | None

    def __str__(self) -> str:
        return f"{self.url}#plan={self.plan_id}" if self.plan_id else self.url

    @property
    def where(self) -> str:
        """The server and database, as a sentence names them."""
        parts = urlsplit(self.url)
        host = parts.hostname or "localhost"
        port = f":{parts.port}" if _port(parts) else ""
        db = unquote(parts.path.lstrip("/")) or (unquote(parts.username or "") or "postgres")
        return _("{database} on {host}").format(database=db, host=f"{host}{port}")

    @property
    def login(self) -> str:
        return unquote(urlsplit(self.url).username or "")


def _port(parts) -> int | None:  # type: ignore[no-untyped-def]
    try:
        return parts.port  # type: ignore[no-any-return]
    except ValueError:
        return None


def is_address(text: object) -> bool:
    return isinstance(text, str) and text.lower().startswith(SCHEMES)


def parse(text: str, *, plan: bool | None = None) -> Address:
    """An address from what a person typed; `plan` True needs the plan's part,
    False refuses it. A password in it is refused (it would end up in shell
    histories and settings)."""
    shown = one_line(text)[:200]
    if not is_address(text):
        raise PlanError(_("\u201c{address}\u201d is not a server address (it starts with "
                          "postgresql://).").format(address=shown))
    base, _sep, fragment = text.strip().partition("#")
    try:
        parts = urlsplit(base)
        parts.port  # noqa: B018  (a port that is not a number refuses the address)
    except ValueError as exc:
        raise PlanError(_("\u201c{address}\u201d is not a server address Tandem can use "
                          "({reason}).").format(address=shown, reason=exc)) from None
    if parts.password is not None:
        raise PlanError(_("A password does not go in a server address: put it in ~/.pgpass "
                          "or PGPASSWORD, and use the address without it."))
    if not parts.hostname and not parts.path.strip("/"):
        raise PlanError(_("\u201c{address}\u201d names no server or database.").format(
            address=shown))
    plan_id = None
    if fragment:
        found = _PLAN.match(fragment)
        if not found:
            raise PlanError(_("\u201c{address}\u201d ends with \u201c#{fragment}\u201d, which "
                              "names no plan (a plan's address ends with #plan= and its "
                              "id).").format(address=shown, fragment=one_line(fragment)[:60]))
        plan_id = found.group(1)
    if plan is True and plan_id is None:
        raise PlanError(_("\u201c{address}\u201d names a database, not a plan: a plan's "
                          "address ends with #plan= and its id (tandem push prints "
                          "it).").format(address=shown))
    if plan is False and plan_id is not None:
        raise PlanError(_("\u201c{address}\u201d names a plan; give the database's address "
                          "(without #plan=…).").format(address=shown))
    url = urlunsplit((parts.scheme, parts.netloc, parts.path, parts.query, ""))
    return Address(url, plan_id)


def plan_address(database: Address, plan_id: str) -> Address:
    return Address(database.url, plan_id)
