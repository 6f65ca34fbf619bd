"""Goal warnings: ownership by the right team, dates, duplicates, measurability."""

import re
from collections import Counter
from collections.abc import Sequence

from planner.i18n import _, day
from planner.model import Goal, Person, Plan
from planner.model.enums import GoalStatus, Team
from planner.rules.rides import TEAM_WORDS
from planner.rules.findings import Finding

NUMBER = re.compile(r"\d")


def owners(goal: Goal) -> tuple[tuple[Team, str | None], tuple[Team, str | None]]:
    """The goal's owner on each side: (team, person id)."""
    return ((Team.SALES, goal.sales_owner_id), (Team.MARKETING, goal.marketing_owner_id))


def owner_problem(goal: Goal, people: dict[str, Person]) -> str | None:
    """Why an owner cannot own this goal (in the other team), or None."""
    for team, person_id in owners(goal):
        person = people.get(person_id or "")
        if person is not None and person.team is not team:
            said = _("{name} is in {team}, so cannot be the sales owner of \u201c{title}\u201d.") \
                if team is Team.SALES else \
                _("{name} is in {team}, so cannot be the marketing owner of \u201c{title}\u201d.")
            return said.format(name=person.name, team=_(TEAM_WORDS[person.team]),
                               title=goal.title)
    return None


def goal_findings(plan: Plan, goals: Sequence[Goal], people: Sequence[Person]) -> list[Finding]:
    """Ownership, dates, duplicates and measurability of the goals still in the plan."""
    by_id = {p.id: p for p in people}
    live = [g for g in goals if g.status is not GoalStatus.DROPPED]
    titles = Counter(g.title.strip().casefold() for g in live)
    found = []
    for g in live:
        name = _("Goal \u201c{title}\u201d").format(title=g.title)
        for team, person_id in owners(g):
            side = _(TEAM_WORDS[team])
            owner = by_id.get(person_id or "")
            if person_id is None:
                found.append(Finding("goals", g.id, _("{name} has no {side} owner.").format(name=name,
                                                        side=side)))
            elif owner is None or owner.left_plan:
                who = owner.name if owner else _("its owner")
                found.append(Finding("goals", g.id, _("{name}: its {side} owner, {who}, left the "
                                                      "plan.").format(name=name, side=side,
                                                        who=who)))
            elif owner.team is not team:
                found.append(Finding("goals", g.id, _("{name}: its {side} owner, {owner}, is in "
                                                      "{value}.").format(name=name, side=side,
                                                        owner=owner.name,
                                                        value=_(TEAM_WORDS[owner.team]))))
        due = g.due_date
        if due and not plan.period_start <= due <= plan.period_end:
            found.append(Finding("goals", g.id, _("{name} is due {value}, outside the plan period.").format(name=name, value=day(due))))
        if titles[g.title.strip().casefold()] > 1:
            found.append(Finding("goals", g.id, _("{name} has the same title as another goal.").format(name=name)))
        measure = g.success_measure.strip()
        if not measure:
            found.append(Finding("goals", g.id, _("{name} has no success criterion.").format(name=name)))
        elif not NUMBER.search(measure):
            found.append(Finding("goals", g.id, _("{name}: its success criterion has no number in it, so nobody can tell when it is met.").format(name=name)))
    return found
