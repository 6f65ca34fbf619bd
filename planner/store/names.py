"""File names against the limits of the disk they are on.

Every file system a user meets limits one name to 255 bytes (ext4, tmpfs,
NTFS, FAT and exFAT report it through `statvfs`). A plan is more than its
own name: SQLite keeps a journal beside it named the plan's name plus
"-journal", and the write-ahead log "-wal" and "-shm". A plan whose name
leaves no room for them could be made and read but never edited, so such a
name is refused when a plan is made and opens read-only otherwise, with a
sentence that proposes a name that fits. Tandem's own side files (the lock
note) and temporaries shorten themselves instead: the user's name is kept.
"""

import hashlib
import os
from pathlib import Path

DEFAULT_LIMIT = 255
# The longest name SQLite adds beside a database (its rollback journal).
SQLITE_SUFFIX = "-journal"


def name_limit(folder: Path) -> int:
    """The longest name, in bytes, the folder's file system accepts."""
    try:
        limit = os.statvfs(folder).f_namemax
    except (OSError, AttributeError):  # no statvfs on Windows; a folder that is gone
        return DEFAULT_LIMIT
    return limit if 0 < limit < 4096 else DEFAULT_LIMIT


def size(name: str) -> int:
    """A name's length as the file system counts it (its bytes)."""
    return len(os.fsencode(name))


def cut(name: str, most: int) -> str:
    """`name` cut to at most `most` bytes, at a character boundary."""
    while size(name) > most:
        name = name[:-1]
    return name


def shorter(name: str, most: int) -> str:
    """A name within `most` bytes that keeps the suffix (".tandem", ".pdf")."""
    stem, dot, suffix = name.rpartition(".")
    if not dot or size(suffix) > 16:
        stem, suffix = name, ""
    tail = f".{suffix}" if suffix else ""
    return cut(stem, most - size(tail)).rstrip(" .") + tail


def shown(name: str, most: int = 60) -> str:
    """A long name as a sentence quotes it: its start, an ellipsis, its end
    (the suffix shows)."""
    if len(name) <= most:
        return name
    end = min(16, most // 3)
    return name[:most - end - 1] + "\u2026" + name[-end:]


def plan_name_problem(path: Path) -> str | None:
    """Why a plan cannot have this name on its disk (its side files would not
    fit), in one sentence; None when the name fits."""
    limit = name_limit(path.parent if path.parent.exists() else Path("."))
    room = limit - size(SQLITE_SUFFIX)
    over = size(path.name) - room
    if over <= 0:
        return None
    from planner.i18n import ngettext

    return ngettext(
        "The name \u201c{name}\u201d is {over} byte too long for a plan on this disk: SQLite "
        "keeps a journal beside the plan under its name plus \u201c{suffix}\u201d, and the disk "
        "allows {limit} bytes a name, so a plan's name can have at most {room}. Try "
        "\u201c{shorter}\u201d.",
        "The name \u201c{name}\u201d is {over} bytes too long for a plan on this disk: SQLite "
        "keeps a journal beside the plan under its name plus \u201c{suffix}\u201d, and the disk "
        "allows {limit} bytes a name, so a plan's name can have at most {room}. Try "
        "\u201c{shorter}\u201d.", over).format(
            name=shown(path.name), over=over, suffix=SQLITE_SUFFIX, limit=limit, room=room,
            shorter=shown(shorter(path.name, room)))


def too_long_sentence(path: Path) -> str:
    """A file name the disk refused for its length, and a name that fits."""
    limit = name_limit(path.parent if path.parent.exists() else Path("."))
    over = size(path.name) - limit
    from planner.i18n import _, ngettext

    if over <= 0:  # the whole path is too long, not the name
        return _("{name} could not be written: the path to it is too long for this system; "
                 "choose a folder nearer the top of the disk.").format(name=shown(path.name))
    return ngettext(
        "The name \u201c{name}\u201d is {over} byte too long for this disk (it allows {limit} "
        "bytes a name); try \u201c{shorter}\u201d.",
        "The name \u201c{name}\u201d is {over} bytes too long for this disk (it allows {limit} "
        "bytes a name); try \u201c{shorter}\u201d.", over).format(
            name=shown(path.name), over=over, limit=limit,
            shorter=shown(shorter(path.name, limit)))


def side_file(path: Path, prefix: str, suffix: str) -> Path:
    """A file beside `path` named after it (`prefix + name + suffix`), shortened
    with a digest of the whole name when that would pass the disk's limit."""
    name = f"{prefix}{path.name}{suffix}"
    limit = name_limit(path.parent)
    if size(name) <= limit:
        return path.with_name(name)
    digest = hashlib.sha256(os.fsencode(path.name)).hexdigest()[:12]
    room = limit - size(prefix) - size(suffix) - len(digest) - 1
    return path.with_name(f"{prefix}{cut(path.name, room)}~{digest}{suffix}")


def write_error(exc: OSError, path: Path) -> str:
    """A file that could not be written, in one sentence with its true cause;
    a name too long says by how much and proposes one that fits."""
    import errno

    from planner.errors import os_error_sentence

    if exc.errno == errno.ENAMETOOLONG:
        return too_long_sentence(path)
    return os_error_sentence(exc, shown(path.name))
