"""The command line as a user runs it: no display, real files, exit codes."""

import json
import re
import shutil
import os
import sqlite3
import sys
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader

from planner.model import Goal, Person
from planner.sections import DOCUMENT
from planner.store.plan_store import PlanStore, new_plan
from tests.conftest import ROOT, add_row, damage_an_index, run_tandem

pytestmark = pytest.mark.e2e


def flat(text: str) -> str:
    """Text with line wrapping undone, as a reader would read it."""
    return " ".join(text.split())


def pdf_text(path: Path) -> str:
    return flat(" ".join(page.extract_text() for page in PdfReader(path).pages))


def test_demo_export_import_check_round_trip(tmp_path: Path) -> None:
    plan, pdf, doc, copy = (tmp_path / n for n in ("a.tandem", "a.pdf", "a.json", "b.tandem"))
    result = run_tandem("demo", str(plan))
    assert result.returncode == 0, result.stderr
    assert run_tandem("export", str(plan), "--pdf", str(pdf)).returncode == 0
    assert run_tandem("export", str(plan), "--json", str(doc)).returncode == 0
    assert run_tandem("import", str(doc), str(copy)).returncode == 0
    check = run_tandem("check", str(copy))
    assert check.returncode == 0, check.stdout + check.stderr
    assert "integrity ok" in check.stdout
    statuses = [line for line in check.stdout.splitlines() if line.startswith("metric status:")]
    assert len(statuses) == 10  # two computed from the sample's CRM data
    assert {"on track", "at risk", "off track"} <= {s.split(": ")[2].split(" (")[0] for s in statuses}
    a = json.loads(doc.read_text("utf-8"))
    again = tmp_path / "again.json"
    run_tandem("export", str(copy), "--json", str(again))
    b = json.loads(again.read_text("utf-8"))
    a.pop("exported_at"), b.pop("exported_at")
    assert a == b


def test_pdf_has_cover_people_and_goals_with_both_owners(tmp_path: Path) -> None:
    plan, pdf = tmp_path / "a.tandem", tmp_path / "a.pdf"
    run_tandem("demo", str(plan))
    wrote = run_tandem("export", str(plan), "--pdf", str(pdf))
    assert wrote.returncode == 0
    reader = PdfReader(pdf)
    assert f"({len(reader.pages)} pages, " in wrote.stdout  # says how long it is
    cover = flat(reader.pages[0].extract_text())
    assert "Northwind go-to-market plan 2027" in cover
    assert "Northwind Analytics" in cover and "1 January 2027" in cover
    assert "Amara Okafor" in cover and "Bjorn Tanaka" in cover  # the two sponsors
    text = pdf_text(pdf)
    with PlanStore.open(plan, read_only=True) as s:
        names = {p.id: p.name for p in s.rows(Person)}
        for p in s.rows(Person):
            assert p.name in text
        goal = s.rows(Goal)[0]
    row = text[text.index(goal.title):][:250]  # the goal's row, read left to right
    assert names[goal.sales_owner_id] in row and names[goal.marketing_owner_id] in row  # type: ignore[index]
    assert goal.due_date is not None and f"{goal.due_date:%-d %b %Y}" in row  # whole, not broken
    assert "12 Expand in the installed base" in text  # the row number is whole too
    assert reader.metadata is not None and reader.metadata.title == "Northwind go-to-market plan 2027"
    assert [o.title for o in reader.outline if not isinstance(o, list)] == [
        s.title for s in DOCUMENT]
    goals = next(o for o in reader.outline if not isinstance(o, list) and o.title == "Goals")
    assert reader.get_destination_page_number(goals) + 1 == 5  # after the summary and overview
    conn = sqlite3.connect(plan)
    words = conn.execute("SELECT words FROM hot_button LIMIT 1").fetchone()[0]
    conn.close()
    assert f"\u201c{words}\u201d" in text  # debrief highlights
    assert "Marketing target 2 days per quarter, every marketer with sales" in text
    assert f"Page 2 of {len(reader.pages)}" in reader.pages[1].extract_text()


