"""How a slide is laid out on the wall, and drawn: one pass that either
measures (does the slide's content fit this screen?) or paints.

Every text goes through `text()`, which wraps it in its box and makes it no
smaller than the room can read (24 px); nothing is elided. A text that
needs more room than its box is recorded as an overflow: the slides are cut
so that none has one (slides.py asks `fits`), and a test paints every slide
of the large plan at 1280x720 and 1920x1080 and fails on any.
"""

import re
from dataclasses import dataclass, field
from datetime import date, timedelta

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPen

from planner.outline.blocks import FunnelFigure, MetricCharts, NetworkFigure, Table, Timeline
from planner.outline.slides import Slide
from planner.palette import ROOM
from planner.i18n import _, month_label, percent

BACKGROUND, INK, MUTED = (QColor(ROOM[r]) for r in ("window", "ink", "muted"))
ACCENT = {side: QColor(ROOM[side]) for side in ("sales", "marketing", "both")}
STATUS = {"on track": QColor(ROOM["good"]), "at risk": QColor(ROOM["warn"]),
          "off track": QColor(ROOM["bad"]), "no data": MUTED}
AGREED_INK, PICKED = QColor(ROOM["good"]), QColor(ROOM["picked"])
MIN_PX = 24  # readable from the back of a room on a 1280x720 projector
WRAP = int(Qt.TextFlag.TextWordWrap | Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)


@dataclass
class Drawn:
    box: QRectF      # the room the text was given
    needed: QRectF   # the room it took
    text: str


