"""The plan as a designed PDF (ReportLab), rendered from the neutral outline.

Every user string is escaped before it reaches a Paragraph, so text that
looks like markup prints literally and can never make ReportLab fetch a
file or a URL. Fonts come only from resources/fonts/.
"""

from datetime import date
import math
import re
from collections.abc import Callable, Iterator
from io import BytesIO
from pathlib import Path
from functools import cache, lru_cache
from typing import Any

from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfbase.pdfdoc import LinkAnnotation, PDFName, PDFPage
from reportlab.pdfgen.canvas import Canvas, _annFormat
from reportlab.platypus import (
    BaseDocTemplate, CondPageBreak, Flowable, Frame, KeepTogether, NextPageTemplate, PageBreak,
    PageTemplate, Spacer, TableStyle)
from reportlab.platypus import Paragraph as RLParagraph

from planner.i18n import _, day, ngettext, speaking
from planner import __version__
from planner.export.pdf_charts import FunnelDrawing, MetricChartGrid, NetworkDrawing
from planner.export.pdf_tables import PagedTable, TextTable, row_height
from planner.export.pdf_tags import STYLE_KIND, Element, Tags
from planner.export.pdf_timeline import timeline_drawings
from planner.outline.blocks import (
    Facts, FunnelFigure, GoalCard, Heading, MetricCharts, NetworkFigure, Outline, Paragraph,
    Section, Table, Timeline)
from planner.resources import resource_path
from planner.store.atomic import write_replacing
from planner.export import scripts
from planner.palette import PAPER

INK = colors.HexColor(PAPER["ink"])
MUTED = colors.HexColor(PAPER["muted"])
SALES = colors.HexColor(PAPER["sales"])       # the sales side, everywhere in Tandem
MARKETING = colors.HexColor(PAPER["marketing"])   # the marketing side
RULE = colors.HexColor(PAPER["rule"])
ZEBRA = colors.HexColor(PAPER["surface"])
FONT, BOLD = "TandemSans", "TandemSans-Bold"
TOC_PAGE = 2
CELL_PADDING = 6


PAGE_SIZES = {"A4": A4, "Letter": LETTER}


def register_fonts() -> None:
    if FONT in pdfmetrics.getRegisteredFontNames():
        return
    for name, file in ((FONT, "DejaVuSans.ttf"), (BOLD, "DejaVuSans-Bold.ttf")):
        pdfmetrics.registerFont(TTFont(name, str(resource_path("fonts", file))))
    # Nothing is set in italic (user text is escaped, so no markup asks for it).
    pdfmetrics.registerFontFamily(FONT, normal=FONT, bold=BOLD, italic=FONT, boldItalic=BOLD)
    scripts.register()  # the fonts of the scripts DejaVu does not have


@cache
def _outline(word: str, size: float) -> tuple[tuple[str, tuple[float, ...]], ...]:
    """The word's glyphs in the bold font as path operations, centred on the
    origin (a little below it, as the mark always sat)."""
    em, glyphs = mark_glyphs(word)
    scale = size / em
    width = sum(glyphs[c][0] for c in word) * scale
    ops: list[tuple[str, tuple[float, ...]]] = []
    x = -width / 2
    for char in word:
        advance, drawn = glyphs[char]
        last = (0.0, 0.0)
        for op, points in drawn:
            placed = [(x + px * scale, py * scale - 40) for px, py in points]
            if op == "qCurveTo":  # TrueType's quadratic pieces, as cubic ones
                *offs, end = placed
                controls = list(offs)
                start = last
                for n, c in enumerate(controls):
                    nxt = end if n == len(controls) - 1 else \
                        ((c[0] + controls[n + 1][0]) / 2, (c[1] + controls[n + 1][1]) / 2)
                    c1 = (start[0] + 2 / 3 * (c[0] - start[0]), start[1] + 2 / 3 * (c[1] - start[1]))
                    c2 = (nxt[0] + 2 / 3 * (c[0] - nxt[0]), nxt[1] + 2 / 3 * (c[1] - nxt[1]))
                    ops.append(("curveTo", (*c1, *c2, *nxt)))
                    start = nxt
                last = end
            elif op in ("moveTo", "lineTo"):
                ops.append((op, placed[0]))
                last = placed[0]
            elif op == "curveTo":
                ops.append((op, tuple(v for pt in placed for v in pt)))
                last = placed[-1]
            elif op in ("closePath", "endPath"):
                ops.append(("close", ()))
        x += advance * scale
    return tuple(ops)


MARK_FONT = "DejaVuSans-Bold.ttf"
MARK_GLYPHS = "mark-glyphs.json"  # beside the font: written by `python -m planner.export.pdf`

Drawn = list[tuple[str, list[tuple[float, float]]]]


