"""Goals: propose, sign off, withdraw, reword, set status, reorder, measure."""

from collections.abc import Sequence

from planner.i18n import _
from planner.changes import ChangeSet, added, changed, removed
from planner.model import Goal, Metric, MetricGoal, Person, utc_now
from planner.model.enums import GoalStatus, Team, label
from planner.model.reader import PlanReader
from planner.model.nouns import noun
from planner.operations.rows import moved, new, quoted, reorder
from planner.rules.signoff import SIDES, Side, has_signed, sign_or_withdraw, withdrawn

def _goals_noun(goals: Sequence[Goal]) -> str:
    return quoted(goals[0].title) if len(goals) == 1 else noun(Goal, len(goals))


def add_goal(reader: PlanReader, title: str = "New goal",
             proposed_by: Team = Team.SALES, status: GoalStatus = GoalStatus.PROPOSED,
             label_text: str | None = None) -> tuple[ChangeSet, Goal]:
    """A goal proposed by one side, at the end of the plan's order."""
    goals = reader.rows(Goal)
    place = max((g.position for g in goals), default=-1) + 1
    goal = new(Goal, title=title, proposed_by=proposed_by, status=status, position=place)
    return ChangeSet(label_text or "Add goal", (added(goal),)), goal


def propose(reader: PlanReader, side: Team, title: str) -> ChangeSet:
    """A proposal from one side, straight into the plan as a proposed goal."""
    change, _goal = add_goal(reader, title, side, GoalStatus.PROPOSED,
                         f"Add proposal from {side.value}")
    return change


def sign_off(goals: Sequence[Goal], side: Side, signer: Person | None) -> ChangeSet:
    """Sign the goals' present wording for one side; when that side signed
    them all already, withdraw its sign-off instead (the same key twice)."""
    after, withdrawal = sign_or_withdraw(goals, side, signer.id if signer else None, utc_now())
    by_id = {g.id: g for g in goals}
    rows = tuple(changed(by_id[g.id], g) for g in after)
    what = _goals_noun([by_id[g.id] for g in after]) if after else ""
    if withdrawal:
        text = (_("Withdraw the sales sign-off of {what}") if side == "sales" else
                _("Withdraw the marketing sign-off of {what}")).format(what=what)
    else:
        text = (_("Sign off {what} for sales") if side == "sales" else
                _("Sign off {what} for marketing")).format(what=what)
    return ChangeSet(text, rows)


def withdraw(goals: Sequence[Goal], side: Side) -> ChangeSet:
    signed = [g for g in goals if has_signed(g, side)]
    return ChangeSet(_("Withdraw the {side} sign-off of {signed}").format(side=side,
                         signed=_goals_noun(signed)) if signed else "",
                     tuple(changed(g, withdrawn(g, side)) for g in signed))


def unlock_wording(goal: Goal) -> ChangeSet:
    """Both sign-offs withdrawn, so the signed wording can change."""
    return ChangeSet(_("Withdraw sign-offs to reword {title}").format(title=quoted(goal.title)),
                     (changed(goal, withdrawn(goal, *SIDES)),))


def reword(goal: Goal, title: str | None = None, description: str | None = None,
           success_measure: str | None = None) -> ChangeSet:
    """New words for a goal; the store withdraws both sign-offs of the old ones."""
    after = goal._replace(title=goal.title if title is None else title,
                          description=goal.description if description is None else description,
                          success_measure=goal.success_measure if success_measure is None
                          else success_measure)
    if after == goal:
        return ChangeSet(_("Reword goal"))
    return ChangeSet(_("Reword {title}").format(title=quoted(goal.title)), (changed(goal, after),))


def set_status(goals: Sequence[Goal], status: GoalStatus) -> ChangeSet:
    moving = [g for g in goals if g.status is not status]
    if not moving:
        return ChangeSet(_("Set status"))
    return ChangeSet(_("Set {moving} to {value}").format(moving=_goals_noun(moving),
                         value=label(status).lower()),
                     tuple(changed(g, g._replace(status=status)) for g in moving))


def move(reader: PlanReader, ids: Sequence[str], before: str | None) -> ChangeSet:
    """Goals put before another goal (None: at the end), in the plan's order."""
    goals = list(reader.rows(Goal))
    order = [g.id for g in goals]
    new_order = moved(order, ids, before)
    if new_order == order or not ids:
        return ChangeSet(_("Move goals"))
    by_id = {g.id: g for g in goals}
    what = quoted(by_id[ids[0]].title) if len(ids) == 1 else noun(Goal, len(ids))
    return reorder([by_id[i] for i in new_order], f"Move {what}")


def link_metrics(reader: PlanReader, goal: Goal, metric_ids: set[str]) -> ChangeSet:
    """The goal measured by exactly these metrics."""
    return _relink(reader, goal.id, metric_ids, goal_side=True,
                   text=f"Measure {quoted(goal.title)} by {len(metric_ids)} metrics")


def link_goals(reader: PlanReader, metric: Metric, goal_ids: set[str]) -> ChangeSet:
    """The metric measuring exactly these goals."""
    return _relink(reader, metric.id, goal_ids, goal_side=False,
                   text=f"Link {quoted(metric.name)} to {len(goal_ids)} goals")


def _relink(reader: PlanReader, owner: str, wanted: set[str], goal_side: bool,
            text: str) -> ChangeSet:
    links = reader.rows(MetricGoal)
    mine = {(link.metric_id if goal_side else link.goal_id): link for link in links
            if (link.goal_id if goal_side else link.metric_id) == owner}
    rows = [added(new(MetricGoal, goal_id=owner, metric_id=other) if goal_side
                  else new(MetricGoal, goal_id=other, metric_id=owner))
            for other in sorted(wanted - set(mine))]
    rows += [removed(mine[other]) for other in sorted(set(mine) - wanted)]
    return ChangeSet(text, tuple(rows))
