"""The PDF as a document: options, contents, marks, hostile content, a clean file."""

import sqlite3
from datetime import date
from pathlib import Path

import pikepdf
import pytest
from pypdf import PdfReader

from planner.model import Goal, Person, Review
from planner.sections import DOCUMENT
from planner.store.plan_store import PlanStore, new_plan
from tests.e2e.test_pdf_tagged import words_outside
from tests.conftest import add_row, change_row, run_tandem
from tests.e2e.test_cli import flat, pdf_text

pytestmark = pytest.mark.e2e


def export(plan: Path, out: Path, *options: str):  # type: ignore[no-untyped-def]
    result = run_tandem("export", str(plan), "--pdf", str(out), *options)
    assert result.returncode == 0, result.stderr
    return result


def test_contents_page_numbers_match_the_bookmarks(demo: Path, tmp_path: Path) -> None:
    pdf = tmp_path / "a.pdf"
    export(demo, pdf)
    with pikepdf.open(pdf) as doc:  # timeline, funnel and charts are vectors: no images
        assert all(not page.get_images() for page in doc.pages)
        assert doc.check_pdf_syntax() == [] and doc.get_warnings() == []
    reader = PdfReader(pdf)
    contents = flat(reader.pages[1].extract_text())
    assert "Contents" in contents
    for entry in (e for e in reader.outline if not isinstance(e, list)):
        page = reader.get_destination_page_number(entry) + 1
        assert f"{entry.title} {page}" in contents, (entry.title, page, contents)
    titles = [e.title for e in reader.outline if not isinstance(e, list)]
    assert titles == [s.title for s in DOCUMENT]


def test_options_choose_paper_sections_notes_and_mark(demo: Path, tmp_path: Path) -> None:
    letter, a4 = tmp_path / "letter.pdf", tmp_path / "a4.pdf"
    export(demo, letter, "--page-size", "Letter", "--sections", "goals,rides",
           "--no-debriefs", "--mark", "agreed")
    export(demo, a4, "--mark", "draft")
    small = PdfReader(letter)
    assert [round(float(v)) for v in small.pages[0].mediabox[2:]] == [612, 792]
    assert [e.title for e in small.outline if not isinstance(e, list)] == ["Goals", "Field rides"]
    text = pdf_text(letter)
    assert "Debrief highlights" not in text and "AGREED" in text
    assert "Signed for sales: Amara Okafor" in text
    full = pdf_text(a4)
    assert "1 Apr 2027" in full[full.index("No blame"):]  # the review's date, whole
    assert "Debrief highlights" in full
    assert "DRAFT" not in flat(PdfReader(a4).pages[2].extract_text())  # drawn as shapes
    assert [round(float(v)) for v in PdfReader(a4).pages[0].mediabox[2:]] == [595, 842]


def test_unknown_section_is_a_one_line_error(demo: Path, tmp_path: Path) -> None:
    result = run_tandem("export", str(demo), "--pdf", str(tmp_path / "x.pdf"),
                        "--sections", "goals,budget")
    assert result.returncode == 1
    assert result.stderr.strip() == ("tandem: Unknown section(s): budget; choose from "
                                     f"{', '.join(s.key for s in DOCUMENT)}.")
    assert not (tmp_path / "x.pdf").exists()


