

def test_the_draft_marks_glyphs_kept_beside_the_font_are_the_fonts() -> None:
    """`mark-glyphs.json` spares every export loading fontTools and the font;
    it must hold every language's word, outline for outline (else run
    `python -m planner.export.pdf`)."""
    from planner.export.pdf import font_glyphs, mark_glyphs, mark_words

    for word in mark_words():
        assert mark_glyphs(word) == font_glyphs(word), word
    assert len(set(mark_words())) == 2  # DRAFT, ENTWURF
