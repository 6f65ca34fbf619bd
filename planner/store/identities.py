"""Who uses each plan on this computer: chosen once per plan, remembered in
the user's settings, read by the window and the command line alike.

The choice is kept by the plan's id (every copy of a plan shares it), in
`identities.json` in the user's configuration folder (`$XDG_CONFIG_HOME/tandem`
on Linux, the roaming application data on Windows, Application Support on
macOS). It is a declaration, not a proof: anyone at this computer's login
can change it.
"""

import json
import os
import sys
from collections.abc import Iterable
from pathlib import Path

from planner.model import Person
from planner.model.actor import Actor, login_actor, this_login
from planner.model.reader import PlanReader
from planner.rules.roles import actor_for

FILE = "identities.json"


def config_dir() -> Path:
    if sys.platform == "win32":
        base = Path(os.environ.get("APPDATA") or Path.home() / "AppData" / "Roaming")
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Application Support"
    else:
        base = Path(os.environ.get("XDG_CONFIG_HOME") or Path.home() / ".config")
    return base / "tandem"


def _read() -> dict[str, dict[str, str]]:
    try:
        data = json.loads((config_dir() / FILE).read_text("utf-8"))
    except (OSError, ValueError, UnicodeDecodeError):
        return {}  # none yet, or damaged: the question is asked again
    if not isinstance(data, dict):
        return {}
    return {k: v for k, v in data.items() if isinstance(k, str) and isinstance(v, dict)}


def remember(plan_id: str, actor: Actor) -> None:
    """Keep the choice for this plan (a person of it, or a guest's name)."""
    from planner.store.atomic import write_replacing

    data = _read()
    data[plan_id] = {"person_id": actor.person_id or "", "name": actor.name}
    folder = config_dir()
    folder.mkdir(parents=True, exist_ok=True)
    write_replacing(folder / FILE, json.dumps(data, ensure_ascii=False, indent=1)
                    .encode("utf-8"))


def chosen(reader: PlanReader) -> Actor | None:
    """This computer's choice for the plan (None: not made yet, or the person
    chosen is no longer in the plan)."""
    found = _read().get(reader.plan().id)
    if not found:
        return None
    login, _ = this_login()
    person_id = str(found.get("person_id") or "")
    if person_id:
        person = reader.get(Person, person_id)
        return actor_for(person, login) if person is not None else None
    name = str(found.get("name") or "").strip()
    return Actor(name[:300], None, login) if name else None


def offered(reader: PlanReader) -> Person | None:
    """The person of the plan this computer's login seems to be: the one whose
    name is the account's full name, or whose email is $EMAIL (None: no one
    fits, or more than one does)."""
    login, full = this_login()
    email = os.environ.get("EMAIL", "").strip().casefold()
    fits = [p for p in reader.rows(Person) if not p.left_plan and (
        (full and p.name.strip().casefold() == full.casefold())
        or (email and p.email.strip().casefold() == email))]
    return fits[0] if len(fits) == 1 else None


def named(reader: PlanReader, name: str) -> Actor:
    """`--as NAME`: the person of the plan by that name or email, else a
    guest of that name."""
    return named_among(reader.rows(Person), name)


def named_among(people: Iterable[Person], name: str) -> Actor:
    login, _ = this_login()
    wanted = " ".join(name.split()).casefold()
    fits = [p for p in people if wanted in (" ".join(p.name.split()).casefold(),
                                                          p.email.strip().casefold())]
    fits.sort(key=lambda p: (p.left_plan, p.id))
    if fits:
        return actor_for(fits[0], login)
    return Actor(" ".join(name.split())[:300] or login_actor().name, None, login)


def acting(reader: PlanReader, as_name: str | None = None) -> Actor:
    """Who makes a command's changes: `--as NAME`, else this computer's choice
    for the plan, else the login (as a guest)."""
    if as_name is not None and as_name.strip():
        return named(reader, as_name)
    return chosen(reader) or login_actor()
