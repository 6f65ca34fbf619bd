"""Tables in the PDF: drawn fast, and split across pages in linear time.

ReportLab splits a long table at each page break and measures the whole
remainder again, so a table of n rows over p pages costs n x p. `PagedTable`
measures every row once, keeps the running sum of heights, and at each page
break cuts the rows that fit by bisection; only that page's rows are ever
made into a ReportLab table. A 60,000-ride plan exports as fast per page as
a 600-ride one.
"""

from bisect import bisect_right
from itertools import accumulate
from typing import Any

from reportlab.lib.rl_accel import fp_str
from reportlab.pdfbase import pdfmetrics
from reportlab.platypus import Flowable, LongTable, TableStyle

from planner.export.pdf_tags import Element, Tags

TOP_PADDING = BOTTOM_PADDING = 3.0  # ReportLab's own cell padding


class TextTable(LongTable):  # type: ignore[misc]
    """A LongTable that writes all its plain-string cells (left, top aligned,
    one font and colour) into one PDF text object per draw, instead of a new
    text object for every line of every cell.

    Each line's text operators are made once per document and font: names,
    dates and statuses repeat down a table, and ReportLab would map every
    character to its font subset and escape it again for every line. The
    operators are what ReportLab's own `textLine` writes (a test compares the
    two documents' text).

    Tagged as it draws: one table element for all the pieces of a table cut
    over pages (`tag_key`), a row element a row, header cells (the first row,
    or the first column where `row_headers`) and data cells; the header
    repeated on later pages, backgrounds and rules are artifacts."""

    tag_key: int | None = None
    row_headers = False  # a list of labels and values: each label heads its row

    def draw(self) -> None:
        self._text = self.canv.beginText()
        self._lines: dict[tuple[str, str], tuple[tuple[int, str], ...]] = \
            self.canv.__dict__.setdefault("_tandem_lines", {})
        self._font: tuple[str, float, float] | None = None
        self._colour: Any = None
        # (A canvas of Tandem's document has its tags; any other one gets its own.)
        self._tags: Tags = self.canv.__dict__.setdefault("_tandem_tags", Tags("en"))
        self._element, first = self._tags.table(self.tag_key)
        # Row 0 of a piece after the first is the header again.
        self._repeated = not first and self.repeatRows > 0
        self._cell_count = 0
        self._row: Element | None = None
        super().draw()
        self.canv.drawText(self._text)

    def split(self, available_width: float, available_height: float) -> list[Any]:
        """ReportLab's pieces of a table taller than the room (new tables of
        this class), kept as one table of the structure."""
        pieces = super().split(available_width, available_height)
        key = self.tag_key if self.tag_key is not None else id(self)
        for piece in pieces:
            piece.tag_key, piece.row_headers = key, self.row_headers
        return list(pieces)

    def _drawBkgrnd(self) -> None:  # noqa: N802
        self._tags.artifact(self.canv._code)
        super()._drawBkgrnd()
        self._tags.end(self.canv._code)

    def _drawLines(self) -> None:  # noqa: N802
        self._tags.artifact(self.canv._code)
        super()._drawLines()
        self._tags.end(self.canv._code)

    def _cell_element(self) -> Element | None:
        """The cell element of the cell about to be drawn (rows left to right,
        top to bottom, as ReportLab draws them); None for a repeated header."""
        row, column = divmod(self._cell_count, len(self._colWidths))
        self._cell_count += 1
        if row == 0 and self._repeated:
            return None
        if column == 0:
            self._row = Element("TR", self._element)
        if row == 0 and self.repeatRows > 0:
            return Element("TH", self._row, scope="Column")
        if column == 0 and self.row_headers:
            return Element("TH", self._row, scope="Row")
        return Element("TD", self._row)

    def _drawCell(self, cellval: Any, cellstyle: Any, pos: Any, size: Any) -> None:  # noqa: N802
        element = self._cell_element()
        code = self.canv._code if not isinstance(cellval, str) else self._text._code
        if element is None:
            self._tags.artifact(code, "Pagination")
        else:
            self._tags.begin(self.canv, element, code)
        self._draw_cell(cellval, cellstyle, pos, size)
        self._tags.end(code)

    def _draw_cell(self, cellval: Any, cellstyle: Any, pos: Any, size: Any) -> None:
        if not isinstance(cellval, str):
            super()._drawCell(cellval, cellstyle, pos, size)
            return
        text = self._text
        font_key = (cellstyle.fontname, cellstyle.fontsize, cellstyle.leading)
        if font_key != self._font:  # set only when it changes: most cells share one
            text.setFont(*font_key)
            self._font = font_key
        if cellstyle.color is not self._colour:
            text.setFillColor(cellstyle.color)
            self._colour = cellstyle.color
        text.setTextOrigin(pos[0] + cellstyle.leftPadding,
                           pos[1] + size[1] - cellstyle.topPadding - cellstyle.fontsize)
        font = pdfmetrics.getFont(cellstyle.fontname)
        if not getattr(font, "_dynamicFont", False):
            for line in cellval.split("\n"):
                text.textLine(line)
            return
        doc = self.canv._doc
        size_ops = f"{fp_str(cellstyle.fontsize)} Tf {fp_str(cellstyle.leading)} TL"
        for line in cellval.split("\n"):
            key = (cellstyle.fontname, line)
            pieces = self._lines.get(key)
            if pieces is None:
                pieces = self._lines[key] = tuple(
                    (subset, f"({self.canv._escape(t)}) Tj")
                    for subset, t in font.splitString(line, doc))
            ops = []
            for subset, shown in pieces:
                if subset != text._curSubset:
                    ops.append(f"{font.getSubsetInternalName(subset, doc)} {size_ops}")
                    text._curSubset = subset
                ops.append(shown)
            ops.append("T*")
            text._code.append(" ".join(ops))
            text._y -= text._leading  # where textLine leaves the cursor
            text._x, text._y0 = text._x0, text._y


