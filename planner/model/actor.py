"""Who is at the keyboard: the person a change is made by.

On a plan file this identity is *declared* (chosen on this computer, or
given with `--as`), never proven: the rules it drives guard against mistakes,
not against someone who declares another name. The team server proves it
with real logins.
"""

import getpass
import os
from typing import NamedTuple


class Actor(NamedTuple):
    """The author of a change: a person of the plan (`person_id`), or a guest
    known only by name (`person_id` None), and the computer's login."""

    name: str
    person_id: str | None = None
    login: str = ""

    @property
    def guest(self) -> bool:
        return self.person_id is None

    @property
    def known(self) -> bool:
        """Whether anybody is named (change sets from before plan format 10 are
        by nobody known)."""
        return bool(self.name or self.person_id)


def this_login() -> tuple[str, str]:
    """This computer's login and the full name its account gives ("" when
    it gives none)."""
    try:
        login = getpass.getuser()
    except (KeyError, OSError):
        login = ""
    full = ""
    try:
        import pwd

        full = pwd.getpwnam(login).pw_gecos.split(",")[0].strip() if login else ""
    except (ImportError, KeyError, OSError):
        full = os.environ.get("USERNAME", "") if os.name == "nt" else ""
    return login, full


def login_actor() -> Actor:
    """Whoever is logged in, as a guest: the author when nobody said who they are."""
    login, full = this_login()
    return Actor(full or login or "someone", None, login)
