"""The workshop room: who has joined, what they wrote, how they voted.

Held in memory only, for one opening of the room, and shared by the web
server's thread and the window's: every method takes the room's lock. Nothing
here is written to the plan; the facilitator moves a card in (an operation).
The address a request came from is used to lock out wrong join codes and is
never stored beside a participant, shown or served.
"""

import secrets
import threading
import time
import unicodedata
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from planner.i18n import _, pgettext
from planner.model import Person
from planner.operations.room import PART_LABEL, RETRO_CONTEXT
from planner.rules.survey import Refused, check_answers

# Letters and digits that cannot be misread for one another (no 0/O, 1/I/L).
CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
CODE_LENGTH = 6
WRONG_CODES_ALLOWED = 5        # then that address is locked out of this room
NAME_MAX = 40
CARD_MAX = 500                 # characters on a card
PARTICIPANTS_MAX = 300
CARDS_MAX = 3_000              # in one room; each participant at most CARDS_EACH
CARDS_EACH = 60
# Each participant's requests, from two buckets: what they write (a bucket of
# 20, refilled 2 a second) and what they read (the page asks again after every
# change, at most 4 a second: 60, refilled 10 a second).
BURST, PER_SECOND = 20, 2.0
READS_BURST, READS_PER_SECOND = 60, 10.0
VOTES_EACH = 3

# What a participant may add, by the kind of slide on the screen.
HOT_BUTTON, PROPOSAL, TOPIC, RETRO = "hot_button", "proposal", "topic", "retro"
SURVEY = "survey"  # the network survey's slide: answered, not carded
# Each retrospective format's parts, in order; each goes into one of the
# review's parts, its label as the review is written (`operations.room`).
FORMATS: dict[str, tuple[tuple[str, str], ...]] = {
    key: tuple((part, PART_LABEL[part]) for part in parts)
    for key, parts in (("ssc", ("start", "stop", "continue")),
                       ("4l", ("liked", "learned", "lacked", "longed")))}


def part_labels(format_key: str) -> tuple[tuple[str, str], ...]:
    """A retrospective format's parts, each with its label in the language spoken."""
    return tuple((key, pgettext(RETRO_CONTEXT, label)) for key, label in FORMATS[format_key])
SIDES = ("sales", "marketing")


class RoomRefusal(Exception):
    """A request the room turns down, with the sentence the participant sees
    and the HTTP status it goes with."""

    def __init__(self, status: int, sentence: str) -> None:
        super().__init__(sentence)
        self.status = status
        self.sentence = sentence


def new_code() -> str:
    return "".join(secrets.choice(CODE_ALPHABET) for _n in range(CODE_LENGTH))


def clean_text(value: Any, limit: int, what: str, required: bool = True) -> str:
    """Text as a participant typed it, bounded: control characters dropped,
    runs of spaces and line breaks made one space, at most `limit` long."""
    if not isinstance(value, str):
        if value is None and not required:
            return ""
        raise RoomRefusal(400, _("The {what} must be text.").format(what=what))
    kept = "".join(" " if ch in "\t\r\n" else ch for ch in value
                   if ch in "\t\r\n" or unicodedata.category(ch)[0] != "C"
                   or ch == "\u200d")  # the joiner inside an emoji stays
    text = " ".join(kept.split())
    if not text and required:
        raise RoomRefusal(400, _("The {what} is empty.").format(what=what))
    if len(text) > limit:
        raise RoomRefusal(413, _("The {what} is {count} characters long; at most {limit} fit.")
                          .format(what=what, count=len(text), limit=limit))
    return text


@dataclass
class Participant:
    number: int                # for the room's own counting; never served to others
    name: str                  # "" when anonymous
    side: str                  # "sales", "marketing" or ""
    tokens: float = BURST
    reads: float = READS_BURST
    refilled: float = 0.0     # the room's clock when the buckets were last filled
    cards: int = 0


