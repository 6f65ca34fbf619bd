"""The collaboration network: the people as a graph, the brokers and the
isolates, the cross-team share by quarter, and a ride suggested for each
isolate that one click plans."""

from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QHBoxLayout, QLabel, QListWidget, QListWidgetItem, QPushButton,
    QSplitter, QVBoxLayout, QWidget)

from planner.changes import ChangeSet
from planner.errors import PlanError
from planner.i18n import _ as core_words  # the survey's questions, in the language spoken
from planner.i18n import days, percent
from planner.model import (
    FieldRide, Goal, Message, Person, ReviewAction, Survey, SurveyAnswer, SurveyInvite, Training,
    TrainingSeat)
from planner.model.enums import Team, label
from planner.operations import rides as ride_ops
from planner.outline.network import figure
from planner.rules.network import (
    KINDS, SURVEY, Network, Suggestion, network, suggestions, ties)
from planner.rules.survey import latest_survey
from planner.ui import dialogs
from planner.ui.i18n import tr
from planner.ui.pages.table import title_label
from planner.ui.shell.session import PlanSession
from planner.ui.widgets import colours
from planner.ui.widgets.accessible_items import items_changed


def kind_words() -> dict[str, str]:
    """The tie kinds as the filter names them."""
    return {"rides": tr("Rides"), "goals": tr("Co-owned goals"), "approvals": tr("Approvals"),
            "actions": tr("Review actions"), "training": tr("Joint training")}


class NetworkGraph(QWidget):
    """The people as dots coloured by team, ties as lines as wide as their
    weight, brokers ringed; names where there is room."""

    def __init__(self) -> None:
        super().__init__(objectName="networkGraph")
        self.setMinimumHeight(260)
        self.setAccessibleName(tr("The collaboration network"))
        self.figure: Any = None

    def show_network(self, net: Network) -> None:
        self.figure = figure(net)
        self.update()
        items_changed(self)

    def _point(self, n: int) -> QPointF:
        f, pad = self.figure, 24.0
        w, h = self.width() - 2 * pad - 140, self.height() - 2 * pad - 10
        _name, _team, x, y, _broker = f.people[n]
        return QPointF(pad + x * w, pad + 10 + (1 - y) * h)

    def accessible_items(self) -> list[tuple[str, str, QRectF]]:
        """Each person as a reader hears them: name, team, broker or not, and
        whom they work with (heaviest ties first)."""
        f = self.figure
        if f is None:
            return []
        ties: dict[int, list[tuple[float, int]]] = {}
        for a, b, weight in f.ties:
            ties.setdefault(a, []).append((weight, b))
            ties.setdefault(b, []).append((weight, a))
        out = []
        for n, (name, team, _x, _y, broker) in enumerate(f.people):
            mine = sorted(ties.get(n, []), reverse=True)
            said = tr("{team}{broker}; works with {people}").format(
                team=tr(label(Team(team))), broker=tr(", a broker between the teams")
                if broker else "", people=", ".join(f.people[m][0] for _w, m in mine[:8])
                + (tr(" and {n} more").format(n=len(mine) - 8) if len(mine) > 8 else "")
            ) if mine else tr("{team}; no ties yet").format(team=tr(label(Team(team))))
            point = self._point(n)
            out.append((name, said, QRectF(point.x() - 6, point.y() - 6, 12, 12)))
        return out

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), colours.WINDOW)
        f = self.figure
        if f is None or not f.people:
            return
        pad = 24.0
        x = 4.0  # the legend: what the colours and rings say
        for words, colour in ((tr("Sales"), colours.SALES_BAR),
                              (tr("Marketing"), colours.MARKETING_BAR)):
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(colour)
            painter.drawEllipse(QPointF(x + 5, 10), 4, 4)
            painter.setPen(colours.MUTED)
            painter.drawText(QRectF(x + 12, 1, 120, 18), Qt.AlignmentFlag.AlignVCenter, words)
            x += 24 + painter.fontMetrics().horizontalAdvance(words)
        painter.drawText(QRectF(x, 1, 300, 18), Qt.AlignmentFlag.AlignVCenter,
                         tr("ringed: a broker between the teams"))
        w, h = self.width() - 2 * pad - 140, self.height() - 2 * pad - 10

        def at(n: int) -> QPointF:
            _, _, x, y, _ = f.people[n]
            return QPointF(pad + x * w, pad + 10 + (1 - y) * h)

        heaviest = max((t[2] for t in f.ties), default=1.0)
        for a, b, weight in f.ties:
            painter.setPen(QPen(colours.FAINT, 0.5 + 3 * weight / heaviest))
            painter.drawLine(at(a), at(b))
        names = len(f.people) <= 60
        for n, (name, team, _, _, broker) in enumerate(f.people):
            colour = colours.SALES_BAR if team == Team.SALES.value else colours.MARKETING_BAR
            point = at(n)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(colour)
            radius = 6.0 if broker else 4.0
            painter.drawEllipse(point, radius, radius)
            if broker:
                painter.setPen(QPen(colours.INK, 1.4))
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.drawEllipse(point, radius + 3, radius + 3)
            if names or broker:
                painter.setPen(colours.INK)
                painter.drawText(QRectF(point.x() + 9, point.y() - 9, 160, 18),
                                 Qt.AlignmentFlag.AlignVCenter, name)
        painter.end()


