"""Metric charts drawn with QPainter: a chart per metric and sparklines in the table."""

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QPointF, QRectF, Qt
from PySide6.QtGui import QPainter, QPainterPath, QPaintEvent, QPen
from PySide6.QtWidgets import QStyledItemDelegate, QStyleOptionViewItem, QWidget

from planner.changes import ChangeSet
from planner.model import CrmImport, FunnelStage, Metric, MetricValue, NonWorkingDay, Plan
from planner.model.enums import label
from planner.rules.metrics import metric_statuses
from planner.ui.i18n import tr
from planner.ui.shell.session import PlanSession
from planner.ui.widgets import colours
from planner.outline.actuals import actual_values

LINE = colours.SALES
BASELINE = colours.FAINT
TARGET = colours.GOOD


def _scale(values: list[float], low: float, high: float, top: float, bottom: float) -> list[float]:
    span = (high - low) or 1.0
    return [bottom - (v - low) / span * (bottom - top) for v in values]


class SparklineDelegate(QStyledItemDelegate):
    """A metric's actuals as a small line in its table cell."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        super().paint(painter, option, index)
        values: list[float] = index.data(Qt.ItemDataRole.EditRole) or []
        if len(values) < 2:
            return
        rect = QRectF(option.rect).adjusted(6, 6, -6, -6)
        ys = _scale(values, min(values), max(values), rect.top(), rect.bottom())
        step = rect.width() / (len(values) - 1)
        path = QPainterPath(QPointF(rect.left(), ys[0]))
        for n, y in enumerate(ys[1:], start=1):
            path.lineTo(rect.left() + n * step, y)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(LINE, 1.4))
        painter.drawPath(path)
        painter.restore()


class MetricChart(QWidget):
    """One metric over the plan's periods, with its baseline and target lines."""

    def __init__(self, session: PlanSession) -> None:
        super().__init__()
        self.setObjectName("metricChart")
        self.session = session
        # Not `self.shown`: that would shadow QPaintDevice.metric(), which QPainter calls.
        self.shown: Metric | None = None
        self.points: list[tuple[str, float]] = []
        self.status = ""
        self.setMinimumHeight(200)
        session.plan_changed.connect(self._on_plan_changed)

    def show_metric(self, metric_id: str | None) -> None:
        store = self.session.store
        self.shown = store.get(Metric, metric_id) if metric_id else None
        self.points = []
        if self.shown:
            values = [v for v in actual_values(store) if v.metric_id == self.shown.id]
            self.points = [(v.period, v.actual) for v in values]
            status = metric_statuses(store.plan(), [self.shown], values)[self.shown.id]
            self.status = f"{label(status.status)}: {status.reason}"
        self.update()

    def _on_plan_changed(self, change: ChangeSet) -> None:
        if self.shown and change.touches(Metric, MetricValue, Plan, CrmImport, FunnelStage,
                                         NonWorkingDay):  # and what a computed one counts
            self.show_metric(self.shown.id)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), colours.WINDOW)
        if self.shown is None:
            painter.setPen(colours.MUTED)
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter,
                             tr("Select a metric to see it over the periods."))
            return
        m = self.shown
        area = QRectF(self.rect()).adjusted(60, 34, -20, -28)
        painter.setPen(colours.INK)
        unit = m.unit or tr("value")
        painter.drawText(QPointF(12, 20), f"{m.name} ({unit}) \u2014 {self.status}")
        levels = [v for _, v in self.points] + [x for x in (m.baseline, m.target) if x is not None]
        if not levels:
            return
        low, high = min(levels), max(levels)
        pad = (high - low) * 0.1 or 1.0
        low, high = low - pad, high + pad
        for value, colour, name in ((m.baseline, BASELINE, tr("baseline")),
                                    (m.target, TARGET, tr("target"))):
            if value is not None:
                y = _scale([value], low, high, area.top(), area.bottom())[0]
                painter.setPen(QPen(colour, 1.2, Qt.PenStyle.DashLine))
                painter.drawLine(QPointF(area.left(), y), QPointF(area.right(), y))
                painter.drawText(QPointF(4, y + 4), f"{value:g}")
                painter.drawText(QPointF(area.right() - 50, y - 4), name)
        if not self.points:
            return
        step = area.width() / max(1, len(self.points) - 1)
        ys = _scale([v for _, v in self.points], low, high, area.top(), area.bottom())
        path = QPainterPath(QPointF(area.left(), ys[0]))
        painter.setPen(colours.MUTED)
        for n, ((period, _), y) in enumerate(zip(self.points, ys, strict=True)):
            x = area.left() + n * step
            if n:
                path.lineTo(x, y)
            if len(self.points) <= 12 or n % 3 == 0:
                painter.drawText(QPointF(min(x - 18, area.right() - 44), area.bottom() + 18),
                                 period)
        painter.setPen(QPen(LINE, 2.2))
        painter.drawPath(path)
        painter.setBrush(LINE)
        for n, y in enumerate(ys):
            painter.drawEllipse(QPointF(area.left() + n * step, y), 2.8, 2.8)
