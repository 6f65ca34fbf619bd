"""The messaging library and the reviews outside the window: the PDF's
Messaging, Reviews and Parking lot sections, `export --csv` read back as a
spreadsheet would, and what `tandem check` reports."""

import csv
import sqlite3
from datetime import date
from pathlib import Path

import pytest

from planner.model import Message, ParkingTopic, Person, Review
from planner.operations import messages as message_ops
from planner.operations import reviews as review_ops
from planner.operations import workshop
from planner.store.plan_store import PlanStore
from tests.acting import signer
from tests.conftest import run_tandem
from tests.e2e.test_cli import pdf_text

pytestmark = pytest.mark.e2e


def query(plan: Path, sql: str) -> list[tuple]:  # type: ignore[type-arg]
    with sqlite3.connect(plan) as conn:
        return conn.execute(sql).fetchall()


def test_the_pdf_lists_approved_messages_by_stage_and_drafts_apart(demo: Path,
                                                                   tmp_path: Path) -> None:
    pdf = tmp_path / "plan.pdf"
    with PlanStore.open(demo) as s:
        draft = next(m for m in s.rows(Message) if m.sales_signed_at is None)
        s.commit(message_ops.reword(draft, value_message="Quarterly payback, region by region"))
        s.commit(workshop.park("Partner pricing"))
        closed = s.commit(workshop.park("Trade-show budget")).rows[0].after
        assert isinstance(closed, ParkingTopic)
        s.commit(workshop.close_topic(closed))
    assert run_tandem("export", str(demo), "--pdf", str(pdf)).returncode == 0
    text = pdf_text(pdf)
    messaging = text[text.index("Messaging One library of customer messages"):
                     text.index("Reviews No blame")]
    stages = [name for (name,) in query(demo, "SELECT name FROM funnel_stage ORDER BY position")]
    # Approved messages stage by stage, in the funnel's order, each with its proof.
    at = [messaging.index(f"{stage} Customer problem") for stage in stages]
    assert at == sorted(at)
    for problem, proof in query(demo, "SELECT customer_problem, proof_point FROM message "
                                      "WHERE sales_signed_at IS NOT NULL AND "
                                      "marketing_signed_at IS NOT NULL"):
        assert problem in messaging[:messaging.index("Drafts")]
        assert proof in messaging
    drafts = messaging[messaging.index("Drafts"):]
    assert "Quarterly payback, region by region" in drafts and "sales and marketing" in drafts
    reviews = text[text.index("Reviews No blame"):text.index("Parking lot Topics")]
    (held, happened, learned, change), = query(demo, "SELECT held_on, what_happened, "
                                                    "what_we_learned, what_we_change FROM review")
    held = f"{date.fromisoformat(held):%-d %b %Y}"  # as the document writes a day
    for words in (f"Review held on {held}", f"What happened {happened}",
                  f"What we learned {learned}", f"What we change {change}"):
        assert words in reviews
    for action, owner, due in query(demo, "SELECT action, name, due_date FROM review_action "
                                          "JOIN person ON person.id = owner_id"):
        assert action in reviews and owner in reviews
        assert f"{date.fromisoformat(due):%-d %b %Y}" in reviews
    parking = text[text.index("Parking lot Topics"):]
    assert "Open topic Partner pricing" in parking
    assert "Closed Trade-show budget" in parking


