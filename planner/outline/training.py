"""Joint training in the document (issue 30): each training with its
attendees of both teams, and the other team's seats quarter by quarter
against the plan's target."""

from datetime import date

from planner.i18n import _, days, ngettext
from planner.model import Person, Training, TrainingSeat
from planner.model.enums import Team, label
from planner.model.reader import PlanReader
from planner.outline.blocks import Facts, Heading, Paragraph, Section, Table
from planner.rules.training import crossings
from planner.sections import section


def _names(people: list[Person]) -> str:
    return ", ".join(sorted((p.name for p in people), key=str.casefold)) or "\u2014"


def training_section(reader: PlanReader, today: date | None = None) -> Section:
    now = today or date.today()
    plan = reader.plan()
    people = {p.id: p for p in reader.rows(Person)}
    trainings = reader.rows(Training)
    seats: dict[str, list[TrainingSeat]] = {}
    for s in reader.rows(TrainingSeat):
        seats.setdefault(s.training_id, []).append(s)
    rows, short = [], []
    for t in trainings:
        mine = [people[s.person_id] for s in seats.get(t.id, ()) if s.person_id in people]
        came = {s.person_id for s in seats.get(t.id, ()) if s.attended}
        by_team = {team: [p for p in mine if p.team is team] for team in (Team.SALES,
                                                                          Team.MARKETING)}
        rows.append((t.title, label(t.run_by), t.methodology or "\u2014",
                     days(t.first_day, t.last_day), t.trainer or "\u2014",
                     _names(by_team[Team.SALES]), _names(by_team[Team.MARKETING]),
                     label(t.status),
                     ngettext("{count} attended", "{count} attended", len(came)).format(
                         count=len(came)) if came else "\u2014"))
        guests = [p for p in mine if p.team is not t.run_by]
        short.append((t.title, label(t.run_by), days(t.first_day, t.last_day),
                      _names(guests), label(t.status)))
    target = plan.training_seats_per_quarter
    quarters = tuple(
        (c.quarter, str(c.marketing_at_sales), str(c.sales_at_marketing),
         (_("met") if not c.short_of(target) else _("missed")) if c.ended and target
         else (_("ahead") if not c.ended else "\u2014"))
        for c in crossings(reader, now))
    return Section("training", _(section("training").title), (
        Paragraph(_("Each team's training, attended by the other team too: marketing at the "
                    "sales methodology training, so that its material matches how sales "
                    "sells, and sales at marketing's, so that it sells what marketing "
                    "says. Attending together counts as a tie on the network.")),
        Facts(((_("Trainings"), str(len(trainings))),
               (_("Target"), _("{count} of the other team at each team's trainings a "
                               "quarter").format(count=target) if target else _("none set")))),
        Table((_("Training"), _("Whose"), _("Methodology"), _("Days"), _("Trainer"),
               _("Sales"), _("Marketing"), _("Status"), _("Attended")),
              tuple(rows), (3, 1.4, 2, 2, 1.6, 2.4, 2.4, 1.3, 1.3),
              empty_text=_("No training planned yet."), on_slides=False),
        Table((_("Training"), _("Whose"), _("Days"), _("The other team"), _("Status")),
              tuple(short), (3, 1.4, 2, 4, 1.4), empty_text=_("No training planned yet."),
              in_document=False),
        Heading(_("The other team at each team's trainings, quarter by quarter")),
        Table((_("Quarter"), _("Marketing at sales training"), _("Sales at marketing training"),
               _("Target")), quarters, (2, 3, 3, 2), empty_text=_("The plan has no quarters."))))
