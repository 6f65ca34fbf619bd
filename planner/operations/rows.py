"""Adding, changing and removing rows of any kind: the operations every table shares."""

from collections.abc import Sequence
from typing import Any, TypeVar

from planner.changes import ChangeSet, added, changed, removed
from planner.model import FunnelStage, Goal, R, Record, new_id, utc_now
from planner.model.nouns import noun
from planner.i18n import _, quote
from planner.model.validation import coerce, words as field_words

def quoted(text: str, limit: int = 40) -> str:
    """A title inside a label: in quotes, cut short with an ellipsis."""
    text = " ".join(text.split())
    return quote(text[:limit - 1] + "\u2026" if len(text) > limit else text)


def new(kind: type[R], **values: Any) -> R:
    """A new row of a kind: a fresh id, stamped now (the store stamps it
    again with the commit's time)."""
    now = utc_now()
    fields = {"id": new_id(), "created_at": now, "updated_at": now, **values}
    return kind(**{k: coerce(kind, k, v) for k, v in fields.items()})


def add(row: Record, label: str | None = None) -> ChangeSet:
    return ChangeSet(label or _("Add {what}").format(what=noun(type(row))), (added(row),))


def edit(row: R, label: str | None = None, **changes: Any) -> ChangeSet:
    """One row with some fields changed, as a person types them in a table
    (values are turned into the declared types; the store validates them)."""
    kind = type(row)
    after = row._replace(**{k: coerce(kind, k, v) for k, v in changes.items()})
    if after == row:
        return ChangeSet(label or _("Change"))
    fields = ", ".join(field_words(k) for k in changes)
    return ChangeSet(label or _("Change {fields}").format(fields=fields),
                     (changed(row, after),))


def remove(rows: Sequence[Record], label: str | None = None) -> ChangeSet:
    """Rows removed; whatever belongs to them goes with them and whatever
    names them forgets them (the store records both, so undo restores all)."""
    if not rows:
        return ChangeSet(label or _("Delete"))
    kind = type(rows[0])
    return ChangeSet(label or _("Delete {what}").format(what=noun(kind, len(rows))),
                     tuple(removed(r) for r in rows))


Ordered = TypeVar("Ordered", Goal, FunnelStage)  # rows with a place of their own


def reorder(rows: Sequence[Ordered], label: str) -> ChangeSet:
    """Rows given their places 0, 1, 2, ... in the order given; only rows
    whose place changes are touched."""
    out = []
    for place, row in enumerate(rows):
        if row.position != place:
            out.append(changed(row, row._replace(position=place)))
    return ChangeSet(label, tuple(out))


def moved(order: Sequence[str], moving: Sequence[str], before: str | None) -> list[str]:
    """`order` with the `moving` ids (kept in their order) put before the id
    `before` (None: at the end)."""
    chosen = set(moving)
    rest = [i for i in order if i not in chosen]
    block = [i for i in order if i in chosen]
    at = rest.index(before) if before in rest else len(rest)
    return rest[:at] + block + rest[at:]
