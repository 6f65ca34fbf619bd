"""The handoff the two sides agreed, measured from the CRM's leads and deals.

A funnel stage's handoff service level becomes a structured value
(`ServiceLevel`: an amount and its clock, hours, working hours or working
days), read from the sentence the plan already holds where it says one
("within one working day", "4 business hours", "24h") and asked for where
it does not. Working time is the plan's: its working days (weekends off
unless the plan works them), its non-working days, and working hours of a
day (09:00 to 17:00 in the export's time zone unless set), so a lead that
became marketing-qualified on Friday evening is due by Monday's close on a
one-working-day promise.

From the leads: per period (the month the lead was qualified, in that time
zone) the share followed up within the promise, the median and 90th
percentile time to follow-up, the leads never followed up, by owner and by
source; leads sent back by reason; the share reaching each later stage and
the time in each; from the deals: pipeline created and revenue won by source
and campaign. Pure functions over rows: nothing here reads the plan file.
"""

import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from datetime import date, datetime, time, timedelta, timezone
from enum import Enum
from statistics import median
from zoneinfo import ZoneInfo

from planner.i18n import N_, ngettext
from planner.model.crm import DealRow, LeadRow, Outcome
from planner.model.enums import ServiceClock


class Clock(Enum):
    HOURS = "hours"
    WORKING_HOURS = "working hours"
    WORKING_DAYS = "working days"


# The plan's stored clock (FunnelStage.sla_clock) as the rules count it.
CLOCKS = {ServiceClock.HOURS: Clock.HOURS, ServiceClock.WORKING_HOURS: Clock.WORKING_HOURS,
          ServiceClock.WORKING_DAYS: Clock.WORKING_DAYS}


@dataclass(frozen=True)
class ServiceLevel:
    amount: float
    clock: Clock

    def words(self) -> str:
        count = int(self.amount) if float(self.amount).is_integer() else 2
        said = {Clock.HOURS: ngettext("one hour", "{n} hours", count),
                Clock.WORKING_HOURS: ngettext("one working hour", "{n} working hours", count),
                Clock.WORKING_DAYS: ngettext("one working day", "{n} working days", count)}
        return said[self.clock].format(n=f"{self.amount:g}")


_NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
            "seven": 7, "eight": 8, "nine": 9, "ten": 10, "twelve": 12, "twenty-four": 24,
            "forty-eight": 48, "half a": 0.5, "half an": 0.5}
_AMOUNT = r"(\d+(?:[.,]\d+)?|" + "|".join(sorted(map(re.escape, _NUMBERS), key=len,
                                                 reverse=True)) + ")"
_WORKING = r"(?:working|business|work)"
_SLA_FORMS = (
    (re.compile(rf"\b{_AMOUNT}\s*-?\s*{_WORKING}[\s-]*days?\b", re.I), Clock.WORKING_DAYS),
    (re.compile(rf"\b{_AMOUNT}\s*-?\s*{_WORKING}[\s-]*(?:hours?|hrs?|h)\b", re.I),
     Clock.WORKING_HOURS),
    (re.compile(rf"\b{_AMOUNT}\s*-?\s*(?:hours?|hrs?|h)\b", re.I), Clock.HOURS),
    (re.compile(rf"\b{_AMOUNT}\s*-?\s*(?:calendar\s+)?days?\b", re.I), Clock.HOURS),
)
_NEXT_DAY = re.compile(rf"\b(?:next|same|one)\s+{_WORKING}\s+day\b", re.I)


def parse_service_level(text: str) -> ServiceLevel | None:
    """The promise a handoff sentence makes, when it makes exactly one: "within
    one working day" (1 working day), "4 business hours", "24h", "2 days"
    (48 hours); None when it names no time or more than one."""
    found: list[ServiceLevel] = []
    rest = text
    for pattern, clock in _SLA_FORMS:
        for m in pattern.finditer(rest):
            word = m.group(1).lower()
            amount = _NUMBERS.get(word) or float(word.replace(",", "."))
            if "day" in m.group(0).lower() and clock is Clock.HOURS:
                amount *= 24
            if amount > 0:
                found.append(ServiceLevel(float(amount), clock))
        rest = pattern.sub(" ", rest)
    if not found and _NEXT_DAY.search(text):
        found.append(ServiceLevel(1.0, Clock.WORKING_DAYS))
    return found[0] if len(found) == 1 else None


# -- working time -----------------------------------------------------------------

