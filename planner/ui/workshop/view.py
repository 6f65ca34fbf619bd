"""Workshop mode: the plan projected slide by slide, edited live with the room."""

import time
from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QFont, QKeyEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import QWidget

from planner.changes import ChangeSet
from planner.model import FieldRide, Goal, Message, ParkingTopic, Person
from planner.model.enums import GoalStatus, RideStatus, Team
from planner.operations import goals as goal_ops
from planner.operations import messages as message_ops
from planner.operations import reviews as review_ops
from planner.operations import rides as ride_ops
from planner.operations import workshop as workshop_ops
from planner.palette import ROOM
from planner.outline.blocks import FunnelFigure, MetricCharts, Timeline
from planner.outline.build import build_outline
from planner.outline.changes import between, differences
from planner.outline.library import message_stages
from planner.outline.slides import Slide, first_slide_of, slides_from_outline
from planner.rules.rides import conflicting_ride_ids
from planner.rules.signoff import Side
from planner.store.versions import Version
from planner.ui.i18n import tr
from planner.ui.shell.session import PlanSession
from planner.ui.widgets.signing import sign_for_side
from planner.ui.workshop.editor import Field, RoomEditor

# The room's colours (planner/palette.py): light type on dark, for a projector.
BACKGROUND, INK, MUTED = (QColor(ROOM[r]) for r in ("window", "ink", "muted"))
ACCENT = {side: QColor(ROOM[side]) for side in ("sales", "marketing", "both")}
STATUS = {"on track": QColor(ROOM["good"]), "at risk": QColor(ROOM["warn"]),
          "off track": QColor(ROOM["bad"]), "no data": MUTED}
AGREED_INK, PICKED = QColor(ROOM["good"]), QColor(ROOM["picked"])
MIN_PX = 24  # readable from the back of a room on a 1280x720 projector


