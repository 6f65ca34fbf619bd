"""The collaboration network: who works with whom across sales and marketing.

Ties come from what the plan already records: days ridden together (visitor
and host), goals co-owned (a sales owner and a marketing owner), messages
approved together (the two sides' approvers), and actions of the same review
(their owners). A tie's weight is how much the two share.

**Brokers** are measured by cross-team betweenness (networkx's
`betweenness_centrality_subset`, sources the sales people, targets the
marketing people): the share of shortest sales-to-marketing paths that pass
through a person. It says who the two cultures actually reach each other
through, which is what the plan wants more of. Gould and Fernandez's liaison
role needs three or more groups; with two teams, their "representative" and
"gatekeeper" roles are the bridging ones, and cross-team betweenness counts
them, weighted by how much flows through. Above 600 people the sources are
a fixed sample of 32 (Brandes and Pich's estimate, scaled up), so the
measures stay under a second at 4,000 people.

**Isolates** are the people of either team with no tie to the other team at
all. The **cross-team share** per quarter is the part of that quarter's ties
(by weight) that join the two teams.
"""

import random
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import NamedTuple

from planner.i18n import _
from planner.model import FieldRide, Goal, Message, Person, Plan, ReviewAction
from planner.model.enums import RideDirection, RideStatus, Team
from planner.model.reader import PlanReader
from planner.rules.findings import Finding
from planner.rules.rides import WorkCalendar

KINDS = ("rides", "goals", "approvals", "actions", "training")  # what the plan records
SURVEY = "survey"  # what people say in the survey: measured apart from KINDS
EXACT_UP_TO = 600  # people; above, betweenness from a sample of sources
SAMPLE = 32
FORCE_UP_TO = 500  # people laid out by forces; above, the two teams as two columns
# Betweenness is always plain Python (Brandes' linear passes: networkx's own
# is Python too, and at 4,000 people and 32 sampled sources ours took 1.05 s
# to its 1.89 s with its import). Forces cost n squared a step: below this,
# plain Python (no networkx, no numpy); above, networkx's with numpy.
PURE_LAYOUT_UP_TO = 60


class Tie(NamedTuple):  # a tuple: made a hundred thousand times on a large plan
    a: str
    b: str
    kind: str       # one of KINDS
    weight: float   # ride days or training days, or 1 per goal, message or review
    quarter: str    # "2027-Q1": when (a ride's first day, a goal's due date, ...)


def quarter_of(day: date) -> str:
    return f"{day.year}-Q{(day.month - 1) // 3 + 1}"


def ties(reader: PlanReader, survey: bool = False) -> list[Tie]:
    """Every tie the plan records, with its kind, weight and quarter; with
    `survey`, also what the latest survey's answers say ("says they go to",
    weighted by how often)."""
    plan = reader.plan()
    calendar = WorkCalendar.of(plan, ())
    fallback = quarter_of(plan.period_start)
    out: list[Tie] = []
    for ride in reader.rows(FieldRide):
        if ride.status is RideStatus.CANCELLED or not ride.visitor_id or not ride.host_id:
            continue
        out.append(Tie(ride.visitor_id, ride.host_id, "rides",
                       float(max(1, calendar.days(ride.first_day, ride.last_day))),
                       quarter_of(ride.first_day)))
    for goal in reader.rows(Goal):
        if goal.sales_owner_id and goal.marketing_owner_id:
            out.append(Tie(goal.sales_owner_id, goal.marketing_owner_id, "goals", 1.0,
                           quarter_of(goal.due_date) if goal.due_date else fallback))
    for message in reader.rows(Message):
        a, b = message.sales_signed_by_id, message.marketing_signed_by_id
        if a and b and a != b:
            when = message.marketing_signed_at or message.sales_signed_at
            out.append(Tie(a, b, "approvals", 1.0,
                           quarter_of(when.date()) if when else fallback))
    by_review: dict[str, list[ReviewAction]] = defaultdict(list)
    for action in reader.rows(ReviewAction):
        if action.owner_id:
            by_review[action.review_id].append(action)
    for actions in by_review.values():
        owners = sorted({a.owner_id for a in actions if a.owner_id})
        due = min((a.due_date for a in actions if a.due_date), default=None)
        for i, a in enumerate(owners):
            for b in owners[i + 1:]:
                out.append(Tie(a, b, "actions", 1.0, quarter_of(due) if due else fallback))
    from planner.rules.training import attendee_pairs

    for a, b, length, first in attendee_pairs(reader):  # attended a training together
        out.append(Tie(a, b, "training", length, quarter_of(first)))
    if survey:
        from planner.rules.survey import answers, latest_survey

        asked = latest_survey(reader)
        if asked is not None:
            out += [Tie(s.respondent, s.named, SURVEY, float(s.often), quarter_of(asked.opened_on))
                    for s in answers(reader, asked)]
    return [t for t in out if t.a != t.b]


