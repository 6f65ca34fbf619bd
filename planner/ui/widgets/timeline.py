"""The field-ride schedule as a timeline: one lane per person, drag to move a ride."""

from dataclasses import dataclass
from datetime import date, timedelta

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QFont, QKeyEvent, QMouseEvent, QPainter, QPaintEvent, QPen, QShowEvent
from PySide6.QtWidgets import QToolTip, QWidget

from planner.changes import ChangeSet
from planner.model import FieldRide, Person, Plan
from planner.model.enums import RideDirection, RideStatus, Team, label
from planner.operations import rides as ride_ops
from planner.rules.rides import conflicting_ride_ids
from planner.ui.i18n import tr
from planner.ui.shell.session import PlanSession
from planner.ui.widgets import colours
from planner.ui.widgets.accessible_items import items_changed
from planner.i18n import day as i18n_day, days, month_year, short_day

DIRECTION_COLOURS = {RideDirection.MARKETING_WITH_SALES: colours.MARKETING_BAR,
                     RideDirection.SALES_WITH_MARKETING: colours.SALES_BAR}
CONFLICT = colours.BAD
CANCELLED = colours.CANCELLED
TODAY = colours.GOOD
LABEL_WIDTH, HEADER, LANE = 180, 38, 26
VIEWS = {"month": 31, "quarter": 92}  # days that fill the visible width


def status_word(status: RideStatus) -> str:
    """A ride's status as the tooltip says it ("planned")."""
    return {RideStatus.PLANNED: tr("planned"), RideStatus.CONFIRMED: tr("confirmed"),
            RideStatus.DONE: tr("done"), RideStatus.CANCELLED: tr("cancelled")}.get(
                status, str(status.value))


@dataclass(frozen=True)
class Bar:
    ride_id: str
    rect: QRectF
    ride: FieldRide
    other: str  # the other person of the pair, as shown in this lane


