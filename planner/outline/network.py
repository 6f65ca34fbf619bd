"""The collaboration network as a document section: the graph, the brokers,
the isolates with a suggested ride each, and the cross-team share by quarter."""

from dataclasses import replace
from datetime import date

from planner.i18n import _, day, days, ngettext, percent
from planner.model.enums import label
from planner.model.reader import PlanReader
from planner.outline.blocks import Block, Facts, Heading, NetworkFigure, Paragraph, Section, Table
from planner.rules.network import (
    PURE_LAYOUT_UP_TO, SURVEY, Network, layout, network, suggestions)
from planner.rules.survey import (
    OFTEN, answers, latest_survey, named_counts, questions_of, response)
from planner.rules.training import suggestion_words, training_for
from planner.sections import section

TOP_BROKERS = 10
# The document's figure draws at most this many people (the large sample's
# 40, all of them): on half a page more are a tangle of names no reader follows (the
# brokers and isolates are in the tables below it), and the layout stays
# plain Python (up to PURE_LAYOUT_UP_TO).
FIGURE_MOST = min(50, PURE_LAYOUT_UP_TO)


def most_tied(net: Network, most: int) -> set[str] | None:
    """The people a figure of at most `most` people shows (None: all of
    them): the top brokers, then, one at a time, whoever is most tied to
    those chosen so far (the picture shows how the teams reach each other
    through the brokers' circles); a broker left with no tie among them is
    left out (the table names them), so that nobody hangs loose."""
    if len(net.people) <= most:
        return None
    near: dict[str, dict[str, float]] = {}
    for (a, b), w in net.weights.items():
        near.setdefault(a, {})[b] = w
        near.setdefault(b, {})[a] = w
    chosen: list[str] = []
    pull: dict[str, float] = {}  # a candidate's ties to the chosen

    def take(p: str) -> None:
        chosen.append(p)
        for q, w in near.get(p, {}).items():
            pull[q] = pull.get(q, 0.0) + w

    for p, _score in net.brokers[:min(TOP_BROKERS, most)]:
        take(p)
    rest = sorted(near, key=lambda p: (-net.degree.get(p, 0.0), net.people[p].name, p))
    for _round in range(2):
        while len(chosen) < most:
            best = max((q for q in pull if q not in chosen),
                       key=lambda q: (pull[q], net.degree.get(q, 0.0), q), default=None)
            if best is None:
                best = next((q for q in rest if q not in chosen), None)
                if best is None:
                    break
            take(best)
        kept = set(chosen)
        loose = [p for p in chosen if not any(q in kept for q in near.get(p, {}))]
        if not loose:
            break
        for p in loose:  # no tie in the picture: left out, and not counted as pulling
            chosen.remove(p)
            for q, w in near.get(p, {}).items():
                pull[q] -= w
            pull[p] = float("-inf")
    return set(chosen)


def figure(net: Network, most: int | None = None) -> NetworkFigure:
    """The network as a figure; with `most`, only that many people (see
    `most_tied`) and the ties among them."""
    shown = most_tied(net, most) if most is not None else None
    if shown is not None:
        net = replace(net, people={p: net.people[p] for p in shown},
                      weights={(a, b): w for (a, b), w in net.weights.items()
                               if a in shown and b in shown},
                      brokers=[(p, score) for p, score in net.brokers if p in shown])
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
        drawn := figure(net, FIGURE_MOST)]
    if len(drawn.people) < len(net.people):
        blocks.append(Paragraph(_(
            "The figure shows {shown} of the {count} people: those who tie the teams together "
            "most, brokers first. The lists below name every broker and everyone without a "
            "tie to the other team.").format(shown=len(drawn.people), count=len(net.people))))
    blocks += [Heading(_("Brokers")), Table(
        (_("Person"), _("Team"), _("Share of cross-team paths through them")),
        tuple((names[p], label(net.people[p].team), percent(score, 1))
              for p, score in net.brokers[:TOP_BROKERS]), (4, 2, 4),
        empty_text=_("Nobody stands between the teams: every cross-team tie is direct."))]
    now = today or date.today()
    ideas = {s.isolate_id: s for s in suggestions(reader, net, now)}
    courses = {p: training_for(reader, net.people[p], now) for p in net.isolates}
    blocks += [Heading(_("No tie to the other team")), Table(
        (_("Person"), _("Team"), _("Suggested ride"), _("Suggested training")),
        tuple((names[p], label(net.people[p].team),
               _("with {partner}, {days} ({reason})").format(
                   partner=names[ideas[p].partner_id],
                   days=days(ideas[p].first_day, ideas[p].last_day), reason=ideas[p].reason)
               if p in ideas
               else _("no free days found in the plan's period"),
               suggestion_words(course) if (course := courses[p]) is not None
               else _("none of the other team's trainings is ahead")) for p in net.isolates),
        (3, 2, 5, 4), empty_text=_("Everyone has at least one tie to the other team."))]
    blocks += [Heading(_("Across the teams, quarter by quarter")), Table(
        (_("Quarter"), _("Share of ties' weight across the teams"), _("Ties")),
        tuple((q, percent(share), str(n)) for q, share, n in net.cross_share), (2, 4, 2),
        empty_text=_("No ties yet."))]
    blocks += survey_blocks(reader, net)
    return Section("network", _(section("network").title), tuple(blocks))


