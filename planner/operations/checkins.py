"""Check-ins on a goal: recorded by the person at the keyboard, kept as history."""

import math
from datetime import date

from planner.changes import ChangeSet, added
from planner.i18n import _
from planner.errors import InvalidEdit
from planner.model import CheckIn, Goal
from planner.model.actor import Actor
from planner.operations.rows import new, quoted


def check_in(acting: Actor, goal: Goal, progress: float, confidence: int, note: str = "",
             *, in_percent: bool = True, on: date | None = None) -> tuple[ChangeSet, CheckIn]:
    """A check-in on a goal, in the name of the person acting (a guest's has
    no author but the change set's)."""
    if isinstance(progress, float) and not math.isfinite(progress):
        raise InvalidEdit(_("check-in progress: {value} is not a number of the goal's own.")
                          .format(value=progress))
    if in_percent and not 0 <= progress <= 100:
        raise InvalidEdit(_("check-in progress: {value}% is not between 0 and 100%.").format(
            value=f"{progress:g}"))
    row = new(CheckIn, goal_id=goal.id, checked_on=on or date.today(), progress=progress,
              confidence=confidence, in_percent=in_percent, note=note, author_id=acting.person_id)
    return ChangeSet(_("Check in on {title}").format(title=quoted(goal.title)), (added(row),)), row


def from_typed(acting: Actor, goal: Goal, progress: str, confidence: str, note: str = "",
               on: date | None = None) -> tuple[ChangeSet, CheckIn]:
    """A check-in as typed in a form: progress "40%" (a share of the way) or a
    plain number (the success measure's own, when it names a target; else a
    percentage), confidence a whole number from 1 to 10."""
    from planner.rules.checkins import measure_target

    text = progress.strip().replace("\u202f", "").replace(",", "")
    in_percent = text.endswith("%") or measure_target(goal.success_measure) is None
    try:
        value = float(text.removesuffix("%").strip())
    except ValueError:
        raise InvalidEdit(_("check-in progress: \u201c{value}\u201d is not a number (write 40% "
                            "or the success measure's own number).").format(
                                value=progress.strip()[:40])) from None
    if not math.isfinite(value) or value < 0:
        raise InvalidEdit(_("check-in progress: {value} is not a number of zero or more.")
                          .format(value=progress.strip()[:40]))
    try:
        sure = int(confidence.strip())
    except ValueError:
        raise InvalidEdit(_("check-in confidence: \u201c{value}\u201d is not a whole number "
                            "from 1 to 10.").format(value=confidence.strip()[:40])) from None
    if not 1 <= sure <= 10:
        raise InvalidEdit(_("check-in confidence: {value} is not from 1 to 10.").format(
            value=sure))
    return check_in(acting, goal, value, sure, note, in_percent=in_percent, on=on)


def progress_hint(goal: Goal) -> str:
    """What the progress field takes for this goal, in a few words."""
    from planner.rules.checkins import measure_target

    target = measure_target(goal.success_measure)
    return (_("a share of the way, e.g. 40%") if target is None
            else _("40%, or the measure's own number (target {target})").format(
                target=f"{target:,.10g}"))
