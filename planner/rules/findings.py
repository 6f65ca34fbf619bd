"""A finding: one sentence about one row (or the plan) that breaks a rule."""

from dataclasses import dataclass


@dataclass(frozen=True)
class Finding:
    section: str          # a key of planner.sections
    row_id: str | None
    message: str
