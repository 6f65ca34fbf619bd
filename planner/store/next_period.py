"""Starting the next period: a new plan file from this one, as the window's
File › Start the next period… and `tandem next` both make it.

What is carried, by choice (`Carry`): goals not done (status kept, sign-offs
withdrawn: a new period is a new agreement; due dates outside the new period
cleared), each with its closing check-in; metrics with the last actual as the
new baseline and the target to set; people (those who left stay behind;
delegates are named again by the heads); the funnel; approved messages (an
approval of record comes along where its signer still signs for that side in
the new plan, a head; others wait again); open review actions with their
reviews; open parking-lot topics; days off that fall in the new period. Not
carried: rides, actuals, hot buttons, done and dropped goals. Carried rows
keep their ids, so each can be traced to the row it came from.

The new plan is written whole or not at all (`PlanStore.build`: a kill or a
full disk leaves no file, an existing file is never replaced); then the
closed plan saves a final version named after its period.
"""

import calendar
import re
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from pathlib import Path

from planner.i18n import _, ngettext, number
from planner.changes import ChangeSet, added
from planner.errors import InvalidEdit
from planner.model import (
    CheckIn, FunnelStage, Goal, Message, Metric, MetricGoal, MetricValue, NonWorkingDay,
    ParkingTopic, Person, Plan, Record, Review, ReviewAction, ReviewLink, new_id, utc_now)
from planner.model.enums import PlanStatus
from planner.model.reader import PlanReader
from planner.rules.checkins import OPEN, by_goal
from planner.rules.metrics import latest_values
from planner.rules.signoff import SIDES, signature, withdrawn

CHOICES = ("goals", "metrics", "people", "funnel", "messages", "actions", "parking")


@dataclass(frozen=True)
class Carry:
    """Which parts go into the new plan (all, unless a choice turns one off)."""

    goals: bool = True
    metrics: bool = True
    people: bool = True
    funnel: bool = True
    messages: bool = True
    actions: bool = True
    parking: bool = True

    def without(self, *parts: str) -> "Carry":
        unknown = set(parts) - set(CHOICES)
        if unknown:
            raise InvalidEdit(_("There is no part called {unknown_0!r} to leave out; the parts are {CHOICES}.").format(unknown_0=sorted(unknown)[0], CHOICES=', '.join(CHOICES)))
        return replace(self, **{p: False for p in parts})


@dataclass(frozen=True)
class NextPlan:
    """The new plan as it will be written: its rows, and what the preview says."""

    plan: Plan
    rows: tuple[Record, ...]
    lines: tuple[str, ...]           # the preview, a line per part
    withdrawn_sign_offs: int = 0
    held_approvals: int = 0
    counts: dict[str, int] = field(default_factory=dict)


def following(start: date, end: date, starting: date | None = None,
              months: int | None = None) -> tuple[date, date]:
    """The next period: from the day after `end` (or `starting`), as many
    whole months as the closing one spans (or `months`)."""
    first = starting or end + timedelta(days=1)
    if months is None:
        months = max(1, round(((end - start).days + 1) / 30.44))
    if not 1 <= months <= 60:
        raise InvalidEdit(_("the next period's months: {months} is not from 1 to 60.").format(months=months))
    month = first.month - 1 + months
    year = first.year + month // 12
    month = month % 12 + 1
    day = min(first.day, calendar.monthrange(year, month)[1])
    last = date(year, month, day) - timedelta(days=1)
    return first, last


def next_title(title: str, old_start: date, new_start: date) -> str:
    """The plan's title with its year moved on ("… 2027" → "… 2028"), or marked
    as the next period when it names no year."""
    if new_start.year != old_start.year and re.search(rf"\b{old_start.year}\b", title):
        return re.sub(rf"\b{old_start.year}\b", str(new_start.year), title)
    return title if len(title) > 280 else f"{title} (next period)"


def period_words(start: date, end: date) -> str:
    return f"{start:%-d %b %Y} \u2013 {end:%-d %b %Y}"


