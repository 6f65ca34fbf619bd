"""Joint training (issue 30): who of the other team attends each team's
trainings, quarter by quarter against the plan's target, the ties attending
together makes, and the training an isolate could join."""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from planner.i18n import _, days
from planner.model import Person, Training, TrainingSeat
from planner.model.enums import RideStatus, Team
from planner.model.reader import PlanReader
from planner.rules.findings import Finding
from planner.rules.rides import periods

OTHER = {Team.SALES: Team.MARKETING, Team.MARKETING: Team.SALES}


def counted(trainings: Sequence[Training]) -> list[Training]:
    return [t for t in trainings if t.status is not RideStatus.CANCELLED]


@dataclass(frozen=True)
class Crossing:
    """One quarter: people of the other team at each team's trainings."""

    quarter: str          # "2027-Q1"
    start: date
    end: date
    marketing_at_sales: int   # attended (held) or seated (still ahead)
    sales_at_marketing: int
    ended: bool           # the quarter is over: the counts are attendance

    def short_of(self, target: int | None) -> list[Team]:
        """The teams whose trainings had fewer of the other team than the
        target (only a quarter that is over can miss it)."""
        if not target or not self.ended:
            return []
        return [team for team, n in ((Team.SALES, self.marketing_at_sales),
                                     (Team.MARKETING, self.sales_at_marketing)) if n < target]


def crossings(reader: PlanReader, today: date) -> list[Crossing]:
    """Each quarter of the plan: the other team's seats at sales trainings and
    at marketing trainings (a held training counts who attended; one ahead,
    who is seated)."""
    plan = reader.plan()
    people = {p.id: p for p in reader.rows(Person)}
    trainings = {t.id: t for t in counted(reader.rows(Training))}
    seats = [s for s in reader.rows(TrainingSeat) if s.training_id in trainings]
    out = []
    for label, start, end in periods(plan.period_start, plan.period_end, 3):
        counts = {Team.SALES: 0, Team.MARKETING: 0}
        for s in seats:
            training = trainings[s.training_id]
            person = people.get(s.person_id)
            if person is None or not (start <= training.first_day <= end):
                continue
            held = training.status is RideStatus.DONE
            if person.team is OTHER.get(training.run_by) and (s.attended or not held):
                counts[training.run_by] += 1
        out.append(Crossing(label, start, end, counts[Team.SALES], counts[Team.MARKETING],
                            end < today))
    return out


def attendee_pairs(reader: PlanReader) -> list[tuple[str, str, float, date]]:
    """Every pair of people of different teams who attended one training
    together: (a, b, the training's days, its first day)."""
    people = {p.id: p for p in reader.rows(Person)}
    trainings = {t.id: t for t in counted(reader.rows(Training))}
    by_training: dict[str, list[str]] = {}
    for s in reader.rows(TrainingSeat):
        if s.attended and s.training_id in trainings and s.person_id in people:
            by_training.setdefault(s.training_id, []).append(s.person_id)
    out = []
    for training_id, attendees in by_training.items():
        training = trainings[training_id]
        length = float((training.last_day - training.first_day).days + 1)
        for i, a in enumerate(attendees):
            for b in attendees[i + 1:]:
                if people[a].team is not people[b].team:
                    out.append((a, b, length, training.first_day))
    return out


def training_for(reader: PlanReader, person: Person, today: date) -> Training | None:
    """The next training of the other team, ahead and not cancelled, the
    person is not yet seated at: what an isolate could join."""
    other = OTHER.get(person.team)
    if other is None:
        return None
    seated = {s.training_id for s in reader.rows(TrainingSeat) if s.person_id == person.id}
    ahead = [t for t in counted(reader.rows(Training)) if t.run_by is other
             and t.first_day >= today and t.status is not RideStatus.DONE and t.id not in seated]
    return min(ahead, key=lambda t: (t.first_day, t.id), default=None)


def suggestion_words(training: Training) -> str:
    return _("join {title}, {days}").format(title=training.title,
                                          days=days(training.first_day, training.last_day))


def training_findings(reader: PlanReader, today: date) -> list[Finding]:
    """Quarters that are over with fewer of the other team at a team's
    trainings than the plan's target."""
    target = reader.plan().training_seats_per_quarter
    out = []
    for crossing in crossings(reader, today):
        for team in crossing.short_of(target):
            got = crossing.marketing_at_sales if team is Team.SALES else crossing.sales_at_marketing
            sentence = (_("{quarter}: {count} of marketing attended sales training; the plan's "
                          "target is {target}.") if team is Team.SALES else
                        _("{quarter}: {count} of sales attended marketing training; the plan's "
                          "target is {target}."))
            out.append(Finding("rides", None, sentence.format(quarter=crossing.quarter,
                                                              count=got, target=target)))
    return out
