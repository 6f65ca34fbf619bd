"""An import's columns as one blob, and back; and every way a blob another
program wrote can be wrong refused in one sentence (a wrong form, lengths
that lie, a column that inflates beyond what it says, a type that is not a
plain number, texts that are not text)."""

import json
import struct
import zlib

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from planner.store.blobs import MAGIC, BlobError, pack, unpack

NAT = np.datetime64("NaT", "us")


def sample() -> bytes:
    moments = np.array(["2027-03-01T10:00", "NaT", "2027-03-02T09:30:00.123456"],
                       dtype="datetime64[us]")
    return pack({"mql_at": moments, "owner": np.array([0, 1, 0], dtype="int32"),
                 "amount": np.array([1.5, np.nan, 3.0]), "won": np.array([True, False, True])},
                {"ids": ["a", "b", "c"], "owner": ["Ines Berg", "J\u00f6rg M\u00fcller"]},
                {"kind": "lead", "crm": "hubspot"})


def test_columns_texts_and_facts_come_back_as_they_went() -> None:
    arrays, texts, meta = unpack(sample())
    assert arrays["mql_at"].view("datetime64[us]")[1] != arrays["mql_at"].view(
        "datetime64[us]")[1]  # NaT
    assert str(arrays["mql_at"].view("datetime64[us]")[2]) == "2027-03-02T09:30:00.123456"
    assert arrays["owner"].tolist() == [0, 1, 0] and arrays["won"].tolist() == [True, False, True]
    assert np.isnan(arrays["amount"][1]) and arrays["amount"][2] == 3.0
    assert texts == {"ids": ["a", "b", "c"], "owner": ["Ines Berg", "J\u00f6rg M\u00fcller"]}
    assert meta == {"kind": "lead", "crm": "hubspot"}


def rebuilt(header: dict, words: bytes, *chunks: bytes) -> bytes:  # type: ignore[type-arg]
    """A blob another program made: its check sum right, whatever it holds."""
    raw = json.dumps(header).encode()
    body = struct.pack("<I", len(raw)) + raw + words + b"".join(chunks)
    return MAGIC + struct.pack("<I", zlib.crc32(body)) + body


WORDS = zlib.compress(b'{"ids": ["a"]}')


@pytest.mark.parametrize(("blob", "said"), [
    (b"", "not in a form this Tandem reads"),
    (b"PK\x03\x04 a zip", "not in a form this Tandem reads"),
    (MAGIC + b"\x01", "cut off before their header"),
    (MAGIC + b"\0\0\0\0" + struct.pack("<I", 2) + b"{}", "check sum does not match"),
    (MAGIC + struct.pack("<I", zlib.crc32(struct.pack("<I", 1 << 30) + b"{}")) +
     struct.pack("<I", 1 << 30) + b"{}", "longer than the blob or than a header"),
    (MAGIC + struct.pack("<I", zlib.crc32(struct.pack("<I", 3) + b"{x}")) +
     struct.pack("<I", 3) + b"{x}", "header is not JSON"),
    (rebuilt({"columns": []}, WORDS), "lacks its columns, facts or texts"),
    (rebuilt({"columns": [], "meta": {}, "texts": 999}, WORDS), "texts are longer"),
    (rebuilt({"columns": [], "meta": {}, "texts": 4}, b"junk"), "texts are damaged"),
    (rebuilt({"columns": [], "meta": {}, "texts": len(zlib.compress(b"[1]"))},
             zlib.compress(b"[1]")), "texts are not lists of text"),
    (rebuilt({"columns": [{"name": "x", "type": "|O", "rows": 1, "bytes": 9}], "meta": {},
              "texts": len(WORDS)}, WORDS, b"0" * 9), "describes column 1"),
    (rebuilt({"columns": [{"name": "x", "type": "<i8", "rows": 10**9, "bytes": 9}],
              "meta": {}, "texts": len(WORDS)}, WORDS, b"0" * 9),
     "x has 1,000,000,000 rows, more than a plan holds"),
    (rebuilt({"columns": [{"name": "x", "type": "<i8", "rows": 1,
                           "bytes": len(zlib.compress(b"\0" * 8))},
                          {"name": "y", "type": "<i8", "rows": 2, "bytes": 9}],
              "meta": {}, "texts": len(WORDS)}, WORDS, zlib.compress(b"\0" * 8), b"0" * 9),
     "y has 2 rows, not 1"),
    (rebuilt({"columns": [{"name": "x", "type": "<i8", "rows": 1,
                           "bytes": len(zlib.compress(b"\0" * 10**6))}],
              "meta": {}, "texts": len(WORDS)}, WORDS, zlib.compress(b"\0" * 10**6)),
     "does not hold the 1 values"),
    (rebuilt({"columns": [{"name": "x", "type": "<i8", "rows": 1,
                           "bytes": len(zlib.compress(b"\0" * 8))}],
              "meta": {}, "texts": len(WORDS)}, WORDS, zlib.compress(b"\0" * 8), b"tail"),
     "followed by bytes"),
])
def test_a_blob_that_is_wrong_is_refused_in_one_sentence(blob: bytes, said: str) -> None:
    with pytest.raises(BlobError, match=said):
        unpack(blob)


@settings(max_examples=200, deadline=None)
@given(st.integers(0, 2000), st.binary(min_size=1, max_size=8))
def test_a_damaged_blob_is_refused_or_read_never_anything_else(at: int, junk: bytes) -> None:
    good = sample()
    at = at % len(good)
    bad = good[:at] + junk + good[at + len(junk):]
    try:
        arrays, texts, meta = unpack(bad)
    except BlobError:
        return
    assert bad == good  # only what changed nothing reads
    assert set(arrays) == {"mql_at", "owner", "amount", "won"}