class RideTimeline(QWidget):
    def __init__(self, session: PlanSession) -> None:
        super().__init__()
        self.session = session
        self.setObjectName("rideTimeline")
        self.setMouseTracking(True)
        self.px_per_day = 12.0
        self.view = "quarter"
        self.visible_width = 1000
        self.today = date.today()
        self.bars: list[Bar] = []
        self._drag: tuple[Bar, float] | None = None
        self._drag_days = 0
        self._stale = False
        # By keyboard: Left/Right pick the previous or next ride (in time),
        # Alt+Left/Right move the picked one a day; what is picked is said.
        self.picked: str | None = None
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAccessibleName(tr("Field rides on a timeline: Left and Right pick a ride, "
                                  "Alt+Left and Alt+Right move it a day"))
        session.plan_changed.connect(self._on_plan_changed)
        self.reload()

    # -- data -------------------------------------------------------------

    def reload(self) -> None:
        self._stale = False
        store = self.session.store
        plan = store.plan()
        self.start, self.end = plan.period_start, plan.period_end
        people = store.rows(Person)
        rides = store.rows(FieldRide)
        self.conflicts = conflicting_ride_ids(rides)
        names = self.names = {p.id: p.name for p in people}
        riding = {pid for r in rides for pid in (r.visitor_id, r.host_id)}
        self.lanes = [p for p in people if p.id in riding]
        lane_of = {p.id: n for n, p in enumerate(self.lanes)}
        self.bars = []
        for ride in rides:
            for me, other, arrow in ((ride.visitor_id, ride.host_id, "\u2192"),
                                     (ride.host_id, ride.visitor_id, "\u2190")):
                if me in lane_of:
                    y = HEADER + lane_of[me] * LANE + 4
                    self.bars.append(Bar(ride.id, self._rect(ride, y), ride,
                                         f"{arrow} {names.get(other or '', '?')}"))
        self.updateGeometry()
        self.resize(self.sizeHint())
        self.update()
        items_changed(self)

    def accessible_items(self) -> list[tuple[str, str, QRectF]]:
        """Each ride once (in its visitor's lane), in time order: its days and
        people, as a reader hears them."""
        seen: set[str] = set()
        out = []
        for bar in sorted(self.bars, key=lambda b: (b.ride.first_day, b.ride_id)):
            if bar.ride_id in seen:
                continue
            seen.add(bar.ride_id)
            out.append((self.ride_words(bar), label(bar.ride.status), bar.rect))
        return out

    def _x(self, day: date) -> float:
        return LABEL_WIDTH + (day - self.start).days * self.px_per_day

    def _rect(self, ride: FieldRide, y: float) -> QRectF:
        left = self._x(ride.first_day)
        width = ((ride.last_day - ride.first_day).days + 1) * self.px_per_day
        return QRectF(left, y, max(width, 3.0), LANE - 8)

    def set_view(self, view: str, visible_width: int) -> None:
        """Month or quarter: how many days fill the visible width."""
        self.view, self.visible_width = view, max(visible_width, 400)
        self.px_per_day = (self.visible_width - LABEL_WIDTH) / VIEWS[view]
        self.reload()

    def sizeHint(self) -> QSize:
        days = (self.end - self.start).days + 1
        return QSize(int(LABEL_WIDTH + days * self.px_per_day) + 1,
                     HEADER + max(1, len(self.lanes)) * LANE + 1)

    def _on_plan_changed(self, change: ChangeSet) -> None:
        if change.touches(FieldRide, Person, Plan):
            if self.isVisible():
                self.reload()
            else:
                self._stale = True

    def showEvent(self, event: QShowEvent) -> None:
        if self._stale:
            self.reload()
        super().showEvent(event)

    # -- drawing ------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        clip = QRectF(event.rect())
        painter.fillRect(clip, colours.WINDOW)
        self._paint_grid(painter, clip)
        font = QFont(self.font())
        font.setPointSizeF(max(7.5, font.pointSizeF() - 1))
        painter.setFont(font)
        for bar in self.bars:
            if bar.rect.intersects(clip):
                self._paint_bar(painter, bar)
        self._paint_labels(painter, clip)

    def _paint_grid(self, painter: QPainter, clip: QRectF) -> None:
        height = self.height()
        for n in range(1, len(self.lanes), 2):
            if n % 2:
                painter.fillRect(QRectF(0, HEADER + n * LANE, self.width(), LANE),
                                 colours.SURFACE)
        day = self.start.replace(day=1)
        painter.setPen(colours.INK_SOFT)
        while day <= self.end:
            x = self._x(max(day, self.start))
            if clip.left() - 200 <= x <= clip.right():
                painter.setPen(QPen(colours.RULE, 1))
                painter.drawLine(QPointF(x, 0), QPointF(x, height))
                painter.setPen(colours.INK_SOFT)
                painter.drawText(QPointF(x + 4, 16), month_year(day))
            day = (day.replace(day=28) + timedelta(days=4)).replace(day=1)
        if self.px_per_day >= 8:
            week = self.start + timedelta(days=(7 - self.start.weekday()) % 7)
            painter.setPen(colours.FAINT)
            while week <= self.end:
                x = self._x(week)
                if clip.left() <= x <= clip.right():
                    painter.drawText(QPointF(x + 2, 32), f"{week.day}")
                week += timedelta(days=7)
        if self.start <= self.today <= self.end:
            x = self._x(self.today)
            painter.setPen(QPen(TODAY, 2))
            painter.drawLine(QPointF(x, HEADER - 6), QPointF(x, height))
            painter.drawText(QPointF(x + 4, HEADER - 8), tr("today"))

    def _paint_bar(self, painter: QPainter, bar: Bar) -> None:
        ride, rect = bar.ride, QRectF(bar.rect)
        picked = bar.ride_id == self.picked and self.hasFocus()
        if self._drag and self._drag[0].ride_id == bar.ride_id:
            rect.translate(self._drag_days * self.px_per_day, 0)
        cancelled = ride.status is RideStatus.CANCELLED
        colour = CANCELLED if cancelled else DIRECTION_COLOURS[ride.direction]
        if ride.status is RideStatus.PLANNED:
            colour = colour.lighter(125)
        painter.setBrush(colour)
        conflict = bar.ride_id in self.conflicts
        painter.setPen(QPen(CONFLICT, 2.5) if conflict else
                       QPen(colour.darker(130), 1, Qt.PenStyle.DashLine if cancelled
                            else Qt.PenStyle.SolidLine))
        painter.drawRoundedRect(rect, 4, 4)
        if picked:  # the ride the keyboard picked, outlined as focus is
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.setPen(QPen(colours.INK, 2))
            painter.drawRoundedRect(rect.adjusted(-3, -3, 3, 3), 5, 5)
        if rect.width() > 40:
            painter.setPen(colours.INK if cancelled else colours.ON_BAR)
            painter.drawText(rect.adjusted(5, 0, -3, 0),
                             Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                             bar.other)

    def _paint_labels(self, painter: QPainter, clip: QRectF) -> None:
        """Names stay at the visible left edge while the days scroll under them."""
        left = float(self.visibleRegion().boundingRect().left())
        if clip.left() > left + LABEL_WIDTH:
            return
        painter.fillRect(QRectF(left, 0, LABEL_WIDTH, self.height()), colours.WINDOW)
        painter.setPen(QPen(colours.RULE, 1))
        painter.drawLine(QPointF(left + LABEL_WIDTH, 0), QPointF(left + LABEL_WIDTH, self.height()))
        for n, person in enumerate(self.lanes):
            colour = colours.SALES if person.team is Team.SALES else colours.MARKETING
            painter.setPen(colour)
            painter.drawText(QRectF(left + 10, HEADER + n * LANE, LABEL_WIDTH - 14, LANE),
                             Qt.AlignmentFlag.AlignVCenter, person.name)

    # -- dragging a ride to new days ---------------------------------------

    def bar_at(self, point: QPointF) -> Bar | None:
        return next((b for b in reversed(self.bars) if b.rect.contains(point)), None)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        bar = self.bar_at(event.position())
        if bar and event.button() == Qt.MouseButton.LeftButton and not self.session.read_only:
            self._drag, self._drag_days = (bar, event.position().x()), 0

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._drag:
            days = round((event.position().x() - self._drag[1]) / self.px_per_day)
            if days != self._drag_days:
                self._drag_days = days
                self.update()
            return
        bar = self.bar_at(event.position())
        if bar:
            ride = bar.ride
            QToolTip.showText(event.globalPosition().toPoint(),
                              f"{bar.other[2:]}: {days(ride.first_day, ride.last_day)}, "
                              f"{status_word(ride.status)}"
                              + ("\n" + tr("On two rides the same day!")
                                 if bar.ride_id in self.conflicts else ""), self)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if not self._drag:
            return
        bar, days = self._drag[0], self._drag_days
        self._drag, self._drag_days = None, 0
        if days:
            self.move_ride(bar.ride_id, days)
        self.update()

    # -- by keyboard ----------------------------------------------------------

    def _in_time(self) -> list[Bar]:
        seen: dict[str, Bar] = {}
        for bar in sorted(self.bars, key=lambda b: (b.ride.first_day, b.rect.top())):
            seen.setdefault(bar.ride_id, bar)  # a ride is in two lanes: said once
        return list(seen.values())

    def ride_words(self, bar: Bar) -> str:
        """A ride as a screen reader says it: who rides with whom, when, how it stands."""
        ride = bar.ride
        return tr("{visitor} rides with {host}: {first} \u2013 {last}, {status}").format(
            visitor=self.names.get(ride.visitor_id or "", "?"),
            host=self.names.get(ride.host_id or "", "?"), first=short_day(ride.first_day),
            last=i18n_day(ride.last_day), status=status_word(ride.status))

    def pick(self, step: int) -> Bar | None:
        """The next (1) or previous (-1) ride in time, picked and said."""
        bars = self._in_time()
        if not bars:
            return None
        ids = [b.ride_id for b in bars]
        at = ids.index(self.picked) + step if self.picked in ids else (0 if step > 0 else -1)
        bar = bars[max(0, min(len(bars) - 1, at))]
        self.picked = bar.ride_id
        self.setAccessibleDescription(self.ride_words(bar))
        self.update()
        return bar

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key, alt = event.key(), event.modifiers() & Qt.KeyboardModifier.AltModifier
        if key in (Qt.Key.Key_Left, Qt.Key.Key_Right):
            step = 1 if key == Qt.Key.Key_Right else -1
            if alt and self.picked and not self.session.read_only:
                self.move_ride(self.picked, step)
                bar = next((b for b in self._in_time() if b.ride_id == self.picked), None)
                if bar is not None:
                    self.setAccessibleDescription(self.ride_words(bar))
            elif not alt:
                self.pick(step)
            event.accept()
            return
        super().keyPressEvent(event)

    def move_ride(self, ride_id: str, days: int) -> bool:
        ride = self.session.store.get(FieldRide, ride_id)
        if ride is None:
            return False
        return self.session.do(ride_ops.move_ride(self.session.store, ride, days))
