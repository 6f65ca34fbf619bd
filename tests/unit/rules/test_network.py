"""The collaboration network on small plans whose brokers, isolates and
cross-team share are worked out by hand; suggested rides never clash and
keep the team rules."""

from datetime import date
from pathlib import Path

import pytest

from planner.model import FieldRide, Goal, Person
from planner.model.enums import RideDirection, RideStatus
from planner.rules.network import network, suggestions, ties
from planner.rules.rides import conflicts, team_problem
from planner.store.plan_store import PlanStore, new_plan
from tests.conftest import add_row


@pytest.fixture
def chain(tmp_path):  # type: ignore[no-untyped-def]
    """Sales s1 - marketing m1 - sales s2 - marketing m2 in a line (rides), and
    s3 and m3 with no tie across: m1 and s2 are the bridges."""
    store = PlanStore.create(tmp_path / "n.tandem", new_plan("N", date(2027, 1, 1),
                                                             date(2027, 12, 31)))
    for pid, team, territory in (("s1", "sales", "North"), ("s2", "sales", "North"),
                                 ("s3", "sales", "North"), ("m1", "marketing", "North"),
                                 ("m2", "marketing", "South"), ("m3", "marketing", "West")):
        add_row(store, Person, id=pid, name=pid.upper(), team=team, territory=territory)
    for n, (visitor, host, first) in enumerate((("m1", "s1", date(2027, 2, 1)),
                                                ("m1", "s2", date(2027, 5, 3)),
                                                ("m2", "s2", date(2027, 5, 10)))):
        add_row(store, FieldRide, id=f"r{n}", direction="marketing_with_sales",
                visitor_id=visitor, host_id=host, first_day=first,
                last_day=date(first.year, first.month, first.day + 1), status="done")
    add_row(store, Goal, title="Same-team goal", sales_owner_id="s3", marketing_owner_id=None)
    yield store
    store.close()


def test_brokers_isolates_and_share_as_worked_out_by_hand(chain) -> None:  # type: ignore[no-untyped-def]
    net = network(chain)
    # Paths s1->m2: s1-m1-s2-m2 passes m1 and s2; s1->m1, s2->m1, s2->m2 are direct.
    # m1 carries 1 of 6 sales-marketing pairs (s1-m2), s2 carries 1 (s1-m2): 1/9 each.
    assert [(p, round(v, 4)) for p, v in net.brokers] == [("m1", round(1 / 9, 4)),
                                                          ("s2", round(1 / 9, 4))]
    assert net.isolates == ["m3", "s3"]
    assert net.weights[("m1", "s1")] == 2.0  # two working days ridden together
    # Every tie here crosses the teams: Q1 one ride, Q2 two.
    assert net.cross_share == [("2027-Q1", 1.0, 1), ("2027-Q2", 1.0, 2)]
    q2 = network(chain, quarter="2027-Q2")
    assert "s1" in q2.isolates and "m1" not in q2.isolates
    only_goals = network(chain, kinds=("goals",))
    assert len(only_goals.isolates) == 6 and only_goals.weights == {}


def test_suggested_rides_never_clash_and_keep_the_team_rules(chain) -> None:  # type: ignore[no-untyped-def]
    net = network(chain)
    found = suggestions(chain, net, date(2027, 5, 3))
    assert {s.isolate_id for s in found} == {"m3", "s3"}
    people = {p.id: p for p in chain.rows(Person)}
    rides = list(chain.rows(FieldRide))
    for s in found:
        assert people[s.partner_id].team is not people[s.isolate_id].team
        assert team_problem(s.direction, people[s.isolate_id], people[s.partner_id]) is None
        assert s.first_day >= date(2027, 5, 10) and s.last_day <= date(2027, 12, 31)
        assert s.first_day.weekday() < 5 and s.last_day.weekday() < 5
        rides.append(FieldRide(id=f"x{s.isolate_id}", created_at=rides[0].created_at,
                               updated_at=rides[0].updated_at, direction=s.direction,
                               first_day=s.first_day, last_day=s.last_day,
                               visitor_id=s.isolate_id, host_id=s.partner_id,
                               status=RideStatus.PLANNED))
    assert conflicts(rides) == []
    # s3 is in the North: its partner is the North broker of marketing, m1.
    s3 = next(s for s in found if s.isolate_id == "s3")
    assert s3.partner_id == "m1" and s3.direction is RideDirection.SALES_WITH_MARKETING
    assert "broker" in s3.reason and "North" in s3.reason


def test_ties_come_from_rides_goals_approvals_and_actions(chain) -> None:  # type: ignore[no-untyped-def]
    add_row(chain, Goal, title="Shared", sales_owner_id="s3", marketing_owner_id="m3",
            due_date=date(2027, 8, 1))
    kinds = {(t.kind, t.a, t.b) for t in ties(chain)}
    assert ("goals", "s3", "m3") in kinds and ("rides", "m1", "s1") in kinds
    assert network(chain).isolates == []


