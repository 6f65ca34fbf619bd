"""CSV actuals as CRMs export them: numbers, periods, delimiters, errors by line."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from planner.imports.actuals import (
    Mapping, guess_mapping, parse_actuals, parse_number, parse_period, read_table)


@pytest.mark.parametrize(("text", "comma", "value"), [
    ("1234.5", False, 1234.5), ("1,234.5", False, 1234.5), ("12,5", True, 12.5),
    ("1.234,5", True, 1234.5), ("1\u00a0234,5", True, 1234.5), ("35%", False, 35.0),
    (" -7 ", False, -7.0)])
def test_numbers_as_spreadsheets_write_them(text: str, comma: bool, value: float) -> None:
    assert parse_number(text, comma) == value


@pytest.mark.parametrize(("text", "period"), [
    ("2027-03", "2027-03"), ("2027-3", "2027-03"), ("03/2027", "2027-03"),
    ("31.03.2027", "2027-03"), ("Mar 2027", "2027-03"), ("March 2027", "2027-03"),
    ("2027-03-31", "2027-03"), ("2027-Q1", "2027-Q1"), ("Q1 2027", "2027-Q1")])
def test_periods_in_the_forms_crms_use(text: str, period: str) -> None:
    assert parse_period(text) == period


METRICS = {"MQLs": "m1", "Win rate": "m2"}
PERIODS = [f"2027-{m:02d}" for m in range(1, 13)]


def test_a_european_crm_export_with_bom_semicolons_commas_and_quoted_newlines() -> None:
    data = ("\ufeffMetric;Month;Actual;Comment\r\n"
            "MQLs;2027-01;1.234,5;\"first line\nsecond line\"\r\n"
            "\r\n"
            "win rate;Feb 2027;31,5;\r\n"
            "Pipeline;2027-03;10;\r\n"
            "MQLs;2031-01;5;\r\n"
            "MQLs;someday;5;\r\n"
            "MQLs;2027-04;lots;\r\n").encode("utf-8")
    table = read_table(data)
    assert table.delimiter == ";"
    mapping = guess_mapping(table.header)
    assert mapping == Mapping(0, 1, 2, 3)
    parsed = parse_actuals(table, mapping, METRICS, PERIODS)
    assert [(a.line, a.metric_id, a.period, a.actual) for a in parsed.actuals] == [
        (2, "m1", "2027-01", 1234.5), (5, "m2", "2027-02", 31.5)]
    assert parsed.actuals[0].note == "first line\nsecond line"
    assert parsed.errors == ["line 6: unknown metric \u201cPipeline\u201d",
                             "line 7: period 2031-01 is outside the plan",
                             "line 8: \u201csomeday\u201d is not a period",
                             "line 9: \u201clots\u201d is not a number"]


def test_one_hundred_thousand_rows() -> None:
    lines = ["metric,period,value"] + [f"MQLs,2027-{n % 12 + 1:02d},{n}" for n in range(100_000)]
    table = read_table("\n".join(lines).encode())
    parsed = parse_actuals(table, guess_mapping(table.header), METRICS, PERIODS)  # type: ignore[arg-type]
    assert len(parsed.actuals) == 100_000 and parsed.errors == []
    assert parsed.actuals[-1].actual == 99_999.0


# Notes full of the characters that could fool a guesser: delimiters, commas, digits.
cells = st.text(st.sampled_from(list("ab ;,\t|.0123456789\"\n\u00e9\u0416")), max_size=30)


@given(st.sampled_from([",", ";", "\t"]), st.booleans(),
       st.lists(st.tuples(st.sampled_from(list(METRICS)), st.sampled_from(PERIODS),
                          st.floats(-1e6, 1e6, allow_nan=False).map(lambda v: round(v, 2)),
                          cells), max_size=40))
def test_any_actuals_written_as_csv_read_back_the_same(delimiter, comma, records) -> None:  # type: ignore[no-untyped-def]
    import csv as csv_module
    import io

    comma = comma and delimiter != ","
    out = io.StringIO()
    writer = csv_module.writer(out, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow(["Metric", "Period", "Actual", "Note"])
    for name, period, value, note in records:
        number = f"{value:.2f}".replace(".", ",") if comma else f"{value:.2f}"
        writer.writerow([name, period, number, note])
    table = read_table(("\ufeff" + out.getvalue()).encode("utf-8"))
    parsed = parse_actuals(table, Mapping(0, 1, 2, 3), METRICS, PERIODS)
    assert parsed.errors == []
    assert [(a.metric_id, a.period, a.actual, a.note) for a in parsed.actuals] == [
        (METRICS[n], p, v, note.strip()) for n, p, v, note in records
        if any(str(c).strip() for c in (n, p))]


