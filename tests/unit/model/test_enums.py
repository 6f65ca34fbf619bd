

def test_each_kind_keeps_its_own_words_where_values_are_equal() -> None:
    """Language.DEFAULT and Currency.NONE are both "" (equal as str enums):
    the Overview showed "No currency" as the PDF's language."""
    from planner.i18n import speaking
    from planner.model.enums import LABELS, Currency, Language, label

    assert label(Language.DEFAULT) == "The exporter's language"
    assert label(Currency.NONE) == "No currency"
    for member, words in LABELS:
        assert label(member) == words, member
    with speaking("de"):
        assert label(Language.DEFAULT) == "Die Sprache der Person, die exportiert"
        assert label(Currency.NONE) == "Keine Währung"
