"""The core's catalogue is in step with the code and German has every message."""

import subprocess
import sys
from pathlib import Path

from planner import i18n

ROOT = Path(__file__).resolve().parents[2]


def test_every_message_of_the_core_has_german_and_the_catalogue_is_compiled() -> None:
    result = subprocess.run([sys.executable, str(ROOT / "resources" / "i18n" / "messages.py"),
                             "--check"], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_core_speaks_the_language_asked_and_english_otherwise(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from datetime import date

    from planner.rules.signoff import Agreement

    said = Agreement(goals=12, agreed=8, wait_sales=2, wait_marketing=1, wait_both=1)
    with i18n.speaking("de"):
        assert said.text() == ("8 von 12 Zielen vereinbart; 1 wartet auf Marketing, 2 auf "
                               "Vertrieb, 1 auf beide Seiten")
        assert i18n.money(4_800_000, "EUR") == "4.800.000\u00a0€"
        assert i18n.day(date(2027, 3, 3)) == "03.03.2027"
    assert said.text() == "8 of 12 goals agreed; 1 waits for marketing, 2 for sales, 1 for both sides"
    assert i18n.money(4_800_000, "EUR") == "€4,800,000"
    assert i18n.day(date(2027, 3, 3)) == "3 Mar 2027"
    assert i18n.days(date(2027, 4, 29), date(2027, 5, 3)) == "29 Apr \u2013 3 May 2027"
    for environment, spoken in (({"LANG": "de_DE.UTF-8"}, "de"), ({"LANG": "fr_FR.UTF-8"}, "en"),
                                ({"LANGUAGE": "fr:de", "LANG": "en_US.UTF-8"}, "de"),
                                ({"LC_ALL": "C", "LANG": "de_DE.UTF-8"}, "en")):
        for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
            monkeypatch.delenv(name, raising=False)
        for name, value in environment.items():
            monkeypatch.setenv(name, value)
        assert i18n.from_environment() == spoken, environment


def test_english_days_and_times_are_babels_without_babel() -> None:
    """The English paths skip Babel (0.1 s to load) and must say exactly what
    it says for en_GB: "3 Sept 2027", "3 Sept 2027, 14:05"."""
    import random
    from datetime import date, datetime, timedelta, timezone

    from babel import Locale
    from babel.dates import format_date, format_time, get_datetime_format

    from planner import times
    from planner.i18n import day, use

    use("en")
    where, rng = Locale.parse("en_GB"), random.Random(7)
    for _ in range(2000):
        moment = datetime(1990, 1, 1, tzinfo=timezone.utc) + timedelta(
            minutes=rng.randrange(60 * 24 * 365 * 60))
        local = moment.astimezone()
        said = str(get_datetime_format("medium", locale=where)).replace(
            "{1}", format_date(local.date(), "medium", locale=where)).replace(
            "{0}", format_time(local, "short", tzinfo=local.tzinfo, locale=where))
        assert times.local_time(moment, "en_GB") == said
        assert day(moment.date()) == format_date(moment.date(), "medium", locale=where)
    assert day(date(2027, 9, 3)) == "3 Sept 2027"


def test_the_store_s_sentences_about_its_disk_speak_the_language() -> None:
    """A pulled stick, a full or read-only disk, a busy file: the store's
    sentences come from the catalogue like every other (they were English)."""
    import sqlite3

    from planner import i18n
    from planner.store import connection

    with i18n.speaking("de"):
        gone = str(connection.medium_lost("plan.tandem"))
        full = str(connection.fault("plan.tandem", sqlite3.OperationalError(
            "database or disk is full")))
        busy = str(connection.fault("plan.tandem", sqlite3.OperationalError("database is locked")))
    assert gone.startswith("Das Laufwerk mit plan.tandem ist weg")
    assert full.startswith("plan.tandem konnte nicht gespeichert werden: Das Laufwerk ist voll")
    assert busy == "plan.tandem ist in einem anderen Programm in Gebrauch; nichts wurde geändert."
    assert str(connection.medium_lost("p")).startswith("The disk holding p is gone or failing")