class WorkshopView(QWidget):
    left = Signal(str)  # the section to show when the workshop ends

    def __init__(self, session: PlanSession, section: str,
                 since: Version | None = None) -> None:
        super().__init__()
        self.since = since  # the last workshop's version: its changes get a slide
        self.setObjectName("workshop")
        self.setWindowTitle(tr("Tandem workshop"))
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.session = session
        self.slides: list[Slide] = []
        self.index = 0
        self.typed = ""  # digits typed to jump to a slide
        self.picked = 0  # the item picked with Tab on a slide of items
        self.min_font_px = 10_000
        self.editor: RoomEditor | None = None  # open over the slide: it has every key
        self._rebuild()
        self.index = first_slide_of(self.slides, section)
        session.plan_changed.connect(self._on_plan_changed)
        # The agenda item is the section on screen; its clock starts when it does.
        self.agenda_started = time.monotonic()
        self._tick = QTimer(self, interval=1000)
        self._tick.timeout.connect(self.update)
        self._tick.start()

    # -- slides ---------------------------------------------------------------

    def _rebuild(self) -> None:
        store = self.session.store
        goals = store.rows(Goal)
        proposals = tuple(tuple(g.title for g in goals if g.status is GoalStatus.PROPOSED
                                and g.proposed_by is side)
                          for side in (Team.SALES, Team.MARKETING))
        parked = tuple((t.id, t.topic) for t in store.rows(ParkingTopic) if not t.done)
        people = {p.id: p.name for p in store.rows(Person)}
        all_rides = store.rows(FieldRide)
        conflicts = conflicting_ride_ids(all_rides)
        today = date.today()
        upcoming = [r for r in all_rides if r.last_day >= today
                    and r.status in (RideStatus.PLANNED, RideStatus.CONFIRMED)]
        rides = tuple((r.id, tr("{first} \u2013 {last}: {visitor} with {host}").format(
                           first=f"{r.first_day:%a %-d %b %Y}", last=f"{r.last_day:%a %-d %b}",
                           visitor=people.get(r.visitor_id or "", "?"),
                           host=people.get(r.host_id or "", "?"))
                       + ("  \u26a0 " + tr("two rides the same day") if r.id in conflicts
                          else ""))
                      for r in upcoming)
        changes = None
        if self.since is not None:
            old, new = store.state(self.since.seq), store.state()
            changes = tuple(d.line().split(": ", 1)[1]
                            for d in differences(between(old, new), old, new))
        names: dict[str | None, str] = dict(people)
        self.slides = slides_from_outline(build_outline(store), proposals, (),  # type: ignore[arg-type]
                                          rides, changes, message_stages(store, names), parked)

    def _on_plan_changed(self, change: ChangeSet) -> None:
        current = self.slides[self.index]
        picked = self._picked_id()
        self._rebuild()
        same = next((n for n, s in enumerate(self.slides)
                     if (current.goal_key and s.goal_key == current.goal_key)
                     or (not current.goal_key and s.section == current.section
                         and s.title == current.title)), None)
        self.index = same if same is not None else min(self.index, len(self.slides) - 1)
        ids = [item[0] for item in self.slide.items]
        if picked in ids:
            self.picked = ids.index(picked)  # the picked row stays picked
        elif ids:
            self.picked = min(self.picked, len(ids) - 1)
        self.update()

    @property
    def slide(self) -> Slide:
        return self.slides[self.index]

    def go(self, index: int) -> None:
        before = self.slide.section
        self.picked = 0
        self.index = max(0, min(len(self.slides) - 1, index))
        if self.slide.section != before:
            self.agenda_started = time.monotonic()
        self.update()

    def agenda_clock(self) -> str:
        minutes, seconds = divmod(int(time.monotonic() - self.agenda_started), 60)
        return f"{minutes:02d}:{seconds:02d}"

    # -- keyboard (and a presenter remote, which sends Page Up/Down) ----------

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if self.editor is not None:  # a key an editor's field left: never a command
            event.accept()
            return
        key, mods = event.key(), event.modifiers()
        control = bool(mods & Qt.KeyboardModifier.ControlModifier)
        if control and key == Qt.Key.Key_Z:
            stack = self.session.undo_stack
            stack.redo() if mods & Qt.KeyboardModifier.ShiftModifier else stack.undo()
        elif key in (Qt.Key.Key_Right, Qt.Key.Key_Down, Qt.Key.Key_PageDown, Qt.Key.Key_Space):
            self.go(self.index + 1)
        elif key in (Qt.Key.Key_Left, Qt.Key.Key_Up, Qt.Key.Key_PageUp, Qt.Key.Key_Backspace):
            self.go(self.index - 1)
        elif key == Qt.Key.Key_Home:
            self.go(0)
        elif key == Qt.Key.Key_End:
            self.go(len(self.slides) - 1)
        elif Qt.Key.Key_0 <= key <= Qt.Key.Key_9:
            self.typed += chr(key)
            self.update()
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.typed:
            self.go(int(self.typed) - 1)
            self.typed = ""
        elif key in (Qt.Key.Key_S, Qt.Key.Key_M) and self.slide.goal_key:
            self.sign_off("sales" if key == Qt.Key.Key_S else "marketing")
        elif key in (Qt.Key.Key_S, Qt.Key.Key_M) and self.slide.kind == "proposals":
            self.propose(Team.SALES if key == Qt.Key.Key_S else Team.MARKETING)
        elif key in (Qt.Key.Key_S, Qt.Key.Key_M) and self.slide.kind == "messages":
            self.approve_message("sales" if key == Qt.Key.Key_S else "marketing")
        elif key in (Qt.Key.Key_S, Qt.Key.Key_M) and self.slide.kind == "parking" \
                and self.slide.items:
            self.topic_to_goal(Team.SALES if key == Qt.Key.Key_S else Team.MARKETING)
        elif key == Qt.Key.Key_C and self.slide.kind == "parking" and self.slide.items:
            self.close_topic()
        elif key == Qt.Key.Key_Tab and self.slide.items:
            self.picked = (self.picked + 1) % len(self.slide.items)
            self.update()
        elif key in (Qt.Key.Key_Less, Qt.Key.Key_Comma, Qt.Key.Key_Greater, Qt.Key.Key_Period) \
                and self.slide.kind == "rides" and self.slide.items:
            self.move_ride(-1 if key in (Qt.Key.Key_Less, Qt.Key.Key_Comma) else 1)
        elif key == Qt.Key.Key_E and self.slide.goal_key:
            self.reword_goal()
        elif key == Qt.Key.Key_E and self.slide.kind == "messages":
            self.reword_message()
        elif key == Qt.Key.Key_R:
            self.write_review()
        elif key == Qt.Key.Key_L:
            self.park_topic()
        elif key == Qt.Key.Key_T:
            self.agenda_started = time.monotonic()
            self.update()
        elif key == Qt.Key.Key_Escape:
            self.close()
        else:
            super().keyPressEvent(event)

    def focusNextPrevChild(self, next: bool) -> bool:  # noqa: A002, N802 (Qt's names)
        """Tab picks items on a slide; it never moves focus out of the workshop."""
        return False

    def _goal(self) -> Goal | None:
        return self.session.store.get(Goal, (self.slide.goal_key or "").removeprefix("goal-"))

    def sign_off(self, side: Side) -> bool:
        """Sign the goal on screen off for one side (again: withdraw), the same
        way the goals page does: as that side's head, or whom the room names."""
        goal = self._goal()
        return goal is not None and sign_for_side(
            self, self.session, [goal], side,
            lambda rows, who: goal_ops.sign_off(rows, side, who))[0]

    def open_editor(self, title: str, fields: list[Field],
                    save: Callable[[dict[str, Any]], ChangeSet | None]) -> RoomEditor:
        """An editor over the slide, sized for the room; `save` builds the
        change from what was typed (None: nothing to do). A refusal is said
        in the editor, which stays open with every word typed."""
        if self.editor is not None:
            self.editor.finish()

        def commit(values: dict[str, Any]) -> bool:
            problems: list[str] = []
            self.session.problem_reported.connect(problems.append)
            try:
                made = self.session.attempt(lambda: save(values) or ChangeSet("Nothing"))
            finally:
                self.session.problem_reported.disconnect(problems.append)
            if not made and problems and self.editor is not None:
                self.editor.show_error(problems[-1])
                return False
            return True

        def closed() -> None:
            self.editor = None
            self.setFocus(Qt.FocusReason.OtherFocusReason)
            self.update()

        self.editor = RoomEditor(self, title, fields, self.base_px(), commit, closed)
        return self.editor

    def resizeEvent(self, event: Any) -> None:
        if self.editor is not None:
            self.editor.place()
        super().resizeEvent(event)

    def propose(self, side: Team) -> RoomEditor:
        """A proposal from one side, straight into the plan as a proposed goal."""
        title = tr("Proposal from sales") if side is Team.SALES else tr("Proposal from marketing")
        return self.open_editor(title, [Field("title", tr("Goal"))],
                                lambda v: goal_ops.propose(self.session.store, side, v["title"])
                                if v["title"].strip() else None)

    def reword_goal(self) -> RoomEditor | None:
        goal = self._goal()
        if goal is None:
            return None

        def save(v: dict[str, Any]) -> ChangeSet | None:
            current = self.session.store.get(Goal, goal.id)
            return None if current is None else goal_ops.reword(
                current, title=v["title"], success_measure=v["success_measure"])
        return self.open_editor(tr("Reword the goal (both sign-offs are withdrawn)"), [
            Field("title", tr("Goal"), value=goal.title),
            Field("success_measure", tr("Success measure"), "text", goal.success_measure)], save)

    def _picked_id(self) -> str | None:
        items = self.slide.items
        return items[min(self.picked, len(items) - 1)][0] if items else None

    def _message(self) -> Message | None:
        picked = self._picked_id()
        return self.session.store.get(Message, picked) if picked else None

    def approve_message(self, side: Side) -> bool:
        """Approve the picked message for one side (again: withdraw), as the
        messaging page does: as that side's head, or whom the room names."""
        message = self._message()
        return message is not None and sign_for_side(
            self, self.session, [message], side,
            lambda rows, who: message_ops.approve(rows, side, who))[0]

    def reword_message(self) -> RoomEditor | None:
        message = self._message()
        if message is None:
            return None

        def save(v: dict[str, Any]) -> ChangeSet | None:
            current = self.session.store.get(Message, message.id)
            return None if current is None else message_ops.reword(current, **v)
        return self.open_editor(tr("Reword the message (both approvals are withdrawn)"), [
            Field("customer_problem", tr("Customer problem"), "text", message.customer_problem),
            Field("value_message", tr("Value message"), "text", message.value_message),
            Field("proof_point", tr("Proof point"), "text", message.proof_point)], save)

    def write_review(self) -> RoomEditor:
        """A whole review, written with the room: its date and three parts."""
        def save(v: dict[str, Any]) -> ChangeSet | None:
            if not any(v[k].strip() for k in ("what_happened", "what_we_learned",
                                              "what_we_change")):
                return None
            return review_ops.add_review(v["held_on"], v["what_happened"], v["what_we_learned"],
                                         v["what_we_change"])[0]
        return self.open_editor(tr("Review, without blame"), [
            Field("what_happened", tr("What happened"), "text"),
            Field("what_we_learned", tr("What we learned"), "text"),
            Field("what_we_change", tr("What we change in the system"), "text"),
            Field("held_on", tr("Held on"), "date", date.today())], save)

    def park_topic(self) -> RoomEditor:
        return self.open_editor(tr("Park a topic"), [Field("topic", tr("Topic to come back to"))],
                                lambda v: workshop_ops.park(v["topic"])
                                if v["topic"].strip() else None)

    def _topic(self) -> ParkingTopic | None:
        picked = self._picked_id() if self.slide.kind == "parking" else None
        return self.session.store.get(ParkingTopic, picked) if picked else None

    def close_topic(self) -> bool:
        topic = self._topic()
        return topic is not None and self.session.do(workshop_ops.close_topic(topic))

    def topic_to_goal(self, side: Team) -> bool:
        topic = self._topic()
        return topic is not None and self.session.attempt(
            lambda: workshop_ops.topic_to_goal(self.session.store, topic, side))

    def move_ride(self, days: int) -> bool:
        """Move the picked ride a day earlier or later; it stays picked."""
        ride_id = self.slide.items[min(self.picked, len(self.slide.items) - 1)][0]
        ride = self.session.store.get(FieldRide, ride_id)
        if ride is None:
            return False
        moved = self.session.do(ride_ops.move_ride(self.session.store, ride, days))
        ids = [item[0] for item in self.slide.items]
        if ride_id in ids:
            self.picked = ids.index(ride_id)
        self.update()
        return moved

    def closeEvent(self, event: Any) -> None:
        self.left.emit(self.slide.section or "overview")
        super().closeEvent(event)

    # -- drawing ----------------------------------------------------------------

    def base_px(self) -> int:
        """Body text size: a 26th of the screen's height, never under 24 px."""
        return max(MIN_PX, round(self.height() / 26))

    def _font(self, painter: QPainter, px: int, bold: bool = False) -> None:
        """Every font a slide draws with is set here, so the smallest is known."""
        self.min_font_px = min(self.min_font_px, px)
        font = QFont(self.font())
        font.setPixelSize(px)
        font.setBold(bold)
        painter.setFont(font)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), BACKGROUND)
        base, margin = self.base_px(), self.width() * 0.05
        slide = self.slide
        self._font(painter, round(base * 1.6), bold=True)
        painter.setPen(INK)
        title = QRectF(margin, margin * 0.6, self.width() - 2 * margin, base * 2.4)
        painter.drawText(title, Qt.TextFlag.TextWordWrap | Qt.AlignmentFlag.AlignLeft,
                         slide.title)
        area = QRectF(margin, title.bottom() + base * 0.6, self.width() - 2 * margin,
                      self.height() - title.bottom() - base * 3.2)
        y = area.top()
        self._font(painter, base)
        for line in slide.lines:
            painter.setPen(INK)
            box = painter.boundingRect(QRectF(area.left(), y, area.width(), area.height()),
                                       int(Qt.TextFlag.TextWordWrap), line)
            painter.drawText(box, Qt.TextFlag.TextWordWrap, line)
            y = box.bottom() + base * 0.5
        if slide.facts:
            y = self._facts(painter, slide.facts, area, y, base)
        if slide.table is not None:
            self._table(painter, slide, area, y, base)
        if slide.columns:
            self._columns(painter, slide, QRectF(area.left(), y, area.width(),
                                                 area.bottom() - y), base)
        if slide.items:
            self._items(painter, slide, QRectF(area.left(), y, area.width(), area.bottom() - y),
                        base)
        if slide.kind == "messages" and slide.details:
            self._message_detail(painter, slide, QRectF(area.left(), y, area.width(),
                                                        area.bottom() - y), base)
        if slide.kind:
            anywhere = tr("L: park a topic (from any slide)")
            hint = {"proposals": tr("S: a proposal from sales  \u00b7  M: from marketing"),
                    "rides": tr("Tab: pick a ride  \u00b7  < >: a day earlier / later  "
                                "\u00b7  Ctrl+Z: undo"),
                    "messages": tr("Tab: pick  \u00b7  S / M: approve for sales / marketing  "
                                   "\u00b7  E: reword  \u00b7  Ctrl+Z: undo"),
                    "parking": tr("Tab: pick  \u00b7  S / M: make it a goal of sales / "
                                  "marketing  \u00b7  C: close  \u00b7  L: park a topic")
                    if slide.items else anywhere}.get(slide.kind, anywhere)
            self._font(painter, MIN_PX)
            painter.setPen(MUTED)
            painter.drawText(QRectF(area.left(), area.bottom() - base, area.width(), base * 1.4),
                             Qt.AlignmentFlag.AlignLeft, hint)
        if slide.figure is not None:
            self._figure(painter, slide.figure, QRectF(area.left(), y, area.width(),
                                                       area.bottom() - y), base)
        self._footer(painter, base, margin)

    def _facts(self, painter: QPainter, facts: Any, area: QRectF, y: float, base: int) -> float:
        label_width = area.width() * 0.32
        for key, value in facts:
            if y > area.bottom() - base:
                break
            self._font(painter, base)
            painter.setPen(MUTED)
            painter.drawText(QRectF(area.left(), y, label_width, base * 1.5),
                             Qt.AlignmentFlag.AlignLeft, key)
            painter.setPen(INK)
            value_box = QRectF(area.left() + label_width, y, area.width() - label_width,
                               base * 3)
            painter.drawText(value_box, Qt.TextFlag.TextWordWrap, value)
            lines = max(1, painter.fontMetrics().horizontalAdvance(value)
                        // max(1, int(value_box.width())) + 1)
            y += base * 1.45 * min(lines, 2)
        if self.slide.goal_key:
            self._font(painter, MIN_PX)
            painter.setPen(MUTED)
            painter.drawText(QRectF(area.left(), area.bottom() - base, area.width(), base * 1.4),
                             Qt.AlignmentFlag.AlignLeft,
                             tr("S / M: sign for sales / marketing  \u00b7  E: reword  "
                                "\u00b7  Ctrl+Z: undo"))
        return y

    def _items(self, painter: QPainter, slide: Slide, area: QRectF, base: int) -> None:
        self._font(painter, base)
        y = area.top()
        for n, (_, text) in enumerate(slide.items):
            if y > area.bottom() - base * 2.5:
                break
            box = QRectF(area.left(), y, area.width(), base * 1.5)
            if n == self.picked:
                painter.fillRect(box.adjusted(-10, -4, 10, 4), PICKED)
            painter.setPen(STATUS["off track"] if "\u26a0" in text else INK)
            painter.drawText(box, Qt.AlignmentFlag.AlignLeft, painter.fontMetrics().elidedText(
                text, Qt.TextElideMode.ElideRight, int(area.width())))
            y += base * 1.6

    def _message_detail(self, painter: QPainter, slide: Slide, area: QRectF,
                        base: int) -> None:
        """The picked message in full, under the list of the stage's messages."""
        facts = slide.details[min(self.picked, len(slide.details) - 1)]
        shown = min(len(slide.items), max(1, int((area.height() - base * 2.5)
                                                  // (base * 1.6))))
        y = area.top() + shown * base * 1.6 + base * 0.4
        self._font(painter, MIN_PX)
        label_width = area.width() * 0.22
        for key, value in facts[1:]:
            if y > area.bottom() - base * 2.4:
                break
            painter.setPen(MUTED)
            painter.drawText(QRectF(area.left(), y, label_width, base * 1.3),
                             Qt.AlignmentFlag.AlignLeft, key)
            painter.setPen(AGREED_INK if key == "Approval" and "not yet" not in value else INK)
            box = QRectF(area.left() + label_width, y, area.width() - label_width, base * 2.6)
            used = painter.boundingRect(box, int(Qt.TextFlag.TextWordWrap), value)
            painter.drawText(box, Qt.TextFlag.TextWordWrap, value)
            y += min(used.height(), box.height()) + base * 0.3

    def _columns(self, painter: QPainter, slide: Slide, area: QRectF, base: int) -> None:
        """Two sides next to each other: the room sees both at once."""
        width = area.width() / max(1, len(slide.columns))
        for n, (heading, items) in enumerate(slide.columns):
            x = area.left() + n * width
            self._font(painter, base, bold=True)
            painter.setPen(ACCENT["sales" if n == 0 else "marketing"])
            painter.drawText(QRectF(x, area.top(), width - 30, base * 1.5),
                             Qt.AlignmentFlag.AlignLeft, heading)
            self._font(painter, base)
            painter.setPen(INK)
            y = area.top() + base * 1.8
            for item in items or ("\u2014",):
                if y > area.bottom() - base * 2.5:
                    break
                painter.drawText(QRectF(x, y, width - 30, base * 1.5), Qt.AlignmentFlag.AlignLeft,
                                 painter.fontMetrics().elidedText(
                                     f"\u2022 {item}", Qt.TextElideMode.ElideRight,
                                     int(width - 30)))
                y += base * 1.45

    def _table(self, painter: QPainter, slide: Slide, area: QRectF, y: float, base: int) -> None:
        table = slide.table
        assert table is not None
        px = max(MIN_PX, round(base * 0.85))
        unit = area.width() / sum(table.widths)
        row_h = px * 1.7
        self._font(painter, px, bold=True)
        painter.setPen(MUTED)
        x = area.left()
        for header, width in zip(table.columns, table.widths, strict=True):
            painter.drawText(QRectF(x, y, width * unit - 10, row_h), Qt.AlignmentFlag.AlignLeft,
                             painter.fontMetrics().elidedText(header, Qt.TextElideMode.ElideRight,
                                                              int(width * unit - 10)))
            x += width * unit
        self._font(painter, px)
        painter.setPen(INK)
        for row in table.rows:
            y += row_h
            if y > area.bottom():
                break
            x = area.left()
            for cell, width in zip(row, table.widths, strict=True):
                text = painter.fontMetrics().elidedText(cell.replace("\n", " "),
                                                        Qt.TextElideMode.ElideRight,
                                                        int(width * unit - 10))
                painter.drawText(QRectF(x, y, width * unit - 10, row_h), Qt.AlignmentFlag.AlignLeft,
                                 text)
                x += width * unit

    def _figure(self, painter: QPainter, figure: object, area: QRectF, base: int) -> None:
        if isinstance(figure, FunnelFigure):
            band = min(area.height() / max(1, len(figure.stages)), base * 2.0)
            for n, (name, team, rate) in enumerate(figure.stages):
                width = area.width() * (0.8 - 0.5 * n / max(1, len(figure.stages)))
                box = QRectF(area.left() + (area.width() * 0.8 - width) / 2, area.top() + n * band,
                             width, band - 4)
                painter.fillRect(box, ACCENT.get(team, MUTED).darker(140))
                self._font(painter, max(MIN_PX, round(base * 0.9)))
                painter.setPen(INK)
                words = f"{name}" + (f"  \u2192 {rate:.0%}" if rate and rate < 1 else "")
                painter.drawText(box, Qt.AlignmentFlag.AlignCenter, words)
        elif isinstance(figure, MetricCharts):
            rows = max(1, int(area.height() // (base * 1.6)))
            for n, series in enumerate(figure.series[:rows * 2]):
                x = area.left() + (n % 2) * area.width() / 2
                y = area.top() + (n // 2) * base * 1.6
                self._font(painter, base)
                painter.setPen(STATUS.get(series.status, MUTED))
                painter.drawText(QRectF(x, y, area.width() / 2 - 20, base * 1.5),
                                 Qt.AlignmentFlag.AlignLeft,
                                 painter.fontMetrics().elidedText(
                                     f"\u25CF {series.name}: {series.status}",
                                     Qt.TextElideMode.ElideRight, int(area.width() / 2 - 20)))
        elif isinstance(figure, Timeline):
            self._timeline(painter, figure, area, base)

    def _timeline(self, painter: QPainter, t: Timeline, area: QRectF, base: int) -> None:
        lanes = min(len(t.lanes), max(1, int(area.height() // (base * 1.2))))
        lane_h, label_w = area.height() / max(1, lanes), area.width() * 0.22
        per_day = (area.width() - label_w) / max(1, (t.end - t.start).days + 1)
        self._font(painter, MIN_PX)
        for n in range(lanes):
            painter.setPen(ACCENT.get(t.lane_teams[n], INK))
            painter.drawText(QRectF(area.left(), area.top() + n * lane_h, label_w, lane_h),
                             Qt.AlignmentFlag.AlignVCenter, t.lanes[n][:18])
        for bar in t.bars:
            if bar.lane < lanes:
                colour = MUTED if bar.cancelled else ACCENT[bar.direction.split("_")[0]]
                painter.fillRect(QRectF(area.left() + label_w + (bar.first - t.start).days * per_day,
                                        area.top() + bar.lane * lane_h + lane_h * 0.2,
                                        max(2.0, ((bar.last - bar.first).days + 1) * per_day),
                                        lane_h * 0.6), colour)

    def _footer(self, painter: QPainter, base: int, margin: float) -> None:
        y = self.height() - base * 1.8
        progress = (self.index + 1) / len(self.slides)
        painter.fillRect(QRectF(0, self.height() - 8, self.width() * progress, 8),
                         ACCENT["marketing"])
        self._font(painter, MIN_PX)
        painter.setPen(MUTED)
        section = next((s.title for s in self.slides if s.section == self.slide.section), "") \
            or tr("Title")
        jump = ("   " + tr("go to slide {number}\u2026").format(number=self.typed)
                if self.typed else "")
        painter.drawText(QRectF(margin, y, self.width() - 2 * margin, base * 1.4),
                         Qt.AlignmentFlag.AlignLeft,
                         tr("{section}  \u00b7  {clock} on this item").format(
                             section=section, clock=self.agenda_clock()) + jump)
        painter.drawText(QRectF(margin, y, self.width() - 2 * margin, base * 1.4),
                         Qt.AlignmentFlag.AlignRight, f"{self.index + 1} / {len(self.slides)}")
