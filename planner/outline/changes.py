"""What changed between two states of a plan, as a reader says it: section by
section, each row by its name, each changed field with its before and after.

The command line (`tandem diff`), the window's changes view, the workshop's
"Changes since the last workshop" slide and the PDF's appendix all read it.
"""

import difflib
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from datetime import date, datetime
from enum import Enum
from typing import TYPE_CHECKING, Any, Literal

from planner.changes import ChangeSet, RowChange
from planner.changes import between as between  # where the outline's readers find it
from planner.model import (
    FieldRide, FunnelStage, Goal, HotButton, Message, Metric, MetricGoal, MetricValue,
    NonWorkingDay, ParkingTopic, Person, Plan, Record, Review, ReviewAction, ReviewLink, CheckIn,
    CrmImport, Survey, SurveyAnswer, SurveyInvite, Training, TrainingSeat)
from planner.i18n import N_, _, day, number, quote
from planner.model.actor import Actor
from planner.model.enums import label
from planner.model.nouns import noun
from planner.model.records import KINDS, natural_key
from planner.model.validation import words
from planner.outline.blocks import Block, Paragraph, Section, Table
from planner.sections import section

if TYPE_CHECKING:
    from planner.store.plan_store import PlanStore

# Where a kind of row is shown (the section a change jumps to).
SECTION_OF: dict[type[Record], str] = {
    Plan: "overview", ParkingTopic: "overview", Goal: "goals", MetricGoal: "goals",
    FieldRide: "rides", HotButton: "rides", NonWorkingDay: "rides", Metric: "metrics",
    MetricValue: "metrics", FunnelStage: "funnel", Message: "messaging", Person: "people",
    Review: "reviews", ReviewLink: "reviews", ReviewAction: "reviews", CheckIn: "goals",
    CrmImport: "funnel", Training: "rides", TrainingSeat: "rides", Survey: "network",
    SurveyInvite: "network", SurveyAnswer: "network"}
ORDER = ("overview", "goals", "rides", "metrics", "funnel", "messaging", "people", "reviews",
         "network")  # the sections' order (planner.sections) of those SECTION_OF names
HIDDEN = ("id", "created_at", "updated_at", "sales_signed_wording", "marketing_signed_wording",
          "token")
LONGEST = 160  # characters of a value said on one line
State = dict[type[Record], dict[str, Record]]
WHAT = {"added": N_("added"), "changed": N_("changed"), "removed": N_("removed")}
WHAT_ROW = {"added": N_("added {row}"), "changed": N_("changed {row}"),
            "removed": N_("removed {row}")}


@dataclass(frozen=True)
class FieldChange:
    field: str
    label: str  # "Sales owner"
    before: str
    after: str


@dataclass(frozen=True)
class RowDifference:
    section: str  # the section's key
    kind: type[Record]
    row_id: str
    what: Literal["added", "removed", "changed"]
    label: str  # "goal “Lift win rate”"
    fields: tuple[FieldChange, ...] = ()
    by: Actor | None = None  # who made the change last (None: not asked)
    at: str = ""  # when, UTC as stored

    @property
    def by_name(self) -> str:
        return (self.by.name if self.by is not None else "") or _("unknown")

    @property
    def section_title(self) -> str:
        return _(section(self.section).title)

    @property
    def said(self) -> str:
        """ "added", "changed" or "removed", in the language spoken."""
        return _(WHAT[self.what])

    @property
    def said_row(self) -> str:
        """ "changed goal “Lift win rate”", in the language spoken."""
        return _(WHAT_ROW[self.what]).format(row=self.label)

    def line(self) -> str:
        """One line: `goals: changed goal “Lift win rate”: title “A” → “B”`."""
        head = f"{self.section}: {self.said_row}"
        if self.what != "changed":
            return head
        return head + ": " + "; ".join(
            f"{words(f.field)} {_quoted(f.before)} \u2192 {_quoted(f.after)}"
            for f in self.fields)

    def as_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "section": self.section, "kind": self.kind.__name__, "id": self.row_id,
            "change": self.what, "row": self.label,
            "fields": [{"field": f.field, "label": f.label, "before": f.before,
                        "after": f.after} for f in self.fields]}
        if self.by is not None:
            out["author"] = {"name": self.by_name, "person_id": self.by.person_id,
                             "login": self.by.login}
            out["at"] = self.at
        return out


def credited(found: list[RowDifference],
             authors: Mapping[tuple[str, str], tuple[Actor, str]]) -> list[RowDifference]:
    """The differences, each with who last changed its row and when
    (`PlanStore.last_authors`); a row nobody recorded is by nobody known."""
    return [replace(d, by=authors.get((d.kind.__name__, d.row_id), (Actor(""), ""))[0],
                    at=authors.get((d.kind.__name__, d.row_id), (Actor(""), ""))[1])
            for d in found]


