"""Sample plans with real-looking content: `tandem demo` and first start."""

import random
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from planner.changes import ChangeSet, added, changed
from planner.model import (
    FieldRide, FunnelStage, Goal, HotButton, Message, Metric, MetricGoal, MetricValue,
    NonWorkingDay, Person, Plan, Record, Review, ReviewAction, ReviewLink, utc_now)
from planner.model import CheckIn, Training, TrainingSeat
from planner.model.actor import Actor
from planner.model.enums import (
    Cadence, EngagedTeam, GoalStatus, MetricDirection, RideDirection, RideStatus, Team)
from planner.operations.rows import new
from planner.rules.rides import periods
from planner.rules.roles import actor_for
from planner.rules.signoff import signed, withdrawn
from planner.store.plan_store import PlanStore

SIZES = {"small": dict(people=14, goals=12, rides=56, metrics=8, periods=12, messages=12),
         "large": dict(people=40, goals=120, rides=600, metrics=60, periods=24, messages=200),
         # For the benchmark's scaling table: ten and a hundred times the rides.
         "rides6000": dict(people=400, goals=120, rides=6000, metrics=60, periods=24,
                           messages=200),
         "rides60000": dict(people=4000, goals=120, rides=60000, metrics=60, periods=24,
                            messages=200)}

FIRST = ["Amara", "Bjorn", "Chiara", "Dmitri", "Elena", "Farid", "Grace", "Hiroshi", "Ines",
         "Jonas", "Kateryna", "Luca", "Maya", "Niko", "Olivia", "Pavel", "Quinn", "Rosa",
         "Sven", "Tomasz", "Uma", "Viktor", "Wen", "Ximena", "Yusuf", "Zoe", "Anders",
         "Beatriz", "Cem", "Daria", "Emil", "Fatima", "Gustav", "Hana", "Ivo", "Jana",
         "Kofi", "Lea", "Marek", "Noor"]
LAST = ["Okafor", "Lindqvist", "Romano", "Petrov", "Vasquez", "Haddad", "Whitfield", "Tanaka",
        "Moreau", "Becker", "Shevchenko", "Bianchi", "Patel", "Virtanen", "Hughes", "Novak",
        "Fischer", "Costa", "Karlsson", "Kowalski", "Iyer", "Horvath", "Zhang", "Ortega",
        "Demir", "Nakamura", "Berg", "Almeida", "Yilmaz", "Sokolova"]
TERRITORIES = ["DACH", "Nordics", "Benelux", "UK & Ireland", "France", "Iberia", "Italy", "CEE"]
SALES_ROLES = ["Account executive", "Regional sales manager", "Key account manager",
               "Sales engineer", "Inside sales rep"]
MARKETING_ROLES = ["Product marketing manager", "Demand generation lead", "Content strategist",
                   "Field marketing manager", "Marketing operations analyst"]
GOALS = [
    ("Lift marketing-qualified lead acceptance", "Sales accepts at least 70% of MQLs within 2 days"),
    ("One message for the mid-market segment", "3 value messages approved by both teams by the due date"),
    ("Shorten the sales cycle for new logos", "Median cycle down from 94 to 75 days"),
    ("Every marketer rides with sales", "Each marketer spends 2 field days per quarter with sales"),
    ("Grow pipeline from events", "EUR 2.4M qualified pipeline sourced at events"),
    ("Win back lapsed accounts", "12 lapsed accounts reactivated"),
    ("Close the loop on lost deals", "80% of lost deals get a joint review within 10 days"),
    ("Launch the partner referral programme", "25 referred opportunities"),
    ("Raise win rate against the main competitor", "Win rate from 31% to 40%"),
    ("Customer proof for every hot button", "1 reference story for each of the top 10 hot buttons"),
    ("Faster follow-up on inbound demos", "95% of demo requests called within 4 hours"),
    ("Expand in the installed base", "EUR 1.1M upsell revenue from 40 accounts"),
]
# Why each goal matters to both teams, in the words a VP would write.
WHY = [
    "Leads that sales never works waste marketing's budget and sales' trust in it.",
    "Reps who improvise their own pitch leave the customer with five different stories.",
    "Every week a deal sits open costs forecast accuracy and reps' time.",
    "Marketers who have heard the customer write messages that land.",
    "Events cost a third of the budget; they must show in the pipeline both teams count.",
    "Former customers know us: the cheapest revenue we are not asking for.",
    "We lose deals for reasons neither team writes down, so we lose them again.",
    "Partners bring trust we cannot buy; neither team can run the programme alone.",
    "The main competitor wins on a story, not on the product: a story both teams can fix.",
    "A customer's own words convince buyers more than anything marketing writes.",
    "A demo request answered the next day has often gone to a competitor.",
    "Customers who grow with us are the proof every new deal asks for.",
]
REWARDS = ["Joint team offsite", "Shared quarterly bonus pool", "Customer summit tickets for both teams",
           "Recognition at the company kickoff"]
