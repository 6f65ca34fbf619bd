"""An open plan in the window: the store, the undo stack, and change signals.

Widgets hand the session change sets built by named operations; the store
commits them, and every view refreshes from the change set it committed.
Undo commits the exact inverse; redo commits the exact change again.
"""

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from planner.changes import ChangeSet
from planner.errors import PlanError
from planner.store.plan_store import PlanStore


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


class PlanSession(QObject):
    plan_changed = Signal(object)     # the ChangeSet the store committed
    problem_reported = Signal(str)    # a refusal, in one sentence
    heads_up = Signal(object, str, str)  # (model, row id, sentence): a rule now broken

    IDLE_MS = 2000  # after this long without a change, the log goes into the file

    def __init__(self, store: PlanStore, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.undo_stack = QUndoStack(self)
        # When the plan goes idle, the write-ahead log is folded into the file,
        # so a copy of the .tandem file alone holds every accepted change.
        self._idle = QTimer(self, singleShot=True, interval=self.IDLE_MS)
        self._idle.timeout.connect(store.checkpoint)
        store.subscribe(self._committed)

    def _committed(self, change: ChangeSet) -> None:
        self._idle.start()
        self.plan_changed.emit(change)

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
        except PlanError as exc:
            self.problem_reported.emit(str(exc))
            return None

    def report(self, text: str) -> None:
        self.problem_reported.emit(text)

    def close(self) -> None:
        self._idle.stop()
        self.store.unsubscribe(self._committed)
        self.undo_stack.clear()
        self.store.close()
