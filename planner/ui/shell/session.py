"""An open plan in the window: the store, the undo stack, and change signals.

Widgets hand the session change sets built by named operations; the store
commits them, and every view refreshes from the change set it committed.
Undo commits the exact inverse; redo commits the exact change again.
"""

from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from planner.changes import ChangeSet
from planner.errors import MediumLost, OutsideChange, PlanError
from planner.store.plan_store import PlanStore, outside_sentence


class ChangeCommand(QUndoCommand):
    """One committed change set on the undo stack."""

    MERGE_ID = 1

    def __init__(self, session: "PlanSession", committed: ChangeSet,
                 merge_key: str | None = None) -> None:
        super().__init__(committed.label)
        self._session = session
        self.change = committed  # forward: from the state before to the state after
        self._first = True  # committed before it was pushed
        self.merge_key = merge_key

    def id(self) -> int:
        return self.MERGE_ID if self.merge_key else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        """A burst of typing in one field is one undo step."""
        if not isinstance(other, ChangeCommand) or other.merge_key != self.merge_key:
            return False
        self.change = self.change.then(other.change, self.change.label)
        return True

    def redo(self) -> None:
        if self._first:
            self._first = False
            return
        done = self._session.commit_or_report(self.change)
        if done is not None:
            self.change = done

    def undo(self) -> None:
        undone = self._session.commit_or_report(self.change.inverse())
        if undone is not None:
            self.change = undone.inverse()


_WORKER = ThreadPoolExecutor(max_workers=1, thread_name_prefix="tandem-figures")