def test_hostile_content_prints_whole_and_the_file_is_clean(tmp_path: Path) -> None:
    plan, pdf = tmp_path / "hostile.tandem", tmp_path / "hostile.pdf"
    long_word = "Supercalifragilistic" * 15  # 300 characters, no break
    note = ("Ten thousand characters of notes. " * 300)[:10_000]
    with PlanStore.create(plan, new_plan("<script>alert(1)</script> & <b>plan</b>",
                                         date(2027, 1, 1), date(2027, 12, 31),
                                         company="Ödegaard & Søn")) as s:
        add_row(s, Person, id="p1", name="Αλέξανδρος Παπαδόπουλος", team="sales")
        add_row(s, Person, id="p2", name="Анастасия Кузнецова", team="marketing")
        add_row(s, Goal, title=long_word, success_measure=note[:500], sales_owner_id="p1",
                marketing_owner_id="p2")
        add_row(s, Goal, title="Win in 漢字 markets \U0001F680 \U0001F9FF \U00013000")
        add_row(s, Review, held_on=date(2027, 3, 1), what_happened=note)
    result = export(plan, pdf)
    warnings = [line for line in result.stderr.splitlines() if "warning" in line]
    # Chinese and emoji print (tests/e2e/test_pdf_scripts.py); an Egyptian
    # hieroglyph, in none of Tandem's fonts, does not, and the export says so.
    assert warnings == ["tandem: warning: 1 character is not in Tandem's fonts and prints "
                        "as a blank: \U00013000"]
    text = pdf_text(pdf)
    assert "<script>alert(1)</script> & <b>plan</b>" in text
    assert "Αλέξανδρος Παπαδόπουλος" in text and "Анастасия Кузнецова" in text
    assert "Ödegaard & Søn" in text and "Win in 漢字 markets" in text
    assert long_word in text.replace("- ", "").replace(" ", "")  # cut, marked, all there
    assert text.count("Ten thousand characters of notes.") >= 290  # the review, every word
    reader = PdfReader(pdf)
    assert reader.metadata.title == "<script>alert(1)</script> & <b>plan</b>"
    assert reader.metadata.author == "Ödegaard & Søn"
    assert len(reader.pages) >= 6
    with pikepdf.open(pdf) as doc:
        assert doc.check_pdf_syntax() == []  # qpdf finds nothing wrong
        assert doc.get_warnings() == []
    # A version named with a word wider than the page: the appendix's heading
    # cuts it with a hyphen too, as a paragraph does (it was cut unmarked).
    with PlanStore.open(plan) as s:
        s.save_version(long_word[:150])
    export(plan, pdf, "--changes-since", long_word[:150])
    last = PdfReader(pdf).pages[-1].extract_text()
    heading = last[last.index("Changes since"):last.index("Since the version")]
    assert heading.count("-\n") >= 2 and long_word[:150] in heading.replace("-\n", "")
    assert words_outside(pdf) == []


def test_an_empty_plan_exports_every_section_with_a_sentence(tmp_path: Path) -> None:
    plan, pdf = tmp_path / "empty.tandem", tmp_path / "empty.pdf"
    PlanStore.create(plan, new_plan("Empty", date(2027, 1, 1), date(2027, 3, 31))).close()
    export(plan, pdf)
    text = pdf_text(pdf)
    assert text.count("Nothing here yet.") >= 2  # people, goals
    assert "No funnel stages yet." in text and "No metrics yet." in text
    assert "No reviews yet." in text
    with pikepdf.open(pdf) as doc:
        assert doc.check_pdf_syntax() == [] and doc.get_warnings() == []
    conn = sqlite3.connect(plan)
    assert conn.execute("SELECT count(*) FROM goal").fetchone() == (0,)
    conn.close()


def test_every_goal_has_a_bookmark_on_its_own_page(demo: Path, tmp_path: Path) -> None:
    pdf = tmp_path / "goals.pdf"
    export(demo, pdf)
    reader = PdfReader(pdf)
    titles = [e.title for e in reader.outline if not isinstance(e, list)]
    goals_at = titles.index("Goals")
    children = reader.outline[goals_at + 1]
    assert isinstance(children, list) and len(children) == 12
    conn = sqlite3.connect(demo)
    first = conn.execute("SELECT title FROM goal ORDER BY position LIMIT 1").fetchone()[0]
    conn.close()
    assert children[0].title == f"1. {first}"
    page = reader.get_destination_page_number(children[0])
    assert f"1. {first}" in flat(reader.pages[page].extract_text())


def test_the_sign_off_page_lists_what_each_side_signed_and_what_is_open(
        demo: Path, tmp_path: Path) -> None:
    """After a marketing sign-off in the file, the PDF says who signed what, and when."""
    from planner.operations.goals import sign_off
    from tests.acting import signer

    with PlanStore.open(demo) as s:
        goal = next(g for g in s.rows(Goal) if g.status.value == "proposed"
                    and g.marketing_signed_at is None)
        s.commit(sign_off([goal], "marketing", signer(s, "marketing")))
        add_row(s, Person, id="gone", name="Quentin Left", team="sales", left_plan=True)
        change_row(s, goal, sales_owner_id="gone")
    pdf = tmp_path / "signoff.pdf"
    export(demo, pdf)
    reader = PdfReader(pdf)
    titles = [e.title for e in reader.outline if not isinstance(e, list)]
    entry = next(e for e in reader.outline if not isinstance(e, list) and e.title == "Sign-off")
    page = flat(reader.pages[reader.get_destination_page_number(entry)].extract_text())
    assert "Sign-off" in titles
    assert "8 of 12 goals agreed; 3 wait for sales, 1 for both sides." in page
    # One table: each goal, who signed it for each side and when, in local time.
    assert "Who signed, and when" in page and "Sales Marketing" in page
    with PlanStore.open(demo, read_only=True) as s:
        signed = s.get(Goal, goal.id)
    assert signed is not None and signed.marketing_signed_at is not None
    from planner.times import local_time

    assert f"Bjorn Tanaka, {local_time(signed.marketing_signed_at)}" in page
    assert "UTC" not in page
    still_open = page[page.index("Still open"):]
    assert goal.title in still_open and "marketing: " in still_open
    text = pdf_text(pdf)
    assert "Quentin Left (left the plan)" in text


