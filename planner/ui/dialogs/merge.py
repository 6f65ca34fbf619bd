"""Settling a merge's conflicts: each one side by side (mine, theirs, the
ancestor), to take either or write a third; the merge goes in as one change."""

from enum import Enum
from typing import Any

from PySide6.QtWidgets import (
    QAbstractItemView, QComboBox, QDialog, QDialogButtonBox, QHBoxLayout, QHeaderView, QLabel,
    QLineEdit, QPushButton, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)

from planner.changes import ChangeSet
from planner.errors import PlanError
from planner.model.validation import words
from planner.outline.changes import SECTION_OF, row_label, value_text
from planner.sections import section
from planner.store.merge import Choice, Conflict, MergePlan, merge_change
from planner.store.plan_store import PlanStore
from planner.ui.i18n import tr

MINE, THEIRS, OTHER = 0, 1, 2


def column_headers() -> list[str]:
    return [tr("Where"), tr("What"), tr("Mine"), tr("Theirs"), tr("Ancestor"), tr("Take"),
            tr("Your value")]


class MergeDialog(QDialog):
    def __init__(self, parent: QWidget, plan: MergePlan, goes_in: int,
                  store: PlanStore) -> None:
        super().__init__(parent)
        self.plan = plan
        self.store = store
        self.change: ChangeSet | None = None
        self.setWindowTitle(tr("Merge changes from {name}").format(name=plan.theirs_name))
        self.setObjectName("mergeDialog")
        self.resize(1100, 520)
        said = QLabel(tr("{count} change(s) made only in {name} go in as they are. "
                         "{conflicts} need your choice: both copies changed them "
                         "differently, or one removed what the other changed or uses. The whole "
                         "merge is one step you can undo.").format(
            count=goes_in, name=plan.theirs_name, conflicts=len(plan.conflicts)))
        said.setWordWrap(True)
        headers = column_headers()
        self.table = QTableWidget(len(plan.conflicts), len(headers), objectName="conflicts")
        self.table.setAccessibleName(tr("Conflicts"))
        self.table.setHorizontalHeaderLabels(headers)
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        self.takes: list[QComboBox] = []
        self.values: list[QLineEdit | None] = []
        for n, conflict in enumerate(plan.conflicts):
            self._row(n, conflict)
        header = self.table.horizontalHeader()
        for column, width in ((0, 230), (1, 90), (5, 130), (6, 200)):
            header.resizeSection(column, width)
        for column in (2, 3, 4):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        self.table.resizeRowsToContents()
        self.problem = QLabel(objectName="mergeProblem")
        self.problem.setStyleSheet("color:#B42318")
        self.problem.setWordWrap(True)
        self.problem.hide()
        all_mine = QPushButton(tr("Take &mine for all"), objectName="allMine")
        all_theirs = QPushButton(tr("Take &theirs for all"), objectName="allTheirs")
        all_mine.clicked.connect(lambda: self.take_all(MINE))
        all_theirs.clicked.connect(lambda: self.take_all(THEIRS))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        merge = buttons.addButton(tr("&Merge"), QDialogButtonBox.ButtonRole.AcceptRole)
        merge.setObjectName("doMerge")
        buttons.accepted.connect(self.try_merge)
        buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(all_mine)
        row.addWidget(all_theirs)
        row.addStretch()
        row.addWidget(buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(said)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.problem)
        layout.addLayout(row)

    def _row(self, n: int, conflict: Conflict) -> None:
        plan = self.plan
        row = (plan.merged[conflict.kind].get(conflict.row_id)  # as mine has it
               or plan.mine[conflict.kind].get(conflict.row_id)
               or plan.theirs[conflict.kind].get(conflict.row_id)
               or plan.base[conflict.kind].get(conflict.row_id))
        # The sections' titles are in the catalogue (resources/i18n/catalogue.py reads them).
        where = f"{tr(section(SECTION_OF[conflict.kind]).title)}: {row_label(row, plan.mine)}"
        if conflict.field is None:
            what = tr("the row")
            texts = [(tr("removed") if side is None else _kept(side, conflict.base))
                     for side in (conflict.mine, conflict.theirs)]
            texts.append("\u2014" if conflict.base is None else tr("there"))
        else:
            what = words(conflict.field)
            current = row
            texts = [value_text(current._replace(**{conflict.field: value}), conflict.field, state)
                     for value, state in ((conflict.mine, plan.mine),
                                          (conflict.theirs, plan.theirs),
                                          (conflict.base, plan.base))]
        for column, text in enumerate((where, what, *texts)):
            item = QTableWidgetItem(text)
            item.setToolTip(text)
            self.table.setItem(n, column, item)
        take = QComboBox(objectName=f"take{n}")
        take.setAccessibleName(tr("Take for {where}, {what}").format(where=where, what=what))
        free = _free(conflict)
        take.addItems([tr("Mine"), tr("Theirs")] + ([tr("Write another")] if free else []))
        self.table.setCellWidget(n, 5, take)
        self.takes.append(take)
        if free:
            value = QLineEdit(objectName=f"value{n}")
            value.setAccessibleName(tr("Your value for {where}, {what}").format(where=where,
                                                                                what=what))
            value.setText(texts[0] if texts[0] != "\u2014" else "")
            value.setEnabled(False)
            take.currentIndexChanged.connect(lambda i, v=value: v.setEnabled(i == OTHER))
            self.table.setCellWidget(n, 6, value)
            self.values.append(value)
        else:
            self.values.append(None)

    def take_all(self, side: int) -> None:
        for take in self.takes:
            take.setCurrentIndex(side)

    def choose(self, n: int, side: int, value: str = "") -> None:
        self.takes[n].setCurrentIndex(side)
        editor = self.values[n]
        if editor is not None and side == OTHER:
            editor.setText(value)

    def choices(self) -> dict[tuple[str, str, str | None], Choice]:
        out: dict[tuple[str, str, str | None], Choice] = {}
        for conflict, take, editor in zip(self.plan.conflicts, self.takes, self.values,
                                          strict=True):
            index = take.currentIndex()
            if index == OTHER and editor is not None:
                out[conflict.key] = ("value", _typed(conflict, editor.text()))
            else:
                out[conflict.key] = "mine" if index == MINE else "theirs"
        return out

    def try_merge(self) -> None:
        """The merge as one change; a choice the plan cannot hold is said here."""
        try:
            self.change = merge_change(self.store, self.plan, self.choices())
        except PlanError as exc:
            self.problem.setText(str(exc))
            self.problem.show()
            return
        self.accept()


def _free(conflict: Conflict) -> bool:
    """Whether a third value may be typed: text, numbers and dates, not a
    choice among people, rows or fixed options."""
    sample = conflict.mine if conflict.mine is not None else conflict.theirs
    return (conflict.field is not None and not conflict.field.endswith("_id")
            and not isinstance(sample, (bool, Enum)))


def _kept(row: Any, base: Any) -> str:
    return tr("kept, changed") if base is not None and row != base else tr("kept, still used")


def _typed(conflict: Conflict, text: str) -> Any:
    """What was typed, as the field's kind of value (the store checks it)."""
    sample = conflict.mine if conflict.mine is not None else conflict.theirs
    if isinstance(sample, (int, float)) and not isinstance(sample, bool):
        try:
            return float(text) if isinstance(sample, float) else int(text)
        except ValueError:
            return text
    return text
