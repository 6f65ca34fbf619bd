"""The funnel figure and the metric charts, drawn as vectors on the PDF canvas."""

from reportlab.lib import colors
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable

from planner.i18n import _, number, percent, with_percent_sign
from planner.model.enums import EngagedTeam, Team, label
from planner.outline.blocks import FunnelFigure, MetricSeries, NetworkFigure
from planner.export import scripts
from planner.palette import PAPER

TEAM = {"marketing": colors.HexColor(PAPER["marketing_bar"]),
        "sales": colors.HexColor(PAPER["sales_bar"]), "both": colors.HexColor(PAPER["both"])}
STATUS = {"on track": colors.HexColor(PAPER["good"]), "at risk": colors.HexColor(PAPER["warn"]),
          "off track": colors.HexColor(PAPER["bad"]), "no data": colors.HexColor(PAPER["faint"])}
INK, MUTED = colors.HexColor(PAPER["ink"]), colors.HexColor(PAPER["muted"])


class FunnelDrawing(Flowable):  # type: ignore[misc]
    """Stages as bands narrowing downwards, coloured by the team that engages."""

    BAND = 24.0

    def __init__(self, figure: FunnelFigure, width: float, font: str) -> None:
        super().__init__()
        self.figure, self.font = figure, font
        self.width, self.height = width, max(1, len(figure.stages)) * self.BAND + 4

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return self.width, self.height

    def alt_text(self) -> str:
        """What the figure shows, for a reader who cannot see it."""
        stages = [f"{name} ({label(EngagedTeam(team))}" + (", " + _(
            "{share} reach the next stage").format(share=percent(rate)) + ")" if rate and
            n < len(self.figure.stages) - 1 else ")")
            for n, (name, team, rate) in enumerate(self.figure.stages)]
        return _("The funnel, top to bottom: {stages}.").format(stages="; ".join(stages))

    def draw(self) -> None:
        c, n = self.canv, len(self.figure.stages)
        full, narrow, centre = self.width * 0.62, self.width * 0.22, self.width * 0.36
        for i, (name, team, rate) in enumerate(self.figure.stages):
            top_w = full - (full - narrow) * i / max(1, n)
            bottom_w = full - (full - narrow) * (i + 1) / max(1, n)
            y = self.height - (i + 1) * self.BAND
            path = c.beginPath()
            path.moveTo(centre - top_w / 2, y + self.BAND - 1)
            path.lineTo(centre + top_w / 2, y + self.BAND - 1)
            path.lineTo(centre + bottom_w / 2, y + 1)
            path.lineTo(centre - bottom_w / 2, y + 1)
            path.close()
            c.setFillColor(TEAM.get(team, MUTED))
            c.drawPath(path, stroke=0, fill=1)
            c.setFillColor(colors.white)
            c.setFont(self.font, 8.5)
            scripts.draw(c, centre, y + self.BAND / 2 - 3, name[:40], self.font, c._fontsize,
                         "centre")
            c.setFillColor(INK)
            words = label(EngagedTeam(team)) + ("  \u2192 " + _("{share} reach the next "
                                                                "stage").format(
                share=percent(rate)) if rate and i < n - 1 else "")
            room, size = self.width * 0.31, 8.0
            while size > 6 and stringWidth(words, self.font, size) > room:
                size -= 0.25  # smaller rather than past the page's margin
            c.setFont(self.font, size)
            c.drawString(self.width * 0.69, y + self.BAND / 2 - 3, words)


