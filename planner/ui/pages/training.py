"""Joint training on the Field rides page (issue 30): each team's trainings,
who of either team is seated and who attended, and the plan's target of the
other team at each team's trainings a quarter."""

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView, QHBoxLayout, QHeaderView, QLabel, QListWidget, QListWidgetItem,
    QPushButton, QSpinBox, QSplitter, QVBoxLayout, QWidget)

from planner.changes import ChangeSet
from planner.model import Person, Plan, Training, TrainingSeat
from planner.model.enums import RideStatus, Team, label
from planner.operations import training as ops
from planner.operations.plan import change_plan
from planner.rules.training import crossings
from planner.ui.i18n import tr
from planner.ui.shell.session import PlanSession
from planner.ui.widgets.accessible import name
from planner.ui.widgets.columns import Column, TableSpec
from planner.ui.widgets.delegates import PlanItemDelegate
from planner.ui.widgets.models import PlanTableModel
from planner.ui.widgets.table_view import PlanTableView
from planner.ui.widgets.table_view import fit_columns

TRAININGS = TableSpec(Training, (
    Column("title", "Training", width=240),
    Column("run_by", "Whose", "enum", enum=Team, width=100),
    Column("methodology", "Methodology", width=180),
    Column("first_day", "First day", "date", width=110),
    Column("last_day", "Last day", "date", width=110),
    Column("trainer", "Trainer", width=140),
    Column("status", "Status", "enum", enum=RideStatus, width=100),
), editable=True)
ID_ROLE = Qt.ItemDataRole.UserRole


