"""A CSV export parsed by Arrow's CSV reader (C++, a batch of rows at a
time on both cores), for the million leads of a large company's year.

`crm_columns.read_columns` is the reference, and this only ever gives what
it would: the path is taken for a UTF-8 file whose every row is one line
(the line count is checked against the rows read at the end: a quoted line
break or a blank line sends the file the reference's way), and, within each
batch, a cell in the shape Tandem reads in C (an ISO date, a plain amount,
an id of printable ASCII) is read here while every other cell of that column
goes through the reference's own function for it (`_Columns.field`), as do
the names of a text column (a few hundred owners and sources, however many
rows). Anything Arrow refuses, or a row whose columns Tandem reads are all
empty (the reference looks at its other cells too), returns None: the
reference reads the file instead.
"""

from concurrent.futures import ThreadPoolExecutor
from typing import Any

import numpy as np

from planner.imports.crm import (
    DATE_FIELDS, MAX_ROWS, PLAIN_ISO, Export, ExportError, Mapping, Reading)
from planner.i18n import _, number

# `columns` below is `crm_columns._Columns` (which calls this module: it is
# not imported here, so the two are not a cycle), and what `read` returns its
# `ColumnReading`.
_Columns = Any
ColumnReading = Any

_LOW, _HIGH = np.datetime64("1900-01-01", "us"), np.datetime64("2200-01-01", "us")
BLOCK = 1 << 23  # bytes Arrow parses at once (8 MB: about 45,000 leads)
# Cells read in C; everything else is read by the reference's functions.
_ISO = f"^{PLAIN_ISO}$"  # RE2: $ is the end of the text
_PLAIN_AMOUNT = r"^-?\d{1,15}(\.\d{1,6})?$"
_ID = r"^[!-~]([ -~]{0,118}[!-~])?$"  # printable ASCII, no space at either end, ≤ 120


def arrow() -> Any:
    """Arrow's modules, or None where it is not installed (the reference reads)."""
    try:
        import pyarrow  # noqa: F401
        import pyarrow.compute  # noqa: F401
        import pyarrow.csv  # noqa: F401
    except ImportError:
        return None
    return pyarrow


def read(export: Export, mapping: Mapping, columns: _Columns, out: Reading
         ) -> ColumnReading | None:
    """The export read as `read_columns` reads it, or None to let it."""
    pa = arrow()
    if pa is None or export.xlsx or export.encoding not in ("utf-8", "utf-8-sig"):
        return None
    import pyarrow.csv as pacsv

    fields = columns.fields
    index = [mapping.columns[f] for f in fields]
    width = len(export.header)
    if max(index) >= width:
        return None
    wanted = sorted(set(index))
    try:
        reader = pacsv.open_csv(
            export.path,
            read_options=pacsv.ReadOptions(skip_rows=1, block_size=BLOCK,
                                           column_names=[f"c{i}" for i in range(width)]),
            # Told no value holds a line break (its fast, threaded way): a file
            # where one does has more lines than rows, found below.
            parse_options=pacsv.ParseOptions(delimiter=export.delimiter,
                                             newlines_in_values=False),
            convert_options=pacsv.ConvertOptions(
                include_columns=[f"c{i}" for i in wanted],
                column_types={f"c{i}": pa.string() for i in wanted},
                strings_can_be_null=False, quoted_strings_can_be_null=False))
        rows = 0
        for batch in reader:
            size = batch.num_rows
            if not size:
                continue
            if rows + size > MAX_ROWS:
                raise ExportError(_("{name} holds more than {count} rows; export a shorter "
                                    "period.").format(name=export.path.name,
                                                      count=number(MAX_ROWS)))
            cells = {i: batch.column(f"c{i}") for i in wanted}
            if _all_empty(pa, [cells[i] for i in wanted]):
                return None  # a row of empty cells Tandem reads: the reference decides
            lines = np.arange(rows + 2, rows + 2 + size, dtype="int64")
            _take(pa, columns, lines, [cells[i] for i in index])
            rows += size
    except (pa.ArrowInvalid, pa.ArrowNotImplementedError, pa.ArrowTypeError, UnicodeError):
        return None  # not a table Arrow takes as it stands: the reference reads it
    except OSError as exc:
        raise ExportError(_("{name} could not be read to its end ({reason}).").format(
            name=export.path.name, reason=exc.strerror or exc)) from None
    if _lines(export) != rows + 1:  # a quoted line break, or a blank line: lines moved
        return None
    out.lines = rows
    return columns.done(out)


def _lines(export: Export) -> int:
    """The file's lines, as a text editor counts them."""
    count, last = 0, b"\n"
    with export.path.open("rb") as handle:
        while chunk := handle.read(1 << 24):
            count += chunk.count(b"\n")
            last = chunk[-1:]
    return count + (last != b"\n")


def _all_empty(pa: Any, arrays: list[Any]) -> bool:
    import pyarrow.compute as pc

    empty = None
    for array in arrays:
        blank = pc.equal(pc.utf8_length(array), 0)
        empty = blank if empty is None else pc.and_(empty, blank)
    return bool(pc.any(empty).as_py())


