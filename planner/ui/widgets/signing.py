"""Who signs for a side, decided the same way in the window and in the room."""

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from PySide6.QtWidgets import QWidget

from planner.model import Goal, Person
from planner.rules.signoff import SIDES, Side, Signable, has_signed, signature, signed_text
from planner.ui.i18n import tr
from planner.ui.shell.lazy import dialogs
from planner.ui.shell.session import PlanSession


def side_word(side: Side) -> str:
    """The side ("sales" or "marketing") as a sentence in the window's language says it."""
    return tr("sales") if side == "sales" else tr("marketing")


def signer_for(session: PlanSession) -> Person | None:
    """Who signs: the person at the keyboard (File › Who You Are). The
    store's commit refuses anyone but that side's head or a delegate of it,
    with the sentence that says who may instead."""
    return session.store.get(Person, session.store.acting.person_id or "")


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
    who = (" " + tr("and") + " ").join(f"{side_word(s)} ({signed_text(row, s, names)})"
                                       for s in signed)
    if isinstance(row, Goal):
        text = tr("Changing the {what} of \u201c{name}\u201d withdraws the sign-off of {who}. "
                  "Both sides will need to sign the new wording.")
        yes = tr("Change and withdraw the sign-offs")
    else:
        text = tr("Changing the {what} of \u201c{name}\u201d withdraws the approval of {who}. "
                  "Both sides will need to approve the new wording.")
        yes = tr("Change and withdraw the approvals")
    name = row.title if isinstance(row, Goal) else row.customer_problem
    return bool(dialogs.confirm(
        parent, tr("Change agreed wording?"),
        text.format(what=what, name=name[:80], who=who), yes, tr("Keep the agreed wording")))


def sign_for_side(parent: QWidget, session: PlanSession, rows: Sequence[Signable],
                  side: Side, build: Callable[[Sequence[Any], Person | None], Any]
                  ) -> tuple[bool, Person | None]:
    """Sign (or approve) the rows for one side, in the name of the person at
    the keyboard; when that side signed them all already, withdraw instead. One
    flow for goals and messages, on the pages and in the room. Returns
    whether it was done, and who signed (None: a withdrawal)."""
    if not rows or session.read_only:
        return False, None
    if all(has_signed(r, side) for r in rows):
        return session.do(build(rows, None)), None
    signer = signer_for(session)
    return session.do(build(rows, signer)), signer
