"""One language end to end, without Qt: the sentences the core makes
(refusals, findings, undo labels, statuses), the PDF and the command line.

Catalogues are gettext's: `resources/i18n/tandem-<lang>.po`, compiled into
the `.mo` beside it by `python resources/i18n/messages.py` (which also
extracts every `_("...")` and `N_("...")` under planner/ outside the window,
and checks that German has them all). The window installs its language here
as well as into Qt, so what the core says in the window is in the window's
language; the command line takes the environment's locale (LANGUAGE,
LC_ALL, LC_MESSAGES, LANG, as gettext reads them); a PDF is written in its
plan's language.

Numbers, money and dates are written by Babel's rules for the language.
"""

import gettext
import os
from contextlib import contextmanager
from datetime import date, datetime
from collections.abc import Iterator

from planner.resources import resource_path

SHIPPED = ("en", "de")  # English is the source
NAMES = {"en": "English", "de": "Deutsch"}
# The locale each language writes numbers and dates by.
LOCALES = {"en": "en_GB", "de": "de_DE"}
_catalogues: dict[str, gettext.NullTranslations] = {}
_current = ["en"]


def _catalogue(code: str) -> gettext.NullTranslations:
    found = _catalogues.get(code)
    if found is None:
        found = gettext.NullTranslations()
        if code != "en":
            path = resource_path("i18n", f"tandem-{code}.mo")
            try:
                with open(path, "rb") as file:
                    found = gettext.GNUTranslations(file)
            except OSError:
                pass  # a build without the catalogue speaks English
        _catalogues[code] = found
    return found


def supported(code: str | None) -> str | None:
    """The shipped language a locale name stands for ("de_DE.UTF-8" -> "de")."""
    if not code:
        return None
    base = code.split(".")[0].split("@")[0].split("_")[0].split("-")[0].lower()
    return base if base in SHIPPED else None


def from_environment() -> str:
    """The language of the environment's locale, as gettext looks for it; English
    where no shipped language is asked for."""
    for variable in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(variable)
        if value:
            for part in value.split(":"):  # LANGUAGE is a list, in order of preference
                code = supported(part)
                if code is not None:
                    return code
            if variable != "LANGUAGE":
                return "en"  # the first locale set decides, as gettext does
    return "en"


def use(code: str) -> None:
    """Speak this language from now on (English for one Tandem lacks)."""
    _current[0] = supported(code) or "en"


def language() -> str:
    return _current[0]


@contextmanager
def speaking(code: str) -> Iterator[None]:
    """This language for a while (a PDF in its plan's language)."""
    from planner import times

    before, clock = _current[0], times._locale
    use(code)
    times.set_locale(LOCALES[_current[0]])  # and its times, as the language writes them
    try:
        yield
    finally:
        _current[0] = before
        times.set_locale(clock)


def _(message: str) -> str:
    """The message in the current language."""
    if _current[0] == "en":
        return message
    return _catalogue(_current[0]).gettext(message)


def ngettext(singular: str, plural: str, count: int) -> str:
    if _current[0] == "en":
        return singular if count == 1 else plural
    return _catalogue(_current[0]).ngettext(singular, plural, count)


def pgettext(context: str, message: str) -> str:
    """The message in the current language, in the sense its context names
    (one English word, two German ones: "Stop" a job, "Stop" in a retrospective)."""
    if _current[0] == "en":
        return message
    return _catalogue(_current[0]).pgettext(context, message)


def NC_(context: str, message: str) -> str:  # noqa: N802 (gettext's name)
    """`N_` with a context: translated where used, by `pgettext`."""
    return message


def Nn_(singular: str, plural: str) -> tuple[str, str]:  # noqa: N802 (gettext's style)
    """`N_` for a message with a plural: translated where used, by `ngettext`."""
    return singular, plural


def N_(message: str) -> str:  # noqa: N802 (gettext's name)
    """Marks a message to translate where it is used, not where it is defined
    (a table's title, an enum's label)."""
    return message


_QUOTES = {"en": ("\u201c", "\u201d"), "de": ("\u201e", "\u201c")}


def quote(text: str) -> str:
    """Text in the language's quotation marks: “Lift win rate”, „Lift win rate“."""
    opening, closing = _QUOTES.get(_current[0], _QUOTES["en"])
    return f"{opening}{text}{closing}"


def locale_name() -> str:
    return LOCALES[_current[0]]


