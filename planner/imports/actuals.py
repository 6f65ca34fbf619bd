"""Metric actuals from a CSV file, e.g. a CRM export: parse, map, check row by row.

Pure functions: nothing here touches the plan file. The window previews the
result and imports nothing until the user confirms.
"""

import csv
import io
import re
from functools import lru_cache
from collections.abc import Iterable
from dataclasses import dataclass, field

from planner.i18n import _

MONTHS = {m: n for n, m in enumerate(
    ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), 1)}
HEADER_WORDS = {"metric": ("metric", "kpi", "measure", "name"),
                "period": ("period", "month", "quarter", "date"),
                "actual": ("actual", "value", "amount", "result", "count"),
                "note": ("note", "comment", "remark")}


@dataclass(frozen=True)
class CsvTable:
    header: list[str]
    rows: list[tuple[int, list[str]]]  # (line number in the file, cells)
    delimiter: str


@dataclass(frozen=True)
class Mapping:
    metric: int
    period: int
    actual: int
    note: int | None = None


@dataclass(frozen=True)
class Actual:
    line: int
    metric_id: str
    period: str
    actual: float
    note: str = ""


@dataclass
class Parsed:
    actuals: list[Actual] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)  # "line 7: ..." sentences


def decode(data: bytes) -> str:
    """UTF-8 (with or without BOM), else Windows-1252, as spreadsheets write."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def read_table(data: bytes) -> CsvTable:
    text = decode(data)
    # The header line decides: notes further down may be full of semicolons.
    first = next((line for line in text.splitlines() if line.strip()), "")
    counts = {d: first.count(d) for d in (";", ",", "\t", "|")}
    delimiter = max(counts, key=lambda d: counts[d]) if any(counts.values()) else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    rows: list[tuple[int, list[str]]] = []
    header: list[str] | None = None
    line = 1
    for cells in reader:
        if any(c.strip() for c in cells):
            if header is None:
                header = [c.strip() for c in cells]
            else:
                rows.append((line, cells))
        line = reader.line_num + 1
    return CsvTable(header or [], rows, delimiter)


def uses_decimal_comma(values: Iterable[str]) -> bool:
    """Whether a column writes 12,5 for twelve and a half (European style):
    some value has a comma that is not a thousands separator before a dot."""
    for value in values:
        v = value.strip().replace("\u00a0", "").replace(" ", "")
        if "," in v and ("." not in v or v.rindex(",") > v.rindex(".")):
            if "." in v or not re.fullmatch(r"-?\d{1,3}(,\d{3})+", v):
                return True
    return False


def guess_mapping(header: list[str]) -> Mapping | None:
    """Columns named like metric, period, actual (and note); None if unsure."""
    found: dict[str, int] = {}
    for role, words in HEADER_WORDS.items():
        for n, name in enumerate(header):
            if n not in found.values() and any(w in name.casefold() for w in words):
                found[role] = n
                break
    if not {"metric", "period", "actual"} <= found.keys():
        return None
    return Mapping(found["metric"], found["period"], found["actual"], found.get("note"))


def parse_number(text: str, decimal_comma: bool) -> float:
    cleaned = text.strip().replace("\u00a0", "").replace(" ", "").rstrip("%")
    if decimal_comma:
        cleaned = cleaned.replace(".", "").replace(",", ".")
    else:
        cleaned = cleaned.replace(",", "")
    value = float(cleaned)
    if value != value or value in (float("inf"), float("-inf")):
        raise ValueError(text)
    return value


@lru_cache(maxsize=4096)  # an export repeats a few dozen periods
def parse_period(text: str) -> str:
    """"2027-03", "2027-3", "03/2027", "Mar 2027", "2027-03-31" -> "2027-03";
    "2027-Q1", "Q1 2027", "2027 Q1" -> "2027-Q1"."""
    t = text.strip().casefold()
    if m := re.fullmatch(r"(\d{4})[-/ ]?q([1-4])|q([1-4])[-/ ]?(\d{4})", t):
        year, quarter = (m[1], m[2]) if m[1] else (m[4], m[3])
        return f"{year}-Q{quarter}"
    if m := re.fullmatch(r"(\d{4})-(\d{1,2})(?:-\d{1,2})?", t):
        year, month = m[1], int(m[2])
    elif m := re.fullmatch(r"(?:\d{1,2}[./])?(\d{1,2})[./](\d{4})", t):
        year, month = m[2], int(m[1])
    elif m := re.fullmatch(r"([a-z]{3})[a-z]*\.?[ -](\d{4})", t):
        year, month = m[2], MONTHS.get(m[1], 0)
    else:
        raise ValueError(text)
    if not 1 <= month <= 12:
        raise ValueError(text)
    return f"{year}-{month:02d}"


def parse_actuals(table: CsvTable, mapping: Mapping, metric_ids: dict[str, str],
                  periods: Iterable[str], limit_errors: int = 200) -> Parsed:
    """Every row becomes an Actual or an error naming its line and problem.

    `metric_ids` maps metric names (any case) to ids; `periods` are those of the plan.
    """
    known = {name.casefold().strip(): mid for name, mid in metric_ids.items()}
    allowed = set(periods)
    out = Parsed()
    needed = max(mapping.metric, mapping.period, mapping.actual, mapping.note or 0)
    decimal_comma = uses_decimal_comma(cells[mapping.actual] for _, cells in table.rows
                                       if len(cells) > mapping.actual)
    for line, cells in table.rows:
        error = None
        if len(cells) <= needed:
            error = _("line {line}: {count} columns, expected at least {needed}").format(
                line=line, count=len(cells), needed=needed + 1)
        else:
            name, period_text = cells[mapping.metric].strip(), cells[mapping.period]
            metric_id = known.get(name.casefold())
            try:
                period = parse_period(period_text)
            except ValueError:
                period = None
            try:
                value = parse_number(cells[mapping.actual], decimal_comma)
            except ValueError:
                value = None
            if metric_id is None:
                error = _("line {line}: unknown metric \u201c{name}\u201d").format(
                    line=line, name=name)
            elif period is None:
                error = _("line {line}: \u201c{value}\u201d is not a period").format(
                    line=line, value=period_text.strip())
            elif period not in allowed:
                error = _("line {line}: period {period} is outside the plan").format(
                    line=line, period=period)
            elif value is None:
                error = _("line {line}: \u201c{value}\u201d is not a number").format(
                    line=line, value=cells[mapping.actual].strip())
            else:
                note = cells[mapping.note].strip() if mapping.note is not None else ""
                out.actuals.append(Actual(line, metric_id, period, value, note))
        if error and len(out.errors) < limit_errors:
            out.errors.append(error)
    return out
