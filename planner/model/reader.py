"""What reading a plan needs, whoever holds it: the store, a change being
committed, a version, or a test's rows in memory."""

from collections.abc import Mapping, Sequence
from typing import Any, Protocol, runtime_checkable

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


@runtime_checkable
class Indexed(Protocol):
    """A reader that can give some rows of a kind without reading all of them
    (the store: a goal's check-ins are read when first needed)."""

    def recent(self, kind: type[R], by: str, n: int) -> Mapping[str, Sequence[R]]:
        """Each group's last `n` rows (grouped by the field `by`), in the kind's order."""
        ...

    def where(self, kind: type[R], field: str, values: Sequence[Any]) -> Sequence[R]:
        """The rows whose `field` is one of `values`, in the kind's order."""
        ...