def test_markup_in_user_text_prints_literally_and_fetches_nothing(tmp_path: Path) -> None:
    plan, pdf = tmp_path / "a.tandem", tmp_path / "a.pdf"
    hostile = '<b>R&D</b> <img src="x"> <font name="/etc/passwd">'
    with PlanStore.create(plan, new_plan("<i>Plan</i> & co", date(2027, 1, 1),
                                         date(2027, 12, 31))) as s:
        add_row(s, Goal, title=hostile, success_measure="10 < 20 & 30 > 5")
        add_row(s, Person, name="\u00c9milie \u0394\u03ad\u03bb\u03c4\u03b1 "
                                "\u0416\u0443\u043a\u043e\u0432", team="sales")
    result = run_tandem("export", str(plan), "--pdf", str(pdf))
    assert result.returncode == 0, result.stderr
    text = pdf_text(pdf)
    assert "<b>R&D</b>" in text and '<img src="x">' in text
    assert "10 < 20 & 30 > 5" in text and "<i>Plan</i> & co" in text
    assert "\u00c9milie \u0394\u03ad\u03bb\u03c4\u03b1 \u0416\u0443\u043a\u043e\u0432" in text
    assert b"/XObject" not in pdf.read_bytes()  # no image was embedded


@pytest.mark.parametrize("args", [["export"], ["demo"], ["export", "a.tandem"],
                                  ["export", "a.tandem", "--pdf", "a.pdf", "--json", "a.json"],
                                  ["demo", "a.tandem", "--size", "huge"], ["--bogus"]])
def test_wrong_usage_exits_2(tmp_path: Path, args: list[str]) -> None:
    result = run_tandem(*args, cwd=tmp_path)
    assert result.returncode == 2
    assert "usage: tandem" in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_user_data_problems_exit_1_with_one_line(tmp_path: Path) -> None:
    notes = tmp_path / "notes.tandem"
    notes.write_text("not a plan")
    for args in (["check", str(notes)], ["export", str(notes), "--pdf", str(tmp_path / "x.pdf")],
                 ["import", str(notes), str(tmp_path / "y.tandem")],
                 ["demo", str(notes)],
                 ["check", str(tmp_path / "missing.tandem")]):
        result = run_tandem(*args)
        assert result.returncode == 1, args
        assert len(result.stderr.strip().splitlines()) == 1, result.stderr
        assert "Traceback" not in result.stderr
    assert notes.read_text() == "not a plan"
    assert not (tmp_path / "x.pdf").exists() and not (tmp_path / "y.tandem").exists()


def test_check_reports_rule_violations(tmp_path: Path) -> None:
    plan = tmp_path / "a.tandem"
    run_tandem("demo", str(plan))
    conn = sqlite3.connect(plan)
    conn.execute("UPDATE goal SET marketing_owner_id = NULL WHERE position = 0")
    conn.execute("UPDATE goal SET due_date = '2031-05-01' WHERE position = 1")
    conn.commit()
    conn.close()
    result = run_tandem("check", str(plan))
    assert result.returncode == 1
    assert "has no marketing owner" in result.stdout
    assert "is due 1 May 2031, outside the plan period" in result.stdout
    # Written with sqlite3, not Tandem: the history does not hold these changes.
    assert result.stdout.count("was changed outside Tandem: its history does not hold") == 2
    assert result.stderr.strip() == "tandem: 4 problem(s) found in a.tandem."


def test_check_reports_damage_it_can_still_read_past(tmp_path: Path) -> None:
    plan = tmp_path / "a.tandem"
    run_tandem("demo", str(plan))
    damage_an_index(plan)
    result = run_tandem("check", str(plan))
    assert result.returncode == 1
    assert "integrity FAILED" in result.stdout
    assert "\nintegrity: " in result.stdout
    assert "Traceback" not in result.stderr
    assert result.stderr.startswith("tandem: ") and "problem(s) found in a.tandem" in result.stderr