STAGES = [("Aware", EngagedTeam.MARKETING), ("Engaged", EngagedTeam.MARKETING),
          ("Marketing-qualified", EngagedTeam.MARKETING), ("Sales-accepted", EngagedTeam.BOTH),
          ("Opportunity", EngagedTeam.SALES), ("Proposal", EngagedTeam.SALES),
          ("Won", EngagedTeam.SALES), ("Expanding", EngagedTeam.BOTH)]
# Company-wide monthly metrics: name, unit, baseline, target (a target below
# the baseline means lower is better), the stage it is counted at, definition.
# The counts follow the funnel above: about 58% of MQLs accepted today, 70% wanted.
METRICS: list[tuple[str, str, float, float, str, str]] = [
    ("Marketing-qualified leads", "count", 110, 140, "Marketing-qualified",
     "Leads that meet the written MQL criteria, counted monthly in the CRM."),
    ("Sales-accepted leads", "count", 64, 98, "Sales-accepted",
     "MQLs a rep accepted within 2 working days, counted monthly in the CRM."),
    ("MQL acceptance rate", "%", 58, 70, "Sales-accepted",
     "Sales-accepted leads as a share of the month's marketing-qualified leads."),
    ("Opportunities created", "count", 38, 57, "Opportunity",
     "New opportunities with a named buyer, a budget and a close date."),
    ("Pipeline value", "EUR", 1_800_000, 2_600_000, "Opportunity",
     "Sum of open qualified opportunities at month end, unweighted."),
    ("Win rate", "%", 31, 40, "Won",
     "Deals won as a share of deals closed (won or lost) in the month."),
    ("Average deal size", "EUR", 38_000, 42_000, "Won",
     "First-year contract value of the month's won deals, averaged."),
    ("Sales cycle length", "days", 94, 75, "Won",
     "Median days from opportunity created to contract signed, new logos only."),
    ("Demo follow-up time", "hours", 26, 4, "Marketing-qualified",
     "Median working hours from a demo request to the first call."),
    ("Event-sourced pipeline", "EUR", 1_500_000, 2_400_000, "Opportunity",
     "Qualified pipeline sourced at events over the last twelve months."),
]
# The metrics that add up across territories (the rest are rates and averages).
SUMMED = ("Marketing-qualified leads", "Sales-accepted leads", "Opportunities created",
          "Pipeline value", "Event-sourced pipeline")
# What measures each goal, best first; a goal takes the first two the plan has.
GOAL_METRICS = {
    "Lift marketing-qualified lead acceptance": ("MQL acceptance rate", "Sales-accepted leads"),
    "One message for the mid-market segment": ("Win rate", "Opportunities created"),
    "Shorten the sales cycle for new logos": ("Sales cycle length",),
    # Marketers who hear buyers first-hand write leads sales accepts.
    "Every marketer rides with sales": ("MQL acceptance rate",),
    "Grow pipeline from events": ("Event-sourced pipeline", "Pipeline value"),
    "Win back lapsed accounts": ("Opportunities created", "Pipeline value"),
    "Close the loop on lost deals": ("Win rate",),
    "Launch the partner referral programme": ("Opportunities created", "Pipeline value"),
    "Raise win rate against the main competitor": ("Win rate",),
    "Customer proof for every hot button": ("Win rate", "Sales cycle length"),
    "Faster follow-up on inbound demos": ("Demo follow-up time", "Sales-accepted leads"),
    "Expand in the installed base": ("Average deal size", "Pipeline value"),
}
# Prospects a ride visits, three per territory (in TERRITORIES' order).
ACCOUNTS = [("Brenner Logistik", "Alpenwerk Maschinenbau", "Rheinland Versicherung"),
            ("Fjordline Shipping", "Norrsken Energi", "Halvorsen Retail"),
            ("Van Dijk Foods", "Scheldt Port Services", "Brabant Zorg"),
            ("Harrowgate Media", "Ironbridge Bank", "Liffey Telecom"),
            ("Groupe Marceau", "Vauban Industrie", "Loire Assurances"),
            ("Miralles Retail", "Douro Logistics", "Sierra Foods"),
            ("Tessitura Baldini", "Banca del Garda", "Lombarda Cargo"),
            ("Vltava Pharma", "Danube Components", "Tatra Machinery")]
OBJECTIVES = ["Hear how buyers describe the problem in their own words",
              "Test the new mid-market value message in first meetings",
              "Learn why deals stall after the demo",
              "Sit in on renewal conversations and note what customers value",
              "See how buyers react to the finance business case",
              "Meet the partners who refer deals in this territory",
              "Find out what buyers compare us against, and why",
              "Follow a proposal meeting from preparation to follow-up"]