@dataclass(frozen=True)
class Network:
    people: dict[str, Person]
    weights: dict[tuple[str, str], float]          # (a, b) with a < b -> summed weight
    brokers: list[tuple[str, float]]               # person id, cross-team betweenness
    isolates: list[str]                            # no tie to the other team
    cross_share: list[tuple[str, float, int]]      # quarter, share of weight across, ties
    exact: bool = True                             # betweenness exact or sampled
    degree: dict[str, float] = field(default_factory=dict)  # summed weight of a person


def _teams(people: dict[str, Person]) -> tuple[list[str], list[str]]:
    sales = sorted(p for p, person in people.items() if person.team is Team.SALES)
    marketing = sorted(p for p, person in people.items() if person.team is Team.MARKETING)
    return sales, marketing


def _between(people: Iterable[str], weights: dict[tuple[str, str], float],
             sources: list[str], targets: list[str]) -> dict[str, float]:
    """Betweenness of every person on the shortest paths (by hops) from each
    source to each target, as networkx's `betweenness_centrality_subset`
    (unnormalized, undirected) counts it: Brandes' accumulation, in plain
    Python (a plan's few hundred people need neither networkx nor numpy,
    0.12 s to import)."""
    names = list(dict.fromkeys(people))
    index = {p: n for n, p in enumerate(names)}
    count = len(names)
    near: list[list[int]] = [[] for _ in range(count)]
    for a, b in weights:
        near[index[a]].append(index[b])
        near[index[b]].append(index[a])
    score = [0.0] * count
    NONE: list[int] = []  # never appended to: a person not reached has no paths in
    wanted = [False] * count
    for t in targets:
        wanted[index[t]] = True
    for source in sources:
        s = index[source]
        before: list[list[int]] = [NONE] * count  # each reached one's own list, when reached
        paths = [0.0] * count
        paths[s] = 1.0
        hops = [-1] * count
        hops[s] = 0
        queue = [s]
        grow = queue.append
        for v in queue:  # breadth first: the list grows as it is walked
            step, reach = hops[v] + 1, paths[v]
            for w in near[v]:
                seen = hops[w]
                if seen < 0:  # first reached: one path so far, through v
                    hops[w] = step
                    grow(w)
                    paths[w] = reach
                    before[w] = [v]
                elif seen == step:
                    paths[w] += reach
                    before[w].append(v)
        delta = [0.0] * count
        for w in queue[:0:-1]:  # farthest first, the source itself (queue[0]) left out
            gathered = delta[w]
            share = ((gathered + 1.0) if wanted[w] else gathered) / paths[w]
            for v in before[w]:
                delta[v] += paths[v] * share
            score[w] += gathered
    return {p: score[n] * 0.5 for n, p in enumerate(names)}  # each path once, undirected


def network(reader: PlanReader, kinds: Iterable[str] = KINDS,
            quarter: str | None = None) -> Network:
    """The network of the tie kinds chosen (and of one quarter, or all)."""
    chosen = set(kinds)
    people = {p.id: p for p in reader.rows(Person) if not p.left_plan
              and p.team in (Team.SALES, Team.MARKETING)}
    every = [t for t in ties(reader, survey=SURVEY in chosen) if t.a in people and t.b in people]
    shown = [t for t in every if t.kind in chosen and (quarter is None or t.quarter == quarter)]
    weights: dict[tuple[str, str], float] = defaultdict(float)
    for t in shown:
        weights[(min(t.a, t.b), max(t.a, t.b))] += t.weight
    sales, marketing = _teams(people)
    exact = len(people) <= EXACT_UP_TO
    sources = sales if exact else sorted(random.Random(7).sample(sales, min(SAMPLE, len(sales))))
    between = _between(people, weights, sources, marketing)
    # networkx halves the counts on an undirected graph; a path counts once here.
    scale = 2.0 * ((len(sales) / len(sources)) if sources and not exact else 1.0)
    pairs = max(1, len(sales) * len(marketing))
    brokers = sorted(((p, between[p] * scale / pairs) for p in people if between[p] > 0),
                     key=lambda item: (-item[1], people[item[0]].name))
    across = {p: False for p in people}
    for a, b in weights:
        if people[a].team is not people[b].team:
            across[a] = across[b] = True
    isolates = sorted((p for p, crossed in across.items() if not crossed),
                      key=lambda p: (people[p].name.casefold(), p))
    by_quarter: dict[str, list[float]] = defaultdict(lambda: [0.0, 0.0, 0.0])
    for t in (t for t in every if t.kind in chosen):
        row = by_quarter[t.quarter]
        row[1] += t.weight
        row[2] += 1
        if people[t.a].team is not people[t.b].team:
            row[0] += t.weight
    share = [(q, (v[0] / v[1]) if v[1] else 0.0, int(v[2])) for q, v in sorted(by_quarter.items())]
    degree: dict[str, float] = defaultdict(float)
    for (a, b), w in weights.items():
        degree[a] += w
        degree[b] += w
    return Network(people, dict(weights), brokers, isolates, share, exact, dict(degree))


