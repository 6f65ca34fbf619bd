"""Lead and deal exports from a CRM, read as the plan's handoff needs them.

An export is read as a stream, a row at a time (a 2 GB file is never held
whole): CSV in whatever encoding a CRM or Excel wrote (UTF-8 with or without
its BOM, UTF-16 as Excel's "Unicode text" writes it, else Windows-1252), with
`,`, `;` or tab between cells and newlines inside quotes; or XLSX through
openpyxl in read-only mode (values as Excel last computed them: a formula is
never evaluated here, and formula-looking text stays text).

The header says which CRM and which kind it is (`detect`): Salesforce's lead
and opportunity reports and HubSpot's contact and deal exports by their
standard column names, or any other file through a mapping of its own
(`Mapping`, saved per plan as JSON). Each row becomes a `LeadRow` or a
`DealRow`, or a `Problem` naming the line, the column, the value and why
(a date that is not one, a stage nobody mapped, an amount that is not a
number). Dates are read in the export's own order (day or month first,
found from the values when the mapping does not say) and its time zone, and
kept in UTC.

Pure functions over files: nothing here touches the plan.
"""

import codecs
import csv
import re
import zipfile
from collections.abc import Callable, Generator, Iterable, Iterator
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta, timezone
from enum import Enum
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from planner.errors import PlanError
from planner.i18n import N_, _, number
from planner.model.crm import DealRow, LeadRow, Outcome

MAX_CELL = 2000          # characters kept of a cell (an owner's name, a reason)
MAX_ROWS = 2_000_000     # rows an export may hold: beyond, it is refused, not cut
MAX_COLUMNS = 1000       # columns a row may have (HubSpot exports a few hundred at most)
MAX_LINE = 1 << 22       # characters a line (and a quoted cell) may have: 4 M
SAMPLE_BYTES = 1 << 20   # the part of a file its encoding and separator are found from


class Kind(Enum):
    LEAD = "lead"
    DEAL = "deal"


_KIND_WORDS = (N_("lead"), N_("deal"))  # a kind as a sentence says it (`_(kind.value)`)


# The fields each kind takes, and the columns each CRM calls them (compared
# without case, spaces or punctuation: "Lead Owner" is "leadowner").
LEAD_FIELDS = ("crm_id", "mql_at", "followed_up_at", "owner", "source", "campaign", "region",
               "status", "recycled_at", "recycle_reason", "sql_at", "opportunity_at",
               "customer_at", "created_at")
DEAL_FIELDS = ("crm_id", "stage", "amount", "created_at", "closed_on", "owner", "source",
               "campaign", "region", "lead_id")
REQUIRED = {Kind.LEAD: ("crm_id", "mql_at"), Kind.DEAL: ("crm_id", "stage", "created_at")}
DATE_FIELDS = {"mql_at", "followed_up_at", "recycled_at", "sql_at", "opportunity_at",
               "customer_at", "created_at", "closed_on"}


@dataclass(frozen=True)
class Preset:
    name: str        # "salesforce" or "hubspot"
    kind: Kind
    title: str       # as the mapping step names it
    columns: dict[str, tuple[str, ...]]
    day_first: bool | None  # the CRM's usual date order (None: ISO, or found from the data)
    stages: dict[str, Outcome] = field(default_factory=dict)


_SF_STAGES = {"prospecting": Outcome.OPEN, "qualification": Outcome.OPEN,
              "needs analysis": Outcome.OPEN, "value proposition": Outcome.OPEN,
              "id. decision makers": Outcome.OPEN, "perception analysis": Outcome.OPEN,
              "proposal/price quote": Outcome.OPEN, "negotiation/review": Outcome.OPEN,
              "closed won": Outcome.WON, "closed lost": Outcome.LOST}
_HS_STAGES = {"appointment scheduled": Outcome.OPEN, "qualified to buy": Outcome.OPEN,
              "presentation scheduled": Outcome.OPEN,
              "decision maker bought-in": Outcome.OPEN, "contract sent": Outcome.OPEN,
              "closed won": Outcome.WON, "closed lost": Outcome.LOST,
              "appointmentscheduled": Outcome.OPEN, "qualifiedtobuy": Outcome.OPEN,
              "presentationscheduled": Outcome.OPEN, "decisionmakerboughtin": Outcome.OPEN,
              "contractsent": Outcome.OPEN, "closedwon": Outcome.WON,
              "closedlost": Outcome.LOST}

