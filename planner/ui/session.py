"""An open plan in the window: the store, the undo stack, and change signals."""

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from planner.edits import Edit
from planner.errors import PlanError
from planner.store.plan_store import Change, PlanStore


class EditCommand(QUndoCommand):
    """One edit on the undo stack; undo and redo are committed edits too."""

    MERGE_ID = 1

    def __init__(self, session: "PlanSession", edit: Edit, inverse: Edit,
                 merge_key: str | None = None) -> None:
        super().__init__(edit.label)
        self._session, self._redo, self._undo = session, edit, inverse
        self._first = True  # the edit was applied before it was pushed
        self.merge_key = merge_key

    def id(self) -> int:
        return self.MERGE_ID if self.merge_key else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        """A burst of typing in one field is one undo step: keep the first
        inverse (the text before typing began) and the newest edit."""
        if not isinstance(other, EditCommand) or other.merge_key != self.merge_key:
            return False
        self._redo = other._redo
        return True

    def redo(self) -> None:
        if self._first:
            self._first = False
            return
        self._undo = self._session.apply_or_report(self._redo) or self._undo

    def undo(self) -> None:
        self._redo = self._session.apply_or_report(self._undo) or self._redo


class PlanSession(QObject):
    plan_changed = Signal(object)   # a planner.store.plan_store.Change
    problem_reported = Signal(str)

    def __init__(self, store: PlanStore, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.undo_stack = QUndoStack(self)
        store.subscribe(self._emit)

    @property
    def read_only(self) -> bool:
        return self.store.read_only

    def _emit(self, change: Change) -> None:
        self.plan_changed.emit(change)

    def do(self, edit: Edit, merge_key: str | None = None) -> bool:
        """Apply an edit (committed to the file) and put it on the undo stack.

        Consecutive edits with the same merge_key become one undo step.
        """
        inverse = self.apply_or_report(edit)
        if inverse is None:
            return False
        self.undo_stack.push(EditCommand(self, edit, inverse, merge_key))
        return True

    def apply_or_report(self, edit: Edit) -> Edit | None:
        try:
            return self.store.apply(edit)
        except PlanError as exc:
            self.problem_reported.emit(str(exc))
            return None

    def close(self) -> None:
        self.undo_stack.clear()
        self.store.close()