def mark_glyphs(word: str) -> tuple[int, dict[str, tuple[float, Drawn]]]:
    """The bold font's units per em, and each character's advance and outline
    (fontTools' RecordingPen operations): read from `mark-glyphs.json` (the
    letters of every catalogue's DRAFT, 0.1 s less than loading fontTools and
    the font) when it holds them all, else from the font."""
    import json

    try:
        data = json.loads(resource_path("fonts", MARK_GLYPHS).read_text("utf-8"))
        kept = data["glyphs"]
        if all(c in kept for c in word):
            return int(data["em"]), {c: (float(kept[c][0]), [
                (str(op), [(float(p[0]), float(p[1])) for p in points])
                for op, points in kept[c][1]]) for c in set(word)}
    except (OSError, ValueError, KeyError, TypeError, IndexError):
        pass
    return font_glyphs(word)


def font_glyphs(word: str) -> tuple[int, dict[str, tuple[float, Drawn]]]:
    """As `mark_glyphs`, from the font itself."""
    from fontTools.pens.recordingPen import RecordingPen
    from fontTools.ttLib import TTFont as FontFile

    with FontFile(str(resource_path("fonts", MARK_FONT)), lazy=True) as font:
        glyphs, cmap = font.getGlyphSet(), font.getBestCmap()
        out = {}
        for char in set(word):
            glyph = glyphs[cmap[ord(char)]]
            pen = RecordingPen()
            glyph.draw(pen)
            out[char] = (float(glyph.width), [
                (op, [(float(p[0]), float(p[1])) for p in points])
                for op, points in pen.value])
        return int(font["head"].unitsPerEm), out


def write_mark_glyphs(words: list[str]) -> None:
    """`mark-glyphs.json` for these words (each catalogue's DRAFT)."""
    import json

    em, glyphs = font_glyphs("".join(sorted(set("".join(words)))))
    resource_path("fonts", MARK_GLYPHS).write_text(json.dumps(
        {"font": MARK_FONT, "em": em, "glyphs": dict(sorted(glyphs.items()))}) + "\n", "utf-8")


def draft_path(canvas: Any, size: float) -> Any:
    """The DRAFT mark's outline (in the language's word), built once a document
    language and size: the same path is drawn on every page."""
    return _draft_path(_("DRAFT"), size)


@lru_cache(maxsize=8)
def _draft_path(word: str, size: float) -> Any:
    from reportlab.pdfgen.pathobject import PDFPathObject

    path = PDFPathObject()
    for op, args in _outline(word, size):
        if op == "moveTo":
            path.moveTo(*args)
        elif op == "lineTo":
            path.lineTo(*args)
        elif op == "curveTo":
            path.curveTo(*args)
        else:
            path.close()
    return path


HEADING_ROOM = 34 * mm  # a heading, a table's header and two rows
SMALLEST_CELL_TYPE = 6.5  # points: a table's type goes no smaller to keep words whole
# A break after a hyphen between letters ("Sales-accepted"), never in a date
# or a number ("2027-03-02").
# A no-break space (in a date, an amount) joins what it stands between.
_DATE = re.compile(r"\b\d{1,2} [A-Z][a-z]{2,8}\.? \d{4}\b|\b\d{1,2} [A-Z][a-z]{2,8}\.?(?= \u2013)")
_PIECE = re.compile(r"[^\s\u00a0\x00]*?[^\W\d_]-(?=[^\W\d_])|(?:[^\s]|[\u00a0\x00])+\s*")


@lru_cache(maxsize=1 << 16)  # names, dates and statuses repeat down a table
def pieces(value: str) -> tuple[str, ...]:
    """The places a line may break: after each word (with its spaces) and
    after a hyphen inside a word ("Sales-" "accepted"); an email address or
    a web address is never broken."""
    if _DATE.search(value):  # "2 Mar 2027" is one piece: joined here, spaces again below
        # (by NUL, which no plan's text can hold, so a typed no-break space stays one)
        value = _DATE.sub(lambda m: m.group(0).replace(" ", "\x00"), value)
        return tuple(p.replace("\x00", " ") for p in _pieces(value))
    return tuple(_pieces(value))


def _pieces(value: str) -> list[str]:
    out: list[str] = []
    for word in re.findall(r"(?:[^\s]|[\u00a0\x00])+[^\S\u00a0\x00]*", value):
        if "@" in word or "://" in word:
            out.append(word)
        elif word.isascii() or not any(scripts.is_ideographic(c) for c in word):
            out += _PIECE.findall(word)
        else:  # Chinese, Japanese and Korean break between any two characters
            out += [c for c in word.rstrip()] + ([word[len(word.rstrip()):]]
                                                if word != word.rstrip() else [])
    return out


def text(value: str) -> str:
    """User text as Paragraph markup: escaped, line breaks kept; in other
    scripts, each run in its font and right-to-left lines in visual order.
    (Escaped by hand: xml.sax.saxutils would import urllib.request and
    http.client, 15 ms.)"""
    if not scripts.plain(value):
        return scripts.markup(value)
    return (value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            .replace("\n", "<br/>"))


