"""PagedTable cuts a long table into pages exactly as ReportLab's own splitting
would, row for row, with the header on every page."""

import io
import re

from pypdf import PdfReader
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import LongTable, Paragraph, SimpleDocTemplate, TableStyle

from planner.export.pdf_tables import PagedTable, row_height

WIDTHS = [120.0, 200.0, 80.0]
LEADING = 12.0
STYLE = TableStyle([("FONT", (0, 0), (-1, -1), "Helvetica", 10, LEADING),
                    ("VALIGN", (0, 0), (-1, -1), "TOP")])
PARA = ParagraphStyle("cell", fontName="Helvetica", fontSize=10, leading=LEADING)


def _rows(n: int) -> list[list[object]]:
    """Rows of every height a plan has: one line, several lines, a wrapped paragraph."""
    rows: list[list[object]] = []
    for i in range(n):
        if i % 7 == 3:
            note = Paragraph(f"row {i} " + "a long debrief sentence " * (i % 11), PARA)
        elif i % 5 == 1:
            note = "\n".join(f"line {k}" for k in range(i % 4 + 1))
        else:
            note = f"note {i}"
        rows.append([f"row {i}", note, str(i)])
    return rows


def _pages(flowable: object) -> list[str]:
    out = io.BytesIO()
    SimpleDocTemplate(out, pagesize=A4).build([flowable])
    return [page.extract_text() for page in PdfReader(io.BytesIO(out.getvalue())).pages]


def _numbers(page: str) -> list[int]:
    return sorted({int(n) for n in re.findall(r"row (\d+)", page)})


def _paged(rows: list[list[object]], frame_height: float) -> PagedTable:
    head = ["Who", "Note", "N"]
    return PagedTable(head, rows, WIDTHS, STYLE, row_height(head, WIDTHS, LEADING, 6),
                      [row_height(r, WIDTHS, LEADING, 6) for r in rows], frame_height)


def test_pages_hold_the_same_rows_as_reportlabs_own_split_but_no_row_alone() -> None:
    frame = A4[1] - 2 * 72 - 12  # SimpleDocTemplate's frame, inside its padding
    for count in (900, 920):  # at 920 ReportLab leaves the last row alone on a page
        rows = _rows(count)
        ours = _pages(_paged(rows, frame))
        reference = LongTable([["Who", "Note", "N"], *_rows(count)], colWidths=WIDTHS,
                              repeatRows=1)
        reference.setStyle(STYLE)
        theirs = _pages(reference)
        # ReportLab's own split, page for page, except that a last page of one
        # row takes a second one from the page before (text order inside a
        # page differs: strings are drawn in one text object).
        assert len(ours) == len(theirs) > 10 or (len(_numbers(theirs[-1])) == 1
                                                  and len(ours) == len(theirs))
        for n, (page_ours, page_theirs) in enumerate(zip(ours, theirs, strict=True)):
            assert "Who" in page_ours
            assert len(_numbers(page_ours)) >= 2, (count, n)
            if len(_numbers(theirs[-1])) != 1 or n < len(ours) - 2:
                assert _numbers(page_ours) == _numbers(page_theirs)


def test_a_table_with_room_for_one_row_starts_on_the_next_page() -> None:
    rows = [["row 0", "a", "0"], ["row 1", "b", "1"], ["row 2", "c", "2"]]
    table = _paged(rows, 700)
    one_row = table.head_height + table.heights[0] + 1
    assert table.split(400, one_row) == []  # not one row here and the rest over the page


def test_every_row_is_drawn_once_in_order() -> None:
    rows = _rows(2500)
    pages = _pages(_paged(rows, A4[1] - 2 * 72 - 12))
    seen = [n for page in pages for n in _numbers(page)]
    assert seen == list(range(2500))


def test_a_row_taller_than_a_page_is_split_inside_and_nothing_is_lost() -> None:
    tall = [["row 0", "\n".join(f"part {k}" for k in range(120)), "0"], ["row 1", "x", "1"]]
    pages = _pages(_paged(tall, A4[1] - 2 * 72 - 12))
    text = "\n".join(pages)
    assert len(pages) >= 2
    assert all(f"part {k}" in text for k in range(120))
    assert "row 1" in text


def test_text_table_writes_the_same_text_as_reportlab_across_font_subsets() -> None:
    """More than 256 distinct characters (Latin, Greek, Cyrillic, symbols) make
    the font switch subsets inside a line; lines repeat, so the cached
    operators are used again, after other subsets came in between."""
    from reportlab.platypus import Table

    from planner.export.pdf import BOLD, FONT, register_fonts
    from planner.export.pdf_tables import TextTable

    register_fonts()
    alphabet = [chr(c) for c in (*range(0x41, 0x5B), *range(0xC0, 0x17F), *range(0x391, 0x3CA),
                                 *range(0x410, 0x450), *range(0x2190, 0x21A0))]
    lines = ["".join(alphabet[n::17]) for n in range(17)]
    rows = [[lines[n % 17], f"{lines[(n * 5) % 17]}\n{lines[(n * 3) % 17]} & (x) \\ ü"]
            for n in range(60)]
    style = TableStyle([("FONT", (0, 0), (-1, -1), FONT, 9, 11),
                        ("FONT", (0, 0), (0, -1), BOLD, 9, 11),
                        ("VALIGN", (0, 0), (-1, -1), "TOP")])

    def text_of(table_class: type) -> list[str]:
        table = table_class(rows, colWidths=[250, 250])
        table.setStyle(style)
        return [line for page in _pages(table) for line in page.splitlines()]

    ours, theirs = text_of(TextTable), text_of(Table)
    assert sorted(ours) == sorted(theirs)
    assert any("\u0416" in line for line in ours)  # Cyrillic Zhe came through
