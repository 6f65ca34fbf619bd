"""The collaboration network as a document section: the graph, the brokers,
the isolates with a suggested ride each, and the cross-team share by quarter."""

from datetime import date

from planner.i18n import _, days, percent
from planner.model.enums import label
from planner.model.reader import PlanReader
from planner.outline.blocks import Block, Facts, Heading, NetworkFigure, Paragraph, Section, Table
from planner.rules.network import Network, layout, network, suggestions
from planner.sections import section

TOP_BROKERS = 10


def figure(net: Network) -> NetworkFigure:
    places = layout(net)
    order = sorted(net.people, key=lambda p: (net.people[p].team.value, net.people[p].name))
    index = {p: n for n, p in enumerate(order)}
    brokers = {p for p, _ in net.brokers[:TOP_BROKERS]}
    return NetworkFigure(
        tuple((net.people[p].name, net.people[p].team.value, *places.get(p, (0.5, 0.5)),
               p in brokers) for p in order),
        tuple((index[a], index[b], w) for (a, b), w in net.weights.items()))


def network_section(reader: PlanReader, today: date | None = None) -> Section:
    net = network(reader)
    names = {p: person.name for p, person in net.people.items()}
    crossing = sum(w for (a, b), w in net.weights.items()
                   if net.people[a].team is not net.people[b].team)
    total = sum(net.weights.values())
    blocks: list[Block] = [
        Paragraph(_("Who works with whom across the two teams: days ridden together, goals "
                    "co-owned, messages approved together, actions of the same review. Brokers "
                    "are the people the teams reach each other through (cross-team "
                    "betweenness); isolates have no tie to the other team yet.")),
        Facts(((_("People"), str(len(net.people))), (_("Pairs who work together"),
                                                   str(len(net.weights))),
               (_("Across the teams"), _("{share} of the ties' weight").format(
                   share=percent(crossing / total))
                if total else _("no ties yet")),
               (_("No tie to the other team"), str(len(net.isolates))))),
        figure(net)]
    blocks += [Heading(_("Brokers")), Table(
        (_("Person"), _("Team"), _("Share of cross-team paths through them")),
        tuple((names[p], label(net.people[p].team), percent(score, 1))
              for p, score in net.brokers[:TOP_BROKERS]), (4, 2, 4),
        empty_text=_("Nobody stands between the teams: every cross-team tie is direct."))]
    ideas = {s.isolate_id: s for s in suggestions(reader, net, today or date.today())}
    blocks += [Heading(_("No tie to the other team")), Table(
        (_("Person"), _("Team"), _("Suggested ride")),
        tuple((names[p], label(net.people[p].team),
               _("with {partner}, {days} ({reason})").format(
                   partner=names[ideas[p].partner_id],
                   days=days(ideas[p].first_day, ideas[p].last_day), reason=ideas[p].reason)
               if p in ideas
               else _("no free days found in the plan's period")) for p in net.isolates),
        (3, 2, 6), empty_text=_("Everyone has at least one tie to the other team."))]
    blocks += [Heading(_("Across the teams, quarter by quarter")), Table(
        (_("Quarter"), _("Share of ties' weight across the teams"), _("Ties")),
        tuple((q, percent(share), str(n)) for q, share, n in net.cross_share), (2, 4, 2),
        empty_text=_("No ties yet."))]
    return Section("network", _(section("network").title), tuple(blocks))