def _styles() -> dict[str, ParagraphStyle]:
    base = ParagraphStyle("body", fontName=FONT, fontSize=10, leading=14, textColor=INK,
                          alignment=TA_LEFT, splitLongWords=True)
    return {
        "body": base,
        "cell": ParagraphStyle("cell", parent=base, fontSize=8.5, leading=11),
        "head": ParagraphStyle("head", parent=base, fontName=BOLD, fontSize=8.5, leading=11,
                               textColor=colors.white),
        "label": ParagraphStyle("label", parent=base, fontName=BOLD, textColor=MUTED),
        "body_label": ParagraphStyle("body_label", parent=base, fontName=BOLD, textColor=MUTED),
        "cell_label": ParagraphStyle("cell_label", parent=base, fontName=BOLD, fontSize=8.5,
                                     leading=11, textColor=MUTED),
        "h1": ParagraphStyle("h1", parent=base, fontName=BOLD, fontSize=20, leading=26,
                             spaceAfter=10, textColor=INK),
        # A heading is never left at the foot of a page without what it heads.
        "h2": ParagraphStyle("h2", parent=base, fontName=BOLD, fontSize=13, leading=18,
                             spaceBefore=6, spaceAfter=4, textColor=INK),
        "h3": ParagraphStyle("h3", parent=base, fontName=BOLD, fontSize=10.5, leading=14,
                             spaceBefore=4, spaceAfter=2, textColor=INK),
        "caption": ParagraphStyle("caption", parent=base, fontName=BOLD, fontSize=9.5,
                                  leading=13, spaceAfter=3, textColor=INK),
        "cover_title": ParagraphStyle("cover_title", parent=base, fontName=BOLD, fontSize=30,
                                      leading=38, textColor=INK),
        "cover_sub": ParagraphStyle("cover_sub", parent=base, fontSize=14, leading=20,
                                    textColor=MUTED),
    }


def _shortened(title: str, room: float, width: Callable[[str], float]) -> str:
    """A contents entry on its one line: the title, or as much of it as fits
    and an ellipsis (the section's own page has it whole)."""
    if width(title) <= room:
        return title
    low, high = 0, len(title)
    while low < high:  # the longest start that fits with its ellipsis
        mid = (low + high + 1) // 2
        if width(title[:mid].rstrip() + "\u2026") <= room:
            low = mid
        else:
            high = mid - 1
    return title[:low].rstrip() + "\u2026"


class SectionHeading(RLParagraph):
    """A heading that also becomes a PDF bookmark (level 0: a section)."""

    def __init__(self, title: str, key: str, style: ParagraphStyle, level: int = 0,
                 shown: str | None = None) -> None:
        super().__init__(text(title if shown is None else shown), style)
        self.bookmark_key, self.bookmark_title, self.level = key, title, level


class _TaggedLink(LinkAnnotation):
    """A link that says where it stands in the structure tree."""

    permitted = (*LinkAnnotation.permitted, "StructParent")


