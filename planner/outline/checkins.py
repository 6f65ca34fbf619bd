"""Check-ins in the document: "How sure are we?" (goals by their latest
confidence, the drops named) and the appendix of every check-in."""

from collections.abc import Mapping, Sequence

from planner.i18n import _, day
from planner.model import CheckIn, Goal
from planner.outline.blocks import Heading, Paragraph, Section, Table
from planner.rules import checkins
from planner.sections import section

DASH = "\u2014"
NAMED = 4  # goals named in a sentence (a slide holds it); the rest are counted


def latest_fact(goal: Goal, rows: Sequence[CheckIn], names: Mapping[str | None, str]) -> str:
    """A goal card's "Latest check-in": the summary, who, and the note."""
    if not rows:
        return _("Not checked in yet")
    last = rows[-1]
    who = names.get(last.author_id, _("a guest")) if last.author_id else _("a guest")
    note = f": {last.note.strip()}" if last.note.strip() else ""
    return _("{summary}, by {who}").format(summary=checkins.summary(last, goal), who=who) + note


def confidence_section(goals: Sequence[Goal], history: Mapping[str, list[CheckIn]],
                       names: Mapping[str | None, str]) -> Section:
    """The open goals from the least sure to the surest; those never checked in last."""
    open_goals = [g for g in goals if g.status in checkins.OPEN]
    by_id = {g.id: g for g in goals}
    drops = [d for d in checkins.drops({g.id: history.get(g.id, []) for g in open_goals})]
    if drops:
        drops.sort(key=lambda d: (-d.size, by_id[d.goal_id].position))
        said = "; ".join(_("\u201c{title}\u201d fell from {before} to {after}").format(
            title=by_id[d.goal_id].title, before=d.before.confidence, after=d.after.confidence)
            for d in drops[:NAMED])
        more = _("; and {n} more").format(n=len(drops) - NAMED) if len(drops) > NAMED else ""
        intro = _("Confidence fell by {drop} or more since the check-in before: "
                  "{said}{more}.").format(drop=checkins.DROP, said=said, more=more)
    else:
        intro = _("No goal's confidence fell by 3 or more since the check-in before.")
    checked = [g for g in open_goals if history.get(g.id)]
    checked.sort(key=lambda g: (history[g.id][-1].confidence, g.position, g.id))
    rows = tuple((g.title, f"{history[g.id][-1].confidence}/10",
                  _(checkins.confidence_status(history[g.id][-1].confidence).value),
                  checkins.progress_words(history[g.id][-1], g),
                  day(history[g.id][-1].checked_on)) for g in checked)
    never = [g.title for g in open_goals if not history.get(g.id)]
    blocks: list[object] = [Paragraph(intro), Table(
        (_("Goal"), _("Confidence"), _("Status"), _("Progress"), _("Checked in")), rows,
        (6, 1.9, 2, 2.2, 2.4), empty_text=_("No goal has been checked in yet."))]
    if len(never) > NAMED:
        blocks.append(Paragraph(_("Not checked in yet: {n} open goals.").format(n=len(never))))
    elif never:
        blocks.append(Paragraph(_("Not checked in yet: {goals}.").format(goals="; ".join(never))))
    return Section("confidence", _(section("confidence").title), tuple(blocks))  # type: ignore[arg-type]


def history_section(goals: Sequence[Goal], history: Mapping[str, list[CheckIn]],
                    names: Mapping[str | None, str]) -> Section:
    """Every check-in, goal by goal in the plan's order, oldest first."""
    blocks: list[object] = []
    for n, goal in enumerate(goals, start=1):
        rows = history.get(goal.id, [])
        if not rows:
            continue
        blocks.append(Heading(f"{n}. {goal.title}"))
        blocks.append(Table((_("Day"), _("Progress"), _("Confidence"), _("Note"), _("By")), tuple(
            (day(c.checked_on), checkins.progress_words(c, goal),
             f"{c.confidence}/10 {_(checkins.confidence_status(c.confidence).value)}",
             c.note.strip() or DASH, names.get(c.author_id, _("a guest")) if c.author_id
             else _("a guest")) for c in rows), (2.2, 2, 2.4, 6, 2.6)))
    if not blocks:
        blocks.append(Paragraph(_("No goal has been checked in yet.")))
    return Section("checkins", _(section("checkins").title), tuple(blocks))  # type: ignore[arg-type]
