"""The palette every surface draws with: readable in both schemes, and the
only place colours are written."""

import re
from pathlib import Path

import pytest

from planner.palette import DARK, LIGHT, PAPER, ROOM, contrast

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("scheme", [LIGHT, DARK], ids=["light", "dark"])
def test_text_is_readable_on_its_background(scheme: dict[str, str]) -> None:
    # WCAG: 7:1 for body text (AAA), 4.5:1 for secondary text and the sides'
    # colours (AA), 3:1 for status colours used with words beside them.
    assert contrast(scheme["ink"], scheme["window"]) >= 7
    for role in ("muted", "sales", "marketing", "ink_soft"):
        assert contrast(scheme[role], scheme["window"]) >= 4.5, role
    for role in ("good", "warn", "bad"):
        assert contrast(scheme[role], scheme["window"]) >= 3, role
    assert contrast(scheme["ink"], scheme["surface"]) >= 7  # every other row
    assert contrast(scheme["ink"], scheme["selection"]) >= 4.5
    assert contrast(scheme["sidebar_ink"], scheme["sidebar"]) >= 7
    assert contrast(scheme["problem_ink"], scheme["problem_bg"]) >= 7
    assert contrast(scheme["notice_ink"], scheme["notice_bg"]) >= 7
    assert contrast(scheme["on_bar"], scheme["sales_bar"]) >= 3


def test_both_schemes_name_the_same_colours_and_paper_is_light() -> None:
    assert LIGHT.keys() == DARK.keys()
    assert PAPER is LIGHT
    assert contrast(ROOM["ink"], ROOM["window"]) >= 7 and contrast(ROOM["muted"], ROOM["window"]) >= 4.5


def test_colours_are_written_only_in_the_palette() -> None:
    sheet = (ROOT / "resources" / "style.qss").read_text("utf-8")
    assert not re.search(r"#[0-9A-Fa-f]{3,8}\b", sheet.split("*/", 1)[1])
    # Every @name is a palette colour, but @check: the check mark's image.
    assert set(re.findall(r"@(\w+)", sheet.split("*/", 1)[1])) - {"check"} <= LIGHT.keys()
    literal = re.compile(r"""["']#[0-9A-Fa-f]{6}["']""")
    found = [str(p.relative_to(ROOT)) for p in (ROOT / "planner").rglob("*.py")
             if p.name != "palette.py" and "bench" not in p.parts
             and literal.search(p.read_text("utf-8"))]
    assert found == []