@dataclass(frozen=True)
class WorkingTime:
    """When the team works: days of the week (Monday 0), hours of a day, days
    off, all in one time zone."""

    weekdays: frozenset[int] = frozenset(range(5))
    start: time = time(9)
    end: time = time(17)
    days_off: frozenset[date] = frozenset()
    zone: str = "UTC"

    @cached_property
    def day_hours(self) -> float:
        return (datetime.combine(date.min, self.end) -
                datetime.combine(date.min, self.start)).total_seconds() / 3600

    @cached_property
    def _tz(self) -> timezone | ZoneInfo:
        return timezone.utc if self.zone == "UTC" else ZoneInfo(self.zone)

    @cached_property
    def _windows(self) -> dict[date, tuple[datetime, datetime]]:
        return {}  # each day's opening and closing in UTC, as first asked

    def works_on(self, day: date) -> bool:
        return day.weekday() in self.weekdays and day not in self.days_off

    def _window(self, day: date) -> tuple[datetime, datetime]:
        found = self._windows.get(day)
        if found is None:
            tz = self._tz
            found = self._windows[day] = (
                datetime.combine(day, self.start, tz).astimezone(timezone.utc),
                datetime.combine(day, self.end, tz).astimezone(timezone.utc))
        return found

    def local_day(self, moment: datetime) -> date:
        return moment.astimezone(self._tz).date()

    def elapsed(self, a: datetime, b: datetime) -> float:
        """Working hours from `a` to `b` (0 when b is not after a)."""
        if b <= a:
            return 0.0
        first, last = self.local_day(a), self.local_day(b)
        days = (last - first).days
        if days > 366 * 20:
            raise ValueError("more than twenty years apart")
        seconds = 0.0
        whole = 0
        for n in range(days + 1):
            day = first + timedelta(days=n)
            if not self.works_on(day):
                continue
            if 0 < n < days:  # a whole working day between the two
                whole += 1
                continue
            opens, closes = self._window(day)
            lo, hi = max(opens, a), min(closes, b)
            if hi > lo:
                seconds += (hi - lo).total_seconds()
        return seconds / 3600 + whole * self.day_hours

    def add(self, a: datetime, hours: float) -> datetime:
        """The moment `hours` working hours after `a`."""
        if self.day_hours <= 0 or not self.weekdays:
            raise ValueError("no working time")
        left = hours * 3600
        day = self.local_day(a)
        for _ in range(366 * 20):
            if self.works_on(day):
                opens, closes = self._window(day)
                lo = max(opens, a)
                if lo < closes:
                    room = (closes - lo).total_seconds()
                    if left <= room:
                        return lo + timedelta(seconds=left)
                    left -= room
            day += timedelta(days=1)
        raise ValueError("no working time within twenty years")


def deadline(start: datetime, level: ServiceLevel, work: WorkingTime) -> datetime:
    if level.clock is Clock.HOURS:
        return start + timedelta(hours=level.amount)
    hours = level.amount * (work.day_hours if level.clock is Clock.WORKING_DAYS else 1)
    return work.add(start, hours)


def measured(start: datetime, end: datetime, level: ServiceLevel, work: WorkingTime) -> float:
    """Time from `start` to `end` in the promise's own unit (hours, working
    hours or working days)."""
    if level.clock is Clock.HOURS:
        return max(0.0, (end - start).total_seconds() / 3600)
    hours = work.elapsed(start, end)
    return hours / work.day_hours if level.clock is Clock.WORKING_DAYS else hours


# -- the handoff of each lead -------------------------------------------------------

class State(Enum):
    MET = "met"          # followed up within the promise
    LATE = "late"        # followed up, after it
    NEVER = "never"      # not followed up, and the promise has passed
    WAITING = "waiting"  # not followed up yet, still within the promise


@dataclass(frozen=True)
class Handoff:
    lead: LeadRow
    due: datetime
    state: State
    took: float | None  # in the promise's unit, when followed up


def follow_up_of(lead: LeadRow) -> datetime | None:
    """The sales touch that answers this qualification: one at or after it, or
    one before it with no recycling in between (sales was already on it); a
    touch before a recycle belongs to the earlier cycle and answers nothing."""
    touch = lead.followed_up_at
    if touch is None or touch >= lead.mql_at:
        return touch
    if lead.recycled_at is not None and touch <= lead.recycled_at <= lead.mql_at:
        return None
    return lead.mql_at  # followed up before it was qualified: at once


_EPSILON = 1e-9


def handoff(lead: LeadRow, level: ServiceLevel, work: WorkingTime, now: datetime) -> Handoff:
    """How the lead's handoff went, judged on the promise's own clock: a touch
    after the close of the due day, before any more working time has passed,
    is within one working day (the team was not at work in between)."""
    due = deadline(lead.mql_at, level, work)
    touch = follow_up_of(lead)
    if touch is None:  # passed once working time runs on after the due moment
        late_from = due if level.clock is Clock.HOURS else work.add(due, 0)
        return Handoff(lead, due, State.NEVER if now > late_from else State.WAITING, None)
    took = measured(lead.mql_at, touch, level, work)
    return Handoff(lead, due, State.MET if took <= level.amount + _EPSILON else State.LATE,
                   took)


def percentile(values: Sequence[float], share: float) -> float:
    """The nearest-rank percentile: the smallest value at least `share` of
    the values are at or below."""
    ordered = sorted(values)
    rank = max(1, math.ceil(share * len(ordered)))
    return ordered[rank - 1]