def contrast(net: Network, said: Network) -> list[str]:
    """What the survey finds that the plan's records do not, and the other
    way round, about the brokers of either, in one sentence each."""
    names = {p: person.name for p, person in net.people.items()}
    recorded_isolates, said_isolates = set(net.isolates), set(said.isolates)
    out = []
    for p, _score in said.brokers[:TOP_BROKERS]:
        if p in recorded_isolates:
            out.append(_("{name} is a broker by the survey but has no recorded tie to the other "
                         "team: a ride would make it official.").format(name=names[p]))
    for p, _score in net.brokers[:TOP_BROKERS]:
        if p in said_isolates:
            out.append(_("{name} is a broker by the plan's records, but nobody across the teams "
                         "says they go to them, nor they to anyone.").format(name=names[p]))
    return out


def survey_blocks(reader: PlanReader, net: Network) -> list[Block]:
    """The latest survey: its response, the brokers it finds, how often each
    person is named (totals; who named whom only when the heads chose to
    show people), and how it differs from the records."""
    survey = latest_survey(reader)
    if survey is None:
        return []
    said = network(reader, kinds=(SURVEY,))
    got = response(reader, survey)
    answers_of = answers(reader, survey)
    names = {p: person.name for p, person in net.people.items()}
    blocks: list[Block] = [
        Heading(_("What the survey says: {title}").format(title=survey.title)),
        Facts(((_("Answered"), _("{answered} of {invited} ({share})").format(
                    answered=got.answered, invited=got.invited, share=percent(got.rate))),
               (_("Opened"), day(survey.opened_on)),
               (_("Brokers by the survey"), ", ".join(
                   names[p] for p, _score in said.brokers[:5] if p in names) or "\u2014"),
               (_("No tie to the other team by the survey"), str(len(said.isolates)
                                                                 if answers_of else 0)))),
        Table((_("Person"), _("Team"), _("Named by"), _("Share of cross-team paths through "
                                                        "them")),
              tuple((names[p], label(net.people[p].team),
                     ngettext("{count} person", "{count} people", n).format(count=n),
                     percent(dict(said.brokers).get(p, 0.0), 1))
                    for p, n in sorted(named_counts(answers_of).items(),
                                       key=lambda i: (-i[1], names.get(i[0], "")))[:TOP_BROKERS]
                    if p in names),
              (4, 2, 2, 3), empty_text=_("No answers yet."),
              caption=_("Most named across the teams (totals: who named whom stays with each "
                        "person unless the plan's heads choose to show it)")
              if not survey.shows_people else _("Most named across the teams"))]
    sentences = contrast(net, said) if answers_of else []
    blocks += [Paragraph(s) for s in sentences[:10]]
    if survey.shows_people and answers_of:
        questions = questions_of(survey)
        blocks.append(Table(
            (_("Who"), _("Goes to"), _("For"), _("How often")),
            tuple((names.get(a.respondent, "?"), names.get(a.named, "?"),
                   questions[a.question] if a.question < len(questions) else "?",
                   _(OFTEN[a.often])) for a in sorted(
                       answers_of, key=lambda a: (names.get(a.respondent, ""), a.question))),
            (3, 3, 5, 2), caption=_("Who says they go to whom (the heads chose to show it)")))
    return blocks
