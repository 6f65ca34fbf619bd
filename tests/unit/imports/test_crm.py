"""CRM exports read from real files: both CRMs' standard headers, the
encodings Excel and CRMs write, separators, quoted newlines, date orders and
time zones, bad and empty cells named by line and column, duplicate ids,
formula-looking text, workbooks, and files too large to hold."""

import tracemalloc
from datetime import date, datetime, timezone
from pathlib import Path

import pytest

from planner.imports import crm
from planner.imports.crm import (
    Export, ExportError, Kind, Mapping, MappingError, detect, find_formats, mapping_from_json,
    parse_amount, parse_moment, read)
from planner.model.crm import DealRow, LeadRow, Outcome

UTC = timezone.utc

SF_LEADS = ("Lead ID,First Name,Last Name,Company / Account,Lead Source,Lead Status,"
            "Lead Owner,Created Date,MQL Date,First Response,State/Province\r\n"
            "00Q5g00000A1,Ana,Silva,Acme,Webinar,Working,Ines Berg,3/1/2027,"
            "3/1/2027 9:15 AM,3/1/2027 2:40 PM,CA\r\n"
            "00Q5g00000A2,Bo,Li,\"Foo, Inc.\",Trade Show,Open,Jonas Petrov,3/12/2027,"
            "3/12/2027 4:05 PM,,NY\r\n")

HS_CONTACTS = ("Record ID,First Name,Last Name,Email,Contact owner,Lifecycle Stage,"
               "Create Date,Became a Marketing Qualified Lead Date,"
               "Became a Sales Qualified Lead Date,Date of first engagement,Original Source,"
               "Lead Status,Recycle Reason\n"
               "101,Ana,Silva,ana@example.com,Ines Berg,salesqualifiedlead,2027-03-01 08:00,"
               "2027-03-01 10:00,2027-03-02 09:00,2027-03-01 11:30,Organic Search,Open,\n"
               "102,Bo,Li,bo@example.com,Jonas Petrov,lead,2027-03-04 08:00,"
               "2027-03-05 18:30,,,Paid Social,Unqualified,\"No budget\nthis year\"\n")

HS_DEALS = ("Record ID,Deal Name,Deal Stage,Amount,Close Date,Create Date,Deal owner,"
            "Original Source Type\n"
            "9001,Acme renewal,Closed Won,\"12,500.00\",2027-04-02,2027-03-01 09:00,Ines Berg,"
            "Organic Search\n"
            "9002,Foo pilot,Contract Sent,800,,2027-03-03 09:00,Jonas Petrov,Paid Social\n"
            "9003,Odd one,Waiting For Legal,100,,2027-03-04 09:00,Jonas Petrov,Paid Social\n")


def write(tmp_path: Path, text: str, encoding: str = "utf-8", name: str = "export.csv") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def opened(tmp_path: Path, text: str, encoding: str = "utf-8",
           zone: str = "UTC") -> tuple[Export, Mapping]:
    export = Export(write(tmp_path, text, encoding))
    mapping = detect(export.header)
    assert mapping is not None
    return export, find_formats(export, Mapping(**{**mapping.__dict__, "zone": zone}))


def test_a_salesforce_lead_report_is_known_and_read_in_its_zone(tmp_path: Path) -> None:
    export, mapping = opened(tmp_path, SF_LEADS, zone="America/Los_Angeles")
    assert (mapping.source, mapping.kind, mapping.day_first) == ("salesforce", Kind.LEAD, False)
    got = read(export, mapping)
    assert got.problems == [] and len(got.rows) == 2
    first = got.rows[0]
    assert isinstance(first, LeadRow)
    assert first.crm_id == "00Q5g00000A1" and first.owner == "Ines Berg"
    assert first.source == "Webinar" and first.region == "CA"
    # 9:15 AM in Los Angeles (PST, UTC-8) is 17:15 UTC.
    assert first.mql_at == datetime(2027, 3, 1, 17, 15, tzinfo=UTC)
    assert first.followed_up_at == datetime(2027, 3, 1, 22, 40, tzinfo=UTC)
    assert got.rows[1].followed_up_at is None  # type: ignore[union-attr]


def test_a_hubspot_contacts_export_with_its_bom_and_a_quoted_newline(tmp_path: Path) -> None:
    export, mapping = opened(tmp_path, HS_CONTACTS, "utf-8-sig", zone="Europe/Berlin")
    assert (mapping.source, mapping.kind) == ("hubspot", Kind.LEAD)
    assert export.header[0] == "Record ID"  # the BOM is not part of the first name
    got = read(export, mapping)
    assert got.problems == []
    second = got.rows[1]
    assert isinstance(second, LeadRow)
    assert second.mql_at == datetime(2027, 3, 5, 17, 30, tzinfo=UTC)  # 18:30 CET
    assert second.recycle_reason == "No budget this year"
    assert got.rows[0].sql_at == datetime(2027, 3, 2, 8, 0, tzinfo=UTC)  # type: ignore[union-attr]


