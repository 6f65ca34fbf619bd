"""A CRM export read a column at a time, for the million rows of a large
company's year: the cells of each row are only collected as it streams by,
and each column is then read at once (numpy parses ISO dates in C; the values not in that
shape, and a column numpy refuses, are read one by one as `crm.read` does).

`crm.read` (a row at a time, into `LeadRow` and `DealRow`) is the reference:
a test holds this to it on every kind of file the tests have. What comes out
is columns (`ColumnReading`): moments as datetime64[us] in UTC (NaT where a
cell is empty), texts that repeat (owners, sources) as codes into their
names, ids as text, amounts as floats (NaN when empty).
"""

import operator
import re
import warnings
from dataclasses import dataclass, field
from typing import Any
from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import numpy as np

from planner.imports.crm import (
    DATE_FIELDS, DEAL_FIELDS, KEPT_PROBLEMS, LEAD_FIELDS, MAX_CELL, MAX_ROWS, PLAIN_ISO,
    REQUIRED, Export, ExportError, Kind, Mapping, Problem, Reading, ValueProblem, _cell, clean,
    needs_it, parse_amount, parse_moment)
from planner.i18n import N_, _, number
from planner.model.crm import DealRow, LeadRow, Outcome
from planner.rules.handoff import STAGES
from planner.rules.handoff_columns import GROUPS, DealColumns, LeadColumns

NaT = np.datetime64("NaT", "us")
_US = 1_000_000
_LOW, _HIGH = np.datetime64("1900-01-01", "us"), np.datetime64("2200-01-01", "us")
_PLAIN_ISO = re.compile(PLAIN_ISO, re.ASCII)
_TEXT_FIELDS = {"owner", "source", "campaign", "region", "status", "recycle_reason", "stage"}


@dataclass
class ColumnReading:
    kind: Kind
    lines: np.ndarray                       # the file's line of each row kept
    ids: list[str]
    moments: dict[str, np.ndarray] = field(default_factory=dict)
    codes: dict[str, np.ndarray] = field(default_factory=dict)
    names: dict[str, list[str]] = field(default_factory=dict)
    texts: dict[str, list[str]] = field(default_factory=dict)  # lead_id of a deal
    amounts: np.ndarray | None = None
    outcomes: np.ndarray | None = None      # index into list(Outcome), for deals
    problems: Reading = field(default_factory=Reading)

    def __len__(self) -> int:
        return len(self.ids)

    def to_rows(self) -> list[LeadRow | DealRow]:
        """The rows as `crm.read` gives them (for a preview, and to hold this
        to the reference)."""
        def moment(field: str, i: int) -> datetime | None:
            found = self.moments.get(field)
            if found is None or np.isnat(found[i]):
                return None
            value: datetime = found[i].astype("datetime64[us]").item()
            return value.replace(tzinfo=timezone.utc)

        def text(field: str, i: int) -> str:
            codes = self.codes.get(field)
            return self.names[field][codes[i]] if codes is not None else ""

        out: list[LeadRow | DealRow] = []
        for i, crm_id in enumerate(self.ids):
            line = int(self.lines[i])
            if self.kind is Kind.LEAD:
                out.append(LeadRow(line, crm_id, moment("mql_at", i),  # type: ignore[arg-type]
                                   moment("followed_up_at", i), text("owner", i),
                                   text("source", i), text("campaign", i), text("region", i),
                                   text("status", i), moment("recycled_at", i),
                                   text("recycle_reason", i), moment("sql_at", i),
                                   moment("opportunity_at", i), moment("customer_at", i),
                                   moment("created_at", i)))
            else:
                assert self.outcomes is not None
                closed = moment("closed_on", i)
                amount = None if self.amounts is None or np.isnan(self.amounts[i]) else \
                    float(self.amounts[i])
                out.append(DealRow(line, crm_id, text("stage", i),
                                   list(Outcome)[int(self.outcomes[i])],
                                   moment("created_at", i), amount,  # type: ignore[arg-type]
                                   closed.date() if closed else None, text("owner", i),
                                   text("source", i), text("campaign", i), text("region", i),
                                   self.texts.get("lead_id", [""] * len(self.ids))[i]))
        return out