def test_check_finds_the_same_isolates_without_the_graph_library(chain) -> None:  # type: ignore[no-untyped-def]
    from planner.rules.network import isolates, network_findings

    assert isolates(chain) == network(chain).isolates == ["m3", "s3"]
    assert [f.message for f in network_findings(chain)] == [
        "M3 has no tie to the other team yet (no ride, goal, approval, review action or training shared).",
        "S3 has no tie to the other team yet (no ride, goal, approval, review action or training shared)."]


def test_plain_python_measures_and_places_as_networkx_does(large_path) -> None:  # type: ignore[no-untyped-def]
    """Below a few hundred people the brokers and the picture come from plain
    Python: the same betweenness as networkx's, the same places from the same
    forces (to a hair), on the large sample's 40 people and their ties."""
    import networkx as nx

    from planner.rules import network as measures
    from planner.store.plan_store import PlanStore

    with PlanStore.open(large_path, read_only=True) as store:
        net = measures.network(store)
    assert len(net.people) == 40 and len(net.weights) > 100 and net.brokers
    sales, marketing = measures._teams(net.people)
    graph = nx.Graph()
    graph.add_nodes_from(net.people)
    graph.add_edges_from(net.weights)
    theirs = nx.betweenness_centrality_subset(graph, sales, marketing, normalized=False)
    ours = measures._between(net.people, net.weights, sales, marketing)
    assert max(abs(theirs[p] - ours[p]) for p in net.people) < 1e-9
    assert sum(ours.values()) > 0
    plain = measures.layout(net)
    import unittest.mock

    with unittest.mock.patch.object(measures, "PURE_LAYOUT_UP_TO", 0):
        forced = measures.layout(net)
    assert plain.keys() == forced.keys()
    assert max(abs(plain[p][0] - forced[p][0]) + abs(plain[p][1] - forced[p][1])
               for p in plain) < 0.01


def test_the_document_draws_the_brokers_circles_when_the_network_is_large() -> None:
    """A network of 300 people: the document's figure draws 50 of them (the
    top brokers and whoever is most tied to those drawn), each with a tie in
    the picture, laid out in plain Python; the window's figure draws all."""
    import random
    import subprocess
    import sys

    from planner.model.enums import Team
    from planner.operations.rows import new
    from planner.outline.network import FIGURE_MOST, figure, most_tied
    from planner.rules.network import Network, _between, _teams

    rng = random.Random(3)
    people = {p.id: p for p in (new(Person, name=f"P{n}", team=Team.SALES if n % 2 else
                                    Team.MARKETING) for n in range(300))}
    ids = sorted(people)
    weights: dict[tuple[str, str], float] = {}
    for _ in range(1200):
        a, b = rng.sample(ids, 2)
        weights[(min(a, b), max(a, b))] = float(rng.randint(1, 5))
    sales, marketing = _teams(people)
    between = _between(people, weights, sales, marketing)
    brokers = sorted(((p, s) for p, s in between.items() if s > 0), key=lambda i: -i[1])
    degree: dict[str, float] = {}
    for (a, b), w in weights.items():
        degree[a] = degree.get(a, 0.0) + w
        degree[b] = degree.get(b, 0.0) + w
    net = Network(people, weights, brokers, [], [], True, degree)
    shown = most_tied(net, FIGURE_MOST)
    assert shown is not None and len(shown) == FIGURE_MOST == 50
    assert all(any(q in shown for pair in weights if p in pair for q in pair if q != p)
               for p in shown)  # nobody hangs loose
    assert len(shown & {p for p, _s in brokers[:10]}) >= 5
    drawn = figure(net, FIGURE_MOST)
    assert len(drawn.people) == 50 and all(0 <= x <= 1 and 0 <= y <= 1
                                           for _n, _t, x, y, _b in drawn.people)
    assert len(figure(net).people) == 300  # the window's page: everyone
    # The document's path in a fresh process: neither networkx nor numpy loaded.
    check = subprocess.run([sys.executable, "-c", (
        "import sys, random\n"
        "from planner.model import Person\nfrom planner.model.enums import Team\n"
        "from planner.operations.rows import new\n"
        "from planner.outline.network import figure\nfrom planner.rules.network import Network\n"
        "ps = {p.id: p for p in (new(Person, name=f'P{n}', team=Team.SALES if n % 2 else "
        "Team.MARKETING) for n in range(300))}\nids = sorted(ps)\nr = random.Random(3)\n"
        "w = {tuple(sorted(r.sample(ids, 2))): 1.0 for _ in range(900)}\n"
        "figure(Network(ps, w, [], [], [], True, {}), 50)\n"
        "print('networkx' in sys.modules, 'numpy' in sys.modules)")],
        capture_output=True, text=True, cwd=Path(__file__).resolve().parents[3])
    assert check.stdout.split() == ["False", "False"], check.stderr
