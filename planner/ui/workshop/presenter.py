"""The presenter's view: on the facilitator's own screen while the slides
are on the projector. The current slide and the next, the notes for this
slide (what is on it in full, and the keys that work on it), the agenda
clock and where the workshop is. Every key typed here drives the workshop.
"""

from PySide6.QtCore import QRectF, Qt, QTimer
from PySide6.QtGui import QFont, QKeyEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import QWidget

from planner.outline.slides import Slide
from planner.room.shown import slide_lines
from planner.ui.i18n import tr
from planner.ui.workshop.stage import BACKGROUND, INK, MUTED, Stage
from planner.ui.workshop.view import WorkshopView


def notes(slide: Slide) -> list[str]:
    """What the presenter reads about a slide: its facts and rows in full."""
    return slide_lines(slide)


class PresenterView(QWidget):
    """Current and next slide, notes and clock; keys go to the workshop."""

    def __init__(self, workshop: WorkshopView) -> None:
        super().__init__()
        self.setObjectName("presenter")
        self.setWindowTitle(tr("Tandem workshop: presenter"))
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.workshop = workshop
        self.current_title = ""
        self.next_title = ""
        workshop.slide_shown.connect(self.update)
        self._tick = QTimer(self, interval=1000)
        self._tick.timeout.connect(self.update)
        self._tick.start()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        self.workshop.keyPressEvent(event)  # the laptop's keyboard drives the room

    def focusNextPrevChild(self, next: bool) -> bool:  # noqa: A002, N802 (Qt's names)
        return False  # Tab picks items on the slide, as in the room

    def _preview(self, painter: QPainter, slide: Slide, box: QRectF) -> None:
        """A slide drawn as the room sees it, scaled into `box`."""
        w, h = self.workshop.width() or 1920, self.workshop.height() or 1080
        scale = min(box.width() / w, box.height() / h)
        painter.save()
        painter.translate(box.left(), box.top())
        painter.scale(scale, scale)
        painter.setClipRect(QRectF(0, 0, w, h))
        Stage(w, h, QFont(self.workshop.font()), painter, self.workshop.picked,
              footer=("", "")).lay_out(slide)
        painter.restore()
        painter.setPen(MUTED)
        painter.drawRect(QRectF(box.left(), box.top(), w * scale, h * scale))

    def paintEvent(self, event: QPaintEvent) -> None:
        slides, index = self.workshop.slides, self.workshop.index
        current = slides[index]
        following = slides[index + 1] if index + 1 < len(slides) else None
        self.current_title = current.title
        self.next_title = following.title if following else ""
        painter = QPainter(self)
        painter.fillRect(self.rect(), BACKGROUND)
        margin = 24.0
        half = (self.width() - 3 * margin) / 2
        big = QRectF(margin, margin, half * 1.2, half * 1.2 * 9 / 16)
        small = QRectF(big.right() + margin, margin, self.width() - big.right() - 2 * margin,
                       (self.width() - big.right() - 2 * margin) * 9 / 16)
        self._preview(painter, current, big)
        if following is not None:
            self._preview(painter, following, small)
        font = QFont(self.font())
        font.setPixelSize(20)
        painter.setFont(font)
        painter.setPen(MUTED)
        painter.drawText(QRectF(small.left(), small.bottom() + 8, small.width(), 30),
                         tr("Next: {title}").format(title=self.next_title) if following
                         else tr("The last slide"))
        font.setPixelSize(48)
        font.setBold(True)
        painter.setFont(font)
        painter.setPen(INK)
        painter.drawText(QRectF(small.left(), small.bottom() + 50, small.width(), 60),
                         self.workshop.agenda_clock())
        font.setPixelSize(20)
        font.setBold(False)
        painter.setFont(font)
        painter.setPen(MUTED)
        painter.drawText(QRectF(small.left(), small.bottom() + 115, small.width(), 30),
                         tr("Slide {n} of {count}").format(n=index + 1, count=len(slides)))
        painter.setPen(INK)
        notes_box = QRectF(margin, big.bottom() + margin, self.width() - 2 * margin,
                           self.height() - big.bottom() - 2 * margin)
        painter.drawText(notes_box, int(Qt.TextFlag.TextWordWrap), "\n".join(notes(current)))
        painter.end()