CHUNK = 100_000  # rows whose cells are held as text at once, then read as columns


def read_columns(export: Export, mapping: Mapping) -> ColumnReading:
    """Every row of the export, as columns; the lines that cannot be read are
    named in `problems` (as `crm.read` names them), a later readable row of
    an id replaces the earlier. The cells are held as text a hundred thousand
    rows at a time: a million leads never stand as twelve million strings."""
    fields = [f for f in (LEAD_FIELDS if mapping.kind is Kind.LEAD else DEAL_FIELDS)
              if f in mapping.columns]
    index = [mapping.columns[f] for f in fields]
    header = export.header
    names = [header[i] if i < len(header) else f"column {i + 1}" for i in index]
    out = Reading()
    from planner.imports import crm_arrow

    fast = crm_arrow.read(export, mapping, _Columns(mapping, fields, names), out)
    if isinstance(fast, ColumnReading):
        return fast
    out = Reading()
    columns = _Columns(mapping, fields, names)
    pick = operator.itemgetter(*index, 0)  # a tuple even of one column (and a spare)
    width = max(index) + 1
    lines: list[int] = []
    rows: list[tuple[str, ...]] = []
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
            if len(cells) < width:
                cells = cells + [""] * (width - len(cells))
            rows.append(pick(cells))
            lines.append(line)
            if len(rows) >= CHUNK:
                columns.take(lines, rows)
                lines, rows = [], []
    finally:
        body.close()
    columns.take(lines, rows)
    return columns.done(out)


