"""Reading a column at a time gives what reading a row at a time gives (the
reference, planner.imports.crm.read): the same rows, the same problems named
the same way, the same duplicates, on every kind of file the tests have and
on generated exports with odd cells mixed in."""

import random
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from planner.imports.crm import (
    DEAL_FIELDS, LEAD_FIELDS, Export, Kind, Mapping, Reading, detect, find_formats, read)
from planner.imports import crm_columns
from planner.imports.crm_columns import read_columns
from planner.imports.crm_sample import deals, leads, write_contacts, write_deals
from planner.model.crm import Outcome
from tests.unit.imports.test_crm import HS_CONTACTS, HS_DEALS, SF_LEADS

BAD_CELLS = (HS_CONTACTS.splitlines()[0] + "\n" + "\n".join([
    "201,A,B,a@x,Ines,lead,2027-03-01,2027-02-30 10:00,,,Web,Open,",
    "202,A,B,a@x,Ines,lead,2027-03-01,,,,Web,Open,",
    "203,A,B,a@x,Ines,lead,2027-03-01,next tuesday,,,Web,Open,",
    "204,A,B,a@x,Ines,lead,2027-03-01,2027-03-01 25:00,,,Web,Open,",
    ",A,B,a@x,Ines,lead,2027-03-01,2027-03-01 10:00,,,Web,Open,",
    "205,A,B,a@x,Ines,lead,2027-03-01,2027-03-01 10:00,,1899-12-31,Web,Open,",
    "206,A,B,a@x,Ines,lead,2027-03-01,2027-03-01 10:00,3/4/2027,2027-03-02 09:00,Web,Open,",
    "207,A,B,a@x,Ines,lead,2027-03-01,2027-03-28 02:30,,,Web,Open,",
    "205,A,B,a@x,Mara,lead,2027-03-01,2027-03-02 10:00,,,Web,Open,",
    "208,A,B,a@x,Ines,lead,2027-03-01,2027-03-01 10:00:00+02:00,,,Web,Open,",
    "", "209,short row"]) + "\n")
EU_DEALS = ("Opportunity ID;Opportunity Name;Stage;Amount;Close Date;Created Date;Lead Source\n"
            "006A;Acme;Closed Won;1.234,50;04.03.2027;01.03.2027 13:05;Webinar\n"
            "006B;Foo;Prospecting;\u20ac 12.000;;15.03.2027 08:00;Paid\n"
            "006C;Bar;Closed Lost;lots;;16.03.2027 08:00;Paid\n"
            "006D;Baz;Somewhere;5;;17.03.2027 08:00;Paid\n"
            "006A;Acme;Closed Won;2.000,00;05.03.2027;01.03.2027 13:05;Webinar\n")
CASES = {
    "salesforce leads in Los Angeles": (SF_LEADS, "utf-8", "America/Los_Angeles"),
    "hubspot contacts in Berlin": (HS_CONTACTS, "utf-8-sig", "Europe/Berlin"),
    "hubspot deals with an unmapped stage": (HS_DEALS, "utf-8", "UTC"),
    "utf-16 tabs": (HS_CONTACTS.replace(",", "\t"), "utf-16", "UTC"),
    "bad cells in Berlin": (BAD_CELLS, "utf-8", "Europe/Berlin"),
    "european deals": (EU_DEALS, "cp1252", "UTC"),
}


def both(export: Export, mapping: Mapping, arrow: bool | None = None) -> None:
    """The same either way: by Arrow's CSV reader (`arrow`: whether the file
    must be read that way), and by Python's, the columns in one chunk or in
    many (a duplicate and its original in different chunks)."""
    from planner.imports import crm_arrow
    from planner.imports.crm_columns import _Columns

    rows = read(export, mapping)
    fields = [f for f in (LEAD_FIELDS if mapping.kind is Kind.LEAD else DEAL_FIELDS)
              if f in mapping.columns]
    taken = crm_arrow.read(export, mapping, _Columns(mapping, fields, [
        export.header[mapping.columns[f]] for f in fields]), Reading())
    if arrow is not None:
        assert (taken is not None) is arrow
    readings = [taken] if taken is not None else []
    for chunk in (crm_columns.CHUNK, 7):
        crm_columns.CHUNK, kept, kept_arrow = chunk, crm_columns.CHUNK, crm_arrow.arrow
        crm_arrow.arrow = lambda: None  # type: ignore[assignment]  (Python's reader)
        try:
            readings.append(read_columns(export, mapping))
        finally:
            crm_columns.CHUNK, crm_arrow.arrow = kept, kept_arrow
    for columns in readings:
        assert [p.sentence() for p in columns.problems.problems] == [
            p.sentence() for p in rows.problems]
        assert columns.problems.unread == rows.unread
        assert columns.problems.duplicates == rows.duplicates
        assert columns.to_rows() == rows.rows


