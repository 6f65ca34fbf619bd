"""Metrics: definitions with live status and trend, the actuals grid, CSV import, a chart."""

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtGui import QFont, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView, QApplication, QHBoxLayout, QPushButton, QSplitter, QTableView,
    QTabWidget, QVBoxLayout, QWidget)

from planner.changes import ChangeSet
from planner.model import (
    CrmImport, FunnelStage, Goal, Metric, MetricGoal, MetricValue, NonWorkingDay, Person, Plan,
    Record)
from planner.model.crm import figure_name
from planner.model.enums import Cadence, label
from planner.operations import goals as goal_ops
from planner.operations import metrics as metric_ops
from planner.operations.rows import add, new
from planner.rules.metrics import Assessment, metric_statuses, plan_periods
from planner.ui.i18n import format_number, tr
from planner.ui.pages.table import TablePage
from planner.ui.shell.session import PlanSession
from planner.ui.widgets.colours import STATUS_COLOURS
from planner.ui.widgets.columns import Column
from planner.ui.widgets.models import Index, PlanTableModel
from planner.ui.widgets import colours
from planner.outline.actuals import actual_values


class MetricsTableModel(PlanTableModel):
    """Metric rows plus read-only columns: status (the plan's rule), trend, linked goals."""

    def lookup_kinds(self) -> frozenset[type[Record]]:
        return frozenset({Person, FunnelStage, Goal, MetricValue, MetricGoal, Plan, Metric,
                          CrmImport, NonWorkingDay})

    def refresh_lookups(self) -> None:
        super().refresh_lookups()
        store = self.session.store
        self.names.update({g.id: g.title for g in store.rows(Goal)})
        self.links: dict[str, list[str]] = {}
        for link in store.rows(MetricGoal):
            self.links.setdefault(link.metric_id, []).append(link.goal_id)
        values = actual_values(store)
        self.assessments: dict[str, Assessment] = metric_statuses(
            store.plan(), store.rows(Metric), values)
        self.trends: dict[str, list[float]] = {}
        for v in values:
            self.trends.setdefault(v.metric_id, []).append(v.actual)

    def value(self, row: Metric, column: Column) -> Any:
        if column.kind == "status":
            return label(self.assessments[row.id].status) if row.id in self.assessments else ""
        if column.kind == "trend":
            return self.trends.get(row.id, [])
        if column.kind == "goals":
            return self.links.get(row.id, [])
        return super().value(row, column)

    def trend_words(self, row: Metric) -> str:
        """What the sparkline shows, in words: "Pipeline value: 1,800,000 to
        2,600,000 EUR, last 2,040,000 (6 periods), at risk"."""
        def shown(value: float | None) -> str:
            return "\u2014" if value is None else format_number(
                value, 0 if float(value).is_integer() else 1)

        points = self.trends.get(row.id, [])
        status = label(self.assessments[row.id].status) if row.id in self.assessments else ""
        unit = f" {row.unit}" if row.unit and row.unit != "count" else ""
        last = tr("last {value} ({n} periods)").format(value=shown(points[-1]), n=len(points)) \
            if points else tr("no actuals yet")
        return tr("{metric}: {baseline} to {target}{unit}, {last}, {status}").format(
            metric=row.name, baseline=shown(row.baseline), target=shown(row.target),
            unit=unit, last=last, status=status)

    def edit_cell(self, row: Metric, column: Column, value: Any) -> bool:
        """Linked goals change as link rows: added and removed in one change."""
        if column.kind == "goals":
            return self.session.do(goal_ops.link_goals(self.session.store, row, set(value)))
        if column.kind == "figure":
            return self.session.attempt(lambda: metric_ops.compute_from(row, str(value or "")))
        return super().edit_cell(row, column, value)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if index.isValid() and self.column(index).kind == "trend" and role in (
                Qt.ItemDataRole.AccessibleTextRole, Qt.ItemDataRole.ToolTipRole):
            return self.trend_words(self._rows[index.row()])
        if index.isValid() and self.column(index).kind == "status":
            assessment = self.assessments.get(self._rows[index.row()].id)
            if assessment and role == Qt.ItemDataRole.ForegroundRole:
                return STATUS_COLOURS[assessment.status.value]
            if assessment and role == Qt.ItemDataRole.ToolTipRole:
                return assessment.reason
        return super().data(index, role)


