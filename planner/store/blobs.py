"""Columns packed as one blob (a CRM import's rows in `crm_data`), and read
back as carefully as a plan file is opened: a blob is data another program
may have written.

The form: the magic line, a CRC-32 of all that follows it (a blob damaged
anywhere is told so), the length of a JSON header (at most 1 MB) and the
header itself, then each column's bytes, compressed with zlib. The header
names each column, its type (only little-endian 64-bit integers, 32-bit
integers, 64-bit floats and booleans: never an object, so nothing is ever
unpickled), its length and the length of its compressed bytes; texts (names
of codes, ids) are lists of strings in a compressed JSON of their own.
Reading checks every length before it trusts it, decompresses no column
beyond its declared size (a blob that claims a little and inflates to much
is refused), and refuses anything else in one sentence.
"""

import json
import struct
import zlib
from collections.abc import Mapping
from typing import Any

import numpy as np

from planner.errors import PlanFileError
from planner.i18n import _, number

MAGIC = b"TANDEM-COLUMNS 1\n"
MAX_HEADER = 1 << 20
MAX_ROWS = 2_000_000
TYPES: dict[str, np.dtype[Any]] = {"<i8": np.dtype("<i8"), "<i4": np.dtype("<i4"),
                                  "<f8": np.dtype("<f8"), "|b1": np.dtype("|b1")}


class BlobError(PlanFileError, ValueError):
    """A blob that cannot be read as columns, in one sentence."""


def pack(arrays: Mapping[str, np.ndarray], texts: Mapping[str, list[str]],
         meta: Mapping[str, Any]) -> bytes:
    """Columns of one length, texts and a few plain facts as one blob.
    Moments go as their int64 microseconds (NaT as the smallest int64)."""
    columns, chunks = [], []
    for name, array in arrays.items():
        if array.dtype.kind == "M":
            array = array.astype("datetime64[us]").view("<i8")
        kind = array.dtype.newbyteorder("<").str if array.dtype.kind != "b" else "|b1"
        if kind not in TYPES:
            raise BlobError(_("The column {name} is of a type a blob does not hold "
                              "({kind}).").format(name=name, kind=kind))
        data = zlib.compress(np.ascontiguousarray(array, dtype=TYPES[kind]).tobytes(), 6)
        columns.append({"name": name, "type": kind, "rows": int(len(array)),
                        "bytes": len(data)})
        chunks.append(data)
    words = zlib.compress(json.dumps(dict(texts), ensure_ascii=False).encode("utf-8"), 6)
    header = json.dumps({"meta": dict(meta), "columns": columns, "texts": len(words)},
                        ensure_ascii=False).encode("utf-8")
    if len(header) > MAX_HEADER:
        raise BlobError(_("The columns' header is larger than a blob holds."))
    body = b"".join([struct.pack("<I", len(header)), header, words, *chunks])
    return MAGIC + struct.pack("<I", zlib.crc32(body)) + body


def unpack(blob: bytes, limit_rows: int = MAX_ROWS
           ) -> tuple[dict[str, np.ndarray], dict[str, list[str]], dict[str, Any]]:
    """The columns, texts and facts of a blob `pack` made; a BlobError names
    what is wrong with any other."""
    if not isinstance(blob, (bytes, bytearray, memoryview)):
        raise BlobError(_("The columns are not bytes."))
    view = memoryview(blob)
    if bytes(view[:len(MAGIC)]) != MAGIC:
        raise BlobError(_("The columns are not in a form this Tandem reads."))
    at = len(MAGIC)
    if len(view) < at + 8:
        raise BlobError(_("The columns are cut off before their header."))
    (crc,) = struct.unpack("<I", view[at:at + 4])
    at += 4
    if zlib.crc32(view[at:]) != crc:
        raise BlobError(_("The columns are damaged (their check sum does not match)."))
    (size,) = struct.unpack("<I", view[at:at + 4])
    at += 4
    if size > MAX_HEADER or at + size > len(view):
        raise BlobError(_("The columns' header is longer than the blob or than a header "
                          "may be."))
    try:
        header = json.loads(bytes(view[at:at + size]).decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        raise BlobError(_("The columns' header is not JSON.")) from None
    at += size
    if not isinstance(header, dict) or not isinstance(header.get("columns"), list) or \
            not isinstance(header.get("meta"), dict) or type(header.get("texts")) is not int:
        raise BlobError(_("The columns' header lacks its columns, facts or texts."))
    words_size = header["texts"]
    if not 0 < words_size <= len(view) - at:
        raise BlobError(_("The columns' texts are longer than the blob."))
    texts = _texts(bytes(view[at:at + words_size]), limit_rows)
    at += words_size
    arrays: dict[str, np.ndarray] = {}
    length: int | None = None
    for n, column in enumerate(header["columns"]):
        if not isinstance(column, dict) or not isinstance(column.get("name"), str) or \
                column.get("type") not in TYPES or type(column.get("rows")) is not int or \
                type(column.get("bytes")) is not int:
            raise BlobError(_("The columns' header describes column {n} in a way this Tandem "
                              "does not read.").format(n=n + 1))
        name, rows, taken = column["name"], column["rows"], column["bytes"]
        if not 0 <= rows <= limit_rows or (length is not None and rows != length):
            if length is None:
                raise BlobError(_("The column {name} has {rows} rows, more than a plan "
                                  "holds.").format(name=name[:40], rows=number(rows)))
            raise BlobError(_("The column {name} has {rows} rows, not {count}.").format(
                name=name[:40], rows=number(rows), count=number(length)))
        length = rows
        if not 0 < taken <= len(view) - at or name in arrays:
            raise BlobError(_("The column {name} is longer than the blob, or comes "
                              "twice.").format(name=name[:40]))
        dtype = TYPES[column["type"]]
        expected = rows * dtype.itemsize
        inflate = zlib.decompressobj()
        try:
            data = inflate.decompress(bytes(view[at:at + taken]), expected + 1)
        except zlib.error:
            raise BlobError(_("The column {name} is damaged.").format(name=name[:40])) from None
        if len(data) != expected or inflate.unconsumed_tail or not inflate.eof:
            raise BlobError(_("The column {name} does not hold the {rows} values its "
                              "header says.").format(name=name[:40], rows=number(rows)))
        arrays[name] = np.frombuffer(data, dtype=dtype).copy()
        at += taken
    if at != len(view):
        raise BlobError(_("The columns are followed by bytes no column holds."))
    return arrays, texts, header["meta"]


def _texts(data: bytes, limit_rows: int) -> dict[str, list[str]]:
    inflate = zlib.decompressobj()
    cap = 128 * (limit_rows + 1000)  # an id or a name a row: tens of bytes each, not more
    try:
        raw = inflate.decompress(data, cap + 1)
    except zlib.error:
        raise BlobError(_("The columns' texts are damaged.")) from None
    if len(raw) > cap or inflate.unconsumed_tail or not inflate.eof:
        raise BlobError(_("The columns' texts are larger than a plan holds."))
    try:
        texts = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        raise BlobError(_("The columns' texts are not JSON.")) from None
    if not isinstance(texts, dict) or not all(
            isinstance(k, str) and isinstance(v, list) and len(v) <= limit_rows and
            all(isinstance(x, str) for x in v) for k, v in texts.items()):
        raise BlobError(_("The columns' texts are not lists of text."))
    return texts
