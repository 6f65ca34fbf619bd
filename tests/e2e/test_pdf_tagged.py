"""The PDF for every reader: tagged, in the plan's language, with its
structure read back by a checker that shares no code with the writer
(tests/pdf_ua.py, over pikepdf)."""

from collections import Counter
from datetime import date
from pathlib import Path
from typing import Any

import pikepdf
from pypdf import PdfReader

from planner.model import Goal, Metric, MetricValue, Person, Review
from planner.store.plan_store import PlanStore, new_plan
from tests.conftest import add_row, run_tandem
from tests.pdf_ua import check


def export(plan: Path, out: Path, *options: str) -> None:
    result = run_tandem("export", str(plan), "--pdf", str(out), *options)
    assert result.returncode == 0, result.stderr


def structure(pdf: Path) -> list[tuple[int, str, str]]:
    """(depth, type, alternative text) of every element, in reading order."""
    out: list[tuple[int, str, str]] = []
    with pikepdf.open(pdf) as doc:
        def walk(element: Any, depth: int) -> None:
            out.append((depth, str(element.S)[1:], str(element.get("/Alt", ""))))
            kids = element.get("/K")
            for kid in (kids if isinstance(kids, pikepdf.Array) else [kids]):
                if isinstance(kid, pikepdf.Dictionary) and "/S" in kid:
                    walk(kid, depth + 1)
        walk(doc.Root.StructTreeRoot.K, 0)
    return out


def test_the_sample_plan_is_tagged_clean(demo: Path, tmp_path: Path) -> None:
    draft, agreed = tmp_path / "draft.pdf", tmp_path / "agreed.pdf"
    export(demo, draft, "--mark", "draft")
    export(demo, agreed, "--mark", "agreed")
    assert check(draft) == []
    assert check(agreed) == []
    with pikepdf.open(draft) as doc:
        assert str(doc.Root.Lang) == "en"
        assert doc.open_metadata()["dc:title"] == str(doc.docinfo.Title)
    tree = structure(draft)
    kinds = Counter(kind for _, kind, _ in tree)
    # A section a part, each with its heading; the cover's title and the contents too.
    assert kinds["Sect"] >= 9 and kinds["H1"] == kinds["Sect"] + 2
    assert kinds["TOCI"] == kinds["Sect"] and kinds["Link"] == kinds["TOCI"]
    assert kinds["TH"] > 50 and kinds["TD"] > 500 and kinds["H3"] >= 12  # a card a goal
    figures = [alt for _, kind, alt in tree if kind == "Figure"]
    assert any(alt.startswith("The funnel, top to bottom: ") for alt in figures)
    assert any(alt.startswith("The collaboration network: ") and " ties." in alt
               for alt in figures)
    assert any(alt.startswith("Timeline of field rides from ") for alt in figures)
    assert any(alt.startswith("Charts of the metrics over the periods.") for alt in figures)
    # The agreed stamp reads on the cover, before the contents.
    stamped = [kind for _, kind, _ in structure(agreed)]
    assert stamped.index("Sect") < stamped.index("TOC")


def test_hostile_plans_are_tagged_clean_and_every_word_stays_on_the_page(
        tmp_path: Path) -> None:
    plan, pdf = tmp_path / "hostile.tandem", tmp_path / "hostile.pdf"
    long_word = "Supercalifragilistic" * 15  # 300 characters, no break
    with PlanStore.create(plan, new_plan("<script>alert(1)</script> & <b>plan</b>",
                                         date(2027, 1, 1), date(2027, 12, 31),
                                         company="(Ödegaard) & \\Søn")) as s:
        add_row(s, Person, id="p1", name=long_word, team="sales")
        add_row(s, Person, id="p2", name="<img src=x onerror=alert(1)>", team="marketing")
        add_row(s, Goal, title=long_word, success_measure="unit:<img src=" + "x" * 200 + ">",
                sales_owner_id="p1", marketing_owner_id="p2")
        add_row(s, Review, held_on=date(2027, 3, 1), what_happened=long_word * 3)
        add_row(s, Metric, id="m1", name=long_word, unit="unit:<img src=" + "y" * 120 + ">",
                definition=long_word, baseline=1.0, target=9.0e11)
        add_row(s, MetricValue, metric_id="m1", period="2027-01", actual=3.5e11)
    export(plan, pdf, "--mark", "agreed")
    assert check(pdf) == []
    assert words_outside(pdf) == []
    with pikepdf.open(pdf) as doc:
        assert doc.check_pdf_syntax() == [] and doc.get_warnings() == []


