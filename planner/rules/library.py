"""The messaging library's and the reviews' rules: what `tandem check` and the
pages report about messages, hot buttons and reviews.

Plain Python over the records, tested without Qt.
"""

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from planner.i18n import N_, _, day, quote
from planner.model import (
    FieldRide, FunnelStage, HotButton, Message, ParkingTopic, Person, Review, ReviewLink)
from planner.model.reader import PlanReader
from planner.rules.findings import Finding
from planner.rules.signoff import SIDES, Side, has_signed, is_agreed, waiting_for

REVIEW_PARTS = ("what_happened", "what_we_learned", "what_we_change")
BLAMELESS = N_("reviews describe the system, not people")


def _quoted(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return quote(text[:limit - 1] + "\u2026" if len(text) > limit else text)


def approved_by_one_side(message: Message) -> Side | None:
    """The one side that approved the message's wording, when only one did."""
    signed = [side for side in SIDES if has_signed(message, side)]
    return signed[0] if len(signed) == 1 else None


def message_state(message: Message) -> str:
    """One phrase: approved, or whose approval it waits for."""
    waits = waiting_for(message)
    if not waits:
        return _("Approved")
    if len(waits) == 2:
        return _("Draft: waits for both sides")
    return (_("Waits for sales") if waits[0] == "sales" else _("Waits for marketing"))


def unanswered_hot_buttons(hot_buttons: Sequence[HotButton],
                           messages: Sequence[Message]) -> list[HotButton]:
    """Hot buttons heard on rides that no message answers yet."""
    ids = {m.id for m in messages}
    return [h for h in hot_buttons if h.message_id not in ids]


def message_findings(reader: PlanReader) -> list[Finding]:
    """Messages approved by one side only, hot buttons with no message yet,
    and funnel stages with no approved message."""
    messages = reader.rows(Message)
    found = []
    for message in messages:
        side = approved_by_one_side(message)
        if side is not None:
            other = "marketing" if side == "sales" else "sales"
            found.append(Finding("messaging", message.id,
                                 _("Message {customer_problem} is approved by {side} only; it waits for {other}.").format(customer_problem=_quoted(message.customer_problem), side=side, other=other)))
    rides = {r.id: r for r in reader.rows(FieldRide)}
    for hot in unanswered_hot_buttons(reader.rows(HotButton), messages):
        ride = rides.get(hot.field_ride_id)
        when = " " + _("on the field ride of {day}").format(day=day(ride.first_day)) \
            if ride else ""
        found.append(Finding("messaging", hot.id,
                             _("Hot button {words}, heard{when}, has no message yet: send it to "
                               "messaging from the ride's debrief.").format(words=_quoted(hot.words),
                                 when=when)))
    covered = {m.funnel_stage_id for m in messages if is_agreed(m)}
    for stage in reader.rows(FunnelStage):
        if stage.id not in covered:
            found.append(Finding("messaging", stage.id,
                                 _("Funnel stage “{name}” has no message approved by both sides.").format(name=stage.name)))
    return found


# -- reviews -------------------------------------------------------------------

@dataclass(frozen=True)
class NameIndex:
    """The plan's people, found in free text by full name or by a part of
    their name written as a name (capitalized, whole word, 3+ letters)."""

    people: tuple[Person, ...]
    _patterns: tuple[tuple[Person, re.Pattern[str]], ...] = field(default=(), compare=False)

    @classmethod
    def of(cls, people: Iterable[Person]) -> "NameIndex":
        pairs = []
        for person in people:
            parts = [p for p in re.split(r"[\s\-]+", person.name.strip()) if len(p) >= 3
                     and p[:1].isupper()]
            full = re.escape(" ".join(person.name.split()))
            alternatives = [f"(?i:{full})"] if full else []
            alternatives += [re.escape(p) for p in parts]
            if alternatives:
                pairs.append((person, re.compile(
                    r"(?<!\w)(?:" + "|".join(alternatives) + r")(?!\w)")))
        return cls(tuple(people), tuple(pairs))

    def named_in(self, text: str) -> list[Person]:
        return [person for person, pattern in self._patterns if pattern.search(text)]


def review_text(review: Review) -> str:
    return "\n".join(getattr(review, part) for part in REVIEW_PARTS)


def people_named(review: Review, names: NameIndex) -> list[Person]:
    """The people of the plan a review names, in the plan's order."""
    return names.named_in(review_text(review))


def blame_flag(review: Review, names: NameIndex) -> str | None:
    """The gentle flag on a review that names people (None: none, or the
    writer dismissed it)."""
    if review.blame_flag_dismissed:
        return None
    named = people_named(review, names)
    if not named:
        return None
    who = ", ".join(p.name for p in named[:3]) + (_(" and others") if len(named) > 3 else "")
    return _("This review names {who}: {blameless}.").format(who=who, blameless=_(BLAMELESS))


def review_findings(reader: PlanReader) -> list[Finding]:
    """Reviews that name people and were not dismissed; links to nothing."""
    names = NameIndex.of(reader.rows(Person))
    found = []
    for review in reader.rows(Review):
        flag = blame_flag(review, names)
        if flag:
            found.append(Finding("reviews", review.id,
                                 _("Review held on {value}: {flag}").format(value=day(review.held_on),
                                     flag=flag)))
    return found


def link_target(link: ReviewLink) -> str | None:
    return link.goal_id or link.funnel_stage_id or link.metric_id


def open_topics(topics: Sequence[ParkingTopic]) -> list[ParkingTopic]:
    return [t for t in topics if not t.done]


# -- the messaging page's list ---------------------------------------------------

SOURCES = ("ride", "review", "other")


def source_of(message: Message) -> str:
    """Where a message came from: a field ride, a review, or elsewhere."""
    if message.field_ride_id:
        return "ride"
    if message.review_id:
        return "review"
    return "other"


@dataclass(frozen=True)
class MessageFilter:
    text: str = ""
    approved: bool | None = None        # True: approved by both; False: not yet
    waiting_for: Side | None = None     # messages still waiting for this side
    stage_id: str | None = None         # "" : not placed in the funnel
    source: str | None = None           # one of SOURCES

    @property
    def active(self) -> bool:
        return self != MessageFilter()


def message_matches(message: Message, f: MessageFilter, names: dict[str, str]) -> bool:
    if f.approved is not None and is_agreed(message) != f.approved:
        return False
    if f.waiting_for is not None and f.waiting_for not in waiting_for(message):
        return False
    if f.stage_id is not None and (message.funnel_stage_id or "") != f.stage_id:
        return False
    if f.source is not None and source_of(message) != f.source:
        return False
    needle = f.text.strip().casefold()
    if needle:
        hay = "\n".join((message.customer_problem, message.value_message, message.proof_point,
                         message.segment, message.source,
                         names.get(message.owner_id or "", ""))).casefold()
        return needle in hay
    return True