class ActualsModel(QAbstractTableModel):
    """Metrics down, periods across; typing or pasting a value sets an actual."""

    def __init__(self, session: PlanSession, parent: Any = None) -> None:
        super().__init__(parent)
        self.session = session
        self.reload()
        session.plan_changed.connect(self._on_plan_changed)

    def reload(self) -> None:
        self.beginResetModel()
        store = self.session.store
        plan = store.plan()
        self.metrics = list(store.rows(Metric))
        months, quarters = plan_periods(plan, Cadence.MONTHLY), plan_periods(plan, Cadence.QUARTERLY)
        cadences = {m.cadence for m in self.metrics}
        self.periods = (months if Cadence.MONTHLY in cadences or not cadences else []) + \
            (quarters if Cadence.QUARTERLY in cadences else [])
        self.values = {(v.metric_id, v.period): v.actual for v in actual_values(store)}
        self.computed = {m.id: figure_name(m.computed) for m in self.metrics if m.computed}
        self.endResetModel()

    def _on_plan_changed(self, change: ChangeSet) -> None:
        if change.touches(Metric, Plan) or (self.computed and change.touches(
                CrmImport, FunnelStage, NonWorkingDay)):  # what the computed ones count
            self.reload()
            return
        values = change.of(MetricValue)
        if not values:
            return
        columns = {p: n for n, p in enumerate(self.periods)}
        rows = {m.id: n for n, m in enumerate(self.metrics)}
        for row in values:
            value = row.after if row.after is not None else row.before
            assert isinstance(value, MetricValue)
            key = (value.metric_id, value.period)
            if key[0] in self.computed:
                continue  # set aside: the figure is shown
            if row.after is None:
                self.values.pop(key, None)
            else:
                self.values[key] = value.actual
            if key[0] in rows and key[1] in columns:
                at = self.index(rows[key[0]], columns[key[1]])
                self.dataChanged.emit(at, at)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.metrics)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.periods)

    def _applies(self, row: int, column: int) -> bool:
        quarterly = self.periods[column][5] == "Q"
        return quarterly == (self.metrics[row].cadence is Cadence.QUARTERLY)

    def _typed(self, row: int, column: int) -> bool:
        return self._applies(row, column) and self.metrics[row].id not in self.computed

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        key = (self.metrics[index.row()].id, self.periods[index.column()])
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            value = self.values.get(key)
            if value is None:
                return ""
            if role == Qt.ItemDataRole.EditRole:  # as typed: no grouping, no exponent
                return f"{value:.6f}".rstrip("0").rstrip(".")
            return format_number(value, 0 if float(value).is_integer() else 1)
        if role == Qt.ItemDataRole.BackgroundRole and not self._applies(index.row(), index.column()):
            return colours.GRID
        figure = self.computed.get(key[0])
        if figure is not None and role == Qt.ItemDataRole.ToolTipRole:
            return tr("Computed from the CRM data ({figure}); not typed.").format(
                figure=tr(figure))
        if figure is not None and role == Qt.ItemDataRole.FontRole:
            font = QFont()
            font.setItalic(True)
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return self.periods[section]
        metric = self.metrics[section]
        return metric.name + (" \u2022" if metric.id in self.computed else "")

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if not self.session.read_only and self._typed(index.row(), index.column()):
            base |= Qt.ItemFlag.ItemIsEditable
        return base

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        return self.set_many([(index.row(), index.column(), str(value))], "Set actual")

    def set_many(self, cells: list[tuple[int, int, str]], label: str) -> bool:
        """Set several actuals as one edit; refuse all if any is not a number."""
        values = []
        for row, column, text in cells:
            if not (0 <= row < len(self.metrics) and 0 <= column < len(self.periods)):
                continue
            if not self._applies(row, column):
                continue
            if self.metrics[row].id in self.computed:
                self.session.report(tr(
                    "{metric} is computed from the CRM data; its actuals cannot be typed and "
                    "nothing was pasted.").format(metric=self.metrics[row].name))
                return False
            cleaned = text.strip().replace("\u00a0", "").replace(" ", "")
            if "," in cleaned and "." not in cleaned:
                cleaned = cleaned.replace(",", ".")
            try:
                actual = float(cleaned.replace(",", ""))
            except ValueError:
                self.session.report(tr(
                    "\u201c{text}\u201d for {metric}, {period} is not a number; nothing was "
                    "pasted.").format(text=text, metric=self.metrics[row].name,
                                      period=self.periods[column]))
                return False
            values.append((self.metrics[row].id, self.periods[column], actual, ""))
        return bool(values) and self.session.do(
            metric_ops.record_actuals(self.session.store, values, label))


