"""The plan's rows held in memory, kept in each kind's own order.

The store loads a kind the first time anyone reads it and then keeps it
true with every change it commits (it is the only writer, and holds the
lock), so reading never goes back to the file and a view that refreshes
after an edit costs nothing but the rows the edit touched.
"""

from bisect import bisect_left
from collections.abc import Callable
from typing import Any

from planner.model import Record


class KindRows:
    """Rows of one kind: by id, and in order (a sorted list of keys beside them)."""

    def __init__(self, rows: list[Record], key: Callable[[Any], tuple[Any, ...]]) -> None:
        self._key = key
        pairs = sorted(((key(r), r) for r in rows), key=lambda p: p[0])
        self._keys = [k for k, _ in pairs]
        self._ordered = [r for _, r in pairs]
        self.by_id: dict[str, Record] = {r.id: r for r in self._ordered}
        self._frozen: tuple[Record, ...] | None = None

    def __len__(self) -> int:
        return len(self.by_id)

    def ordered(self) -> tuple[Record, ...]:
        if self._frozen is None:
            self._frozen = tuple(self._ordered)
        return self._frozen

    def remove(self, row: Record) -> None:
        at = bisect_left(self._keys, self._key(row))
        del self._keys[at], self._ordered[at]
        del self.by_id[row.id]
        self._frozen = None

    def replace_all(self, rows: list[Record]) -> None:
        """Many rows changed at once: the order is made again in one sort."""
        self.__init__(rows, self._key)  # type: ignore[misc]

    def put(self, row: Record) -> None:
        key = self._key(row)
        at = bisect_left(self._keys, key)
        self._keys.insert(at, key)
        self._ordered.insert(at, row)
        self.by_id[row.id] = row
        self._frozen = None

