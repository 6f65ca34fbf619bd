"""The one funnel: stages and handoffs both ways, and working back from revenue."""

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QDoubleSpinBox, QFormLayout, QHBoxLayout, QLabel, QPushButton, QScrollArea, QSplitter,
    QTableWidget, QTableWidgetItem, QTabWidget, QVBoxLayout, QWidget)

from planner.i18n import money, number, percent
from planner.changes import ChangeSet
from planner.model import FunnelStage, Plan
from planner.operations import funnel as funnel_ops
from planner.operations import metrics as metric_ops
from planner.operations.plan import change_plan
from planner.rules.funnel import funnel_needs, months_of
from planner.ui.i18n import tr
from planner.operations import rows as row_ops
from planner.rules.handoff import CLOCKS, ServiceLevel, parse_service_level
from planner.ui.pages.table import TablePage
from planner.ui.widgets.columns import Column
from planner.ui.widgets.models import PlanTableModel
from planner.ui.shell.session import PlanSession
from planner.ui.widgets.accessible import name


class FunnelModel(PlanTableModel):
    """The stages, with each handoff's promise as the CRM data is measured by:
    its value, or what its sentence says (typed: "1 working day", "4 hours")."""

    def value(self, row: Any, column: Column) -> Any:
        if column.kind != "promise":
            return super().value(row, column)
        if row.sla_amount is not None and row.sla_clock is not None:
            return ServiceLevel(row.sla_amount, CLOCKS[row.sla_clock]).words()
        level = parse_service_level(row.handoff_service_level)
        return tr("{promise} (from the sentence)").format(promise=level.words()) \
            if level else ""

    def edit_cell(self, row: Any, column: Column, value: Any) -> bool:
        if column.kind != "promise":
            return super().edit_cell(row, column, value)
        text = str(value or "").strip()
        if not text:
            return self.session.attempt(lambda: row_ops.edit(
                row, tr("Measure the handoff by its sentence"), sla_amount=None, sla_clock=None))
        level = parse_service_level(text)
        if level is None:
            self.session.report(tr(
                "\u201c{text}\u201d is not a promise Tandem can measure; say, for example, "
                "1 working day, 4 working hours or 24 hours.").format(text=text[:60]))
            return False
        clock = next(c for c, k in CLOCKS.items() if k is level.clock)
        return self.session.attempt(lambda: row_ops.edit(
            row, f"Promise {level.words()}", sla_amount=level.amount, sla_clock=clock))


class HandoffFigures(QScrollArea):
    """The handoff measured in full: by month, owner and source, leads sent
    back, stage to stage, pipeline and revenue (`crm_figures.handoff_tables`)."""

    def __init__(self) -> None:
        super().__init__(objectName="handoffTables")
        self.setAccessibleName(tr("The handoff, measured from the CRM, in full"))
        self.setWidgetResizable(True)
        self.tables: list[QTableWidget] = []
        self.show_tables([])

    def show_tables(self, tables: Sequence[Any]) -> None:
        inside = QWidget()
        box = QVBoxLayout(inside)
        self.tables = []
        if not tables:
            empty = QLabel(tr("No CRM data yet: take in a lead or deal export and the "
                              "handoff is measured here by month, owner and source, with "
                              "leads sent back, stage to stage, and revenue."), wordWrap=True)
            empty.setObjectName("handoffEmpty")
            box.addWidget(empty)
        for table in tables:
            title = QLabel(table.title)
            title.setTextFormat(Qt.TextFormat.PlainText)  # names come from the CRM
            font = title.font()
            font.setBold(True)
            title.setFont(font)
            grid = QTableWidget(len(table.rows), len(table.columns))
            grid.setAccessibleName(table.title)
            grid.setHorizontalHeaderLabels(list(table.columns))
            grid.verticalHeader().hide()
            grid.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
            for r, row in enumerate(table.rows):
                for c, text in enumerate(row):
                    item = QTableWidgetItem(text)
                    if c:
                        item.setTextAlignment(Qt.AlignmentFlag.AlignRight |
                                              Qt.AlignmentFlag.AlignVCenter)
                    grid.setItem(r, c, item)
            grid.resizeColumnsToContents()
            height = grid.horizontalHeader().height() + sum(
                grid.rowHeight(r) for r in range(grid.rowCount())) + 4
            grid.setFixedHeight(min(height, 360))
            box.addWidget(title)
            box.addWidget(grid)
            self.tables.append(grid)
        box.addStretch()
        self.setWidget(inside)


