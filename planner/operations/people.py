"""People on the plan."""

from planner.i18n import _
from planner.changes import ChangeSet, added
from planner.model import Person
from planner.model.enums import Team
from planner.operations.rows import new


def add_person(name: str = "New person", team: Team = Team.SALES) -> tuple[ChangeSet, Person]:
    person = new(Person, name=name, team=team)
    return ChangeSet(_("Add person"), (added(person),)), person