def differences(change: ChangeSet, before: State, after: State) -> list[RowDifference]:
    """Every row a change set touches, described: section by section, in each
    section added rows, then changed, then removed, each by name."""
    found = [d for d in (_describe(row, before, after) for row in by_key(change.rows))
             if d is not None]
    rank = {"added": 0, "changed": 1, "removed": 2}
    return sorted(found, key=lambda d: (ORDER.index(d.section), KINDS.index(d.kind),
                                        rank[d.what], d.label.casefold()))


def by_key(rows: Iterable[RowChange]) -> list[RowChange]:
    """A row removed and another of its kind with the same natural key added
    (the actual for November, a day off) as the one row changed, as a reader
    sees it: the actual for November changed from 10 to 12."""
    rows = list(rows)
    removed: dict[tuple[type[Record], object], RowChange] = {}
    for row in rows:
        if row.before is not None and row.after is None:
            key = natural_key(row.before)
            if key is not None:
                removed.setdefault((row.kind, key), row)
    if not removed:
        return rows
    paired: dict[int, RowChange] = {}  # a removal taken by an addition: id() of the removal
    out = []
    for row in rows:
        if row.before is None and row.after is not None:
            key = natural_key(row.after)
            gone = removed.get((row.kind, key)) if key is not None else None
            if gone is not None and id(gone) not in paired and gone.before is not None:
                paired[id(gone)] = gone
                out.append(RowChange(gone.before._replace(id=row.after.id), row.after))
                continue
        out.append(row)
    return [row for row in out if id(row) not in paired]


def since(store: "PlanStore", ref: str) -> tuple[str, list[RowDifference]]:
    """What changed in a plan since one of its versions (by name or id)."""
    version = store.version(ref)
    old, new = store.state(version.seq), store.state()
    return version.name, differences(between(old, new), old, new)


def appendix(name: str, found: list[RowDifference], most: int = 2000) -> Section:
    """The PDF's last section: every change since a version, in a table."""
    rows = tuple((d.section_title, d.said_row,
                  "; ".join(f"{f.label}: {_short(f.before)} \u2192 {_short(f.after)}"
                            for f in d.fields)) for d in found[:most])
    said = _("Since the version \u201c{name}\u201d: {summary}.").format(
        name=name, summary=summary(found))
    if len(found) > most:
        said += " " + _("The first {count} are listed.").format(count=number(most))
    blocks: list[Block] = [Paragraph(said)]
    if rows:
        blocks.append(Table((_("Section"), _("Row"), _("What changed")), rows, (1.2, 3, 5)))
    return Section("changes", _("Changes since \u201c{name}\u201d").format(name=name),
                   tuple(blocks))


def summary(found: Iterable[RowDifference]) -> str:
    """"3 added, 5 changed, 1 removed" (or "no changes")."""
    counts = {"added": 0, "changed": 0, "removed": 0}
    for d in found:
        counts[d.what] += 1
    words_ = {"added": _("{count} added"), "changed": _("{count} changed"),
              "removed": _("{count} removed")}
    said = [words_[what].format(count=number(n)) for what, n in counts.items() if n]
    return ", ".join(said) if said else _("no changes")


def word_diff(before: str, after: str) -> list[tuple[Literal["same", "gone", "new"], str]]:
    """The two texts as runs of words kept, taken out and put in."""
    a, b = _tokens(before), _tokens(after)
    out: list[tuple[Literal["same", "gone", "new"], str]] = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op == "equal":
            out.append(("same", "".join(a[i1:i2])))
            continue
        if i2 > i1:
            out.append(("gone", "".join(a[i1:i2])))
        if j2 > j1:
            out.append(("new", "".join(b[j1:j2])))
    return out


def row_label(row: Record, state: State) -> str:
    """A row by what a reader knows it as: `goal “Lift win rate”`."""
    name = _name(row, state)
    return f"{noun(type(row))} {quote(_short(name))}" if name else noun(type(row))


def value_text(row: Record, field: str, state: State) -> str:
    """A field's value as a reader sees it: names for people, labels for enums."""
    value = getattr(row, field)
    if value is None or value == "":
        return "\u2014"
    if field.endswith("_id") and isinstance(value, str):
        target = _target(field)
        found = state.get(target, {}).get(value) if target else None
        return _name(found, state) if found is not None else _("(removed)")
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if isinstance(value, Enum):
        return label(value)
    if isinstance(value, datetime):
        from planner.times import local_time

        return local_time(value)
    if isinstance(value, date):
        return day(value)
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)


_PERSON_FIELDS = {"head_of_sales_id", "head_of_marketing_id", "sales_owner_id",
                  "marketing_owner_id", "sales_signed_by_id", "marketing_signed_by_id",
                  "visitor_id", "host_id", "owner_id"}


def _target(field: str) -> type[Record] | None:
    if field in _PERSON_FIELDS:
        return Person
    return {"metric_id": Metric, "goal_id": Goal, "field_ride_id": FieldRide,
            "funnel_stage_id": FunnelStage, "message_id": Message,
            "review_id": Review}.get(field)