def test_a_hubspot_deals_export_names_the_stage_nobody_mapped(tmp_path: Path) -> None:
    export, mapping = opened(tmp_path, HS_DEALS)
    assert (mapping.source, mapping.kind) == ("hubspot", Kind.DEAL)
    assert crm.unknown_stages(crm.stages_of(export, mapping), mapping) == ["Waiting For Legal"]
    got = read(export, mapping)
    assert [p.sentence() for p in got.problems] == [
        "line 4, Deal Stage \u201cWaiting For Legal\u201d: a stage the mapping does not say "
        "is open, won or lost"]
    won = got.rows[0]
    assert isinstance(won, DealRow)
    assert (won.outcome, won.amount, won.closed_on) == (Outcome.WON, 12500.0, date(2027, 4, 2))
    mapped = Mapping(**{**mapping.__dict__,
                        "stages": {**mapping.stages, "waiting for legal": Outcome.OPEN}})
    assert len(read(export, mapped).rows) == 3


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "cp1252", "utf-8"])
def test_the_encodings_excel_and_crms_write(tmp_path: Path, encoding: str) -> None:
    text = HS_CONTACTS.replace("Jonas Petrov", "J\u00f6rg M\u00fcller").replace(",", "\t") \
        if encoding.startswith("utf-16") else HS_CONTACTS.replace("Jonas Petrov",
                                                                  "J\u00f6rg M\u00fcller")
    export, mapping = opened(tmp_path, text, encoding)
    got = read(export, mapping)
    assert got.problems == [], [p.sentence() for p in got.problems]
    assert got.rows[1].owner == "J\u00f6rg M\u00fcller"  # type: ignore[union-attr]


def test_semicolons_european_dates_and_decimal_commas(tmp_path: Path) -> None:
    text = ("Opportunity ID;Opportunity Name;Stage;Amount;Close Date;Created Date;Lead Source\n"
            "006A;Acme;Closed Won;1.234,50;04.03.2027;01.03.2027 13:05;Webinar\n"
            "006B;Foo;Prospecting;\u20ac 12.000;;15.03.2027 08:00;Paid\n")
    export, mapping = opened(tmp_path, text, "cp1252")
    assert export.delimiter == ";" and mapping.day_first and mapping.decimal_comma
    got = read(export, mapping)
    assert got.problems == []
    first, second = got.rows
    assert isinstance(first, DealRow) and isinstance(second, DealRow)
    assert first.amount == 1234.5 and first.closed_on == date(2027, 3, 4)
    assert first.created_at == datetime(2027, 3, 1, 13, 5, tzinfo=UTC)
    assert second.amount == 12000


def test_bad_and_empty_cells_are_named_and_the_rest_read(tmp_path: Path) -> None:
    text = HS_CONTACTS.splitlines()[0] + "\n" + "\n".join([
        "201,A,B,a@x,Ines,lead,2027-03-01,2027-02-30 10:00,,,Web,Open,",
        "202,A,B,a@x,Ines,lead,2027-03-01,,,,Web,Open,",
        "203,A,B,a@x,Ines,lead,2027-03-01,next tuesday,,,Web,Open,",
        "204,A,B,a@x,Ines,lead,2027-03-01,2027-03-01 25:00,,,Web,Open,",
        ",A,B,a@x,Ines,lead,2027-03-01,2027-03-01 10:00,,,Web,Open,",
        "205,A,B,a@x,\"=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",lead,2027-03-01,"
        "2027-03-01 10:00,,,Web,Open,",
        "",
        "206,short row"]) + "\n"
    export, mapping = opened(tmp_path, text)
    got = read(export, mapping)
    said = [p.sentence() for p in got.problems]
    assert said == [
        "line 2, Became a Marketing Qualified Lead Date \u201c2027-02-30 10:00\u201d: not a day "
        "of the calendar",
        "line 3, Became a Marketing Qualified Lead Date \u201c\u201d: empty, and a lead needs it",
        "line 4, Became a Marketing Qualified Lead Date \u201cnext tuesday\u201d: not a date",
        "line 5, Became a Marketing Qualified Lead Date \u201c2027-03-01 25:00\u201d: not a time "
        "of day",
        "line 6, Record ID \u201c\u201d: empty, and a lead needs it",
        "line 9, Became a Marketing Qualified Lead Date \u201c\u201d: empty, and a lead needs it"]
    assert [r.crm_id for r in got.rows] == ["205"]
    assert got.rows[0].owner == '=HYPERLINK("http://x","y")'  # type: ignore[union-attr]


