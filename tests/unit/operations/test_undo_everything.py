"""On the large sample plan, any sequence of operations of every kind, undone
in reverse, gives back the file byte for byte (timestamps and positions
included), and redone gives back the file as it was after them."""

import shutil
from datetime import date, timedelta
from pathlib import Path
from typing import Any, ClassVar

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, rule, run_state_machine_as_test

from planner.changes import ChangeSet
from planner.errors import PlanError
from planner.model import (
    FieldRide, FunnelStage, Goal, HotButton, Metric, NonWorkingDay, Person, R)
from planner.model.enums import GoalStatus, RideDirection, RideStatus, Team
from planner.operations import funnel, goals, metrics, people, rides, rows, workshop
from planner.operations.plan import change_plan
from planner.store.plan_store import PlanStore
from planner.rules.roles import head_actor
from tests.acting import as_head, signer
from tests.conftest import file_rows

# Odd text a VP might paste: markup, quotes, scripts, emoji, spaces, long runs.
texts = st.one_of(
    st.sampled_from(["<b>R&D</b>", "Win back \u201clapsed\u201d accounts", "\u0645\u0631\u062d\u0628\u0627",
                     "\u4e2d\u6587 \U0001f680", "  padded  ", "x" * 299, "Line one\nline two"]),
    st.text(st.characters(codec="utf-8"), min_size=1, max_size=40))
picks = st.integers(0, 10**6)
sides = st.sampled_from(["sales", "marketing"])


COMMITS: list[int] = []  # change sets committed in each run


