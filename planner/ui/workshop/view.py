"""Workshop mode: the plan projected slide by slide, edited live with the room."""

import time
from collections.abc import Callable, Iterator
from datetime import date
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QFont, QKeyEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import QWidget

from planner.changes import ChangeSet
from planner.imports.survey_answers import from_room
from planner.model import FieldRide, Goal, Message, ParkingTopic, Person, Survey, SurveyInvite
from planner.model.enums import GoalStatus, RideStatus, Team
from planner.operations import checkins as checkin_ops
from planner.operations import goals as goal_ops
from planner.operations import messages as message_ops
from planner.operations import reviews as review_ops
from planner.operations import rides as ride_ops
from planner.operations import room as room_ops
from planner.operations import workshop as workshop_ops
from planner.outline.build import build_outline
from planner.outline.changes import between, credited, differences
from planner.outline.library import message_stages
from planner.outline.summary import key_facts
from planner.outline.slides import (
    SLIDELESS, Slide, each_section_slide, first_slide_of, slides_from_outline)
from planner.room.shown import shown as room_shown
from planner.room.state import SURVEY
from planner.room.survey import room_survey
from planner.rules.checkins import history_of
from planner.rules.rides import conflicting_ride_ids
from planner.rules.signoff import Side
from planner.rules.survey import latest_survey, questions_of, response
from planner.store.versions import Version
from planner.ui.i18n import tr
from planner.ui.shell.session import PlanSession
from planner.ui.widgets.signing import sign_for_side
from planner.ui.workshop.editor import Field, RoomEditor
from planner.ui.workshop.room import PANEL_SHARE, RoomControl, paint_panel
from planner.ui.workshop.stage import MIN_PX, Stage
from planner.i18n import short_day, weekday_day

FIT_TICK = 0.03  # seconds of idle fitting a tick: the longest a key waits for it