class TrainingPanel(QWidget):
    """The trainings as a table; the selected one's seats (checked: down to
    attend) and, once it is held, who attended; the target below."""

    def __init__(self, session: PlanSession) -> None:
        super().__init__(objectName="trainingPanel")
        self.session = session
        self.model = PlanTableModel(session, TRAININGS, self)
        self.view = PlanTableView(objectName="trainings")
        self.view.setModel(self.model)
        self.view.setItemDelegate(PlanItemDelegate(self.view))
        self.view.verticalHeader().setVisible(False)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setAccessibleName(tr("Trainings"))
        self.view.empty_text = tr("No training yet: plan one with the buttons below.")
        header = self.view.horizontalHeader()
        fit_columns(header, [column.width for column in TRAININGS.columns])
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.add_sales = QPushButton(tr("Plan a sales training"), objectName="addSalesTraining")
        self.add_marketing = QPushButton(tr("Plan a marketing training"),
                                         objectName="addMarketingTraining")
        self.delete = QPushButton(tr("Delete training"), objectName="deleteTraining")
        self.add_sales.clicked.connect(lambda: self.plan_training(Team.SALES))
        self.add_marketing.clicked.connect(lambda: self.plan_training(Team.MARKETING))
        self.delete.clicked.connect(self.delete_training)
        buttons = QHBoxLayout()
        for button in (self.add_sales, self.add_marketing, self.delete):
            buttons.addWidget(button)
        buttons.addStretch()
        self.seats = QListWidget(objectName="trainingSeats")
        self.seats.setAccessibleName(tr("Seated at the training (checked)"))
        self.attended = QListWidget(objectName="trainingAttended")
        self.attended.setAccessibleName(tr("Attended the training (checked)"))
        self.seats.itemChanged.connect(self._seat_changed)
        self.attended.itemChanged.connect(self._attendance_changed)
        self.target = QSpinBox(objectName="trainingTarget", minimum=0, maximum=10_000)
        self.target.setSpecialValueText(tr("no target"))
        name(self.target, tr("The other team at each team's trainings a quarter"))
        self.target.editingFinished.connect(self._target_changed)
        self.summary = QLabel(objectName="trainingSummary", wordWrap=True)
        target_row = QHBoxLayout()
        caption = QLabel(tr("Target: the other team at each team's trainings a quarter"))
        caption.setBuddy(self.target)
        target_row.addWidget(caption)
        target_row.addWidget(self.target)
        target_row.addStretch()
        lists = QSplitter(Qt.Orientation.Horizontal)
        for title, widget in ((tr("Seated (both teams)"), self.seats),
                              (tr("Attended"), self.attended)):
            box = QWidget()
            inner = QVBoxLayout(box)
            inner.setContentsMargins(0, 0, 0, 0)
            heading = QLabel(title)
            heading.setBuddy(widget)
            inner.addWidget(heading)
            inner.addWidget(widget)
            lists.addWidget(box)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 3)
        layout.addLayout(buttons)
        layout.addWidget(lists, 2)
        layout.addLayout(target_row)
        layout.addWidget(self.summary)
        self.view.selectionModel().currentRowChanged.connect(lambda *_: self._fill())
        session.plan_changed.connect(self._on_change)
        self._filling = False
        self._fill()

    # -- what the panel shows ------------------------------------------------

    def current(self) -> Training | None:
        index = self.view.currentIndex()
        if not index.isValid():
            return None
        return self.session.store.get(Training, self.model.row_id(index.row()))

    def _on_change(self, change: ChangeSet) -> None:
        if change.kinds() & {Training, TrainingSeat, Person, Plan}:
            self._fill()

    def _fill(self) -> None:
        store = self.session.store
        training = self.current()
        seated = {s.person_id: s for s in store.rows(TrainingSeat)
                  if training is not None and s.training_id == training.id}
        people = sorted((p for p in store.rows(Person) if p.team in (Team.SALES, Team.MARKETING)
                         and (not p.left_plan or p.id in seated)),
                        key=lambda p: (p.team is not (training.run_by if training else Team.SALES),
                                       p.name.casefold()))
        self._filling = True
        try:
            self.seats.clear()
            self.attended.clear()
            for person in people:
                item = QListWidgetItem(f"{person.name} ({label(person.team)})")
                item.setData(ID_ROLE, person.id)
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(Qt.CheckState.Checked if person.id in seated
                                   else Qt.CheckState.Unchecked)
                self.seats.addItem(item)
                if person.id in seated:
                    came = QListWidgetItem(person.name)
                    came.setData(ID_ROLE, person.id)
                    came.setFlags(came.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                    came.setCheckState(Qt.CheckState.Checked if seated[person.id].attended
                                       else Qt.CheckState.Unchecked)
                    self.attended.addItem(came)
            for widget in (self.seats, self.attended):
                widget.setEnabled(training is not None and not self.session.read_only)
            self.attended.setEnabled(self.attended.isEnabled() and training is not None
                                     and training.status is not RideStatus.CANCELLED)
            self.delete.setEnabled(training is not None)
            target = store.plan().training_seats_per_quarter
            self.target.setValue(target or 0)
            self.summary.setText(self._summary(target))
        finally:
            self._filling = False

    def _summary(self, target: int | None) -> str:
        parts = []
        for c in crossings(self.session.store, date.today()):
            parts.append(tr("{quarter}: marketing at sales training {sales}, sales at marketing "
                            "training {marketing}").format(
                quarter=c.quarter, sales=c.marketing_at_sales, marketing=c.sales_at_marketing)
                + ((" \u2014 " + tr("short of the target")) if c.short_of(target) else ""))
        return "\n".join(parts)

    # -- what the person does ------------------------------------------------

    def plan_training(self, run_by: Team) -> bool:
        made: list[Training] = []

        def build() -> ChangeSet:
            change, row = ops.next_training(self.session.store, date.today(), run_by)
            made.append(row)
            return change
        if not self.session.attempt(build):
            return False
        row = self.model.row_of(made[0].id)
        if row >= 0:
            index = self.model.index(row, 0)
            self.view.setCurrentIndex(index)
            self.view.setFocus()
            self.view.edit(index)
        return True

    def delete_training(self) -> bool:
        training = self.current()
        return training is not None and self.session.attempt(
            lambda: ops.remove_training(self.session.store, training))

    def _seat_changed(self, item: QListWidgetItem) -> None:
        training = self.current()
        if self._filling or training is None:
            return
        store = self.session.store
        person_id = item.data(ID_ROLE)
        if item.checkState() == Qt.CheckState.Checked:
            person = store.get(Person, person_id)
            done = person is not None and self.session.attempt(
                lambda: ops.seat(store, training, [person]))
        else:
            seats = [s for s in store.rows(TrainingSeat)
                     if s.training_id == training.id and s.person_id == person_id]
            done = self.session.attempt(lambda: ops.unseat(seats))
        if not done:
            self._fill()

    def _attendance_changed(self, item: QListWidgetItem) -> None:
        training = self.current()
        if self._filling or training is None:
            return
        came = {self.attended.item(n).data(ID_ROLE) for n in range(self.attended.count())
                if self.attended.item(n).checkState() == Qt.CheckState.Checked}
        if not self.session.attempt(
                lambda: ops.record_attendance(self.session.store, training, came)):
            self._fill()

    def _target_changed(self) -> None:
        value = self.target.value() or None
        if value == self.session.store.plan().training_seats_per_quarter:
            return
        self.session.attempt(lambda: change_plan(self.session.store,
                                                 training_seats_per_quarter=value))