PRESETS = (
    Preset("salesforce", Kind.LEAD, "Salesforce lead report", {
        "crm_id": ("Lead ID", "Id"),
        "mql_at": ("MQL Date", "Marketing Qualified Date", "MQL Date/Time", "Created Date"),
        "followed_up_at": ("First Response", "First Activity", "First Touch Date",
                           "Last Activity"),
        "owner": ("Lead Owner", "Owner Name", "Owner"),
        "source": ("Lead Source",),
        "campaign": ("Campaign Name", "Primary Campaign Source", "Campaign"),
        "region": ("State/Province", "Region", "Country", "Territory"),
        "status": ("Lead Status", "Status"),
        "recycled_at": ("Recycled Date", "Date Recycled"),
        "recycle_reason": ("Recycle Reason", "Reason Recycled", "Unqualified Reason"),
        "sql_at": ("SQL Date", "Sales Accepted Date"),
        "opportunity_at": ("Converted Date",),
        "created_at": ("Created Date",)}, day_first=False),
    Preset("salesforce", Kind.DEAL, "Salesforce opportunity report", {
        "crm_id": ("Opportunity ID", "Id"),
        "stage": ("Stage", "Stage Name"),
        "amount": ("Amount", "Amount (converted)"),
        "created_at": ("Created Date",),
        "closed_on": ("Close Date",),
        "owner": ("Opportunity Owner", "Owner Name", "Owner"),
        "source": ("Lead Source",),
        "campaign": ("Primary Campaign Source", "Campaign Name", "Campaign"),
        "region": ("Billing State/Province", "Region", "Territory"),
        "lead_id": ("Converted Lead ID", "Lead ID")}, day_first=False, stages=_SF_STAGES),
    Preset("hubspot", Kind.LEAD, "HubSpot contacts export", {
        "crm_id": ("Record ID", "Contact ID"),
        "mql_at": ("Became a Marketing Qualified Lead Date",),
        "followed_up_at": ("Date of first engagement", "First Engagement Date",
                           "Last Contacted"),
        "owner": ("Contact owner", "HubSpot Owner"),
        "source": ("Original Source", "Original Source Type", "Latest Source"),
        "campaign": ("First Conversion", "Original Source Drill-Down 2", "Campaign"),
        "region": ("State/Region", "Region", "Country/Region"),
        "status": ("Lead Status",),
        "recycled_at": ("Recycled Date", "Date recycled"),
        "recycle_reason": ("Recycle Reason", "Disqualification Reason", "Lead Status Reason"),
        "sql_at": ("Became a Sales Qualified Lead Date",),
        "opportunity_at": ("Became an Opportunity Date",),
        "customer_at": ("Became a Customer Date",),
        "created_at": ("Create Date",)}, day_first=None),
    Preset("hubspot", Kind.DEAL, "HubSpot deals export", {
        "crm_id": ("Record ID", "Deal ID"),
        "stage": ("Deal Stage",),
        "amount": ("Amount", "Amount in company currency"),
        "created_at": ("Create Date",),
        "closed_on": ("Close Date",),
        "owner": ("Deal owner", "HubSpot Owner"),
        "source": ("Original Source Type", "Original Traffic Source", "Deal source"),
        "campaign": ("Campaign", "Associated Campaign"),
        "region": ("Region", "Territory"),
        "lead_id": ("Associated Contact IDs", "Associated Contact")}, day_first=None,
        stages=_HS_STAGES),
)


def header_key(header: str) -> str:
    """A header name as it is matched: letters and digits only, any case."""
    return re.sub(r"[^0-9a-z]", "", header.casefold())


_key = header_key


