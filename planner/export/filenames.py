"""File names made from what users typed: plan titles, people's names."""

import re

_UNSAFE = re.compile(r'[\\/:*?"<>|\x00-\x1f]')


def safe_stem(name: str, limit: int = 120, fallback: str = "plan") -> str:
    """`name` as a file name on any system: no separators, no reserved or control
    characters, no leading or trailing dots and spaces, at most `limit` characters."""
    return _UNSAFE.sub("_", name).strip(" .")[:limit].strip(" .") or fallback
