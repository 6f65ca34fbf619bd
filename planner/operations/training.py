"""Joint training: plan one team's training for both teams, seat people from
either team, record who attended, cancel it (issue 30)."""

from datetime import date, timedelta

from planner.changes import ChangeSet, added, changed, removed
from planner.errors import InvalidEdit
from planner.i18n import _, ngettext
from planner.model import Person, Training, TrainingSeat
from planner.model.enums import RideStatus, Team
from planner.model.reader import PlanReader
from planner.operations.rows import new, quoted


def plan_training(reader: PlanReader, title: str, first_day: date, last_day: date | None = None,
                  run_by: Team = Team.SALES, methodology: str = "", trainer: str = ""
                  ) -> tuple[ChangeSet, Training]:
    """A training of one team (its methodology), on a day or a few, planned."""
    if run_by not in (Team.SALES, Team.MARKETING):
        raise InvalidEdit(_("A training is the sales team's or the marketing team's."))
    training = new(Training, title=title, first_day=first_day, last_day=last_day or first_day,
                   run_by=run_by, methodology=methodology, trainer=trainer)
    return ChangeSet(_("Plan training {title}").format(title=quoted(title)),
                     (added(training),)), training


def next_training(reader: PlanReader, today: date, run_by: Team = Team.SALES
                  ) -> tuple[ChangeSet, Training]:
    """A one-day training a fortnight ahead, within the plan's period: a start
    the person then changes (the window's Add)."""
    plan = reader.plan()
    day = min(max(today + timedelta(days=14), plan.period_start), plan.period_end)
    title = _("Sales methodology training") if run_by is Team.SALES else _(
        "Marketing messaging training")
    return plan_training(reader, title, day, day, run_by)


def seat(reader: PlanReader, training: Training, people: list[Person]) -> ChangeSet:
    """People down to attend a training (those already seated are left as they are)."""
    have = {s.person_id for s in reader.rows(TrainingSeat) if s.training_id == training.id}
    rows = tuple(added(new(TrainingSeat, training_id=training.id, person_id=p.id))
                 for p in people if p.id not in have)
    if not rows:
        return ChangeSet(_("Seat people at {title}").format(title=quoted(training.title)))
    return ChangeSet(ngettext("Seat {count} person at {title}", "Seat {count} people at {title}",
                              len(rows)).format(count=len(rows), title=quoted(training.title)),
                     rows)


def unseat(seats: list[TrainingSeat]) -> ChangeSet:
    return ChangeSet(ngettext("Take {count} person off a training",
                              "Take {count} people off a training", len(seats)).format(
                                  count=len(seats)), tuple(removed(s) for s in seats))


def record_attendance(reader: PlanReader, training: Training, attended: set[str]) -> ChangeSet:
    """Who of those seated attended (person ids); the training is then held
    (done), unless it was cancelled."""
    if training.status is RideStatus.CANCELLED:
        raise InvalidEdit(_("{title} was cancelled; nobody attended it.").format(
            title=quoted(training.title)))
    seats = [s for s in reader.rows(TrainingSeat) if s.training_id == training.id]
    unknown = attended - {s.person_id for s in seats}
    if unknown:
        raise InvalidEdit(_("Only people seated at {title} can have attended it; seat them "
                            "first.").format(title=quoted(training.title)))
    rows = [changed(s, s._replace(attended=s.person_id in attended)) for s in seats
            if s.attended != (s.person_id in attended)]
    if training.status is not RideStatus.DONE:
        rows.append(changed(training, training._replace(status=RideStatus.DONE)))
    return ChangeSet(_("Record who attended {title}").format(title=quoted(training.title)),
                     tuple(rows))


def cancel(training: Training) -> ChangeSet:
    if training.status is RideStatus.CANCELLED:
        return ChangeSet(_("Cancel {title}").format(title=quoted(training.title)))
    return ChangeSet(_("Cancel {title}").format(title=quoted(training.title)),
                     (changed(training, training._replace(status=RideStatus.CANCELLED)),))


def remove_training(reader: PlanReader, training: Training) -> ChangeSet:
    """The training and its seats."""
    seats = [s for s in reader.rows(TrainingSeat) if s.training_id == training.id]
    return ChangeSet(_("Delete training {title}").format(title=quoted(training.title)),
                     tuple(removed(s) for s in seats) + (removed(training),))
