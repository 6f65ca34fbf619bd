"""What is due soon: the Overview's "Due in the next two weeks", for the
person at the keyboard or for everyone.

Open review actions by their due day, goals' next check-ins (the last one,
or the plan's start, plus the plan's interval), field rides starting, and
open goals by their due date; what is already late comes first, marked.
"""

from dataclasses import dataclass
from datetime import date, timedelta

from planner.model import FieldRide, Goal, Person, ReviewAction
from planner.model.enums import RideStatus
from planner.model.reader import PlanReader
from planner.rules.checkins import OPEN, latest, next_check_in

WINDOW_DAYS = 14


@dataclass(frozen=True)
class Due:
    day: date
    kind: str          # the row's kind, as `MainWindow.show_row` takes it
    row_id: str
    what: str          # "Action", "Check-in", "Field ride", "Goal"
    text: str
    people: tuple[str, ...]  # whose it is (person ids)

    def late(self, today: date) -> bool:
        return self.day < today


def due_soon(reader: PlanReader, today: date, person_id: str | None = None,
             days: int = WINDOW_DAYS) -> list[Due]:
    """Everything due from the past up to `days` ahead (late things included),
    earliest first; only `person_id`'s when given."""
    until = today + timedelta(days=days)
    plan = reader.plan()
    names = {p.id: p.name for p in reader.rows(Person)}
    found: list[Due] = []
    for a in reader.rows(ReviewAction):
        if not a.done and a.due_date is not None and a.due_date <= until:
            found.append(Due(a.due_date, "ReviewAction", a.id, "Action", a.action,
                             (a.owner_id,) if a.owner_id else ()))
    history = latest(reader, 1)
    for g in reader.rows(Goal):
        if g.status not in OPEN:
            continue
        owners = tuple(p for p in (g.sales_owner_id, g.marketing_owner_id) if p)
        next_check = next_check_in(plan, history.get(g.id, []))
        if next_check <= until and next_check <= plan.period_end:
            found.append(Due(next_check, "Goal", g.id, "Check-in", g.title, owners))
        if g.due_date is not None and today - timedelta(days=days) <= g.due_date <= until:
            found.append(Due(g.due_date, "Goal", g.id, "Goal", g.title, owners))
    for r in reader.rows(FieldRide):
        if r.status in (RideStatus.PLANNED, RideStatus.CONFIRMED) and today <= r.first_day \
                <= until:
            who = " with ".join(names.get(p or "", "?") for p in (r.visitor_id, r.host_id))
            found.append(Due(r.first_day, "FieldRide", r.id, "Field ride",
                             f"{who}{f' ({r.territory})' if r.territory else ''}",
                             tuple(p for p in (r.visitor_id, r.host_id) if p)))
    if person_id is not None:
        found = [d for d in found if person_id in d.people]
    order = {"Action": 0, "Check-in": 1, "Goal": 2, "Field ride": 3}
    return sorted(found, key=lambda d: (d.day, order[d.what], d.text.casefold(), d.row_id))
