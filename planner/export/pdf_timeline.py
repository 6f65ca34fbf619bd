"""The ride timeline as vector drawings for the PDF, split across pages by lanes."""

from datetime import date, timedelta

from reportlab.graphics.shapes import Drawing, Line, Rect, String
from reportlab.lib import colors
from reportlab.platypus import Flowable

from planner.outline import Timeline

DIRECTION = {"marketing_with_sales": colors.HexColor("#E07A3A"),
             "sales_with_marketing": colors.HexColor("#3B82D0")}
TEAM = {"sales": colors.HexColor("#1D5FA8"), "marketing": colors.HexColor("#C2571A")}
LANE, HEADER, LABEL, LANES_PER_PAGE = 12.0, 16.0, 92.0, 44


def _months(start: date, end: date) -> list[date]:
    out, day = [], start.replace(day=1)
    while day <= end:
        out.append(day)
        day = (day.replace(day=28) + timedelta(days=4)).replace(day=1)
    return out


def _drawing(t: Timeline, first_lane: int, lanes: int, width: float, font: str) -> Drawing:
    height = HEADER + lanes * LANE
    d = Drawing(width, height)
    span = (t.end - t.start).days + 1
    per_day = (width - LABEL) / span

    def x(day: date) -> float:
        return LABEL + (day - t.start).days * per_day

    for n in range(lanes):
        if n % 2:
            d.add(Rect(0, height - HEADER - (n + 1) * LANE, width, LANE,
                       fillColor=colors.HexColor("#F5F7F9"), strokeColor=None))
    for month in _months(t.start, t.end):
        left = x(max(month, t.start))
        d.add(Line(left, 0, left, height, strokeColor=colors.HexColor("#D9DEE3"),
                   strokeWidth=0.4))
        if per_day * 28 > 18:
            d.add(String(left + 2, height - 10, f"{month:%b}" if month.month != 1 or
                         per_day * 28 < 30 else f"{month:%b %y}", fontName=font, fontSize=6,
                         fillColor=colors.HexColor("#616E7C")))
    for n in range(lanes):
        lane = first_lane + n
        d.add(String(2, height - HEADER - (n + 1) * LANE + 3.5, t.lanes[lane][:22],
                     fontName=font, fontSize=6.5, fillColor=TEAM.get(t.lane_teams[lane],
                                                                      colors.black)))
    for bar in t.bars:
        if not first_lane <= bar.lane < first_lane + lanes:
            continue
        top = height - HEADER - (bar.lane - first_lane + 1) * LANE + 2
        fill = colors.HexColor("#C5CBD3") if bar.cancelled else DIRECTION[bar.direction]
        d.add(Rect(x(bar.first), top, max(((bar.last - bar.first).days + 1) * per_day, 1.2),
                   LANE - 4, fillColor=fill,
                   strokeColor=colors.HexColor("#C62828") if bar.conflict else None,
                   strokeWidth=1.2 if bar.conflict else 0))
    return d


def timeline_drawings(t: Timeline, width: float, font: str) -> list[Flowable]:
    """One drawing per page's worth of lanes (vectors, so it prints sharp)."""
    return [_drawing(t, first, min(LANES_PER_PAGE, len(t.lanes) - first), width, font)
            for first in range(0, len(t.lanes), LANES_PER_PAGE)]