def test_table_columns_fit_their_words(large_path: Path, tmp_path: Path) -> None:
    """Columns are laid out from their text: no email address, team or goal
    number is broken across lines while the page has room for it."""
    out = tmp_path / "large.pdf"
    export(large_path, out)
    lines = [line.strip() for page in PdfReader(out).pages
             for line in page.extract_text().splitlines()]
    words = {word for line in lines for word in line.split()}
    with PlanStore.open(large_path, read_only=True) as store:
        people, goals = store.rows(Person), store.rows(Goal)
    assert all(person.email in words for person in people if person.email)
    assert "Marketing" in words and "Marketi" not in words
    assert {str(n) for n in range(100, len(goals) + 1)} <= words


def test_the_pdf_can_carry_the_changes_since_a_version(demo: Path, tmp_path: Path) -> None:
    from planner.operations import goals

    with PlanStore.open(demo) as store:
        store.save_version("Sent to the board")
        store.commit(goals.reword(store.rows(Goal)[0], title="Changed after the board <i>x</i>"))
    out = tmp_path / "with.pdf"
    export(demo, out, "--changes-since", "Sent to the board")
    reader = PdfReader(out)
    last = flat(reader.pages[-1].extract_text())
    assert "Changes since \u201cSent to the board\u201d" in last
    assert "Since the version \u201cSent to the board\u201d: 1 changed." in last
    assert "Changed after the board <i>x</i>" in last  # the user's words, not markup
    assert "Changes since \u201cSent to the board\u201d" in [o.title for o in reader.outline
                                                            if not isinstance(o, list)]
    refused = run_tandem("export", str(demo), "--pdf", str(tmp_path / "no.pdf"),
                         "--changes-since", "Never saved")
    assert refused.returncode == 1 and "has no version" in refused.stderr
    assert not (tmp_path / "no.pdf").exists()


def test_every_word_of_every_table_prints_whole(tmp_path: Path) -> None:
    """Words break only at spaces and after hyphens: each word of each table of
    the large sample plan is found whole in the PDF's text (a line broken after
    a hyphen joined again). Watermark operators come before the page's text."""
    import re

    from planner.outline.blocks import Table
    from planner.outline.build import build_outline
    from planner.sample import write_sample

    plan, pdf = tmp_path / "large.tandem", tmp_path / "large.pdf"
    write_sample(plan, "large").close()
    assert run_tandem("export", str(plan), "--pdf", str(pdf), "--mark", "draft").returncode == 0
    text = " ".join(page.extract_text() for page in PdfReader(pdf).pages)
    joined = re.sub(r"-\s+", "-", " ".join(text.split()))
    with PlanStore.open(plan, read_only=True) as store:
        outline = build_outline(store)
    words = {word for section in outline.sections for block in section.blocks
             if isinstance(block, Table) and block.rows  # an empty table prints its sentence
             for row in (block.columns, *block.rows)
             for cell in row for word in cell.split() if len(word) > 3}
    broken = sorted(w for w in words if w not in joined)
    assert broken == [], broken[:20]
    with pikepdf.open(pdf) as doc:
        for page in doc.pages[2:6]:
            ops = [str(op) for _, op in pikepdf.parse_content_stream(page)]
            # The DRAFT mark is shapes (its glyphs' outlines, filled), drawn
            # before any of the page's text: under all the rest, and no text.
            first_text = ops.index("Tj") if "Tj" in ops else len(ops)
            assert "c" in ops[:first_text] and "f" in ops[:first_text] or \
                "f*" in ops[:first_text], ops[:40]
            assert 110 not in [float(operands[1]) for operands, op in
                               pikepdf.parse_content_stream(page) if str(op) == "Tf"]
    for page in PdfReader(pdf).pages[1:4]:  # extraction starts with the page, not the mark
        words = page.extract_text().split()
        assert "DRAFT" not in words and "D" not in words[:3], words[:10]