def words_outside(pdf: Path) -> list[str]:
    """Every word poppler finds beyond its page's margins (18 mm, less a
    hair), with its page."""
    import re
    import shutil
    import subprocess

    import pytest

    if shutil.which("pdftotext") is None:
        pytest.skip("poppler-utils is not installed (pdftotext); .ci/setup --test installs it")
    html = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], capture_output=True,
                          text=True, check=True).stdout
    out = []
    for n, page in enumerate(html.split("<page ")[1:], 1):
        width = float(re.search(r'width="([\d.]+)"', page).group(1))  # type: ignore[union-attr]
        for x0, x1, word in re.findall(
                r'<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)" yMax="[\d.]+">(.*?)</word>',
                page):
            if float(x0) < 18 * 72 / 25.4 - 2 or float(x1) > width - 18 * 72 / 25.4 + 2:
                out.append(f"page {n}: {word[:40]} ({float(x0):.0f}..{float(x1):.0f} of "
                           f"{width:.0f})")
    return out


def english_sentences() -> list[str]:
    """The English of every sentence in the core's catalogue that German
    translates: its fixed words between placeholders, three words or more
    (shorter pieces could be a plan's own words: a stage named "Won")."""
    import re

    from babel.messages.pofile import read_po

    from planner.resources import resource_path

    with open(resource_path("i18n", "tandem-de.po"), "rb") as file:
        catalogue = read_po(file)
    out = []
    for message in catalogue:
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        for english, german in zip(ids, strings, strict=False):
            if not english or english == german:
                continue
            for piece in re.split(r"\{[^}]*\}", english):
                piece = " ".join(piece.split()).strip(" ;:,.()")
                if len(piece.split()) >= 3:
                    out.append(piece)
    return out


def test_a_german_plan_prints_german_every_sentence_tandem_makes(demo: Path,
                                                                 tmp_path: Path) -> None:
    """The plan's language is German: no sentence of Tandem's own is left in
    English in its PDF (the plan's own words are its authors'), amounts in
    its currency and dates as German writes them, the document's language
    de; the command line in an English locale does not change that."""
    from planner.model.enums import Currency, Language
    from planner.operations.plan import change_plan

    from planner.model import Goal
    from planner.operations import goals

    with PlanStore.open(demo) as store:
        store.commit(change_plan(store, language=Language.DE, currency=Currency.EUR,
                                 revenue_target=4_800_000.0))
        store.save_version("Vor dem Workshop")
        store.commit(goals.reword(store.rows(Goal)[0], title="Ein neuer Titel"))
    pdf = tmp_path / "plan.pdf"
    result = run_tandem("export", str(demo), "--pdf", str(pdf), "--mark", "agreed",
                        "--changes-since", "Vor dem Workshop",
                        env={"LANG": "en_GB.UTF-8", "LANGUAGE": ""})
    assert result.returncode == 0, result.stderr
    text = " ".join(" ".join(page.extract_text().replace("\xa0", " ").split())
                    for page in PdfReader(pdf).pages)
    sentences = english_sentences()
    from planner.model.records import KINDS

    with PlanStore.open(demo) as store:  # the plan's own words (a metric named as a figure)
        own = "\n".join(v for kind in KINDS for row in store.rows(kind) for v in row
                        if isinstance(v, str))
    left = sorted({s for s in sentences if s in text and s not in own})
    assert left == [], left[:20]
    # The same plan in English prints many of them: the check can fail.
    with PlanStore.open(demo) as store:
        store.commit(change_plan(store, language=Language.EN))
    english = tmp_path / "english.pdf"
    assert run_tandem("export", str(demo), "--pdf", str(english), "--mark", "agreed",
                      "--changes-since", "Vor dem Workshop",
                      env={"LANG": "de_DE.UTF-8"}).returncode == 0
    said = " ".join(" ".join(page.extract_text().split()) for page in PdfReader(english).pages)
    assert len({s for s in sentences if s in said}) > 40
    assert "Umsatzziel 4.800.000 €" in text and "Inhalt" in text
    # The appendix of changes, in the document's language too (it was English).
    assert "Seit der Version „Vor dem Workshop“: 1 geändert." in text
    assert "Ziel „Ein neuer Titel“ geändert" in text and "Since the version" in said
    import re

    assert re.search(r"\d,\d %", text) and not re.search(r"\d,\d%", text)  # 59,2 %, as German
    assert "1. Januar 2027 – 31. Dezember 2027" in text and "Seite 2 von" in text
    assert "Abgezeichnet für den Vertrieb:" in text  # the agreed stamp
    with pikepdf.open(pdf) as doc:
        assert str(doc.Root.Lang) == "de"
    assert check(pdf) == []