class UndoEverything(RuleBasedStateMachine):
    source: ClassVar[Path]
    folder: ClassVar[Path]
    runs = 0

    def __init__(self) -> None:
        super().__init__()
        UndoEverything.runs += 1
        self.path = self.folder / f"run{UndoEverything.runs}.tandem"
        shutil.copyfile(self.source, self.path)
        self.store = PlanStore.open(self.path)
        as_head(self.store, "sales")
        self.start = file_rows(self.path)
        self.done: list[ChangeSet] = []

    # -- helpers --------------------------------------------------------------

    def commit(self, change: ChangeSet | None) -> None:
        """As the window does: a refusal writes nothing; a commit is remembered."""
        if not change:
            return
        written = self.store._conn.total_changes
        try:
            committed = self.store.commit(change)
        except PlanError:
            assert self.store._conn.total_changes == written, "a refusal wrote to the plan"
            return
        self.done.append(committed)

    def attempt(self, build: Any) -> None:
        try:
            change = build()
        except PlanError:
            return
        self.commit(change[0] if isinstance(change, tuple) else change)

    def pick(self, kind: type[R], n: int) -> R | None:
        found = self.store.rows(kind)
        return found[n % len(found)] if found else None

    # -- goals --------------------------------------------------------------------

    @rule(n=picks, side=sides)
    def sign_off(self, n: int, side: Any) -> None:
        goal = self.pick(Goal, n)
        if head_actor(self.store, side) is None:
            return  # the head was removed: nobody signs for that side
        person = signer(self.store, side)
        if goal is not None:
            self.commit(goals.sign_off([goal], side, person))

    @rule(n=picks, side=sides)
    def withdraw(self, n: int, side: Any) -> None:
        goal = self.pick(Goal, n)
        if goal is not None:
            self.commit(goals.withdraw([goal], side))

    @rule(n=picks, text=texts, field=st.sampled_from(["title", "description", "success_measure"]))
    def reword(self, n: int, text: str, field: str) -> None:
        goal = self.pick(Goal, n)
        if goal is not None:
            self.attempt(lambda: goals.reword(goal, **{field: text}))

    @rule(n=picks)
    def unlock_wording(self, n: int) -> None:
        goal = self.pick(Goal, n)
        if goal is not None:
            self.commit(goals.unlock_wording(goal))

    @rule(n=picks, status=st.sampled_from(list(GoalStatus)), count=st.integers(1, 5))
    def set_status(self, n: int, status: GoalStatus, count: int) -> None:
        chosen = [g for g in (self.pick(Goal, n + k) for k in range(count)) if g]
        self.commit(goals.set_status(list({g.id: g for g in chosen}.values()), status))

    @rule(n=picks, m=picks, count=st.integers(1, 4), to_end=st.booleans())
    def move_goals(self, n: int, m: int, count: int, to_end: bool) -> None:
        order = [g.id for g in self.store.rows(Goal)]
        if order:
            moving = list(dict.fromkeys(order[(n + k) % len(order)] for k in range(count)))
            self.commit(goals.move(self.store, moving, None if to_end else order[m % len(order)]))

    @rule(side=st.sampled_from([Team.SALES, Team.MARKETING]), text=texts)
    def propose(self, side: Team, text: str) -> None:
        self.attempt(lambda: goals.propose(self.store, side, text))

    @rule(n=picks, m=picks, count=st.integers(0, 3))
    def link_metrics(self, n: int, m: int, count: int) -> None:
        goal, found = self.pick(Goal, n), self.store.rows(Metric)
        if goal is not None and found:
            wanted = {found[(m + k) % len(found)].id for k in range(count)}
            self.commit(goals.link_metrics(self.store, goal, wanted))

    # -- people ----------------------------------------------------------------

    @rule(text=texts, team=st.sampled_from(list(Team)))
    def add_person(self, text: str, team: Team) -> None:
        self.attempt(lambda: people.add_person(text, team))

    @rule(n=picks, text=texts, team=st.sampled_from(list(Team)), left=st.booleans())
    def edit_person(self, n: int, text: str, team: Team, left: bool) -> None:
        person = self.pick(Person, n)
        if person is not None:
            self.attempt(lambda: rows.edit(person, role=text, team=team, left_plan=left))

    # -- rides -------------------------------------------------------------------

    @rule(n=picks, days=st.integers(-30, 30))
    def move_ride(self, n: int, days: int) -> None:
        ride = self.pick(FieldRide, n)
        if ride is not None:
            self.attempt(lambda: rides.move_ride(self.store, ride, days))

    @rule(n=picks)
    def turn_ride(self, n: int) -> None:
        ride = self.pick(FieldRide, n)
        if ride is not None:
            self.commit(rides.turn(self.store, ride))

    @rule(n=picks, status=st.sampled_from(list(RideStatus)),
          direction=st.sampled_from(list(RideDirection)))
    def edit_ride(self, n: int, status: RideStatus, direction: RideDirection) -> None:
        ride = self.pick(FieldRide, n)
        if ride is not None:
            self.attempt(lambda: rows.edit(ride, status=status, direction=direction))

    @rule(today=st.dates(date(2026, 6, 1), date(2028, 12, 1)))
    def add_ride(self, today: date) -> None:
        self.attempt(lambda: rides.add_ride(self.store, today))

    @rule(n=picks, part=st.sampled_from(sorted(rides.DEBRIEF_PARTS)), text=texts)
    def write_debrief(self, n: int, part: str, text: str) -> None:
        ride = self.pick(FieldRide, n)
        if ride is not None:
            self.attempt(lambda: rides.write_debrief(ride, part, text))

    @rule(n=picks, text=texts)
    def hear(self, n: int, text: str) -> None:
        ride = self.pick(FieldRide, n)
        if ride is not None:
            self.attempt(lambda: rides.hear(ride, text))

    @rule(n=picks, send=st.booleans())
    def hot_button(self, n: int, send: bool) -> None:
        hot = self.pick(HotButton, n)
        if hot is not None:
            self.attempt(lambda: rides.send_to_messaging(self.store, hot) if send
                         else rides.forget(hot))

    @rule(day=st.dates(date(2027, 1, 1), date(2028, 12, 31)), text=texts, n=picks,
          add=st.booleans())
    def non_working_day(self, day: date, text: str, n: int, add: bool) -> None:
        known = self.pick(NonWorkingDay, n)
        if add or known is None:
            self.attempt(lambda: rides.add_non_working_day(day, text))
        else:
            self.commit(rides.remove_non_working_day(known))

    # -- metrics and funnel --------------------------------------------------------

    @rule(n=picks, count=st.integers(1, 30), actual=st.floats(-1e9, 1e9, allow_nan=False),
          note=texts)
    def record_actuals(self, n: int, count: int, actual: float, note: str) -> None:
        found = self.store.rows(Metric)
        if found:
            values = [(found[(n + k) % len(found)].id, f"2027-{(n + k) % 12 + 1:02d}",
                       actual + k, note) for k in range(count)]
            self.attempt(lambda: metrics.record_actuals(self.store, values))

    @rule(n=picks, count=st.integers(1, 9))
    def apply_targets(self, n: int, count: int) -> None:
        stages = self.store.rows(FunnelStage)
        needed = {s.id: (n + k) % 500 + 1 for k, s in enumerate(stages[:count])}
        self.commit(metrics.apply_targets(self.store, needed))

    @rule(n=picks, m=picks)
    def link_goals(self, n: int, m: int) -> None:
        metric, goal = self.pick(Metric, n), self.pick(Goal, m)
        if metric is not None and goal is not None:
            self.commit(goals.link_goals(self.store, metric, {goal.id}))

    @rule(n=picks, step=st.sampled_from([-1, 1]), text=texts, add=st.booleans())
    def funnel_stage(self, n: int, step: int, text: str, add: bool) -> None:
        stage = self.pick(FunnelStage, n)
        if add or stage is None:
            self.attempt(lambda: funnel.add_stage(self.store, text))
        else:
            self.commit(funnel.move_stage(self.store, stage, step))

    # -- the plan, the workshop, removals ----------------------------------------

    @rule(text=texts, days=st.integers(0, 10), ratio=st.floats(0.5, 120))
    def change_plan(self, text: str, days: int, ratio: float) -> None:
        plan = self.store.plan()
        self.attempt(lambda: change_plan(self.store, title=text, max_direction_ratio=ratio,
                                         period_end=plan.period_end + timedelta(days=days)))

    @rule(text=texts, park=st.booleans())
    def workshop_note(self, text: str, park: bool) -> None:
        self.attempt(lambda: workshop.park(text) if park
                     else workshop.note_review(date(2027, 3, 1), text))

    @rule(n=picks, kind=st.sampled_from([Goal, Person, FieldRide, Metric, FunnelStage,
                                         HotButton, NonWorkingDay]), count=st.integers(1, 3))
    def remove(self, n: int, kind: Any, count: int) -> None:
        chosen = {r.id: r for r in (self.pick(kind, n + k) for k in range(count)) if r}
        self.commit(rows.remove(list(chosen.values())))

    # -- at the end: undo everything, then redo everything -----------------------

    def teardown(self) -> None:
        COMMITS.append(len(self.done))
        try:
            after = file_rows(self.path)
            forward = []
            for change in reversed(self.done):
                forward.append(self.store.commit(change.inverse()).inverse())
            assert file_rows(self.path) == self.start, "undo did not give back the plan"
            for change in reversed(forward):
                self.store.commit(change)
            assert file_rows(self.path) == after, "redo did not give back the plan after"
        finally:
            self.store.close()
            self.path.unlink(missing_ok=True)


def test_undoing_any_sequence_of_operations_gives_back_the_large_plan(
        _large_plan: Path, tmp_path: Path) -> None:
    UndoEverything.source, UndoEverything.folder = _large_plan, tmp_path
    run_state_machine_as_test(UndoEverything, settings=settings(
        max_examples=60, stateful_step_count=40, deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much]))
    # The runs really changed the plan: most steps were committed, not refused.
    assert sum(COMMITS) > 10 * len(COMMITS), COMMITS