def test_the_executive_summary_follows_the_cover(demo: Path, tmp_path: Path) -> None:
    out = tmp_path / "plan.pdf"
    with PlanStore.open(demo) as store:
        store.save_version("Sent to the board")
        store.commit(retitled(store, "Win back lapsed accounts", "Win back 40 lapsed accounts"))
    export(demo, out)
    reader = PdfReader(out)
    page = flat(reader.pages[2].extract_text())
    assert page.startswith("Executive summary 8 of 12 goals agreed")  # no DRAFT before it
    for words in ("Revenue target 4,800,000", "Won deals needed 10 a month over 12 months",
                  "Metrics 2 off track, 3 at risk, 5 on track",
                  "Measured from the CRM Handoff (Marketing-qualified, 2 working days): 96% of the 294 MQLs "
                  "of November 2026 followed up in time (the aim: 95%)",
                  "What the funnel needs each month", "Aware 681 40%",
                  "Off track", "Heard most on field rides",
                  "Since the last version 1 changed since \u201cSent to the board\u201d"):
        assert words in page, words
    titles = [e.title for e in reader.outline if not isinstance(e, list)]
    assert titles[0] == "Executive summary"


def retitled(store: PlanStore, old: str, new: str):  # type: ignore[no-untyped-def]
    from planner.operations.rows import edit

    return edit(next(g for g in store.rows(Goal) if g.title == old), title=new)


def test_no_page_is_left_blank(demo: Path, tmp_path: Path) -> None:
    """A heading that would stand alone at a page's foot starts the next page,
    and no page is left with only its header and footer."""
    out = tmp_path / "plan.pdf"
    export(demo, out)
    for n, page in enumerate(PdfReader(out).pages[1:], start=2):
        words = page.extract_text().split()
        # Header and footer alone are about a dozen words (the DRAFT mark is shapes).
        assert len(words) > 15, (n, words)


def test_the_room_s_cards_with_markup_print_as_their_text(demo: Path, tmp_path: Path) -> None:
    """Cards written in the room's page with markup and script in them, taken
    into the plan as the facilitator's I key does (a hot button, a proposal, a
    topic, a retrospective card): the PDF prints each one's characters as
    written, and carries nothing a reader would run."""
    from planner.operations import room as room_ops
    from planner.room.state import HOT_BUTTON, PROPOSAL, RETRO, TOPIC, Room, Shown

    room = Room()
    token = room.join("10.0.0.7", room.code, "<i>Ines</i>", "marketing")
    written = {
        HOT_BUTTON: '<script>alert("hot")</script> too slow to quote',
        PROPOSAL: '<img src=x onerror=alert(1)> Win 20 logos',
        TOPIC: "javascript:alert('topic') & <b>pricing</b>",
        RETRO: "Leads waited <u>three</u> days &amp; more",
    }
    for kind, text in written.items():
        room.show(Shown(f"A {kind} slide", (), kind))
        room.add_card(token, text, "stop" if kind == RETRO else "")
    cards = {c.kind: c for c in room.snapshot()}
    assert {k: c.text for k, c in cards.items()} == written  # kept as written
    with PlanStore.open(demo) as store:
        store.commit(room_ops.hot_button(cards[HOT_BUTTON].text, cards[HOT_BUTTON].author))
        store.commit(room_ops.proposal(store, cards[PROPOSAL].text, cards[PROPOSAL].part))
        store.commit(room_ops.topic(cards[TOPIC].text))
        store.commit(room_ops.retro_card(store, cards[RETRO].text, "stop", date.today()))
    pdf = tmp_path / "room.pdf"
    export(demo, pdf)
    text = pdf_text(pdf)
    for kind, card in written.items():
        assert flat(card) in text, kind
    with pikepdf.open(pdf) as doc:
        assert "/JavaScript" not in doc.Root and "/OpenAction" not in doc.Root
        for page in doc.pages:
            for annot in page.get("/Annots", []):
                assert annot.get("/A", {}).get("/S") != "/JavaScript"
