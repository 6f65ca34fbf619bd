"""The collaboration network at scale: `python -m planner.bench.network`.

4,000 people (half sales, half marketing, in 10 territories) and 60,000
rides between them, made in memory, then the measures (ties, betweenness,
isolates, share by quarter), the layout and the suggestions timed, each the
median of three runs. Prints the figures; asserts nothing."""

import random
import statistics
import time
from datetime import date, datetime, timedelta, timezone
from typing import Any

from planner.model import FieldRide, Person, Plan
from planner.model.enums import RideDirection, RideStatus, Team

PEOPLE, RIDES = 4_000, 60_000


class MemoryPlan:
    """A plan held in memory, read as a PlanReader reads a file."""

    def __init__(self) -> None:
        rng = random.Random(7)
        now = datetime(2027, 1, 1, tzinfo=timezone.utc)
        self._plan = Plan(id="plan", created_at=now, updated_at=now, title="Scale",
                          period_start=date(2027, 1, 1), period_end=date(2028, 12, 31))
        self.people = [Person(id=f"p{n}", created_at=now, updated_at=now, name=f"Person {n}",
                              team=Team.SALES if n % 2 else Team.MARKETING,
                              territory=f"T{n % 10}") for n in range(PEOPLE)]
        sales = [p for p in self.people if p.team is Team.SALES]
        marketing = [p for p in self.people if p.team is Team.MARKETING]
        self.rides = []
        for n in range(RIDES):
            first = date(2027, 1, 4) + timedelta(days=rng.randrange(700))
            visitor, host = rng.choice(marketing), rng.choice(sales)
            self.rides.append(FieldRide(
                id=f"r{n}", created_at=now, updated_at=now,
                direction=RideDirection.MARKETING_WITH_SALES, first_day=first,
                last_day=first + timedelta(days=1), visitor_id=visitor.id, host_id=host.id,
                status=RideStatus.DONE))
        # A tenth of each team joined late and has no tie yet.
        self.people += [Person(id=f"new{n}", created_at=now, updated_at=now,
                               name=f"Newcomer {n}", team=Team.SALES if n % 2 else Team.MARKETING,
                               territory=f"T{n % 10}") for n in range(PEOPLE // 10)]

    def plan(self) -> Plan:
        return self._plan

    def rows(self, kind: type[Any]) -> list[Any]:
        return {Person: self.people, FieldRide: self.rides}.get(kind, [])

    def get(self, kind: type[Any], row_id: str) -> Any:
        return next((r for r in self.rows(kind) if r.id == row_id), None)


def timed(work: Any) -> tuple[float, Any]:
    times, result = [], None
    for _ in range(3):
        start = time.perf_counter()
        result = work()
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


def main() -> None:
    from planner.rules.network import layout, network, suggestions

    plan = MemoryPlan()
    seconds, net = timed(lambda: network(plan))  # type: ignore[arg-type]
    print(f"network measures, {len(plan.people):,} people and {RIDES:,} rides: "
          f"median {seconds:.2f} s ({'exact' if net.exact else 'sampled'} betweenness, "
          f"{len(net.weights):,} pairs, {len(net.isolates)} isolates)  [goal < 1 s]")
    seconds, _ = timed(lambda: layout(net))
    print(f"network layout: median {seconds:.2f} s")
    seconds, found = timed(lambda: suggestions(plan, net, date(2027, 1, 1)))  # type: ignore[arg-type]
    print(f"suggested rides for {len(net.isolates)} isolates: median {seconds:.2f} s "
          f"({len(found)} found)")


if __name__ == "__main__":
    main()
