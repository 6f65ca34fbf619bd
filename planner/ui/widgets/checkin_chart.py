"""A goal's check-ins over time: progress (a line) and confidence (dots),
one point per check-in, on a shared axis of dates."""

from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from planner.model import CheckIn, Goal
from planner.rules.checkins import confidence_status, percent
from planner.ui.i18n import tr
from planner.ui.widgets.colours import INK, MUTED, RULE, STATUS_COLOURS
from planner.i18n import day, short_day
from planner.i18n import percent as share_words


@dataclass(frozen=True)
class Point:
    day: date
    progress: float | None  # percent of the way, where it can be told
    confidence: int
    note: str


def points(goal: Goal | None, rows: list[CheckIn]) -> list[Point]:
    """What the chart draws, oldest first: read from the check-ins, nothing else."""
    return [Point(c.checked_on, percent(c, goal), c.confidence, c.note) for c in rows]


class CheckInChart(QWidget):
    """Progress 0-100% and confidence 1-10 share the height; dates run across."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, objectName="checkInChart")
        self.shown: list[Point] = []
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMinimumHeight(110)
        self.setAccessibleName(tr("Check-ins over time"))

    def sizeHint(self) -> QSize:
        return QSize(320, 110)

    def show_points(self, shown: list[Point]) -> None:
        self.shown = shown
        if shown:
            last = shown[-1]
            self.setAccessibleDescription(tr(
                "{n} check-ins; latest on {day}: progress {progress}, confidence {sure} of 10"
            ).format(n=len(shown), day=day(last.day), sure=last.confidence,
                     progress="\u2014" if last.progress is None else share_words(last.progress / 100)))
        else:
            self.setAccessibleDescription(tr("No check-ins yet"))
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        ink, muted = QColor(INK), QColor(MUTED)
        area = QRectF(self.rect()).adjusted(34, 8, -12, -20)
        painter.setPen(QPen(QColor(RULE), 1))
        for share in (0.0, 0.5, 1.0):
            y = area.bottom() - share * area.height()
            painter.drawLine(QPointF(area.left(), y), QPointF(area.right(), y))
        painter.setPen(muted)
        font = painter.font()
        font.setPointSizeF(max(7.0, font.pointSizeF() * 0.8))
        painter.setFont(font)
        painter.drawText(QRectF(0, area.top() - 6, 30, 12), Qt.AlignmentFlag.AlignRight, "100%")
        painter.drawText(QRectF(0, area.bottom() - 6, 30, 12), Qt.AlignmentFlag.AlignRight, "0")
        if not self.shown:
            painter.drawText(area, Qt.AlignmentFlag.AlignCenter, tr("No check-ins yet"))
            return
        first, last = self.shown[0].day, self.shown[-1].day
        span = max(1, (last - first).days)

        def x(day: date) -> float:
            if first == last:
                return area.center().x()
            return area.left() + (day - first).days / span * area.width()

        line = QPainterPath()
        started = False
        for p in self.shown:
            if p.progress is None:
                continue
            at = QPointF(x(p.day), area.bottom() - min(100.0, p.progress) / 100 * area.height())
            line.lineTo(at) if started else line.moveTo(at)
            started = True
        painter.setPen(QPen(ink, 2))
        painter.drawPath(line)
        for p in self.shown:
            colour = QColor(STATUS_COLOURS[confidence_status(p.confidence).value])
            painter.setPen(QPen(colour.darker(120), 1))
            painter.setBrush(colour)
            y = area.bottom() - (p.confidence - 1) / 9 * area.height()
            painter.drawEllipse(QPointF(x(p.day), y), 4.5, 4.5)
        painter.setPen(muted)
        painter.drawText(QRectF(area.left(), area.bottom() + 3, 120, 14),
                         Qt.AlignmentFlag.AlignLeft, short_day(first))
        if last != first:
            painter.drawText(QRectF(area.right() - 120, area.bottom() + 3, 120, 14),
                             Qt.AlignmentFlag.AlignRight, day(last))
