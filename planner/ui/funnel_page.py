"""The one funnel: stages and handoffs both ways, and working back from revenue."""

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDoubleSpinBox, QFormLayout, QHBoxLayout, QLabel, QPushButton, QSplitter, QTableWidget,
    QTableWidgetItem, QVBoxLayout, QWidget)

from planner.edits import Compound, InsertRow, UpdateRow
from planner.model import FunnelStage, Metric
from planner.rules.funnel import needed_per_stage
from planner.store.plan_store import Change
from planner.ui.pages import TablePage
from planner.ui.session import PlanSession


class FunnelPage(TablePage):
    def body(self) -> QWidget:
        up = QPushButton("Move stage up", objectName="stageUp")
        down = QPushButton("Move stage down", objectName="stageDown")
        up.clicked.connect(lambda: self.move_stage(-1))
        down.clicked.connect(lambda: self.move_stage(1))
        for button in (up, down):
            button.setEnabled(not self.session.read_only)
        buttons = QHBoxLayout()
        buttons.addWidget(up)
        buttons.addWidget(down)
        buttons.addStretch()
        top = QWidget()
        box = QVBoxLayout(top)
        box.setContentsMargins(0, 0, 0, 0)
        box.addLayout(buttons)
        box.addWidget(self.view)
        self.back = BackCalculation(self.session)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(top)
        split.addWidget(self.back)
        split.setSizes([380, 330])
        return split

    def new_row(self, row_id: str) -> InsertRow:
        return InsertRow("funnel_stage", {"id": row_id, "name": "New stage",
                                          "position": self.model.rowCount()}, label="Add stage")

    def move_stage(self, step: int) -> bool:
        row = self.view.currentIndex().row()
        other = row + step
        if row < 0 or not 0 <= other < self.model.rowCount():
            return False
        stages = self.session.store.rows(FunnelStage, ["position", "id"])
        order = [s["id"] for s in stages]
        order[row], order[other] = order[other], order[row]
        edits = tuple(UpdateRow("funnel_stage", sid, {"position": n}) for n, sid in enumerate(order))
        if self.session.do(Compound(edits, label="Move stage")):
            self.focus_row(order[other])
            return True
        return False


class BackCalculation(QWidget):
    """Revenue target and deal size in; how many of each stage a month out."""

    def __init__(self, session: PlanSession) -> None:
        super().__init__()
        self.session = session
        self.revenue = QDoubleSpinBox(maximum=1e12, decimals=0, singleStep=100_000,
                                      objectName="revenueTarget", groupSeparatorShown=True)
        self.deal = QDoubleSpinBox(maximum=1e9, decimals=0, singleStep=1000,
                                   objectName="dealSize", groupSeparatorShown=True)
        self.revenue.setSpecialValueText("not set")
        self.deal.setSpecialValueText("not set")
        self.revenue.editingFinished.connect(
            lambda: self._set("revenue_target", self.revenue.value() or None))
        self.deal.editingFinished.connect(
            lambda: self._set("average_deal_size", self.deal.value() or None))
        self.result = QTableWidget(objectName="neededPerStage")
        self.result.setColumnCount(3)
        self.result.setHorizontalHeaderLabels(["Stage", "Needed a month", "Reach next"])
        self.result.verticalHeader().setVisible(False)
        self.result.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.message = QLabel(objectName="backCalcMessage", wordWrap=True)
        self.apply = QPushButton("Apply as metric targets", objectName="applyTargets")
        self.apply.clicked.connect(self.apply_targets)
        form = QFormLayout()
        form.addRow("Revenue target for the plan", self.revenue)
        form.addRow("Average deal size", self.deal)
        left = QVBoxLayout()
        left.addWidget(QLabel("<b>Work back from revenue</b>"))
        left.addLayout(form)
        left.addWidget(self.message)
        left.addWidget(self.apply)
        left.addStretch()
        layout = QHBoxLayout(self)
        layout.addLayout(left, 1)
        layout.addWidget(self.result, 1)
        for widget in (self.revenue, self.deal, self.apply):
            widget.setEnabled(not session.read_only)
        session.plan_changed.connect(self._on_plan_changed)
        self.needed: dict[str, int] = {}
        self.refresh()

    def _set(self, field: str, value: Any) -> None:
        plan = self.session.store.plan()
        if plan[field] != value:
            self.session.do(UpdateRow("plan", plan["id"], {field: value},
                                      label="Change revenue plan"))

    def _on_plan_changed(self, change: Change) -> None:
        if change.tables.keys() & {"plan", "funnel_stage"}:
            self.refresh()

    def months(self) -> int:
        plan = self.session.store.plan()
        start, end = plan["period_start"], plan["period_end"]
        return max(1, (end.year - start.year) * 12 + end.month - start.month + 1)

    def refresh(self) -> None:
        plan = self.session.store.plan()
        self.revenue.setValue(plan["revenue_target"] or 0)
        self.deal.setValue(plan["average_deal_size"] or 0)
        stages = self.session.store.rows(FunnelStage, ["position", "id"])
        self.needed = {}
        self.result.setRowCount(0)
        # The chain runs from the first stage to the first that counts a won deal
        # (no rate after it); every stage before needs a rate.
        chain = []
        for stage in stages:
            chain.append(stage)
            if stage["conversion_rate"] in (None, 1.0):
                break
        rates = [s["conversion_rate"] for s in chain[:-1]]
        if not plan["revenue_target"] or not plan["average_deal_size"]:
            self.message.setText("Enter a revenue target and an average deal size.")
        elif len(chain) < 2 or any(r is None for r in rates):
            self.message.setText("Give each stage before the won stage a conversion rate "
                                 "(the share that reaches the next stage).")
        else:
            counts = needed_per_stage(plan["revenue_target"], plan["average_deal_size"],
                                      rates, self.months())
            self.needed = {s["id"]: n for s, n in zip(chain, counts, strict=True)}
            self.message.setText(f"Over {self.months()} months: {counts[-1]:,} won deals a "
                                 f"month reach {plan['revenue_target']:,.0f}.")
            self.result.setRowCount(len(chain))
            for r, stage in enumerate(chain):
                rate = stage["conversion_rate"]
                for c, text in enumerate((stage["name"], f"{self.needed[stage['id']]:,}",
                                          f"{rate:.0%}" if rate else "")):
                    self.result.setItem(r, c, QTableWidgetItem(text))
        self.result.resizeColumnsToContents()
        self.apply.setEnabled(bool(self.needed) and not self.session.read_only)

    def apply_targets(self) -> bool:
        """Metrics counted at a stage get that stage's monthly need as target (undoable)."""
        metrics = [m for m in self.session.store.rows(Metric)
                   if m["funnel_stage_id"] in self.needed and m["unit"] in ("count", "")]
        edits = tuple(UpdateRow("metric", m["id"], {"target": float(self.needed[m["funnel_stage_id"]])})
                      for m in metrics)
        if not edits:
            self.session.problem_reported.emit(
                "No metric counts a funnel stage; link a metric to a stage first.")
            return False
        return self.session.do(Compound(edits, label=f"Apply {len(edits)} funnel targets"))