class ActualsView(QTableView):
    """The grid: Ctrl+V pastes a block copied from a spreadsheet."""

    def keyPressEvent(self, event: Any) -> None:
        if event.matches(QKeySequence.StandardKey.Paste):
            self.paste(QApplication.clipboard().text())
            return
        super().keyPressEvent(event)

    def paste(self, text: str) -> bool:
        model = self.model()
        start = self.currentIndex()
        if not isinstance(model, ActualsModel) or not start.isValid() or not text.strip():
            return False
        lines = [line.split("\t") for line in text.rstrip("\r\n").splitlines()]
        cells = [(start.row() + r, start.column() + c, value)
                 for r, line in enumerate(lines) for c, value in enumerate(line) if value.strip()]
        return model.set_many(cells, f"Paste {len(cells)} actuals")


class MetricsPage(TablePage):
    model_class = MetricsTableModel

    def body(self) -> QWidget:
        from planner.ui.widgets.charts import MetricChart, SparklineDelegate

        self.view.setItemDelegateForColumn(2, SparklineDelegate(self.view))
        self.chart = MetricChart(self.session)
        self.view.selectionModel().currentRowChanged.connect(
            lambda current, _prev: self.chart.show_metric(
                self.model.row_id(current.row()) if current.isValid() else None))
        split = QSplitter(Qt.Orientation.Vertical, objectName="metricsSplit")
        split.addWidget(self.view)
        split.addWidget(self.chart)
        split.setSizes([420, 300])
        self.actuals = ActualsModel(self.session, self)
        self.grid = ActualsView(objectName="actualsGrid")
        self.grid.setAccessibleName(tr("Actuals by metric and period"))
        self.grid.setModel(self.actuals)
        self.grid.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.grid.horizontalHeader().setDefaultSectionSize(72)
        self.import_button = QPushButton(tr("Import actuals from CSV\u2026"),
                                         objectName="importCsv")
        self.import_button.clicked.connect(self.import_csv)
        self.import_button.setEnabled(not self.session.read_only)
        grid_tab = QWidget()
        box = QVBoxLayout(grid_tab)
        row = QHBoxLayout()
        row.addWidget(self.import_button)
        row.addStretch()
        box.addLayout(row)
        box.addWidget(self.grid)
        self.tabs = QTabWidget(objectName="metricsTabs")
        self.tabs.setAccessibleName(tr("Metrics views"))
        self.tabs.addTab(split, tr("Metrics"))
        self.tabs.addTab(grid_tab, tr("Actuals by period"))
        return self.tabs

    def new_row(self) -> tuple[ChangeSet, Any] | None:
        metric = new(Metric, name="New metric")
        return add(metric), metric

    def import_csv(self) -> None:
        from planner.ui.dialogs.csv_import import run_csv_import

        run_csv_import(self, self.session)