def layout(net: Network, seed: int = 7) -> dict[str, tuple[float, float]]:
    """Positions in [0, 1] x [0, 1]: sales on the left, marketing on the
    right, each person drawn towards whom they work with (a force-directed
    layout seeded with the teams apart, so the bridge between them shows)."""
    tied = {p for pair in net.weights for p in pair}
    nodes = [p for p in net.people if p in tied]
    rng = random.Random(seed)
    start = {p: ((0.2 if person.team is Team.SALES else 0.8) + rng.uniform(-0.1, 0.1),
                 rng.uniform(0.05, 0.95)) for p, person in net.people.items()}
    if not net.people:
        return {}
    placed: dict[str, tuple[float, float]] = {}
    if 0 < len(nodes) <= PURE_LAYOUT_UP_TO:
        placed = _forces(nodes, net.weights, start)
        return _fitted(net, placed)
    import networkx as nx

    graph = nx.Graph()
    graph.add_nodes_from(nodes)
    graph.add_edges_from((a, b, {"weight": w}) for (a, b), w in net.weights.items())
    if graph.number_of_nodes() > FORCE_UP_TO:  # forces on thousands are slow and unreadable
        sales = [p for p in graph if net.people[p].team is Team.SALES]
        placed = {p: (float(x), float(y)) for p, (x, y) in
                  nx.bipartite_layout(graph, sales).items()}
    elif graph.number_of_nodes():
        placed = {p: (float(x), float(y)) for p, (x, y) in nx.spring_layout(
            graph, pos={p: start[p] for p in graph}, weight="weight", seed=seed,
            iterations=50).items()}
    return _fitted(net, placed)


def _forces(nodes: list[str], weights: dict[tuple[str, str], float],
            start: dict[str, tuple[float, float]], iterations: int = 50
            ) -> dict[str, tuple[float, float]]:
    """Fruchterman and Reingold's forces as networkx's `spring_layout` runs
    them on a small graph (the same start, step and cooling, so the same
    picture), in plain Python: for a few dozen people, cheaper than
    importing numpy."""
    import math

    n = len(nodes)
    index = {p: i for i, p in enumerate(nodes)}
    pull = [[0.0] * n for _ in range(n)]
    for (a, b), w in weights.items():
        if a in index and b in index:
            pull[index[a]][index[b]] = pull[index[b]][index[a]] = w
    xs, ys = [start[p][0] for p in nodes], [start[p][1] for p in nodes]
    k = math.sqrt(1.0 / n)
    heat = max(max(xs) - min(xs), max(ys) - min(ys)) * 0.1
    cool = heat / (iterations + 1)
    for _ in range(iterations):
        moved = 0.0
        steps = []
        for i in range(n):
            xi, yi, row = xs[i], ys[i], pull[i]
            dx_sum = dy_sum = 0.0
            for j in range(n):
                dx, dy = xi - xs[j], yi - ys[j]
                far = max(math.hypot(dx, dy), 0.01)
                force = k * k / (far * far) - row[j] * far / k
                dx_sum += dx * force
                dy_sum += dy * force
            length = math.hypot(dx_sum, dy_sum)
            length = 0.1 if length < 0.01 else length
            steps.append((dx_sum * heat / length, dy_sum * heat / length))
        for i, (sx, sy) in enumerate(steps):
            xs[i] += sx
            ys[i] += sy
            moved += sx * sx + sy * sy
        heat -= cool
        if math.sqrt(moved) / n < 1e-4:
            break
    return {p: (xs[i], ys[i]) for i, p in enumerate(nodes)}