MARKETING_CHANGES = [
    "Lead the mid-market deck with the finance case, not the feature tour.",
    "Write a one-page CFO brief with a payback example in euros.",
    "Rework the integrations page around the systems buyers named: CRM, billing, support.",
    "Add a migration story for buyers still tied to an incumbent contract.",
    "Send event leads with the session they attended, so reps open on the right topic.",
    "Refresh the reference list for this territory; two stories are over a year old.",
    "Cut the demo request form to four fields; buyers stopped at the budget question.",
    "Record a ten-minute onboarding walkthrough for the buyer's project lead."]
SALES_CHANGES = [
    "Bring a customer proof from the same industry to every second meeting.",
    "Ask for the incumbent's renewal date in the first call and log it in the CRM.",
    "Invite the buyer's finance lead to the second meeting, not the last one.",
    "Log why every lost deal was lost within a week, in the buyer's words.",
    "Use the approved deck as it is and send edits to marketing, not a private copy.",
    "Call demo requests back the same morning; one account went quiet after two days.",
    "Hand over an onboarding plan with the proposal: a named lead and dates.",
    "Book a value review three months after go-live with every new customer."]
# Other notes, naming the ride's territory and its two accounts.
DEBRIEFS = [
    "Three meetings in {territory}: {first} is ready to talk budget, {second} is still "
    "comparing vendors.",
    "{first} brought their head of finance; {second} moved our meeting to next month.",
    "Good visit in {territory}; {second} asked for a reference call with a customer of "
    "their size.",
    "{first} is on the incumbent until next spring; we agreed to meet before the renewal.",
    "Both accounts want a second meeting with their IT lead in the room; {second} first.",
    "{first} wants a pilot at one site; {second} needs a security review before anything "
    "else.",
    "Quiet trip in {territory}: {first} cancelled on the day, {second} was a strong first "
    "meeting.",
    "{second} is a lapsed customer who left over onboarding and would look at us again."]

