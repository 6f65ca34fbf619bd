"""The floor for PDF export: plain ReportLab laying out the same tables with the
same fonts, in page-sized pieces (so that it too grows linearly), padded to the
same number of pages.

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
from reportlab.platypus import LongTable, PageBreak, SimpleDocTemplate, TableStyle

ROWS_A_PAGE = 25
FONTS = Path(__file__).resolve().parents[2] / "resources" / "fonts"


def main(tables_path: Path, out: Path, pages: int) -> None:
    pdfmetrics.registerFont(TTFont("Floor", str(FONTS / "DejaVuSans.ttf")))
    pdfmetrics.registerFont(TTFont("Floor-Bold", str(FONTS / "DejaVuSans-Bold.ttf")))
    tables = json.loads(tables_path.read_text("utf-8"))
    doc = SimpleDocTemplate(str(out), pagesize=A4, leftMargin=18 * mm, rightMargin=18 * mm,
                            topMargin=20 * mm, bottomMargin=20 * mm)
    width = A4[0] - 36 * mm
    story = []
    for table in tables:
        unit = width / sum(table["widths"])
        widths = [w * unit for w in table["widths"]]
        rows = [[_wrap(c, w) for c, w in zip(row, widths, strict=True)] for row in table["rows"]]
        head = [_wrap(c, w, "Floor-Bold") for c, w in zip(table["columns"], widths, strict=True)]
        for start in range(0, max(1, len(rows)), ROWS_A_PAGE):
            chunk = LongTable([head, *rows[start:start + ROWS_A_PAGE]], colWidths=widths,
                              repeatRows=1, splitInRow=1)
            chunk.setStyle(TableStyle([
                ("FONT", (0, 0), (-1, 0), "Floor-Bold", 8.5, 11),
                ("FONT", (0, 1), (-1, -1), "Floor", 8.5, 11),
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#1F2933")),
                ("TEXTCOLOR", (0, 0), (-1, 0), colors.white),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LINEBELOW", (0, 0), (-1, -1), 0.3, colors.HexColor("#D9DEE3"))]))
            story += [chunk, PageBreak()]
    made = sum(1 for f in story if isinstance(f, PageBreak))
    story += [PageBreak() for _ in range(max(0, pages - made - 1))]
    doc.build(story)


def _wrap(text: str, width: float, font: str = "Floor") -> str:
    lines = [line for part in str(text).splitlines() or [""]
             for line in simpleSplit(part, font, 8.5, width - 12) or [""]]
    return "\n".join(lines)


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]), int(sys.argv[3]))