@dataclass(frozen=True)
class Mapping:
    """Which column is which field, and how the export writes its values."""

    kind: Kind
    columns: dict[str, int]        # field -> column index in the header
    source: str = "custom"         # "salesforce", "hubspot" or "custom"
    day_first: bool | None = None  # None: found from the values
    usual_day_first: bool = False  # the CRM's own habit, when the values cannot tell
    zone: str = "UTC"              # the export's time zone (IANA), for times without one
    decimal_comma: bool | None = None  # None: found from the values
    stages: dict[str, Outcome] = field(default_factory=dict)  # stage (casefolded) -> outcome

    def to_json(self, header: list[str]) -> dict[str, Any]:
        """As saved with the plan: columns by their header names (an export
        with its columns in another order maps the same)."""
        return {"kind": self.kind.value, "source": self.source,
                "columns": {f: header[i] for f, i in self.columns.items()},
                "day_first": self.day_first, "zone": self.zone,
                "decimal_comma": self.decimal_comma,
                "stages": {s: o.value for s, o in self.stages.items()}}


class MappingError(PlanError, ValueError):
    """A mapping that cannot be used, in one sentence."""


def mapping_from_json(data: object, header: list[str]) -> Mapping:
    """A saved mapping (a MAPPING.json file, or the plan's own) applied to a
    header; a sentence names what is wrong with it."""
    if not isinstance(data, dict):
        raise MappingError(_("The mapping is not a JSON object of kind, columns and formats."))
    try:
        kind = Kind(data.get("kind", "lead"))
    except ValueError:
        raise MappingError(_("The mapping's kind \u201c{kind}\u201d is neither lead nor "
                             "deal.").format(kind=str(data.get("kind"))[:40])) from None
    names = data.get("columns")
    if not isinstance(names, dict) or not names:
        raise MappingError(_("The mapping names no columns (\u201ccolumns\u201d: field to header "
                             "name)."))
    fields = LEAD_FIELDS if kind is Kind.LEAD else DEAL_FIELDS
    by_key = {_key(h): i for i, h in reversed(list(enumerate(header)))}
    columns = {}
    for name, column in names.items():
        if name not in fields:
            raise MappingError(_("The mapping's field \u201c{field}\u201d is not one a {kind} has "
                                 "({fields}).").format(field=str(name)[:40], kind=_(kind.value),
                                                       fields=", ".join(fields)))
        if not isinstance(column, str) or _key(column) not in by_key:
            raise MappingError(_("The mapping's column for {field} (\u201c{column}\u201d) is not in "
                                 "the file's header.").format(field=name,
                                                              column=str(column)[:60]))
        columns[name] = by_key[_key(column)]
    zone = data.get("zone", "UTC")
    if not isinstance(zone, str) or not valid_zone(zone):
        raise MappingError(_("The mapping's time zone \u201c{zone}\u201d is not one (e.g. "
                             "Europe/Berlin or UTC).").format(zone=str(zone)[:40]))
    stages = {}
    for stage, outcome in (data.get("stages") or {}).items():
        try:
            stages[str(stage).casefold()] = Outcome(outcome)
        except ValueError:
            raise MappingError(_("The mapping's stage \u201c{stage}\u201d is given \u201c{outcome}\u201d; "
                                 "say open, won or lost.").format(
                                     stage=str(stage)[:40], outcome=str(outcome)[:20])) from None
    mapping = Mapping(kind, columns, source=str(data.get("source", "custom"))[:40],
                      day_first=_flag(data.get("day_first")), zone=zone,
                      decimal_comma=_flag(data.get("decimal_comma")), stages=stages)
    missing = [f for f in REQUIRED[kind] if f not in columns]
    if missing:
        raise MappingError(_("The mapping gives no column for {fields}, which a {kind} "
                             "needs.").format(fields=", ".join(missing), kind=_(kind.value)))
    return mapping


def _flag(value: object) -> bool | None:
    return value if isinstance(value, bool) else None


def valid_zone(name: str) -> bool:
    if name == "UTC":
        return True
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return False
    return True


