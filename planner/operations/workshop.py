"""What a workshop adds while the plan is projected: parked topics, review notes."""

from datetime import date

from planner.i18n import _
from planner.changes import ChangeSet, added, changed
from planner.model import ParkingTopic, Review
from planner.model.enums import Team
from planner.model.reader import PlanReader
from planner.model.validation import SHORT_TEXT_MAX
from planner.operations.rows import new, quoted


def park(topic: str) -> ChangeSet:
    """A topic set aside, to come back to."""
    return ChangeSet(_("Park {topic}").format(topic=quoted(topic)), (added(new(ParkingTopic, topic=topic)),))


def note_review(held_on: date, what_happened: str) -> ChangeSet:
    """What happened, as the room says it (no names, no blame)."""
    return ChangeSet(_("Add review note"),
                     (added(new(Review, held_on=held_on, what_happened=what_happened)),))


def close_topic(topic: ParkingTopic, done: bool = True) -> ChangeSet:
    """A parked topic closed (or opened again)."""
    if topic.done == done:
        return ChangeSet(_("Close topic"))
    return ChangeSet((_("Close parked topic {topic}") if done else
                      _("Reopen parked topic {topic}")).format(topic=quoted(topic.topic)),
                     (changed(topic, topic._replace(done=done)),))


def topic_to_goal(reader: PlanReader, topic: ParkingTopic, side: Team) -> ChangeSet:
    """The parked topic becomes a goal proposed by one side, and is closed:
    one step, undone as one."""
    from planner.operations.goals import add_goal

    title = " ".join(topic.topic.split())[:SHORT_TEXT_MAX]
    goal_change, _goal = add_goal(reader, title, side)
    return ChangeSet(_("Turn parked topic {topic} into a goal").format(topic=quoted(topic.topic)),
                     goal_change.rows + (changed(topic, topic._replace(done=True)),))
