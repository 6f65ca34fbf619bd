"""Check-ins: how far a goal is and how sure its owners are, through the year.

Confidence (1 to 10) reads as the metric status does: 7 and up on track, 4
to 6 at risk, 3 and below off track. A drop of 3 or more since the goal's
previous check-in is a warning; a goal still open with no check-in for the
plan's interval (`Plan.checkin_days`, two weeks unless set) is flagged as
"not checked in since …".
"""

import re
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from planner import i18n
from planner.i18n import _, day
from planner.model import CheckIn, Goal, Plan
from planner.model.enums import GoalStatus
from planner.model.reader import Indexed, PlanReader
from planner.rules.findings import Finding
from planner.rules.metrics import MetricStatus

DROP = 3  # a confidence drop this large since the previous check-in is a warning
OPEN = (GoalStatus.PROPOSED, GoalStatus.ACTIVE)
_NUMBER = re.compile(r"(?<![\w.])(\d{1,3}(?:[,\u202f ]\d{3})+|\d+(?:\.\d+)?)\s*(%|k\b|m\b)?",
                     re.IGNORECASE)


def confidence_status(confidence: int) -> MetricStatus:
    if confidence >= 7:
        return MetricStatus.ON_TRACK
    if confidence >= 4:
        return MetricStatus.AT_RISK
    return MetricStatus.OFF_TRACK


def by_goal(check_ins: Iterable[CheckIn]) -> dict[str, list[CheckIn]]:
    """Each goal's check-ins, oldest first (by day, then by when written)."""
    out: dict[str, list[CheckIn]] = defaultdict(list)
    for c in check_ins:
        out[c.goal_id].append(c)
    for rows in out.values():
        rows.sort(key=lambda c: (c.checked_on, c.created_at, c.id))
    return dict(out)


def latest(reader: PlanReader, n: int = 2) -> dict[str, list[CheckIn]]:
    """Each goal's last `n` check-ins, oldest first (what the goal's row, the
    drops and the staleness read), without reading every check-in when the
    reader can say."""
    if isinstance(reader, Indexed):
        return {g: list(rows) for g, rows in reader.recent(CheckIn, "goal_id", n).items()}
    return {g: rows[-n:] for g, rows in by_goal(reader.rows(CheckIn)).items()}


def history_of(reader: PlanReader, goal_id: str) -> list[CheckIn]:
    """One goal's check-ins, oldest first."""
    if isinstance(reader, Indexed):
        return list(reader.where(CheckIn, "goal_id", [goal_id]))
    return by_goal(r for r in reader.rows(CheckIn) if r.goal_id == goal_id).get(goal_id, [])


def measure_target(success_measure: str) -> float | None:
    """The number a success criterion aims at ("120 qualified leads a month"
    → 120), when it names exactly one number and that is not a percentage
    ("70% within 2 days" or "from 94 to 75 days" name no single target)."""
    found = list(_NUMBER.finditer(success_measure))
    if len(found) != 1 or found[0].group(2) == "%":
        return None
    text, scale = found[0].group(1), (found[0].group(2) or "").lower()
    value = float(re.sub(r"[,\u202f ]", "", text))
    value *= {"k": 1e3, "m": 1e6}.get(scale, 1)
    return value if value > 0 else None


def percent(check_in: CheckIn, goal: Goal | None) -> float | None:
    """How far along, as a percentage: the check-in's own, or its measured
    number against the success criterion's target (None when that has none)."""
    if check_in.in_percent:
        return check_in.progress
    target = measure_target(goal.success_measure) if goal else None
    return None if target is None else min(999.0, 100 * check_in.progress / target)


def progress_words(check_in: CheckIn, goal: Goal | None) -> str:
    share = percent(check_in, goal)
    if check_in.in_percent:
        return i18n.percent(check_in.progress / 100, _decimals(check_in.progress))
    number = i18n.number(check_in.progress, _decimals(check_in.progress))
    return number if share is None else f"{number} ({i18n.percent(share / 100)})"


def _decimals(value: float) -> int:
    """The decimals a typed number shows: none for 12, one for 12.5, two for 12.25."""
    for decimals in range(3):
        if round(value, decimals) == value:
            return decimals
    return 3


def summary(check_in: CheckIn, goal: Goal | None) -> str:
    """The latest check-in in a few words: "40% · 7/10 on track · 3 Mar 2027"."""
    status = _(confidence_status(check_in.confidence).value)
    return (f"{progress_words(check_in, goal)} \u00b7 {check_in.confidence}/10 {status} "
            f"\u00b7 {day(check_in.checked_on)}")


@dataclass(frozen=True)
class Drop:
    goal_id: str
    before: CheckIn
    after: CheckIn

    @property
    def size(self) -> int:
        return self.before.confidence - self.after.confidence


def drops(history: Mapping[str, Sequence[CheckIn]]) -> list[Drop]:
    """Goals whose latest check-in is 3 or more below the one before it."""
    out = []
    for goal_id, rows in history.items():
        if len(rows) >= 2 and rows[-2].confidence - rows[-1].confidence >= DROP:
            out.append(Drop(goal_id, rows[-2], rows[-1]))
    return out


def checked_as_of(plan: Plan, today: date) -> date:
    """The day staleness is judged at: today, kept within the plan's period."""
    return min(max(today, plan.period_start), plan.period_end)


def last_checked(plan: Plan, rows: Sequence[CheckIn]) -> date:
    """The day a goal was last checked in (its rows oldest first), or the plan's start."""
    return rows[-1].checked_on if rows else plan.period_start


def next_check_in(plan: Plan, rows: Sequence[CheckIn]) -> date:
    """The day a goal's next check-in is due: the plan's interval after the last."""
    return last_checked(plan, rows) + timedelta(days=plan.checkin_days)


def stale_since(plan: Plan, goal: Goal, rows: Sequence[CheckIn], today: date) -> date | None:
    """The day an open goal was last checked in (or the plan began), when that
    is longer ago than the plan's interval; None when it is fresh or closed."""
    if goal.status not in OPEN:
        return None
    since = last_checked(plan, rows)
    return since if checked_as_of(plan, today) > next_check_in(plan, rows) else None


def stale_words(since: date, checked: bool) -> str:
    return (_("not checked in since {day}") if checked
            else _("not checked in since the plan began on {day}")).format(day=day(since))


def checkin_findings(plan: Plan, goals: Sequence[Goal],
                     history: Mapping[str, Sequence[CheckIn]],
                     today: date | None = None) -> list[Finding]:
    """Drops in confidence and goals not checked in for the plan's interval,
    from each goal's check-ins (oldest first; the last two are enough)."""
    today = today or date.today()
    titles = {g.id: g.title for g in goals}
    found = []
    for drop in drops(history):
        if drop.goal_id in titles:
            found.append(Finding("goals", drop.goal_id, (
                _("Goal “{goal_id}”: confidence fell from {confidence} to {now} since the "
                  "check-in of {checked_on:%-d %b %Y}.").format(goal_id=titles[drop.goal_id],
                    confidence=drop.before.confidence, now=drop.after.confidence,
                    checked_on=drop.before.checked_on))))
    if today >= plan.period_start:
        for goal in goals:
            rows = history.get(goal.id, ())
            since = stale_since(plan, goal, rows, today)
            if since is not None:
                found.append(Finding("goals", goal.id, (
                    _("Goal “{title}”: {rows} (check-ins are due every {checkin_days} days).").format(title=goal.title, rows=stale_words(since, bool(rows)), checkin_days=plan.checkin_days))))
    return found