def detect(header: list[str]) -> Mapping | None:
    """The preset whose columns the header has the most of (its required ones
    all there), as a mapping; None when the file is no CRM's we know."""
    by_key = {_key(h): i for i, h in reversed(list(enumerate(header)))}
    best: tuple[int, Mapping] | None = None
    for preset in PRESETS:
        columns: dict[str, int] = {}
        for name, aliases in preset.columns.items():
            found = next((by_key[_key(a)] for a in aliases if _key(a) in by_key), None)
            if found is not None and found not in columns.values():
                columns[name] = found
            elif found is not None and name == "created_at":
                columns[name] = found  # Salesforce's MQL may be the created date itself
        if not all(f in columns for f in REQUIRED[preset.kind]):
            continue
        # A column named for the other kind settles it (an opportunity's Stage).
        score = len(columns) + sum(3 for a in preset.columns["crm_id"] if _key(a) in by_key
                                   and _key(a) not in ("id", "recordid"))
        if best is None or score > best[0]:
            best = (score, Mapping(preset.kind, columns, preset.name, None,
                                   bool(preset.day_first), stages=dict(preset.stages)))
    return best[1] if best else None


# -- reading the file ----------------------------------------------------------

class ExportError(PlanError, ValueError):
    """A file that cannot be read as an export, in one sentence."""


@dataclass(frozen=True)
class Problem:
    line: int      # the line (CSV) or row (XLSX) in the file, counting the header as 1
    column: str    # the header's name for it
    value: str
    why: str

    def sentence(self) -> str:
        shown = self.value if len(self.value) <= 40 else self.value[:39] + "\u2026"
        return _("line {line}, {column} \u201c{value}\u201d: {why}").format(
            line=self.line, column=self.column, value=shown, why=_(self.why))


def needs_it(kind: "Kind") -> str:
    """Why an empty cell of a needed field is not read (said in the reader's language)."""
    return N_("empty, and a deal needs it") if kind is Kind.DEAL else \
        N_("empty, and a lead needs it")


Rows = Generator[tuple[int, list[str]], None, None]


