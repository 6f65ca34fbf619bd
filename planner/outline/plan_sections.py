"""The outline's sections about the plan and its people: overview, people,
goals with a card each, sign-off, messaging and reviews."""

from collections.abc import Mapping, Sequence
from datetime import date

from planner.i18n import _, day, long_day
from planner.model import CheckIn, Goal, Metric, MetricGoal, MetricValue, Person, Plan
from planner.model.enums import label
from planner.model.reader import PlanReader
from planner.outline.checkins import latest_fact
from planner.outline.blocks import Block, Facts, GoalCard, Heading, Paragraph, Section, Table
from planner.rules.metrics import metric_statuses
from planner.rules.signoff import (
    SIDES, Side, agreement, agreement_state, counts_for_agreement, has_signed, signature,
    signed_text, waiting_for)
from planner.sections import section
from planner.times import local_time
from planner.outline.actuals import actual_values

Names = Mapping[str | None, str]
DASH = "\u2014"


def period_text(start: date, end: date) -> str:
    return f"{long_day(start)} \u2013 {long_day(end)}"


def _lower(words: str) -> str:
    """A label inside a sentence: lower case in English ("waits for sales");
    German keeps its nouns' capitals."""
    from planner.i18n import language

    return words.lower() if language() == "en" else words


def names_of(people: Sequence[Person]) -> dict[str | None, str]:
    names: dict[str | None, str] = {p.id: p.name for p in people}
    names[None] = DASH
    return names


def overview(plan: Plan, names: Names, counts: Mapping[str, int]) -> Section:
    facts = Facts(((_("Company"), plan.company or DASH),
                   (_("Period"), period_text(plan.period_start, plan.period_end)),
                   (_("Status"), label(plan.status)),
                   (_("Head of sales"), names.get(plan.head_of_sales_id, DASH)),
                   (_("Head of marketing"), names.get(plan.head_of_marketing_id, DASH)),
                   *((k, str(v)) for k, v in counts.items())))
    purpose = plan.purpose.strip() or _("No purpose statement yet.")
    return Section("overview", _(section("overview").title), (Paragraph(purpose), facts))


def people_section(people: Sequence[Person]) -> Section:
    rows = tuple((p.name, label(p.team), p.role, p.territory, p.email) for p in people)
    return Section("people", _(section("people").title), (Table(
        (_("Name"), _("Team"), _("Role"), _("Territory"), _("Email")), rows, (2.6, 1.3, 2.8, 1.8, 5.2)),))


def owner(names: Names, left: set[str], person_id: str | None) -> str:
    if person_id is None:
        return DASH + " " + _("(no owner)")
    return names.get(person_id, _("(removed)")) + (" " + _("(left the plan)")
                                                   if person_id in left else "")


def linked_metrics(reader: PlanReader) -> dict[str, list[str]]:
    """Each goal's metrics with their latest status, e.g. "Win rate (at risk)"."""
    metrics = reader.rows(Metric)
    statuses = metric_statuses(reader.plan(), metrics, actual_values(reader))
    text = {m.id: f"{m.name} ({_(statuses[m.id].status.value)})" for m in metrics}
    linked: dict[str, list[str]] = {}
    for link in reader.rows(MetricGoal):
        linked.setdefault(link.goal_id, []).append(text.get(link.metric_id, "?"))
    return {g: sorted(ms) for g, ms in linked.items()}


def _state(g: Goal) -> str:
    state = agreement_state(g)  # a phrase after a semicolon: its first letter small
    return f"{label(g.status)}; {state[:1].lower()}{state[1:]}"