@pytest.mark.parametrize("case", list(CASES))
def test_every_kind_of_file_reads_the_same_either_way(tmp_path: Path, case: str) -> None:
    text, encoding, zone = CASES[case]
    path = tmp_path / "export.csv"
    path.write_bytes(text.encode(encoding))
    export = Export(path)
    mapping = detect(export.header)
    assert mapping is not None
    both(export, find_formats(export, replace(mapping, zone=zone)))


def test_a_workbook_reads_the_same_either_way(tmp_path: Path) -> None:
    from tests.unit.imports.test_crm import test_a_workbook_is_read_as_excel_computed_it

    test_a_workbook_is_read_as_excel_computed_it(tmp_path)  # writes report.xlsx
    export = Export(tmp_path / "report.xlsx")
    mapping = detect(export.header)
    assert mapping is not None
    both(export, find_formats(export, mapping))


ODD = ["", "n/a", "2027-02-29 10:00", "31/12/2027", "12/31/2027 11:59 PM", "2027-13-01",
       "2150-01-01", "2250-01-01", "2027-03-28 02:15", "2027-10-31 02:30", "\u00e9t\u00e9",
       "2027-03-01T10:00:00Z", "2027-03-01 10:00:00.1234567", "today", "2027", "NaT",
       "2027-03-01T10", "2027-03-01T10:00:00.", "2027-03-01 10:00:00,5", "2027-03-01 24:00",
       "+2027-03-01", "-2027-03-01", "2027-03", " 2027-03-01 10:00 ", "2027-03-01\u00a010:00",
       "J\u00fcrgen\u00a0", "\u00a0Ines", "a\x07b", "\ufffd", "x" * 400, "2027-02-28 10:00:60",
       "1234.5", "-17", " 99 ", "1.234", "1e5", "\u0662\u0660\u0662\u0667-03-01", "0099"]


@settings(max_examples=40, deadline=None)
@given(st.integers(0, 1000), st.sampled_from(["UTC", "Europe/Berlin", "America/New_York"]),
       st.booleans())
def test_generated_exports_with_odd_cells_read_the_same_either_way(
        tmp_path_factory: pytest.TempPathFactory, seed: int, zone: str, as_deals: bool) -> None:
    folder = tmp_path_factory.mktemp("odd")
    rng = random.Random(seed)
    made = list(leads(date(2027, 1, 1), 12, 300, ("Ines", "Jonas"), ("North", "South"),
                      "South", seed=seed))
    path = folder / "export.csv"
    if as_deals:
        write_deals(path, deals(made, seed=seed))
    else:
        write_contacts(path, made)
    lines = path.read_text(encoding="utf-8-sig").splitlines()
    for n in rng.sample(range(1, len(lines)), min(25, len(lines) - 1)):
        cells = lines[n].split(",")
        cells[rng.randrange(len(cells))] = rng.choice(ODD)
        lines[n] = ",".join(cells)
    if len(lines) > 3:
        lines.append(lines[2])  # a duplicate id
    path.write_text("\n".join(lines) + "\n", encoding="utf-8-sig")
    export = Export(path)
    mapping = detect(export.header)
    assert mapping is not None
    mapping = replace(mapping, zone=zone, stages={**mapping.stages, "odd": Outcome.OPEN})
    # Arrow's reader takes every such file, unless a cell with a comma made a
    # row longer than the header (Python's reader takes that row as it can).
    width = len(lines[0].split(","))
    both(export, find_formats(export, mapping),
         arrow=all(len(line.split(",")) == width for line in lines))


