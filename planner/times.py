"""Times as a reader reads them: in the reader's local time and the format of
their locale, to the minute (never UTC, never seconds). Stored times stay
aware UTC; only what is shown is local.

Babel knows each locale's date and time patterns (CLDR), so the window, the
PDF, the slides and the command line say "3 Mar 2027, 14:05" in English,
"03.03.2027, 14:05" in German, alike. Imported only where a time is shown.
"""

import os
from datetime import date, datetime

_locale: str | None = None  # the window's language, when it chose one


def set_locale(name: str | None) -> None:
    """The locale times are written in from now on (None: the environment's)."""
    global _locale
    _locale = name


def locale_name() -> str:
    """The locale in use: the window's choice, else LC_ALL, LC_TIME or LANG."""
    if _locale:
        return _locale
    for var in ("LC_ALL", "LC_TIME", "LANG"):
        value = os.environ.get(var, "").split(".")[0].split("@")[0]
        if value and value not in ("C", "POSIX"):
            return value
    return "en_GB"


def local_time(moment: datetime, locale: str | None = None) -> str:
    """An aware time in this computer's time zone, as the locale writes a
    date and a time of day: "3 Mar 2027, 14:05"."""
    local = moment.astimezone()
    name = locale or locale_name()
    if name == "en_GB":  # as Babel writes it, without loading Babel (0.1 s)
        return f"{english_day(local)}, {local:%H:%M}"
    from babel import Locale, UnknownLocaleError
    from babel.dates import format_date, format_time, get_datetime_format

    try:
        where = Locale.parse(name)
    except (UnknownLocaleError, ValueError, TypeError):
        where = Locale.parse("en_GB")
    day = format_date(local.date(), "medium", locale=where)
    clock = format_time(local, "short", tzinfo=local.tzinfo, locale=where)
    return str(get_datetime_format("medium", locale=where)).replace("{1}", day) \
        .replace("{0}", clock)


# en_GB's abbreviated months as CLDR (and so Babel) writes them: "Sept".
EN_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sept", "Oct", "Nov", "Dec")


def english_day(value: date | datetime, year: bool = True) -> str:
    """"3 Sept 2027" as Babel writes it for en_GB, without Babel (and without
    the C library's month names, which follow whatever locale Qt set)."""
    said = f"{value.day} {EN_MONTHS[value.month - 1]}"
    return f"{said} {value.year}" if year else said