def test_a_crm_import_a_json_import_and_a_server_address_speak_german(
        demo: Path, tmp_path: Path) -> None:
    """The sentences of the imports and the server's addresses, not only the
    plan's own: a line of a CRM export that cannot be read says why in German."""
    from datetime import datetime, timezone

    from planner.imports.crm_sample import write_contacts
    from planner.model.crm import LeadRow

    german = {"LANG": "de_DE.UTF-8", "LANGUAGE": "", "LC_ALL": ""}
    at = datetime(2026, 3, 2, 10, tzinfo=timezone.utc)
    contacts = tmp_path / "contacts.csv"
    write_contacts(contacts, [LeadRow(2, "L1", at, at), LeadRow(3, "L2", at, at)])
    lines = contacts.read_text("utf-8-sig").splitlines()
    lines[2] = lines[2].replace("2026-03-02 10:00", "gestern", 1)
    contacts.write_text("\n".join(lines) + "\n", "utf-8")
    said = run_tandem("import-crm", str(demo), str(contacts), env=german)
    assert said.returncode == 0, said.stderr
    assert said.stdout.splitlines()[1:] == [
        "1 Zeile konnte nicht gelesen werden:",
        "  Zeile 3, Became a Marketing Qualified Lead Date \u201egestern\u201c: kein Datum"]
    assert said.stdout.startswith("1 Lead aus contacts.csv (HubSpot, Zeiten in ")
    broken = tmp_path / "broken.json"
    broken.write_text('{"format_version": ', "utf-8")
    said = run_tandem("import", str(broken), str(tmp_path / "new.tandem"), env=german)
    assert said.returncode == 1 and said.stderr.startswith(
        "tandem: broken.json ist kein g\u00fcltiges JSON (")
    said = run_tandem("pull", "postgresql://amara:secret@db.example/plans#plan=x",
                      str(tmp_path / "p.tandem"), env=german)
    assert said.stderr == ("tandem: Ein Passwort geh\u00f6rt nicht in eine Serveradresse: "
                           "Legen Sie es in ~/.pgpass oder PGPASSWORD ab und nutzen Sie die "
                           "Adresse ohne es.\n")


def test_the_command_line_refuses_in_the_locales_language(tmp_path: Path) -> None:
    missing, foreign = tmp_path / "missing.tandem", tmp_path / "notes.tandem"
    foreign.write_text("not a plan")
    german = {"LANG": "de_DE.UTF-8", "LANGUAGE": "", "LC_ALL": ""}
    said = run_tandem("check", str(missing), env=german)
    assert said.returncode == 1 and said.stderr == "tandem: missing.tandem gibt es nicht.\n"
    said = run_tandem("check", str(foreign), env=german)
    assert said.stderr == ("tandem: notes.tandem ist kein Tandem-Plan (es ist keine "
                           "Datenbankdatei).\n")
    said = run_tandem("export", str(foreign), "--pdf", str(tmp_path / "x.pdf"),
                      env={"LANG": "en_US.UTF-8", "LANGUAGE": "de", "LC_ALL": ""})
    assert "ist kein Tandem-Plan" in said.stderr  # LANGUAGE comes first, as in gettext
    said = run_tandem("--help", env=german)  # the help too, argparse's own words included
    assert said.stdout.startswith("Aufruf: tandem") and "einen Beispielplan schreiben" in said.stdout
    said = run_tandem("export", env=german)
    assert said.stderr.endswith("tandem export: Fehler: diese Argumente fehlen: PLAN\n")
    said = run_tandem("check", str(missing), env={"LANG": "fr_FR.UTF-8", "LANGUAGE": ""})
    assert said.stderr == "tandem: missing.tandem does not exist.\n"  # no French: English
