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
