"""What makes a file a Tandem plan: SQLite header, application id, schema version."""

import os
import sqlite3
import struct
from dataclasses import dataclass
from pathlib import Path

from planner.errors import PlanFileError

PLAN_SUFFIX = ".tandem"
# "Tand" in ASCII; SQLite stores it at byte 68 of the header.
APPLICATION_ID = 0x54616E64
SCHEMA_VERSION = 5
_SQLITE_MAGIC = b"SQLite format 3\x00"
_HEADER_SIZE = 100


@dataclass(frozen=True)
class Header:
    page_size: int
    pages: int
    user_version: int
    application_id: int


def read_header(path: Path) -> Header:
    """Read the SQLite header without opening the database (writes nothing)."""
    try:
        with open(path, "rb") as f:
            raw = f.read(_HEADER_SIZE)
    except FileNotFoundError:
        raise PlanFileError(f"{path.name} does not exist.") from None
    except IsADirectoryError:
        raise PlanFileError(f"{path.name} is a folder, not a plan file.") from None
    except OSError as exc:
        raise PlanFileError(f"{path.name} cannot be read: {exc.strerror}.") from None
    if len(raw) < _HEADER_SIZE or not raw.startswith(_SQLITE_MAGIC):
        raise PlanFileError(f"{path.name} is not a Tandem plan (it is not a database file).")
    page_size = struct.unpack(">H", raw[16:18])[0]
    page_size = 65536 if page_size == 1 else page_size
    (pages,) = struct.unpack(">I", raw[28:32])
    (user_version,) = struct.unpack(">I", raw[60:64])
    (application_id,) = struct.unpack(">I", raw[68:72])
    return Header(page_size, pages, user_version, application_id)


def check_plan_file(path: Path) -> None:
    """Refuse, with one sentence, any file that is not a sound plan we can open.

    Only reads: the header directly, then SQLite in read-only mode.
    """
    header = read_header(path)
    if header.application_id != APPLICATION_ID:
        raise PlanFileError(
            f"{path.name} is a database, but not a Tandem plan.")
    if os.path.getsize(path) < header.page_size * header.pages:
        raise PlanFileError(
            f"{path.name} is damaged: the file is shorter than its own header says "
            "(it may have been cut off while copying).")
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            (version,) = conn.execute("PRAGMA user_version").fetchone()
            if version > SCHEMA_VERSION:
                raise PlanFileError(
                    f"{path.name} was written by a newer Tandem (plan format {version}; "
                    f"this version reads up to {SCHEMA_VERSION}). Update Tandem to open it.")
            result = conn.execute("PRAGMA quick_check").fetchall()
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        raise PlanFileError(f"{path.name} is damaged and cannot be opened ({exc}).") from None
    if result != [("ok",)]:
        raise PlanFileError(
            f"{path.name} is damaged and cannot be opened ({result[0][0]}).")