def _say(widget: QWidget, text: str) -> None:
    window = widget.window()
    bar = getattr(window, "statusBar", None)
    if callable(bar):
        bar().showMessage(text, 10_000)


def survey_words(store: Any, net: Network, said: Network | None = None) -> str:
    """The latest survey in one or two sentences: who answered, the brokers
    it finds (totals only: never who named whom), and where it differs from
    the records. `said`: the survey's network, when already measured."""
    from planner.outline.network import contrast
    from planner.rules.survey import latest_survey, response

    survey = latest_survey(store)
    if survey is None:
        return ""
    got = response(store, survey)
    said = said if said is not None else network(store, kinds=(SURVEY,))
    names = {p: person.name for p, person in said.people.items()}
    words = " " + tr("Survey: {answered} of {invited} answered.").format(
        answered=got.answered, invited=got.invited)
    if said.brokers:
        words += " " + tr("Brokers by the survey: {names}.").format(
            names=", ".join(names[p] for p, _score in said.brokers[:3]))
    found = contrast(net, said) if got.answered else []
    return words + ("\n" + "\n".join(found[:3]) if found else "")


class NetworkPage(QWidget):
    def __init__(self, session: PlanSession) -> None:
        super().__init__()
        self.session = session
        words = kind_words()
        self.kinds = {k: QCheckBox(words[k], checked=True, objectName=f"kind_{k}")
                      for k in KINDS}
        self.quarter = QComboBox(objectName="networkQuarter")
        self.quarter.setAccessibleName(tr("Quarter"))
        self.graph = NetworkGraph()
        self.summary = QLabel(objectName="networkSummary", wordWrap=True)
        self.brokers = QListWidget(objectName="brokers", wordWrap=True)
        self.brokers.setAccessibleName(tr("Brokers"))
        self.isolates = QListWidget(objectName="isolates", wordWrap=True)
        self.isolates.setAccessibleName(tr("No tie to the other team"))
        self.accept = QPushButton(tr("Plan the suggested ride"), objectName="planSuggestion")
        self.accept.clicked.connect(self.plan_suggestion)
        self.share = QLabel(objectName="crossShare", wordWrap=True)
        # The network survey: forms out, answer files in (as `tandem survey` does).
        self.send_survey = QPushButton(tr("Write survey forms\u2026"), objectName="sendSurvey")
        self.send_survey.clicked.connect(self.write_survey_forms)
        self.take_answers = QPushButton(tr("Take in survey answers\u2026"),
                                        objectName="takeSurveyAnswers")
        self.take_answers.clicked.connect(self.take_survey_answers)
        self.new_survey_button = QPushButton(tr("New survey\u2026"), objectName="newSurvey")
        self.new_survey_button.clicked.connect(self.new_survey)
        self.show_people = QCheckBox(tr("Show who named whom (the heads' choice)"),
                                     objectName="surveyShowsPeople")
        self.show_people.toggled.connect(self.choose_show_people)
        bar = QHBoxLayout()
        for box in self.kinds.values():
            box.toggled.connect(self.refresh)
            bar.addWidget(box)
        caption = QLabel(tr("Quarter"), objectName="filterCaption")
        caption.setBuddy(self.quarter)  # what the combo is for, for a reader too
        bar.addWidget(caption)
        bar.addWidget(self.quarter)
        bar.addStretch()
        self.quarter.currentIndexChanged.connect(self.refresh)
        side = QVBoxLayout()
        side.addWidget(QLabel(tr("Brokers between the teams")))
        side.addWidget(self.brokers)
        side.addWidget(QLabel(tr("No tie to the other team, and a ride to suggest")))
        side.addWidget(self.isolates)
        side.addWidget(self.accept)
        side.addWidget(self.share)
        survey_row = QHBoxLayout()
        survey_row.addWidget(self.new_survey_button)
        survey_row.addWidget(self.send_survey)
        survey_row.addWidget(self.take_answers)
        side.addLayout(survey_row)
        side.addWidget(self.show_people)
        panel = QWidget()
        panel.setLayout(side)
        split = QSplitter(Qt.Orientation.Horizontal, objectName="networkSplit")
        split.addWidget(self.graph)
        split.addWidget(panel)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 16)
        layout.addWidget(title_label(tr("Network")))
        layout.addLayout(bar)
        layout.addWidget(self.summary)
        layout.addWidget(split, 1)
        self.suggested: list[Suggestion] = []
        self._survey_net: tuple[int | None, Network] | None = None
        self._fill_quarters()
        session.plan_changed.connect(self._on_plan_changed)
        self.refresh()

    def _fill_quarters(self) -> None:
        chosen = self.quarter.currentData()
        self.quarter.blockSignals(True)
        self.quarter.clear()
        self.quarter.addItem(tr("Every quarter"), None)
        for q in sorted({t.quarter for t in ties(self.session.store)}):
            self.quarter.addItem(q, q)
        self.quarter.setCurrentIndex(max(0, self.quarter.findData(chosen)))
        self.quarter.blockSignals(False)

    def _on_plan_changed(self, change: ChangeSet) -> None:
        if change.touches(FieldRide, Goal, Message, ReviewAction, Person, Training,
                          TrainingSeat, Survey, SurveyInvite, SurveyAnswer):
            self._fill_quarters()
            self.refresh()

    def refresh(self) -> None:
        store = self.session.store
        kinds = [k for k, box in self.kinds.items() if box.isChecked()]
        net = network(store, kinds, self.quarter.currentData())
        self.net = net
        self.graph.show_network(net)
        names = {p: person.name for p, person in net.people.items()}
        text = tr("{people} people, {pairs} pairs who work together; {isolates} "
                  "with no tie to the other team.").format(
            people=len(net.people), pairs=len(net.weights), isolates=len(net.isolates))
        # The survey's network changes only with the plan, not with the filters.
        head = store.head() if hasattr(store, "head") else None
        if self._survey_net is None or self._survey_net[0] != head or head is None:
            self._survey_net = (head, network(store, kinds=(SURVEY,)))
        self.summary.setText(text + survey_words(store, net, self._survey_net[1]))
        latest = latest_survey(store)
        self.show_people.blockSignals(True)
        self.show_people.setChecked(bool(latest and latest.shows_people))
        self.show_people.setEnabled(latest is not None and not self.session.read_only)
        self.show_people.blockSignals(False)
        self.brokers.clear()
        for p, score in net.brokers[:12]:
            self.brokers.addItem(f"{names[p]}: {percent(score, 1)}")
        if not net.brokers:
            self.brokers.addItem(tr("Nobody stands between the teams: every tie is direct."))
        # Suggestions are for the whole network, whatever the filters show.
        whole = net if len(kinds) == len(KINDS) and self.quarter.currentData() is None \
            else network(store)
        self.suggested = suggestions(store, whole, date.today())
        by_isolate = {s.isolate_id: s for s in self.suggested}
        self.isolates.clear()
        for p in net.isolates:
            s = by_isolate.get(p)
            text = names[p] + (f" \u2192 {names.get(s.partner_id, '?')}, "
                               f"{days(s.first_day, s.last_day)}"
                               if s else " " + tr("(no free days in the plan)"))
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, p)
            self.isolates.addItem(item)
        self.accept.setEnabled(bool(self.suggested) and not self.session.read_only)
        self.share.setText(tr("Across the teams, by quarter: ") + ", ".join(
            f"{q} {percent(share)}" for q, share, _ in net.cross_share) if net.cross_share else "")

    def plan_suggestion(self) -> bool:
        item = self.isolates.currentItem() or self.isolates.item(0)
        chosen = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        suggestion = next((s for s in self.suggested if s.isolate_id == chosen), None)
        if suggestion is None:
            self.session.report(tr("Choose a person with a suggested ride."))
            return False
        return self.session.attempt(lambda: ride_ops.plan_suggested(
            self.session.store, suggestion.isolate_id, suggestion.partner_id,
            suggestion.direction, suggestion.first_day, suggestion.last_day))


    def new_survey(self) -> bool:
        """A new survey with the questions the user writes (one a line; the
        latest survey's, or the usual three, to start from): the forms and
        the room ask it from then on."""
        from planner.operations.survey import open_survey
        from planner.rules.survey import QUESTIONS, questions_of

        latest = latest_survey(self.session.store)
        start = "\n".join(questions_of(latest) if latest else [core_words(q) for q in QUESTIONS])
        text = dialogs.ask_lines(self, tr("New survey"), tr("Its questions, one a line: whom "
                                                            "on the other team people go to."),
                                 start)
        if text is None:
            return False
        lines = text.splitlines()
        return self.session.attempt(lambda: open_survey(self.session.store, date.today(),
                                                        questions=lines)[0])

    def choose_show_people(self, shown: bool) -> bool:
        """Who named whom shown, or totals only: the heads' choice (the
        commit refuses anyone else, and the box goes back)."""
        from planner.operations.survey import show_people

        latest = latest_survey(self.session.store)
        done = latest is not None and self.session.attempt(lambda: show_people(latest, shown))
        self.refresh()
        return done

    def write_survey_forms(self) -> list[Path]:
        """One form per person into a folder the user chooses (a survey is
        opened first when there is none)."""
        from planner.export.survey_forms import write_forms
        from planner.operations.survey import survey_to_send

        folder = dialogs.ask_directory(self, tr("Write survey forms into"))
        if folder is None:
            return []
        store = self.session.store
        try:
            change, survey = survey_to_send(store, date.today())
        except PlanError as exc:  # nobody in one of the teams
            self.session.report(str(exc))
            return []
        if change.rows and not self.session.do(change):
            return []
        try:
            written = write_forms(store, survey, folder)
        except (OSError, PlanError) as exc:
            dialogs.warn(self, tr("Survey forms not written"), str(exc))
            return []
        _say(self, tr("Wrote {count} survey forms to {folder}: send each person theirs.").format(
            count=len(written), folder=folder))
        return written

    def take_survey_answers(self) -> int:
        """Answer files the user chooses, checked and taken in as one change;
        the refused ones said, each with its sentence. How many were taken."""
        from planner.imports.survey_answers import collect

        files = dialogs.ask_open_files(self, tr("Survey answers to take in"),
                                       tr("Survey answers (*.json)"))
        if not files:
            return 0
        done = collect(self.session.store, files)
        if done.change.rows and not self.session.do(done.change):
            return 0
        if done.refused:
            dialogs.warn(self, tr("Some answers not taken"), "\n".join(
                why for _path, why in done.refused[:10]))
        _say(self, tr("{count} answer files taken in.").format(count=len(done.taken)))
        self.refresh()
        return len(done.taken)