class _Columns:
    """The columns read so far, a chunk of rows at a time."""

    def __init__(self, mapping: Mapping, fields: list[str], names: list[str]) -> None:
        self.mapping, self.fields, self.names = mapping, fields, names
        self.lines: list[np.ndarray] = []
        self.bad: list[np.ndarray] = []
        self.ids: list[str] = []
        self.stage_cells: list[str] = []
        self.parts: dict[str, list[np.ndarray]] = {f: [] for f in fields}
        self.texts: dict[str, list[str]] = {"lead_id": []}
        self.found: dict[str, dict[str, int]] = {f: {} for f in fields}
        self.problems: list[tuple[int, int, Problem]] = []  # (row, field, problem)
        self.rows = 0

    def take(self, lines: list[int], rows: list[tuple[str, ...]]) -> None:
        base = self.rows
        bad = np.zeros(len(lines), dtype=bool)
        cells_of = [list(c) for c in zip(*rows)] if rows else [[] for _ in self.fields]
        for n, name in enumerate(self.fields):
            self.field(n, name, base, lines, bad, cells_of[n])
        self.lines.append(np.array(lines, dtype="int64"))
        self.bad.append(bad)
        self.rows += len(lines)

    def _wrong(self, n: int, base: int, lines: Any, bad: np.ndarray) -> Any:
        column = self.names[n]

        def wrong(row: int, raw: str, why: str) -> None:
            bad[row] = True
            self.problems.append((base + row, n, Problem(int(lines[row]), column, raw, why)))

        return wrong

    def field(self, n: int, name: str, base: int, lines: Any, bad: np.ndarray,
              raw: list[str]) -> None:
        """One column of a chunk of rows, cell by cell where it must be."""
        mapping = self.mapping
        needs = needs_it(mapping.kind)
        values = list(map(str.strip, raw))
        joined = " ".join(values)  # one pass of C over the column for what is odd
        if not joined.isprintable() or (len(joined) > MAX_CELL and
                                        max(map(len, values)) > MAX_CELL):
            values = [_cell(v) for v in values]
            joined = " ".join(values)
        wrong = self._wrong(n, base, lines, bad)
        if name in REQUIRED[mapping.kind]:
            for row in [i for i, v in enumerate(values) if not v]:
                wrong(row, "", needs)
        if "\ufffd" in joined:
            for row in [i for i, v in enumerate(values) if "\ufffd" in v]:
                wrong(row, values[row], N_("holds bytes that are not text in the file's "
                         "encoding"))
                values[row] = ""
        if name in DATE_FIELDS:
            zone = "UTC" if name == "closed_on" else mapping.zone
            parsed, errors = _moments(values, mapping.day_first, zone)
            for row, why in errors:
                wrong(row, values[row], why)
            self.parts[name].append(parsed)
        elif name == "amount":
            amounts = np.full(len(values), np.nan)
            for row, value in enumerate(values):
                if value:
                    try:
                        amounts[row] = parse_amount(value, mapping.decimal_comma)
                    except ValueProblem as exc:
                        wrong(row, value, str(exc))
            self.parts[name].append(amounts)
        elif name in ("crm_id", "lead_id"):
            for row, value in enumerate(values):
                if len(value) > 120:
                    wrong(row, value, N_("longer than any CRM's id"))
            (self.ids if name == "crm_id" else self.texts["lead_id"]).extend(values)
        else:
            found = self.found[name]
            for value in dict.fromkeys(values):  # the names new to this chunk, in order
                if value not in found:
                    found[value] = len(found)
            self.parts[name].append(np.fromiter(map(found.__getitem__, values),
                                                dtype="int32", count=len(values)))
            if name == "stage":
                self.stage_cells.extend(values)

    # -- what `crm_arrow` read in C, with the rest of its cells as `field` reads them

    def _others(self, n: int, name: str, base: int, lines: Any, bad: np.ndarray,
                others: dict[int, str]) -> dict[int, str]:
        """The cells not read in C, cleaned as `field` cleans them; the empty
        ones a row needs, and those with bytes no text has, said."""
        wrong = self._wrong(n, base, lines, bad)
        needed = name in REQUIRED[self.mapping.kind]
        out = {}
        for row, raw in others.items():
            value = clean(raw)
            if not value:
                if needed:
                    wrong(row, "", needs_it(self.mapping.kind))
            elif "\ufffd" in value:
                wrong(row, value, N_("holds bytes that are not text in the file's encoding"))
                value = ""
            out[row] = value
        return out

    def dates(self, n: int, name: str, base: int, lines: Any, bad: np.ndarray,
              local: np.ndarray, quick: np.ndarray, others: dict[int, str], zone: str,
              empty: np.ndarray) -> None:
        wrong = self._wrong(n, base, lines, bad)
        out = np.full(len(quick), NaT)
        if name in REQUIRED[self.mapping.kind]:
            for row in np.flatnonzero(empty).tolist():
                wrong(row, "", needs_it(self.mapping.kind))
        if quick.any():  # (within the years a calendar shows: `crm_arrow` checked)
            out[quick] = _to_utc(local[quick], zone)
        cells = self._others(n, name, base, lines, bad, others)
        if cells:
            rows = list(cells)
            parsed, errors = _moments([cells[r] for r in rows], self.mapping.day_first, zone)
            out[rows] = parsed
            for k, why in errors:
                wrong(rows[k], cells[rows[k]], why)
        self.parts[name].append(out)

    def amounts(self, n: int, base: int, lines: Any, bad: np.ndarray, values: np.ndarray,
                quick: np.ndarray, others: dict[int, str]) -> None:
        wrong = self._wrong(n, base, lines, bad)
        for row, value in self._others(n, "amount", base, lines, bad, others).items():
            if value:
                try:
                    values[row] = parse_amount(value, self.mapping.decimal_comma)
                except ValueProblem as exc:
                    wrong(row, value, str(exc))
        self.parts["amount"].append(values)

    def texts_by_name(self, n: int, name: str, base: int, lines: Any, bad: np.ndarray,
                      names: list[str], codes: np.ndarray) -> None:
        """A text column as its distinct cells and each row's: each distinct
        cell read as `field` reads every cell, then the rows given its code."""
        wrong = self._wrong(n, base, lines, bad)
        found = self.found[name]
        cleaned = [clean(v) for v in names]
        needs = name in REQUIRED[self.mapping.kind]
        empty = [k for k, v in enumerate(cleaned) if not v] if needs else []
        odd = [k for k, v in enumerate(cleaned) if "\ufffd" in v]
        problems: list[tuple[int, str, str]] = []
        for k in empty:
            problems += [(row, "", needs_it(self.mapping.kind))
                         for row in np.flatnonzero(codes == k).tolist()]
        for k in odd:
            problems += [(row, cleaned[k], N_("holds bytes that are not text in the file's "
                             "encoding")) for row in np.flatnonzero(codes == k).tolist()]
            cleaned[k] = ""
        for row, raw, why in sorted(problems):
            wrong(row, raw, why)
        for value in cleaned:  # in the order they first come: as `field` finds them
            if value not in found:
                found[value] = len(found)
        to_global = np.array([found[v] for v in cleaned] or [0], dtype="int32")
        self.parts[name].append(to_global[codes] if len(codes) else
                                np.zeros(0, dtype="int32"))
        if name == "stage":
            self.stage_cells.extend(np.array(cleaned, dtype=object)[codes].tolist()
                                    if len(codes) else [])

    def done(self, out: Reading) -> ColumnReading:
        mapping, fields, names = self.mapping, self.fields, self.names
        lines = np.concatenate(self.lines) if self.lines else np.zeros(0, dtype="int64")
        bad = np.concatenate(self.bad) if self.bad else np.zeros(0, dtype=bool)
        reading = ColumnReading(mapping.kind, lines, [])
        for name in fields:
            if self.parts[name]:
                joined = np.concatenate(self.parts[name])
                if name in DATE_FIELDS:
                    reading.moments[name] = joined
                elif name == "amount":
                    reading.amounts = joined
                else:
                    reading.codes[name] = joined
                    reading.names[name] = list(self.found[name])
        if mapping.kind is Kind.DEAL:
            outcomes = list(Outcome)
            by_stage = [outcomes.index(mapping.stages[s.casefold()])
                        if s.casefold() in mapping.stages else -1
                        for s in reading.names.get("stage", [])]
            outcome = np.array(by_stage, dtype="int64")[reading.codes["stage"]] \
                if len(lines) else np.zeros(0, dtype="int64")
            column = names[fields.index("stage")]
            for row in np.flatnonzero((outcome < 0) & ~bad).tolist():
                bad[row] = True
                self.problems.append((row, len(fields), Problem(
                    int(lines[row]), column, self.stage_cells[row],
                    N_("a stage the mapping does not say is open, won or lost"))))
            reading.outcomes = outcome
        # Each row's first problem (in the order of its fields, as a row at a
        # time finds them), in the order of the file.
        first: dict[int, Problem] = {}
        for row, _, problem in sorted(self.problems, key=lambda p: (p[0], p[1])):
            first.setdefault(row, problem)
        out.unread += len(first)
        out.problems = [first[row] for row in sorted(first)[:KEPT_PROBLEMS]]
        # The last readable row of each id, where its first readable row stood.
        good = np.flatnonzero(~bad)
        ids = self.ids if len(good) == len(self.ids) else [self.ids[r] for r in good.tolist()]
        # A dict keeps the order ids first came in, and each one's last row.
        last: dict[str, int] = dict(zip(ids, good.tolist()))
        keep = np.fromiter(last.values(), dtype="int64", count=len(last))
        out.duplicates = int((~bad).sum()) - len(keep)
        reading.problems = out
        reading.lines = lines[keep]
        reading.ids = list(last)
        for key in reading.moments:
            reading.moments[key] = reading.moments[key][keep]
        for key in reading.codes:
            reading.codes[key] = reading.codes[key][keep]
        if "lead_id" in fields:
            reading.texts["lead_id"] = [self.texts["lead_id"][i] for i in keep.tolist()]
        if reading.amounts is not None:
            reading.amounts = reading.amounts[keep]
        if reading.outcomes is not None:
            reading.outcomes = reading.outcomes[keep]
        return reading


