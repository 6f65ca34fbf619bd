"""Who signs for a side, decided the same way in the window and in the room."""

from PySide6.QtWidgets import QWidget

from planner.model import Person
from planner.operations.goals import who_signs
from planner.rules.signoff import Side
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