@dataclass
class Stage:
    """One slide on a screen of `width` x `height`, with `font` as the
    family; `painter` None measures only."""

    width: float
    height: float
    font: QFont
    painter: QPainter | None = None
    picked: int = 0
    hint: str = ""
    footer: tuple[str, str] = ("", "")
    progress: float = 0.0
    drawn: list[Drawn] = field(default_factory=list, repr=False)
    overflow: bool = False
    min_px: int = 10_000
    _metrics: dict[tuple[int, bool], QFontMetricsF] = field(default_factory=dict, repr=False)
    _sizes: dict[tuple[int, bool, float, str], QRectF] = field(default_factory=dict, repr=False)
    # Each table's column widths, by the table (shared, as _sizes is, by the workshop).
    columns: dict[int, tuple[Table, tuple[int, float, float], list[float] | None]] = field(
        default_factory=dict, repr=False)

    @property
    def base(self) -> int:
        """Body text size: a 26th of the screen's height, never under 24 px."""
        return max(MIN_PX, round(self.height / 26))

    # -- text ---------------------------------------------------------------

    def _font(self, px: int, bold: bool) -> QFont:
        font = QFont(self.font)
        font.setPixelSize(px)
        font.setBold(bold)
        return font

    def _metrics_for(self, px: int, bold: bool) -> QFontMetricsF:
        metrics = self._metrics.get((px, bold))
        if metrics is None:
            metrics = self._metrics[(px, bold)] = QFontMetricsF(self._font(px, bold))
        return metrics

    def measure(self, text: str, width: float, px: int, bold: bool = False) -> QRectF:
        key = (px, bold, round(width, 1), text)
        size = self._sizes.get(key)
        if size is None:
            metrics = self._metrics_for(px, bold)
            size = self._sizes[key] = metrics.boundingRect(QRectF(0, 0, width, 1e6), WRAP,
                                                           text)
        return size

    def longest_word(self, text: str, px: int, bold: bool) -> float:
        """The width of the text's widest word (remembered: rows repeat)."""
        key = (px, bold, -1.0, text)
        size = self._sizes.get(key)
        if size is None:
            # Qt breaks a line after a hyphen too ("Marketing-|qualified").
            words = [part for word in text.split() for part in _HYPHENATED.split(word)]
            widest = max((self.measure(word, 1e5, px, bold).width() for word in words),
                         default=0.0)
            size = self._sizes[key] = QRectF(0, 0, widest, 0)
        return float(size.width())

    def text(self, box: QRectF, text: str, px: int, colour: QColor = INK, bold: bool = False,
             flags: int = WRAP) -> float:
        """Draw `text` wrapped in `box`; the height it takes. Too tall or too
        wide for the box is an overflow (recorded, never cut short)."""
        self.min_px = min(self.min_px, px)
        size = self.measure(text, box.width(), px, bold)
        if size.height() > box.height() + 0.5 or size.width() > box.width() + 0.5:
            self.overflow = True
        if self.painter is None:  # measuring only (slides.py asking what fits): no record
            return float(size.height())
        self.drawn.append(Drawn(box, QRectF(box.left(), box.top(), size.width(),
                                            size.height()), text))
        if self.painter is not None:
            self.painter.setFont(self._font(px, bold))
            self.painter.setPen(colour)
            self.painter.drawText(box, flags, text)
        return float(size.height())

    def fill(self, rect: QRectF, colour: QColor) -> None:
        if self.painter is not None:
            self.painter.fillRect(rect, colour)

    # -- the slide ----------------------------------------------------------

    def lay_out(self, slide: Slide) -> bool:
        """Lay the slide out (and paint it, with a painter); whether it fits."""
        base, margin = self.base, self.width * 0.05
        self.fill(QRectF(0, 0, self.width, self.height), BACKGROUND)
        inner = self.width - 2 * margin
        # Above the hint and the footer; a hint longer than a line (German's)
        # takes the lines it needs, and the slide's content the room left.
        hint_h = max(base * 1.4, self.measure(self.hint, inner, MIN_PX).height()) \
            if self.hint else base * 1.4
        bottom = self.height - base * 1.8 - hint_h
        y = margin * 0.6
        # The title a size down where its longest word is wider than the
        # screen ("Außendienstbegleitungen" on a narrow one), never under the body's.
        title_px = round(base * 1.6)
        while title_px > base and self.longest_word(slide.title, title_px, True) > inner:
            title_px -= 2
        y += self.text(QRectF(margin, y, inner, bottom - y), slide.title, max(base, title_px),
                       bold=True) + base * 0.6
        for line in slide.lines:
            y += self.text(QRectF(margin, y, inner, bottom - y), line, base) + base * 0.5
        if slide.facts:
            y = self._facts(slide.facts, margin, y, inner, bottom, base)
        if slide.table is not None:
            y = self._table(slide, margin, y, inner, bottom, base)
        if slide.columns:
            y = self._columns(slide, margin, y, inner, bottom, base)
        if slide.items:
            y = self._items(slide, margin, y, inner, bottom, base)
        if slide.kind == "messages" and slide.details:
            y = self._message_detail(slide, margin, y, inner, bottom)
        if slide.figure is not None:
            self._figure(slide.figure, QRectF(margin, y, inner, bottom - y), base)
        if self.hint:
            self.text(QRectF(margin, bottom + base * 0.2, inner, hint_h), self.hint, MIN_PX,
                      MUTED)
        self._footer(base, margin, inner)
        return not self.overflow

    def _facts(self, facts: tuple[tuple[str, str], ...], left: float, y: float, width: float,
               bottom: float, base: int, least: float = 0.3, gap: float = 0.35,
               green: str | None = None) -> float:
        """Labels and their values, a pair a line; the value of the label
        `green` is drawn green (a message both sides approved)."""
        # A label's longest word on one line ("Außendienstbegleitung"), up to
        # half the width (the facts a size down where it is wider, never under
        # the room's least); the values take the rest.
        def widest_at(px: int) -> float:
            return max((self.longest_word(key, px, False) for key, _ in facts), default=0.0)

        while base > MIN_PX and widest_at(base) + base > width * 0.5:
            base -= 1
        widest = widest_at(base)
        label_width = min(width * 0.5, max(width * least, widest + base))
        for key, value in facts:
            room = bottom - y
            used = max(self.text(QRectF(left, y, label_width - base, room), key, base, MUTED),
                       self.text(QRectF(left + label_width, y, width - label_width, room),
                                 value, base, AGREED_INK if key == green else INK))
            y += used + base * gap
        return y

    def _table(self, slide: Slide, left: float, y: float, width: float, bottom: float,
               base: int) -> float:
        table = slide.table
        assert table is not None
        px = max(MIN_PX, round(base * 0.85))
        # Columns laid out from the whole table, so they stay put from slide to
        # slide; when its words are too wide for the screen, from this part's;
        # a table of many columns (German's long words) closes its gaps first.
        widths = None
        for gap in (px * 0.6, px * 0.3):
            widths = self._column_widths(slide.whole_table or table, px, gap, width)
            if widths is None and slide.whole_table is not None:
                widths = self._column_widths(table, px, gap, width)
            if widths is not None:
                break
        if widths is None:  # a narrow screen (a 1024-pixel projector): a card a row
            return self._cards(table, left, y, width, bottom, px)
        rows = [(table.columns, True), *((row, False) for row in table.rows)]
        for n, (cells, head) in enumerate(rows):
            height = max(self.measure(c, w - gap, px, head).height()
                         for c, w in zip(cells, widths, strict=True))
            if self.painter is not None:
                if not head and n % 2 == 0:
                    self.fill(QRectF(left - 6, y - 3, width + 12, height + 6), PICKED)
                x = left
                for cell, w in zip(cells, widths, strict=True):
                    self.text(QRectF(x, y, w - gap, max(height, bottom - y)),
                              cell.replace("\n", " ") if head else cell, px,
                              MUTED if head else INK, bold=head)
                    x += w
            y += height + px * 0.45
            if y > bottom + 0.5:
                self.overflow = True
        return y

    def _cards(self, table: Table, left: float, y: float, width: float, bottom: float,
               px: int) -> float:
        """A table whose words are wider than the screen, a row at a time: its
        first cell as a heading, each other column's cell below it as a fact
        (the column's title, then the cell), empty cells left out."""
        heads = [c.replace("\n", " ") for c in table.columns]
        for n, row in enumerate(table.rows):
            if n:
                y += px * 0.5
            y += self.text(QRectF(left, y, width, max(0.0, bottom - y)), row[0], px,
                           bold=True) + px * 0.25
            facts = tuple((head, cell) for head, cell in zip(heads[1:], row[1:], strict=True)
                          if cell.strip())
            if facts:
                y = self._facts(facts, left + px, y, width - px, bottom, px)
            if y > bottom + 0.5:
                self.overflow = True
        return y

    def _column_widths(self, table: Table, px: int, gap: float,
                       width: float) -> list[float] | None:
        """Each column at least as wide as its longest word (a date, a name)
        in the whole table, the room left shared as the outline's widths say:
        no word is ever broken, and a table keeps its columns from slide to
        slide. None: the words alone are wider than the screen."""
        known = self.columns.get(id(table))
        if known is not None and known[0] is table and known[1] == (px, width, gap):
            return known[2]
        least = [gap + max(self.longest_word(c[n], px, head)
                           for c, head in ((table.columns, True),
                                           *((row, False) for row in table.rows)))
                 for n in range(len(table.columns))]
        room = width - sum(least)
        widths = None if room < 0 else [w + room * r / sum(table.widths)
                                        for w, r in zip(least, table.widths, strict=True)]
        self.columns[id(table)] = (table, (px, width, gap), widths)  # the table kept: ids recur
        return widths

    def _columns(self, slide: Slide, left: float, y: float, width: float, bottom: float,
                 base: int) -> float:
        """Two sides next to each other: the room sees both at once."""
        column_width = width / max(1, len(slide.columns))
        lowest = y
        for n, (heading, items) in enumerate(slide.columns):
            x, top = left + n * column_width, y
            top += self.text(QRectF(x, top, column_width - 30, bottom - top), heading, base,
                             ACCENT["sales" if n == 0 else "marketing"], bold=True) + base * 0.3
            for item in items or ("\u2014",):
                top += self.text(QRectF(x, top, column_width - 30, bottom - top),
                                 f"\u2022 {item}", base) + base * 0.2
            lowest = max(lowest, top)
        return lowest

    def _items(self, slide: Slide, left: float, y: float, width: float, bottom: float,
               base: int) -> float:
        for n, (_, text) in enumerate(slide.items):
            size = self.measure(text, width, base)
            if n == self.picked:
                self.fill(QRectF(left - 10, y - 4, width + 20, size.height() + 8), PICKED)
            colour = STATUS["off track"] if "\u26a0" in text else (
                AGREED_INK if text.startswith("\u2713") else INK)
            y += self.text(QRectF(left, y, width, bottom - y), text, base, colour) + base * 0.4
        return y

    def _message_detail(self, slide: Slide, left: float, y: float, width: float,
                        bottom: float) -> float:
        """The picked message in full, under the list of the stage's messages;
        its sign-offs green when both sides signed (its item has the tick)."""
        picked = min(self.picked, len(slide.details) - 1)
        agreed = picked < len(slide.items) and slide.items[picked][1].startswith("\u2713")
        px = max(MIN_PX, round(self.base * 0.8))
        return self._facts(slide.details[picked][1:], left, y + px * 0.3, width, bottom, px,
                           least=0.22, gap=0.25, green=_("Approval") if agreed else None)

    def _figure(self, figure: object, area: QRectF, base: int) -> None:
        if isinstance(figure, FunnelFigure):
            band = min(area.height() / max(1, len(figure.stages)), base * 2.0)
            for n, (name, team, rate) in enumerate(figure.stages):
                words = name + (f"  \u2192 {percent(rate)}" if rate and rate < 1 else "")
                px = max(MIN_PX, round(base * 0.9))
                needed = self.measure(words, 1e5, px).width() + base
                width = max(needed, area.width() * (0.8 - 0.5 * n / max(1, len(figure.stages))))
                box = QRectF(area.left() + (area.width() * 0.8 - width) / 2,
                             area.top() + n * band, width, band - 4)
                self.fill(box, ACCENT.get(team, MUTED).darker(140))
                self.text(box, words, px, flags=int(Qt.AlignmentFlag.AlignCenter))
        elif isinstance(figure, MetricCharts):
            self._charts(figure, area, base)
        elif isinstance(figure, NetworkFigure):
            self._network(figure, area)
        elif isinstance(figure, Timeline):
            self._timeline(figure, area)

    def _network(self, f: NetworkFigure, area: QRectF) -> None:
        """The collaboration network: ties, people by team, brokers ringed and
        named (a name goes left of its dot near the right edge)."""
        def at(n: int) -> tuple[float, float]:
            _, _, x, y, _ = f.people[n]
            return area.left() + x * area.width() * 0.8, area.top() + (1 - y) * area.height()

        heaviest = max((t[2] for t in f.ties), default=1.0)
        if self.painter is not None:
            for a, b, weight in f.ties:
                self.painter.setPen(QPen(MUTED.darker(160), 0.5 + 3 * weight / heaviest))
                (x1, y1), (x2, y2) = at(a), at(b)
                self.painter.drawLine(QPointF(x1, y1), QPointF(x2, y2))
        for n, (name, team, _, _, broker) in enumerate(f.people):
            x, y = at(n)
            radius = 9.0 if broker else 6.0
            if self.painter is not None:
                self.painter.setPen(Qt.PenStyle.NoPen)
                self.painter.setBrush(ACCENT.get(team, MUTED))
                self.painter.drawEllipse(QPointF(x, y), radius, radius)
            if broker:
                width = self.measure(name, 1e5, MIN_PX).width() + 2
                left = x + radius + 4 if x + radius + 4 + width <= area.right() \
                    else x - radius - 4 - width
                top = min(max(area.top(), y - MIN_PX * 0.7), area.bottom() - MIN_PX * 1.4)
                self.text(QRectF(left, top, width, MIN_PX * 1.4), name, MIN_PX, INK)

    def _charts(self, charts: MetricCharts, area: QRectF, base: int) -> None:
        """Each metric as a small chart: its line, the target and its status."""
        columns = 2
        rows = max(1, -(-len(charts.series) // columns))
        cell_w, cell_h = area.width() / columns, area.height() / rows
        for n, series in enumerate(charts.series):
            x = area.left() + (n % columns) * cell_w
            y = area.top() + (n // columns) * cell_h
            label = f"\u25CF {series.name}: {series.status}"
            used = self.text(QRectF(x, y, cell_w - 20, cell_h), label, MIN_PX,
                             STATUS.get(series.status, MUTED))
            plot = QRectF(x + 4, y + used + 6, cell_w - 28, cell_h - used - 14)
            if plot.height() < base * 1.2:
                self.overflow = True
                continue
            self._chart(series, plot)

    def _chart(self, series: object, plot: QRectF) -> None:
        if self.painter is None:
            return
        actuals = list(getattr(series, "actuals", ()))
        target, baseline = getattr(series, "target", None), getattr(series, "baseline", None)
        values = [v for v in (*actuals, target, baseline) if v is not None]
        if not values:
            return
        low, high = min(values), max(values)
        span = (high - low) or 1.0
        count = max(2, len(getattr(series, "periods", ())))

        def at(i: int, v: float) -> tuple[float, float]:
            return (plot.left() + plot.width() * i / (count - 1),
                    plot.bottom() - plot.height() * (v - low) / span)

        p = self.painter
        p.setPen(QPen(MUTED, 2))
        p.drawLine(plot.bottomLeft(), plot.bottomRight())
        if target is not None:
            p.setPen(QPen(AGREED_INK, 2, Qt.PenStyle.DashLine))
            _, ty = at(0, target)
            p.drawLine(int(plot.left()), int(ty), int(plot.right()), int(ty))
        if len(actuals) >= 2:
            p.setPen(QPen(ACCENT["sales"], 4))
            points = [at(i, v) for i, v in enumerate(actuals)]
            for (x1, y1), (x2, y2) in zip(points, points[1:]):
                p.drawLine(int(x1), int(y1), int(x2), int(y2))

    def _timeline(self, t: Timeline, area: QRectF) -> None:
        """People down the side, the months along the top, the rides as bars."""
        used, x = 0.0, area.left()
        for words, side in (("\u25A0 " + _("Marketing with sales"), "marketing"),
                            ("\u25A0 " + _("Sales with marketing"), "sales")):
            width = self.measure(words, 1e5, MIN_PX).width() + 4
            used = self.text(QRectF(x, area.top(), width, area.height()), words, MIN_PX,
                             ACCENT[side])
            x += width + MIN_PX
        axis_h = MIN_PX * 1.4
        top = area.top() + used + 6
        label_w = max((self.measure(n, 1e5, MIN_PX).width() for n in t.lanes),
                      default=0) + 16
        label_w = min(label_w, area.width() * 0.4)  # a name longer than that is shortened
        lanes = len(t.lanes)
        lane_h = (area.bottom() - top - axis_h) / max(1, lanes)
        per_day = (area.width() - label_w) / max(1, (t.end - t.start).days + 1)
        # The months along the top.
        day = t.start.replace(day=1)
        while day <= t.end:
            x = area.left() + label_w + max(0, (day - t.start).days) * per_day
            month_w = 30 * per_day
            month = month_label(day, False)  # "Jan", "Jan." in the slides' language
            if month_w >= self.measure(month, 1e5, MIN_PX).width() + 4:
                self.text(QRectF(x + 2, top, month_w, axis_h), month, MIN_PX, MUTED)
            day = date_after_month(day)
        top += axis_h
        names = self._metrics_for(MIN_PX, False)
        line_h = names.height()
        # More people than the room can read: shown as bars only. A name may
        # take its line's whole height where a lane is a little lower (a small
        # screen's), centred on its lane: the lines' leading is what overlaps.
        lanes_shown = lanes if lane_h >= line_h * 0.9 else 0
        name_h = max(lane_h, line_h)
        for n in range(lanes_shown):
            # A lane's name is a label beside its bars: one too long for its
            # column (a 300-letter name) is shortened with an ellipsis.
            name = names.elidedText(t.lanes[n], Qt.TextElideMode.ElideRight, label_w - 10)
            self.text(QRectF(area.left(), top + (n + 0.5) * lane_h - name_h / 2, label_w - 8,
                             name_h), name, MIN_PX, ACCENT.get(t.lane_teams[n], INK),
                      flags=int(Qt.AlignmentFlag.AlignVCenter))
        for bar in t.bars:
            colour = MUTED if bar.cancelled else ACCENT[bar.direction.split("_")[0]]
            self.fill(QRectF(area.left() + label_w + (bar.first - t.start).days * per_day,
                             top + bar.lane * lane_h + lane_h * 0.2,
                             max(2.0, ((bar.last - bar.first).days + 1) * per_day),
                             max(1.0, lane_h * 0.6)), colour)

    def _footer(self, base: int, margin: float, inner: float) -> None:
        y = self.height - base * 1.8
        self.fill(QRectF(0, self.height - 8, self.width * self.progress, 8),
                  ACCENT["marketing"])
        left, right = self.footer
        right_w = self.measure(right, 1e5, MIN_PX).width() + 4
        room = inner - right_w - 20
        metrics = self._metrics.get((MIN_PX, False))
        if metrics is None:
            metrics = self._metrics[(MIN_PX, False)] = QFontMetricsF(self._font(MIN_PX, False))
        if metrics.horizontalAdvance(left) > room:  # one line: the section's name shortened,
            head, dot, rest = left.partition("\u00b7")  # the clock after it kept whole
            keep = metrics.horizontalAdvance(dot + rest)
            left = metrics.elidedText(head.rstrip(), Qt.TextElideMode.ElideRight,
                                      room - keep - metrics.horizontalAdvance("  ")) \
                + "  " + dot + rest if dot and keep < room * 0.8 else \
                metrics.elidedText(left, Qt.TextElideMode.ElideMiddle, room)
        self.text(QRectF(margin, y, room, base * 1.4), left, MIN_PX, MUTED)
        self.text(QRectF(margin + inner - right_w, y, right_w, base * 1.4), right, MIN_PX,
                  MUTED)


# Where Qt may break a word: after a hyphen before a letter ("Marketing-|qualified"),
# never before a digit ("2027-06" stays whole), as Unicode's line breaking says.
_HYPHENATED = re.compile(r"(?<=-)(?=[^\W\d_])")


def date_after_month(day: date) -> date:
    return (day.replace(day=28) + timedelta(days=4)).replace(day=1)
