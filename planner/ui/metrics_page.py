"""Metrics: definitions with live status and trend, the actuals grid, CSV import, a chart."""

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtGui import QColor, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView, QApplication, QHBoxLayout, QPushButton, QSplitter, QTableView,
    QTabWidget, QVBoxLayout, QWidget)

from planner.edits import SetMetricValues, set_links
from planner.model import Goal, Metric, MetricGoal, MetricValue
from planner.model.enums import Cadence
from planner.rules.metrics import MetricStatus, metric_statuses, plan_periods
from planner.store.plan_store import Change
from planner.ui.models import Index, PlanTableModel
from planner.ui.pages import TablePage
from planner.ui.session import PlanSession

STATUS_COLOURS = {MetricStatus.ON_TRACK.value: QColor("#2E7D32"),
                  MetricStatus.AT_RISK.value: QColor("#B26A00"),
                  MetricStatus.OFF_TRACK.value: QColor("#C62828"),
                  MetricStatus.NO_DATA.value: QColor("#9AA5B1")}


class MetricsTableModel(PlanTableModel):
    """Metric rows plus two read-only columns: status (the plan's rule) and trend."""

    def _load_names(self) -> None:
        super()._load_names()
        self._names.update({g["id"]: g["title"] for g in self.session.store.rows(Goal)})

    def _query(self) -> list[dict[str, Any]]:
        rows = super()._query()
        store = self.session.store
        links: dict[str, list[str]] = {}
        for link in store.rows(MetricGoal):
            links.setdefault(link["metric_id"], []).append(link["goal_id"])
        values = store.rows(MetricValue, ["period"])
        statuses = metric_statuses(store.plan(), rows, values)
        trends: dict[str, list[float]] = {}
        for v in values:
            trends.setdefault(v["metric_id"], []).append(v["actual"])
        for row in rows:
            assessment = statuses[row["id"]]
            row["status"] = assessment.status.value
            row["status_reason"] = assessment.reason
            row["trend"] = trends.get(row["id"], [])
            row["goal_ids"] = links.get(row["id"], [])
        return rows

    def _on_plan_changed(self, change: Change) -> None:
        if "goal" in change.tables:
            self._load_names()
        if "metric" not in change.tables and \
                change.tables.keys() & {"metric_value", "plan", "metric_goal", "goal"}:
            self._rows = self._query()
            self._emit_all_changed()
            return
        super()._on_plan_changed(change)

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        """Linked goals change as link rows: added and removed in one edit."""
        if not index.isValid() or self.column(index).kind != "goals":
            return super().setData(index, value, role)
        if self.session.read_only:
            return False
        edit = set_links(self.session.store.rows(MetricGoal), "metric_id",
                         self._rows[index.row()]["id"], set(value), "Link goals")
        return edit is not None and self.session.do(edit)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if index.isValid() and self.column(index).kind == "status":
            row = self._rows[index.row()]
            if role == Qt.ItemDataRole.ForegroundRole:
                return STATUS_COLOURS[row["status"]]
            if role == Qt.ItemDataRole.ToolTipRole:
                return row["status_reason"]
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
        self.metrics = store.rows(Metric, ["name", "id"])
        months, quarters = plan_periods(plan, Cadence.MONTHLY), plan_periods(plan, Cadence.QUARTERLY)
        cadences = {m["cadence"] for m in self.metrics}
        self.periods = (months if Cadence.MONTHLY in cadences or not cadences else []) + \
            (quarters if Cadence.QUARTERLY in cadences else [])
        self.values = {(v["metric_id"], v["period"]): v["actual"]
                       for v in store.rows(MetricValue)}
        self.endResetModel()

    def _on_plan_changed(self, change: Change) -> None:
        if change.tables.keys() & {"metric", "metric_value", "plan"}:
            self.reload()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.metrics)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.periods)

    def _applies(self, row: int, column: int) -> bool:
        quarterly = self.periods[column][5] == "Q"
        return quarterly == (self.metrics[row]["cadence"] is Cadence.QUARTERLY)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        key = (self.metrics[index.row()]["id"], self.periods[index.column()])
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            value = self.values.get(key)
            return "" if value is None else f"{value:g}"
        if role == Qt.ItemDataRole.BackgroundRole and not self._applies(index.row(), index.column()):
            return QColor("#EEF1F4")
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return self.periods[section]
        return self.metrics[section]["name"]

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if not self.session.read_only and self._applies(index.row(), index.column()):
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
            cleaned = text.strip().replace("\u00a0", "").replace(" ", "")
            if "," in cleaned and "." not in cleaned:
                cleaned = cleaned.replace(",", ".")
            try:
                actual = float(cleaned.replace(",", ""))
            except ValueError:
                self.session.problem_reported.emit(
                    f"\u201c{text}\u201d for {self.metrics[row]['name']}, "
                    f"{self.periods[column]} is not a number; nothing was pasted.")
                return False
            values.append((self.metrics[row]["id"], self.periods[column], actual, ""))
        return bool(values) and self.session.do(SetMetricValues(tuple(values), label=label))


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
        from planner.ui.charts import MetricChart, SparklineDelegate

        self.view.setItemDelegateForColumn(2, SparklineDelegate(self.view))
        self.chart = MetricChart(self.session)
        self.view.selectionModel().currentRowChanged.connect(
            lambda current, _prev: self.chart.show_metric(
                self.model.row_id(current.row()) if current.isValid() else None))
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.view)
        split.addWidget(self.chart)
        split.setSizes([420, 300])
        self.actuals = ActualsModel(self.session, self)
        self.grid = ActualsView(objectName="actualsGrid")
        self.grid.setModel(self.actuals)
        self.grid.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.grid.horizontalHeader().setDefaultSectionSize(72)
        self.import_button = QPushButton("Import actuals from CSV\u2026", objectName="importCsv")
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
        self.tabs.addTab(split, "Metrics")
        self.tabs.addTab(grid_tab, "Actuals by period")
        return self.tabs

    def new_row(self, row_id: str) -> Any:
        from planner.edits import InsertRow

        return InsertRow("metric", {"id": row_id, "name": "New metric"}, label="Add metric")

    def import_csv(self) -> None:
        from planner.ui.csv_import import run_csv_import

        run_csv_import(self, self.session)