class WorkshopView(QWidget):
    left = Signal(str)  # the section to show when the workshop ends
    slide_shown = Signal()  # another slide, or the same one changed

    def __init__(self, session: PlanSession, section: str,
                 since: Version | None = None) -> None:
        super().__init__()
        self.since = since  # the last workshop's version: its changes get a slide
        self.setObjectName("workshop")
        self.setWindowTitle(tr("Tandem workshop"))
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.session = session
        self.slides: list[Slide] = []
        self.index = 0
        self.typed = ""  # digits typed to jump to a slide
        self.picked = 0  # the item picked with Tab on a slide of items
        self.min_font_px = 10_000
        self.editor: RoomEditor | None = None  # open over the slide: it has every key
        self._measured: dict[Any, Any] = {}  # text sizes, kept across rebuilds
        self._section_titles: dict[str, str] = {}
        self._columns: dict[int, Any] = {}
        self._fitted = False  # the slides cut for this screen's size yet
        self._inputs: tuple[Any, ...] | None = None  # what the slides are made of
        # The sections cut to fit so far (None: all), and their slides.
        self._fit_set: set[str] | None = None
        self._fitted_sections: dict[str, list[Slide]] = {}
        # The section idle time is cutting now, a few slides a tick: its key,
        # its slides as they come, and those cut so far.
        self._fit_job: tuple[str, Iterator[Slide], list[Slide]] | None = None
        self._fit_timer = QTimer(self, singleShot=True, interval=0)
        self._fit_timer.timeout.connect(self._fit_more)
        self.agenda_started = time.monotonic()
        self.last_stage: Stage | None = None
        self.last_panel: Stage | None = None
        self.room: RoomControl | None = None  # the room open: participants write in
        self.room_host: str | None = None  # where it listens (None: every network here)
        self.room_error = ""
        self._rebuild()
        self.index = first_slide_of(self.slides, section)
        session.plan_changed.connect(self._on_plan_changed)
        self.slide_shown.connect(self._tell_room)
        # The agenda item is the section on screen; its clock starts when it does.
        self.agenda_started = time.monotonic()
        self._fit_waiting: list[str] = []
        self._tick = QTimer(self, interval=1000)
        self._tick.timeout.connect(self.update)
        self._tick.start()

    # -- slides ---------------------------------------------------------------

    def _rebuild(self) -> None:
        """The slides from what the plan says now (read once per change of
        the plan), cut to fit the screen where the screen is known: the
        sections fitted so far, the rest a fixed number a slide until idle
        time fits them too (`_fit_more`)."""
        if self._inputs is None:
            self._inputs = self._gather()
            self._fitted_sections.clear()
            self._fit_job = None  # cut from what the plan said before
        outline, proposals, rides, changes, stages, parked, dividers, survey = self._inputs
        self._section_titles = {"": outline.title, **{s.key: s.title for s in outline.sections}}
        # Cut to fit once the workshop has its screen's size (a resize brings it).
        fits = self.fits if self.isVisible() else None
        self.slides = slides_from_outline(outline, proposals, (),  # type: ignore[arg-type]
                                          rides, changes, stages, parked, fits, dividers,
                                          self._fit_set, self._fitted_sections, survey)

    def _gather(self) -> tuple[Any, ...]:
        store = self.session.store
        goals = store.rows(Goal)
        proposals = tuple(tuple(g.title for g in goals if g.status is GoalStatus.PROPOSED
                                and g.proposed_by is side)
                          for side in (Team.SALES, Team.MARKETING))
        parked = tuple((t.id, t.topic) for t in store.rows(ParkingTopic) if not t.done)
        people = {p.id: p.name for p in store.rows(Person)}
        all_rides = store.rows(FieldRide)
        conflicts = conflicting_ride_ids(all_rides)
        today = date.today()
        upcoming = [r for r in all_rides if r.last_day >= today
                    and r.status in (RideStatus.PLANNED, RideStatus.CONFIRMED)]
        rides = tuple((r.id, tr("{first} \u2013 {last}: {visitor} with {host}").format(
                           first=weekday_day(r.first_day), last=short_day(r.last_day),
                           visitor=people.get(r.visitor_id or "", "?"),
                           host=people.get(r.host_id or "", "?"))
                       + ("  \u26a0 " + tr("two rides the same day") if r.id in conflicts
                          else ""))
                      for r in upcoming)
        changes = None
        if self.since is not None:
            old, new = store.state(self.since.seq), store.state()
            found = credited(differences(between(old, new), old, new),
                             store.last_authors(self.since.seq))
            changes = tuple(d.line().split(": ", 1)[1] + " " + tr("(by {name})").format(
                name=d.by_name if d.by_name != "unknown" else tr("unknown")) for d in found)
        names: dict[str | None, str] = dict(people)
        return (build_outline(store), proposals, rides, changes, message_stages(store, names),
                parked, key_facts(store), self._survey_slide())

    def _survey_slide(self) -> tuple[str, tuple[str, ...]] | None:
        """The network survey's slide (its title and lines), where the room
        answers it: the latest survey, if the plan has one."""
        store = self.session.store
        survey = latest_survey(store)
        if survey is None:
            return None
        got = response(store, survey)
        lines = [f"{n}. {q}" for n, q in enumerate(questions_of(survey), start=1)]
        lines.append(tr("{answered} of {invited} have answered.").format(
            answered=got.answered, invited=got.invited))
        lines.append(tr("Answer on your phone in the room (O opens it): find your name, then "
                        "whom you go to and how often."))
        return survey.title, tuple(lines)

    def _offer_survey(self) -> None:
        """The latest survey handed to the room as the plan holds it now."""
        if self.room is not None:
            self.room.room.offer_survey(room_survey(self.session.store))

    def _on_plan_changed(self, change: ChangeSet) -> None:
        if self.room is not None:
            self.room.follow(change)  # a card taken in, undone: back on the board
            if Person in change.kinds():
                self.room.know_people(list(self.session.store.rows(Person)))
            if change.kinds() & {Person, Survey, SurveyInvite}:
                self._offer_survey()
        current = self.slides[self.index]
        picked = self._picked_id()
        self._inputs = None  # the plan changed: read again
        self._rebuild()
        # The same slide: the same part of the same goal (its title may have
        # changed), else the slide of that section with that title.
        first = current.facts[0][0] if current.facts else None
        same = next((n for n, s in enumerate(self.slides)
                     if current.goal_key and s.goal_key == current.goal_key
                     and any(key == first for key, _ in s.facts)), None)
        if same is None:
            same = next((n for n, s in enumerate(self.slides)
                         if (current.goal_key and s.goal_key == current.goal_key)
                         or (not current.goal_key and s.section == current.section
                             and s.title == current.title)), None)
        self.index = same if same is not None else min(self.index, len(self.slides) - 1)
        ids = [item[0] for item in self.slide.items]
        if picked in ids:
            self.picked = ids.index(picked)  # the picked row stays picked
        elif ids:
            self.picked = min(self.picked, len(ids) - 1)
        self.update()
        self.slide_shown.emit()

    @property
    def slide(self) -> Slide:
        return self.slides[self.index]

    def go(self, index: int) -> None:
        before = self.slide.section
        self.picked = 0
        self.index = max(0, min(len(self.slides) - 1, index))
        section = self.slide.section
        if self._fit_set is not None and section and section not in self._fit_set:
            # Paged ahead of the idle fitting: this section is cut to fit now,
            # so that nothing the room sees is cut short.
            self._fit_set.add(section)
            if section in self._fit_waiting:
                self._fit_waiting.remove(section)
            if self._fit_job is not None and self._fit_job[0] == section:
                self._fit_job = None  # cut whole now
            self._recut()
        if self.slide.section != before:
            self.agenda_started = time.monotonic()
        self.update()
        self.slide_shown.emit()

    def agenda_clock(self) -> str:
        minutes, seconds = divmod(int(time.monotonic() - self.agenda_started), 60)
        return f"{minutes:02d}:{seconds:02d}"

    # -- keyboard (and a presenter remote, which sends Page Up/Down) ----------

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if self.editor is not None:  # a key an editor's field left: never a command
            event.accept()
            return
        key, mods = event.key(), event.modifiers()
        control = bool(mods & Qt.KeyboardModifier.ControlModifier)
        if control and key == Qt.Key.Key_Z:
            stack = self.session.undo_stack
            stack.redo() if mods & Qt.KeyboardModifier.ShiftModifier else stack.undo()
        elif key in (Qt.Key.Key_Right, Qt.Key.Key_Down, Qt.Key.Key_PageDown, Qt.Key.Key_Space):
            self.go(self.index + 1)
        elif key in (Qt.Key.Key_Left, Qt.Key.Key_Up, Qt.Key.Key_PageUp, Qt.Key.Key_Backspace):
            self.go(self.index - 1)
        elif key == Qt.Key.Key_Home:
            self.go(0)
        elif key == Qt.Key.Key_End:
            self.go(len(self.slides) - 1)
        elif Qt.Key.Key_0 <= key <= Qt.Key.Key_9:
            self.typed += chr(key)
            self.update()
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.typed:
            self.go(int(self.typed) - 1)
            self.typed = ""
        elif key in (Qt.Key.Key_S, Qt.Key.Key_M) and self.slide.goal_key:
            self.sign_off("sales" if key == Qt.Key.Key_S else "marketing")
        elif key in (Qt.Key.Key_S, Qt.Key.Key_M) and self.slide.kind == "proposals":
            self.propose(Team.SALES if key == Qt.Key.Key_S else Team.MARKETING)
        elif key in (Qt.Key.Key_S, Qt.Key.Key_M) and self.slide.kind == "messages":
            self.approve_message("sales" if key == Qt.Key.Key_S else "marketing")
        elif key in (Qt.Key.Key_S, Qt.Key.Key_M) and self.slide.kind == "parking" \
                and self.slide.items:
            self.topic_to_goal(Team.SALES if key == Qt.Key.Key_S else Team.MARKETING)
        elif key == Qt.Key.Key_C and self.slide.goal_key:
            self.check_in()
        elif key == Qt.Key.Key_C and self.slide.kind == "parking" and self.slide.items:
            self.close_topic()
        elif key == Qt.Key.Key_Tab and self.slide.items:
            self.picked = (self.picked + 1) % len(self.slide.items)
            self.update()
        elif key in (Qt.Key.Key_Less, Qt.Key.Key_Comma, Qt.Key.Key_Greater, Qt.Key.Key_Period) \
                and self.slide.kind == "rides" and self.slide.items:
            self.move_ride(-1 if key in (Qt.Key.Key_Less, Qt.Key.Key_Comma) else 1)
        elif key == Qt.Key.Key_E and self.slide.goal_key:
            self.reword_goal()
        elif key == Qt.Key.Key_E and self.slide.kind == "messages":
            self.reword_message()
        elif key == Qt.Key.Key_O:
            self.toggle_room()
        elif key == Qt.Key.Key_V and self.room is not None:
            self.toggle_vote()
        elif key in (Qt.Key.Key_BracketLeft, Qt.Key.Key_BracketRight) and self.room is not None:
            self.pick_card(-1 if key == Qt.Key.Key_BracketLeft else 1)
        elif key == Qt.Key.Key_I and self.room is not None:
            self.take_card()
        elif key == Qt.Key.Key_K and self.room is not None and self.slide.goal_key:
            self.record_room_confidence()
        elif key == Qt.Key.Key_F and self.room is not None and self.slide.section == "reviews":
            self.room.room.set_format("4l" if self.room.room.retro_format == "ssc" else "ssc")
        elif key == Qt.Key.Key_R:
            self.write_review()
        elif key == Qt.Key.Key_L:
            self.park_topic()
        elif key == Qt.Key.Key_T:
            self.agenda_started = time.monotonic()
            self.update()
        elif key == Qt.Key.Key_Escape:
            self.close()
        else:
            super().keyPressEvent(event)

    def focusNextPrevChild(self, next: bool) -> bool:  # noqa: A002, N802 (Qt's names)
        """Tab picks items on a slide; it never moves focus out of the workshop."""
        return False

    def _goal(self) -> Goal | None:
        return self.session.store.get(Goal, (self.slide.goal_key or "").removeprefix("goal-"))

    def sign_off(self, side: Side) -> bool:
        """Sign the goal on screen off for one side (again: withdraw), the same
        way the goals page does; in the room the signer says who they are."""
        goal = self._goal()
        return goal is not None and sign_for_side(
            self, self.session, [goal], side,
            lambda rows, who: goal_ops.sign_off(rows, side, who), in_room=True)[0]

    def open_editor(self, title: str, fields: list[Field],
                    save: Callable[[dict[str, Any]], ChangeSet | None]) -> RoomEditor:
        """An editor over the slide, sized for the room; `save` builds the
        change from what was typed (None: nothing to do). A refusal is said
        in the editor, which stays open with every word typed."""
        if self.editor is not None:
            self.editor.finish()

        def commit(values: dict[str, Any]) -> bool:
            problems: list[str] = []
            self.session.problem_reported.connect(problems.append)
            try:
                made = self.session.attempt(lambda: save(values) or ChangeSet("Nothing"))
            finally:
                self.session.problem_reported.disconnect(problems.append)
            if not made and problems and self.editor is not None:
                self.editor.show_error(problems[-1])
                return False
            return True

        def closed() -> None:
            self.editor = None
            self.setFocus(Qt.FocusReason.OtherFocusReason)
            self.update()

        self.editor = RoomEditor(self, title, fields, self.base_px(), commit, closed)
        return self.editor

    def resizeEvent(self, event: Any) -> None:
        """Another screen size: the slides are cut again to fit it."""
        if self.editor is not None:
            self.editor.place()
        if (event.oldSize() != event.size() or not self._fitted) and self.isVisible():
            self._fit()
        super().resizeEvent(event)

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        if not self._fitted:
            self._fit()

    def _fit(self) -> None:
        """The slides cut for this screen, on the slide that was shown: its
        section first, the others one by one in idle time, nearest first (the
        room sees its slide at once; a key pressed meanwhile waits for one
        section at most)."""
        if not self.slides:
            return
        self._fitted = True
        self._measured.clear()
        self._columns.clear()
        self._fitted_sections.clear()
        self._fit_job = None
        sections = [key for key in self._section_titles if key]
        here = self.slide.section
        at = sections.index(here) if here in sections else 0
        self._fit_waiting = sorted((k for k in sections if k != here),
                                   key=lambda k: abs(sections.index(k) - at))
        if self.index == first_slide_of(self.slides, here) and here:
            # On a section's first slide (where the workshop opens): that
            # slide first, its section's others next.
            self._fit_set = {f"{here}:intro"}
            self._fit_waiting.insert(0, here)
        else:
            self._fit_set = {here}
        self._recut()  # the rest once this slide is painted (paintEvent)

    def _fit_more(self) -> None:
        """The next section cut to fit the screen, in idle time: slide by
        slide for at most FIT_TICK seconds a tick (a key waits no longer), the
        slides shown once the whole section is cut."""
        if self._fit_set is None or not self._fit_waiting or self._inputs is None:
            return
        deadline = time.perf_counter() + FIT_TICK
        done = False
        while not done and time.perf_counter() < deadline:
            key = self._fit_waiting[0]
            if self._fit_job is None or self._fit_job[0] != key:
                self._fit_job = (key, self._cut_section(key), [])
            _key, cutting, made = self._fit_job
            slide = next(cutting, None)
            if slide is not None:
                made.append(slide)
                continue
            self._fit_job, done = None, True
            self._fit_waiting.pop(0)
            self._fitted_sections[key] = made
            self._fit_set.add(key)
        if done:
            if not self._fit_waiting:
                self._fit_set = None  # every section
            self._recut()
            self.update()
        if self._fit_waiting:
            self._fit_timer.start()

    def _cut_section(self, key: str) -> Iterator[Slide]:
        """One section's slides cut to fit, one at a time."""
        assert self._inputs is not None
        outline, proposals, rides, _changes, stages, _parked, dividers, survey = self._inputs
        section = next((s for s in outline.sections if s.key == key), None)
        if section is None or key in SLIDELESS:
            return iter(())
        return each_section_slide(section, proposals, rides, stages, self.fits, dividers,
                                  language=outline.language, survey=survey)

    def fitting(self) -> bool:
        """Whether some sections are still to be cut to fit (idle time)."""
        return self._fit_set is not None and bool(self._fit_waiting)

    def _recut(self) -> None:
        current = self.slide
        part = current.facts[0][0] if current.facts else None
        self._rebuild()
        same = [n for n, s in enumerate(self.slides) if s.section == current.section
                and s.goal_key == current.goal_key and s.heading == current.heading]
        self.index = next((n for n in same if part is not None
                           and any(k == part for k, _ in self.slides[n].facts)),
                          same[0] if same else min(self.index, len(self.slides) - 1))

    def propose(self, side: Team) -> RoomEditor:
        """A proposal from one side, straight into the plan as a proposed goal."""
        title = tr("Proposal from sales") if side is Team.SALES else tr("Proposal from marketing")
        return self.open_editor(title, [Field("title", tr("Goal"))],
                                lambda v: goal_ops.propose(self.session.store, side, v["title"])
                                if v["title"].strip() else None)

    def reword_goal(self) -> RoomEditor | None:
        goal = self._goal()
        if goal is None:
            return None

        def save(v: dict[str, Any]) -> ChangeSet | None:
            current = self.session.store.get(Goal, goal.id)
            return None if current is None else goal_ops.reword(
                current, title=v["title"], success_measure=v["success_measure"])
        return self.open_editor(tr("Reword the goal (both sign-offs are withdrawn)"), [
            Field("title", tr("Goal"), value=goal.title),
            Field("success_measure", tr("Success measure"), "text", goal.success_measure)], save)

    def check_in(self) -> RoomEditor | None:
        """A check-in on the goal on screen, typed at room size: progress,
        confidence, a note; in the name of the person at the keyboard."""
        goal = self._goal()
        if goal is None:
            return None
        store = self.session.store
        before = history_of(store, goal.id)

        def save(v: dict[str, Any]) -> ChangeSet | None:
            current = store.get(Goal, goal.id)
            if current is None:
                return None
            return checkin_ops.from_typed(store.acting, current, v["progress"], v["confidence"],
                                          v["note"])[0]
        last = before[-1] if before else None
        return self.open_editor(tr("Check in: how far, and how sure are we?"), [
            Field("progress", tr("Progress"), hint=tr(checkin_ops.progress_hint(goal))),
            Field("confidence", tr("Confidence, 1 to 10"),
                  value=str(last.confidence) if last else ""),
            Field("note", tr("What changed"), "text")], save)

    def _picked_id(self) -> str | None:
        items = self.slide.items
        return items[min(self.picked, len(items) - 1)][0] if items else None

    def _message(self) -> Message | None:
        picked = self._picked_id()
        return self.session.store.get(Message, picked) if picked else None

    def approve_message(self, side: Side) -> bool:
        """Approve the picked message for one side (again: withdraw), as the
        messaging page does; in the room the signer says who they are."""
        message = self._message()
        return message is not None and sign_for_side(
            self, self.session, [message], side,
            lambda rows, who: message_ops.approve(rows, side, who), in_room=True)[0]

    def reword_message(self) -> RoomEditor | None:
        message = self._message()
        if message is None:
            return None

        def save(v: dict[str, Any]) -> ChangeSet | None:
            current = self.session.store.get(Message, message.id)
            return None if current is None else message_ops.reword(current, **v)
        return self.open_editor(tr("Reword the message (both approvals are withdrawn)"), [
            Field("customer_problem", tr("Customer problem"), "text", message.customer_problem),
            Field("value_message", tr("Value message"), "text", message.value_message),
            Field("proof_point", tr("Proof point"), "text", message.proof_point)], save)

    def write_review(self) -> RoomEditor:
        """A whole review, written with the room: its date and three parts."""
        def save(v: dict[str, Any]) -> ChangeSet | None:
            if not any(v[k].strip() for k in ("what_happened", "what_we_learned",
                                              "what_we_change")):
                return None
            return review_ops.add_review(v["held_on"], v["what_happened"], v["what_we_learned"],
                                         v["what_we_change"])[0]
        return self.open_editor(tr("Review, without blame"), [
            Field("what_happened", tr("What happened"), "text"),
            Field("what_we_learned", tr("What we learned"), "text"),
            Field("what_we_change", tr("What we change in the system"), "text"),
            Field("held_on", tr("Held on"), "date", date.today())], save)

    def park_topic(self) -> RoomEditor:
        return self.open_editor(tr("Park a topic"), [Field("topic", tr("Topic to come back to"))],
                                lambda v: workshop_ops.park(v["topic"])
                                if v["topic"].strip() else None)

    def _topic(self) -> ParkingTopic | None:
        picked = self._picked_id() if self.slide.kind == "parking" else None
        return self.session.store.get(ParkingTopic, picked) if picked else None

    def close_topic(self) -> bool:
        topic = self._topic()
        return topic is not None and self.session.do(workshop_ops.close_topic(topic))

    def topic_to_goal(self, side: Team) -> bool:
        topic = self._topic()
        return topic is not None and self.session.attempt(
            lambda: workshop_ops.topic_to_goal(self.session.store, topic, side))

    def move_ride(self, days: int) -> bool:
        """Move the picked ride a day earlier or later; it stays picked."""
        ride_id = self.slide.items[min(self.picked, len(self.slide.items) - 1)][0]
        ride = self.session.store.get(FieldRide, ride_id)
        if ride is None:
            return False
        moved = self.session.do(ride_ops.move_ride(self.session.store, ride, days))
        ids = [item[0] for item in self.slide.items]
        if ride_id in ids:
            self.picked = ids.index(ride_id)
        self.update()
        return moved

    # -- the room -------------------------------------------------------------

    def toggle_room(self) -> bool:
        """Open the room to the network (a fresh code), or close it."""
        if self.room is not None:
            self.room.close()
            self.room = None
        else:
            try:
                self.room = RoomControl(list(self.session.store.rows(Person)), self.room_host)
            except OSError as exc:
                self.room_error = str(exc)
                self.session.problem_reported.emit(str(exc))
                return False
            self.room.changed.connect(self._room_changed)
            self._offer_survey()
        self._fitted = False
        self._fit()  # the slides narrower beside the room's panel, or wide again
        self._tell_room()
        self.update()
        self.slide_shown.emit()
        return self.room is not None

    def _tell_room(self) -> None:
        if self.room is not None:
            self.room.show(room_shown(self.slide))

    def _room_changed(self) -> None:
        self.update()

    def toggle_vote(self, seconds: float = 180) -> None:
        assert self.room is not None
        room = self.room.room
        room.stop_vote() if room.voting() else room.start_vote(seconds)

    def pick_card(self, step: int) -> None:
        assert self.room is not None
        count = len(self.room.cards())
        if count:
            self.room.picked = (min(self.room.picked, count - 1) + step) % count
            self.update()

    def take_card(self) -> bool:
        """The picked card into the plan, as one change the room can undo:
        a hot button as a draft message, a proposal as a proposed goal, a
        topic into the parking lot, a retro card into today's review."""
        assert self.room is not None
        if self.room.room.shown.adds == SURVEY:
            return self.take_survey_answers()
        card = self.room.picked_card()
        if card is None:
            return False
        store = self.session.store
        builders: dict[str, Callable[[], ChangeSet]] = {
            "hot_button": lambda: room_ops.hot_button(card.text, card.author),
            "proposal": lambda: room_ops.proposal(store, card.text, card.part),
            "topic": lambda: room_ops.topic(card.text),
            "retro": lambda: room_ops.retro_card(store, card.text, card.part, date.today()),
        }
        build = builders.get(card.kind)
        if build is None or not self.session.attempt(build):
            return False
        stack = self.session.undo_stack
        done = stack.command(stack.index() - 1)
        # Off the board; back on it when this change is undone (Ctrl+Z).
        self.room.took(card.id, getattr(done, "change", ChangeSet("", ())))
        self.update()
        return True

    def take_survey_answers(self) -> bool:
        """The answers given in the room into the plan, as one change (each
        checked again against the plan as it is now, as the answer files are:
        those it refuses are said on the room's panel and dropped)."""
        assert self.room is not None
        survey = self.room.room.survey
        given = self.room.room.survey_given()
        if survey is None or not given:
            return False
        store = self.session.store
        result = from_room(store, survey.survey_id, given)
        self.room.refused = [why for _person, why in result.refused]
        if result.taken and not self.session.do(result.change):
            return False
        self.room.room.survey_taken(result.taken + [p for p, _why in result.refused])
        self._inputs = None  # the slide's count of answers
        self._rebuild()
        self.update()
        return bool(result.taken)

    def record_room_confidence(self) -> bool:
        """What the room said of the goal on screen, as its check-in."""
        assert self.room is not None
        goal = self._goal()
        said = self.room.room.confidence_of(self.slide.goal_key or "")
        if goal is None or not said:
            return False
        store = self.session.store
        return self.session.attempt(lambda: room_ops.confidence(store, store.acting, goal, said,
                                                                date.today()))

    def closeEvent(self, event: Any) -> None:
        self._fit_timer.stop()  # nothing more to fit for a screen that is gone
        self._fit_waiting.clear()
        if self.room is not None:  # the room closes with the workshop
            self.room.close()
            self.room = None
        self.left.emit(self.slide.section or "overview")
        super().closeEvent(event)

    # -- drawing ----------------------------------------------------------------

    def base_px(self) -> int:
        """Body text size: a 26th of the screen's height, never under 24 px."""
        return max(MIN_PX, round(self.height() / 26))

    def _hint(self, slide: Slide) -> str:
        if self.room is not None and slide.kind == "survey":
            return "  \u00b7  ".join((tr("O: close the room"), tr("I: take in")))
        if self.room is not None:
            keys = [tr("O: close the room"), tr("V: vote"), tr("[ ]: pick"), tr("I: take in")]
            if slide.goal_key:
                keys.append(tr("K: the room's confidence"))
            if slide.section == "reviews":
                keys.append(tr("F: format"))
            return "  \u00b7  ".join(keys)
        anywhere = tr("L: park a topic (from any slide)")
        if slide.goal_key:
            return tr("S / M: sign for sales / marketing  \u00b7  E: reword  \u00b7  C: check in  "
                      "\u00b7  Ctrl+Z: undo")
        if not slide.kind:
            return ""
        return {"proposals": tr("S: a proposal from sales  \u00b7  M: from marketing"),
                "rides": tr("Tab: pick a ride  \u00b7  < >: a day earlier / later  "
                            "\u00b7  Ctrl+Z: undo"),
                "messages": tr("Tab: pick  \u00b7  S / M: approve for sales / marketing  "
                               "\u00b7  E: reword  \u00b7  Ctrl+Z: undo"),
                "parking": tr("Tab: pick  \u00b7  S / M: make it a goal of sales / "
                              "marketing  \u00b7  C: close  \u00b7  L: park a topic")
                if slide.items else anywhere}.get(slide.kind, anywhere)

    def _footer_text(self, slide: Slide, index: int) -> tuple[str, str]:
        section = self._section_titles.get(slide.section) or tr("Title")
        jump = ("   " + tr("go to slide {number}\u2026").format(number=self.typed)
                if self.typed else "")
        return (tr("{section}  \u00b7  {clock} on this item").format(
            section=section, clock=self.agenda_clock()) + jump,
            f"{index + 1} / {max(1, len(self.slides), index + 1)}")

    def stage(self, slide: Slide, painter: QPainter | None = None,
              width: float | None = None, height: float | None = None,
              picked: int | None = None) -> Stage:
        """The slide laid out on this screen (and painted, with a painter),
        with its picked item (the one picked now, when painted) in full."""
        index = self.index if painter is not None else 0
        if picked is None:
            picked = self.picked if painter is not None else 0
        if width is None and self.room is not None:  # beside the room's panel
            width = self.width() * (1 - PANEL_SHARE)
        stage = Stage(width or self.width(), height or self.height(), QFont(self.font()),
                      painter, picked, self._hint(slide),
                      self._footer_text(slide, index),
                      (index + 1) / max(1, len(self.slides)))
        stage._sizes = self._measured  # measurements kept between slides and rebuilds
        stage.columns = self._columns
        stage.lay_out(slide)
        return stage

    def fits(self, slide: Slide) -> bool:
        """Whether a slide's content fits this screen (slides.py cuts by it);
        a slide of items shows the one picked in full: with each of them."""
        return all(not self.stage(slide, picked=n).overflow
                   for n in range(max(1, len(slide.details))))

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        stage = self.stage(self.slide, painter)
        if self.room is not None:
            panel = Stage(self.width(), self.height(), QFont(self.font()), painter)
            paint_panel(painter, self.room, self.width(), self.height(), self.base_px(),
                        panel.text)
            panel.painter = None
            self.last_panel = panel  # what the room's panel shows, to be read
        painter.end()
        stage.painter = None  # what was drawn stays to be read; the painter goes
        self.min_font_px = min(self.min_font_px, stage.min_px)
        self.last_stage = stage
        if self.fitting() and not self._fit_timer.isActive():
            self._fit_timer.start()  # the other sections cut to fit, in idle time

