"""Editors for table cells: text, choices, people of one team, dates."""

from datetime import date
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QDate, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QComboBox, QDateEdit, QLineEdit, QListWidget, QListWidgetItem, QStyledItemDelegate,
    QStyleOptionViewItem, QWidget)

from planner.model import FunnelStage, Goal, Metric, Person
from planner.model.crm import FIGURES
from planner.model.enums import label
from planner.ui.i18n import tr
from planner.ui.widgets.models import PlanTableModel, header_text

Index = QModelIndex | QPersistentModelIndex


class PlanItemDelegate(QStyledItemDelegate):
    def _model(self, index: Index) -> PlanTableModel:
        model = index.model()
        assert isinstance(model, PlanTableModel)
        return model

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem,
                     index: Index) -> QWidget:
        model = self._model(index)
        column = model.column(index)
        if column.kind == "enum" and column.enum is not None:
            combo = QComboBox(parent)
            for member in column.enum:
                combo.addItem(tr(label(member)), member)  # the enums' labels are catalogued
            return combo
        if column.kind == "figure":
            combo = QComboBox(parent)
            combo.addItem(tr("Typed"), "")
            for key, figure in FIGURES.items():
                combo.addItem(tr("Computed: {figure}").format(figure=tr(figure.name)), key)
            return combo
        if column.kind == "person":
            combo = QComboBox(parent)
            combo.addItem(tr("(nobody)"), None)
            people = sorted(model.session.store.rows(Person), key=lambda p: p.name.casefold())
            for person in people:
                if column.team is None or person.team is column.team:
                    combo.addItem(person.name, person.id)
            return combo
        if column.kind in ("goals", "metrics"):
            checklist = QListWidget(parent)
            checklist.setMinimumHeight(160)
            choices = ([(g.id, g.title) for g in model.session.store.rows(Goal)]
                       if column.kind == "goals" else
                       [(m.id, m.name) for m in model.session.store.rows(Metric)])
            for row_id, text in choices:
                item = QListWidgetItem(text, checklist)
                item.setData(Qt.ItemDataRole.UserRole, row_id)
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(Qt.CheckState.Unchecked)
            return checklist
        if column.kind == "stage":
            combo = QComboBox(parent)
            combo.addItem(tr("(no stage)"), None)
            for stage in model.session.store.rows(FunnelStage):
                combo.addItem(stage.name, stage.id)
            return combo
        if column.kind == "date":
            editor = QDateEdit(parent)
            editor.setCalendarPopup(True)
            editor.setDisplayFormat("yyyy-MM-dd")
            return editor
        line = QLineEdit(parent)
        line.setMaxLength(column.max_length)
        if column.kind == "number":
            line.setPlaceholderText(tr("empty: none"))
        return line

    def updateEditorGeometry(self, editor: QWidget, option: QStyleOptionViewItem,
                             index: Index) -> None:
        """A checklist opens below its cell at a height that shows its items."""
        if isinstance(editor, QListWidget):
            rect = option.rect
            rect.setWidth(max(rect.width(), 320))
            rect.setHeight(min(220, 24 * max(3, editor.count()) + 8))
            editor.setGeometry(rect)
            return
        super().updateEditorGeometry(editor, option, index)

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        value = index.data(Qt.ItemDataRole.EditRole)
        if isinstance(editor, QListWidget):
            chosen = set(value or [])
            for n in range(editor.count()):
                item = editor.item(n)
                item.setCheckState(Qt.CheckState.Checked
                                   if item.data(Qt.ItemDataRole.UserRole) in chosen
                                   else Qt.CheckState.Unchecked)
        elif isinstance(editor, QComboBox):
            editor.setCurrentIndex(max(0, editor.findData(value)))
        elif isinstance(editor, QDateEdit):
            day = value if isinstance(value, date) else date.today()
            editor.setDate(QDate(day.year, day.month, day.day))
        elif isinstance(editor, QLineEdit):
            column = self._model(index).column(index)
            if column.kind == "percent" and isinstance(value, float):
                editor.setText(f"{value * 100:g}%")
            else:
                editor.setText("" if value is None else str(value))

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:
        value: Any
        column = self._model(index).column(index)
        if column.kind in ("number", "percent") and isinstance(editor, QLineEdit):
            text = editor.text().replace("\u00a0", " ").strip().replace(",", ".")
            try:
                value = float(text.rstrip("%").strip()) if text else None  # "40 %" too
                if column.kind == "percent" and value is not None and \
                        (text.endswith("%") or value > 1):
                    value /= 100  # "35%" and "35" both mean 0.35
            except ValueError:
                self._model(index).session.report(
                    tr("\u201c{text}\u201d is not a number; {column} is unchanged.").format(
                        text=editor.text(), column=header_text(column).lower()))
                return
            model.setData(index, value, Qt.ItemDataRole.EditRole)
            return
        if isinstance(editor, QListWidget):
            value = [editor.item(n).data(Qt.ItemDataRole.UserRole) for n in range(editor.count())
                     if editor.item(n).checkState() == Qt.CheckState.Checked]
        elif isinstance(editor, QComboBox):
            value = editor.currentData()
        elif isinstance(editor, QDateEdit):
            d = editor.date()
            value = date(d.year(), d.month(), d.day())
        elif isinstance(editor, QLineEdit):
            value = editor.text()
        else:
            return
        model.setData(index, value, Qt.ItemDataRole.EditRole)