class Export:
    """One export file, open: its header, then its rows as a stream."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        try:
            self.size = self.path.stat().st_size
            with self.path.open("rb") as probe:
                head = probe.read(SAMPLE_BYTES)
        except OSError as exc:
            raise ExportError(_("{name} cannot be read ({reason}).").format(
                name=self.path.name, reason=exc.strerror)) from None
        if not head.strip():
            raise ExportError(_("{name} is empty.").format(name=self.path.name))
        self.xlsx = head.startswith(b"PK\x03\x04")
        if self.xlsx:
            self.encoding, self.delimiter = "xlsx", ""
        else:
            self.encoding = _encoding(head)
            text = head.decode(self.encoding, errors="replace")
            self.delimiter = _delimiter(text)
        rows = self.rows()
        try:
            first = next(rows, None)
        finally:
            rows.close()
        if first is None or not any(c.strip() for c in first[1]):
            raise ExportError(_("{name} has no header line.").format(name=self.path.name))
        self.header = [_cell(c) for c in first[1]]

    def rows(self) -> Rows:
        """(line, cells) for every row, the header first; read as it goes."""
        return _xlsx_rows(self.path) if self.xlsx else _csv_rows(
            self.path, self.encoding, self.delimiter)

    def body(self) -> Rows:
        rows = self.rows()
        next(rows, None)
        return rows


def _encoding(head: bytes) -> str:
    if head.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    if len(head) > 3 and head[1] == 0 and head[3] == 0:
        return "utf-16-le"  # no BOM, but every other byte zero: Excel's own
    try:
        head.decode("utf-8")
    except UnicodeDecodeError as exc:
        if exc.start < len(head) - 4:  # not just a character cut at the sample's end
            return "cp1252"
    return "utf-8"


def _delimiter(text: str) -> str:
    """The separator of the header line: the one of `,` `;` tab that splits it
    most, counted outside quotes."""
    line, quoted = [], False
    for ch in text:
        if ch == '"':
            quoted = not quoted
        elif ch in "\r\n" and not quoted:
            break
        line.append(ch)
    first = "".join(line)
    counts = {d: first.count(d) for d in (",", ";", "\t")}
    return max(counts, key=lambda d: (counts[d], d == ","))


def _bounded(handle: Any, name: str) -> Iterator[str]:
    """The file's lines, each at most MAX_LINE characters: a line longer than
    any CRM writes (a file of one endless line) is refused before it is held."""
    while line := handle.readline(MAX_LINE + 1):
        if len(line) > MAX_LINE:
            raise ExportError(_("{name} has a line longer than {most} characters, which no "
                                "CRM export has.").format(name=name, most=number(MAX_LINE)))
        yield line


def _csv_rows(path: Path, encoding: str, delimiter: str) -> Rows:
    csv.field_size_limit(MAX_LINE)
    try:
        with path.open("r", encoding=encoding, errors="replace", newline="") as handle:
            reader = csv.reader(_bounded(handle, path.name), delimiter=delimiter)
            for cells in reader:
                if len(cells) > MAX_COLUMNS:
                    raise ExportError(_("{name} has {count} cells on line {line}; an "
                                        "export has at most {most} columns.").format(
                                            name=path.name, count=number(len(cells)),
                                            line=reader.line_num, most=number(MAX_COLUMNS)))
                yield reader.line_num, cells
    except csv.Error as exc:
        raise ExportError(_("{name} is not a table a CRM writes ({reason}).").format(
            name=path.name, reason=exc)) from None
    except OSError as exc:
        raise ExportError(_("{name} could not be read to its end ({reason}).").format(
            name=path.name, reason=exc.strerror)) from None


def _xlsx_rows(path: Path) -> Rows:
    import openpyxl  # only when an XLSX file comes (it costs 0.2 s to import)

    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError, TypeError) as exc:
        raise ExportError(_("{name} is not a workbook Excel can open ({reason}).").format(
            name=path.name, reason=exc)) from None
    try:
        sheet = book.worksheets[0] if book.worksheets else None
        if sheet is None:
            return
        wide = getattr(sheet, "max_column", None)  # the sheet's own dimension, when it says
        if isinstance(wide, int) and wide > MAX_COLUMNS:
            raise ExportError(_("{name} has {count} columns; an export has at most "
                                "{most}.").format(name=path.name, count=number(wide),
                                                  most=number(MAX_COLUMNS)))
        for n, values in enumerate(sheet.iter_rows(values_only=True, max_col=MAX_COLUMNS + 1),
                                   1):
            if len(values) > MAX_COLUMNS and values[MAX_COLUMNS] is not None:
                raise ExportError(_("{name} has more than {most} columns on row {row}; an "
                                    "export has at most {most}.").format(
                                        name=path.name, most=number(MAX_COLUMNS), row=n))
            yield n, [_xlsx_cell(v) for v in values[:MAX_COLUMNS]]
    except (zipfile.BadZipFile, KeyError, ValueError, OSError, TypeError) as exc:
        raise ExportError(_("{name} could not be read to its end ({reason}).").format(
            name=path.name, reason=exc)) from None
    finally:
        book.close()


def _xlsx_cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.isoformat(sep=" ")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _cell(text: str) -> str:
    """A cell as kept: without its surrounding spaces, control characters made
    spaces, at most MAX_CELL characters."""
    text = text.strip()
    if not text.isprintable():
        text = "".join(c if c.isprintable() else " " for c in text).strip()
    return text[:MAX_CELL]


def clean(value: str) -> str:
    """One cell as a column of them is kept once read (`crm_columns`): the
    same as `_cell`, which it is for any cell but a short printable one."""
    value = value.strip()
    if not value.isprintable() or len(value) > MAX_CELL:
        value = _cell(value)
    return value


# -- values ----------------------------------------------------------------------

# The plain ISO shapes (2027-03-01, with 10:00 or 10:00:00) that numpy and
# Arrow read in C exactly as Python does: one pattern for both readers.
PLAIN_ISO = r"\d{4}-\d{2}-\d{2}([ T]\d{2}:\d{2}(:\d{2})?)?"
_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?"
                  r"\s*(Z|[+-]\d{2}:?\d{2})?)?$", re.IGNORECASE)
_SLASHED = re.compile(r"(\d{1,2})[./-](\d{1,2})[./-](\d{2}|\d{4})(?:,?\s+(\d{1,2}):(\d{2})"
                      r"(?::(\d{2}))?\s*([AaPp]\.?[Mm]\.?)?)?$")


class ValueProblem(ValueError):
    pass


def parse_moment(text: str, day_first: bool | None, zone: str) -> datetime:
    """A date or date and time as an export writes it, in UTC (a time without
    its own offset read in the export's zone; a date alone is its midnight)."""
    text = text.strip()
    if len(text) >= 10 and text[4] == "-":  # ISO 8601, as most exports write: C's parser
        try:
            quick = datetime.fromisoformat(text)
        except ValueError:
            pass  # said below in words
        else:
            if 1900 <= quick.year <= 2199:
                if quick.tzinfo is not None:
                    return quick.astimezone(timezone.utc)
                if zone == "UTC":
                    return quick.replace(tzinfo=timezone.utc)
                return quick.replace(tzinfo=_zone(zone)).astimezone(timezone.utc)
    m = _ISO.match(text)
    if m:
        year, month, day = int(m[1]), int(m[2]), int(m[3])
        hour, minute, second = int(m[4] or 0), int(m[5] or 0), int(m[6] or 0)
        micro = int((m[7] or "0")[:6].ljust(6, "0"))
        offset = m[8]
    else:
        m = _SLASHED.match(text)
        if not m:
            raise ValueProblem(N_("not a date"))
        a, b, year = int(m[1]), int(m[2]), int(m[3])
        if year < 100:
            year += 2000
        if day_first is None:
            day_first = a > 12 >= b
        day, month = (a, b) if day_first else (b, a)
        hour, minute, second = int(m[4] or 0), int(m[5] or 0), int(m[6] or 0)
        micro, offset = 0, None
        meridiem = (m[7] or "").replace(".", "").lower()
        if meridiem:
            if not 1 <= hour <= 12:
                raise ValueProblem(N_("not a time of day"))
            hour = hour % 12 + (12 if meridiem == "pm" else 0)
    if not 1900 <= year <= 2199:
        raise ValueProblem(N_("outside the years a calendar shows"))
    try:
        moment = datetime(year, month, day, hour, minute, second, micro)
    except ValueError:
        raise ValueProblem(N_("not a day of the calendar") if hour < 24 and minute < 60
                           else N_("not a time of day")) from None
    if offset:
        if offset.upper() == "Z":
            return moment.replace(tzinfo=timezone.utc)
        sign = 1 if offset[0] == "+" else -1
        digits = offset[1:].replace(":", "")
        delta = timedelta(hours=int(digits[:2]), minutes=int(digits[2:]))
        if delta > timedelta(hours=14):
            raise ValueProblem(N_("an offset from UTC no place has"))
        return (moment - sign * delta).replace(tzinfo=timezone.utc)
    return moment.replace(tzinfo=_zone(zone)).astimezone(timezone.utc)


def _zone(name: str) -> timezone | ZoneInfo:
    return timezone.utc if name == "UTC" else ZoneInfo(name)  # ZoneInfo keeps one per name


_MONEY = re.compile(r"^[^\d\-+]*([-+]?[\d.,'\u202f\u00a0 ]*\d)[^\d]*$")


def parse_amount(text: str, decimal_comma: bool | None) -> float:
    """An amount as written: "1,234.50", "1.234,50", "€ 1 234", "$-12" (a
    currency sign or code around it is dropped)."""
    m = _MONEY.match(text.strip())
    if not m:
        raise ValueProblem(N_("not an amount"))
    number = re.sub(r"['\u202f\u00a0 ]", "", m[1])
    if decimal_comma is None:
        decimal_comma = _comma_is_decimal(number)
    thousands, point = (".", ",") if decimal_comma else (",", ".")
    if number.count(point) > 1:
        raise ValueProblem(N_("not an amount"))
    number = number.replace(thousands, "").replace(point, ".")
    try:
        value = float(number)
    except ValueError:
        raise ValueProblem(N_("not an amount")) from None
    if not abs(value) <= 1e15:
        raise ValueProblem(N_("larger than any plan needs"))
    return value


def _comma_is_decimal(number: str) -> bool:
    if "," in number and "." in number:
        return number.rfind(",") > number.rfind(".")
    if "," in number:
        return not re.search(r",\d{3}$", number) or number.count(",") == 1 and \
            number.startswith(("0,", "-0,"))
    return False


def _decimal_vote(number: str) -> bool | None:
    """Whether an amount says its decimal mark is a comma (True), a point
    (False), or cannot say ("12.000" and "12,000" are thousands either way)."""
    if "," in number and "." in number:
        return number.rfind(",") > number.rfind(".")
    for mark in (",", "."):
        if mark in number:
            if number.count(mark) > 1 or re.search(rf"\{mark}\d{{3}}$", number):
                return None if number.count(mark) == 1 else mark == "."
            return mark == ","
    return None


def find_formats(export: Export, mapping: Mapping, rows: int = 2000) -> Mapping:
    """The date order and decimal mark, where the mapping leaves them open,
    found from the first rows' values: a first number above 12 says day first,
    a second above 12 says month first (neither: day first for dates written
    with dots, else the CRM's habit, Salesforce's US month first); "1,5" says
    decimal comma."""
    dates = [i for f, i in mapping.columns.items() if f in DATE_FIELDS]
    amount = mapping.columns.get("amount")
    day_votes = month_votes = comma_votes = point_votes = dotted = 0
    body = export.body()
    try:
        for n, (_, cells) in enumerate(body):
            if n >= rows:
                break
            for i in dates:
                m = _SLASHED.match(cells[i].strip()) if i < len(cells) else None
                if m:
                    a, b = int(m[1]), int(m[2])
                    day_votes += a > 12
                    month_votes += b > 12
                    dotted += "." in cells[i][:6]
            if amount is not None and amount < len(cells):
                vote = _decimal_vote(re.sub(r"[^\d.,]", "", cells[amount]))
                comma_votes += vote is True
                point_votes += vote is False
    finally:
        body.close()
    day_first = mapping.day_first
    if day_first is None:
        # Dates written with dots (1.9.2026) are day first wherever they are written.
        day_first = day_votes > month_votes if day_votes != month_votes else \
            True if dotted else mapping.usual_day_first
    decimal_comma = mapping.decimal_comma
    if decimal_comma is None and amount is not None:
        decimal_comma = comma_votes > point_votes
    return replace(mapping, day_first=day_first, decimal_comma=decimal_comma)


KEPT_PROBLEMS = 1000  # lines listed with why; the rest are counted


@dataclass
class Reading:
    """What an export gave: rows read, and the lines that could not be, with
    why (the first thousand; `unread` counts them all)."""

    rows: list[LeadRow | DealRow] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    unread: int = 0
    duplicates: int = 0  # rows whose id came again (the later row is kept)
    lines: int = 0

    def note(self, problem: Problem) -> None:
        self.unread += 1
        if len(self.problems) < KEPT_PROBLEMS:
            self.problems.append(problem)


def read(export: Export, mapping: Mapping, limit: int | None = None) -> Reading:
    """Every row of the export as the mapping reads it (the first `limit`
    only, for a preview). A later row with an id seen before replaces it."""
    out = Reading()
    seen: dict[str, int] = {}
    row_of = _reader(mapping, export.header, out)
    body = export.body()
    try:
        for line, cells in body:
            if not any(cells) or (len(cells) == 1 and not cells[0].strip()):
                continue
            out.lines += 1
            if out.lines > MAX_ROWS:
                raise ExportError(_("{name} holds more than {count} rows; export a shorter "
                                    "period.").format(name=export.path.name,
                                                      count=number(MAX_ROWS)))
            row = row_of(line, cells)
            if row is not None:
                at = seen.get(row.crm_id)
                if at is None:
                    seen[row.crm_id] = len(out.rows)
                    out.rows.append(row)
                else:
                    out.duplicates += 1
                    out.rows[at] = row
            if limit is not None and out.lines >= limit:
                break
    finally:
        body.close()
    return out


_SHARED = {"owner", "source", "campaign", "region", "status", "recycle_reason", "stage"}
_TEXT, _MOMENT, _DAY, _AMOUNT, _ID = range(5)


def _reader(mapping: Mapping, header: list[str], out: Reading
            ) -> Callable[[int, list[str]], LeadRow | DealRow | None]:
    """The function that reads one row, made once per export: what each
    column is and how it is read worked out before the first row."""
    fields = LEAD_FIELDS if mapping.kind is Kind.LEAD else DEAL_FIELDS
    required = REQUIRED[mapping.kind]
    plan = []
    for name in fields:
        if name not in mapping.columns:
            continue
        index = mapping.columns[name]
        how = (_DAY if name == "closed_on" else _MOMENT if name in DATE_FIELDS else
               _AMOUNT if name == "amount" else _TEXT if name in _SHARED else _ID)
        column = header[index] if index < len(header) else f"column {index + 1}"
        plan.append((name, index, column, how, name in required))
    words: dict[str, str] = {}  # owners, sources, reasons: one string each, however many rows
    day_first, zone, comma = mapping.day_first, mapping.zone, mapping.decimal_comma
    deal = mapping.kind is Kind.DEAL
    stages = mapping.stages
    needs = needs_it(mapping.kind)

    def row(line: int, cells: list[str]) -> LeadRow | DealRow | None:
        values: dict[str, Any] = {}
        count = len(cells)
        for name, index, column, how, needed in plan:
            raw = cells[index].strip() if index < count else ""
            if not raw:
                if needed:
                    out.note(Problem(line, column, "", needs))
                    return None
                continue
            if len(raw) > MAX_CELL or not raw.isprintable():
                raw = _cell(raw)
            if "\ufffd" in raw:
                out.note(Problem(line, column, raw, N_(
                    "holds bytes that are not text in the file's encoding")))
                return None
            try:
                if how == _TEXT:
                    values[name] = words.setdefault(raw, raw)
                elif how == _MOMENT:
                    values[name] = _moment(raw, day_first, zone)
                elif how == _DAY:
                    values[name] = _moment(raw, day_first, "UTC").date()
                elif how == _AMOUNT:
                    values[name] = parse_amount(raw, comma)
                else:
                    if len(raw) > 120:
                        raise ValueProblem(N_("longer than any CRM's id"))
                    values[name] = raw
            except ValueProblem as exc:
                out.note(Problem(line, column, raw, str(exc)))
                return None
        if deal:
            stage = values["stage"]
            outcome = stages.get(stage.casefold())
            if outcome is None:
                out.note(Problem(line, header[mapping.columns["stage"]], stage, N_(
                    "a stage the mapping does not say is open, won or lost")))
                return None
            return DealRow(line, values.pop("crm_id"), values.pop("stage"), outcome,
                           values.pop("created_at"), **values)
        return LeadRow(line, **values)

    return row


_MOMENTS: dict[tuple[str, bool | None, str], datetime] = {}  # exports repeat their minutes


def _moment(raw: str, day_first: bool | None, zone: str) -> datetime:
    key = (raw, day_first, zone)
    found = _MOMENTS.get(key)
    if found is None:
        found = parse_moment(raw, day_first, zone)
        if len(_MOMENTS) > 100_000:
            _MOMENTS.clear()
        _MOMENTS[key] = found
    return found


def stages_of(export: Export, mapping: Mapping, rows: int = 100_000) -> list[str]:
    """The deal stages the export names, in their first order (for the
    mapping step to ask about the ones the preset does not know)."""
    index = mapping.columns.get("stage")
    if index is None:
        return []
    found: dict[str, None] = {}
    body = export.body()
    try:
        for n, (_, cells) in enumerate(body):
            if n >= rows:
                break
            if index < len(cells) and (stage := _cell(cells[index])):
                found.setdefault(stage, None)
    finally:
        body.close()
    return list(found)


def unknown_stages(stages: Iterable[str], mapping: Mapping) -> list[str]:
    return [s for s in stages if s.casefold() not in mapping.stages]
