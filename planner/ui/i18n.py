"""The window's language: English, or German, chosen in View › Language or
taken from the system's locale; dates and numbers written as that locale
writes them.

Every string the window shows goes through `tr()`. The catalogue is
`resources/i18n/tandem_de.ts` (extracted by `resources/i18n/catalogue.py`
from the `tr("...")` calls and the sections' titles and hints), compiled
with `pyside6-lrelease` into `tandem_de.qm`, which ships with the program.
Qt's own strings (standard buttons, file dialogs) come from the Qt
translations PySide6 ships.
"""

from datetime import date

from PySide6.QtCore import QCoreApplication, QDate, QLibraryInfo, QLocale, QSettings, QTranslator

from planner.resources import resource_path

CONTEXT = "Tandem"
LANGUAGES = (("system", "Follow the &system"), ("en", "&English"), ("de", "&Deutsch"))
SHIPPED = ("de",)  # languages with a catalogue; English is the source
_installed: list[QTranslator] = []


def tr(text: str) -> str:
    """The text in the window's language (itself when no catalogue has it)."""
    return QCoreApplication.translate(CONTEXT, text)


def chosen_language() -> str:
    value = str(QSettings().value("language", "system"))
    return value if value in dict(LANGUAGES) else "system"


def language() -> str:
    """The language the window speaks: the choice, else the system's if
    Tandem ships it, else English."""
    chosen = chosen_language()
    if chosen != "system":
        return chosen
    system = QLocale.system().name().split("_")[0]
    return system if system in SHIPPED else "en"


def install() -> str:
    """Load the catalogue of the window's language (and Qt's own); set the
    default locale for dates and numbers. Returns the language."""
    app = QCoreApplication.instance()
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    lang = language()
    from planner import i18n as core  # what the core says in the window: the same language

    core.use(lang)
    if lang != "en":
        ours = QTranslator()
        if ours.load(str(resource_path("i18n", f"tandem_{lang}.qm"))):
            app.installTranslator(ours)
            _installed.append(ours)
        qt = QTranslator()
        if qt.load(f"qtbase_{lang}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
            app.installTranslator(qt)
            _installed.append(qt)
    if chosen_language() == "system":
        QLocale.setDefault(QLocale.system())
    else:
        QLocale.setDefault(QLocale(lang))
    from planner import times  # times in the window, its PDF and slides: the same locale

    name = QLocale().name()
    times.set_locale(None if name in ("C", "") else name)
    return lang


def date_format() -> str:
    """How a date editor shows its day, in the style the core writes dates in
    for the language spoken (`planner.i18n.day`): "3 Mar 2027", "03.03.2027"."""
    from planner import i18n as core

    return "dd.MM.yyyy" if core.language() == "de" else "d MMM yyyy"


def format_date(day: date) -> str:
    """A day as the locale writes it, with the whole year (02.03.2027,
    3/2/2027); ISO 8601 where the locale has no custom (the C locale)."""
    locale = QLocale()
    if locale.language() == QLocale.Language.C:
        return day.isoformat()
    pattern = locale.dateFormat(QLocale.FormatType.ShortFormat)
    if "yyyy" not in pattern:
        pattern = pattern.replace("yy", "yyyy")
    return locale.toString(QDate(day.year, day.month, day.day), pattern)


def format_number(value: float, decimals: int = 1) -> str:
    """A number with the locale's decimal mark and digit grouping (the C
    locale, which has no custom, groups thousands with commas, as before)."""
    locale = QLocale()
    if locale.language() == QLocale.Language.C:
        return f"{value:,.{decimals}f}"
    return locale.toString(float(value), "f", decimals)
