"""The floor for PDF export: plain ReportLab laying out the same tables with the
same fonts, in chunks of rows (so that it too grows linearly), flowing from
page to page, then blank pages up to Tandem's page count.

`python -m planner.bench.pdf_floor TABLES.json OUT.pdf PAGES` reads the tables
the benchmark took from Tandem's outline (every table, every label/value
list, every goal card, as strings) and builds the document. What it leaves
out is Tandem's own extra work: the contents page, bookmarks, page furniture,
the timeline and the charts.
"""

import json
import sys
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import Flowable, LongTable, SimpleDocTemplate, TableStyle

ROWS_A_CHUNK = 25  # tables flow in chunks: ReportLab re-splits at most 25 rows a page
FONTS = Path(__file__).resolve().parents[2] / "resources" / "fonts"


def main(tables_path: Path, out: Path, pages: int) -> None:
    pdfmetrics.registerFont(TTFont("Floor", str(FONTS / "DejaVuSans.ttf")))
    pdfmetrics.registerFont(TTFont("Floor-Bold", str(FONTS / "DejaVuSans-Bold.ttf")))
    tables = json.loads(tables_path.read_text("utf-8"))
    doc = SimpleDocTemplate(str(out), pagesize=A4, leftMargin=18 * mm, rightMargin=18 * mm,
                            topMargin=20 * mm, bottomMargin=20 * mm)
    width = A4[0] - 36 * mm
    story: list[Flowable] = []
    for table in tables:
        unit = width / sum(table["widths"])
        widths = [w * unit for w in table["widths"]]
        rows = [[_wrap(c, w) for c, w in zip(row, widths, strict=True)] for row in table["rows"]]
        head = [_wrap(c, w, "Floor-Bold") for c, w in zip(table["columns"], widths, strict=True)]
        for start in range(0, max(1, len(rows)), ROWS_A_CHUNK):
            chunk = LongTable([head, *rows[start:start + ROWS_A_CHUNK]], colWidths=widths,
                              repeatRows=1, splitInRow=1)
            chunk.setStyle(TableStyle([
                ("FONT", (0, 0), (-1, 0), "Floor-Bold", 8.5, 11),
                ("FONT", (0, 1), (-1, -1), "Floor", 8.5, 11),
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#1F2933")),
                ("TEXTCOLOR", (0, 0), (-1, 0), colors.white),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LINEBELOW", (0, 0), (-1, -1), 0.3, colors.HexColor("#D9DEE3"))]))
            story.append(chunk)
    story.append(PadTo(pages))
    doc.build(story)


class PadTo(Flowable):  # type: ignore[misc]
    """Blank pages after the tables, up to Tandem's page count."""

    def __init__(self, pages: int) -> None:
        super().__init__()
        self.pages = pages

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        for _ in range(self.pages - self.canv.getPageNumber()):
            self.canv.showPage()


def write_tables(outline: object, out: Path) -> int:
    """Every table, label/value list and goal card of Tandem's outline, as
    strings, to a JSON file for `main`; returns how many rows they hold."""
    from planner.outline.blocks import Facts, GoalCard, Outline, Table

    assert isinstance(outline, Outline)
    tables = []
    for section in outline.sections:
        for block in section.blocks:
            if isinstance(block, Table):
                tables.append({"columns": list(block.columns), "widths": list(block.widths),
                               "rows": [list(r) for r in block.rows]})
            elif isinstance(block, Facts | GoalCard):
                pairs = block.pairs if isinstance(block, Facts) else (
                    (f"Goal {block.number}", block.title), *block.facts)
                tables.append({"columns": ["", ""], "widths": [1, 3],
                               "rows": [list(p) for p in pairs]})
    out.write_text(json.dumps(tables), encoding="utf-8")
    return sum(len(t["rows"]) for t in tables)


def _wrap(text: str, width: float, font: str = "Floor") -> str:
    lines = [line for part in str(text).splitlines() or [""]
             for line in simpleSplit(part, font, 8.5, width - 12) or [""]]
    return "\n".join(lines)


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]), int(sys.argv[3]))
