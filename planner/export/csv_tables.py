"""The plan as spreadsheets: one CSV file per table, for people who work in
Excel, LibreOffice or Numbers.

Each file is UTF-8 with a byte-order mark (so Excel reads accents and
scripts right), comma-separated with CRLF line ends and every text quoted
as RFC 4180 says. The first column is the row's id; references are written
as what they name (a person's name, a stage's name), not as ids. A text that
a spreadsheet would run as a formula (starting with = + - @, a tab or a
carriage return) is written with a leading apostrophe, as OWASP recommends:
a hostile plan cannot make a spreadsheet compute.
"""

import csv
import io
from collections.abc import Callable, Sequence
from datetime import date, datetime
from enum import Enum
from pathlib import Path
from typing import Any

from planner.model import (
    CheckIn, CrmImport, FieldRide, FunnelStage, Goal, Message, Metric, MetricGoal, MetricValue,
    Person, Record, Review, ReviewAction, ReviewLink, Training, TrainingSeat)
from planner.model.enums import label
from planner.model.reader import PlanReader
from planner.model.validation import words
from planner.rules.library import message_state
from planner.rules.signoff import agreement_state
from planner.store.atomic import write_replacing

# The file of each table, in the order they are written.
TABLES: tuple[tuple[str, type[Record]], ...] = (
    ("goals", Goal), ("people", Person), ("rides", FieldRide), ("metrics", Metric),
    ("actuals", MetricValue), ("funnel", FunnelStage), ("messages", Message),
    ("reviews", Review), ("actions", ReviewAction), ("check_ins", CheckIn),
    ("crm_imports", CrmImport), ("trainings", Training), ("training_seats", TrainingSeat))
LEFT_OUT = ("created_at", "updated_at", "sales_signed_wording", "marketing_signed_wording",
            "position")
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def cell(value: Any) -> str:
    """A value as a spreadsheet cell's text."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, Enum):
        return label(value)
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M:%S UTC")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float):
        return repr(value) if value != int(value) else str(int(value))
    if isinstance(value, int):
        return str(value)
    text = str(value)
    return "'" + text if text.startswith(FORMULA_START) else text


class _Names:
    """What a reference names, as a reader would say it."""

    def __init__(self, reader: PlanReader) -> None:
        self.names: dict[str, str] = {p.id: p.name for p in reader.rows(Person)}
        self.names.update({s.id: s.name for s in reader.rows(FunnelStage)})
        self.names.update({g.id: g.title for g in reader.rows(Goal)})
        self.names.update({m.id: m.name for m in reader.rows(Metric)})
        self.names.update({m.id: m.customer_problem for m in reader.rows(Message)})
        self.names.update({r.id: f"review held on {r.held_on.isoformat()}"
                           for r in reader.rows(Review)})
        self.names.update({r.id: f"{r.first_day.isoformat()}, "
                           f"{self.names.get(r.visitor_id or '', '?')} with "
                           f"{self.names.get(r.host_id or '', '?')}"
                           for r in reader.rows(FieldRide)})

    def __call__(self, row_id: str | None) -> str | None:
        return None if row_id is None else self.names.get(row_id, "(removed)")


Extra = tuple[str, Callable[[Any], Any]]


def _extras(reader: PlanReader, names: _Names) -> dict[type[Record], list[Extra]]:
    """Columns worked out from other rows: agreement, links."""
    goals_of: dict[str, list[str]] = {}
    for link in reader.rows(MetricGoal):
        goals_of.setdefault(link.metric_id, []).append(names(link.goal_id) or "")
    about: dict[str, list[str]] = {}
    for rl in reader.rows(ReviewLink):
        about.setdefault(rl.review_id, []).append(
            names(rl.goal_id or rl.funnel_stage_id or rl.metric_id) or "")
    return {
        Goal: [("Agreement", agreement_state)],
        Message: [("Approval", message_state)],
        Metric: [("Linked goals", lambda m: "; ".join(sorted(goals_of.get(m.id, []))))],
        Review: [("About", lambda r: "; ".join(about.get(r.id, [])))],
    }


def table_rows(reader: PlanReader, kind: type[Record]) -> list[list[str]]:
    """One table as text rows, its header first."""
    names = _Names(reader)
    extras = _extras(reader, names).get(kind, [])
    fields = [f for f in kind._fields if f not in LEFT_OUT]
    header = ["id" if f == "id" else words(f)[:1].upper() + words(f)[1:] for f in fields]
    header += [title for title, _ in extras]
    out = [header]
    for row in reader.rows(kind):
        values = [names(getattr(row, f)) if f.endswith("_id") and f != "id" else getattr(row, f)
                  for f in fields]
        values += [work(row) for _, work in extras]
        out.append([cell(v) for v in values])
    return out


def csv_bytes(rows: Sequence[Sequence[str]]) -> bytes:
    buffer = io.StringIO(newline="")
    csv.writer(buffer, dialect="excel", quoting=csv.QUOTE_MINIMAL).writerows(rows)
    return buffer.getvalue().encode("utf-8-sig")


def export_csv(reader: PlanReader, folder: Path) -> list[Path]:
    """Write one CSV per table into a folder made if need be; returns the files."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, kind in TABLES:
        path = folder / f"{name}.csv"
        write_replacing(path, csv_bytes(table_rows(reader, kind)))
        written.append(path)
    return written
