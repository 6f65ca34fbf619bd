"""Every script prints: Chinese, Japanese, Korean, Arabic (joined, right to
left), Hebrew (right to left) and emoji (DejaVu's and Symbola's). For each, the PDF's text has it and
the rendered page has ink where its first character stands."""

import unicodedata
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from pypdf import PdfReader

from planner.model import Goal, Person
from planner.operations.rows import edit
from planner.sample import write_sample
from tests.conftest import run_tandem

pytestmark = pytest.mark.e2e
TITLES = {"chinese": "提高销售线索的接受率", "japanese": "営業とマーケティングの連携を強化する",
          "korean": "영업과 마케팅의 협력 강화", "arabic": "زيادة معدل قبول العملاء المحتملين",
          "hebrew": "להגדיל את שיעור הקבלה של לידים", "emoji": "Delight customers 😀 every quarter",
          # In no font but Symbola's (the monochrome emoji font, read only when needed).
          "rocket": "Launch 🚀 before the fair 📈",
          # A symbol only Symbola has.
          "symbol": "𝄞 Close the loop on every lead"}


@pytest.fixture(scope="module")
def pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("scripts")
    plan, out = folder / "scripts.tandem", folder / "scripts.pdf"
    with write_sample(plan) as store:
        for goal, title in zip(store.rows(Goal), TITLES.values(), strict=False):
            store.commit(edit(goal, title=title))
        store.commit(edit(store.rows(Person)[0], name="王小明"))
    result = run_tandem("export", str(plan), "--pdf", str(out))
    assert result.returncode == 0 and "print as blanks" not in result.stderr, result.stderr
    return out


@pytest.mark.parametrize("script", sorted(TITLES))
def test_each_script_is_in_the_text_and_on_the_rendered_page(pdf: Path, script: str) -> None:
    title = TITLES[script]
    # Readers give right-to-left text back in logical order; Arabic as its
    # joined presentation forms, which NFKC turns back into letters.
    pages = [unicodedata.normalize("NFKC", page.extract_text()) for page in PdfReader(pdf).pages]
    at = next(n for n, text in enumerate(pages) if title in text)
    document = pdfium.PdfDocument(pdf)
    page = document[at]
    text = page.get_textpage()
    shown = text.get_text_range()
    start = shown.find({"emoji": "😀", "rocket": "🚀", "symbol": "𝄞"}.get(script, title[0]))
    assert start >= 0
    # pdfium's character indexes count UTF-16 units: an emoji earlier on the
    # page counts twice.
    start = len(shown[:start].encode("utf-16-le")) // 2
    left, bottom, right, top = text.get_charbox(start)
    scale = 3
    image = page.render(scale=scale).to_pil().convert("L")
    height = image.height
    box = (int(left * scale), int(height - top * scale), int(right * scale) + 1,
           int(height - bottom * scale) + 1)
    ink = sum(image.crop(box).histogram()[:128])  # dark pixels
    assert ink > 5, (script, box, ink)  # a glyph, not a blank


def test_the_fonts_of_every_script_are_embedded(pdf: Path) -> None:
    import pikepdf

    with pikepdf.open(pdf) as doc:
        names = {str(font.get("/BaseFont", "")) for page in doc.pages
                 for font in (page.Resources.get("/Font") or {}).values()}
    assert any("DroidSansFallback" in n for n in names)
    assert any("NanumGothic" in n for n in names)
    assert any("DejaVuSans" in n for n in names)
    assert any("NotoEmoji" in n for n in names)  # the rocket
    assert any("Symbola" in n for n in names)  # the treble clef
