"""Who signs for a side, decided the same way in the window and in the room."""

from collections.abc import Mapping
from typing import Any

from PySide6.QtWidgets import QWidget

from planner.model import Goal, Person
from planner.operations.goals import who_signs
from planner.rules.signoff import SIDES, Side, Signable, signature, signed_text
from planner.ui.shell.lazy import dialogs
from planner.ui.shell.session import PlanSession


def signer_for(parent: QWidget, session: PlanSession, side: Side) -> Person | None:
    """The plan's head of that side; without one, whoever the person signing
    chooses among that team (None: nobody, or the question was cancelled)."""
    signer = who_signs(session.store, side)
    if signer.person is not None:
        return signer.person
    if not signer.candidates:
        dialogs.warn(parent, "Nobody to sign", f"The plan has nobody in {side} to sign. Add "
                     f"people, or name a head of {side} on the Overview.")
        return None
    chosen = dialogs.ask_item(parent, f"Sign for {side}",
                              f"The plan names no head of {side}. Who signs?",
                              [p.name for p in signer.candidates])
    return None if chosen is None else signer.candidates[chosen]


def confirm_wording_change(parent: QWidget | None, session: PlanSession, row: Signable,
                           what: str, names: Mapping[str, str], value: Any = None,
                           field: str | None = None) -> bool:
    """Say which sign-offs (or approvals) a new wording withdraws, before it
    happens; a wording the store would refuse is refused before anyone is
    asked. The same question for goals and messages."""
    from planner.errors import PlanError
    from planner.model.validation import validate
    from planner.operations.rows import edit

    if value is not None and field is not None:
        try:
            change = edit(row, **{field: value})
            if change:
                validate(change.rows[0].after)  # type: ignore[type-var]
        except PlanError as exc:
            session.report(str(exc))
            return False
    signed = [s for s in SIDES if signature(row, s).at is not None]
    if not signed:
        return True
    verb = "sign-off" if isinstance(row, Goal) else "approval"
    who = " and ".join(f"{s} ({signed_text(row, s, names)})" for s in signed)
    name = row.title if isinstance(row, Goal) else row.customer_problem
    return bool(dialogs.confirm(
        parent, "Change agreed wording?",
        f"Changing the {what} of \u201c{name[:80]}\u201d withdraws the {verb} of {who}. "
        f"Both sides will need to {'sign' if verb == 'sign-off' else 'approve'} the new "
        "wording.", f"Change and withdraw the {verb}s", "Keep the agreed wording"))
