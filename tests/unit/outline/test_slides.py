"""Workshop slides come from the same outline as the PDF."""

from pathlib import Path

from planner.outline.build import build_outline
from planner.outline.slides import ROWS_PER_SLIDE, first_slide_of, slides_from_outline
from planner.store.plan_store import PlanStore


def test_every_section_goal_and_row_is_on_a_slide(sample_path: Path) -> None:
    with PlanStore.open(sample_path, read_only=True) as store:
        outline = build_outline(store)
    slides = slides_from_outline(outline)
    assert slides[0].title == outline.title and slides[0].section == ""
    order = list(dict.fromkeys(s.section for s in slides[1:]))
    # Parking: its own slide, last; every check-in is the document's appendix, not a slide.
    assert order == [section.key for section in outline.sections if section.key != "checkins"]
    sure = next(s for s in slides if s.section == "confidence" and s.table)
    assert sure.title == "How sure are we?" and sure.table.columns[:2] == ("Goal", "Confidence")
    assert slides[-1].kind == "parking" and slides[-1].lines == ("Nothing parked yet.",)
    proposals = slides[first_slide_of(slides, "goals") + 1]
    assert proposals.kind == "proposals" and [c[0] for c in proposals.columns] == [
        "From sales", "From marketing"]
    divider = slides[first_slide_of(slides, "goals")]
    assert divider.title == "Goals" and divider.table is None  # each section opens on its title
    goal_slides = [s for s in slides if s.goal_key]
    assert len(goal_slides) == 12 and goal_slides[0].title.startswith("1. ")
    people_rows = sum(len(s.table.rows) for s in slides if s.section == "people" and s.table)
    assert people_rows == 14
    assert all(len(s.table.rows) <= ROWS_PER_SLIDE for s in slides if s.table)
    assert slides[first_slide_of(slides, "rides")].title == "Field rides"


def test_the_slides_own_words_are_in_the_outline_s_language(sample_path: Path) -> None:
    """A plan whose document speaks German: the workshop's own slides say
    their words in German as the sections' titles do (the room's page shows
    these titles too), and a continued title is found by its heading."""
    from planner import i18n

    with PlanStore.open(sample_path, read_only=True) as store, i18n.speaking("de"):
        outline = build_outline(store)
    assert outline.language == "de"
    slides = slides_from_outline(outline, parked_items=())
    titles = [s.title for s in slides]
    assert "Vorschläge" in titles and titles[-1] == "Themenspeicher"
    assert slides[-1].lines == ("Noch nichts im Themenspeicher.",)
    assert slides[0].lines[-1].startswith("Status: ")
    proposals = next(s for s in slides if s.kind == "proposals")
    assert [c[0] for c in proposals.columns] == ["Vom Vertrieb", "Vom Marketing"]
    continued = [s for s in slides if s.part]
    assert continued and all(s.title == f"{s.heading} (Fortsetzung)" for s in continued)
    assert not any("(continued)" in t or t == "Proposals" for t in titles)
    assert i18n.language() == "en"  # speaking German ended with the block