class MetricChartGrid(Flowable):  # type: ignore[misc]
    """Two small charts a row: actuals, baseline (grey) and target (green), status."""

    ROW = 110.0

    def __init__(self, series: tuple[MetricSeries, ...], width: float, font: str) -> None:
        super().__init__()
        self.series, self.font = series, font
        self.width, self.height = width, ((len(series) + 1) // 2) * self.ROW

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return self.width, self.height

    def split(self, available_width: float, available_height: float) -> list[Flowable]:
        rows = int(available_height // self.ROW)
        if rows < 1 or rows * 2 >= len(self.series):
            return []
        return [MetricChartGrid(self.series[:rows * 2], self.width, self.font),
                MetricChartGrid(self.series[rows * 2:], self.width, self.font)]

    def alt_text(self) -> str:
        """Each chart in words: its metric, status, baseline, target and the
        latest actual."""
        said = []
        for s in self.series:
            parts = [f"{s.name}: {_(s.status)}"]
            if s.baseline is not None:
                parts.append(_("baseline {value}").format(value=_short(s.baseline, s.unit)))
            if s.target is not None:
                parts.append(_("target {value}").format(value=_short(s.target, s.unit)))
            if s.actuals:
                parts.append(_("last {value} in {period}").format(
                    value=_short(s.actuals[-1], s.unit), period=s.periods[-1]))
            said.append(", ".join(parts))
        return _("Charts of the metrics over the periods.") + " " + "; ".join(said) + "."

    def draw(self) -> None:
        cell = self.width / 2
        for n, s in enumerate(self.series):
            x = (n % 2) * cell
            y = self.height - (n // 2 + 1) * self.ROW
            self._chart(s, x + 4, y + 8, cell - 16, self.ROW - 16)

    def _chart(self, s: MetricSeries, x: float, y: float, w: float, h: float) -> None:
        """The metric over the plan's periods: its actuals, the plan's straight
        line from baseline to target, the target, the value axis with its unit
        and the time axis from the plan's first period to its last."""
        c = self.canv
        unit = f" ({s.unit})" if s.unit and s.unit != "count" else ""
        c.setFont(self.font, 8)
        c.setFillColor(INK)
        scripts.draw(c, x, y + h - 8, (s.name + unit)[:56], self.font, 8)
        c.setFillColor(STATUS.get(s.status, MUTED))
        c.drawRightString(x + w, y + h - 8, _(s.status))
        plot_top, plot_bottom, left, right = y + h - 16, y + 12, x + 46, x + w
        levels = list(s.actuals) + [v for v in (s.baseline, s.target) if v is not None]
        c.setStrokeColor(colors.HexColor(PAPER["rule"]))
        c.setLineWidth(0.4)
        c.line(left, plot_bottom, right, plot_bottom)
        c.line(left, plot_bottom, left, plot_top)
        if not levels:
            c.setFillColor(MUTED)
            c.drawString(left + 4, (plot_top + plot_bottom) / 2, _("no actuals yet"))
            return
        low, high = min(levels), max(levels)
        pad = (high - low) * 0.1 or 1.0
        low, high = low - pad, high + pad
        periods = list(s.plan_periods) or list(s.periods)
        for p in s.periods:
            if p not in periods:
                periods.append(p)
        step = (right - left) / max(1, len(periods) - 1)
        at = {p: left + i * step for i, p in enumerate(periods)}

        def yv(v: float) -> float:
            return plot_bottom + (v - low) / (high - low) * (plot_top - plot_bottom)

        c.setFont(self.font, 6)
        c.setFillColor(MUTED)
        for value in (low + pad, high - pad):  # the value axis, in the metric's unit
            c.drawRightString(left - 3, yv(value) - 2, _short(value, s.unit))
        c.drawString(left, y + 2, periods[0])
        c.drawRightString(right, y + 2, periods[-1])
        if s.target is not None:
            c.setStrokeColor(STATUS["on track"])
            c.setDash(2, 2)
            c.line(left, yv(s.target), right, yv(s.target))
            c.setDash()
            c.setFillColor(STATUS["on track"])
            c.drawRightString(right, yv(s.target) + 2, _("target"))
        if s.baseline is not None and s.target is not None:  # the plan: a straight line
            c.setStrokeColor(MUTED)
            c.setDash(1, 2)
            c.line(left, yv(s.baseline), right, yv(s.target))
            c.setDash()
        points = [(at[p], yv(v)) for p, v in zip(s.periods, s.actuals, strict=False)
                  if p in at]
        if points:
            path = c.beginPath()
            for i, (px, py) in enumerate(points):
                (path.lineTo if i else path.moveTo)(px, py)
            c.setStrokeColor(colors.HexColor(PAPER["sales"]))
            c.setLineWidth(1.3)
            c.drawPath(path, stroke=1, fill=0)
            c.setLineWidth(0.4)


def _short(value: float, unit: str) -> str:
    """An axis label: 2.6M EUR, 42k EUR, 64%, 75 days."""
    size = abs(value)
    text = (number(value / 1e6, 1) + "M" if size >= 1e6 else number(value / 1e3) + "k"
            if size >= 1e4 else number(value) if float(value).is_integer() or size >= 100
            else number(value, 1))
    if unit == "%":
        return with_percent_sign(text)
    return text if not unit or unit == "count" else f"{text} {unit}"


class NetworkDrawing(Flowable):  # type: ignore[misc]
    """The collaboration network as vectors: ties as grey lines as wide as
    their weight, people as dots in their team's colour, brokers ringed and
    named (every name at 60 people or fewer)."""

    def __init__(self, figure: NetworkFigure, width: float, font: str) -> None:
        super().__init__()
        self.figure, self.font = figure, font
        self.width, self.height = width, width * 0.62

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return self.width, self.height

    def alt_text(self) -> str:
        f = self.figure
        teams: dict[str, int] = {}
        for _name, team, _x, _y, _broker in f.people:
            teams[team] = teams.get(team, 0) + 1
        brokers = [name for name, _, _, _, broker in f.people if broker]
        said = _("The collaboration network: {people} people ({teams}), {ties} ties.").format(
            people=len(f.people), ties=len(f.ties),
            teams=", ".join(f"{n} {label(Team(team))}" for team, n in sorted(teams.items())))
        if brokers:
            said += " " + _("Brokers: {names}.").format(
                names=", ".join(brokers[:20]) + (" " + _("and {n} more").format(
                    n=len(brokers) - 20) if len(brokers) > 20 else ""))
        return said

    def draw(self) -> None:
        c, f = self.canv, self.figure
        pad = 14.0
        w, h = self.width - 2 * pad, self.height - 2 * pad

        def at(n: int) -> tuple[float, float]:
            _, _, x, y, _ = f.people[n]
            return pad + x * w, pad + y * h

        heaviest = max((t[2] for t in f.ties), default=1.0)
        c.setStrokeColor(colors.HexColor(PAPER["faint"]))
        for a, b, weight in f.ties:
            c.setLineWidth(0.3 + 2.2 * weight / heaviest)
            (x1, y1), (x2, y2) = at(a), at(b)
            c.line(x1, y1, x2, y2)
        names = len(f.people) <= 60
        c.setFont(self.font, 6.5)
        for n, (name, team, _x, _y, broker) in enumerate(f.people):
            x, y = at(n)
            colour = TEAM.get(team, MUTED)
            c.setFillColor(colour)
            c.setStrokeColor(colour)
            c.circle(x, y, 4.5 if broker else 3, stroke=0, fill=1)
            if broker:
                c.setStrokeColor(INK)
                c.setLineWidth(0.8)
                c.circle(x, y, 6.5, stroke=1, fill=0)
            if names or broker:  # a name near the right edge goes left of its dot
                c.setFillColor(INK)
                if x + 7 + stringWidth(name, self.font, 6.5) > self.width:
                    scripts.draw(c, x - 7, y - 2, name, self.font, 6.5, "right")
                else:
                    scripts.draw(c, x + 7, y - 2, name, self.font, 6.5)
