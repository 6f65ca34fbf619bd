"""Field rides: the schedule as a table with its debrief, a timeline, and the balance."""

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QButtonGroup, QCheckBox, QDateEdit, QDoubleSpinBox, QFormLayout, QHBoxLayout,
    QLabel, QLineEdit, QListWidget, QListWidgetItem, QPushButton, QRadioButton, QScrollArea,
    QSpinBox, QSplitter, QTableWidget, QTableWidgetItem, QTabWidget, QVBoxLayout, QWidget)

from planner.changes import ChangeSet
from planner.model import FieldRide, NonWorkingDay, Person, Plan
from planner.model.enums import RideDirection, Team, label
from planner.operations import rides as ride_ops
from planner.operations.plan import change_plan
from planner.rules.balance import Balance, balance
from planner.rules.rides import WorkCalendar, periods
from planner.ui.i18n import tr
from planner.ui.pages.debrief import DebriefPanel
from planner.ui.pages.table import TablePage
from planner.ui.shell.session import PlanSession
from planner.ui.widgets.accessible import name
from planner.ui.widgets.columns import Column
from planner.ui.widgets.models import PlanTableModel
from planner.ui.widgets.timeline import RideTimeline
from planner.ui.widgets import colours
from planner.i18n import weekday_day

if TYPE_CHECKING:
    from planner.ui.pages.training import TrainingPanel


class RidesTableModel(PlanTableModel):
    """Rides; a first day typed past the last day moves the whole ride."""

    def edit_cell(self, row: FieldRide, column: Column, value: Any) -> bool:
        if column.key == "first_day" and isinstance(value, date):
            return self.session.attempt(
                lambda: ride_ops.set_first_day(self.session.store, row, value))
        return super().edit_cell(row, column, value)


class RidesPage(TablePage):
    first_edited_column = 3  # a new ride starts with its days
    model_class = RidesTableModel

    def body(self) -> QWidget:
        self.debrief = DebriefPanel(self.session)
        self.view.selectionModel().currentRowChanged.connect(
            lambda current, _previous: self.debrief.show_ride(
                self.model.row_id(current.row()) if current.isValid() else None))
        split = QSplitter(Qt.Orientation.Vertical, objectName="ridesSplit")
        split.addWidget(self.view)
        split.addWidget(self.debrief)
        split.setStretchFactor(0, 3)
        split.setSizes([460, 320])
        self.tabs = QTabWidget(objectName="ridesTabs")
        self.tabs.setAccessibleName(tr("Field rides: schedule, timeline, balance"))
        self.tabs.addTab(split, tr("Schedule"))
        # The timeline and the balance are built when first looked at.
        self._later: dict[int, QWidget | None] = {}
        for n, title in ((1, tr("Timeline")), (2, tr("Balance and targets")),
                         (3, tr("Joint training"))):
            holder = QWidget()
            QVBoxLayout(holder).setContentsMargins(0, 0, 0, 0)
            self.tabs.addTab(holder, title)
            self._later[n] = None
        self.tabs.currentChanged.connect(self._tab_shown)
        return self.tabs

    def _tab_shown(self, index: int) -> None:
        if index == 1:
            self._set_view()
        elif index == 2:
            _ = self.balance
        elif index == 3:
            _ = self.training

    def _built(self, index: int, make: Callable[[], QWidget]) -> QWidget:
        made = self._later[index]
        if made is None:
            made = self._later[index] = make()
            holder = self.tabs.widget(index)
            layout = holder.layout()
            assert layout is not None
            layout.addWidget(made)
        return made

    @property
    def timeline(self) -> RideTimeline:
        tab = self._built(1, self._timeline_tab)
        found = tab.findChild(RideTimeline)
        assert found is not None
        return found

    @property
    def balance(self) -> "BalanceView":
        view = self._built(2, lambda: BalanceView(self.session))
        assert isinstance(view, BalanceView)
        return view

    @property
    def training(self) -> "TrainingPanel":
        from planner.ui.pages.training import TrainingPanel

        panel = self._built(3, lambda: TrainingPanel(self.session))
        assert isinstance(panel, TrainingPanel)
        return panel

    def _timeline_tab(self) -> QWidget:
        timeline = RideTimeline(self.session)
        self.timeline_scroll = QScrollArea()
        self.timeline_scroll.setAccessibleName(tr("Timeline of field rides"))
        self.timeline_scroll.setWidget(timeline)
        self.timeline_scroll.setWidgetResizable(False)
        # The name column is drawn at the visible left edge: repaint on scroll.
        self.timeline_scroll.horizontalScrollBar().valueChanged.connect(
            lambda _v: timeline.update())
        self.month = QRadioButton(tr("Month"))
        self.quarter = QRadioButton(tr("Quarter"), checked=True)
        views = QButtonGroup(self)
        for button in (self.month, self.quarter):
            views.addButton(button)
            button.toggled.connect(self._set_view)
        legend = QLabel(f"<span style='color:#E07A3A'>\u25A0</span> "
                        f"{tr('marketing rides with sales')}&nbsp;&nbsp;"
                        f"<span style='color:#3B82D0'>\u25A0</span> "
                        f"{tr('sales with marketing')}&nbsp;&nbsp;"
                        f"<span style='color:#C62828'>\u25A1</span> "
                        f"{tr('conflict')}&nbsp;&nbsp;{tr('drag a ride to move it')}")
        bar = QHBoxLayout()
        for widget in (self.month, self.quarter):
            bar.addWidget(widget)
        bar.addStretch()
        bar.addWidget(legend)
        tab = QWidget()
        box = QVBoxLayout(tab)
        box.addLayout(bar)
        box.addWidget(self.timeline_scroll)
        return tab

    def _set_view(self) -> None:
        timeline = self.timeline
        view = "month" if self.month.isChecked() else "quarter"
        timeline.set_view(view, self.timeline_scroll.viewport().width())

    def new_row(self) -> tuple[ChangeSet, Any] | None:
        """A two-day ride, next week, between the first marketer and rep."""
        return ride_ops.add_ride(self.session.store, date.today())