def test_csv_export_reads_back_as_a_spreadsheet_would(demo: Path, tmp_path: Path) -> None:
    hostile = "=HYPERLINK(\"http://x\",\"click\")"
    with PlanStore.open(demo) as s:
        change, review = review_ops.add_review(date(2027, 5, 4), hostile,
                                               "Zoë's 名前 \u2014 \"quoted\", comma\nline two")
        s.commit(change)
        s.commit(review_ops.add_action(review, "+1 more call", s.rows(Person)[0].id,
                                       date(2027, 5, 20))[0])
    out = tmp_path / "not" / "yet" / "there"
    result = run_tandem("export", str(demo), "--csv", str(out))
    assert result.returncode == 0, result.stderr
    names = ["goals", "people", "rides", "metrics", "actuals", "funnel", "messages", "reviews",
             "actions", "check_ins", "crm_imports", "trainings", "training_seats"]
    assert sorted(p.stem for p in out.iterdir()) == sorted(names)
    tables = {"goals": "goal", "people": "person", "rides": "field_ride", "metrics": "metric",
              "actuals": "metric_value", "funnel": "funnel_stage", "messages": "message",
              "reviews": "review", "actions": "review_action", "check_ins": "check_in",
              "crm_imports": "crm_import", "trainings": "training",
              "training_seats": "training_seat"}
    for name in names:
        raw = (out / f"{name}.csv").read_bytes()
        assert raw.startswith(b"\xef\xbb\xbf") and b"\r\n" in raw  # Excel's UTF-8 and lines
        with (out / f"{name}.csv").open(encoding="utf-8-sig", newline="") as f:
            read = list(csv.DictReader(f))
        assert len(read) == query(demo, f"SELECT count(*) FROM {tables[name]}")[0][0], name
        assert {row["id"] for row in read} == {i for (i,) in query(
            demo, f"SELECT id FROM {tables[name]}")}
    with (out / "goals.csv").open(encoding="utf-8-sig", newline="") as f:
        goals = {row["id"]: row for row in csv.DictReader(f)}
    gid, title, owner = query(demo, "SELECT goal.id, title, name FROM goal JOIN person ON "
                                    "person.id = sales_owner_id LIMIT 1")[0]
    assert goals[gid]["Title"] == title and goals[gid]["Sales owner"] == owner
    assert goals[gid]["Agreement"] in ("Agreed", "Waits for both sides", "Waits for sales",
                                       "Waits for marketing")
    with (out / "reviews.csv").open(encoding="utf-8-sig", newline="") as f:
        written = next(r for r in csv.DictReader(f) if r["Review date"] == "2027-05-04")
    assert written["What happened"] == "'" + hostile  # a spreadsheet shows it, never runs it
    assert written["What we learned"] == "Zoë's 名前 \u2014 \"quoted\", comma\nline two"
    with (out / "actions.csv").open(encoding="utf-8-sig", newline="") as f:
        action = next(r for r in csv.DictReader(f) if r["Due date"] == "2027-05-20")
    assert action["Action"] == "'+1 more call" and action["Review"] == "review held on 2027-05-04"
    assert action["Done"] == "no"


def test_check_reports_the_library_and_the_blameless_flag(demo: Path) -> None:
    assert run_tandem("check", str(demo)).returncode == 0  # the sample plan is clean
    with PlanStore.open(demo) as s:
        person = signer(s, "sales")  # the head of sales approves, in their own name
        draft = next(m for m in s.rows(Message) if m.sales_signed_at is None)
        s.commit(message_ops.approve([draft], "sales", person))
        change, review = review_ops.add_review(date(2027, 3, 3),
                                               f"{person.name} forgot the follow-up")
        s.commit(change)
    with sqlite3.connect(demo) as conn:  # a hot button nobody answered; a stage left bare
        ride_id = conn.execute("SELECT id FROM field_ride LIMIT 1").fetchone()[0]
        conn.execute("INSERT INTO hot_button (id, created_at, updated_at, field_ride_id, "
                     "words) VALUES ('hb-1', '2027-01-01T00:00:00+00:00', "
                     "'2027-01-01T00:00:00+00:00', ?, 'Procurement takes a quarter')",
                     (ride_id,))
        stage = conn.execute("SELECT id, name FROM funnel_stage ORDER BY position").fetchone()
        conn.execute("UPDATE message SET funnel_stage_id = NULL WHERE funnel_stage_id = ?",
                     (stage[0],))
    result = run_tandem("check", str(demo))
    assert result.returncode == 1
    out = result.stdout
    assert (f"messaging: Message \u201c{draft.customer_problem[:59]}" in out
            and "is approved by sales only; it waits for marketing." in out)
    assert "messaging: Hot button \u201cProcurement takes a quarter\u201d, heard on the field " \
           "ride of" in out
    assert f"messaging: Funnel stage \u201c{stage[1]}\u201d has no message approved by both " \
           "sides." in out
    assert (f"reviews: Review held on 3 Mar 2027: This review names {person.name}: reviews "
            "describe the system, not people.") in out
    # Written with sqlite3, not Tandem: the history does not hold these rows' changes.
    outside = out.count("outside Tandem: its history does not hold this change")
    assert "hot button (id hb-1) was added outside Tandem" in out and outside >= 2
    assert f"{4 + outside} problem(s) found" in result.stderr
    # Dismissed, the flag is no longer reported.
    with PlanStore.open(demo) as s:
        flagged = next(r for r in s.rows(Review) if r.held_on == date(2027, 3, 3))
        s.commit(review_ops.dismiss_blame_flag(flagged))
    assert "names" not in run_tandem("check", str(demo)).stdout


def test_option_values_are_taken_in_any_case(demo: Path, tmp_path: Path) -> None:
    from pypdf import PdfReader

    out = tmp_path / "letter.pdf"
    result = run_tandem("export", str(demo), "--pdf", str(out), "--page-size", "letter",
                        "--mark", "DRAFT")
    assert result.returncode == 0, result.stderr
    assert [round(float(v)) for v in PdfReader(out).pages[0].mediabox[2:]] == [612, 792]
    wrong = run_tandem("export", str(demo), "--pdf", str(out), "--page-size", "legal")
    assert wrong.returncode == 2 and "invalid choice: 'legal' (choose from 'A4', 'Letter')" \
        in wrong.stderr
