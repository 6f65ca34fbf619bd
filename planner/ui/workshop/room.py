"""The room, open beside the slides: its server, and the panel the room sees
(the address, its QR code and the join code; the cards written for this
slide, most dots first; the vote's clock)."""

from collections.abc import Callable

import segno
from PySide6.QtCore import QObject, QRectF, Signal
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter

from planner.changes import ChangeSet
from planner.model import Person
from planner.palette import ROOM
from planner.room.server import Address, RoomServer
from planner.room.state import SURVEY, Card, Room, Shown, part_labels
from planner.rules.library import NameIndex
from planner.ui.i18n import tr
from planner.ui.workshop.stage import INK, MUTED, WRAP

PANEL, RULE, ACCENT, WARN = (QColor(ROOM[k]) for k in ("panel", "field_rule", "sales", "warn"))
PANEL_SHARE = 0.3   # of the screen's width, on the right, while the room is open
CARDS_SHOWN = 6


class RoomControl(QObject):
    """One opening of the room. `changed` is emitted on the window's thread
    (queued from the server's) whenever anyone in the room does anything."""

    changed = Signal()

    def __init__(self, people: list[Person], host: str | None = None) -> None:
        super().__init__()
        self._names = NameIndex.of(people)
        self.room = Room(names_someone=lambda text: bool(self._names.named_in(text)))
        self.room.listen(self.changed.emit)  # from the server's thread: queued to ours
        self.server = RoomServer(self.room, host)
        self.address: Address = self.server.start()
        self.picked = 0
        self._taken: dict[str, ChangeSet] = {}  # card id: the change that took it in
        self.refused: list[str] = []  # why survey answers the last take-in refused

    @property
    def join_url(self) -> str:
        return f"{self.address.url}#code={self.room.code}"

    def show(self, shown: Shown) -> None:
        self.room.show(shown)

    def cards(self) -> list[Card]:
        """This slide's cards not yet taken into the plan, most dots first."""
        kind = self.room.shown.adds
        return [c for c in self.room.snapshot() if c.kind == kind and not c.moved]

    def picked_card(self) -> Card | None:
        cards = self.cards()
        return cards[min(self.picked, len(cards) - 1)] if cards else None

    def know_people(self, people: list[Person]) -> None:
        """The plan's people as they are now (a card that names one is flagged)."""
        self._names = NameIndex.of(people)

    def took(self, card_id: str, change: ChangeSet) -> None:
        """A card taken into the plan by this committed change: off the board."""
        self._taken[card_id] = change
        self.room.mark_moved(card_id)

    def follow(self, change: ChangeSet) -> bool:
        """A change committed: a card whose taking it undoes is back on the
        board (and off again when it is redone). True when one moved."""
        after = {(r.kind, r.id): r.after for r in change.rows}
        moved = False
        for card_id, taken in self._taken.items():
            if all(after.get((r.kind, r.id), r.after) == r.before for r in taken.rows):
                self.room.mark_moved(card_id, False)
                moved = True
            elif all(after.get((r.kind, r.id), r.before) == r.after for r in taken.rows):
                self.room.mark_moved(card_id, True)
                moved = True
        return moved

    def close(self) -> None:
        self.server.stop()


def _qr(painter: QPainter, text: str, box: QRectF) -> None:
    """The address as a QR code, black on white with its quiet zone."""
    code = segno.make(text, error="m")
    matrix = list(code.matrix)
    quiet = 2
    modules = len(matrix) + 2 * quiet
    side = min(box.width(), box.height())
    cell = side / modules
    painter.fillRect(QRectF(box.left(), box.top(), side, side), QColor("white"))
    ink = QColor("black")
    for y, row in enumerate(matrix):
        for x, dark in enumerate(row):
            if dark:
                painter.fillRect(QRectF(box.left() + (x + quiet) * cell,
                                        box.top() + (y + quiet) * cell, cell + 0.3, cell + 0.3),
                                 ink)