def _fitted(net: Network, placed: dict[str, tuple[float, float]]
            ) -> dict[str, tuple[float, float]]:
    out: dict[str, tuple[float, float]] = {}
    if placed:
        xs, ys = [x for x, _ in placed.values()], [y for _, y in placed.values()]
        (x0, x1), (y0, y1) = (min(xs), max(xs)), (min(ys), max(ys))
        # The tied people above, the ones with no tie in a row along the bottom.
        out = {p: ((x - x0) / ((x1 - x0) or 1), 0.15 + 0.85 * (y - y0) / ((y1 - y0) or 1))
               for p, (x, y) in placed.items()}
    alone = sorted((p for p in net.people if p not in placed),
                   key=lambda p: (net.people[p].team.value, net.people[p].name))
    for n, p in enumerate(alone):
        out[p] = ((n + 0.5) / len(alone), 0.0)
    return out


@dataclass(frozen=True)
class Suggestion:
    isolate_id: str
    partner_id: str
    direction: RideDirection
    first_day: date
    last_day: date
    reason: str


def suggestions(reader: PlanReader, net: Network, today: date,
                days: int = 2) -> list[Suggestion]:
    """For each isolate, a ride with a broker (or the best-connected person)
    of the other team, preferring the same territory, on the first `days`
    working days from next week on, within the plan's period, that neither
    person rides. The isolate visits: marketing rides with sales, sales
    spends days with marketing, as the team rules say."""
    plan: Plan = reader.plan()
    calendar = WorkCalendar.of(plan, ())
    from planner.model import NonWorkingDay

    calendar = WorkCalendar.of(plan, reader.rows(NonWorkingDay))
    busy: dict[str, list[tuple[date, date]]] = defaultdict(list)
    for ride in reader.rows(FieldRide):
        if ride.status is RideStatus.CANCELLED:
            continue
        for pid in (ride.visitor_id, ride.host_id):
            if pid:
                busy[pid].append((ride.first_day, ride.last_day))
    broker_rank = {p: n for n, (p, _) in enumerate(net.brokers)}
    out: list[Suggestion] = []
    start = max(plan.period_start, today + timedelta(days=7 - today.weekday()))
    for isolate in net.isolates:
        person = net.people[isolate]
        other = Team.MARKETING if person.team is Team.SALES else Team.SALES
        candidates = [p for p, q in net.people.items() if q.team is other]
        if not candidates:
            continue
        candidates.sort(key=lambda p: (net.people[p].territory != person.territory
                                       or not person.territory,
                                       broker_rank.get(p, len(broker_rank)),
                                       -net.degree.get(p, 0.0), net.people[p].name))
        partner = candidates[0]
        window = _free_window(start, plan.period_end, days, calendar,
                              busy[isolate] + busy[partner])
        if window is None:
            continue
        direction = (RideDirection.MARKETING_WITH_SALES if person.team is Team.MARKETING
                     else RideDirection.SALES_WITH_MARKETING)
        why = (_("a broker between the teams") if partner in broker_rank
               else _("well connected in the other team"))
        if person.territory and net.people[partner].territory == person.territory:
            why += _(", also in {territory}").format(territory=person.territory)
        out.append(Suggestion(isolate, partner, direction, window[0], window[1], why))
        busy[isolate].append(window)
        busy[partner].append(window)
    return out


def _free_window(start: date, end: date, days: int, calendar: WorkCalendar,
                 taken: Sequence[tuple[date, date]]) -> tuple[date, date] | None:
    """The first run of `days` working days from `start` on, by `end`, that
    overlaps none of `taken`."""
    first = start
    while first <= end:
        if calendar.days(first, first) == 1:
            last, count = first, 1
            while count < days and last < end:
                last += timedelta(days=1)
                count += calendar.days(last, last)
            if count == days and calendar.days(last, last) == 1 and not any(
                    a <= last and first <= b for a, b in taken):
                return first, last
        first += timedelta(days=1)
    return None


def isolates(reader: PlanReader) -> list[str]:
    """The people of either team with no tie to the other: what `network`
    finds, without the graph library (so `tandem check` stays quick)."""
    people = {p.id: p for p in reader.rows(Person) if not p.left_plan
              and p.team in (Team.SALES, Team.MARKETING)}
    crossed: set[str] = set()
    for t in ties(reader):
        if t.a in people and t.b in people and people[t.a].team is not people[t.b].team:
            crossed.update((t.a, t.b))
    return sorted((p for p in people if p not in crossed),
                  key=lambda p: (people[p].name.casefold(), p))


def network_findings(reader: PlanReader) -> list[Finding]:
    """People with no tie to the other team."""
    people = {p.id: p for p in reader.rows(Person)}
    if not any(p.team is Team.SALES for p in people.values()) or not any(
            p.team is Team.MARKETING for p in people.values()):
        return []
    return [Finding("network", p, _("{name} has no tie to the other team yet (no ride, goal, "
                                    "approval, review action or training shared).").format(
                                        name=people[p].name))
            for p in isolates(reader)]
