"""The messaging library, the reviews and the parking lot as document sections."""

from collections.abc import Mapping

from planner.i18n import N_, _, day
from planner.model import (
    FunnelStage, Goal, Message, Metric, ParkingTopic, Person, Review, ReviewAction, ReviewLink)
from planner.model.reader import PlanReader
from planner.outline.blocks import Block, Facts, Heading, Paragraph, Section, Table
from planner.outline.slides import MessageItem, MessageStages
from planner.rules.signoff import SIDES, has_signed, is_agreed, signed_text, waiting_for
from planner.sections import section

DASH = "\u2014"
NO_STAGE = N_("Not placed in the funnel")


def messaging_section(reader: PlanReader, names: Mapping[str | None, str]) -> Section:
    """Approved messages by funnel stage, in the funnel's order; drafts apart."""
    messages = reader.rows(Message)
    stages = reader.rows(FunnelStage)
    approved = [m for m in messages if is_agreed(m)]
    drafts = [m for m in messages if not is_agreed(m)]
    blocks: list[Block] = [Paragraph(_(
        "One library of customer messages, approved by both sides on their exact wording: "
        "the customer's problem in their words, the value message and its proof. Use these, "
        "not one-off messages of your own."))]
    order = [(s.id, s.name) for s in stages] + [(None, _(NO_STAGE))]
    for stage_id, stage_name in order:
        here = [m for m in approved if m.funnel_stage_id == stage_id
                or (stage_id is None and m.funnel_stage_id not in {s.id for s in stages})]
        if not here:
            continue
        blocks += [Heading(stage_name), Table(
            (_("Customer problem"), _("Value message"), _("Proof point"), _("Segment"), _("Owner")),
            tuple((m.customer_problem, m.value_message, m.proof_point or DASH,
                   m.segment or DASH, names.get(m.owner_id, DASH)) for m in here),
            (4, 4.2, 3.4, 2, 2))]
    if not approved:
        blocks.append(Paragraph(_("No message is approved by both sides yet.")))
    blocks += [Heading(_("Drafts")), Table(
        (_("Customer problem"), _("Value message"), _("Waits for"), _("Approved so far")),
        tuple((m.customer_problem, m.value_message or DASH,
               _(" and ").join(_(w) for w in waiting_for(m)),
               "; ".join(f"{_(side)}: {signed_text(m, side, names)}" for side in SIDES
                         if has_signed(m, side)) or _("nobody yet")) for m in drafts),
        (4.2, 4.2, 2.4, 3.4), empty_text=_("No drafts: both sides approved every message."))]
    return Section("messaging", _(section("messaging").title), tuple(blocks))


def reviews_section(reader: PlanReader, names: Mapping[str | None, str]) -> Section:
    """Each review: what happened, what we learned, what we change, what it is
    about, and its actions with owners and due dates."""
    links, actions = reader.rows(ReviewLink), reader.rows(ReviewAction)
    titles = {**{g.id: _("goal \u201c{name}\u201d").format(name=g.title)
                 for g in reader.rows(Goal)},
              **{s.id: _("stage \u201c{name}\u201d").format(name=s.name)
                 for s in reader.rows(FunnelStage)},
              **{m.id: _("metric \u201c{name}\u201d").format(name=m.name)
                 for m in reader.rows(Metric)}}
    blocks: list[Block] = [Paragraph(_(
        "No blame: what happened, what we learned, what we change in the system, and who "
        "does what by when."))]
    reviews = reader.rows(Review)
    for review in reviews:
        about = [titles.get(link.goal_id or link.funnel_stage_id or link.metric_id or "", "")
                 for link in links if link.review_id == review.id]
        blocks += [Heading(_("Review held on {day}").format(day=day(review.held_on))), Facts((
            (_("What happened"), review.what_happened or DASH),
            (_("What we learned"), review.what_we_learned or DASH),
            (_("What we change"), review.what_we_change or DASH),
            (_("About"), "; ".join(a for a in about if a) or DASH)))]
        own = [a for a in actions if a.review_id == review.id]
        if own:
            blocks.append(Table((_("Action"), _("Owner"), _("Due"), _("Done")), tuple(
                (a.action, names.get(a.owner_id, DASH),
                 day(a.due_date) if a.due_date else DASH, _("yes") if a.done else _("no"))
                for a in own), (6, 2.4, 1.6, 1)))
    if not reviews:
        blocks.append(Paragraph(_("No reviews yet.")))
    return Section("reviews", _(section("reviews").title), tuple(blocks))


def parking_section(reader: PlanReader) -> Section:
    topics = reader.rows(ParkingTopic)
    open_topics = [t.topic for t in topics if not t.done]
    closed = [t.topic for t in topics if t.done]
    if not topics:
        return Section("parking", _(section("parking").title), (
            Paragraph(_("Topics set aside in workshops, to come back to.") + " " +
                      _("Nothing is parked.")),))
    return Section("parking", _(section("parking").title), (
        Paragraph(_("Topics set aside in workshops, to come back to.")),
        Table((_("Open topic"),), tuple((t,) for t in open_topics), (1,),
              empty_text=_("Nothing is parked.")),
        Table((_("Closed"),), tuple((t,) for t in closed), (1,),
              empty_text=_("No topic closed yet."))))


def people_names(reader: PlanReader) -> dict[str | None, str]:
    return {p.id: p.name for p in reader.rows(Person)}


def message_stages(reader: PlanReader, names: Mapping[str | None, str]) -> MessageStages:
    """The library for the room: stage by stage in the funnel's order (then
    messages placed nowhere), each in full. The order is the library's, so a
    message approved live stays where the room sees it."""
    stages = reader.rows(FunnelStage)
    known = {s.id for s in stages}
    by_stage: dict[str | None, list[Message]] = {}
    for m in reader.rows(Message):
        by_stage.setdefault(m.funnel_stage_id if m.funnel_stage_id in known else None,
                            []).append(m)
    out = []
    for stage_id, stage_name in [(s.id, s.name) for s in stages] + [(None, _(NO_STAGE))]:
        here = by_stage.get(stage_id, [])
        if here:
            out.append((stage_name, tuple(MessageItem(
                m.id, ("\u2713 " if is_agreed(m) else "\u2026 ") + m.customer_problem, (
                    (_("Customer problem"), m.customer_problem),
                    (_("Value message"), m.value_message or DASH),
                    (_("Proof point"), m.proof_point or DASH),
                    (_("Approval"), "; ".join(f"{_(side)}: {signed_text(m, side, names)}"
                                           for side in SIDES))))
                for m in here)))
    return tuple(out)
