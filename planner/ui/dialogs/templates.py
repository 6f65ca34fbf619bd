"""File › New from template… (choose one, name the plan, see what it holds)
and File › Save as template… (a company's own, from the plan open)."""

from datetime import date

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QDateEdit, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QListWidget,
    QListWidgetItem, QVBoxLayout, QWidget)

from planner import templates
from planner.model import FunnelStage, Goal, Metric
from planner.ui.i18n import date_format, tr
from planner.ui.widgets.accessible import name
from planner.ui.widgets.text_field import TextField


class NewFromTemplateDialog(QDialog):
    """The templates (shipped, then the company's own), the chosen one's
    description and contents, the new plan's title, company and start."""

    def __init__(self, parent: QWidget, choices: list[templates.Template]) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("New plan from a template"))
        self.setMinimumWidth(620)
        self.choices = choices
        self.list = QListWidget(objectName="templateList")
        self.list.setAccessibleName(tr("Templates"))
        self.list.setMaximumHeight(140)
        for t in choices:
            item = QListWidgetItem(t.name if t.shipped else tr("{name} (yours)").format(
                name=t.name))
            item.setData(Qt.ItemDataRole.UserRole, t.key)
            self.list.addItem(item)
        self.about = QLabel(objectName="templateAbout", wordWrap=True)
        self.about.setTextFormat(Qt.TextFormat.PlainText)
        self.title = QLineEdit(objectName="templateTitle")
        self.title.setAccessibleName(tr("Title of the new plan"))
        self.company = QLineEdit(objectName="templateCompany")
        self.company.setAccessibleName(tr("Company"))
        start, _ = templates.next_twelve_months(date.today())
        self.start = QDateEdit(objectName="templateStart", calendarPopup=True)
        self.start.setDisplayFormat(date_format())
        self.start.setDate(QDate(start.year, start.month, start.day))
        name(self.start, tr("First day of the plan (it runs twelve months)"))
        form = QFormLayout()
        form.addRow(tr("&Title"), self.title)
        form.addRow(tr("&Company"), self.company)
        form.addRow(tr("&Starts on"), self.start)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.go = buttons.addButton(tr("Create plan\u2026"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.list)
        layout.addWidget(self.about)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.list.currentRowChanged.connect(self._chosen)
        self.list.setCurrentRow(0)

    @property
    def template(self) -> templates.Template | None:
        row = self.list.currentRow()
        return self.choices[row] if 0 <= row < len(self.choices) else None

    def _chosen(self, row: int) -> None:
        t = self.template
        self.go.setEnabled(t is not None)
        if t is None:
            self.about.clear()
            return
        rows = templates.plan_rows(t, t.name, date(2027, 1, 1), date(2027, 12, 31))
        count = {kind: sum(isinstance(r, kind) for r in rows)
                 for kind in (FunnelStage, Metric, Goal)}
        self.about.setText(tr("{description}\n\n{stages} funnel stages with their handoffs, "
                              "{metrics} metric definitions, {goals} goal ideas.").format(
            description=t.description, stages=count[FunnelStage], metrics=count[Metric],
            goals=count[Goal]))
        if not self.title.isModified():
            self.title.setText(t.name)

    def values(self) -> tuple[templates.Template, str, str, date, date]:
        t = self.template
        assert t is not None
        first = self.start.date().toPython()
        from planner.store.next_period import following

        start, end = following(first, first, starting=first, months=12)
        return t, self.title.text().strip() or t.name, self.company.text().strip(), start, end


class SaveTemplateDialog(QDialog):
    def __init__(self, parent: QWidget, suggested: str) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Save as template"))
        self.setMinimumWidth(480)
        self.name = QLineEdit(suggested[:120], objectName="templateName")
        self.name.setAccessibleName(tr("Template name"))
        self.name.selectAll()
        self.description = TextField(objectName="templateDescription")
        self.description.setAccessibleName(tr("What the template is for"))
        self.description.setPlaceholderText(tr("Who the template is for, and how it sells"))
        self.description.setFixedHeight(90)
        form = QFormLayout()
        form.addRow(tr("&Name"), self.name)
        form.addRow(tr("&About"), self.description)
        hint = QLabel(tr("The funnel, the metric definitions (no actuals or baselines), the "
                         "goals as ideas (no owners, dates or sign-offs) and the plan's "
                         "settings. No people, rides, messages or reviews."), wordWrap=True,
                      objectName="pageHint")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(hint)
        layout.addWidget(buttons)

    def values(self) -> tuple[str, str]:
        return self.name.text(), self.description.toPlainText()