def test_a_later_row_of_the_same_id_replaces_the_earlier(tmp_path: Path) -> None:
    lines = HS_CONTACTS.splitlines()
    text = "\n".join([lines[0], lines[1], lines[1].replace("Ines Berg", "Mara Ochs")]) + "\n"
    export, mapping = opened(tmp_path, text)
    got = read(export, mapping)
    assert got.duplicates == 1 and [r.owner for r in got.rows] == ["Mara Ochs"]  # type: ignore[union-attr]


def test_a_workbook_is_read_as_excel_computed_it(tmp_path: Path) -> None:
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Opportunity ID", "Stage", "Amount", "Created Date", "Close Date",
                  "Lead Source", "Opportunity Owner"])
    sheet.append(["006A", "Closed Won", 4800.0, datetime(2027, 3, 1, 9, 30),
                  date(2027, 3, 20), "Webinar", "=1+1"])
    sheet.append(["006B", "Qualification", "=C2*2", datetime(2027, 3, 2), None, "Paid", "Bo"])
    path = tmp_path / "report.xlsx"
    book.save(path)
    export = Export(path)
    mapping = detect(export.header)
    assert export.xlsx and mapping is not None and mapping.kind is Kind.DEAL
    got = read(export, find_formats(export, mapping))
    first, second = got.rows
    assert isinstance(first, DealRow) and isinstance(second, DealRow)
    assert (first.amount, first.closed_on) == (4800.0, date(2027, 3, 20))
    assert first.created_at == datetime(2027, 3, 1, 9, 30, tzinfo=UTC)
    # Formulas are never evaluated here: a never-computed one is empty.
    assert first.owner == "" and second.amount is None


def test_a_file_that_is_no_table_is_refused_in_one_sentence(tmp_path: Path) -> None:
    with pytest.raises(ExportError, match="is empty"):
        Export(write(tmp_path, "   \n"))
    fake = tmp_path / "fake.xlsx"
    fake.write_bytes(b"PK\x03\x04 not really a workbook")
    with pytest.raises(ExportError, match="not a workbook Excel can open"):
        Export(fake)
    assert detect(["Name", "Colour"]) is None


