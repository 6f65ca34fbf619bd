"""Where a plan lives: a file's path or a server address, opened the same way.

Every command and the window take either; `open_plan` gives a PlanStore for
both (a ServerStore for an address), so nothing above the store asks which.
"""

from pathlib import Path
from typing import TYPE_CHECKING

from planner.store.server.address import is_address, parse

if TYPE_CHECKING:  # the stores are imported when a plan is opened, not before
    from planner.model.actor import Actor
    from planner.store.plan_store import PlanStore

PlanRef = Path | str  # a file's path, or a server address (text)


def place(text: str) -> PlanRef:
    """What a person typed for a plan: an address stays text (a path would
    fold its `//`), anything else is a path."""
    return text if is_address(text) else Path(text)


def open_plan(ref: PlanRef, *, read_only: bool = False, acting: "Actor | None" = None,
              check_later: bool = False, on_demand: bool = False) -> "PlanStore":
    from planner.store.plan_store import PlanStore

    if is_address(ref):
        from planner.store.server.store import ServerStore

        return ServerStore.open_address(parse(str(ref), plan=True), read_only=read_only)
    return PlanStore.open(Path(ref), read_only=read_only, acting=acting,
                          check_later=check_later, on_demand=on_demand)


def ref_name(ref: PlanRef) -> str:
    """The plan's place as a sentence names it (a file by its name)."""
    if is_address(ref):
        try:
            address = parse(str(ref))
        except Exception:  # noqa: BLE001  (said when it is opened)
            return str(ref)[:120]
        return f"the plan on {address.where}"
    return Path(ref).name


def on_server(store: "PlanStore") -> bool:
    return hasattr(store, "address")


__all__ = ["PlanRef", "is_address", "on_server", "open_plan", "place", "ref_name"]