def test_output_whose_reader_has_gone_ends_quietly(tmp_path: Path) -> None:
    """`tandem check plan | head -1`: no complaint about the closed pipe."""
    import subprocess

    plan = tmp_path / "a.tandem"
    run_tandem("demo", str(plan))
    read_end, write_end = os.pipe()
    os.close(read_end)  # the reader has gone before the first line is written
    try:
        result = subprocess.run([sys.executable, str(ROOT / "main.py"), "check", str(plan)],
                                stdout=write_end, stderr=subprocess.PIPE, timeout=60)
    finally:
        os.close(write_end)
    assert result.returncode == 1
    assert result.stderr == b""


def test_export_ics_writes_the_plan_and_one_calendar_per_person(tmp_path: Path) -> None:
    import icalendar

    plan, out = tmp_path / "a.tandem", tmp_path / "calendars"
    run_tandem("demo", str(plan))
    out.mkdir()
    result = run_tandem("export", str(plan), "--ics", str(out))
    assert result.returncode == 0, result.stderr
    whole = icalendar.Calendar.from_ical((out / "Whole plan.ics").read_bytes())
    conn = sqlite3.connect(plan)
    rides, actions, trainings = (conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                                 for t in ("field_ride", "review_action WHERE due_date IS NOT NULL",
                                           "training"))
    # Each open goal's next check-in is an event too.
    checkins_due = [e for e in whole.walk("VEVENT")
                    if str(e["SUMMARY"]).startswith("Check-in due: ")]
    open_goals = conn.execute("SELECT count(*) FROM goal WHERE status IN ('PROPOSED', 'ACTIVE')"
                              ).fetchone()[0]
    assert actions > 0 and len(checkins_due) == open_goals
    assert trainings == 3 and len([e for e in whole.walk("VEVENT") if str(
        e["SUMMARY"]).startswith("Training: ")]) == trainings
    assert len(whole.walk("VEVENT")) == rides + actions + open_goals + trainings
    # An action item is an all-day event on its due day, named for what is to be done.
    action, due, owner = conn.execute(
        "SELECT action, due_date, person.name FROM review_action JOIN person "
        "ON person.id = owner_id WHERE NOT done").fetchone()
    event = next(e for e in whole.walk("VEVENT") if action in str(e["SUMMARY"]))
    assert str(event["SUMMARY"]) == f"Action due: {action}"
    assert event.decoded("DTSTART").isoformat() == due
    mine = icalendar.Calendar.from_ical((out / f"{owner}.ics").read_bytes())
    assert any(action in str(e["SUMMARY"]) for e in mine.walk("VEVENT"))
    people_with_dates = conn.execute(
        "SELECT count(*) FROM person WHERE id IN (SELECT visitor_id FROM field_ride "
        "UNION SELECT host_id FROM field_ride UNION SELECT owner_id FROM review_action "
        "WHERE due_date IS NOT NULL UNION SELECT sales_owner_id FROM goal WHERE status IN "
        "('PROPOSED', 'ACTIVE') UNION SELECT marketing_owner_id FROM goal WHERE status IN "
        "('PROPOSED', 'ACTIVE'))").fetchone()[0]
    conn.close()
    assert len(list(out.glob("*.ics"))) == people_with_dates + 1
    # A folder that does not exist yet is made.
    assert run_tandem("export", str(plan), "--ics", str(tmp_path / "new" / "cal")).returncode == 0
    assert (tmp_path / "new" / "cal" / "Whole plan.ics").exists()


def test_metric_status_is_the_same_in_the_pdf_and_in_check(tmp_path: Path) -> None:
    plan, pdf = tmp_path / "a.tandem", tmp_path / "a.pdf"
    run_tandem("demo", str(plan))
    check = run_tandem("check", str(plan)).stdout
    from_check = dict(re.findall(r"^metric status: (.*): (on track|at risk|off track|no data) \(",
                                 check, re.M))
    assert len(from_check) == 10 and "Revenue won (CRM)" in from_check
    assert run_tandem("export", str(plan), "--pdf", str(pdf)).returncode == 0
    text = pdf_text(pdf)
    metrics_page = text[text.index("Metrics Status follows one rule"):]
    metrics_page = re.sub(r"(\w)- (\w)", r"\1-\2", metrics_page)  # a name broken after its hyphen
    for name, status in from_check.items():
        row = metrics_page[metrics_page.index(name):][:len(name) + 15]
        assert status in row, (name, status, row)
    assert "Marketing-qualified" in text and "reach the next stage" in text  # the funnel figure