class _NumberedCanvas(Canvas):
    """Defers page furniture until the page count is known ("page X of Y")."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._pages: list[dict[str, Any]] = []

    def showPage(self) -> None:  # noqa: N802 (ReportLab's name)
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._pages)
        tags: Tags = self._tandem_tags
        names: dict[int, str] = {}
        for state in self._pages:
            self.__dict__.update(state)
            if self._pageNumber > 1:
                tags.artifact(self._code, "Pagination")
                self._furniture(total)
                tags.end(self._code)
            if self._pageNumber == TOC_PAGE:
                self._contents()
            self._mark()
            # Bookmarks are made now, when this page really exists in the file:
            # made during layout they would all point at the first page.
            for key, title, level, page in self._tandem_meta["bookmarks"]:
                if page == self._pageNumber:
                    self.bookmarkPage(key)
                    self.addOutlineEntry(title, key, level=level)
            number = self._pageNumber
            super().showPage()
            page = self._doc.Pages.pages[-1]
            names[number] = page.__InternalName__
            # What the structure tree needs of each page: its key in the parent
            # tree, and links visited in the order of the structure.
            page.__NoDefault__ = [*PDFPage.__NoDefault__, "StructParents", "Tabs"]
            page.StructParents, page.Tabs = number - 1, PDFName("S")
        tags.prepare(self, names)
        super().save()

    def _contents(self) -> None:
        """The table of contents, drawn once every section's page is known."""
        w, h = self._pagesize
        y = h - 40 * mm
        tags: Tags = self._tandem_tags
        toc = tags.anchors["contents"]
        for n, (title, page, key) in enumerate(self._tandem_meta["toc"]):
            entry = Element("TOCI", toc)
            link = Element("Link", entry)
            tags.begin(self, link)
            self.setFont(FONT, 12)
            self.setFillColor(INK)
            left, right = 18 * mm + 6, w - 18 * mm - 6  # aligned with the frame's text
            room = right - left - self.stringWidth(str(page), FONT, 12) - 24
            shown = _shortened(title, room, lambda t: self.stringWidth(t, FONT, 12))
            scripts.draw(self, left, y, shown, FONT, 12)
            self.drawRightString(right, y, str(page))
            tags.end(self._code)
            tags.artifact(self._code)
            self.setStrokeColor(RULE)
            self.setDash(1, 2)
            self.line(left + self.stringWidth(shown, FONT, 12) + 4, y + 2,
                      right - self.stringWidth(str(page), FONT, 12) - 4, y + 2)
            self.setDash()
            tags.end(self._code)
            name = f"contents{n}"
            link_box = {"Rect": self._absRect((18 * mm, y - 3, w - 18 * mm, y + 12), 0),
                        "Contents": title, "Destination": self._bookmarkReference(key),
                        "StructParent": len(self._pages) + len(tags.annotations)}
            _annFormat(link_box, None, 0, None)
            self._addAnnotation(_TaggedLink(**link_box), name)
            tags.annotations.append((self._pageNumber, name, link))
            y -= 9 * mm

    def _mark(self) -> None:
        meta, (w, h) = self._tandem_meta, self._pagesize
        if meta["mark"] == "draft" and self._pageNumber > 1:
            start = len(self._code)
            tags: Tags = self._tandem_tags
            tags.artifact(self._code, "Background")
            self.saveState()
            self.setFillColor(colors.HexColor(PAPER["stamp"]), alpha=0.45)
            self.translate(w / 2, h / 2)
            self.rotate(45)
            # Shapes, not text: extraction and a screen reader never read it.
            self.drawPath(draft_path(self, 110), stroke=0, fill=1)
            self.restoreState()
            tags.end(self._code)
            # Under the page's content, not over it: its operators go first.
            self._code[:] = self._code[start:] + self._code[:start]
        elif meta["mark"] == "agreed" and self._pageNumber == 1:
            tags = self._tandem_tags
            stamp = tags.anchors["stamp"]
            tags.artifact(self._code)
            self.saveState()
            self.setStrokeColor(colors.HexColor(PAPER["good"]))
            self.setFillColor(colors.HexColor(PAPER["good"]))
            self.setLineWidth(2)
            self.roundRect(18 * mm, 28 * mm, w - 36 * mm, 34 * mm, 4)
            tags.end(self._code)
            tags.begin(self, Element("H2", stamp))
            self.setFont(BOLD, 18)
            self.drawString(24 * mm, 52 * mm, _("AGREED"))
            tags.end(self._code)
            self.setFont(FONT, 10)
            for n, (side, who, when) in enumerate(meta["sign_offs"]):
                tags.begin(self, Element("P", stamp))
                said = _("Signed for sales: {who}, {when}") if side == "sales" else \
                    _("Signed for marketing: {who}, {when}")
                scripts.draw(self, 24 * mm, (43 - 7 * n) * mm, said.format(who=who, when=when),
                             FONT, 10)
                tags.end(self._code)
            self.restoreState()

    def _furniture(self, total: int) -> None:
        w, h = self._pagesize
        meta = self._tandem_meta  # set by the renderer
        self.setStrokeColor(RULE)
        self.line(18 * mm, h - 14 * mm, w - 18 * mm, h - 14 * mm)
        self.line(18 * mm, 14 * mm, w - 18 * mm, 14 * mm)
        self.setFont(FONT, 8)
        self.setFillColor(MUTED)
        scripts.draw(self, 18 * mm, h - 12 * mm, meta["title"][:90], FONT, self._fontsize)
        self.drawRightString(w - 18 * mm, h - 12 * mm, meta["status"])
        self.drawString(18 * mm, 10 * mm, _("Exported {date}").format(date=meta["date"]))
        self.drawRightString(w - 18 * mm, 10 * mm, _("Page {page} of {pages}").format(
            page=self._pageNumber, pages=total))


class Anchor(Flowable):
    """Nothing drawn: the place in the reading order of what is drawn once
    every page is known (the contents' entries, the agreed stamp)."""

    _ZEROSIZE = True

    def __init__(self, name: str, kind: str) -> None:
        super().__init__()
        self.name, self.kind = name, kind

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        self.canv._tandem_tags.anchor(self.name, self.kind)


class SectionStart(Flowable):
    """Nothing drawn: what follows, up to the next section, is one Sect."""

    _ZEROSIZE = True

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        tags: Tags = self.canv._tandem_tags
        tags.current = Element("Sect", tags.root)


