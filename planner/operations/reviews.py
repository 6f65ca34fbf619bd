"""Reviews without blame: what happened, what we learned, what we change;
what a review is about (goals, funnel stages, metrics); its action items."""

from collections.abc import Iterable
from datetime import date
from typing import Any

from planner.i18n import _, day
from planner.changes import ChangeSet, added, changed, removed
from planner.model import FunnelStage, Goal, Metric, Person, Review, ReviewAction, ReviewLink
from planner.model.reader import PlanReader
from planner.model.validation import coerce
from planner.operations.rows import new, quoted
from planner.rules.library import REVIEW_PARTS, NameIndex, people_named

TARGETS: dict[type[Any], str] = {Goal: "goal_id", FunnelStage: "funnel_stage_id",
                                 Metric: "metric_id"}


def add_review(held_on: date, what_happened: str = "", what_we_learned: str = "",
               what_we_change: str = "") -> tuple[ChangeSet, Review]:
    review = new(Review, held_on=held_on, what_happened=what_happened,
                 what_we_learned=what_we_learned, what_we_change=what_we_change)
    return ChangeSet(_("Add review held on {value}").format(value=day(held_on)), (added(review),)), review


def write_review(reader: PlanReader, review: Review, label: str | None = None,
                 **parts: Any) -> ChangeSet:
    """New words (or a new date) for a review. A dismissed blameless flag
    stays dismissed unless the new words name someone they did not name."""
    allowed = {*REVIEW_PARTS, "held_on"}
    if set(parts) - allowed:
        raise ValueError(f"a review has no {sorted(set(parts) - allowed)}")
    after = review._replace(**{k: coerce(Review, k, v) for k, v in parts.items()})
    if after.blame_flag_dismissed:
        names = NameIndex.of(reader.rows(Person))
        if {p.id for p in people_named(after, names)} - {p.id for p in people_named(review,
                                                                                   names)}:
            after = after._replace(blame_flag_dismissed=False)
    if after == review:
        return ChangeSet(label or _("Change review"))
    return ChangeSet(label or _("Change review held on {value}").format(
        value=day(review.held_on)),
                     (changed(review, after),))


def dismiss_blame_flag(review: Review) -> ChangeSet:
    """The writer read the flag and keeps the wording."""
    return ChangeSet(_("Keep the review's wording (names are intended)"),
                     (changed(review, review._replace(blame_flag_dismissed=True)),))


def link(reader: PlanReader, review: Review, kind: type[Any], ids: Iterable[str]) -> ChangeSet:
    """The review about exactly these goals (or funnel stages, or metrics)."""
    column = TARGETS[kind]
    wanted = set(ids)
    mine = {getattr(r, column): r for r in reader.rows(ReviewLink)
            if r.review_id == review.id and getattr(r, column) is not None}
    rows = [added(new(ReviewLink, review_id=review.id, **{column: target}))
            for target in sorted(wanted - set(mine))]
    rows += [removed(mine[target]) for target in sorted(set(mine) - wanted)]
    what = {Goal: "goals", FunnelStage: "funnel stages", Metric: "metrics"}[kind]
    return ChangeSet(_("Link review of {value} to {wanted} {what}").format(value=review.held_on.isoformat(),
                         wanted=len(wanted), what=what),
                     tuple(rows))


def add_action(review: Review, action: str, owner_id: str | None = None,
               due_date: date | None = None) -> tuple[ChangeSet, ReviewAction]:
    row = new(ReviewAction, review_id=review.id, action=action, owner_id=owner_id,
              due_date=due_date)
    return ChangeSet(_("Add action {action}").format(action=quoted(action)), (added(row),)), row


def set_done(action: ReviewAction, done: bool = True) -> ChangeSet:
    verb = "Mark done" if done else "Reopen"
    return ChangeSet(_("{verb}: {action}").format(verb=verb, action=quoted(action.action)),
                     (changed(action, action._replace(done=done)),) if action.done != done
                     else ())