@dataclass
class Card:
    id: str
    kind: str                  # HOT_BUTTON, PROPOSAL, TOPIC or RETRO
    text: str
    part: str = ""             # a retro card's part ("stop"), a proposal's side ("sales")
    author: str = ""           # the name given, "" when anonymous (never a device)
    by: int = 0                # the participant's number (to show them their own cards)
    votes: dict[int, int] = field(default_factory=dict)  # participant number: dots
    moved: bool = False        # taken into the plan by the facilitator
    names_someone: bool = False  # a retro card that names people of the plan

    @property
    def dots(self) -> int:
        return sum(self.votes.values())


@dataclass(frozen=True)
class RoomSurvey:
    """The plan's network survey as the room may answer it: a snapshot the
    window hands over (the server's thread never reads the plan)."""

    survey_id: str
    questions: tuple[str, ...]
    people: Mapping[str, Person]        # of the two teams, not left: who may answer
    answered: frozenset[str]            # person ids whose answers the plan holds
    often: tuple[tuple[int, str], ...]  # how often: its number and words


@dataclass
class RoomAnswer:
    person_id: str             # who answered (as they said: the room knows no more)
    by: int                    # the participant's number
    answers: list[list[Any]]   # [question, person, how often], checked


@dataclass(frozen=True)
class Shown:
    """What is on the room's screen, as the page shows it (text only)."""

    title: str = ""
    lines: tuple[str, ...] = ()
    adds: str = ""             # the card kind this slide takes ("" for none)
    goal_key: str = ""         # a goal's slide: the room may say how sure it is