class PlanSession(QObject):
    plan_changed = Signal(object)     # the ChangeSet the store committed
    problem_reported = Signal(str)    # a refusal, in one sentence
    heads_up = Signal(object, str, str)  # (model, row id, sentence): a rule now broken
    medium_lost = Signal(str)         # the plan's disk went away: nothing more is written
    became_read_only = Signal(str)    # the store found it cannot write (said why)
    changed_outside = Signal(str)     # another program changed the file; rows read again
    identity_changed = Signal()       # someone said who they are (File › Who You Are)
    became_writable = Signal(str)     # a server that was away is back (said so)
    figures_ready = Signal()          # the CRM data's figures were worked out on a thread

    IDLE_MS = 2000  # after this long without a change, the log goes into the file
    OUTSIDE_MS = 1500  # how often the file is asked whether another program wrote it

    def __init__(self, store: PlanStore, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.undo_stack = QUndoStack(self)
        # When the plan goes idle, the write-ahead log is folded into the file,
        # so a copy of the .tandem file alone holds every accepted change.
        self._idle = QTimer(self, singleShot=True, interval=self.IDLE_MS)
        self._idle.timeout.connect(self._fold_log)
        # Another program writing the file (the sqlite3 shell, a sync tool) is
        # noticed within this interval, and always before the next edit.
        self._watch = QTimer(self, interval=self.OUTSIDE_MS)
        self._watch.timeout.connect(self.look_outside)
        if not store.read_only:
            self._watch.start()
        self._lost_said = False
        self._watch_said = False  # the window was told the plan became read-only
        store.subscribe(self._committed)
        # A plan with many CRM rows has its figures worked out on a thread.
        self._measuring: Any = None
        self._measured = QTimer(self, interval=100)
        self._measured.timeout.connect(self._figures_done)
        QTimer.singleShot(0, self, self.measure_later)
        # A plan on a server: others' changes come in as they are made.
        self.link = None
        if hasattr(store, "address"):
            from planner.ui.shell.live import ServerLink

            self.link = ServerLink(store, self)  # type: ignore[arg-type]
            self.link.gone.connect(self._server_gone)
            self.link.back.connect(self._server_back)

    def _server_gone(self, sentence: str) -> None:
        self._watch_said = True
        self.became_read_only.emit(sentence)

    def _server_back(self, sentence: str) -> None:
        self._watch_said = False
        self.became_writable.emit(sentence)

    def _fold_log(self) -> None:
        self.store.checkpoint()
        self._said_if_lost()

    def _said_if_lost(self) -> bool:
        """Once, when the plan's disk has gone: the window offers a rescue."""
        if self.store.lost is None:
            return False
        self._watch.stop()
        if not self._lost_said:
            self._lost_said = True
            self.medium_lost.emit(self.store.lost)
        return True

    def say_state(self) -> None:
        """Once, what the store found on its own (its disk gone, or the plan
        read-only): the window's rescue or banner."""
        if not self._said_if_lost():
            self.say_if_read_only()

    def look_outside(self) -> bool:
        """Ask the file whether another program changed it; if so the rows are
        read again (views refresh from the change), undo steps that no longer
        apply are dropped and the window is told. True when it had."""
        if self.store.read_only:
            self._watch.stop()
            return False
        try:
            change = self.store.check_outside()
        except PlanError as exc:
            if not self._said_if_lost():
                self._watch.stop()
                self.problem_reported.emit(str(exc))
                self.say_if_read_only()
            return True
        if change is None:
            return False
        self._drop_undo_touching(change)
        self.changed_outside.emit(outside_sentence(self.store.path.name, change))
        return True

    def _drop_undo_touching(self, outside: ChangeSet) -> None:
        """Undo steps are kept only where they still apply: those after the
        newest step that touched a row the other program changed. Redo steps
        go, as after any new change."""
        touched = {(row.kind, row.id) for row in outside}
        stack = self.undo_stack
        done = [stack.command(i) for i in range(stack.index())]
        keep_from = 0
        for i, command in enumerate(done):
            if isinstance(command, ChangeCommand) and any(
                    (row.kind, row.id) in touched for row in command.change):
                keep_from = i + 1
        kept = [(c.change, c.merge_key) for c in done[keep_from:]
                if isinstance(c, ChangeCommand)]
        if len(kept) == stack.count():
            return
        stack.clear()
        for change, key in kept:
            stack.push(ChangeCommand(self, change, key))

    def _committed(self, change: ChangeSet) -> None:
        self._idle.start()
        from planner.model import CrmImport, FunnelStage, Metric, NonWorkingDay, Plan

        if change.touches(CrmImport, FunnelStage, Metric, NonWorkingDay, Plan):
            self.measure_later()  # before the pages ask, so they find it under way
        self.plan_changed.emit(change)

    # A plan holds this many CRM rows before its figures are worked out on a
    # thread (below it they take milliseconds, and the pages work them out).
    MANY_ROWS = 100_000

    def many_crm_rows(self) -> bool:
        from planner.model import CrmImport

        try:
            return sum(i.rows for i in self.store.rows(CrmImport)) >= self.MANY_ROWS
        except PlanError:
            return False

    def measure_later(self) -> None:
        """The CRM figures the pages show, worked out on a thread from a
        snapshot of the plan; `figures_ready` says when (a page asking first
        says it is measuring, and shows them then)."""
        if not self.many_crm_rows() or getattr(self.store, "attached", None) is None \
                or not self.figures_waiting():  # (an edit that changes no figure)
            return
        from planner.imports.crm_figures import Snapshot
        from planner.imports.crm_metrics import warm

        try:
            snapshot = Snapshot(self.store)
        except PlanError:
            return
        self._measuring = _WORKER.submit(warm, snapshot)
        self._measured.start()

    def _figures_done(self) -> None:
        if self._measuring is None or not self._measuring.done():
            return
        self._measured.stop()
        self._measuring = None
        self.figures_ready.emit()

    def figures_waiting(self) -> bool:
        """Whether the pages should wait for `figures_ready` (many rows, not
        yet worked out) rather than work the figures out on the window's thread."""
        if not self.many_crm_rows():
            return False
        from planner.imports.crm_memo import settled, summary_key, tables_key

        try:
            return not (settled(summary_key(self.store)) and settled(tables_key(self.store)))
        except PlanError:
            return False

    @property
    def read_only(self) -> bool:
        return self.store.read_only

    def do(self, change: ChangeSet, merge_key: str | None = None) -> bool:
        """Commit a change set (saved to the file) and put it on the undo stack;
        consecutive changes with the same merge_key become one undo step.
        False when there was nothing to change or it was refused."""
        if not change.recorded:
            return False
        committed = self.commit_or_report(change)
        if committed is None or not committed.recorded:
            return False
        self.undo_stack.push(ChangeCommand(self, committed, merge_key))
        return True

    def attempt(self, build: Callable[[], ChangeSet], merge_key: str | None = None) -> bool:
        """Build a change with a named operation and commit it; an operation
        that refuses (one sentence) is reported like a refused commit."""
        try:
            change = build()
        except PlanError as exc:
            self.problem_reported.emit(str(exc))
            return False
        return self.do(change, merge_key)

    def commit_or_report(self, change: ChangeSet) -> ChangeSet | None:
        try:
            return self.store.commit(change)
        except OutsideChange as exc:
            self._drop_undo_touching(exc.change)
            self.problem_reported.emit(str(exc))
            return None
        except MediumLost as exc:
            # The first time the banner and the rescue say it; an edit tried
            # after that is refused in the problem bar, not silently.
            if self._lost_said or not self._said_if_lost():
                self.problem_reported.emit(str(exc))
            return None
        except PlanError as exc:
            self.problem_reported.emit(str(exc))
            self.say_if_read_only()
            return None

    def say_if_read_only(self) -> None:
        """Once, when the store found it cannot write (a disk that cannot edit
        in place, SQL another program put in the file): the window's banner."""
        if self.store.read_only and self.store.read_only_reason and not self._watch_said:
            self._watch_said = True
            self._watch.stop()
            self.became_read_only.emit(self.store.read_only_reason)

    def report(self, text: str) -> None:
        self.problem_reported.emit(text)

    def close(self) -> None:
        if self.link is not None:
            self.link.stop()
        self._idle.stop()
        self._watch.stop()
        self.store.unsubscribe(self._committed)
        self.undo_stack.clear()
        self.store.close()
