"""What a workshop adds while the plan is projected: parked topics, review notes."""

from datetime import date

from planner.changes import ChangeSet, added
from planner.model import ParkingTopic, Review
from planner.operations.rows import new, quoted


def park(topic: str) -> ChangeSet:
    """A topic set aside, to come back to."""
    return ChangeSet(f"Park {quoted(topic)}", (added(new(ParkingTopic, topic=topic)),))


def note_review(held_on: date, what_happened: str) -> ChangeSet:
    """What happened, as the room says it (no names, no blame)."""
    return ChangeSet("Add review note",
                     (added(new(Review, held_on=held_on, what_happened=what_happened)),))
