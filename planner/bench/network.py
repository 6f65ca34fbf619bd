"""The collaboration network at scale: `python -m planner.bench.network`.

4,000 people (half sales, half marketing, in 10 territories) and 60,000
rides between them, made in memory, then the measures (ties, betweenness,
isolates, share by quarter), the layout and the suggestions timed, each the
median of three runs. Then the network survey of all 4,400 people: every
answer file (three people named for each of three questions) written as the
form writes it, collected (each checked and its seal verified), and the
measures with the survey's ties (issue 30's figure: within 1 s more than the
measures alone). Prints the figures; asserts nothing."""

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

        self.more: dict[type[Any], list[Any]] = {}
        self._index: dict[type[Any], dict[str, Any]] = {}

    def plan(self) -> Plan:
        return self._plan

    def rows(self, kind: type[Any]) -> list[Any]:
        return {Person: self.people, FieldRide: self.rides}.get(kind) or self.more.get(kind, [])

    def get(self, kind: type[Any], row_id: str) -> Any:
        if kind not in self._index:
            self._index[kind] = {r.id: r for r in self.rows(kind)}
        return self._index[kind].get(row_id)

    def apply(self, rows: list[Any]) -> None:
        """A change's rows, as a commit would leave them (added or replaced)."""
        for change in rows:
            row = change.after
            kept = self.more.setdefault(type(row), [])
            kept[:] = [r for r in kept if r.id != row.id] + [row]
        self._index.clear()


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
    alone = seconds
    print(f"network measures, {len(plan.people):,} people and {RIDES:,} rides: "
          f"median {seconds:.2f} s ({'exact' if net.exact else 'sampled'} betweenness, "
          f"{len(net.weights):,} pairs, {len(net.isolates)} isolates)  [goal < 1 s]")
    seconds, _ = timed(lambda: layout(net))
    print(f"network layout: median {seconds:.2f} s")
    seconds, found = timed(lambda: suggestions(plan, net, date(2027, 1, 1)))  # type: ignore[arg-type]
    print(f"suggested rides for {len(net.isolates)} isolates: median {seconds:.2f} s "
          f"({len(found)} found)")
    survey_figures(plan, alone)


def survey_figures(plan: MemoryPlan, alone: float | None = None) -> None:
    """The survey's collection and the measures with its ties; with `alone`
    (the measures without the survey, timed in this process) what the two
    add to them, the issue's figure."""
    import json
    import tempfile
    from pathlib import Path

    from planner.imports.survey_answers import collect
    from planner.model import SurveyInvite
    from planner.operations.survey import open_survey
    from planner.rules.network import KINDS, SURVEY, network
    from planner.rules.survey import FORMAT, VERSION, seal, sealed_text

    change, survey = open_survey(plan, date(2027, 3, 1))  # type: ignore[arg-type]
    plan.apply(list(change.rows))
    rng = random.Random(11)
    people = {p.id: p for p in plan.people}
    by_team = {team: [p.id for p in plan.people if p.team is team]
               for team in (Team.SALES, Team.MARKETING)}
    with tempfile.TemporaryDirectory(prefix="tandem-survey-") as folder:
        files = []
        for invite in plan.rows(SurveyInvite):
            other = by_team[Team.MARKETING if people[invite.person_id].team is Team.SALES
                            else Team.SALES]
            answers = [[q, named, rng.randint(1, 4)] for q in range(3)
                       for named in rng.sample(other, 3)]
            doc = {"format": FORMAT, "version": VERSION, "plan": plan.plan().id,
                   "survey": survey.id, "invite": invite.id, "answers": answers,
                   "seal": seal(invite.token, sealed_text(plan.plan().id, survey.id, invite.id,
                                                          answers))}
            path = Path(folder) / f"{invite.id}.json"
            path.write_text(json.dumps(doc), "utf-8")
            files.append(path)
        start = time.perf_counter()
        done = collect(plan, files)  # type: ignore[arg-type]
        collected = time.perf_counter() - start
    plan.apply(list(done.change.rows))
    seconds, net = timed(lambda: network(plan, kinds=(*KINDS, SURVEY)))  # type: ignore[arg-type]
    print(f"survey of {len(files):,} people: {len(done.taken):,} answer files collected in "
          f"{collected:.2f} s ({len(done.refused)} refused); the measures with the survey's "
          f"ties: median {seconds:.2f} s; together {collected + seconds:.2f} s"
          + (f", {collected + seconds - alone:.2f} s more than the measures alone ({alone:.2f} s)"
             if alone is not None else "") + "  [goal: within 1 s more than the measures alone]")


if __name__ == "__main__":
    main()
