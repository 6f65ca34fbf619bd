"""File names made from what users typed: plan titles, people's names.

pathvalidate knows every system's rules (reserved names such as CON or
COM1 on Windows, characters no system allows, lengths); we add only that a
name never starts with a dot (a hidden file) and is never empty.
"""

from pathvalidate import sanitize_filename


def safe_stem(name: str, limit: int = 120, fallback: str = "plan") -> str:
    """`name` as a file name on any system: no separators, no reserved names or
    characters, no leading or trailing dots and spaces, at most `limit` characters."""
    clean = sanitize_filename(name, replacement_text="_", platform="universal", max_len=limit)
    clean = clean.strip(" .")
    if not clean:
        return fallback
    # Stripping may uncover a reserved name ("CON." -> "CON"): ask again.
    return sanitize_filename(clean, replacement_text="_", platform="universal",
                             max_len=limit) or fallback
