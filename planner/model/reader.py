"""What reading a plan needs, whoever holds it: the store, a change being
committed, a version, or a test's rows in memory."""

from collections.abc import Sequence
from typing import Protocol

from planner.model.records import Plan, R


class PlanReader(Protocol):
    def plan(self) -> Plan:
        """The plan's own row."""
        ...

    def rows(self, kind: type[R]) -> Sequence[R]:
        """Every row of a kind, in the plan's own order for that kind."""
        ...

    def get(self, kind: type[R], row_id: str) -> R | None:
        ...