@dataclass
class Adherence:
    """One group's handoffs: how many met the promise, were late, never came."""

    met: int = 0
    late: int = 0
    never: int = 0
    waiting: int = 0
    took: list[float] = field(default_factory=list)

    def add(self, h: Handoff) -> None:
        if h.state is State.MET:
            self.met += 1
        elif h.state is State.LATE:
            self.late += 1
        elif h.state is State.NEVER:
            self.never += 1
        else:
            self.waiting += 1
        if h.took is not None:
            self.took.append(h.took)

    @property
    def judged(self) -> int:
        return self.met + self.late + self.never

    @property
    def share_met(self) -> float | None:
        return self.met / self.judged if self.judged else None

    @property
    def median(self) -> float | None:
        return median(self.took) if self.took else None

    @property
    def p90(self) -> float | None:
        return percentile(self.took, 0.9) if self.took else None

    def summary(self) -> tuple[int, int, int, int, float | None, float | None]:
        return self.met, self.late, self.never, self.waiting, self.median, self.p90


@dataclass
class PeriodHandoff:
    period: str
    all: Adherence = field(default_factory=Adherence)
    by_owner: dict[str, Adherence] = field(default_factory=lambda: defaultdict(Adherence))
    by_source: dict[str, Adherence] = field(default_factory=lambda: defaultdict(Adherence))
    by_region: dict[str, Adherence] = field(default_factory=lambda: defaultdict(Adherence))


def month_of(day: date) -> str:
    return f"{day.year:04d}-{day.month:02d}"


def adherence(leads: Iterable[LeadRow], level: ServiceLevel, work: WorkingTime,
              now: datetime) -> dict[str, PeriodHandoff]:
    """Each month's handoff (by the month the lead was qualified, in the
    working time's zone), in month order."""
    out: dict[str, PeriodHandoff] = {}
    for lead in leads:
        h = handoff(lead, level, work, now)
        period = month_of(work.local_day(lead.mql_at))
        figures = out.get(period)
        if figures is None:
            figures = out[period] = PeriodHandoff(period)
        figures.all.add(h)
        figures.by_owner[lead.owner or "(no owner)"].add(h)
        figures.by_source[lead.source or "(no source)"].add(h)
        figures.by_region[lead.region or "(no region)"].add(h)
    return dict(sorted(out.items()))


# -- the rest of the funnel ---------------------------------------------------------

def recycled_by_reason(leads: Iterable[LeadRow], work: WorkingTime) -> dict[str, Counter[str]]:
    """Leads sent back by sales, per month sent back, by reason."""
    out: dict[str, Counter[str]] = defaultdict(Counter)
    for lead in leads:
        if lead.recycled_at is not None:
            out[month_of(work.local_day(lead.recycled_at))][lead.recycle_reason or
                                                            "(no reason given)"] += 1
    return dict(sorted(out.items()))


STAGES = ("mql_at", "sql_at", "opportunity_at", "customer_at")
STAGE_NAMES = {"mql_at": "MQL", "sql_at": "SQL", "opportunity_at": N_("Opportunity"),
               "customer_at": N_("Customer")}


@dataclass
class Conversion:
    """Of the leads qualified in a month: how many reached each later stage,
    and the median days each step took."""

    reached: dict[str, int] = field(default_factory=dict)
    days: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))

    def share(self, stage: str) -> float | None:
        base = self.reached.get("mql_at", 0)
        return self.reached.get(stage, 0) / base if base else None

    def median_days(self, stage: str) -> float | None:
        found = self.days.get(stage)
        return median(found) if found else None


def conversion(leads: Iterable[LeadRow], work: WorkingTime) -> dict[str, Conversion]:
    out: dict[str, Conversion] = {}
    for lead in leads:
        period = month_of(work.local_day(lead.mql_at))
        c = out.setdefault(period, Conversion())
        before = lead.mql_at
        for stage in STAGES:
            moment = getattr(lead, stage)
            if moment is None:
                break
            c.reached[stage] = c.reached.get(stage, 0) + 1
            if stage != "mql_at":
                c.days[stage].append(max(0.0, (moment - before).total_seconds() / 86400))
            before = moment
    return dict(sorted(out.items()))


@dataclass
class Revenue:
    pipeline: float = 0.0   # amounts of deals created in the month
    won: float = 0.0        # amounts of deals won, by the month they closed
    deals_created: int = 0
    deals_won: int = 0


def revenue(deals: Iterable[DealRow], work: WorkingTime,
            by: str | None = None) -> dict[str, dict[str, Revenue]]:
    """Per month, pipeline created and revenue won, by `by` ("source" or
    "campaign") or in all (the key "")."""
    out: dict[str, dict[str, Revenue]] = defaultdict(lambda: defaultdict(Revenue))
    for deal in deals:
        group = (getattr(deal, by) or f"(no {by})") if by else ""
        created = out[month_of(work.local_day(deal.created_at))][group]
        created.deals_created += 1
        created.pipeline += deal.amount or 0.0
        if deal.outcome is Outcome.WON and deal.closed_on is not None:
            won = out[month_of(deal.closed_on)][group]
            won.deals_won += 1
            won.won += deal.amount or 0.0
    return {p: dict(g) for p, g in sorted(out.items())}