class FunnelPage(TablePage):
    model_class = FunnelModel

    def body(self) -> QWidget:
        up = QPushButton(tr("Move stage up"), objectName="stageUp")
        down = QPushButton(tr("Move stage down"), objectName="stageDown")
        up.clicked.connect(lambda: self.move_stage(-1))
        down.clicked.connect(lambda: self.move_stage(1))
        take = QPushButton(tr("Take in a CRM export\u2026"), objectName="crmImport")
        take.setToolTip(tr("Leads or deals from Salesforce, HubSpot or any CSV or XLSX, kept "
                           "in the plan: the handoff is measured from them"))
        take.clicked.connect(self.take_in_export)
        for button in (up, down, take):
            button.setEnabled(not self.session.read_only)
        buttons = QHBoxLayout()
        buttons.addWidget(up)
        buttons.addWidget(down)
        buttons.addStretch()
        buttons.addWidget(take)
        self.handoff = QLabel(objectName="handoffFigure", wordWrap=True)
        self.handoff.setTextFormat(Qt.TextFormat.PlainText)  # regions come from the CRM
        self.handoff.setAccessibleName(tr("The handoff, measured from the CRM"))
        top = QWidget()
        box = QVBoxLayout(top)
        box.setContentsMargins(0, 0, 0, 0)
        box.addLayout(buttons)
        box.addWidget(self.handoff)
        box.addWidget(self.view)
        self.session.plan_changed.connect(self._on_change)
        self.session.figures_ready.connect(self.measure_handoff)
        QTimer.singleShot(0, self, self.measure_handoff)  # after the page is shown
        self.back = BackCalculation(self.session)
        self.figures = HandoffFigures()
        self.below = QTabWidget(objectName="funnelTabs")
        self.below.setAccessibleName(tr("Funnel views"))
        self.below.addTab(self.back, tr("Work back from revenue"))
        self.below.addTab(self.figures, tr("Handoff measured"))
        split = QSplitter(Qt.Orientation.Vertical, objectName="funnelSplit")
        split.addWidget(top)
        split.addWidget(self.below)
        split.setSizes([380, 330])
        return split

    def new_row(self) -> tuple[ChangeSet, Any] | None:
        return funnel_ops.add_stage(self.session.store)

    def take_in_export(self) -> bool:
        from planner.ui.dialogs.crm_import import run_crm_import

        return run_crm_import(self, self.session)

    def _on_change(self, change: ChangeSet) -> None:
        from planner.model import CrmImport, NonWorkingDay

        if change.touches(CrmImport, FunnelStage, NonWorkingDay, Plan):
            self.measure_handoff()

    def measure_handoff(self) -> None:
        """The latest month's handoff, from the CRM data taken in."""
        from planner.errors import PlanError
        from planner.model import CrmImport

        said, tables = None, []
        if self.session.figures_waiting():  # a million leads: worked out on a thread
            self.handoff.setText(tr("Measuring the handoff from the CRM data\u2026"))
            return
        try:
            if self.session.store.rows(CrmImport):  # numpy only for a plan with CRM data
                from planner.outline.actuals import handoff_summary, handoff_tables

                said = handoff_summary(self.session.store)
                tables = handoff_tables(self.session.store)
        except PlanError as exc:
            said = str(exc)
        self.figures.show_tables(tables)
        self.handoff.setText(said or tr(
            "No CRM leads yet: take in a lead export (Salesforce, HubSpot or any CSV) and "
            "the handoff promise is measured here, month by month."))

    def move_stage(self, step: int) -> bool:
        row = self.view.currentIndex().row()
        if row < 0:
            return False
        stage = self.model.row(row)
        if self.session.do(funnel_ops.move_stage(self.session.store, stage, step)):
            self.focus_row(stage.id)
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
        self.revenue.setSpecialValueText(tr("not set"))
        self.deal.setSpecialValueText(tr("not set"))
        self.revenue.editingFinished.connect(
            lambda: self._set("revenue_target", self.revenue.value() or None))
        self.deal.editingFinished.connect(
            lambda: self._set("average_deal_size", self.deal.value() or None))
        name(self.revenue, tr("Revenue target"))
        name(self.deal, tr("Average deal size"))
        self.result = QTableWidget(objectName="neededPerStage")
        self.result.setAccessibleName(tr("Leads needed at each stage"))
        self.result.setColumnCount(3)
        self.result.setHorizontalHeaderLabels([tr("Stage"), tr("Needed a month"),
                                               tr("Reach next")])
        self.result.verticalHeader().setVisible(False)
        self.result.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.message = QLabel(objectName="backCalcMessage", wordWrap=True)
        self.apply = QPushButton(tr("Apply as metric targets"), objectName="applyTargets")
        self.apply.clicked.connect(self.apply_targets)
        form = QFormLayout()
        form.addRow(tr("Revenue target for the plan"), self.revenue)
        form.addRow(tr("Average deal size"), self.deal)
        left = QVBoxLayout()
        left.addWidget(QLabel(f"<b>{tr('Work back from revenue')}</b>"))
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
        change = change_plan(self.session.store, **{field: value})
        if change and not self.session.do(change):
            self.refresh()

    def _on_plan_changed(self, change: ChangeSet) -> None:
        if change.touches(Plan, FunnelStage):
            self.refresh()

    def months(self) -> int:
        plan = self.session.store.plan()
        return months_of(plan.period_start, plan.period_end)

    def refresh(self) -> None:
        plan = self.session.store.plan()
        self.revenue.setValue(plan.revenue_target or 0)
        self.deal.setValue(plan.average_deal_size or 0)
        self.needed = {}
        self.result.setRowCount(0)
        needs = funnel_needs(plan, self.session.store.rows(FunnelStage))
        if needs.problem:
            self.message.setText(tr(needs.problem))
        else:
            chain = [stage for stage, _ in needs.stages]
            counts = [count for _, count in needs.stages]
            self.needed = {s.id: n for s, n in needs.stages}
            self.message.setText(tr("Over {months} months: {won} won deals a month reach "
                                    "{revenue}.").format(months=needs.months,
                                                         won=number(counts[-1]),
                                                         revenue=money(plan.revenue_target,
                                                                       plan.currency.value)))
            self.result.setRowCount(len(chain))
            for r, stage in enumerate(chain):
                rate = stage.conversion_rate
                for c, text in enumerate((stage.name, number(self.needed[stage.id]),
                                          percent(rate) if rate else "")):
                    self.result.setItem(r, c, QTableWidgetItem(text))
        self.result.resizeColumnsToContents()
        self.apply.setEnabled(bool(self.needed) and not self.session.read_only)

    def apply_targets(self) -> bool:
        """Metrics counted at a stage get that stage's monthly need as target (undoable)."""
        change = metric_ops.apply_targets(self.session.store, self.needed)
        if not change:
            self.session.report(tr("No metric counts a funnel stage; link a metric to a stage "
                                   "first."))
            return False
        return self.session.do(change)