class TaggedFrame(Frame):
    """A frame that marks what each flowable draws as its structure element:
    paragraphs and headings, figures with their alternative text (tables
    mark their own cells)."""

    def add(self, flowable: Flowable, canv: Canvas, trySplit: int = 0) -> int:  # noqa: N803
        tags: Tags = canv._tandem_tags
        if isinstance(flowable, RLParagraph):
            element = Element(STYLE_KIND.get(flowable.style.name, "P"), tags.current)
        elif hasattr(flowable, "alt_text"):
            element = Element("Figure", tags.current, alt=flowable.alt_text())
        else:
            return int(super().add(flowable, canv, trySplit))
        start = len(canv._code)
        tags.begin(canv, element)
        if not super().add(flowable, canv, trySplit):
            del canv._code[start:]
            tags.undo(canv, element)
            return 0
        tags.end(canv._code)
        return 1


class _Document(BaseDocTemplate):
    on_page: Any = None  # called with each new page number (progress in the window)

    def handle_pageBegin(self) -> None:  # noqa: N802
        super().handle_pageBegin()
        if self.on_page:
            self.on_page(self.page)

    def afterFlowable(self, flowable: Flowable) -> None:  # noqa: N802
        if isinstance(flowable, SectionHeading):
            self.canv._tandem_meta["bookmarks"].append(
                (flowable.bookmark_key, flowable.bookmark_title, flowable.level, self.page))
            if flowable.level == 0:
                self.canv._tandem_meta["toc"].append(
                    (flowable.bookmark_title, self.page, flowable.bookmark_key))