def test_more_rows_than_a_plan_keeps_are_refused_not_cut(tmp_path: Path,
                                                         monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(crm, "MAX_ROWS", 50)
    line = HS_CONTACTS.splitlines()[1]
    text = HS_CONTACTS.splitlines()[0] + "\n" + "\n".join(
        line.replace("101,", f"{n},", 1) for n in range(1000, 1051)) + "\n"
    export, mapping = opened(tmp_path, text)
    with pytest.raises(ExportError, match="more than 50 rows; export a shorter period"):
        read(export, mapping)


def test_a_large_file_is_read_as_a_stream(tmp_path: Path) -> None:
    """4 MB of rows repeating one lead: reading holds one row, not the file."""
    header, line = HS_CONTACTS.splitlines()[:2]
    path = tmp_path / "big.csv"
    with path.open("w", encoding="utf-8") as out:
        out.write(header + "\n")
        block = (line + "\n") * 1000
        while out.tell() < 4 * 2**20:
            out.write(block)
    export = Export(path)
    mapping = detect(export.header)
    assert mapping is not None
    tracemalloc.start()
    try:
        got = read(export, mapping)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert len(got.rows) == 1 and got.duplicates > 15_000
    assert peak < 2 * 2**20  # a few rows' worth, never the 4 MB


def test_a_saved_mapping_is_applied_by_header_names_and_checked(tmp_path: Path) -> None:
    header = ["ID", "When qualified", "First call", "Rep", "Channel"]
    saved = {"kind": "lead", "columns": {"crm_id": "id", "mql_at": "When Qualified",
                                         "followed_up_at": "First call", "owner": "Rep"},
             "zone": "Europe/Berlin", "day_first": True}
    mapping = mapping_from_json(saved, header)
    assert mapping.columns == {"crm_id": 0, "mql_at": 1, "followed_up_at": 2, "owner": 3}
    assert mapping.to_json(header)["columns"]["mql_at"] == "When qualified"
    for broken, said in [
        ([], "not a JSON object"),
        ({"kind": "contact", "columns": {}}, "neither lead nor deal"),
        ({"kind": "lead", "columns": {"crm_id": "ID"}}, "no column for mql_at"),
        ({"kind": "lead", "columns": {"crm_id": "ID", "mql_at": "Nope"}}, "not in the file"),
        ({"kind": "lead", "columns": {"colour": "ID"}}, "not one a lead has"),
        ({**saved, "zone": "Mars/Olympus"}, "not one"),
        ({**saved, "kind": "deal", "columns": {"crm_id": "ID", "stage": "Rep",
                                                "created_at": "First call"},
          "stages": {"Won": "maybe"}}, "say open, won or lost")]:
        with pytest.raises(MappingError, match=said):
            mapping_from_json(broken, header)


@pytest.mark.parametrize(("text", "day_first", "zone", "moment"), [
    ("2027-03-04", None, "UTC", datetime(2027, 3, 4, tzinfo=UTC)),
    ("2027-03-04T10:00:00Z", None, "Europe/Berlin", datetime(2027, 3, 4, 10, tzinfo=UTC)),
    ("2027-03-04 10:00:00+05:30", None, "UTC", datetime(2027, 3, 4, 4, 30, tzinfo=UTC)),
    ("2027-03-04 10:00:00.123456789", None, "UTC",
     datetime(2027, 3, 4, 10, 0, 0, 123456, tzinfo=UTC)),
    ("03/04/2027 12:30 AM", False, "UTC", datetime(2027, 3, 4, 0, 30, tzinfo=UTC)),
    ("03/04/2027 12:30 PM", False, "UTC", datetime(2027, 3, 4, 12, 30, tzinfo=UTC)),
    ("04.03.27 09:00", True, "Europe/Berlin", datetime(2027, 3, 4, 8, 0, tzinfo=UTC)),
    ("13/03/2027", None, "UTC", datetime(2027, 3, 13, tzinfo=UTC)),  # 13 cannot be a month
    ("2027-03-28 02:30", None, "Europe/Berlin",  # the hour that does not exist: read as CET
     datetime(2027, 3, 28, 1, 30, tzinfo=UTC)),
])
def test_dates_as_exports_write_them(text: str, day_first: bool | None, zone: str,
                                     moment: datetime) -> None:
    assert parse_moment(text, day_first, zone) == moment


@pytest.mark.parametrize(("text", "comma", "value"), [
    ("1,234.56", None, 1234.56), ("1.234,56", None, 1234.56), ("$1,234", False, 1234.0),
    ("1 234,5 \u20ac", None, 1234.5), ("-12", None, -12.0), ("EUR 4.800.000", True, 4800000.0),
    ("0,5", None, 0.5), ("1'000.25", None, 1000.25)])
def test_amounts_as_exports_write_them(text: str, comma: bool | None, value: float) -> None:
    assert parse_amount(text, comma) == value


@pytest.mark.parametrize("text", ["", "n/a", "1.2.3", "12 apples 4", "1e999"])
def test_what_is_no_amount_is_said(text: str) -> None:
    with pytest.raises(crm.ValueProblem):
        parse_amount(text, False)


def test_a_file_of_one_endless_line_or_endless_columns_is_refused(tmp_path: Path) -> None:
    endless = tmp_path / "endless.csv"
    with endless.open("w") as out:
        out.write("Record ID,Became a Marketing Qualified Lead Date\n1,")
        out.write("x" * (crm.MAX_LINE + 10))
    with pytest.raises(ExportError, match="a line longer than 4,194,304 characters"):
        read(*opened_path(endless))
    wide = write(tmp_path, "Record ID,Became a Marketing Qualified Lead Date\n1,2027-03-01" +
                 "," * 1500 + "\n", name="wide.csv")
    with pytest.raises(ExportError, match="1,502 cells on line 2; an export has at most 1,000"):
        read(*opened_path(wide))
    import openpyxl

    book = openpyxl.Workbook()
    book.active.append(["Record ID", "Became a Marketing Qualified Lead Date"])
    book.active.append(["1", "2027-03-01"] + [None] * 1200 + ["far away"])
    book.save(tmp_path / "wide.xlsx")
    with pytest.raises(ExportError, match="has 1,203 columns; an export has at most 1,000"):
        read(*opened_path(tmp_path / "wide.xlsx"))


def opened_path(path: Path) -> tuple[Export, Mapping]:
    export = Export(path)
    mapping = detect(export.header)
    assert mapping is not None
    return export, mapping


@pytest.mark.parametrize(("cell", "day_first"), [
    ("01.09.2026 10:00", True),    # dots: day first wherever dates are written so
    ("01/09/2026 10:00", False),   # slashes and nothing above 12: the custom export's habit
    ("13/09/2026 10:00", True), ("09/13/2026 10:00", False)])
def test_the_date_order_of_a_custom_export(tmp_path: Path, cell: str, day_first: bool) -> None:
    path = tmp_path / "ours.csv"
    path.write_text(f"Lead,Qualified\nL1,{cell}\n", "utf-8")
    export = Export(path)
    mapping = find_formats(export, Mapping(Kind.LEAD, {"crm_id": 0, "mql_at": 1}))
    assert mapping.day_first is day_first
    (row,) = read(export, mapping).rows
    assert row.mql_at.month == (9 if day_first or cell.startswith("09") else 1)
