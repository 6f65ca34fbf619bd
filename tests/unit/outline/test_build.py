"""The document outline, checked as data without drawing anything."""

from pathlib import Path

from planner.outline.options import ExportOptions
from planner.model import FieldRide
from planner.outline.blocks import Facts, FunnelFigure, Heading, MetricCharts, Table, Timeline
from planner.outline.build import build_outline
from planner.sections import DOCUMENT_KEYS, SECTIONS
from planner.store.plan_store import PlanStore


def test_outline_sections_and_rides_content(sample_path: Path) -> None:
    with PlanStore.open(sample_path, read_only=True) as store:
        outline = build_outline(store)
        rides = store.count(FieldRide)
    # Every section of the registry that a document carries, in the registry's order.
    assert [s.key for s in outline.sections] == list(DOCUMENT_KEYS) == [
        s.key for s in SECTIONS if s.in_document]
    assert [s.title for s in outline.sections] == [s.title for s in SECTIONS if s.in_document]
    section = next(s for s in outline.sections if s.key == "rides")
    timeline = next(b for b in section.blocks if isinstance(b, Timeline))
    assert len(timeline.bars) == 2 * rides  # a bar in the visitor's and the host's lane
    assert len(timeline.lanes) == 14 and not any(b.conflict for b in timeline.bars)
    facts = next(b for b in section.blocks if isinstance(b, Facts))
    assert ("Both ways", "Yes") in facts.pairs
    assert any(isinstance(b, Heading) and b.text == "Debrief highlights" for b in section.blocks)
    debriefs = [b for b in section.blocks if isinstance(b, Table)][-1]
    assert debriefs.columns[1] == "Hot buttons heard" and debriefs.rows
    assert all(row[1].startswith("\u201c") for row in debriefs.rows)


def test_funnel_and_metrics_sections(sample_path: Path) -> None:
    with PlanStore.open(sample_path, read_only=True) as store:
        outline = build_outline(store)
    funnel = next(s for s in outline.sections if s.key == "funnel")
    figure = next(b for b in funnel.blocks if isinstance(b, FunnelFigure))
    assert [name for name, _, _ in figure.stages][:3] == ["Aware", "Engaged", "Marketing-qualified"]
    assert figure.stages[0][2] == 0.4
    metrics = next(s for s in outline.sections if s.key == "metrics")
    table = next(b for b in metrics.blocks if isinstance(b, Table))
    assert {row[1] for row in table.rows} == {"on track", "at risk", "off track"}
    charts = next(b for b in metrics.blocks if isinstance(b, MetricCharts))
    assert len(charts.series) == len(table.rows) == 8
    assert all(len(s.actuals) == 6 and s.periods[0] == "2027-01" for s in charts.series)


def test_options_choose_the_sections_and_messaging_is_one_of_them(sample_path: Path) -> None:
    with PlanStore.open(sample_path, read_only=True) as store:
        outline = build_outline(store, ExportOptions(sections=frozenset({"messaging", "goals"}),
                                                     include_reviews=False))
    assert [s.key for s in outline.sections] == ["goals", "messaging"]
    tables = [b for b in outline.sections[1].blocks if isinstance(b, Table)]
    assert sum(len(t.rows) for t in tables) == 12  # approved by stage, then the drafts
    assert tables[-1].columns[-1] == "Approved so far"
