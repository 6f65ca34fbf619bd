"""Taking a CRM export in: one change whose row is in the history and whose
rows are kept beside it; undo takes it out and redo brings back the same
bytes; a merge brings another copy's imports with their rows; the command
line says what it took and what it could not read. Real files throughout."""

import shutil
import sqlite3
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from planner.errors import InvalidEdit
from planner.imports.crm import Export, detect, find_formats, read
from planner.imports.crm_columns import from_blob
from planner.imports.crm_flow import prepare
from planner.imports.crm_sample import leads, write_contacts
from planner.model import CrmImport
from planner.model.enums import CrmKind
from planner.changes import ChangeSet, added
from planner.operations import crm
from planner.operations.rows import new
from planner.store.merge import merge_change
from planner.store.merge import prepare as prepare_merge
from planner.store.plan_store import PlanStore
from tests.conftest import run_tandem


@pytest.fixture
def contacts(tmp_path: Path) -> Path:
    path = tmp_path / "contacts.csv"
    made = list(leads(date(2027, 1, 1), 3, 400, ("Ines Berg", "Jonas Petrov"),
                      ("North", "South"), "South"))
    write_contacts(path, made)
    with path.open("a", encoding="utf-8") as out:  # one line no CRM could mean
        out.write("999,Sam,X,x@example.com,Ines Berg,lead,,,2027-02-30 10:00,,,,,,,,,\n")
    return path


def take(store: PlanStore, path: Path, source: str = "hubspot") -> tuple[CrmImport, ChangeSet]:
    made = prepare(path, source, "Europe/Berlin")
    change, row = crm.take_in_export(store.acting, made, path.name)
    return row, store.commit(change)


def crm_tables(path: Path) -> tuple[list[tuple], list[tuple]]:  # type: ignore[type-arg]
    conn = sqlite3.connect(path)
    try:
        return (conn.execute("SELECT id, crm, holds, file_name, rows, unread FROM crm_import")
                .fetchall(), conn.execute("SELECT import_id, data FROM crm_data").fetchall())
    finally:
        conn.close()


def test_an_export_is_taken_in_as_one_change_and_its_rows_kept(sample_path: Path,
                                                                contacts: Path) -> None:
    with PlanStore.open(sample_path) as store:
        row, _ = take(store, contacts)
        assert store.history()[-1].label == "Take in 400 leads from \u201ccontacts.csv\u201d"
    imports, blobs = crm_tables(sample_path)
    assert imports == [(row.id, "hubspot", "LEAD", "contacts.csv", 400, 1)]
    assert [b[0] for b in blobs] == [row.id]
    export = Export(contacts)
    mapping = detect(export.header)
    assert mapping is not None
    reference = read(export, find_formats(export, replace(mapping, zone="Europe/Berlin")))
    assert from_blob(blobs[0][1]).to_rows() == reference.rows
    assert reference.problems[0].sentence().startswith("line 402, Became a Marketing Qualified")


def test_undo_takes_the_import_out_and_redo_brings_back_the_same_bytes(
        sample_path: Path, contacts: Path) -> None:
    with PlanStore.open(sample_path) as store:
        _, change = take(store, contacts)
        undone = store.commit(change.inverse())
        assert store.rows(CrmImport) == ()
        _, blobs = crm_tables(sample_path)
        assert len(blobs) == 1  # kept for the redo
        store.commit(undone.inverse())
        assert len(store.rows(CrmImport)) == 1
        data = store.attached(store.rows(CrmImport)[0].id)
    assert crm_tables(sample_path)[1] == blobs and data == blobs[0][1]


def test_data_for_no_import_of_the_change_is_refused(sample_path: Path) -> None:
    with PlanStore.open(sample_path) as store:
        with pytest.raises(InvalidEdit, match="for no CRM import it makes"):
            store.commit(ChangeSet("Sneak", (), attached=(("nobody", b"x"),)))
        row = new(CrmImport, crm="hubspot", holds=CrmKind.LEAD, file_name="a.csv", rows=1)
        with pytest.raises(InvalidEdit, match="for no CRM import it makes"):
            store.commit(ChangeSet("Sneak", (added(row),), attached=(("other", b"x"),)))
    assert crm_tables(sample_path) == ([], [])


def test_a_merge_brings_another_copys_import_with_its_rows(sample_path: Path, contacts: Path,
                                                           tmp_path: Path) -> None:
    copy = tmp_path / "copy.tandem"
    shutil.copyfile(sample_path, copy)
    with PlanStore.open(copy) as theirs:
        row, _ = take(theirs, contacts)
    with PlanStore.open(sample_path) as mine, PlanStore.open(copy, read_only=True) as theirs:
        plan = prepare_merge(mine, theirs)
        mine.commit(merge_change(mine, plan))
        assert [r.id for r in mine.rows(CrmImport)] == [row.id]
        assert mine.attached(row.id) == theirs.attached(row.id) is not None


