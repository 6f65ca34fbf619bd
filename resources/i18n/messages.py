"""The core's catalogue of messages (gettext), kept in step with the code.

    python resources/i18n/messages.py          # update tandem-de.po, compile .mo
    python resources/i18n/messages.py --check  # exit 1 if a message lacks German

It extracts every `_("...")`, `N_("...")` and `ngettext("...", "...", n)`
under planner/ outside the window (planner/ui has Qt's catalogue,
catalogue.py), writes them into `tandem-de.po`, keeping each translation
already there (a message the window's catalogue translates word for word is
taken from it), and compiles `tandem-de.mo` with Babel. A message no longer
in the code is dropped.
"""

import sys
from datetime import datetime, timezone
import xml.etree.ElementTree as ET
from io import BytesIO
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
KEYWORDS = {"_": None, "N_": None, "ngettext": (1, 2), "pgettext": ((1, "c"), 2),
            "NC_": ((1, "c"), 2), "Nn_": (1, 2)}


def extracted() -> list[tuple[str | tuple[str, str], str, str | None]]:
    """(message, where, context) of every marked message, in the order of the
    code (a context tells apart one English word in two senses: "Stop")."""
    found = []
    for file, line, message, _comments, context in extract_from_dir(
            ROOT / "planner", method_map=[("ui/**", "ignore"), ("**.py", "python")],
            keywords=KEYWORDS):
        found.append((message, f"planner/{file}:{line}", context))
    return found


def window_translations() -> dict[str, str]:
    tree = ET.parse(HERE / "tandem_de.ts")
    return {m.findtext("source") or "": m.findtext("translation") or ""
            for m in tree.iter("message")
            if (m.find("translation") is not None
                and m.find("translation").get("type") != "unfinished")}  # type: ignore[union-attr]


def _names(text: str) -> set[str]:
    """The names a format string fills in ("{name}", "{n:,}" -> name, n)."""
    from string import Formatter

    try:
        return {field.split(".")[0].split("[")[0] for _, field, _, _ in
                Formatter().parse(text) if field is not None}
    except ValueError:
        return {"<not a format string>"}


def wrong_placeholders(catalog: Catalog) -> list[str]:
    """Translations that name a placeholder the English does not fill in: they
    would fail when shown. (One may leave a placeholder out: "ein Tag".)"""
    out = []
    for m in catalog:
        if not m.id or not m.string:
            continue
        ids = m.id if isinstance(m.id, tuple) else (m.id,)
        strings = m.string if isinstance(m.string, tuple) else (m.string,)
        wanted = set().union(*(_names(i) for i in ids))
        for string in strings:
            if string and not _names(string) <= wanted:
                out.append(f"{ids[0]} (its German names {sorted(_names(string))}, "
                           f"the English {sorted(wanted)})")
    return out


def build(language: str = "de") -> tuple[bytes, bytes, list[str]]:
    """The .po and .mo as they should be, and the messages without a translation."""
    po_path = HERE / f"tandem-{language}.po"
    old = read_po(po_path.open("rb")) if po_path.exists() else Catalog(locale=language)
    window = window_translations()
    fixed = datetime(2026, 12, 1, tzinfo=timezone.utc)  # the file changes only with its messages
    catalog = Catalog(locale=language, project="Tandem", version="1",
                      copyright_holder="Tandem", charset="utf-8", fuzzy=False,
                      creation_date=fixed, revision_date=fixed)
    clashes: list[str] = []
    for message, where, context in extracted():
        key = message if isinstance(message, str) else message[0]
        previous = old.get(key, context=context)
        if previous is not None and isinstance(previous.string, tuple) != \
                isinstance(message, tuple):
            previous = None  # a plural's translation is no singular's (the clash is said)
        if isinstance(message, tuple):
            string = previous.string if previous is not None and previous.string else ("", "")
        else:
            string = previous.string if previous is not None and previous.string \
                else ("" if context else window.get(message, ""))
        place = (where.split(":")[0], int(where.split(":")[1]))
        known = catalog.get(key, context=context)
        if known is not None and isinstance(known.id, tuple) != isinstance(message, tuple):
            # gettext keeps a plural under (id, n): `_()` of the same id finds nothing
            clashes.append(f"{key} (marked with a plural and without one, at {where}; give "
                           "one of them a context)")
            continue
        if known is not None:
            known.locations.append(place)
        else:
            catalog.add(message, string, locations=[place], context=context)
    missing = [m.id if isinstance(m.id, str) else m.id[0] for m in catalog
               if m.id and (not m.string or (isinstance(m.string, tuple) and not all(m.string)))]
    missing += wrong_placeholders(catalog) + clashes
    po, mo = BytesIO(), BytesIO()
    write_po(po, catalog, width=100, omit_header=False, sort_output=False,
             include_lineno=False)
    write_mo(mo, catalog, use_fuzzy=False)
    return po.getvalue(), mo.getvalue(), missing


def main() -> int:
    check = "--check" in sys.argv
    po, mo, missing = build()
    po_path, mo_path = HERE / "tandem-de.po", HERE / "tandem-de.mo"
    if check:
        stale = not po_path.exists() or po_path.read_bytes() != po or \
            not mo_path.exists() or mo_path.read_bytes() != mo
        for message in missing:
            print(f"no German for: {message!r}")
        if stale:
            print("tandem-de.po or tandem-de.mo is not in step with the code: run "
                  "python resources/i18n/messages.py")
        return 1 if missing or stale else 0
    po_path.write_bytes(po)
    mo_path.write_bytes(mo)
    print(f"{len(po.splitlines())} lines in tandem-de.po; {len(missing)} without German")
    return 0


if __name__ == "__main__":
    sys.exit(main())