def paint_panel(painter: QPainter, control: RoomControl, width: float, height: float,
                base: int, text: Callable[..., float]) -> None:
    """The room's panel down the right of the screen. `text(box, words, px,
    colour, bold)` draws as the slide draws (its sizes, its overflow record)."""
    left = width * (1 - PANEL_SHARE)
    pad = base * 0.6
    inner = width * PANEL_SHARE - 2 * pad
    painter.fillRect(QRectF(left, 0, width - left, height), PANEL)
    painter.fillRect(QRectF(left, 0, 2, height), RULE)
    x, y = left + pad, pad
    room = control.room
    small = max(14, round(base * 0.7))
    qr = min(inner * 0.62, height * 0.26)
    _qr(painter, control.join_url, QRectF(x, y, qr, qr))
    code_x = x + qr + pad * 0.6
    text(QRectF(code_x, y, left + inner + pad - code_x, base), tr("Code"), small, MUTED)
    text(QRectF(code_x, y + small * 1.4, left + inner + pad - code_x, base * 1.8),
         room.code[:3] + "\u2009" + room.code[3:], round(base * 1.1), INK, True)
    people = room.participants()
    text(QRectF(code_x, y + small * 1.4 + base * 1.6, left + inner + pad - code_x, base * 2.4),
         (tr("1 person in the room") if people == 1 else
          tr("{count} in the room").format(count=people)), small, MUTED)
    y += qr + pad * 0.5
    y += text(QRectF(x, y, inner, base * 1.6), control.address.url, small, INK, True) + 4
    hint = (tr("Only this computer can join: it is on no network.")
            if control.address.local_only else
            tr("Can't reach it? Many company networks keep devices apart: open a phone "
               "hotspot and join it with this laptop and the phones."))
    y += text(QRectF(x, y, inner, height - y), hint, max(12, round(small * 0.85)), MUTED) + pad
    left_s = room.voting()
    if left_s:
        minutes, seconds = divmod(int(left_s), 60)
        y += text(QRectF(x, y, inner, base * 1.4), tr("Vote open: {clock} left").format(
            clock=f"{minutes}:{seconds:02d}"), small, WARN, True) + pad * 0.4
    kind = room.shown.adds
    if not kind:
        return
    if kind == SURVEY:
        _paint_survey(control, x, y, inner, height, pad, small, text)
        return
    if kind == "retro":
        labels = dict(part_labels(room.retro_format))
        y += text(QRectF(x, y, inner, base * 1.4), " / ".join(labels.values()), small,
                  MUTED) + pad * 0.3
    else:
        labels = {"sales": tr("From sales"), "marketing": tr("From marketing")}
    cards = control.cards()
    if not cards:
        text(QRectF(x, y, inner, height - y), tr("No cards yet: add one from your phone."),
             small, MUTED)
        return
    bottom = height - pad - small * 1.6  # a line kept for "and N more"
    chosen = min(control.picked, len(cards) - 1)

    def words_of(card: Card) -> str:
        return breakable(card.text if len(card.text) <= 160 else card.text[:159] + "\u2026")

    def tall(card: Card) -> float:
        return (6 + max(small * 1.3, _height(painter, words_of(card), inner, small))
                + small * 1.2 + pad * 0.5)

    # From the first card, unless the picked one would not fit: then from
    # the cards just before it, so that the card I takes in is on screen.
    first, room_left = 0, bottom - y
    heights = [tall(c) for c in cards[:chosen + 1]]
    if chosen >= CARDS_SHOWN or sum(heights) > room_left:
        first, used = chosen, heights[chosen]
        while (first > 0 and chosen - first + 1 < CARDS_SHOWN
               and used + heights[first - 1] <= room_left):
            first -= 1
            used += heights[first]
    drawn = 0
    for n, card in enumerate(cards[first:first + CARDS_SHOWN], start=first):
        words = words_of(card)
        head = " \u00b7 ".join(w for w in (labels.get(card.part, ""), card.author or
                                             tr("anonymous"), f"{card.dots} \u25cf") if w)
        if y + tall(card) > bottom and drawn:
            break
        picked = n == chosen
        top = y
        painter.fillRect(QRectF(x - 4, top, inner + 8, 2), ACCENT if picked else RULE)
        y += 6
        y += text(QRectF(x, y, inner, bottom - y), words, small, INK, picked)
        y += text(QRectF(x, y, inner, bottom - y), head, max(12, round(small * 0.8)),
                  WARN if card.names_someone else MUTED) + pad * 0.5
        if picked:
            painter.fillRect(QRectF(x - pad * 0.5, top, 4, y - top), ACCENT)
        drawn += 1
    if len(cards) > drawn:
        text(QRectF(x, y, inner, small * 1.6), tr("\u2026 and {count} more").format(
            count=len(cards) - drawn), small, MUTED)


def _paint_survey(control: RoomControl, x: float, y: float, inner: float, height: float,
                  pad: float, small: int, text: Callable[..., float]) -> None:
    """The survey's slide: how many answered in the room and who (never what
    they said), and what the last take-in refused."""
    names = control.room.survey_respondents()
    if control.room.survey is None:
        text(QRectF(x, y, inner, height - y), tr("The plan has no survey."), small, MUTED)
        return
    y += text(QRectF(x, y, inner, small * 3), (
        tr("1 answer in the room") if len(names) == 1 else
        tr("{count} answers in the room").format(count=len(names))), small, INK, True) + pad * 0.3
    if names:
        shown = ", ".join(names[-12:]) + (" …" if len(names) > 12 else "")
        y += text(QRectF(x, y, inner, height - y - small * 4), breakable(shown), small,
                  MUTED) + pad * 0.3
        y += text(QRectF(x, y, inner, small * 3), tr("I: take the answers into the plan"),
                  small, ACCENT, True) + pad * 0.3
    else:
        y += text(QRectF(x, y, inner, small * 3), tr("No answers yet: answer from your phone."),
                  small, MUTED) + pad * 0.3
    for why in control.refused[:3]:
        y += text(QRectF(x, y, inner, height - y), breakable(why), max(12, round(small * 0.8)),
                  WARN) + pad * 0.2


def breakable(text: str, longest: int = 16) -> str:
    """A word longer than `longest` characters given a place to break after
    every character (zero-width spaces; Qt wraps at the last one that fits),
    so that it wraps inside the panel instead of running off it."""
    return " ".join(word if len(word) <= longest else "\u200b".join(word)
                    for word in text.split(" "))


def _height(painter: QPainter, words: str, width: float, px: int) -> float:
    font = QFont(painter.font())
    font.setPixelSize(px)
    font.setBold(False)
    return float(QFontMetricsF(font).boundingRect(QRectF(0, 0, width, 1e6), WRAP, words)
                 .height())