def _take(pa: Any, columns: _Columns, lines: np.ndarray, arrays: list[Any]) -> None:
    """One batch into the columns: as `_Columns.take` would take its rows."""
    import pyarrow.compute as pc

    base, size = columns.rows, len(lines)
    bad = np.zeros(size, dtype=bool)
    mapping = columns.mapping
    # The date columns are parsed on both cores (Arrow and numpy let go of
    # Python's lock), then taken in the columns' order, as the reference does.
    parsed = {n: _POOL.submit(_dates, pa, pc, arrays[n]) for n, name in
              enumerate(columns.fields) if name in DATE_FIELDS}
    for n, name in enumerate(columns.fields):
        array = arrays[n]
        if name in DATE_FIELDS:
            zone = "UTC" if name == "closed_on" else mapping.zone
            local, quick, empty = parsed[n].result()
            columns.dates(n, name, base, lines, bad, local, quick,
                          _python(array, ~quick & ~empty), zone, empty)
        elif name == "amount" and mapping.decimal_comma is not True:
            quick = _matches(pc, array, _PLAIN_AMOUNT)
            values = np.full(size, np.nan)
            if quick.any():
                values[quick] = pc.cast(pc.filter(array, pa.array(quick)), pa.float64()
                                        ).to_numpy(zero_copy_only=False)
            columns.amounts(n, base, lines, bad, values, quick,
                            _python(array, ~quick & ~_empty(pc, array)))
        elif name in ("crm_id", "lead_id") and bool(
                pc.all(pc.match_substring_regex(array, _ID)).as_py()):
            # Every id as the reference keeps it (none empty, odd or too long).
            (columns.ids if name == "crm_id" else columns.texts["lead_id"]).extend(
                array.to_pylist())
        elif name in ("crm_id", "lead_id") or name == "amount":
            columns.field(n, name, base, lines, bad, [str(v) for v in array.to_pylist()])
        else:
            encoded = pc.dictionary_encode(array)
            names = [str(v) for v in encoded.dictionary.to_pylist()]
            codes = encoded.indices.to_numpy(zero_copy_only=False)
            columns.texts_by_name(n, name, base, lines, bad, names, codes)
    columns.lines.append(lines)
    columns.bad.append(bad)
    columns.rows += size


_POOL = ThreadPoolExecutor(max_workers=2, thread_name_prefix="tandem-dates")


def _dates(pa: Any, pc: Any, array: Any) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """A date column's wall-clock times, which cells were read so, which are empty."""
    quick = _matches(pc, array, _ISO)
    local = _iso_moments(pa, pc, array, quick)
    # A day no calendar has, or a year none shows: the reference says why.
    quick &= ~np.isnat(local) & (local >= _LOW) & (local < _HIGH)
    return local, quick, _empty(pc, array)  # (empty: no time, no problem unless needed)


# The ISO shapes, by their length and the character between day and time.
_SHAPES = ((10, "", "%Y-%m-%d"), (16, " ", "%Y-%m-%d %H:%M"), (16, "T", "%Y-%m-%dT%H:%M"),
           (19, " ", "%Y-%m-%d %H:%M:%S"), (19, "T", "%Y-%m-%dT%H:%M:%S"))


def _iso_moments(pa: Any, pc: Any, array: Any, quick: np.ndarray) -> np.ndarray:
    """The ISO cells as wall-clock times (datetime64[us]); NaT elsewhere and
    where the calendar has no such day or second."""
    out = np.full(len(quick), np.datetime64("NaT", "us"))
    if not quick.any():
        return out
    length = pc.utf8_length(array).to_numpy(zero_copy_only=False)
    between = np.zeros(len(quick), dtype=bool)
    if (quick & (length > 10)).any():
        between = np.asarray(pc.equal(pc.utf8_slice_codeunits(array, 10, 11), "T").to_numpy(
            zero_copy_only=False), dtype=bool)
    for size, mark, form in _SHAPES:
        rows = quick & (length == size)
        if mark:
            rows &= between if mark == "T" else ~between
        if not rows.any():
            continue
        chosen = pc.filter(array, pa.array(rows))
        moments = pc.strptime(chosen, format=form, unit="us", error_is_null=True).to_numpy(
            zero_copy_only=False).astype("datetime64[us]")
        # strptime rolls 2027-02-29 over to March, and a 60th second into the next
        # minute: a time is taken only where its day and second are the cell's.
        for start, unit, within in ((8, "D", "M"), (17, "s", "m"))[:1 + (size == 19)]:
            given = pc.cast(pc.utf8_slice_codeunits(chosen, start, start + 2), pa.int64()
                            ).to_numpy(zero_copy_only=False)
            got = (moments.astype(f"datetime64[{unit}]") -
                   moments.astype(f"datetime64[{within}]")).astype("int64") + (unit == "D")
            moments[got != given] = np.datetime64("NaT", "us")
        out[rows] = moments
    return out


def _matches(pc: Any, array: Any, pattern: str) -> np.ndarray:
    return np.asarray(pc.match_substring_regex(array, pattern).to_numpy(zero_copy_only=False),
                      dtype=bool)


def _empty(pc: Any, array: Any) -> np.ndarray:
    return np.asarray(pc.equal(pc.utf8_length(array), 0).to_numpy(zero_copy_only=False),
                      dtype=bool)


def _python(array: Any, rows: np.ndarray) -> dict[int, str]:
    """The cells of these rows as Python text (for the reference to read)."""
    import pyarrow as pa
    import pyarrow.compute as pc

    at = np.flatnonzero(rows)
    if not len(at):
        return {}
    return dict(zip(at.tolist(), pc.take(array, pa.array(at)).to_pylist(), strict=True))


__all__ = ["arrow", "read"]
