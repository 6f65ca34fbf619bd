"""A card the room wrote, taken into the plan by the facilitator: one change
set, undone as one. Anonymous cards carry no name into the plan; a named
one says who heard it where the plan has room for that (a message's source).
Sign-off and approval stay with the heads: a proposal comes in proposed, a
hot button as a draft message.
"""

import statistics
from datetime import date

from planner.changes import ChangeSet, added, changed
from planner.errors import InvalidEdit
from planner.i18n import NC_, _, pgettext
from planner.model import Goal, Review
from planner.model.actor import Actor
from planner.model.enums import Team
from planner.model.reader import PlanReader
from planner.model.validation import LONG_TEXT_MAX, SHORT_TEXT_MAX
from planner.operations.checkins import check_in
from planner.operations.goals import add_goal
from planner.operations.messages import add_message
from planner.operations.rows import new, quoted
from planner.operations.workshop import park
from planner.rules.checkins import history_of

# A retro card's part, and the review's part it is written into.
REVIEW_PART = {
    "start": "what_we_change", "stop": "what_we_change", "continue": "what_we_learned",
    "liked": "what_happened", "learned": "what_we_learned", "lacked": "what_happened",
    "longed": "what_we_change",
}
# The parts' words, written into the review and shown on the room's page
# (`room.state.FORMATS`), in the language spoken (by `pgettext` in this context).
RETRO_CONTEXT = "retrospective card"
PART_LABEL = {"start": NC_("retrospective card", "Start"),
              "stop": NC_("retrospective card", "Stop"),
              "continue": NC_("retrospective card", "Continue"),
              "liked": NC_("retrospective card", "Liked"),
              "learned": NC_("retrospective card", "Learned"),
              "lacked": NC_("retrospective card", "Lacked"),
              "longed": NC_("retrospective card", "Longed for")}


def _short(text: str) -> str:
    one = " ".join(text.split())
    return one if len(one) <= SHORT_TEXT_MAX else one[:SHORT_TEXT_MAX - 1] + "\u2026"


def hot_button(text: str, author: str = "") -> ChangeSet:
    """A hot button heard from customers, as a draft message of the library."""
    source = (_("Heard by {name} (workshop room)").format(name=author) if author
              else _("Workshop room"))
    change, _message = add_message(_short(text), source=_short(source))
    return ChangeSet(_("Add hot button {text} from the room").format(text=quoted(text)),
                     change.rows)


def proposal(reader: PlanReader, text: str, side: str) -> ChangeSet:
    """A proposal from the room, into the goals as proposed by its side."""
    team = Team.MARKETING if side == "marketing" else Team.SALES
    change, _goal = add_goal(reader, _short(text), team, label_text=_(
        "Add proposal {text} from the room").format(text=quoted(text)))
    return change


def topic(text: str) -> ChangeSet:
    return ChangeSet(_("Park {topic} from the room").format(topic=quoted(text)),
                     park(_short(text)).rows)


def retro_card(reader: PlanReader, text: str, part: str, today: date) -> ChangeSet:
    """A retrospective card written into today's review (a new review held
    today when there is none), under the part it belongs to."""
    field = REVIEW_PART.get(part)
    if field is None:
        raise ValueError(part)
    line = f"{pgettext(RETRO_CONTEXT, PART_LABEL[part])}: {' '.join(text.split())}"
    held = [r for r in reader.rows(Review) if r.held_on == today]
    label = _("Add the room's card {text} to the review").format(text=quoted(text))
    if not held:
        review = new(Review, held_on=today, **{field: line[:LONG_TEXT_MAX]})
        return ChangeSet(label, (added(review),))
    review = held[-1]
    before = getattr(review, field)
    words = (before + "\n" + line) if before else line
    if len(words) > LONG_TEXT_MAX:
        raise InvalidEdit(_("The review's {part} is full ({limit} characters).").format(
            part=field.replace("_", " "), limit=LONG_TEXT_MAX))
    after: Review = review._replace(**{field: words})  # type: ignore[arg-type]
    return ChangeSet(label, (changed(review, after),))


def confidence(reader: PlanReader, acting: Actor, goal: Goal, said: list[int],
               on: date) -> ChangeSet:
    """The room's confidence vote recorded as the goal's check-in by the
    facilitator: the median of what was said (the count and range in the
    note), the progress kept from the goal's latest check-in."""
    if not said:
        return ChangeSet(_("Record the room's confidence"))
    ordered = sorted(said)
    middle = round(statistics.median(ordered))
    note = _("The room's vote: median {median} of {count} (from {low} to {high}).").format(
        median=middle, count=len(ordered), low=ordered[0], high=ordered[-1])
    history = history_of(reader, goal.id)
    last = history[-1] if history else None
    change, _row = check_in(acting, goal, last.progress if last else 0.0, int(middle), note,
                            in_percent=last.in_percent if last else True, on=on)
    return ChangeSet(_("Record the room's confidence in {title}").format(
        title=quoted(goal.title)), change.rows)