def row_height(cells: list[Any], widths: list[float], leading: float, padding: float) -> float:
    """A row's height as ReportLab's table computes it: lines times leading for
    a string, a paragraph's own height, plus top and bottom padding."""
    tallest = 0.0
    for cell, width in zip(cells, widths, strict=True):
        if isinstance(cell, str):
            height = leading * (cell.count("\n") + 1)
        else:
            height = cell.wrap(width - 2 * padding, 1e9)[1]
        tallest = max(tallest, height)
    return tallest + TOP_PADDING + BOTTOM_PADDING


class PagedTable(Flowable):  # type: ignore[misc]
    """A header row and many body rows, cut into one TextTable a page."""

    def __init__(self, head: list[Any], body: list[list[Any]], widths: list[float],
                 style: TableStyle, head_height: float, heights: list[float],
                 frame_height: float, start: int = 0, sums: list[float] | None = None) -> None:
        super().__init__()
        self.head, self.body, self.widths, self.style = head, body, widths, style
        self.head_height, self.heights, self.start = head_height, heights, start
        self.frame_height = frame_height  # a whole page's room
        # sums[k]: the height of body rows 0..k-1 (measured once, for every page).
        self.sums = sums if sums is not None else [0.0, *accumulate(heights)]
        self.width = sum(widths)

    def _height_to(self, end: int) -> float:
        return self.head_height + self.sums[end] - self.sums[self.start]

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.height = self._height_to(len(self.body))
        return self.width, self.height

    def _fits(self, available_height: float) -> int:
        """The end of the rows that fit under the header in this height."""
        room = available_height - self.head_height + self.sums[self.start]
        return max(self.start, bisect_right(self.sums, room + 1e-6) - 1)

    def split(self, available_width: float, available_height: float) -> list[Flowable]:
        end = self._fits(available_height)
        count = len(self.body)
        # No row alone: a table does not start with one row at a page's foot
        # (it starts on the next page), nor leave one row for the next page.
        if end - self.start == 1 and count - self.start > 1 and \
                self.head_height + self.heights[self.start] + self.heights[self.start + 1] \
                <= self.frame_height:
            return []
        if count - end == 1 and end - self.start > 2:
            end -= 1
        if end == self.start:
            if self.head_height + self.heights[self.start] <= self.frame_height:
                return []  # the row fits on a page of its own: move on to the next page
            # A row taller than a page (a long review): ReportLab splits inside it.
            return [*self._table(self.start, self.start + 1).split(available_width,
                                                                    available_height),
                    *self._rest(self.start + 1)]
        return [self._table(self.start, end), *self._rest(end)]

    def _rest(self, start: int) -> list[Flowable]:
        if start >= len(self.body):
            return []
        return [PagedTable(self.head, self.body, self.widths, self.style, self.head_height,
                           self.heights, self.frame_height, start, self.sums)]

    def _table(self, start: int, end: int) -> TextTable:
        table = TextTable([self.head, *self.body[start:end]], colWidths=self.widths,
                          repeatRows=1, splitInRow=1)
        table.tag_key = id(self.body)
        table.setStyle(self.style)
        return table

    def draw(self) -> None:
        table = self._table(self.start, len(self.body))
        table.wrapOn(self.canv, self.width, self.height)
        table.drawOn(self.canv, 0, 0)
