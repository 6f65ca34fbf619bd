"""Sample plans with real-looking content: `tandem demo` and first start."""

import random
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from planner.changes import ChangeSet, added
from planner.model import (
    FieldRide, FunnelStage, Goal, HotButton, Message, Metric, MetricValue, NonWorkingDay,
    Person, Plan, Record, Review, ReviewAction, ReviewLink, utc_now)
from planner.model.enums import (
    Cadence, EngagedTeam, GoalStatus, MetricDirection, RideDirection, RideStatus, Team)
from planner.operations.rows import new
from planner.rules.rides import periods
from planner.rules.signoff import signed
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
    ("Every marketer rides with sales", "Each marketer spends 4 field days per quarter"),
    ("Grow pipeline from events", "EUR 2.4M qualified pipeline sourced at events"),
    ("Win back lapsed accounts", "12 lapsed accounts reactivated"),
    ("Close the loop on lost deals", "80% of lost deals get a joint review within 10 days"),
    ("Launch the partner referral programme", "25 referred opportunities"),
    ("Raise win rate against the main competitor", "Win rate from 31% to 40%"),
    ("Customer proof for every hot button", "1 reference story for each of the top 10 hot buttons"),
    ("Faster follow-up on inbound demos", "95% of demo requests called within 4 hours"),
    ("Expand in the installed base", "EUR 1.1M upsell revenue from 40 accounts"),
]
REWARDS = ["Joint team offsite", "Shared quarterly bonus pool", "Customer summit tickets for both teams",
           "Recognition at the company kickoff"]
STAGES = [("Aware", EngagedTeam.MARKETING), ("Engaged", EngagedTeam.MARKETING),
          ("Marketing-qualified", EngagedTeam.MARKETING), ("Sales-accepted", EngagedTeam.BOTH),
          ("Opportunity", EngagedTeam.SALES), ("Proposal", EngagedTeam.SALES),
          ("Won", EngagedTeam.SALES), ("Expanding", EngagedTeam.BOTH)]
METRIC_NAMES = ["Marketing-qualified leads", "Sales-accepted leads", "MQL acceptance rate",
                "Opportunities created", "Pipeline value", "Win rate", "Average deal size",
                "Sales cycle length", "Demo follow-up time", "Event-sourced pipeline"]

class _Builder:
    def __init__(self, size: str, seed: int) -> None:
        self.n = SIZES[size]
        self.rng = random.Random(seed)
        self.start = date(2027, 1, 1)
        self.end = date(2027 + (self.n["periods"] - 1) // 12, 12, 31)
        self.rows: list[Record] = []

    def add(self, kind: type[Record], **values: Any) -> str:
        row = new(kind, **values)
        self.rows.append(row)
        return row.id

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
            goal = new(Goal, title=title, description=f"Why it matters: {measure.lower()}.",
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

    def holidays(self) -> None:
        for year in range(self.start.year, self.end.year + 1):
            for day, occasion in ((date(year, 5, 1), "Labour Day"),
                                  (date(year, 12, 24), "Christmas Eve"),
                                  (date(year, 12, 25), "Christmas Day")):
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
        ride = self.add(FieldRide, first_day=days[0], last_day=days[-1], direction=direction,
                        visitor_id=visitor, host_id=host, status=status,
                        territory=TERRITORIES[n % len(TERRITORIES)],
                        accounts=f"Account {100 + n}, Account {300 + n}",
                        objective="Hear how buyers describe the problem in their own words",
                        customers_asked="How fast can we see revenue by campaign?" if done else "",
                        marketing_changes="Lead with the finance case in mid-market decks."
                        if done else "",
                        sales_changes="Bring a customer proof to every second meeting."
                        if done else "")
        if done:
            self.add(HotButton, field_ride_id=ride, words=_heard(LIBRARY[n % 3][0]))

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
        for i in range(self.n["metrics"]):
            name = METRIC_NAMES[i % len(METRIC_NAMES)]
            if i >= len(METRIC_NAMES):
                name = f"{name}, {TERRITORIES[i % len(TERRITORIES)]}"
            lower = name.startswith(("Sales cycle", "Demo follow-up"))
            baseline = 100.0 + 10 * (i % 7)
            mid = self.add(Metric, name=name, definition=f"{name} counted monthly from the CRM.",
                           reported_by=EngagedTeam.BOTH,
                           unit="days" if lower else "count", cadence=Cadence.MONTHLY,
                           direction=MetricDirection.LOWER_IS_BETTER if lower
                           else MetricDirection.HIGHER_IS_BETTER,
                           funnel_stage_id=stage_ids[i % len(stage_ids)], baseline=baseline,
                           target=baseline * (0.8 if lower else 1.3))
            # Actuals for the first half of the plan, at three paces: on track,
            # at risk, off track (see docs/metric-status.md).
            pace = (1.05, 0.75, 0.3)[i % 3]
            target = baseline * (0.8 if lower else 1.3)
            for p in range(self.n["periods"] // 2):
                share = (p + 1) / self.n["periods"] * pace
                self.add(MetricValue, metric_id=mid, period=f"{2027 + p // 12}-{p % 12 + 1:02d}",
                         actual=round(baseline + (target - baseline) * share
                                      + self.rng.uniform(-0.3, 0.3), 1))

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


SEGMENTS = ["Mid-market CFO", "Enterprise marketing ops", "Regional sales director"]


def write_sample(path: Path, size: str = "small", seed: int = 7) -> PlanStore:
    """Create a sample plan at `path` (which must not exist) and return it open."""
    b = _Builder(size, seed)
    sales, marketing = b.people()
    b.goals(sales, marketing)
    b.holidays()
    b.rides(sales, marketing)
    b.funnel_and_metrics()
    b.messages_and_reviews(sales, marketing)
    plan = new(Plan, title="Northwind go-to-market plan 2027", company="Northwind Analytics",
               period_start=b.start, period_end=b.end,
               purpose="Sales and marketing commit to one funnel, shared goals and one message "
                       "to the customer, and ride together in the field every quarter.",
               head_of_sales_id=sales[0], head_of_marketing_id=marketing[0],
               marketing_days_per_quarter=2, sales_days_per_half=4, max_direction_ratio=1.5,
               revenue_target=4_800_000.0, average_deal_size=40_000.0)
    return PlanStore.build(path, ChangeSet(f"Write the {size} sample plan",
                                           tuple(added(r) for r in (plan, *b.rows))))