def _moments(values: list[str], day_first: bool | None, zone: str
             ) -> tuple[np.ndarray, list[tuple[int, str]]]:
    """A column of dates and times, in UTC; the rows that are none, with why."""
    out = np.full(len(values), NaT)
    wrong: list[tuple[int, str]] = []
    # numpy reads the plain ISO forms (2027-03-01, with 10:00 or 10:00:00) as
    # Python does; whatever else numpy would take ("2027-03-01 10", "NaT") is
    # read as Python reads it, and a column numpy refuses goes that way whole.
    slow = [i for i, v in enumerate(values) if v and not _PLAIN_ISO.fullmatch(v)]
    chosen = np.ones(len(values), dtype=bool)
    chosen[slow] = False
    quick = [v if chosen[i] else "" for i, v in enumerate(values)] if slow else values
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            local = np.array(quick, dtype="datetime64[us]")
    except (ValueError, Warning):  # a day no calendar has, in ISO form: each said below
        local = None
        slow = list(range(len(values)))
    if local is not None:
        utc = _to_utc(local, zone)
        outside = chosen & ~np.isnat(utc) & ((local < _LOW) | (local >= _HIGH))
        for row in np.flatnonzero(outside).tolist():
            wrong.append((row, N_("outside the years a calendar shows")))
        out = np.where(outside, NaT, utc)
    for row in slow:
        raw = values[row]
        if not raw:
            continue
        try:
            moment = parse_moment(raw, day_first, zone)
        except ValueProblem as exc:
            wrong.append((row, str(exc)))
            out[row] = NaT
            continue
        out[row] = np.datetime64(moment.astimezone(timezone.utc).replace(tzinfo=None), "us")
    return out, wrong