@pytest.mark.parametrize(("break_it", "message"), [
    (lambda d: d["field_rides"][0].update(visitor_id=d["field_rides"][0]["host_id"]),
     "but the visitor of a ride where"),
    (lambda d: d["goals"][0].update(sales_owner_id=d["goals"][0]["marketing_owner_id"]),
     "so cannot be the sales owner of"),
])
def test_import_refuses_what_the_window_refuses_in_one_line_and_leaves_no_file(
        tmp_path: Path, break_it, message: str) -> None:  # type: ignore[no-untyped-def]
    plan, source = tmp_path / "a.tandem", tmp_path / "a.json"
    run_tandem("demo", str(plan))
    run_tandem("export", str(plan), "--json", str(source))
    doc = json.loads(source.read_text("utf-8"))
    break_it(doc)
    source.write_text(json.dumps(doc), encoding="utf-8")
    before = sorted(p.name for p in tmp_path.iterdir())
    result = run_tandem("import", str(source), str(tmp_path / "b.tandem"))
    assert result.returncode == 1
    assert len(result.stderr.strip().splitlines()) == 1 and message in result.stderr
    assert "Traceback" not in result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == before


def _two_copies(tmp_path: Path) -> tuple[Path, Path, str, str]:
    """Two copies of the demo plan; each renames a different goal, both rename a third."""
    from planner.model import Goal
    from planner.operations import goals
    from planner.store.plan_store import PlanStore

    mine, theirs = tmp_path / "mine.tandem", tmp_path / "theirs.tandem"
    run_tandem("demo", str(mine))
    theirs.write_bytes(mine.read_bytes())
    with PlanStore.open(mine) as a, PlanStore.open(theirs) as b:
        g0, g1, g2 = a.rows(Goal)[:3]
        a.save_version("Before the flight", author="Amara")
        a.commit(goals.reword(g0, title="Mine alone"))
        b.commit(goals.reword(b.get(Goal, g1.id), title="Theirs alone"))  # type: ignore[arg-type]
        a.commit(goals.reword(a.get(Goal, g2.id), title="Mine here"))  # type: ignore[arg-type]
        b.commit(goals.reword(b.get(Goal, g2.id), title="Theirs here"))  # type: ignore[arg-type]
    return mine, theirs, g1.id, g2.id


def test_diff_says_what_changed_between_files_and_versions(tmp_path: Path) -> None:
    mine, theirs, _, _ = _two_copies(tmp_path)
    result = run_tandem("diff", f"{mine}@Before the flight", str(mine))
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == "mine.tandem@Before the flight \u2192 mine.tandem: 2 changed"
    assert any("title" in line and "\u201cMine alone\u201d" in line for line in lines[1:])
    as_json = json.loads(run_tandem("diff", str(mine), str(theirs), "--json").stdout)
    assert as_json["summary"] == "3 changed"
    titles = {c["row"] for c in as_json["changes"]}
    assert "goal \u201cTheirs alone\u201d" in titles
    odd = tmp_path / "we@home.tandem"  # "@" in the file's name and in the version's
    odd.write_bytes(mine.read_bytes())
    from planner.store.plan_store import PlanStore

    with PlanStore.open(odd) as store:
        store.save_version("v1@board")
    same = run_tandem("diff", f"{odd}@v1@board", str(odd))
    assert same.stdout.strip() == "we@home.tandem@v1@board \u2192 we@home.tandem: no changes"
    missing = run_tandem("diff", f"{mine}@No such version", str(mine))
    assert missing.returncode == 1
    assert missing.stderr.startswith("tandem: mine.tandem has no version \u201cNo such version\u201d")


