"""The rules every commit obeys, whichever path the change came by (the window,
the workshop, an import, a sample plan, a merge): rows that may not be
stored, and rows that follow from others. The store calls these inside its
commit, so a refusal changes nothing and a consequence undoes with its cause.
"""

from collections.abc import Sequence

from planner.i18n import _, ngettext
from planner.model import FieldRide, Goal, Message, Person, Record
from planner.model.enums import PlanStatus, Team
from planner.model.reader import PlanReader
from planner.rules import rides, signoff
from planner.rules.goals import owner_problem, owners

Change = tuple[Record | None, Record | None]  # a row before and after


def settled(before: Record | None, after: Record) -> Record:
    """The row as the rules make it: a goal's sign-offs (and a message's
    approvals) of a wording it no longer has are withdrawn; a ride turned
    round swaps its visitor and host."""
    if isinstance(after, Goal):
        return signoff.settled(after)
    if isinstance(after, Message):
        return signoff.settled(after)
    if isinstance(after, FieldRide):
        return rides.settled(before if isinstance(before, FieldRide) else None, after)
    return after


def plan_status(goals: Sequence[Goal]) -> PlanStatus:
    """Agreed exactly when both sides signed every goal still in the plan."""
    return signoff.agreement(goals).status


def refusal(changes: Sequence[Change], reader: PlanReader) -> str | None:
    """Why these changes may not be stored (one sentence), or None.

    `reader` shows the plan as it would be after them."""
    people = {p.id: p for p in reader.rows(Person)}
    for before, after in changes:
        problem = None
        if isinstance(after, FieldRide):
            problem = _ride_problem(before, after, people)
        elif isinstance(after, Goal):
            problem = _goal_problem(before, after, people)
        elif isinstance(after, Person) and isinstance(before, Person) \
                and before.team is not after.team:
            problem = _team_change_problem(after, reader)
        if problem:
            return problem
    return None


def _ride_problem(before: Record | None, ride: FieldRide,
                  people: dict[str, Person]) -> str | None:
    if isinstance(before, FieldRide) and (before.direction, before.visitor_id, before.host_id) \
            == (ride.direction, ride.visitor_id, ride.host_id):
        return None
    visitor, host = people.get(ride.visitor_id or ""), people.get(ride.host_id or "")
    for person_id, person, role in ((ride.visitor_id, visitor, "visitor"),
                                    (ride.host_id, host, "host")):
        if person_id is not None and person is None:
            return (_("The visitor of this field ride is not a person of this plan.")
                    if role == "visitor" else
                    _("The host of this field ride is not a person of this plan."))
    if visitor is None or host is None:
        return None  # a ride whose person was removed stays, and is reported
    return rides.team_problem(ride.direction, visitor, host)


def _goal_problem(before: Record | None, goal: Goal, people: dict[str, Person]) -> str | None:
    if isinstance(before, Goal) and owners(before) == owners(goal):
        return None
    for _side, person_id in owners(goal):
        if person_id is not None and person_id not in people:
            return _("An owner of \u201c{title}\u201d is not a person of this plan.").format(
                title=goal.title)
    return owner_problem(goal, people)


def _team_change_problem(person: Person, reader: PlanReader) -> str | None:
    """A person who owns goals or rides for one team cannot move to another
    while they do: the goals and rides would break the team rules."""
    owned = [g for g in reader.rows(Goal)
             if any(pid == person.id and team is not person.team for team, pid in owners(g))]
    riding = [r for r in reader.rows(FieldRide) if person.id in (r.visitor_id, r.host_id)
              and _role_team(r, person.id) is not person.team]
    if not owned and not riding:
        return None
    parts = []
    if owned:
        parts.append(ngettext("owns {count} goal", "owns {count} goals", len(owned)).format(
            count=len(owned)))
    if riding:
        parts.append(ngettext("is on {count} field ride", "is on {count} field rides",
                              len(riding)).format(count=len(riding)))
    return _("{name} {what} for their present team, which {team} could not; give those to "
             "someone else first.").format(name=person.name, what=_(" and ").join(parts),
                                           team=_(rides.TEAM_WORDS[person.team]))


def _role_team(ride: FieldRide, person_id: str) -> Team:
    visitor_team, host_team = rides.ROLES[ride.direction]
    return visitor_team if ride.visitor_id == person_id else host_team


__all__ = ["Change", "plan_status", "refusal", "settled"]