class _Builder:
    def __init__(self, size: str, seed: int) -> None:
        self.n = SIZES[size]
        self.rng = random.Random(seed)
        self.start = date(2027, 1, 1)
        self.end = date(2027 + (self.n["periods"] - 1) // 12, 12, 31)
        self.rows: list[Record] = []
        # Metric ids by (name, territory); None for the company-wide metric.
        self.metric_ids: dict[tuple[str, str | None], str] = {}

    def add(self, kind: type[Record], **values: Any) -> str:
        row = new(kind, **values)
        self.rows.append(row)
        return row.id

    def trainings(self, sales: list[str], marketing: list[str]) -> None:
        """Each team's training, the other team invited: a sales methodology
        course held in the first quarter (who came is recorded), then one of
        marketing's and one more of sales' later in the year, seats taken."""
        courses = [
            (Team.SALES, "MEDDICC for both teams", "MEDDICC qualification", "Priya Raman",
             date(2027, 2, 9), date(2027, 2, 10), RideStatus.DONE),
            (Team.MARKETING, "Our messaging house", "Value messaging and proof points",
             "Mira Svensson", date(2027, 5, 18), date(2027, 5, 18), RideStatus.PLANNED),
            (Team.SALES, "Discovery calls that find the pain", "Challenger discovery",
             "Priya Raman", date(2027, 9, 14), date(2027, 9, 15), RideStatus.CONFIRMED),
        ]
        for n, (team, title, method, trainer, first, last, status) in enumerate(courses):
            own, other = (sales, marketing) if team is Team.SALES else (marketing, sales)
            training = self.add(Training, title=title, run_by=team, methodology=method,
                                trainer=trainer, first_day=first, last_day=last, status=status)
            guests = other[n % 2::2][:3]  # a few of the other team, not always the same
            seated = own[:4] + guests
            for person in seated:  # one of its own team missed the held one
                attended = status is RideStatus.DONE and person != seated[min(3, len(seated) - 1)]
                self.add(TrainingSeat, training_id=training, person_id=person, attended=attended)

    def people(self) -> tuple[list[str], list[str]]:
        sales: list[str] = []
        marketing: list[str] = []
        for i in range(self.n["people"]):
            team = Team.SALES if i % 2 == 0 else Team.MARKETING
            name = f"{FIRST[i % len(FIRST)]} {LAST[(i * 7) % len(LAST)]}"
            if i >= len(FIRST):  # the benchmark's thousands of people stay tellable apart
                name += f" {i // len(FIRST) + 1}"
            roles = SALES_ROLES if team is Team.SALES else MARKETING_ROLES
            role = ("VP Sales" if i == 0 else "VP Marketing" if i == 1
                    else roles[i % len(roles)])
            email = name.lower().replace(" ", ".") + "@northwind-analytics.example"
            pid = self.add(Person, name=name, team=team, role=role,
                           territory=TERRITORIES[i % len(TERRITORIES)], email=email)
            (sales if team is Team.SALES else marketing).append(pid)
        return sales, marketing

    def goals(self, sales: list[str], marketing: list[str]) -> None:
        for i in range(self.n["goals"]):
            title, measure = GOALS[i % len(GOALS)]
            if i >= len(GOALS):
                title = f"{title} ({TERRITORIES[i % len(TERRITORIES)]}, wave {i // len(GOALS) + 1})"
            agreed = i % 3 != 2
            now = utc_now()
            goal = new(Goal, title=title, description=WHY[i % len(WHY)],
                       success_measure=measure, position=i,
                       due_date=self.start + timedelta(days=60 + 23 * (i % 14)),
                       status=GoalStatus.ACTIVE if agreed else GoalStatus.PROPOSED,
                       proposed_by=Team.SALES if i % 2 else Team.MARKETING,
                       sales_owner_id=sales[i % len(sales)],
                       marketing_owner_id=marketing[i % len(marketing)],
                       shared_reward=REWARDS[i % len(REWARDS)])
            if agreed:
                goal = signed(goal, "sales", sales[0], now)
            if agreed or i % 6 == 2:
                goal = signed(goal, "marketing", marketing[0], now)
            self.rows.append(goal)

    def check_ins(self) -> None:
        """Four check-ins, two weeks apart, on each agreed goal, by its owners
        in turn. Their own random numbers: the rest of the sample stays as it was."""
        better = ["First numbers are in; on plan.", "Picked up after the spring campaign.",
                  "Ahead of the straight line.", "The new lead routing is paying off."]
        worse = ["Slower than we hoped in two territories.", "Two big accounts slipped to "
                 "next quarter.", "Waiting on the new lead routing.", "Lost a partner "
                 "event; looking for another."]
        rng = random.Random(11)
        goals = [g for g in self.rows if isinstance(g, Goal) and g.status is GoalStatus.ACTIVE]
        for i, goal in enumerate(goals):
            confidence = 5 + i % 4
            for k in range(4):
                day = self.start + timedelta(days=19 + 14 * k + i % 5)
                was = confidence
                confidence = max(2, min(10, confidence + rng.choice((-1, 0, 0, 1))))
                notes = worse if confidence < was else better
                self.add(CheckIn, goal_id=goal.id, checked_on=day,
                         progress=float(min(100, 6 + 7 * k + (i * 7) % 15)), confidence=confidence,
                         note=notes[(i + k) % len(notes)],
                         author_id=goal.sales_owner_id if k % 2 == 0 else goal.marketing_owner_id)

    def holidays(self) -> None:
        """Holidays and the company kickoff, all on working days: a holiday on
        a weekend costs no working day, so it would not change any calendar."""
        for year in range(self.start.year, self.end.year + 1):
            easter = _easter(year)
            january_1 = date(year, 1, 1)
            kickoff = january_1 + timedelta(days=(3 - january_1.weekday()) % 7 + 14)
            # (day, occasion, moved to the next working day when on a weekend)
            days = ((january_1, "New Year's Day", True),
                    (kickoff, "Company kickoff (third Thursday of January)", False),
                    (easter - timedelta(days=2), "Good Friday", False),
                    (easter + timedelta(days=1), "Easter Monday", False),
                    (date(year, 5, 1), "Labour Day", True),
                    (date(year, 12, 24), "Christmas Eve", False),
                    (date(year, 12, 25), "Christmas Day", True),
                    (date(year, 12, 26), "Boxing Day", True),
                    (date(year, 12, 31), "New Year's Eve", False))
            taken: set[date] = set()
            for day, occasion, moves in days:
                if day.weekday() >= 5:
                    if not moves:
                        continue
                    while day.weekday() >= 5 or day in taken:
                        day += timedelta(days=1)
                    occasion += " (day off in lieu)"
                assert day.weekday() < 5, (day, occasion)
                taken.add(day)
                self.add(NonWorkingDay, day=day, occasion=occasion)

    def rides(self, sales: list[str], marketing: list[str]) -> None:
        """Each person visits the other team every quarter, on days both are
        free: no conflicts, targets met, the two directions in balance."""
        busy: dict[str, set[date]] = {p: set() for p in sales + marketing}
        holidays = {r.day for r in self.rows if isinstance(r, NonWorkingDay)}
        quarters = periods(self.start, self.end, 3)
        visitors = [(p, RideDirection.MARKETING_WITH_SALES, sales) for p in marketing] + [
            (p, RideDirection.SALES_WITH_MARKETING, marketing) for p in sales]
        per_quarter = -(-self.n["rides"] // (len(visitors) * len(quarters)))
        made = 0
        for q, (_, q_start, q_end) in enumerate(quarters):
            for round_ in range(per_quarter):
                for i, (visitor, direction, hosts) in enumerate(visitors):
                    if made == self.n["rides"]:
                        return
                    host = hosts[(i + q + round_) % len(hosts)]
                    days = self._free_days(busy[visitor] | busy[host] | holidays,
                                           q_start, q_end, 2 + (i + q) % 2)
                    if days:
                        busy[visitor].update(days)
                        busy[host].update(days)
                        self._ride(visitor, host, direction, days, q, round_, made)
                        made += 1

    def _free_days(self, taken: set[date], start: date, end: date, length: int) -> list[date]:
        """`length` consecutive working days in [start, end] that nobody took."""
        for _ in range(40):
            day = start + timedelta(days=self.rng.randrange((end - start).days - 6))
            days: list[date] = []
            while len(days) < length and day <= end:
                if day.weekday() < 5:
                    if day in taken:
                        break
                    days.append(day)
                day += timedelta(days=1)
            if len(days) == length:
                return days
        return []

    def _ride(self, visitor: str, host: str, direction: RideDirection, days: list[date],
              quarter: int, round_: int, n: int) -> None:
        past = quarter < 2
        status = (RideStatus.CANCELLED if round_ and n % 9 == 0 else RideStatus.DONE if past
                  else RideStatus.CONFIRMED if quarter < 4 else RideStatus.PLANNED)
        done = status is RideStatus.DONE
        # Texts picked by the ride's number, not self.rng, so the ride dates
        # drawn after this one stay the same. Each list is stepped through at
        # its own offset and shifted every eight rides, so territories,
        # problems and changes do not always come in the same combinations.
        t = n % len(TERRITORIES)
        first, second = (ACCOUNTS[t][(n // len(TERRITORIES) + k) % 3] for k in (0, 1))
        shift = n // 8
        problem = (n + shift) % len(LIBRARY)  # what the customer raised, and asked about
        ride = self.add(FieldRide, first_day=days[0], last_day=days[-1], direction=direction,
                        visitor_id=visitor, host_id=host, status=status,
                        territory=TERRITORIES[t], accounts=f"{first}, {second}",
                        objective=OBJECTIVES[(n + 3 * shift + 1) % 8],
                        customers_asked=ASKED[problem] if done else "",
                        marketing_changes=MARKETING_CHANGES[(n + 5 * shift + 2) % 8]
                        if done else "",
                        sales_changes=SALES_CHANGES[(n + 7 * shift + 5) % 8] if done else "",
                        debrief=DEBRIEFS[(n + 2 * shift) % 8].format(
                            territory=TERRITORIES[t], first=first, second=second)
                        if done else "")
        if done:
            # Worded as the library's problem, so the approved message answers it.
            self.add(HotButton, field_ride_id=ride, words=_heard(LIBRARY[problem][0]))

    def funnel_and_metrics(self) -> None:
        rates = (0.4, 0.5, 0.7, 0.6, 0.5, 0.35, 1.0, None)
        stage_ids = [self.add(FunnelStage, name=name, position=i, engaged_team=team,
                              entry_definition=f"Both teams agree a lead is {name.lower()} when "
                                               "it meets the written criteria.",
                              handoff_service_level="Sales follows up within 2 working days"
                              if name == "Marketing-qualified" else
                              "The next team picks it up within 2 working days",
                              return_service_level="Marketing re-nurtures a returned lead "
                              "within 5 working days" if name == "Sales-accepted" else "",
                              send_back_reasons="No budget this year; wrong contact; "
                              "duplicate" if name == "Sales-accepted" else "",
                              conversion_rate=rates[i])
                     for i, (name, team) in enumerate(STAGES)]
        self.stage_ids = stage_ids
        stage_of = {name: stage_ids[i] for i, (name, _) in enumerate(STAGES)}
        for i in range(self.n["metrics"]):
            base, unit, baseline, target, stage, definition = METRICS[i % len(METRICS)]
            name, territory = base, None
            if i >= len(METRICS):
                # One territory's copy, each copy of a metric in another territory:
                # totals are its share of the company's, rates and averages its own.
                territory = TERRITORIES[(i + i // len(METRICS)) % len(TERRITORIES)]
                name = f"{base}, {territory}"
                definition = f"{definition} {territory} only."
                scale = ((0.7 + 0.15 * (i % 5)) / len(TERRITORIES) if base in SUMMED
                         else 0.9 + 0.05 * (i % 5))
                baseline, target = (_rounded(unit, v * scale) for v in (baseline, target))
            lower = target < baseline
            mid = self.add(Metric, name=name, definition=definition,
                           reported_by=EngagedTeam.BOTH, unit=unit, cadence=Cadence.MONTHLY,
                           direction=MetricDirection.LOWER_IS_BETTER if lower
                           else MetricDirection.HIGHER_IS_BETTER,
                           funnel_stage_id=stage_of[stage], baseline=float(baseline),
                           target=float(target))
            self.metric_ids.setdefault((base, territory), mid)
            # Actuals for the first half of the plan, at three paces: on track,
            # at risk, off track (see docs/metric-status.md). Half way through,
            # the paces land mid-band (progress about 52%, 30% and 10%), so the
            # noise and the rounding to the unit do not change the status.
            pace = (1.05, 0.6, 0.2)[i % 3]
            for p in range(self.n["periods"] // 2):
                share = (p + 1) / self.n["periods"] * pace + self.rng.uniform(-0.01, 0.01)
                self.add(MetricValue, metric_id=mid, period=f"{2027 + p // 12}-{p % 12 + 1:02d}",
                         actual=_rounded(unit, baseline + (target - baseline) * share))

    def goal_metrics(self) -> None:
        """Each goal measured by the metrics that say whether it is met: its
        territory's copy where the plan has one."""
        for i, goal in enumerate(r for r in self.rows if isinstance(r, Goal)):
            base = GOALS[i % len(GOALS)][0]
            territory = TERRITORIES[i % len(TERRITORIES)] if i >= len(GOALS) else None
            found = [self.metric_ids.get((name, territory)) or self.metric_ids.get((name, None))
                     for name in GOAL_METRICS[base]]
            for metric_id in [m for m in found if m][:2]:
                self.add(MetricGoal, metric_id=metric_id, goal_id=goal.id)

    def messages_and_reviews(self, sales: list[str], marketing: list[str]) -> None:
        now = utc_now()
        goal_ids = [r.id for r in self.rows if isinstance(r, Goal)]
        review = self.add(Review, held_on=self.start + timedelta(days=90),
                          what_happened="Lead follow-up slipped during the trade-show month.",
                          what_we_learned="The routing rule sent event leads to a shared "
                                          "inbox.",
                          what_we_change="Event leads route to the territory owner within "
                                         "one hour.")
        self.add(ReviewLink, review_id=review, funnel_stage_id=self.stage_ids[1])
        self.add(ReviewLink, review_id=review, goal_id=goal_ids[4 % len(goal_ids)])
        self.add(ReviewAction, review_id=review, action="Route event leads to the territory "
                 "owner", owner_id=marketing[-1], due_date=self.start + timedelta(days=104))
        self.add(ReviewAction, review_id=review, action="Check every Monday that no lead "
                 "waits in the shared inbox", owner_id=sales[-1],
                 due_date=self.start + timedelta(days=97), done=True)
        # The library: one message approved by both sides for every stage of
        # the funnel, then drafts still being written (approved by nobody yet).
        hot_buttons = [r for r in self.rows if isinstance(r, HotButton)]
        for i in range(self.n["messages"]):
            problem, value, proof = LIBRARY[i % len(LIBRARY)]
            if i >= len(LIBRARY):
                problem = f"{problem} ({SEGMENTS[i % len(SEGMENTS)].lower()})"
            heard = [h for h in hot_buttons if h.words == _heard(LIBRARY[i % len(LIBRARY)][0])]
            message = new(Message, customer_problem=problem,
                          value_message=value if i < len(LIBRARY) or i % 2 else "",
                          proof_point=proof if i < len(LIBRARY) else "",
                          source="Field ride" if heard else "Marketing research",
                          field_ride_id=heard[0].field_ride_id if heard else None,
                          segment=SEGMENTS[i % len(SEGMENTS)],
                          funnel_stage_id=self.stage_ids[i % len(self.stage_ids)],
                          owner_id=marketing[i % len(marketing)],
                          review_id=review if i == 1 else None)
            if i < len(LIBRARY):
                message = signed(signed(message, "sales", sales[0], now),
                                 "marketing", marketing[0], now)
                for hot in heard:
                    self.rows[self.rows.index(hot)] = hot._replace(message_id=message.id)
            self.rows.append(message)


def _rounded(unit: str, value: float) -> float:
    """A value as the unit is reported: whole leads, days and hours, euros to
    the hundred (thousand above 100,000), rates to one decimal."""
    if unit == "%":
        return round(value, 1)
    if unit == "EUR":
        step = 1000 if abs(value) >= 100_000 else 100
        return float(round(value / step) * step)
    return float(round(value))


def _easter(year: int) -> date:
    """Easter Sunday in the Gregorian calendar (the anonymous algorithm)."""
    a = year % 19
    b, c = divmod(year, 100)
    d, e = divmod(b, 4)
    g = (b - (b + 8) // 25 + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    weekday = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * weekday) // 451
    month, day = divmod(h + weekday - 7 * m + 114, 31)
    return date(year, month, day + 1)


def _heard(problem: str) -> str:
    """A library problem as a customer said it on a ride."""
    return problem.replace("Our", "My", 1)


# The approved library, one message per funnel stage: the customer's
# problem in their words, the value message, the proof.
LIBRARY = [
    ("We cannot see which campaigns actually create revenue",
     "See revenue by campaign in one dashboard, from first touch to signed deal.",
     "Helios Freight tied 92% of new pipeline to its source campaign in the first month."),
    ("Our reps spend Fridays rebuilding the same slide deck",
     "Every rep starts from the same approved story, kept current by marketing.",
     "Reps at Larkspur Health got four hours a week back."),
    ("Our data lives in five systems that do not talk",
     "One model of the customer across CRM, billing and support.",
     "Connectors for the 40 systems our customers use most, live in a day."),
    ("Finance asks for a business case we cannot build",
     "A business case built from your own numbers, ready for the CFO.",
     "The average case pays back in 7 months (12 customers, 2026)."),
    ("The incumbent locks us in with a three-year contract",
     "Start small beside the incumbent and switch when the contract ends.",
     "Three of our last ten customers ran both tools for a quarter."),
    ("Onboarding a new site takes a quarter",
     "A new site is live in two weeks with a named onboarding lead.",
     "Median time to live across 2026 projects: 11 working days."),
    ("We cannot prove the tool paid for itself",
     "A quarterly value review in the customer's own numbers.",
     "Every renewal in 2026 came with a value review the buyer signed."),
    ("Each new team wants its own reports",
     "Teams build their own views on one shared definition of revenue.",
     "Kestrel Bank runs 60 team views on one revenue model."),
]

# What customers asked on a ride where they raised LIBRARY's problem of the
# same position.
ASKED = ["How fast can we see revenue by campaign, including deals sales sourced?",
         "Can our reps edit the approved deck, or does every change go through marketing?",
         "Do you connect to our billing system, or is it a CSV export every week?",
         "Can you give us numbers our CFO will accept before the budget round?",
         "Can we run you beside our current tool until that contract ends?",
         "Who runs the rollout on our side, and how many of our people does it take?",
         "How do we show the board at renewal that this paid for itself?",
         "Can each country team keep its own reports without breaking the group numbers?"]
assert len(ASKED) == len(LIBRARY)
assert len(OBJECTIVES) == len(MARKETING_CHANGES) == len(SALES_CHANGES) == len(DEBRIEFS) == 8

SEGMENTS = ["Mid-market CFO", "Enterprise marketing ops", "Regional sales director"]


def write_sample(path: Path, size: str = "small", seed: int = 7) -> PlanStore:
    """Create a sample plan at `path` (which must not exist) and return it open."""
    b = _Builder(size, seed)
    sales, marketing = b.people()
    b.goals(sales, marketing)
    b.check_ins()
    b.holidays()
    b.rides(sales, marketing)
    b.funnel_and_metrics()
    b.goal_metrics()
    b.messages_and_reviews(sales, marketing)
    b.trainings(sales, marketing)
    plan = new(Plan, title="Northwind go-to-market plan 2027", company="Northwind Analytics",
               period_start=b.start, period_end=b.end,
               purpose="Sales and marketing commit to one funnel, shared goals and one message "
                       "to the customer, and ride together in the field every quarter.",
               head_of_sales_id=sales[0], head_of_marketing_id=marketing[0],
               marketing_days_per_quarter=2, sales_days_per_half=4, max_direction_ratio=1.5,
               revenue_target=4_800_000.0, average_deal_size=40_000.0,
               training_seats_per_quarter=2)
    return PlanStore.build(path, _history(size, plan, b.rows))


def _history(size: str, plan: Plan, rows: list[Record]) -> list[tuple[ChangeSet, Actor]]:
    """The sample plan as its people wrote it: the head of marketing sets it
    up, each side adds its part, and each head signs for their side."""
    people = {p.id: p for p in rows if isinstance(p, Person)}
    by_team = {team: [p for p in people.values() if p.team is team]
               for team in (Team.SALES, Team.MARKETING)}
    sales_head = actor_for(people[plan.head_of_sales_id or ""])
    marketing_head = actor_for(people[plan.head_of_marketing_id or ""])
    sales_editor = actor_for(by_team[Team.SALES][1 % len(by_team[Team.SALES])])
    marketing_editor = actor_for(by_team[Team.MARKETING][1 % len(by_team[Team.MARKETING])])
    unsigned = [withdrawn(r) if isinstance(r, Goal) else withdrawn(r) if isinstance(r, Message)
                else r for r in rows]
    parts: dict[str, list[Record]] = {"start": [plan], "goals": [], "rides": [], "funnel": [],
                                      "library": [], "check_ins": [], "training": []}
    for row in unsigned:
        kind = type(row)
        part = ("start" if kind in (Person, NonWorkingDay) else
                "goals" if kind is Goal else
                "check_ins" if kind is CheckIn else
                "rides" if kind is FieldRide else
                "training" if kind in (Training, TrainingSeat) else
                "library" if kind in (Message, HotButton, Review, ReviewLink, ReviewAction)
                else "funnel")
        parts[part].append(row)
    steps = [(ChangeSet(f"Write the {size} sample plan", tuple(added(r) for r in parts["start"])),
              marketing_head),
             (ChangeSet("Add the goals", tuple(added(r) for r in parts["goals"])), sales_head),
             (ChangeSet("Plan the field rides", tuple(added(r) for r in parts["rides"])),
              sales_editor),
             (ChangeSet("Add the funnel and its metrics",
                        tuple(added(r) for r in parts["funnel"])), marketing_editor),
             (ChangeSet("Write the message library, the hot buttons heard and the first "
                        "review",
                        tuple(added(r) for r in parts["library"])), marketing_editor)]
    for side, head in (("sales", sales_head), ("marketing", marketing_head)):
        for kind, verb in ((Goal, "Sign off {n} goals for {side}"),
                           (Message, "Approve {n} messages for {side}")):
            was = {r.id: r for r in unsigned if isinstance(r, kind)}
            signed_rows = [r for r in rows if isinstance(r, kind)
                           and getattr(r, f"{side}_signed_at") is not None]
            if signed_rows:
                steps.append((ChangeSet(verb.format(n=len(signed_rows), side=side), tuple(
                    changed(was[r.id], _signed_on(was[r.id], r, side)) for r in signed_rows),
                    exact=True), head))
                for r in signed_rows:
                    was[r.id] = _signed_on(was[r.id], r, side)
                unsigned = [was.get(r.id, r) if isinstance(r, kind) else r for r in unsigned]
    steps.append(_crm_export(size, plan, people,
                             [r for r in rows if isinstance(r, FunnelStage)], marketing_editor))
    steps.append((ChangeSet("Plan joint training", tuple(added(r) for r in parts["training"])),
                  sales_editor))
    if parts["check_ins"]:
        steps.append((ChangeSet("Check in on the agreed goals",
                                tuple(added(r) for r in parts["check_ins"])), sales_head))
    return steps


CRM_LEADS = {"small": 1500, "large": 12000}  # the bigger benchmark plans take the large one


def _crm_export(size: str, plan: Plan, people: dict[str, Person], stages: list[FunnelStage],
                actor: Actor) -> tuple[ChangeSet, Actor]:
    """The five months of leads before the plan's year, from the CRM as
    HubSpot exports them, taken in as anyone would (written as a file, read
    back): so the first start shows the handoff measured, with one territory
    missing the promise more than the others."""
    import tempfile

    from planner.imports import crm_sample
    from planner.imports.crm_flow import prepare
    from planner.operations import crm

    sales = [p for p in people.values() if p.team is Team.SALES]
    months = 5  # July to November before a January start: a month before the plan
    first = plan.period_start.month - months - 2  # months back, from January as 0
    start = date(plan.period_start.year + first // 12, first % 12 + 1, 1)
    regions = sorted({p.territory for p in sales if p.territory}) or ["All"]
    rows = list(crm_sample.leads(start, months, CRM_LEADS.get(size, CRM_LEADS["large"]), [p.name for p in sales],
                                 regions, regions[0]))
    # Deals of those leads, none closed after the leads' last month (the
    # sample is read in December: a deal closed later is still open).
    last_day = date(plan.period_start.year - 1, 11, 30)
    deals = [d if d.closed_on is None or d.closed_on <= last_day else
             replace(d, stage=crm_sample.STAGES[2][0], outcome=crm_sample.STAGES[2][1],
                     closed_on=None)
             for d in crm_sample.deals(rows) if d.created_at.date() <= last_day]
    with tempfile.TemporaryDirectory(prefix="tandem-sample-") as folder:
        export = Path(folder) / "hubspot-contacts.csv"
        crm_sample.write_contacts(export, rows)
        made = prepare(export, "hubspot", "Europe/Berlin")
        deal_export = Path(folder) / "hubspot-deals.csv"
        crm_sample.write_deals(deal_export, deals)
        made_deals = prepare(deal_export, "hubspot", "Europe/Berlin")
    leads_in, _ = crm.take_in_export(actor, made, "hubspot-contacts.csv")
    deals_in, _ = crm.take_in_export(actor, made_deals, "hubspot-deals.csv")
    stage = next((s for s in stages if s.name == "Marketing-qualified"), None)
    won = next((s for s in stages if s.name == "Won"), None)
    measured = [new(Metric, name="MQLs followed up within the promise", unit="%",
                    computed="handoff_kept", baseline=90.0, target=95.0,
                    funnel_stage_id=stage.id if stage else None, reported_by=EngagedTeam.BOTH,
                    definition="The share of the month's MQLs a rep followed up within the "
                    "handoff promise (working time), computed from the CRM's contacts."),
                new(Metric, name="Revenue won (CRM)", unit="EUR", computed="revenue_won",
                    baseline=200_000.0, target=400_000.0, reported_by=EngagedTeam.BOTH,
                    funnel_stage_id=won.id if won else None,
                    definition="Amounts of the deals closed won in the month, computed from "
                    "the CRM's deals.")]
    both = ChangeSet(f"{leads_in.label}; take in {len(deals):,} deals; measure the handoff "
                     "from the CRM", (*leads_in.rows, *deals_in.rows,
                                      *(added(m) for m in measured)),
                     attached=(*leads_in.attached, *deals_in.attached))
    return both, actor


def _signed_on(row: Any, signed_row: Any, side: str) -> Any:
    """`row` with `signed_row`'s sign-off for one side."""
    fields = [f"{side}_signed_{f}" for f in ("by_id", "at", "wording")]
    return row._replace(**{f: getattr(signed_row, f) for f in fields})