class PlanPdfRenderer:
    """Renders an Outline to PDF bytes."""

    def __init__(self, pagesize: tuple[float, float] = A4) -> None:
        register_fonts()
        self.pagesize = pagesize
        self.styles = _styles()
        self.width = pagesize[0] - 36 * mm
        # The frame inside margins of 20 mm, less its own padding of 6 points.
        self.frame_height = pagesize[1] - 40 * mm - 12
        self.page_count = 0
        self.warnings: list[str] = []
        self._widths: dict[tuple[str, str, float], float] = {}

    def render(self, outline: Outline, exported_on: date | None = None,
               on_page: Any = None) -> bytes:
        """The PDF, in the outline's language."""
        with speaking(outline.language):
            return self._render(outline, exported_on, on_page)

    def _render(self, outline: Outline, exported_on: date | None, on_page: Any) -> bytes:
        buffer = BytesIO()
        doc = _Document(buffer, pagesize=self.pagesize, title=outline.title,
                        author=outline.company or "Tandem", subject=_("Sales and marketing plan"),
                        keywords=["sales", "marketing", "plan", outline.company],
                        creator=f"Tandem {__version__}", leftMargin=18 * mm,
                        rightMargin=18 * mm, topMargin=20 * mm, bottomMargin=20 * mm)
        doc.on_page = on_page
        frame = TaggedFrame(doc.leftMargin, doc.bottomMargin, doc.width, doc.height,
                            id="body")
        doc.addPageTemplates([PageTemplate("cover", [frame], onPage=self._cover_band),
                              PageTemplate("body", [frame])])
        meta = {"title": outline.title, "status": outline.status,
                "date": day(exported_on or date.today()), "toc": [], "bookmarks": [],
                "mark": outline.mark, "sign_offs": outline.sign_offs}
        self.warnings = missing_characters(outline)

        tags = Tags(outline.language)

        def make_canvas(*args: Any, **kwargs: Any) -> _NumberedCanvas:
            canvas = _NumberedCanvas(*args, **kwargs)
            canvas._tandem_meta, canvas._tandem_tags = meta, tags
            return canvas

        doc.build(self.story(outline), canvasmaker=make_canvas)
        self.page_count = doc.page
        tags.append(buffer, doc.canv._doc)
        return buffer.getvalue()

    def story(self, outline: Outline) -> list[Flowable]:
        flow: list[Flowable] = self._cover(outline)
        # The contents page: its entries are drawn when the pages are known.
        flow += [RLParagraph(_("Contents"), self.styles["h1"]), Anchor("contents", "TOC"),
                 PageBreak()]
        for section in outline.sections:
            flow += self._section(section)
        return flow

    def _cover_band(self, canvas: Canvas, doc: BaseDocTemplate) -> None:
        w, h = self.pagesize
        canvas._tandem_tags.artifact(canvas._code)
        canvas.saveState()
        canvas.setFillColor(SALES)
        canvas.rect(0, h - 16 * mm, w / 2, 16 * mm, stroke=0, fill=1)
        canvas.setFillColor(MARKETING)
        canvas.rect(w / 2, h - 16 * mm, w / 2, 16 * mm, stroke=0, fill=1)
        canvas.restoreState()
        canvas._tandem_tags.end(canvas._code)

    def _cover(self, o: Outline) -> list[Flowable]:
        s = self.styles
        flow: list[Flowable] = [Spacer(1, 60 * mm), self._para(o.title, "cover_title"),
                                Spacer(1, 6 * mm)]
        if o.company:
            flow.append(self._para(o.company, "cover_sub"))
        flow += [self._para(o.period, "cover_sub"), Spacer(1, 20 * mm)]
        flow.append(self._facts(Facts((*o.sponsors, (_("Status"), o.status)))))
        return flow + [Anchor("stamp", "Sect"), NextPageTemplate("body"), PageBreak()]

    def _section(self, section: Section) -> list[Flowable]:
        h1 = self.styles["h1"]  # a title's word wider than the page is cut with a hyphen too
        flow: list[Flowable] = [SectionStart(), SectionHeading(
            section.title, section.key, h1,
            shown=self._fitted(section.title, h1.fontName, h1.fontSize, self.width - 12))]
        for block in section.blocks:
            if isinstance(block, Paragraph):
                flow.append(self._para(block.text, "body"))
            elif isinstance(block, Heading):
                # A heading is never left at a page's foot without what it heads:
                # with less room than it and a few lines of its content, a new page.
                # (ReportLab's keepWithNext, with a table longer than a page,
                # could leave a whole page blank.)
                flow.append(CondPageBreak(HEADING_ROOM))
                flow.append(self._para(block.text, "h2"))
                continue  # no spacer between a heading and what it heads
            elif isinstance(block, Facts):
                flow.append(self._facts(block))
            elif isinstance(block, Table):
                if not block.in_document:
                    continue  # the slides' short form: the document has the whole table
                if block.caption:
                    flow.append(CondPageBreak(HEADING_ROOM))
                    flow.append(self._para(block.caption, "caption"))
                flow.append(self._table(block))
            elif isinstance(block, Timeline):
                flow += timeline_drawings(block, self.width, FONT)
            elif isinstance(block, FunnelFigure):
                flow.append(FunnelDrawing(block, self.width, FONT))
            elif isinstance(block, NetworkFigure):
                flow.append(NetworkDrawing(block, self.width, FONT))
            elif isinstance(block, MetricCharts):
                flow.append(MetricChartGrid(block.series, self.width, FONT))
            elif isinstance(block, GoalCard):
                flow.append(self._goal_card(block))
            flow.append(Spacer(1, 5 * mm))
        return flow + [PageBreak()]

    def _para(self, value: str, style_name: str) -> RLParagraph:
        style = self.styles[style_name]
        return RLParagraph(text(self._fitted(value, style.fontName, style.fontSize,
                                             self.width - 12)), style)

    def _fitted(self, value: str, font: str, size: float, width: float) -> str:
        """The value with each word wider than the width cut where it must be:
        its first piece fills the rest of the line it starts on, each cut is
        marked with a hyphen and followed by a line break (lines are followed
        as the paragraph will set them, a point to spare)."""
        if len(value) < 40 or self._width(value, font, size) <= width:
            return value
        width -= 1
        space = self._width(" ", font, size)
        out, used = [], 0.0  # the width taken on the current line
        for word in re.split(r"(\s+)", value):
            if not word:
                continue
            if word.isspace():
                used = 0.0 if "\n" in word else used + space
                out.append(word)
                continue
            wide = self._width(word, font, size)
            if wide <= width:
                used = wide if used + wide > width else used + wide
                out.append(word)
                continue
            room = width - used
            if room < 4 * size:  # too little left on this line: start on the next one
                out.append("\n")
                room = width
            cut = self._cut(word, font, size, width, room)
            out.append("\n".join(cut))
            used = self._width(cut[-1], font, size)
        return "".join(out)

    def _cut(self, word: str, font: str, size: float, width: float,
             first: float | None = None) -> list[str]:
        """A word too long for its line or column, in pieces that fit (the
        first in `first`, the rest of the line it starts on), each but the
        last ending in a hyphen."""
        hyphen = self._width("-", font, size)
        pieces, start, run, room = [], 0, 0.0, width if first is None else first
        for n, char in enumerate(word):
            advance = self._width(char, font, size)
            if n > start and run + advance + hyphen > room:
                pieces.append(word[start:n] + "-")
                start, run, room = n, 0.0, width
            run += advance
        return [*pieces, word[start:]]

    def _goal_card(self, card: GoalCard) -> Flowable:
        """A goal kept together on a page, its heading bookmarked under Goals."""
        title, h3 = f"{card.number}. {card.title}", self.styles["h3"]
        heading = SectionHeading(title, card.key, h3, level=1,
                                 shown=self._fitted(title, h3.fontName, h3.fontSize,
                                                    self.width - 12))
        return KeepTogether([heading, self._facts(Facts(card.facts), label_width=38 * mm,
                                                  style="cell"), Spacer(1, 3 * mm)])

    def _facts(self, facts: Facts, label_width: float = 45 * mm, style: str = "body") -> Flowable:
        """Label and value pairs; plain strings where they need no word breaking."""
        body = self.styles[style]
        value_width = self.width - label_width
        rows = [[self._cell(k, label_width - 2 * CELL_PADDING, f"{style}_label"),
                 self._cell(v, value_width - 2 * CELL_PADDING, style)]
                for k, v in facts.pairs]
        table = TextTable(rows, colWidths=[label_width, value_width], splitInRow=1)
        table.row_headers = True
        label = self.styles[f"{style}_label"]
        table.setStyle(TableStyle([
            ("FONT", (0, 0), (0, -1), label.fontName, label.fontSize, label.leading),
            ("TEXTCOLOR", (0, 0), (0, -1), MUTED),
            ("FONT", (1, 0), (1, -1), body.fontName, body.fontSize, body.leading),
            ("TEXTCOLOR", (1, 0), (1, -1), INK),
            ("LEFTPADDING", (0, 0), (-1, -1), CELL_PADDING),
            ("RIGHTPADDING", (0, 0), (-1, -1), CELL_PADDING),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LINEBELOW", (0, 0), (-1, -1), 0.4, RULE),
            ("TOPPADDING", (0, 0), (-1, -1), 4)]))
        return table

    def _cell(self, value: str, width: float, style_name: str = "cell",
              size: float | None = None) -> str | RLParagraph:
        """A table cell. Plain strings are drawn literally (no markup parsing,
        several times faster), wrapped here at spaces and after hyphens; only
        a piece wider than the column (a table too wide to give every word its
        room at the smallest type) needs a Paragraph, which breaks it."""
        style = self.styles[style_name]
        font, size = style.fontName, size or style.fontSize
        plain = scripts.plain(value)
        if plain and "\n" not in value and self._width(value, font, size) <= width:
            return value
        lines: list[str] = []
        for para in value.splitlines() or [""]:
            line = ""
            for piece in pieces(para):
                word = piece.rstrip()
                if plain and self._width(word, font, size) > width:  # longer than the column
                    if line:
                        lines.append(line.rstrip())
                    *whole, line = self._cut(word, font, size, width)
                    lines += whole
                    line += piece[len(word):]
                    continue
                candidate = line + piece
                if line and self._width(candidate.rstrip(), font, size) > width:
                    lines.append(line.rstrip())
                    line = piece.lstrip()
                else:
                    line = candidate
            lines.append(line.rstrip())
        if size != style.fontSize:
            style = ParagraphStyle(f"{style.name}{size}", parent=style, fontSize=size,
                                   leading=size * style.leading / style.fontSize)
        if not plain:  # lines wrapped here, each then set in visual order and its fonts
            if scripts.right_to_left(value):  # Arabic and Hebrew are read from the right
                style = ParagraphStyle(f"{style.name}-rtl", parent=style, alignment=TA_RIGHT)
            return RLParagraph("<br/>".join(scripts.markup(line) for line in lines), style)
        if all(self._width(line, font, size) <= width for line in lines):
            return "\n".join(lines)
        return RLParagraph(text(value), style)

    def _width(self, value: str, font: str, size: float) -> float:
        """String widths, remembered: names and words repeat down a table."""
        key = (value, font, size)
        width = self._widths.get(key)
        if width is None:
            width = self._widths[key] = (stringWidth(value, font, size) if scripts.plain(value)
                                         else scripts.width(value, size))
        return width

    def _column_widths(self, block: Table) -> tuple[list[float], float]:
        """Widths laid out from the text, as a browser lays out a table: each
        column at least as wide as its longest word (a number, a name, an
        email address; a hyphenated word may break after its hyphen), so that
        no word is broken, and the room beyond that shared in proportion to
        how much more each column's longest line would take. When the words
        alone are wider than the page, the table's type is made smaller (down
        to 6.5 pt) rather than a word broken; returns the widths and the
        type size."""
        cell, head = self.styles["cell"], self.styles["head"]
        pad = 2 * CELL_PADDING + 1
        least = [max(self._width(piece.strip(), head.fontName, head.fontSize)
                     for piece in pieces(column) or [""]) for column in block.columns]
        most = list(least)
        known: dict[str, tuple[float, float]] = {}  # a value's longest line and word
        font, points = cell.fontName, cell.fontSize
        for row in block.rows:
            for n, value in enumerate(row):
                found = known.get(value)
                if found is None:
                    found = known[value] = (
                        max((self._width(line, font, points) for line in value.splitlines()),
                            default=0.0),
                        max((self._width(piece.strip(), font, points)
                             for piece in pieces(value)), default=0.0))
                if found[0] > most[n]:
                    most[n] = found[0]
                if found[1] > least[n]:
                    least[n] = found[1]
        size = cell.fontSize
        if sum(least) + pad * len(least) > self.width:  # smaller type before a broken word
            scale = (self.width - pad * len(least)) / max(1.0, sum(least))
            size = max(SMALLEST_CELL_TYPE, math.floor(cell.fontSize * scale * 4) / 4)
            factor = size / cell.fontSize
            least, most = [w * factor for w in least], [w * factor for w in most]
        cap = 0.6 * self.width
        least = [min(w + pad, cap) for w in least]
        most = [max(m, min(w + pad, self.width)) for m, w in zip(least, most, strict=True)]
        if sum(least) >= self.width:  # words must break somewhere: share out what there is
            return [w * self.width / sum(least) for w in least], size
        if sum(most) <= self.width:  # every line fits: the rest in proportion
            return [w * self.width / sum(most) for w in most], size
        room, wish = self.width - sum(least), [m - w for m, w in zip(most, least, strict=True)]
        return [w + room * x / sum(wish) for w, x in zip(least, wish, strict=True)], size

    def _table(self, block: Table) -> Flowable:
        s = self.styles
        if not block.rows:
            return RLParagraph(text(_(block.empty_text)), s["body"])
        widths, size = self._column_widths(block)
        inner = [w - 2 * CELL_PADDING for w in widths]
        head = [self._cell(c, w, "head", size) for c, w in zip(block.columns, inner, strict=True)]
        body = [[self._cell(c, w, "cell", size) for c, w in zip(row, inner, strict=True)]
                for row in block.rows]
        cell, head_style = s["cell"], s["head"]
        leading = size * cell.leading / cell.fontSize
        style = TableStyle([
            ("FONT", (0, 0), (-1, 0), head_style.fontName, size, leading),
            ("TEXTCOLOR", (0, 0), (-1, 0), colors.white),
            ("FONT", (0, 1), (-1, -1), cell.fontName, size, leading),
            ("TEXTCOLOR", (0, 1), (-1, -1), INK),
            ("LEFTPADDING", (0, 0), (-1, -1), CELL_PADDING),
            ("RIGHTPADDING", (0, 0), (-1, -1), CELL_PADDING),
            ("BACKGROUND", (0, 0), (-1, 0), INK), ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("ROWBACKGROUNDS", (0, 1), (-1, -1), [None, ZEBRA]),
            ("LINEBELOW", (0, 0), (-1, -1), 0.3, RULE)])
        return PagedTable(head, body, widths, style,
                          row_height(head, widths, leading, CELL_PADDING),
                          [row_height(r, widths, leading, CELL_PADDING) for r in body],
                          self.frame_height)