def _to_utc(local: np.ndarray, zone: str) -> np.ndarray:
    """Wall-clock times of a zone as UTC (as `datetime.replace(tzinfo=zone)`
    reads them: the earlier of an hour that comes twice)."""
    if zone == "UTC" or not len(local):
        return local
    tz = ZoneInfo(zone)
    valid = ~np.isnat(local)
    buckets = np.where(valid, local.astype("int64") // (900 * _US), 0)
    unique, back = np.unique(buckets, return_inverse=True)
    offsets = np.empty(len(unique), dtype="int64")
    epoch = datetime(1970, 1, 1)
    for n, bucket in enumerate(unique.tolist()):
        wall = epoch + timedelta(seconds=bucket * 900)
        offset = wall.replace(tzinfo=tz).utcoffset()
        offsets[n] = int(offset.total_seconds()) * _US if offset else 0
    shifted: np.ndarray = np.where(valid, local - offsets[back].astype("timedelta64[us]"), NaT)
    return shifted


def _group(reading: ColumnReading, name: str) -> tuple[np.ndarray, list[str]]:
    """A text column's codes and names, an empty text named as the figures
    name it ("(no owner)"); a column the mapping lacks is all that."""
    blank = GROUPS[name]
    found = reading.codes.get(name)
    if found is None:
        return np.zeros(len(reading), dtype="int32"), [blank]
    return found, [v or blank for v in reading.names[name]]


def lead_columns(reading: ColumnReading) -> LeadColumns:
    """The columns the handoff figures are computed from."""
    assert reading.kind is Kind.LEAD
    empty = np.full(len(reading), NaT)
    groups = {name: _group(reading, name) for name in ("owner", "source", "region",
                                                        "recycle_reason")}
    return LeadColumns(reading.moments["mql_at"], reading.moments.get("followed_up_at", empty),
                       reading.moments.get("recycled_at", empty), groups["owner"][0],
                       groups["source"][0], groups["region"][0],
                       {name: names for name, (_, names) in groups.items()},
                       groups["recycle_reason"][0],
                       {s: reading.moments.get(s, empty) for s in STAGES[1:]})


def deal_columns(reading: ColumnReading) -> DealColumns:
    assert reading.kind is Kind.DEAL and reading.outcomes is not None
    closed = reading.moments.get("closed_on")
    days = closed.astype("datetime64[D]") if closed is not None else \
        np.full(len(reading), np.datetime64("NaT", "D"))
    amounts = reading.amounts if reading.amounts is not None else np.full(len(reading), np.nan)
    won = reading.outcomes == list(Outcome).index(Outcome.WON)
    return DealColumns(reading.moments["created_at"], days, won, amounts,
                       {g: _group(reading, g) for g in ("source", "campaign")})


def to_blob(reading: ColumnReading, meta: dict[str, object] | None = None) -> bytes:
    """The rows read, as the blob an import keeps in `crm_data`."""
    from planner.store.blobs import pack

    arrays: dict[str, np.ndarray] = {"line": reading.lines}
    arrays.update({f"moment:{k}": v for k, v in reading.moments.items()})
    arrays.update({f"code:{k}": v for k, v in reading.codes.items()})
    if reading.amounts is not None:
        arrays["amount"] = reading.amounts
    if reading.outcomes is not None:
        arrays["outcome"] = reading.outcomes
    texts = {"id": reading.ids, **{f"names:{k}": v for k, v in reading.names.items()},
             **{f"text:{k}": v for k, v in reading.texts.items()}}
    return pack(arrays, texts, {"kind": reading.kind.value, **(meta or {})})


def from_blob(blob: bytes) -> ColumnReading:
    """An import's rows from its blob; a BlobError (a ValueError) says what
    is wrong with a blob that is not one `to_blob` made."""
    from planner.store.blobs import BlobError, unpack

    arrays, texts, meta = unpack(blob)
    try:
        kind = Kind(meta.get("kind"))
    except ValueError:
        raise BlobError(_("The columns say they hold neither leads nor deals.")) from None
    ids = texts.get("id", [])
    fields = LEAD_FIELDS if kind is Kind.LEAD else DEAL_FIELDS
    count = len(ids)
    reading = ColumnReading(kind, arrays.get("line", np.zeros(0, dtype="int64")), ids)
    for key, array in arrays.items():
        what, _sep, name = key.partition(":")
        if key != "line" and what not in ("moment", "code") and key not in ("amount",
                                                                              "outcome"):
            raise BlobError(_("The columns hold {name}, which no import has.").format(
                name=key[:40]))
        if len(array) != count:
            raise BlobError(_("The column {name} has {rows} rows, not {count}.").format(
                name=key[:40], rows=number(len(array)), count=number(count)))
        if what == "moment" and name in fields and name in DATE_FIELDS:
            reading.moments[name] = array.view("datetime64[us]")
        elif what == "code" and name in fields:
            names = texts.get(f"names:{name}", [])
            if len(array) and (array.min() < 0 or array.max() >= len(names)):
                raise BlobError(_("The column {name} names texts it does not "
                                  "hold.").format(name=name))
            reading.codes[name], reading.names[name] = array.astype("int32"), names
        elif key == "amount":
            reading.amounts = array.astype(float)
        elif key == "outcome":
            if len(array) and (array.min() < 0 or array.max() >= len(Outcome)):
                raise BlobError(_("The columns give a deal an outcome that is none."))
            reading.outcomes = array
        elif key != "line":
            raise BlobError((_("The columns hold {name}, which a lead has not.")
                             if kind is Kind.LEAD else
                             _("The columns hold {name}, which a deal has not.")).format(
                                 name=key[:40]))
    for name in ("lead_id",):
        if f"text:{name}" in texts:
            reading.texts[name] = texts[f"text:{name}"]
    needed = ("mql_at",) if kind is Kind.LEAD else ("created_at",)
    if any(n not in reading.moments for n in needed) or (
            kind is Kind.DEAL and (reading.outcomes is None or "stage" not in reading.codes)):
        raise BlobError(_("The columns lack what every lead has.") if kind is Kind.LEAD
                        else _("The columns lack what every deal has."))
    return reading
