"""The plan itself: its name, company, period, purpose, sponsors, progress."""

from datetime import date
from typing import Any

from PySide6.QtCore import QDate, Qt, QTimer
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QButtonGroup, QCheckBox, QComboBox, QDateEdit, QFormLayout, QHBoxLayout, QLabel, QLineEdit,
    QListWidget, QListWidgetItem, QRadioButton, QSpinBox, QVBoxLayout, QWidget)

from planner.changes import ChangeSet
from planner.model import (
    CheckIn, CrmImport, FieldRide, FunnelStage, Goal, Metric, NonWorkingDay, Person, Plan,
    ReviewAction)
from planner.model.enums import Currency, Language, Team, label
from planner.model.validation import LONG_TEXT_MAX, SHORT_TEXT_MAX
from planner.operations.plan import change_plan
from planner.rules.due import WINDOW_DAYS, due_soon
from planner.rules.signoff import agreement
from planner.ui.i18n import date_format, tr
from planner.ui.pages.table import title_label
from planner.ui.shell.session import PlanSession
from planner.ui.widgets.save_while_typing import SaveWhileTyping
from planner.ui.widgets.accessible import name
from planner.ui.widgets.accessible_items import as_heading
from planner.ui.widgets.text_field import TextField


class OverviewPage(QWidget):
    """The plan itself: its name, company, period, purpose, sponsors, progress."""

    def __init__(self, session: PlanSession) -> None:
        super().__init__()
        self.session = session
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 16)
        layout.addWidget(title_label(tr("Overview")))
        self.progress = QLabel()
        self.progress.setObjectName("progress")
        self.progress.setWordWrap(True)
        layout.addWidget(self.progress)
        self.handoff = QLabel(objectName="overviewHandoff", wordWrap=True)
        self.handoff.setTextFormat(Qt.TextFormat.PlainText)  # names come from the CRM
        self.handoff.setAccessibleName(tr("The handoff, measured from the CRM"))
        self.handoff.hide()
        layout.addWidget(self.handoff)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.title = QLineEdit(maxLength=SHORT_TEXT_MAX, objectName="planTitle")
        self.company = QLineEdit(maxLength=SHORT_TEXT_MAX, objectName="planCompany")
        self.start = self._date_edit("periodStart")
        self.end = self._date_edit("periodEnd")
        self.purpose = TextField(objectName="planPurpose")
        self.purpose.setMaximumHeight(80)
        self.shared = QCheckBox(tr("Both teams rise or fall together: warn about anything "
                                   "measured for one team only"), objectName="sharedRewards")
        self.shared.clicked.connect(lambda: self._commit(shared_rewards=self.shared.isChecked()))
        self.checkin_days = QSpinBox(objectName="checkinDays", minimum=1, maximum=366)
        self.checkin_days.setSuffix(tr(" days"))
        self.checkin_days.setMaximumWidth(160)
        name(self.checkin_days, tr("Days between check-ins on a goal"))
        self.checkin_days.editingFinished.connect(
            lambda: self._commit(checkin_days=self.checkin_days.value()))
        # The PDF's language and the currency of the plan's amounts (plan format 13).
        self.language = QComboBox(objectName="planLanguage")
        for value in Language:
            self.language.addItem(tr(label(value)) if value is Language.DEFAULT
                                  else label(value), value)
        self.currency = QComboBox(objectName="planCurrency")
        for value in Currency:
            self.currency.addItem(tr(label(value)) if value is Currency.NONE else value.value,
                                  value)
        self.language.activated.connect(
            lambda: self._commit(language=self.language.currentData()))
        self.currency.activated.connect(
            lambda: self._commit(currency=self.currency.currentData()))
        self.head_of_sales = QComboBox(objectName="headOfSales")
        self.head_of_marketing = QComboBox(objectName="headOfMarketing")
        name(self.start, tr("Period starts"))
        name(self.end, tr("Period ends"))
        settings = QHBoxLayout()  # the PDF's language and the amounts' currency, one row
        settings.addWidget(self.language)
        currency_label = QLabel(tr("Currency"))
        currency_label.setBuddy(self.currency)
        settings.addWidget(currency_label)
        settings.addWidget(self.currency)
        settings.addStretch()
        name(self.language, tr("Language of the PDF"))
        language_label = QLabel(tr("Language of the PDF"))
        language_label.setBuddy(self.language)  # a form's label of a row of two fields
        name(self.currency, tr("Currency"))
        period = QHBoxLayout()
        period.addWidget(self.start)
        period.addWidget(QLabel(tr("to")))
        period.addWidget(self.end)
        period.addStretch()
        for text, field in ((tr("Plan name"), self.title), (tr("Company"), self.company),
                            (tr("Period"), period), (tr("Purpose"), self.purpose),
                            (tr("Head of sales"), self.head_of_sales),
                            (tr("Head of marketing"), self.head_of_marketing),
                            (tr("Shared rewards"), self.shared),
                            (tr("Check in on each goal every"), self.checkin_days),
                            (language_label, settings)):
            form.addRow(text, field)
        layout.addLayout(form)
        due_bar = QHBoxLayout()
        heading = as_heading(QLabel(tr("Due in the next two weeks")), "sectionHeading")
        bold = heading.font()
        bold.setBold(True)
        heading.setFont(bold)
        due_bar.addWidget(heading)
        due_bar.addStretch()
        self.mine = QRadioButton(tr("Mine"), objectName="dueMine")
        self.everyone = QRadioButton(tr("Everyone's"), objectName="dueEveryone")
        group = QButtonGroup(self)
        for button in (self.mine, self.everyone):
            group.addButton(button)
            due_bar.addWidget(button)
        self.everyone.setChecked(True)
        group.buttonToggled.connect(lambda *_: self._show_due())
        self.due = QListWidget(objectName="dueList")
        self.due.setAccessibleName(tr("Due in the next two weeks"))
        self.due.setMinimumHeight(72)
        self.due.itemActivated.connect(self._go_to_due)
        self.due.itemClicked.connect(self._go_to_due)
        layout.addLayout(due_bar)
        layout.addWidget(self.due, 1)
        SaveWhileTyping(self.title, lambda typing: self._commit_text(
            "title", self.title.text(), typing))
        SaveWhileTyping(self.company, lambda typing: self._commit_text(
            "company", self.company.text(), typing))
        SaveWhileTyping(self.purpose, lambda typing: self._commit_text(
            "purpose", self.purpose.toPlainText(), typing))
        self.start.editingFinished.connect(lambda: self._commit(period_start=_day(self.start)))
        self.end.editingFinished.connect(lambda: self._commit(period_end=_day(self.end)))
        self.head_of_sales.activated.connect(
            lambda: self._commit(head_of_sales_id=self.head_of_sales.currentData()))
        self.head_of_marketing.activated.connect(
            lambda: self._commit(head_of_marketing_id=self.head_of_marketing.currentData()))
        for widget in (self.title, self.company, self.start, self.end, self.purpose,
                       self.head_of_sales, self.head_of_marketing, self.shared,
                       self.checkin_days, self.language, self.currency):
            widget.setEnabled(not session.read_only)
        self._stale = True
        self._measured = False
        session.plan_changed.connect(self._on_plan_changed)
        session.figures_ready.connect(self._measure)
        self.refresh()

    def _date_edit(self, name: str) -> QDateEdit:
        edit = QDateEdit(objectName=name)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat(date_format())
        return edit

    def _commit_text(self, field: str, text: str, typing: bool) -> None:
        """Typing pauses save quietly what is valid; leaving the field says
        what is wrong and puts the saved text back."""
        if typing and (not text.strip() or len(text) > LONG_TEXT_MAX):
            return
        self._commit(merge_key=f"plan.{field}", quiet=typing, **{field: text})

    def _commit(self, merge_key: str | None = None, quiet: bool = False, **changes: Any) -> None:
        if self.session.read_only:
            return
        store = self.session.store
        change: ChangeSet = change_plan(store, **changes)
        if change and not self.session.do(change, merge_key=merge_key) and not quiet:
            self.refresh()

    def _on_plan_changed(self, change: ChangeSet) -> None:
        if change.touches(CrmImport, FunnelStage, NonWorkingDay, Metric):
            self._measured = False
        if change.touches(Plan, Person, Goal, FieldRide, ReviewAction, CheckIn, CrmImport,
                          FunnelStage, NonWorkingDay, Metric):
            self._stale = True
            if self.isVisible():
                self.refresh()

    def showEvent(self, event: QShowEvent) -> None:
        if self._stale:
            self.refresh()
        super().showEvent(event)

    def refresh(self) -> None:
        self._stale = False
        store = self.session.store
        plan = store.plan()
        people = sorted(store.rows(Person), key=lambda p: (p.name.casefold(), p.id))
        for widget, value in ((self.title, plan.title), (self.company, plan.company)):
            typing = widget.hasFocus() and widget.text().strip() == value.strip()
            if widget.text() != value and not typing:
                widget.setText(value)
        for edit, day in ((self.start, plan.period_start), (self.end, plan.period_end)):
            edit.blockSignals(True)
            edit.setDate(QDate(day.year, day.month, day.day))
            edit.blockSignals(False)
        self.shared.setChecked(plan.shared_rewards)
        self.language.setCurrentIndex(max(0, self.language.findData(plan.language)))
        self.currency.setCurrentIndex(max(0, self.currency.findData(plan.currency)))
        if not self.checkin_days.hasFocus():
            self.checkin_days.setValue(plan.checkin_days)
        if self.purpose.toPlainText() != plan.purpose:
            self.purpose.setPlainText(plan.purpose)
        for combo, team, head in ((self.head_of_sales, Team.SALES, plan.head_of_sales_id),
                                  (self.head_of_marketing, Team.MARKETING,
                                   plan.head_of_marketing_id)):
            combo.clear()
            combo.addItem(tr("(nobody yet)"), None)
            for p in people:
                if p.team is team:
                    combo.addItem(p.name, p.id)
            combo.setCurrentIndex(max(0, combo.findData(head)))
        progress = agreement(store.rows(Goal))
        self.progress.setText(
            f"<b>{tr(label(progress.status))}</b> \u00b7 {progress.text()}<br>"
            + tr("{people} people \u00b7 {rides} field rides").format(
                people=len(people), rides=store.count(FieldRide)))
        self._show_due()
        if not self._measured:
            self._measured = True
            QTimer.singleShot(0, self, self._measure)  # after the page is shown

    def _measure(self) -> None:
        """The handoff in one sentence, when the plan holds CRM leads."""
        from planner.errors import PlanError
        from planner.outline.actuals import handoff_sentence

        if self.session.figures_waiting():  # a million leads: worked out on a thread
            self.handoff.setText(tr("Measuring the handoff from the CRM data\u2026"))
            self.handoff.show()
            return
        try:
            said = handoff_sentence(self.session.store)
        except PlanError:  # the plan was closed before the page came to it
            said = None
        self.handoff.setText(said or "")
        self.handoff.setVisible(bool(said))

    def _show_due(self, today: date | None = None) -> None:
        """What is due, late first, for the person at the keyboard or everyone."""
        from planner.ui.i18n import format_date

        store = self.session.store
        today = today or date.today()
        me = store.acting.person_id
        self.mine.setEnabled(me is not None)
        if me is None and self.mine.isChecked():
            self.everyone.setChecked(True)
        mine = self.mine.isChecked() and me is not None
        names = {p.id: p.name for p in store.rows(Person)}
        words = {"Action": tr("Action"), "Check-in": tr("Check-in"), "Goal": tr("Goal due"),
                 "Field ride": tr("Field ride")}
        self.due.clear()
        items = due_soon(store, today, me if mine else None, WINDOW_DAYS)
        for d in items:
            who = ", ".join(names.get(p, "?") for p in d.people) or tr("nobody yet")
            late = tr("late: ") if d.late(today) else ""
            item = QListWidgetItem(f"{late}{format_date(d.day)} \u00b7 {words[d.what]}: "
                                   f"{d.text} \u2014 {who}")
            item.setData(Qt.ItemDataRole.UserRole, (d.kind, d.row_id))
            item.setToolTip(tr("Show it where the plan keeps it"))
            if d.late(today):
                from planner.ui.widgets.colours import BAD

                item.setForeground(BAD)
            self.due.addItem(item)
        if not items:
            self.due.addItem(QListWidgetItem(tr("Nothing is due in the next two weeks.")))

    def _go_to_due(self, item: QListWidgetItem) -> None:
        target = item.data(Qt.ItemDataRole.UserRole)
        show = getattr(self.window(), "show_row", None)
        if target and show is not None:
            show(*target)


def _day(edit: QDateEdit) -> date:
    d = edit.date()
    return date(d.year(), d.month(), d.day())
