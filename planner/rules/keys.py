"""Natural keys: one row per key in a plan (a day off per date, an actual per
metric and period, a link per pair, a person per email). The keys themselves
are declared next to the records (`planner.model.records.NATURAL_KEYS`);
here is what a plan's rows make of them, and how a clash is said.
"""

from collections.abc import Iterable, Sequence

from planner.i18n import _, day
from planner.model import (
    FunnelStage, Goal, Metric, MetricGoal, MetricValue, NonWorkingDay, Person, Record, Review,
    ReviewLink)
from planner.model.reader import PlanReader
from planner.model.records import NATURAL_KEYS, natural_key
from planner.rules.findings import Finding

KEYED: tuple[type[Record], ...] = tuple(NATURAL_KEYS)
SECTIONS = {Person: "people", MetricGoal: "goals", MetricValue: "metrics",
            NonWorkingDay: "rides", ReviewLink: "reviews"}


def duplicates(rows: Iterable[Record]) -> list[tuple[Record, Record]]:
    """Each row whose key an earlier row has already, with that earlier row."""
    first: dict[tuple[object, ...], Record] = {}
    found = []
    for row in rows:
        key = natural_key(row)
        if key is None:
            continue
        if key in first:
            found.append((row, first[key]))
        else:
            first[key] = row
    return found


def clash_sentence(row: Record, reader: PlanReader) -> str:
    """Why a second row of this key cannot be in the plan, in one sentence."""
    return _("{what} That would be a second row where the plan holds one.").format(
        what=what(row, reader))


def what(row: Record, reader: PlanReader, twice: bool = False) -> str:
    """The key a row has, as a sentence saying the plan holds it already (or
    holds it twice)."""
    if isinstance(row, NonWorkingDay):
        return (_("{day} is listed twice as a non-working day.") if twice else
                _("{day} is already a non-working day.")).format(day=day(row.day))
    if isinstance(row, MetricValue):
        metric = _name(reader, Metric, row.metric_id)
        return (_("{metric} has two actuals for {period}.") if twice else
                _("{metric} has an actual for {period} already.")).format(metric=metric,
                                                                          period=row.period)
    if isinstance(row, MetricGoal):
        return (_("{goal} is measured by {metric} twice.") if twice else
                _("{goal} is measured by {metric} already.")).format(
            goal=_name(reader, Goal, row.goal_id), metric=_name(reader, Metric, row.metric_id))
    if isinstance(row, ReviewLink):
        kind, target = next(((k, i) for k, i in ((Goal, row.goal_id), (FunnelStage,
                            row.funnel_stage_id), (Metric, row.metric_id)) if i), (Goal, None))
        return (_("The review {review} is about {what} twice.") if twice else
                _("The review {review} is about {what} already.")).format(
            review=_name(reader, Review, row.review_id), what=_name(reader, kind, target))
    if isinstance(row, Person):
        email = _short(row.email.strip())
        return (_("Two people have the email \u201c{email}\u201d.") if twice else
                _("A person with the email \u201c{email}\u201d is in the plan already.")).format(
            email=email)
    return _("The plan holds this row twice.") if twice else _("The plan holds this row already.")


def key_findings(reader: PlanReader) -> list[Finding]:
    """Two rows of one key (another program, or a merge before keys were
    kept, put them there): a finding for each second row."""
    found = []
    for kind in KEYED:
        for row, first in duplicates(reader.rows(kind)):
            found.append(Finding(SECTIONS[kind], row.id,
                                 _("{row} (ids {first_id} and {second_id}); keep "
                                   "one.").format(row=what(row, reader, twice=True)[:-1],
                                     first_id=first.id[:36], second_id=row.id[:36])))
    return found


def _name(reader: PlanReader, kind: type[Record], row_id: str | None) -> str:
    row = reader.get(kind, row_id) if row_id else None
    if row is None:
        return "a removed row"
    if isinstance(row, Review):
        return f"of {row.held_on:%-d %B %Y}"
    name = getattr(row, "title", None) or getattr(row, "name", None) or ""
    return f"\u201c{_short(name)}\u201d"


def _short(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= 80 else text[:79] + "\u2026"


def keyed_rows(changes: Sequence[tuple[Record | None, Record | None]]) -> list[Record]:
    """The rows a change gives a key they did not have (added, or a key field changed)."""
    out = []
    for before, after in changes:
        if after is None or type(after) not in NATURAL_KEYS:
            continue
        key = natural_key(after)
        if key is not None and (before is None or natural_key(before) != key):
            out.append(after)
    return out