def test_merge_with_conflicts_writes_nothing_and_lists_them(tmp_path: Path) -> None:
    mine, theirs, _, _ = _two_copies(tmp_path)
    before = (mine.read_bytes(), theirs.read_bytes())
    result = run_tandem("merge", str(mine), str(theirs))
    assert result.returncode == 1
    (line,) = result.stdout.splitlines()
    assert line == ("conflict: goals: goal \u201cMine here\u201d: title: mine \u201cMine here\u201d, "
                    "theirs \u201cTheirs here\u201d, ancestor \u201cShorten the sales cycle for "
                    "new logos\u201d")
    assert "1 conflict(s)" in result.stderr and "nothing was written" in result.stderr
    assert (mine.read_bytes(), theirs.read_bytes()) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["mine.tandem", "theirs.tandem"]
    german = run_tandem("merge", str(mine), str(theirs),
                        env={"LANGUAGE": "de", "LANG": "de_DE.UTF-8"})
    assert german.returncode == 1 and german.stdout.splitlines() == [
        "Konflikt: goals: Ziel \u201eMine here\u201c: Titel: mine \u201eMine here\u201c, theirs "
        "\u201eTheirs here\u201c, gemeinsamer Vorgänger \u201eShorten the sales cycle for new "
        "logos\u201c"]
    diff = run_tandem("diff", str(mine), str(theirs), env={"LANGUAGE": "de",
                                                          "LANG": "de_DE.UTF-8"})
    lines = diff.stdout.splitlines()
    assert lines[0] == "mine.tandem \u2192 theirs.tandem: 3 geändert", lines
    assert any(line.startswith("goals: Ziel \u201eTheirs alone\u201c geändert: Titel \u201e")
               for line in lines[1:]), lines
    assert " changed " not in diff.stdout and (mine.read_bytes(), theirs.read_bytes()) == before


def test_merge_takes_a_side_in_place_or_into_a_new_file(tmp_path: Path) -> None:
    from planner.model import Goal
    from planner.store.plan_store import PlanStore

    mine, theirs, alone, both = _two_copies(tmp_path)
    out = tmp_path / "merged.tandem"
    theirs_before, mine_before = theirs.read_bytes(), mine.read_bytes()
    result = run_tandem("merge", str(mine), str(theirs), "-o", str(out), "--take", "theirs")
    assert result.returncode == 0, result.stderr
    assert "Merged theirs.tandem into merged.tandem: 2 changed" in result.stdout
    assert (mine.read_bytes(), theirs.read_bytes()) == (mine_before, theirs_before)
    with PlanStore.open(out, read_only=True) as merged:
        assert merged.get(Goal, alone).title == "Theirs alone"  # type: ignore[union-attr]
        assert merged.get(Goal, both).title == "Theirs here"  # type: ignore[union-attr]
        assert merged.versions()[-1].name == "Before merging theirs.tandem"
    refused = run_tandem("merge", str(mine), str(theirs), "-o", str(out), "--take", "mine")
    assert refused.returncode == 1 and "already exists" in refused.stderr
    in_place = run_tandem("merge", str(mine), str(theirs), "--take", "mine")
    assert in_place.returncode == 0, in_place.stderr
    with PlanStore.open(mine, read_only=True) as merged:
        assert merged.get(Goal, alone).title == "Theirs alone"  # type: ignore[union-attr]
        assert merged.get(Goal, both).title == "Mine here"  # type: ignore[union-attr]
    again = run_tandem("merge", str(mine), str(theirs))
    assert again.returncode == 0
    assert again.stdout.strip() == "theirs.tandem holds nothing mine.tandem does not have."


def test_merge_o_with_nothing_new_writes_out_as_a_copy_of_mine(tmp_path: Path) -> None:
    from tests.conftest import file_rows

    mine, _, _, _ = _two_copies(tmp_path)
    same = tmp_path / "same.tandem"
    same.write_bytes(mine.read_bytes())
    out = tmp_path / "out.tandem"
    result = run_tandem("merge", str(mine), str(same), "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == ("same.tandem holds nothing mine.tandem does not have; "
                                     "out.tandem is a copy of mine.tandem.")
    assert file_rows(out) == file_rows(mine)