def day(value: date | datetime) -> str:
    """A date as the language writes it, one style everywhere: "3 Mar 2027",
    "03.03.2027" (the PDF never breaks one across lines). (English without
    Babel: it is on the command line's paths.)"""
    if _current[0] == "en":
        from planner.times import english_day

        return english_day(value)
    from babel.dates import format_date

    return str(format_date(value, "medium", locale=locale_name()))


def short_day(value: date | datetime) -> str:
    """A day without its year, for a list within one year or a span's start:
    "3 Mar", "03.03."."""
    if _current[0] == "en":
        from planner.times import english_day

        return english_day(value, year=False)
    return f"{value:%d.%m.}"


def weekday_day(value: date) -> str:
    """A day with its weekday: "Wed 3 Mar 2027", "Mi., 03.03.2027"."""
    if _current[0] == "en":  # not the C library's names: they follow the locale Qt set
        weekday = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")[value.weekday()]
        return f"{weekday} {day(value)}"
    from babel.dates import format_date

    return str(format_date(value, "EEE, dd.MM.yyyy", locale=locale_name()))


def month_year(value: date) -> str:
    """A month and its year, short, as a time axis heads it: "Mar 2027", "März 2027"."""
    if _current[0] == "en":
        from planner.times import EN_MONTHS

        return f"{EN_MONTHS[value.month - 1]} {value.year}"
    from babel.dates import format_date

    return str(format_date(value, "LLL y", locale=locale_name()))


def days(first: date, last: date) -> str:
    """From one day to another, the shared month and year said once:
    "9 – 13 Apr 2027", "29 Apr – 3 May 2027"; "09.–13.04.2027"."""
    if _current[0] == "en":
        if (first.year, first.month) == (last.year, last.month) and first != last:
            return f"{first.day} \u2013 {day(last)}"
        if first.year == last.year and first != last:
            from planner.times import english_day

            return f"{english_day(first, year=False)} \u2013 {day(last)}"
        return day(first) if first == last else f"{day(first)} \u2013 {day(last)}"
    from babel.dates import format_interval

    return str(format_interval(first, last, "yMMdd", locale=locale_name()))


def long_day(value: date) -> str:
    """A date written out, as on the cover: "1 January 2027", "1. Januar 2027"."""
    if _current[0] == "en":
        return f"{value:%-d %B %Y}"
    from babel.dates import format_date

    return str(format_date(value, "long", locale=locale_name()))


def month_name(month: str) -> str:
    """ "2026-11" as the language names it: "November 2026"."""
    year, number_ = int(month[:4]), int(month[5:7])
    if _current[0] == "en":
        return f"{date(year, number_, 1):%B %Y}"
    from babel.dates import format_date

    return str(format_date(date(year, number_, 1), "LLLL y", locale=locale_name()))


def month_label(first: date, with_year: bool) -> str:
    """A month on a time axis: "Jan 27" or "Feb"; "Jan. 27", "Feb."."""
    if _current[0] == "en":
        return f"{first:%b %y}" if with_year else f"{first:%b}"
    from babel.dates import format_date

    return str(format_date(first, "MMM yy" if with_year else "MMM", locale=locale_name()))


def number(value: float, decimals: int = 0) -> str:
    """Thousands grouped, the decimal mark of the language: 4,800,000.5 and 4.800.000,5."""
    if _current[0] == "en":
        return f"{value:,.{decimals}f}"
    from babel.numbers import format_decimal

    pattern = "#,##0" + ("." + "0" * decimals if decimals else "")
    return str(format_decimal(value, pattern, locale=locale_name()))


def percent(share: float, decimals: int = 0) -> str:
    """A share as the language writes it: "64%", "64 %"."""
    if _current[0] == "en":
        return f"{share:.{decimals}%}"
    from babel.numbers import format_percent

    pattern = "#,##0" + ("." + "0" * decimals if decimals else "") + "\u00a0%"
    return str(format_percent(share, pattern, locale=locale_name()))


def with_percent_sign(number_text: str) -> str:
    """A number already written, as a share: "64.3%", "64,3 %" (as `percent` writes it)."""
    return f"{number_text}%" if _current[0] == "en" else f"{number_text}\u00a0%"


def money(value: float, currency: str) -> str:
    """An amount in the plan's currency as the language writes it:
    "€4,800,000", "4.800.000 €"; without a currency, a plain number."""
    if not currency:
        return number(value)
    from babel.numbers import format_currency

    whole = float(value).is_integer()
    return str(format_currency(value, currency, format=None if not whole else
                               "¤#,##0" if _current[0] == "en" else "#,##0\u00a0¤",
                               locale=locale_name(), currency_digits=not whole))