class Room:
    """One opening of the room: a fresh join code, nobody in yet."""

    def __init__(self, names_someone: Callable[[str], bool] = lambda text: False,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.code = new_code()
        self._lock = threading.Lock()
        self._clock = clock
        self._names_someone = names_someone
        self._participants: dict[str, Participant] = {}   # token: participant
        self._wrong: dict[str, int] = {}                  # address: wrong codes tried
        self._joined = 0
        self.cards: list[Card] = []
        self.shown = Shown()
        self.retro_format = "ssc"
        self.cards_open = True
        self.vote_ends = 0.0        # the clock's time the vote closes (0: no vote)
        self.votes_each = VOTES_EACH
        self.confidence: dict[str, dict[int, int]] = {}   # goal key: participant: 1-10
        self.survey: RoomSurvey | None = None
        self.survey_answers: dict[str, RoomAnswer] = {}   # person id: answers given here
        self.survey_version = 0     # the survey or its answers changed (the page reads again)
        self.version = 0
        self._snapshot: tuple[int, tuple[Card, ...]] = (-1, ())
        self.closed = False
        self._listeners: list[Callable[[], None]] = []

    # -- the facilitator's side (the window) ---------------------------------

    def listen(self, callback: Callable[[], None]) -> None:
        """Called (on the server's thread) after every change to the room."""
        self._listeners.append(callback)

    def _changed(self) -> None:
        self.version += 1
        for callback in self._listeners:
            callback()

    def show(self, shown: Shown) -> None:
        with self._lock:
            if shown == self.shown:
                return
            self.shown = shown
            self._changed()

    def set_format(self, key: str) -> None:
        with self._lock:
            if key not in FORMATS:
                raise ValueError(key)
            self.retro_format = key
            self._changed()

    def start_vote(self, seconds: float, votes_each: int = VOTES_EACH) -> None:
        """Dot-voting open for `seconds`, each participant's dots fresh."""
        with self._lock:
            for card in self.cards:
                card.votes.clear()
            self.votes_each = max(1, votes_each)
            self.vote_ends = self._clock() + max(1.0, seconds)
            self._changed()

    def stop_vote(self) -> None:
        with self._lock:
            self.vote_ends = 0.0
            self._changed()

    def voting(self) -> float:
        """Seconds left in the vote (0: none open)."""
        return max(0.0, self.vote_ends - self._clock()) if self.vote_ends else 0.0

    def mark_moved(self, card_id: str, moved: bool = True) -> None:
        """The card taken into the plan (off the board), or back on the board
        (its change undone)."""
        with self._lock:
            for card in self.cards:
                if card.id == card_id:
                    card.moved = moved
            self._changed()

    def close(self) -> None:
        with self._lock:
            self.closed = True
            self._participants.clear()
            self._changed()

    def snapshot(self) -> list[Card]:
        """The cards, most dots first then oldest first (copies; made once per
        change of the room, however often the screen is painted)."""
        with self._lock:
            if self._snapshot[0] != self.version:
                cards = [Card(c.id, c.kind, c.text, c.part, c.author, c.by, dict(c.votes),
                              c.moved, c.names_someone) for c in self.cards]
                order = {c.id: n for n, c in enumerate(cards)}
                self._snapshot = (self.version, tuple(sorted(
                    cards, key=lambda c: (-c.dots, order[c.id]))))
            return list(self._snapshot[1])

    def participants(self) -> int:
        with self._lock:
            return len(self._participants)

    def confidence_of(self, goal_key: str) -> list[int]:
        with self._lock:
            return sorted(self.confidence.get(goal_key, {}).values())

    def offer_survey(self, survey: RoomSurvey | None) -> None:
        """The survey the room may answer (None: none), as the plan holds it
        now: answers given here for someone the plan has answers of, or who
        is no longer asked, are dropped; another survey drops them all."""
        with self._lock:
            if survey is None or self.survey is None or survey.survey_id != self.survey.survey_id:
                self.survey_answers.clear()
            if survey is not None:
                self.survey_answers = {p: a for p, a in self.survey_answers.items()
                                       if p in survey.people and p not in survey.answered}
            self.survey = survey
            self.survey_version += 1
            self._changed()

    def survey_given(self) -> list[tuple[str, list[list[Any]]]]:
        """The answers given in the room and not yet taken in: (person id, answers)."""
        with self._lock:
            return [(a.person_id, [list(x) for x in a.answers])
                    for a in self.survey_answers.values()]

    def survey_taken(self, person_ids: list[str]) -> None:
        """These answers are in the plan now (or were refused): off the room."""
        with self._lock:
            for person_id in person_ids:
                self.survey_answers.pop(person_id, None)
            if self.survey is not None:
                taken = self.survey.answered | {p for p in person_ids if p in self.survey.people}
                self.survey = RoomSurvey(self.survey.survey_id, self.survey.questions,
                                         self.survey.people, frozenset(taken), self.survey.often)
            self.survey_version += 1
            self._changed()

    def survey_respondents(self) -> list[str]:
        """The names of those who answered in the room, in the order they did."""
        with self._lock:
            people = self.survey.people if self.survey is not None else {}
            return [people[p].name for p in self.survey_answers if p in people]

    # -- the participants' side (the web server's thread) ---------------------

    def join(self, address: str, code: Any, name: Any, side: Any) -> str:
        """A token for a participant who gave the right code; wrong codes from
        one address lock it out of this room after a few."""
        with self._lock:
            if self.closed:
                raise RoomRefusal(410, _("This room has closed."))
            if self._wrong.get(address, 0) >= WRONG_CODES_ALLOWED:
                raise RoomRefusal(429, _("Too many wrong codes: this device is locked out of the room. Ask the "
                                         "facilitator to open it again."))
            typed = "".join(str(code).split()).upper() if isinstance(code, str) else ""
            if not secrets.compare_digest(typed.encode(), self.code.encode()):
                self._wrong[address] = self._wrong.get(address, 0) + 1
                left = WRONG_CODES_ALLOWED - self._wrong[address]
                raise RoomRefusal(403, _("That is not this room's code ({left} tries left).")
                                  .format(left=left) if left else
                                  _("That is not this room's code, and this device is now "
                                    "locked out of the room."))
            if len(self._participants) >= PARTICIPANTS_MAX:
                raise RoomRefusal(503, _("The room is full ({count} people).").format(
                    count=PARTICIPANTS_MAX))
            given = clean_text(name, NAME_MAX, _("name"), required=False)
            chosen = side if side in SIDES else ""
            token = secrets.token_urlsafe(24)
            self._joined += 1
            self._participants[token] = Participant(self._joined, given, chosen,
                                                    refilled=self._clock())
            self._changed()
            return token

    def _who(self, token: Any, reading: bool = False) -> Participant:
        """The participant a token belongs to, their request counted against
        their bucket (caller holds the lock)."""
        if self.closed:
            raise RoomRefusal(410, _("This room has closed."))
        who = self._participants.get(token) if isinstance(token, str) else None
        if who is None:
            raise RoomRefusal(401, _("Join the room first (the code on the screen)."))
        now = self._clock()
        passed = max(0.0, now - who.refilled)
        who.tokens = min(BURST, who.tokens + passed * PER_SECOND)
        who.reads = min(READS_BURST, who.reads + passed * READS_PER_SECOND)
        who.refilled = now
        if (who.reads if reading else who.tokens) < 1:
            raise RoomRefusal(429, _("Slow down a little: too many requests."))
        if reading:
            who.reads -= 1
        else:
            who.tokens -= 1
        return who

    def check(self, token: Any) -> Participant:
        """A participant about to read the room (counted as a read)."""
        with self._lock:
            return self._who(token, reading=True)

    def add_card(self, token: Any, text: Any, part: Any = "") -> Card:
        with self._lock:
            who = self._who(token)
            kind = self.shown.adds
            if not kind or kind == SURVEY or not self.cards_open:
                raise RoomRefusal(409, _("This slide takes no cards."))
            if who.cards >= CARDS_EACH:
                raise RoomRefusal(429, _("You have added {count} cards, the most one person "
                                         "can.").format(count=CARDS_EACH))
            if len(self.cards) >= CARDS_MAX:
                raise RoomRefusal(503, _("The room holds {count} cards, as many as it can.")
                                  .format(count=CARDS_MAX))
            written = clean_text(text, CARD_MAX, _("card"))
            if kind == RETRO:
                parts = dict(part_labels(self.retro_format))
                if part not in parts:
                    raise RoomRefusal(400, _("Choose one of: {parts}.").format(
                        parts=", ".join(parts.values())))
            elif kind == PROPOSAL:
                part = part if part in SIDES else (who.side or "sales")
            else:
                part = ""
            card = Card(secrets.token_hex(8), kind, written, str(part), who.name, who.number,
                        names_someone=kind == RETRO and self._names_someone(written))
            self.cards.append(card)
            who.cards += 1
            self._changed()
            return card

    def vote(self, token: Any, card_id: Any, up: bool) -> int:
        """A dot put on a card (or taken back); returns the dots left."""
        with self._lock:
            who = self._who(token)
            if not self.vote_ends or self._clock() >= self.vote_ends:
                raise RoomRefusal(409, _("No vote is open."))
            card = next((c for c in self.cards if c.id == card_id and not c.moved), None)
            if card is None:
                raise RoomRefusal(404, _("That card is no longer on the board."))
            used = sum(c.votes.get(who.number, 0) for c in self.cards)
            mine = card.votes.get(who.number, 0)
            if up:
                if used >= self.votes_each:
                    raise RoomRefusal(409, _("You have used all {count} of your dots.").format(
                        count=self.votes_each))
                card.votes[who.number] = mine + 1
                used += 1
            elif mine:
                card.votes[who.number] = mine - 1
                used -= 1
            self._changed()
            return self.votes_each - used

    def say_confidence(self, token: Any, value: Any) -> None:
        with self._lock:
            self._who(token)
            goal = self.shown.goal_key
            if not goal:
                raise RoomRefusal(409, _("This slide is not a goal's."))
            if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 10:
                raise RoomRefusal(400, _("Confidence is a whole number from 1 to 10."))
            self.confidence.setdefault(goal, {})[self._participants[token].number] = value
            self._changed()

    def _asked(self) -> RoomSurvey:
        if self.shown.adds != SURVEY or self.survey is None:
            raise RoomRefusal(409, _("This slide asks no survey."))
        return self.survey

    def survey_for(self, token: Any, with_people: bool) -> dict[str, Any]:
        """The survey as a participant's page needs it: its questions, the
        words for how often, who has answered (never what), what they gave
        themselves; with the people to choose from when asked (once a survey:
        thousands of names are not sent at every change)."""
        with self._lock:
            who = self._who(token, reading=True)
            survey = self._asked()
            mine = next((a for a in self.survey_answers.values() if a.by == who.number), None)
            out: dict[str, Any] = {
                "id": survey.survey_id, "version": self.survey_version,
                "questions": list(survey.questions), "often": [list(o) for o in survey.often],
                "answered": sorted(survey.answered | {p for p, a in self.survey_answers.items()
                                                      if a.by != who.number}),
                "mine": {"person": mine.person_id, "answers": mine.answers} if mine else None,
            }
            if with_people:
                out["people"] = [[p.id, p.name, p.team.value] for p in sorted(
                    survey.people.values(), key=lambda p: (p.name.casefold(), p.id))]
            return out

    def answer_survey(self, token: Any, person_id: Any, given: Any) -> None:
        """A participant's answers, as the person of the plan they say they
        are: once a person (a second device claiming them is refused, and
        told to speak to the facilitator), one person a participant; given
        again by the same participant, they replace the first until taken in.
        Checked as an answer file is (`rules.survey.check_answers`)."""
        with self._lock:
            who = self._who(token)
            survey = self._asked()
            person = survey.people.get(person_id) if isinstance(person_id, str) else None
            if person is None:
                raise RoomRefusal(400, _("Choose yourself from the plan's people first."))
            if person_id in survey.answered:
                raise RoomRefusal(409, _("{name} has answered this survey already.").format(
                    name=person.name))
            theirs = self.survey_answers.get(person_id)
            if theirs is not None and theirs.by != who.number:
                raise RoomRefusal(409, _("Someone in the room has answered as {name} already; "
                                         "if that was not you, tell the facilitator.").format(
                                             name=person.name))
            other = next((a for a in self.survey_answers.values()
                          if a.by == who.number and a.person_id != person_id), None)
            if other is not None:
                raise RoomRefusal(409, _("You have answered as {name} already.").format(
                    name=survey.people[other.person_id].name))
            try:
                checked = check_answers(person.name, len(survey.questions), person,
                                        survey.people, given)
            except Refused as why:
                raise RoomRefusal(400, str(why)) from None
            self.survey_answers[person_id] = RoomAnswer(person_id, who.number, checked)
            self.survey_version += 1
            self._changed()

    def state_for(self, token: Any) -> dict[str, Any]:
        """What one participant's page shows: the slide, the cards (names of
        those who gave one, never anything about a device), their own dots."""
        with self._lock:
            who = self._participants.get(token) if isinstance(token, str) else None
            if who is None or self.closed:  # else the read was counted by check()
                who = self._who(token, reading=True)
            shown = self.shown
            left = max(0.0, self.vote_ends - self._clock()) if self.vote_ends else 0.0
            used = sum(c.votes.get(who.number, 0) for c in self.cards)
            cards = [{"id": c.id, "kind": c.kind, "text": c.text, "part": c.part,
                      "author": c.author, "mine": c.by == who.number, "dots": c.dots,
                      "my_dots": c.votes.get(who.number, 0), "names_someone": c.names_someone}
                     for c in self.cards if not c.moved and c.kind == shown.adds]
            mine_said = self.confidence.get(shown.goal_key, {}).get(who.number)
            return {
                "version": self.version, "title": shown.title, "lines": list(shown.lines),
                "adds": shown.adds if self.cards_open else "",
                "parts": [list(p) for p in part_labels(self.retro_format)]
                if shown.adds == RETRO else [],
                "goal": bool(shown.goal_key), "my_confidence": mine_said,
                "vote_seconds": round(left), "dots_left": self.votes_each - used if left else 0,
                "cards": cards, "name": who.name, "side": who.side,
                "survey": self.survey_version if shown.adds == SURVEY and self.survey else 0,
            }