def test_restore_makes_the_plan_as_a_version_in_one_change(tmp_path: Path) -> None:
    from planner.model import Goal
    from planner.store.plan_store import PlanStore

    mine, _, alone, _ = _two_copies(tmp_path)
    with PlanStore.open(mine, read_only=True) as store:
        then = store.state(store.version("Before the flight").seq)[Goal][alone].title
        head = store.head()
    result = run_tandem("restore", str(mine), "Before the flight")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == ("Restored the version \u201cBefore the flight\u201d in "
                                     "mine.tandem: 2 changed.")
    with PlanStore.open(mine, read_only=True) as store:
        assert store.get(Goal, alone).title == then  # type: ignore[union-attr]
        assert store.head() == head + 1  # one step
    again = run_tandem("restore", str(mine), "Before the flight")
    assert again.stdout.strip() == "mine.tandem is as the version \u201cBefore the flight\u201d " \
        "already."
    missing = run_tandem("restore", str(mine), "No such version")
    assert missing.returncode == 1 and "has no version" in missing.stderr


def test_merge_refuses_another_plan_and_a_plan_open_elsewhere(tmp_path: Path) -> None:
    from planner.store.plan_store import PlanStore

    mine, other = tmp_path / "mine.tandem", tmp_path / "other.tandem"
    run_tandem("demo", str(mine))
    run_tandem("demo", str(other))
    result = run_tandem("merge", str(mine), str(other))
    assert result.returncode == 1 and "is not a copy of this plan" in result.stderr
    copy = tmp_path / "copy.tandem"
    copy.write_bytes(mine.read_bytes())
    with PlanStore.open(mine):  # another window holds it
        held = run_tandem("merge", str(mine), str(copy))
    assert held.returncode == 1 and "-o OUT.tandem" in held.stderr


def test_without_a_display_the_window_says_so_in_one_line(tmp_path: Path) -> None:
    plan = tmp_path / "a.tandem"
    run_tandem("demo", str(plan))
    for args in ([str(plan)], []):
        result = run_tandem(*args)  # run_tandem removes DISPLAY, WAYLAND_DISPLAY, QT_QPA_PLATFORM
        assert result.returncode == 1
        assert result.stderr.startswith("tandem: No display was found, so the window cannot "
                                        "open.") and result.stderr.count("\n") == 1
        assert "set DISPLAY" in result.stderr and "Traceback" not in result.stderr


def test_log_names_who_changed_what_and_when_in_text_and_json(tmp_path: Path) -> None:
    plan, theirs = tmp_path / "plan.tandem", tmp_path / "theirs.tandem"
    assert run_tandem("demo", str(plan)).returncode == 0
    shutil.copyfile(plan, theirs)
    lines = run_tandem("log", str(plan)).stdout.splitlines()
    assert len(lines) == 12 and lines[0].endswith(" \u00b7 Bjorn Tanaka \u00b7 Write the small "
                                                  "sample plan")
    assert lines[-1].endswith(" \u00b7 Amara Okafor \u00b7 Check in on the agreed goals")
    assert lines[-2].endswith(" \u00b7 Plan joint training")
    assert lines[-3].endswith(" \u00b7 Take in 1,500 leads from \u201chubspot-contacts.csv\u201d; "
                              "take in 211 deals; measure the handoff from the CRM")
    assert " \u00b7 Amara Okafor \u00b7 Sign off 8 goals for sales" in lines[5]
    assert re.match(r"\d{1,2} \w{3} \d{4}, \d{2}:\d{2} \u00b7 ", lines[0])  # local, no seconds
    # A change made elsewhere, merged in as a person of the plan; its author is kept.
    with PlanStore.open(theirs) as store:
        from planner.operations.goals import reword
        from planner.store.identities import named

        store.act_as(named(store, "chiara.hughes@northwind-analytics.example"))
        goal = store.rows(Goal)[0]
        store.commit(reword(goal, title="Chiara's wording"))
    merged = run_tandem("merge", str(plan), str(theirs), "--as", "Bjorn Tanaka")
    assert merged.returncode == 0, merged.stderr
    last = run_tandem("log", str(plan)).stdout.splitlines()[-1]
    assert last.endswith("Bjorn Tanaka (bringing in the work of Chiara Hughes) \u00b7 Merge "
                         "changes from theirs.tandem")
    doc = json.loads(run_tandem("log", str(plan), "--since", "Before merging theirs.tandem",
                                "--json").stdout)
    (entry,) = doc["entries"]
    assert entry["author"]["name"] == "Bjorn Tanaka" and entry["brings_in"][0]["author"][
        "name"] == "Chiara Hughes"
    (row,) = [c for c in entry["changes"] if c["kind"] == "Goal"]
    assert row["author"]["name"] == "Chiara Hughes"
    assert {"field": "title", "label": "Title", "before": goal.title,
            "after": "Chiara's wording"} in row["fields"]
    diff = json.loads(run_tandem("diff", f"{plan}@Before merging theirs.tandem", str(plan),
                                 "--json").stdout)
    assert [c["author"]["name"] for c in diff["changes"]] == ["Chiara Hughes"]
    only = run_tandem("log", str(plan), "--person", "chiara hughes")
    assert only.returncode == 0 and all("Chiara Hughes" in line
                                        for line in only.stdout.splitlines())
    nobody = run_tandem("log", str(plan), "--person", "Nobody Here")
    assert nobody.returncode == 1 and "Nobody called \u201cNobody Here\u201d changed plan.tandem" \
        in nobody.stderr and "Traceback" not in nobody.stderr