def _strings(outline: Outline) -> Iterator[str]:
    yield from (outline.title, outline.company, outline.period)
    for section in outline.sections:
        yield section.title
        for block in section.blocks:
            if isinstance(block, (Paragraph, Heading)):
                yield block.text
            elif isinstance(block, Facts):
                yield from (v for pair in block.pairs for v in pair)
            elif isinstance(block, Table):
                yield block.caption
                yield from (c for row in block.rows for c in row)
            elif isinstance(block, Timeline):
                yield from block.lanes
            elif isinstance(block, GoalCard):
                yield block.title
                yield from (v for pair in block.facts for v in pair)
            elif isinstance(block, FunnelFigure):
                yield from (name for name, _, _ in block.stages)
            elif isinstance(block, MetricCharts):
                yield from (s.name for s in block.series)
            elif isinstance(block, NetworkFigure):
                yield from (person[0] for person in block.people)


def missing_characters(outline: Outline) -> list[str]:
    """One warning naming every character the shipped fonts cannot draw."""
    register_fonts()
    known = pdfmetrics.getFont(FONT).face.charToGlyph
    strings = list(_strings(outline))
    drawn = set("".join(strings))  # every character once, at C speed
    lacking = {ch for ch in drawn if ord(ch) not in known and not ch.isspace()
               and ch.isprintable() and scripts.font_of(ch) is None}
    # In the order a reader meets them.
    missing = list(dict.fromkeys(ch for value in strings for ch in value if ch in lacking)) \
        if lacking else []
    if not missing:
        return []
    shown = " ".join(missing[:20]) + (" \u2026" if len(missing) > 20 else "")
    return [ngettext("{count} character is not in Tandem's fonts and prints as a blank: "
                     "{shown}",
                     "{count} characters are not in Tandem's fonts and print as blanks: "
                     "{shown}", len(missing)).format(count=len(missing), shown=shown)]


def export_pdf(outline: Outline, out: Path,
               pagesize: tuple[float, float] = A4) -> tuple[int, list[str]]:
    """Write the PDF whole or not at all; return its pages and the warnings."""
    renderer = PlanPdfRenderer(pagesize)
    write_replacing(out, renderer.render(outline))
    return renderer.page_count, renderer.warnings


def mark_words() -> list[str]:
    """The DRAFT mark's word in every language Tandem speaks."""
    from planner.i18n import LOCALES, speaking

    words = []
    for code in LOCALES:
        with speaking(code):
            words.append(_("DRAFT"))
    return words


if __name__ == "__main__":  # python -m planner.export.pdf: the mark's glyphs written
    write_mark_glyphs(mark_words())
    print(f"wrote resources/fonts/{MARK_GLYPHS} for {', '.join(mark_words())}")