def goals_section(goals: Sequence[Goal], names: Names, left: set[str],
                  linked: Mapping[str, list[str]],
                  history: Mapping[str, list[CheckIn]] | None = None) -> Section:
    history = history or {}
    rows = tuple((str(i), g.title, owner(names, left, g.sales_owner_id),
                  owner(names, left, g.marketing_owner_id),
                  day(g.due_date) if g.due_date else DASH, _state(g))
                 for i, g in enumerate(goals, start=1))
    cards = tuple(GoalCard(f"goal-{g.id}", i, g.title, (
        *(((_("Why"), g.description.strip()),) if g.description.strip() else ()),
        (_("Sales owner"), owner(names, left, g.sales_owner_id)),
        (_("Marketing owner"), owner(names, left, g.marketing_owner_id)),
        (_("Success measure"), g.success_measure or DASH),
        (_("Due"), day(g.due_date) if g.due_date else DASH),
        (_("Status"), _("{state}; proposed by {side} on {day}").format(
            state=_state(g), side=_lower(label(g.proposed_by)), day=day(g.created_at))),
        (_("Signed by sales"), signed_text(g, "sales", names)),
        (_("Signed by marketing"), signed_text(g, "marketing", names)),
        (_("Measured by"), "; ".join(linked.get(g.id, [])) or DASH),
        (_("Latest check-in"), latest_fact(g, history.get(g.id, []), names)),
        (_("Shared reward"), g.shared_reward or DASH)))
        for i, g in enumerate(goals, start=1))
    return Section("goals", _(section("goals").title), (
        Table(("#", _("Goal"), _("Sales owner"), _("Marketing owner"), _("Due"), _("Status")), rows,
              (1, 5.6, 2.8, 2.8, 2.3, 3.2)),
        Heading(_("Each goal")), *cards))


def signoff_section(goals: Sequence[Goal], names: Names,
                    heads: dict[Side, str | None] | None = None) -> Section:
    """Who signed each goal for each side and when (the reader's local time),
    and what is still open."""
    numbered = list(enumerate(goals, start=1))
    counted = [(i, g) for i, g in numbered if counts_for_agreement(g)]
    blocks: list[Block] = [Paragraph(
        agreement(goals).text() + ". " + _("A goal is agreed when the sales and marketing "
                                          "sign-offs are of its present wording: title, "
                                          "description, success measure and due date. "
                                          "Changing any of them withdraws both."))]

    def who(g: Goal, side: Side) -> str:
        sig = signature(g, side)
        if not has_signed(g, side) or sig.at is None:
            return _("not yet")
        name = names.get(sig.by_id, _("(removed)"))
        if heads is not None and sig.by_id is not None and sig.by_id != heads.get(side):
            name += " " + (_("(delegate of the head of sales)") if side == "sales"
                           else _("(delegate of the head of marketing)"))
        return f"{name}, {local_time(sig.at)}"
    rows = tuple((str(i), g.title, who(g, "sales"), who(g, "marketing")) for i, g in counted)
    blocks += [Heading(_("Who signed, and when")), Table(
        ("#", _("Goal"), _("Sales"), _("Marketing")), rows, (1, 6.4, 4.7, 4.7),
        empty_text=_("No goal to sign yet."))]
    still = tuple((str(i), g.title, _(" and ").join(_(w) for w in waiting_for(g)),
                   "; ".join(f"{_(side)}: {signed_text(g, side, names)}" for side in SIDES
                             if has_signed(g, side)) or _("nobody yet"))
                  for i, g in counted if waiting_for(g))
    blocks += [Heading(_("Still open")), Table(
        ("#", _("Goal"), _("Waits for"), _("Signed so far")), still, (1, 8.5, 3.2, 4.1),
        empty_text=_("Nothing is open: both sides signed every goal."))]
    dropped = tuple((str(i), g.title) for i, g in numbered if not counts_for_agreement(g))
    if dropped:
        blocks += [Heading(_("Dropped, not counted")),
                   Table(("#", _("Goal")), dropped, (1, 15.8))]
    return Section("signoff", _(section("signoff").title), tuple(blocks))


def latest_sign_offs(goals: Sequence[Goal], names: Names,
                     plan: Plan) -> tuple[tuple[str, str, str], ...]:
    """Each side's latest sign-off (for the agreed stamp): (side: "sales" or
    "marketing", who, date)."""
    out = []
    for side in SIDES:
        signed = [(sig.at, sig.by_id) for g in goals if has_signed(g, side)
                  for sig in (signature(g, side),) if sig.at is not None]
        head = plan.head_of_sales_id if side == "sales" else plan.head_of_marketing_id
        if signed:
            at, by_id = max(signed, key=lambda s: s[0])
            out.append((side, names.get(by_id, DASH), long_day(at)))
        else:
            out.append((side, names.get(head, DASH), _("not signed")))
    return tuple(out)


__all__ = ["goals_section", "linked_metrics", "names_of", "overview", "people_section",
           "signoff_section"]