def test_a_plan_of_the_previous_format_upgrades_with_unknown_authors(tmp_path: Path) -> None:
    from planner.store.fileformat import SCHEMA_VERSION
    from tests.conftest import FIXTURES

    plan = tmp_path / "old.tandem"
    # Written by Tandem 9 (the sample plan, a reword, a version): two change sets.
    shutil.copyfile(FIXTURES / "plan-v9-history.tandem", plan)
    with PlanStore.open(plan) as store:
        old = len(store.history())
    restore_to = run_tandem("log", str(plan))
    assert restore_to.returncode == 0
    assert all(" \u00b7 unknown \u00b7 " in line for line in restore_to.stdout.splitlines())
    assert len(restore_to.stdout.splitlines()) == old == 2
    # The first change written upgrades the file; it has its author, the old ones none.
    from planner.model.actor import Actor
    from planner.operations.rows import edit

    with PlanStore.open(plan, acting=Actor("Amara Okafor", None, "amara")) as store:
        store.commit(edit(store.plan(), purpose="Upgraded by its first edit"))
    assert sqlite3.connect(plan).execute("PRAGMA user_version").fetchone() == (SCHEMA_VERSION,)
    lines = run_tandem("log", str(plan)).stdout.splitlines()
    assert " \u00b7 Amara Okafor \u00b7 " in lines[-1] and len(lines) == old + 1
    assert all(" \u00b7 unknown \u00b7 " in line for line in lines[:old])


def test_merge_restore_and_diff_report_in_the_environment_s_language(tmp_path: Path) -> None:
    """A German environment: what merge, restore and diff say is German, the
    file names and versions as given."""
    mine, theirs, _, _ = _two_copies(tmp_path)
    german = {"LANGUAGE": "de", "LANG": "de_DE.UTF-8"}
    merged = run_tandem("merge", str(mine), str(theirs), "--take", "theirs", env=german)
    assert merged.returncode == 0, merged.stderr
    assert merged.stdout.startswith("theirs.tandem in mine.tandem zusammengeführt: ")
    assert merged.stdout.rstrip().endswith("1 Konflikt mit theirs entschieden.")
    again = run_tandem("merge", str(mine), str(theirs), env=german)
    assert again.stdout.strip() == "theirs.tandem enthält nichts, was mine.tandem nicht hat."
    restored = run_tandem("restore", str(mine), "Before the flight", env=german)
    assert restored.returncode == 0, restored.stderr
    assert restored.stdout.startswith("Version \u201eBefore the flight\u201c in mine.tandem "
                                      "wiederhergestellt: ")
    twice = run_tandem("restore", str(mine), "Before the flight", env=german)
    assert twice.stdout.strip() == ("mine.tandem ist bereits so wie die Version \u201eBefore the "
                                    "flight\u201c.")
    nobody = run_tandem("log", str(mine), "--person", "Zora", env=german)
    assert nobody.returncode == 1 and "Niemand namens \u201eZora\u201c hat mine.tandem" in \
        nobody.stderr