def _spin(maximum: int, suffix: str) -> QSpinBox:
    spin = QSpinBox(maximum=maximum, suffix=suffix)
    spin.setSpecialValueText(tr("no target"))
    return spin


class BalanceView(QWidget):
    """Days per direction, per person and period, against the plan's targets."""

    def __init__(self, session: PlanSession) -> None:
        super().__init__()
        self.session = session
        self.summary = QLabel(objectName="balanceSummary", wordWrap=True)
        self.weekends = QCheckBox(tr("Weekends are not ride days"))
        self.marketing_target = _spin(92, " " + tr("days per quarter"))
        self.sales_target = _spin(184, " " + tr("days per half-year"))
        self.ratio = QDoubleSpinBox(minimum=0, maximum=100, singleStep=0.1, decimals=1,
                                    suffix="x")
        self.ratio.setSpecialValueText(tr("no limit"))
        form = QFormLayout()
        form.addRow(tr("Every marketer rides with sales"), self.marketing_target)
        form.addRow(tr("Every sales rep spends with marketing"), self.sales_target)
        form.addRow(tr("One direction at most"), self.ratio)
        form.addRow("", self.weekends)
        self.holidays = QListWidget(objectName="nonWorkingDays")
        self.holidays.setFixedHeight(100)
        self.new_day = QDateEdit(calendarPopup=True, displayFormat="yyyy-MM-dd")
        self.new_occasion = QLineEdit(placeholderText=tr("Occasion, e.g. Company offsite"))
        add = QPushButton(tr("Add non-working day"))
        add.clicked.connect(self.add_holiday)
        remove = QPushButton(tr("Remove"))
        remove.clicked.connect(self.remove_holiday)
        day_row, button_row = QHBoxLayout(), QHBoxLayout()
        day_row.addWidget(self.new_day)
        day_row.addWidget(self.new_occasion, 1)
        button_row.addWidget(add)
        button_row.addWidget(remove)
        button_row.addStretch()
        form.addRow(tr("Non-working days"), self.holidays)
        form.addRow("", day_row)
        form.addRow("", button_row)
        for widget, words in ((self.marketing_target,
                               tr("Days every marketer rides with sales")),
                              (self.sales_target, tr("Days every sales rep spends with marketing")),
                              (self.ratio, tr("One direction at most")),
                              (self.new_day, tr("New non-working day")),
                              (self.new_occasion, tr("Occasion of the new non-working day"))):
            name(widget, words)
        self.table = QTableWidget(objectName="balanceTable")
        self.table.setAccessibleName(tr("Ride days per person and period"))
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        layout = QHBoxLayout(self)
        left = QVBoxLayout()
        left.addWidget(self.summary)
        left.addLayout(form)
        left.addStretch()
        layout.addLayout(left, 1)
        layout.addWidget(self.table, 1)
        self.marketing_target.editingFinished.connect(
            lambda: self._set("marketing_days_per_quarter", self.marketing_target.value() or None))
        self.sales_target.editingFinished.connect(
            lambda: self._set("sales_days_per_half", self.sales_target.value() or None))
        self.ratio.editingFinished.connect(
            lambda: self._set("max_direction_ratio", self.ratio.value() or None))
        self.weekends.clicked.connect(lambda: self._set("exclude_weekends",
                                                        self.weekends.isChecked()))
        for widget in (self.marketing_target, self.sales_target, self.ratio, self.weekends,
                       add, remove):
            widget.setEnabled(not session.read_only)
        session.plan_changed.connect(self._on_plan_changed)
        self.refresh()

    def _set(self, field: str, value: Any) -> None:
        if field == "max_direction_ratio" and value is not None and value < 1:
            self.session.report(tr("The ratio between directions is at least 1x."))
            self.refresh()
            return
        change = change_plan(self.session.store, **{field: value})
        if change and not self.session.do(change):
            self.refresh()

    def add_holiday(self) -> None:
        d = self.new_day.date()
        if self.session.do(ride_ops.add_non_working_day(date(d.year(), d.month(), d.day()),
                                                        self.new_occasion.text())):
            self.new_occasion.clear()

    def remove_holiday(self) -> None:
        item = self.holidays.currentItem()
        day = self.session.store.get(NonWorkingDay, item.data(Qt.ItemDataRole.UserRole)) \
            if item else None
        if day is not None:
            self.session.do(ride_ops.remove_non_working_day(day))

    def _on_plan_changed(self, change: ChangeSet) -> None:
        if change.touches(Plan, FieldRide, Person, NonWorkingDay):
            self.refresh()

    def refresh(self) -> None:
        store = self.session.store
        plan = store.plan()
        people = store.rows(Person)
        holidays = store.rows(NonWorkingDay)
        for spin, value in ((self.marketing_target, plan.marketing_days_per_quarter),
                            (self.sales_target, plan.sales_days_per_half)):
            spin.setValue(value or 0)
        self.ratio.setValue(plan.max_direction_ratio or 0)
        self.weekends.setChecked(plan.exclude_weekends)
        if self.new_day.date() == QDate(2000, 1, 1):
            start = plan.period_start
            self.new_day.setDate(QDate(start.year, start.month, start.day))
        self.holidays.clear()
        for h in holidays:
            item = QListWidgetItem(f"{weekday_day(h.day)}  {h.occasion}")
            item.setData(Qt.ItemDataRole.UserRole, h.id)
            self.holidays.addItem(item)
        result = balance(plan, store.rows(FieldRide), people, WorkCalendar.of(plan, holidays))
        m = result.days_by_direction[RideDirection.MARKETING_WITH_SALES]
        s = result.days_by_direction[RideDirection.SALES_WITH_MARKETING]
        ways = tr("The plan rides both ways.") if result.both_ways else \
            f"<b>{tr('The plan does not ride both ways yet.')}</b>"
        ratio = f" ({result.ratio:.1f}x)" if result.ratio else ""
        said = tr("{marketing} days of marketing with sales, {sales} days of sales with "
                  "marketing{ratio}. {ways}").format(marketing=m, sales=s, ratio=ratio, ways=ways)
        self.summary.setText(f"<p style='font-size:12pt'>{said}</p>")
        self._fill_table(plan, people, result)

    def _fill_table(self, plan: Plan, people: Any, result: Balance) -> None:
        quarters = [p[0] for p in periods(plan.period_start, plan.period_end, 3)]
        halves = [p[0] for p in periods(plan.period_start, plan.period_end, 6)]
        short = {(x.person_id, x.period) for x in result.shortfalls}
        headers = [tr("Person"), tr("Team"), tr("Hosted"), *quarters, *halves]
        self.table.clear()
        self.table.setColumnCount(len(headers))
        self.table.setHorizontalHeaderLabels(headers)
        shown = [p for p in people if p.team in (Team.SALES, Team.MARKETING)]
        self.table.setRowCount(len(shown))
        for r, person in enumerate(shown):
            own = result.visiting.get(person.id, {})
            cells = [person.name, tr(label(person.team)), str(result.hosting.get(person.id, 0))]
            mine = quarters if person.team is Team.MARKETING else halves
            cells += [str(own.get(q, 0)) if q in mine else "" for q in quarters + halves]
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                period = headers[c]
                if (person.id, period) in short:
                    item.setBackground(Qt.GlobalColor.transparent)
                    item.setForeground(colours.BAD)
                    item.setToolTip(tr("Below the plan's target"))
                    item.setText(f"{text} \u25BC")
                self.table.setItem(r, c, item)
        self.table.resizeColumnsToContents()