def prepare(reader: PlanReader, starting: date | None = None, months: int | None = None,
            carry: Carry = Carry()) -> NextPlan:
    """The next period's plan from this one, in memory; nothing is written."""
    old = reader.plan()
    first, last = following(old.period_start, old.period_end, starting, months)
    now = utc_now()

    def fresh(row: Record) -> Record:
        return row._replace(created_at=now, updated_at=now)

    rows: list[Record] = []
    lines: list[str] = []
    people = [p for p in reader.rows(Person) if not p.left_plan] if carry.people else []
    kept_people = {p.id for p in people}
    rows += [fresh(p._replace(delegate=False)) for p in people]
    if not carry.people:
        lines.append(_("No people"))
    elif any(p.delegate for p in people):
        lines.append(ngettext("{count} person (delegates are named again by the heads)",
                              "{count} people (delegates are named again by the heads)",
                              len(people)).format(count=number(len(people))))
    else:
        lines.append(ngettext("{count} person", "{count} people", len(people)).format(
            count=number(len(people))))

    def person(pid: str | None) -> str | None:
        return pid if pid in kept_people else None

    plan = old._replace(
        id=new_id(), created_at=now, updated_at=now,
        title=next_title(old.title, old.period_start, first), period_start=first,
        period_end=last, status=PlanStatus.DRAFT,
        head_of_sales_id=person(old.head_of_sales_id),
        head_of_marketing_id=person(old.head_of_marketing_id),
        carried_from=f"{old.title[:200]}, {period_words(old.period_start, old.period_end)}")

    stages = list(reader.rows(FunnelStage)) if carry.funnel else []
    kept_stages = {s.id for s in stages}
    rows += [fresh(s) for s in stages]
    lines.append(ngettext("{count} funnel stage", "{count} funnel stages", len(stages)).format(
        count=number(len(stages))) if carry.funnel else _("No funnel"))

    goals: list[Goal] = []
    withdrawn_count = 0
    if carry.goals:
        for g in reader.rows(Goal):
            if g.status not in OPEN:
                continue
            withdrawn_count += sum(signature(g, s).at is not None for s in SIDES)
            due = g.due_date if g.due_date and first <= g.due_date <= last else None
            goals.append(withdrawn(g)._replace(
                created_at=now, updated_at=now, due_date=due,
                sales_owner_id=person(g.sales_owner_id),
                marketing_owner_id=person(g.marketing_owner_id)))
    kept_goals = {g.id for g in goals}
    rows += goals
    history = by_goal(reader.rows(CheckIn))
    closing = [fresh(history[g.id][-1]._replace(author_id=person(history[g.id][-1].author_id)))
               for g in goals if g.id in history]
    rows += closing
    left = sum(1 for g in reader.rows(Goal) if g.status not in OPEN)
    lines.append(ngettext(
        "{count} goal not done, sign-offs withdrawn ({withdrawn}), {closing} with their closing "
        "check-in; {left} done or dropped stay behind",
        "{count} goals not done, sign-offs withdrawn ({withdrawn}), {closing} with their "
        "closing check-in; {left} done or dropped stay behind", len(goals)).format(
            count=number(len(goals)), withdrawn=number(withdrawn_count),
            closing=number(len(closing)), left=number(left)) if carry.goals else _("No goals"))

    metrics: list[Metric] = []
    if carry.metrics:
        latest = latest_values(reader.rows(MetricValue))
        for m in reader.rows(Metric):
            value = latest.get(m.id)
            metrics.append(m._replace(
                created_at=now, updated_at=now,
                baseline=value.actual if value else m.baseline, target=None,
                funnel_stage_id=m.funnel_stage_id if m.funnel_stage_id in kept_stages else None))
    kept_metrics = {m.id for m in metrics}
    rows += metrics
    rows += [fresh(link) for link in reader.rows(MetricGoal)
             if link.metric_id in kept_metrics and link.goal_id in kept_goals]
    lines.append(ngettext("{count} metric, the last actual as the new baseline, targets to set",
                          "{count} metrics, the last actual as the new baseline, targets to set",
                          len(metrics)).format(count=number(len(metrics)))
                 if carry.metrics else _("No metrics"))

    reviews = {r.id: r for r in reader.rows(Review)}
    actions = [a for a in reader.rows(ReviewAction) if not a.done] if carry.actions else []
    kept_reviews = {a.review_id for a in actions if a.review_id in reviews}
    rows += [fresh(reviews[r]) for r in sorted(kept_reviews)]
    rows += [fresh(link) for link in reader.rows(ReviewLink) if link.review_id in kept_reviews
             and (link.goal_id in kept_goals or link.funnel_stage_id in kept_stages
                  or link.metric_id in kept_metrics)]
    rows += [fresh(a._replace(owner_id=person(a.owner_id),
                              due_date=a.due_date if a.due_date and a.due_date >= first
                              else None)) for a in actions]
    lines.append(ngettext("{count} open review action, with the reviews they came from "
                          "({reviews})",
                          "{count} open review actions, with the reviews they came from "
                          "({reviews})", len(actions)).format(
                              count=number(len(actions)), reviews=number(len(kept_reviews)))
                 if carry.actions else _("No review actions"))

    messages: list[Message] = []
    held = 0
    if carry.messages:
        for msg in reader.rows(Message):
            if not all(signature(msg, s).at is not None for s in SIDES):
                continue  # only what both sides approved is the library carried
            messages.append(msg._replace(
                created_at=now, updated_at=now, field_ride_id=None,
                review_id=msg.review_id if msg.review_id in kept_reviews else None,
                funnel_stage_id=msg.funnel_stage_id if msg.funnel_stage_id in kept_stages
                else None, owner_id=person(msg.owner_id)))
    rows += messages
    topics = [t for t in reader.rows(ParkingTopic) if not t.done] if carry.parking else []
    rows += [fresh(t) for t in topics]
    days = [d for d in reader.rows(NonWorkingDay) if first <= d.day <= last]
    rows += [fresh(d) for d in days]

    # An approval of record comes along where its signer signs for that side
    # in the new plan (its head: no delegates are carried); the rest wait for
    # approval again. An approval from before plans recorded who signed has
    # no signer and comes along as the store's rule allows it.
    heads = {"sales": plan.head_of_sales_id, "marketing": plan.head_of_marketing_id}
    final: list[Record] = []
    for row in rows:
        if isinstance(row, Message):
            for side in SIDES:
                sig = signature(row, side)
                if sig.at is not None and sig.by_id is not None and sig.by_id != heads[side]:
                    row = withdrawn(row, side)
                    held += 1
        final.append(row)
    lines.append((ngettext("{count} approved message", "{count} approved messages",
                           len(messages)).format(count=number(len(messages))) + (
        " " + _("({held} approvals by someone who no longer signs wait again)").format(
            held=number(held)) if held else "")) if carry.messages else _("No messages"))
    lines.append(ngettext("{count} open parking-lot topic", "{count} open parking-lot topics",
                          len(topics)).format(count=number(len(topics))) if carry.parking
                 else _("No parking-lot topics"))
    lines.append(ngettext("{count} day off in the new period; no field rides or actuals",
                          "{count} days off in the new period; no field rides or actuals",
                          len(days)).format(count=number(len(days))))
    counts = {"people": len(people), "goals": len(goals), "check-ins": len(closing),
              "metrics": len(metrics), "stages": len(stages), "messages": len(messages),
              "actions": len(actions), "topics": len(topics)}
    return NextPlan(plan, (plan, *final), tuple(lines), withdrawn_count, held, counts)


def start_next_period(store: PlanReader, out: Path, plan: NextPlan) -> Path:
    """Write the new plan (whole or not at all), then save the closed plan's
    final version named after its period; the new file's path."""
    from planner.store.plan_store import PlanStore

    old = store.plan()
    change = ChangeSet(_("Start {period} from \u201c{title}\u201d").format(
        period=period_words(plan.plan.period_start, plan.plan.period_end), title=old.title[:80]),
        tuple(added(r) for r in plan.rows), exact=True)
    acting = getattr(store, "acting", None)
    made = PlanStore.build(out, change, acting=acting)
    made.close()
    save = getattr(store, "save_version", None)
    if save is not None and not getattr(store, "read_only", False):
        save(_("Final: {period}").format(period=period_words(old.period_start, old.period_end)),
             _("Closed; the next period is {name}.").format(name=out.name), automatic=False)
    return out