def test_a_file_whose_rows_are_not_its_lines_is_read_by_python(tmp_path: Path) -> None:
    """A quoted line break, or a blank line, moves the lines Arrow counts
    from those a problem names: such a file goes Python's way, right."""
    path = tmp_path / "export.csv"
    for body in ('1,"Ines\nBerg",2027-03-01 10:00\n2,Jonas,2027-02-30 10:00\n',
                 "1,Ines,2027-03-01 10:00\n\n2,Jonas,2027-02-30 10:00\n",
                 "1,Ines,2027-03-01 10:00\n,,\n2,Jonas,2027-02-30 10:00\n"):
        path.write_text("Record ID,Contact owner,Became a Marketing Qualified Lead Date\n"
                        + body, "utf-8")
        export = Export(path)
        mapping = detect(export.header)
        assert mapping is not None
        both(export, find_formats(export, mapping), arrow=False)
        said = read_columns(export, find_formats(export, mapping)).problems.problems
        assert [p.sentence() for p in said] == [
            "line 4, Became a Marketing Qualified Lead Date \u201c2027-02-30 10:00\u201d: not "
            "a day of the calendar"]


@pytest.mark.parametrize("case", list(CASES))
def test_what_was_read_comes_back_from_its_blob(tmp_path: Path, case: str) -> None:
    from planner.imports.crm_columns import from_blob, to_blob

    text, encoding, zone = CASES[case]
    path = tmp_path / "export.csv"
    path.write_bytes(text.encode(encoding))
    export = Export(path)
    mapping = detect(export.header)
    assert mapping is not None
    reading = read_columns(export, find_formats(export, replace(mapping, zone=zone)))
    back = from_blob(to_blob(reading, {"crm": mapping.source}))
    assert back.to_rows() == reading.to_rows() and back.kind is reading.kind
    assert back.lines.tolist() == reading.lines.tolist()


def test_a_blob_another_program_made_is_refused_in_one_sentence() -> None:
    import numpy as np

    from planner.imports.crm_columns import from_blob
    from planner.store.blobs import BlobError, pack

    moments = np.array(["2027-03-01T10:00"], dtype="datetime64[us]")
    line = np.array([2])
    for arrays, texts, meta, said in [
        ({"line": line, "moment:mql_at": moments}, {"id": ["1"]}, {"kind": "contact"},
         "neither leads nor deals"),
        ({"line": line, "moment:mql_at": moments, "code:owner": np.array([5], "int32")},
         {"id": ["1"], "names:owner": ["Ines"]}, {"kind": "lead"}, "names texts it does not"),
        ({"line": line, "moment:mql_at": moments}, {"id": ["1", "2"]}, {"kind": "lead"},
         "has 1 rows, not 2"),
        ({"line": line, "secret": line}, {"id": ["1"]}, {"kind": "lead"}, "which no import has"),
        ({"line": line}, {"id": ["1"]}, {"kind": "lead"}, "lack what every lead has"),
        ({"line": line, "moment:created_at": moments, "outcome": np.array([7])},
         {"id": ["1"]}, {"kind": "deal"}, "an outcome that is none"),
    ]:
        with pytest.raises(BlobError, match=said):
            from_blob(pack(arrays, texts, meta))


@pytest.mark.parametrize("as_deals", [False, True])
def test_arrow_reads_every_odd_cell_as_python_does(tmp_path: Path, as_deals: bool) -> None:
    """Every odd cell (none with a comma) in one export: Arrow's reader takes
    the file, and what it reads is what Python's reader reads, cell for cell."""
    rng = random.Random(7)
    made = list(leads(date(2027, 1, 1), 12, 2000, ("Ines", "J\u00fcrgen"), ("North", "S\u00fcd"),
                      "North", seed=7))
    path = tmp_path / "export.csv"
    if as_deals:
        write_deals(path, deals(made, seed=7))
    else:
        write_contacts(path, made)
    lines = path.read_text(encoding="utf-8-sig").splitlines()
    odd = [v for v in ODD if "," not in v]
    for n in range(1, len(lines)):
        if rng.random() < 0.4:
            cells = lines[n].split(",")
            cells[rng.randrange(len(cells))] = rng.choice(odd)
            lines[n] = ",".join(cells)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    export = Export(path)
    mapping = detect(export.header)
    assert mapping is not None
    mapping = replace(mapping, stages={**mapping.stages, "odd": Outcome.OPEN})
    both(export, find_formats(export, mapping), arrow=True)