def test_the_command_line_takes_an_export_in_and_says_what_it_could_not_read(
        sample_path: Path, contacts: Path, tmp_path: Path) -> None:
    done = run_tandem("import-crm", str(sample_path), str(contacts), "--source", "hubspot",
                      "--zone", "Europe/Berlin")
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0] == ("Took 400 leads from contacts.csv (HubSpot, times in Europe/Berlin) "
                        "into sample.tandem.")
    assert lines[1:] == ["1 line could not be read:",
                         "  line 402, Became a Marketing Qualified Lead Date "
                         "\u201c2027-02-30 10:00\u201d: not a day of the calendar"]
    for args, said in [
        (("--source", "salesforce"), "is a HubSpot export by its columns, not Salesforce's"),
        (("--source", "hubspot", "--zone", "Mars/Olympus"), "is not a time zone"),
        (("--source", str(tmp_path / "none.json")), "The mapping none.json cannot be read"),
    ]:
        refused = run_tandem("import-crm", str(sample_path), str(contacts), *args)
        assert refused.returncode == 1 and "Traceback" not in refused.stderr
        assert said in refused.stderr, refused.stderr
    assert len(crm_tables(sample_path)[0]) == 1  # the refusals took nothing in


def test_the_command_line_reads_a_known_crm_or_the_plans_kept_mapping_unasked(
        sample_path: Path, contacts: Path, tmp_path: Path) -> None:
    import json

    done = run_tandem("import-crm", str(sample_path), str(contacts))  # HubSpot, by its header
    assert done.returncode == 0 and "(HubSpot, times in UTC)" in done.stdout, done.stderr
    custom = tmp_path / "ours.csv"
    custom.write_text("Lead #;Qualified on;Rep\nL1;01.09.2026 10:00;Ana\n", "utf-8")
    refused = run_tandem("import-crm", str(sample_path), str(custom))
    assert refused.returncode == 1 and len(refused.stderr.strip().splitlines()) == 1
    assert "ours.csv is no Salesforce or HubSpot export by its columns, and no mapping this " \
        "plan kept fits it" in refused.stderr
    mapping = tmp_path / "ours.json"
    mapping.write_text(json.dumps({"kind": "lead", "columns": {
        "crm_id": "Lead #", "mql_at": "Qualified on", "owner": "Rep"}}), "utf-8")
    assert run_tandem("import-crm", str(sample_path), str(custom), "--source",
                      str(mapping)).returncode == 0
    custom.write_text("Rep;Lead #;Qualified on\nBen;L1;02.09.2026 11:00\nAna;L2;13.09.2026 "
                      "09:00\n", "utf-8")  # the next export, its columns in another order
    done = run_tandem("import-crm", str(sample_path), str(custom))
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("Took 2 leads from ours.csv (custom, times in UTC)")
    with PlanStore.open(sample_path, read_only=True) as store:
        from planner.imports.crm_figures import current_leads

        found = current_leads(store)
        assert found is not None
        columns, _ = found
        owners = sorted(columns.names["owner"][c] for c in columns.owner.tolist())
    assert owners.count("Ben") == 1 and len(owners) == 402  # L1 updated, L2 added


def test_a_json_export_carries_the_imports_rows_and_an_import_of_it_keeps_them(
        sample_path: Path, contacts: Path, tmp_path: Path) -> None:
    import base64
    import json

    from planner.export.plan_json import import_json, write_json
    from planner.errors import PlanFileError

    with PlanStore.open(sample_path) as store:
        row, _ = take(store, contacts)
        write_json(store, tmp_path / "plan.json")
    doc = json.loads((tmp_path / "plan.json").read_text("utf-8"))
    assert list(doc["crm_data"]) == [row.id]
    import_json(tmp_path / "plan.json", tmp_path / "back.tandem").close()
    assert crm_tables(tmp_path / "back.tandem") == crm_tables(sample_path)
    for broken, said in [
        ({row.id: "not base64!"}, f"in crm_data\\[{row.id}\\]"),
        ({row.id: base64.b64encode(b"TANDEM-COLUMNS 1\nxxxx").decode()},
         "cut off before their header"),
        ({row.id: base64.b64encode(base64.b64decode(doc["crm_data"][row.id])[:-1] + b"!")
          .decode()}, "check sum does not match"),
        ({"someone-else": doc["crm_data"][row.id]}, "names a CRM import the document does not"),
    ]:
        (tmp_path / "bad.json").write_text(json.dumps({**doc, "crm_data": broken}), "utf-8")
        with pytest.raises(PlanFileError, match=said):
            import_json(tmp_path / "bad.json", tmp_path / "bad.tandem")
        assert not (tmp_path / "bad.tandem").exists()
