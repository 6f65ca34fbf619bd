"""The funnel: stages added and moved in the one buying process."""

from planner.i18n import _
from planner.changes import ChangeSet, added
from planner.model import FunnelStage
from planner.model.reader import PlanReader
from planner.operations.rows import new, quoted, reorder


def add_stage(reader: PlanReader, name: str = "New stage") -> tuple[ChangeSet, FunnelStage]:
    stages = reader.rows(FunnelStage)
    stage = new(FunnelStage, name=name,
                position=max((s.position for s in stages), default=-1) + 1)
    return ChangeSet(_("Add stage"), (added(stage),)), stage


def move_stage(reader: PlanReader, stage: FunnelStage, step: int) -> ChangeSet:
    """One place up (-1) or down (+1) in the funnel."""
    stages = list(reader.rows(FunnelStage))
    at = next((n for n, s in enumerate(stages) if s.id == stage.id), -1)
    other = at + step
    if at < 0 or not 0 <= other < len(stages):
        return ChangeSet(_("Move stage"))
    stages[at], stages[other] = stages[other], stages[at]
    return reorder(stages, f"Move stage {quoted(stage.name)} {'up' if step < 0 else 'down'}")
