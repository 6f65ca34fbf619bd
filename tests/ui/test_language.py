"""The window in German: chosen in View › Language (or from the system's
locale), read in the menus, the sidebar and a page; dates and numbers as
the locale writes them; and every string the window shows has German."""

import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, QSettings, Qt

from planner.ui import i18n
from planner.ui.shell.main_window import MainWindow

pytestmark = pytest.mark.gui
ROOT = Path(__file__).resolve().parents[2]


def menu_titles(window: MainWindow) -> list[str]:
    return [a.text() for a in window.menuBar().actions() if a.isVisible()]


def test_switching_to_german_and_back_reads_in_the_menus(sample_window: MainWindow) -> None:
    try:
        assert sample_window.set_language("de") == "de"
        titles = menu_titles(sample_window)
        assert "&Datei" in titles and "&Bearbeiten" in titles and "&Hilfe" in titles
        assert sample_window.actions_by_id["file.open"].text() == "Plan &öffnen\u2026"
        sidebar = [sample_window.sidebar.item(n).text()
                   for n in range(sample_window.sidebar.count())]
        assert sidebar[:3] == ["Übersicht", "Ziele", "Außendienstbegleitung"]
        goals = sample_window.page("Goals")
        assert goals.add_button.text() == "Ziel hinzufügen"
        assert goals.model.headerData(0, Qt.Orientation.Horizontal) == "Ziel"
        assert QSettings().value("language") == "de"
        assert sample_window.set_language("en") == "en"
        assert "&File" in menu_titles(sample_window)
        assert sample_window.page("Goals").add_button.text() == "Add goal"
    finally:
        QSettings().setValue("language", "system")
        i18n.install()


def test_german_column_titles_fit_their_columns(sample_window: MainWindow) -> None:
    """A German title is longer than the English one a column was planned
    for ("Verantwortlich Vertrieb"): each column is made wide enough for its
    title, not cut off in the middle of a word."""
    from PySide6.QtGui import QFont, QFontMetrics

    try:
        assert sample_window.set_language("de") == "de"
        for name in ("Goals", "Field rides", "People", "Messaging"):
            page = sample_window.page(name)
            header = page.view.horizontalHeader()
            font = QFont(header.font())
            font.setWeight(QFont.Weight.DemiBold)
            metrics = QFontMetrics(font)
            for n in range(header.count() - 1):  # the last one stretches
                title = str(page.model.headerData(n, Qt.Orientation.Horizontal))
                assert header.sectionSize(n) >= metrics.horizontalAdvance(title) + 16, (
                    name, title, header.sectionSize(n))
        titles = [sample_window.page("Goals").model.headerData(n, Qt.Orientation.Horizontal)
                  for n in range(4)]
        assert "Verantwortlich Vertrieb" in titles
    finally:
        sample_window.set_language("en")
        QSettings().setValue("language", "system")
        i18n.install()


def test_date_editors_write_the_day_as_the_language_does(sample_window: MainWindow) -> None:
    """The plan's period in the Overview's editors reads as the PDF and the
    command line write dates in the language spoken: "1 Jan 2027" in English,
    "01.01.2027" in German (not "1 Jan 2027" in a German window)."""
    from planner import i18n as core

    start = sample_window.session.store.plan().period_start  # type: ignore[union-attr]
    try:
        english = sample_window.page("Overview").start.text()
        assert sample_window.set_language("de") == "de"
        german = sample_window.page("Overview").start.text()
        with core.speaking("de"):
            said = core.day(start)
    finally:
        sample_window.set_language("en")
        QSettings().setValue("language", "system")
        i18n.install()
    assert english == f"{start.day} {start:%b %Y}"
    assert german == said == f"{start:%d.%m.%Y}"


def test_dates_and_numbers_as_the_locale_writes_them() -> None:
    try:
        QLocale.setDefault(QLocale(QLocale.Language.German, QLocale.Country.Germany))
        assert i18n.format_date(date(2027, 3, 2)) == "02.03.2027"
        assert i18n.format_number(1234.5) == "1.234,5"
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
        assert i18n.format_date(date(2027, 3, 2)) == "3/2/2027"
        assert i18n.format_number(1234.5) == "1,234.5"
        QLocale.setDefault(QLocale.c())
        assert i18n.format_date(date(2027, 3, 2)) == "2027-03-02"
        assert i18n.format_number(1234.5) == "1,234.5"
    finally:
        QLocale.setDefault(QLocale.c())


def test_every_string_the_window_shows_has_german() -> None:
    result = subprocess.run([sys.executable, str(ROOT / "resources" / "i18n" / "catalogue.py"),
                             "--check"], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout[-3000:]
