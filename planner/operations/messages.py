"""The messaging library: write, approve (each side on the exact wording),
reword, and the hot buttons that become messages."""

from collections.abc import Sequence
from typing import Any

from planner.i18n import _
from planner.changes import ChangeSet, added, changed
from planner.model import Message, Person, utc_now
from planner.model.nouns import noun
from planner.model.validation import coerce
from planner.operations.rows import new, quoted
from planner.rules.signoff import SIDES, Side, sign_or_withdraw, withdrawn

WORDING = ("customer_problem", "value_message", "proof_point")


def _what(messages: Sequence[Message]) -> str:
    return quoted(messages[0].customer_problem) if len(messages) == 1 \
        else noun(Message, len(messages))


def add_message(customer_problem: str = "New customer problem",
                **values: Any) -> tuple[ChangeSet, Message]:
    """A draft message, approved by nobody yet."""
    message = new(Message, customer_problem=customer_problem, **values)
    return ChangeSet(_("Add message {customer_problem}").format(customer_problem=quoted(customer_problem)), (added(message),)), message


def approve(messages: Sequence[Message], side: Side, approver: Person | None) -> ChangeSet:
    """Approve the messages' present wording for one side; when that side
    approved them all already, withdraw its approval (the same key twice).
    The same rule as a goal's sign-off (rules/signoff.py)."""
    after, withdrawal = sign_or_withdraw(messages, side, approver.id if approver else None,
                                         utc_now())
    by_id = {m.id: m for m in messages}
    what = _what([by_id[m.id] for m in after]) if after else ""
    text = (f"Withdraw the {side} approval of {what}" if withdrawal
            else f"Approve {what} for {side}")
    return ChangeSet(text, tuple(changed(by_id[m.id], m) for m in after))


def reword(message: Message, **wording: str) -> ChangeSet:
    """New words for a message (any of its customer problem, value message and
    proof point); the store withdraws both approvals of the old ones."""
    unknown = set(wording) - set(WORDING)
    if unknown:
        raise ValueError(f"a message's wording has no {sorted(unknown)}")
    after = message._replace(**{k: coerce(Message, k, v) for k, v in wording.items()})
    if after == message:
        return ChangeSet(_("Reword message"))
    return ChangeSet(_("Reword message {customer_problem}").format(customer_problem=quoted(message.customer_problem)),
                     (changed(message, after),))


def unlock_wording(message: Message) -> ChangeSet:
    """Both approvals withdrawn, so the approved wording can change."""
    return ChangeSet(_("Withdraw approvals to reword {customer_problem}").format(customer_problem=quoted(message.customer_problem)),
                     (changed(message, withdrawn(message, *SIDES)),))
