"""The ride timeline as vectors on the PDF canvas, split across pages by lanes.

Drawn directly with canvas operations (grouped by colour) rather than
reportlab.graphics shapes, whose validated attributes cost ten times more.
"""

from datetime import date, timedelta

from reportlab.lib import colors
from reportlab.platypus import Flowable

from planner.i18n import _, day, month_label
from planner.outline.blocks import Timeline, TimelineBar
from planner.export import scripts
from planner.palette import PAPER

DIRECTION = {"marketing_with_sales": colors.HexColor(PAPER["marketing_bar"]),
             "sales_with_marketing": colors.HexColor(PAPER["sales_bar"])}
CANCELLED = colors.HexColor(PAPER["cancelled"])
CONFLICT = colors.HexColor(PAPER["bad"])
TEAM = {"sales": colors.HexColor(PAPER["sales"]),
        "marketing": colors.HexColor(PAPER["marketing"])}
LANE, HEADER, LABEL, LANES_PER_PAGE = 12.0, 16.0, 92.0, 44


def _months(start: date, end: date) -> list[date]:
    out, day = [], start.replace(day=1)
    while day <= end:
        out.append(day)
        day = (day.replace(day=28) + timedelta(days=4)).replace(day=1)
    return out


class TimelineChart(Flowable):  # type: ignore[misc]
    def __init__(self, timeline: Timeline, first_lane: int, lanes: int, width: float,
                 font: str, bars: list[TimelineBar]) -> None:
        super().__init__()
        self.t, self.first, self.lanes, self.font = timeline, first_lane, lanes, font
        self.mine = bars  # this page's lanes' bars only
        self.width, self.height = width, HEADER + lanes * LANE
        self.per_day = (width - LABEL) / ((timeline.end - timeline.start).days + 1)

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return self.width, self.height

    def alt_text(self) -> str:
        lanes = self.t.lanes[self.first:self.first + self.lanes]
        shown = ", ".join(lanes[:12]) + (" " + _("and {n} more").format(n=len(lanes) - 12)
                                         if len(lanes) > 12 else "")
        cancelled = sum(1 for b in self.mine if b.cancelled)
        clashes = sum(1 for b in self.mine if b.conflict)
        return _("Timeline of field rides from {first} to {last} for {people}: {rides} rides, "
                 "{cancelled} cancelled, {clashes} in conflict. The schedule lists every "
                 "ride.").format(first=day(self.t.start), last=day(self.t.end), people=shown,
                                 rides=len(self.mine), cancelled=cancelled, clashes=clashes)

    def _x(self, day: date) -> float:
        return LABEL + (day - self.t.start).days * self.per_day

    def _lane_bottom(self, lane: int) -> float:
        return self.height - HEADER - (lane - self.first + 1) * LANE

    def draw(self) -> None:
        c, t = self.canv, self.t
        c.setFillColor(colors.HexColor(PAPER["surface"]))
        for n in range(1, self.lanes, 2):
            c.rect(0, self._lane_bottom(self.first + n), self.width, LANE, stroke=0, fill=1)
        c.setStrokeColor(colors.HexColor(PAPER["rule"]))
        c.setLineWidth(0.4)
        c.setFont(self.font, 6)
        every = 1 if self.per_day * 28 > 18 else 3  # long plans: label quarters
        for month in _months(t.start, t.end):
            left = self._x(max(month, t.start))
            c.line(left, 0, left, self.height)
            if (month.month - 1) % every == 0:
                c.setFillColor(colors.HexColor(PAPER["muted"]))
                c.drawString(left + 2, self.height - 10, month_label(month, month.month == 1
                                                                      or every > 1))
        c.setFont(self.font, 6.5)
        for lane in range(self.first, self.first + self.lanes):
            c.setFillColor(TEAM.get(t.lane_teams[lane], colors.black))
            scripts.draw(c, 2, self._lane_bottom(lane) + 3.5, t.lanes[lane][:22], self.font,
                         c._fontsize)
        self._bars()

    def _bars(self) -> None:
        c = self.canv
        mine = self.mine
        groups = ((CANCELLED, [b for b in mine if b.cancelled]),
                  *((colour, [b for b in mine if not b.cancelled and b.direction == key])
                    for key, colour in DIRECTION.items()))
        for colour, bars in groups:
            c.setFillColor(colour)
            for bar in bars:
                c.rect(self._x(bar.first), self._lane_bottom(bar.lane) + 2,
                       max(((bar.last - bar.first).days + 1) * self.per_day, 1.2), LANE - 4,
                       stroke=0, fill=1)
        c.setStrokeColor(CONFLICT)
        c.setLineWidth(1.2)
        for bar in mine:
            if bar.conflict:
                c.rect(self._x(bar.first), self._lane_bottom(bar.lane) + 2,
                       max(((bar.last - bar.first).days + 1) * self.per_day, 1.2), LANE - 4,
                       stroke=1, fill=0)


def timeline_drawings(t: Timeline, width: float, font: str) -> list[Flowable]:
    """One chart per page's worth of lanes; each bar sorted to its page once."""
    pages: dict[int, list[TimelineBar]] = {}
    for bar in t.bars:
        pages.setdefault(bar.lane // LANES_PER_PAGE, []).append(bar)
    return [TimelineChart(t, first, min(LANES_PER_PAGE, len(t.lanes) - first), width, font,
                          pages.get(first // LANES_PER_PAGE, []))
            for first in range(0, len(t.lanes), LANES_PER_PAGE)]