def _describe(row: RowChange, before: State, after: State) -> RowDifference | None:
    kind = row.kind
    state = after if row.after is not None else before
    where = SECTION_OF[kind]
    name = row_label(row.row, state)
    if row.before is None:
        return RowDifference(where, kind, row.id, "added", name)
    if row.after is None:
        return RowDifference(where, kind, row.id, "removed", name)
    fields = tuple(FieldChange(f, words(f)[:1].upper() + words(f)[1:],
                               value_text(row.before, f, before), value_text(row.after, f, after))
                   for f in row.fields() if f not in HIDDEN)
    fields = tuple(f for f in fields if f.before != f.after)
    if not fields:
        return None  # only bookkeeping changed
    return RowDifference(where, kind, row.id, "changed", name, fields)


def _name(row: Record | None, state: State) -> str:
    if row is None:
        return ""
    if isinstance(row, (Goal, Plan)):
        return row.title
    if isinstance(row, (Metric, FunnelStage, Person)):
        return row.name
    if isinstance(row, FieldRide):
        who = _(" with ").join(_name(state.get(Person, {}).get(i or ""), state)
                               for i in (row.visitor_id, row.host_id) if i)
        return day(row.first_day) + (f", {who}" if who else "")
    if isinstance(row, MetricValue):
        metric = _name(state.get(Metric, {}).get(row.metric_id), state) or _("a metric")
        return f"{metric}, {row.period}"
    if isinstance(row, MetricGoal):
        metric = _name(state.get(Metric, {}).get(row.metric_id), state) or _("a metric")
        goal = _name(state.get(Goal, {}).get(row.goal_id), state) or _("a goal")
        return _("{goal} measured by {metric}").format(goal=goal, metric=metric)
    if isinstance(row, Message):
        return row.customer_problem
    if isinstance(row, HotButton):
        return row.words
    if isinstance(row, NonWorkingDay):
        return f"{day(row.day)} {row.occasion}".strip()
    if isinstance(row, ParkingTopic):
        return row.topic
    if isinstance(row, Review):
        return _("held {day}").format(day=day(row.held_on))
    if isinstance(row, ReviewAction):
        return row.action
    if isinstance(row, CheckIn):
        goal = _name(state.get(Goal, {}).get(row.goal_id), state) or _("a goal")
        return _("check-in on {goal}, {day}").format(goal=goal, day=day(row.checked_on))
    if isinstance(row, ReviewLink):
        review = _name(state.get(Review, {}).get(row.review_id), state) or _("a review")
        kind, target = next(((k, i) for k, i in ((Goal, row.goal_id), (FunnelStage,
                            row.funnel_stage_id), (Metric, row.metric_id)) if i),
                            (Goal, None))
        about = _name(state.get(kind, {}).get(target or ""), state) or _("something removed")
        return _("review {review} about {about}").format(review=review, about=about)
    return ""


def _short(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= LONGEST else text[:LONGEST - 1] + "\u2026"


def _quoted(text: str) -> str:
    return "\u2014" if text == "\u2014" else quote(_short(text))


_TOKEN = re.compile(r"\s+|\w+|[^\w\s]", re.UNICODE)


def _tokens(text: str) -> list[str]:
    return _TOKEN.findall(text)


def conflict_line(conflict: Any, base: State, mine: State, theirs: State,
                  merged: State | None = None) -> str:
    """A merge conflict on one line: what, and each side's value."""
    row = conflict.mine or conflict.theirs or conflict.base
    if conflict.field is None:
        where = f"{SECTION_OF[conflict.kind]}: {row_label(row, mine if conflict.mine else theirs)}"
        changed = conflict.base is not None and (conflict.mine or conflict.theirs) != \
            conflict.base
        if conflict.mine is None:
            said = _("conflict: {where}: removed in mine, changed in theirs") if changed else \
                _("conflict: {where}: removed in mine, still used in theirs")
        else:
            said = _("conflict: {where}: removed in theirs, changed in mine") if changed else \
                _("conflict: {where}: removed in theirs, still used in mine")
        return said.format(where=where)
    # A field's conflict names its row as MINE has it (or THEIRS: a row both added).
    current = next(state[conflict.kind][conflict.row_id]
                   for state in (merged or mine, mine, theirs, base)
                   if conflict.row_id in state[conflict.kind])
    where = f"{SECTION_OF[conflict.kind]}: {row_label(current, mine)}"
    texts = {side: _quoted(value_text(current._replace(**{conflict.field: value}),
                                      conflict.field, state))
             for side, state, value in (("mine", mine, conflict.mine),
                                        ("theirs", theirs, conflict.theirs),
                                        ("ancestor", base, conflict.base))}
    return _("conflict: {where}: {field}: mine {mine}, theirs {theirs}, ancestor "
             "{ancestor}").format(where=where, field=words(conflict.field), **texts)
