"""Who signs for a side, decided the same way in the window and in the room."""

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from PySide6.QtWidgets import QWidget

from planner.model import Goal, Person
from planner.rules.roles import actor_for, delegates, head_id, may_sign, role_of
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
                  side: Side, build: Callable[[Sequence[Any], Person | None], Any],
                  in_room: bool = False) -> tuple[bool, Person | None]:
    """Sign (or approve) the rows for one side, in the name of the person at
    the keyboard; when that side signed them all already, withdraw instead.
    In the room, where the heads sign at the facilitator's keyboard, a person
    who may not sign is asked who signs, among that side's head and its
    delegates: the signer declares it, as File › Who You Are declares, and is
    recorded as the change's author. One flow for goals and messages, on the
    pages and in the room. Returns whether it was done, and who signed (None:
    a withdrawal)."""
    if not rows or session.read_only:
        return False, None
    store = session.store
    acting = store.acting
    signer = signer_for(session)
    if in_room and not may_sign(store, acting.person_id, side):
        signer = room_signer(parent, session, side)
        if signer is None:
            return False, None
        store.act_as(actor_for(signer, acting.login))
    try:
        if all(has_signed(r, side) for r in rows):
            return session.do(build(rows, None)), None
        return session.do(build(rows, signer)), signer
    finally:
        store.act_as(acting)


def room_signer(parent: QWidget, session: PlanSession, side: Side) -> Person | None:
    """Who signs for a side in the room: its head or one of its delegates."""
    from planner.ui.shell.identity import role_word

    store = session.store
    head = store.get(Person, head_id(store.plan(), side) or "")
    candidates = ([head] if head else []) + delegates(store, side)
    if not candidates:
        dialogs.warn(parent, tr("Nobody to sign"), tr(
            "The plan names no head of {side} to sign. Name one on the Overview.").format(
                side=side_word(side)))
        return None
    chosen = dialogs.ask_item(
        parent, tr("Sign for {side}").format(side=side_word(side)),
        tr("Who signs for {side}? The signer says it is them; Tandem records their name.")
        .format(side=side_word(side)),
        [f"{p.name} ({role_word(role_of(store.plan(), p))})" for p in candidates])
    return None if chosen is None else candidates[chosen]
