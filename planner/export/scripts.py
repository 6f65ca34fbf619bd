"""Every script a plan may be written in, printed: Latin, Greek, Cyrillic,
Arabic, Hebrew and symbols from DejaVu Sans; Chinese and Japanese from Droid
Sans Fallback; Korean from Nanum Gothic; emoji from Noto Emoji and other
symbols from Symbola (resources/fonts, with their licences). ReportLab has no font fallback, so text is cut into runs, each set
in the first font that has its characters.

Right-to-left text is shaped and ordered here: Arabic letters take their
joined forms (arabic-reshaper, presentation forms DejaVu has), and each
line is put into visual order by the Unicode bidirectional algorithm
(python-bidi), so that ReportLab, which sets left to right, prints it as a
reader reads it. Lines are ordered one by one, after wrapping.

Characters no font has are counted, so the export can say so.
"""

import unicodedata
from collections.abc import Iterable
from functools import lru_cache
from typing import Any

from planner.resources import resource_path

# (registered name, file): the order they are tried in.
FONTS = (("TandemSans", "DejaVuSans.ttf"), ("TandemCJK", "DroidSansFallbackFull.ttf"),
         ("TandemKorean", "NanumGothic.ttf"),
         # Emoji in outline (monochrome), to Emoji 15: Noto Emoji; then the
         # symbols and older scripts none of the others has: Symbola.
         ("TandemEmoji", "NotoEmoji.ttf"), ("TandemSymbols", "Symbola.ttf"))
BASE = FONTS[0][0]
RTL_CLASSES = {"R", "AL", "AN"}


def _cmap(name: str, file: str) -> frozenset[int]:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    if name not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont(name, str(resource_path("fonts", file))))
    return frozenset(pdfmetrics.getFont(name).face.charToGlyph)


@lru_cache(maxsize=None)
def _base_cmap() -> frozenset[int]:
    return _cmap(*FONTS[0])


@lru_cache(maxsize=None)
def _fallback_cmaps() -> tuple[tuple[str, frozenset[int]], ...]:
    """The fonts of Chinese, Japanese and Korean and of emoji, read (3 to 5
    MB each, ~0.1 s) only when a plan has text the base font lacks."""
    return tuple((name, _cmap(name, file)) for name, file in FONTS[1:])


def register() -> None:
    _base_cmap()
    _mend_to_unicode()


def _utf16(code: int) -> str:
    """A code point as the hex of its UTF-16BE code units (a surrogate pair
    above U+FFFF), as a PDF ToUnicode map must write it."""
    return chr(code).encode("utf-16-be", "surrogatepass").hex().upper()


def _mend_to_unicode() -> None:
    """ReportLab writes a character beyond U+FFFF (an emoji) into a font's
    ToUnicode map as five hex digits, which readers reject, so the emoji
    cannot be copied or searched. Its map, with those written as UTF-16
    surrogate pairs; nothing else changes."""
    from reportlab.pdfbase import ttfonts

    if getattr(ttfonts.makeToUnicodeCMap, "_tandem", False):
        return
    original = ttfonts.makeToUnicodeCMap

    def mended(fontname: str, subset: list[int]) -> str:
        text = original(fontname, subset)
        wide = [(i, v) for i, v in enumerate(subset) if v > 0xFFFF]
        for i, v in wide:
            text = text.replace("<%02X> <%04X>" % (i, v), f"<{i:02X}> <{_utf16(v)}>")
        return str(text)

    mended._tandem = True  # type: ignore[attr-defined]
    ttfonts.makeToUnicodeCMap = mended


@lru_cache(maxsize=65536)
def font_of(char: str) -> str | None:
    """The first font that has the character (None: none has it)."""
    if char.isspace() or unicodedata.category(char) in ("Cc", "Cf", "Mn"):
        return BASE
    code = ord(char)
    if code in _base_cmap():
        return BASE
    return next((name for name, cmap in _fallback_cmaps() if code in cmap), None)


def plain(text: str) -> bool:
    """Whether the base font prints the text as it is (no other font, no
    right-to-left): the fast path, taken by nearly every string."""
    return text.isascii() or (all(font_of(c) == BASE for c in text)
                              and not any(unicodedata.bidirectional(c) in RTL_CLASSES
                                          for c in text))


def visual(line: str) -> str:
    """One line in the order it is seen: Arabic joined, right-to-left runs
    turned; a left-to-right line stays as it is."""
    if not any(unicodedata.bidirectional(c) in RTL_CLASSES for c in line):
        return line
    import arabic_reshaper
    from bidi import get_display

    return str(get_display(arabic_reshaper.reshape(line)))


def right_to_left(text: str) -> bool:
    """Whether the text is mostly right-to-left letters (set flush right)."""
    if text.isascii():
        return False
    strong = [unicodedata.bidirectional(c) for c in text]
    rtl = sum(1 for b in strong if b in ("R", "AL"))
    return rtl > sum(1 for b in strong if b == "L")


def runs(text: str) -> list[tuple[str, str]]:
    """The text cut into (font, text) runs; a character no font has is set
    in the base font (and counted by `missing`)."""
    out: list[tuple[str, str]] = []
    for char in text:
        font = font_of(char) or BASE
        if out and out[-1][0] == font:
            out[-1] = (font, out[-1][1] + char)
        else:
            out.append((font, char))
    return out


def missing(texts: Iterable[str]) -> set[str]:
    """The characters of these texts that no font has."""
    return {c for text in texts if not text.isascii() for c in text if font_of(c) is None}


def markup(text: str, escape: bool = True) -> str:
    """Paragraph markup for user text: each line in visual order, each run in
    its font, escaped, line breaks kept."""
    lines = []
    for line in text.split("\n"):
        shown = visual(line)
        parts = []
        for font, run in runs(shown):
            run = (run.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                   if escape else run)
            parts.append(run if font == BASE else f'<font name="{font}">{run}</font>')
        lines.append("".join(parts))
    return "<br/>".join(lines)


def width(text: str, size: float) -> float:
    """The width the text takes, each run in its font."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    return float(sum(stringWidth(run, font, size) for font, run in runs(visual(text))))


def is_ideographic(char: str) -> bool:
    """A character a line may break after (Chinese, Japanese, Korean)."""
    return font_of(char) in ("TandemCJK", "TandemKorean") and not char.isspace()


def draw(canvas: object, x: float, y: float, text: str, font: str, size: float,
         align: str = "left") -> None:
    """User text drawn straight on the canvas (headers, chart labels, names
    on a timeline): each run in its font, right to left where it is."""
    c: Any = canvas
    if plain(text):
        {"left": c.drawString, "right": c.drawRightString,
         "centre": c.drawCentredString}[align](x, y, text)
        return
    from reportlab.pdfbase.pdfmetrics import stringWidth

    pieces = [(font if run_font == BASE else run_font, run) for run_font, run in
              runs(visual(text))]
    total = sum(stringWidth(run, f, size) for f, run in pieces)
    x -= total if align == "right" else total / 2 if align == "centre" else 0
    for f, run in pieces:
        c.setFont(f, size)
        c.drawString(x, y, run)
        x += stringWidth(run, f, size)
    c.setFont(font, size)
