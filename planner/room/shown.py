"""What a participant's page shows of a slide: its words only, as the room
reads them on the screen (nothing of the plan beyond the projected slide)."""

from planner.outline.slides import Slide
from planner.room.state import HOT_BUTTON, PROPOSAL, RETRO, SURVEY, TOPIC, Shown

LINES_MAX = 60
LINE_MAX = 400


def card_kind(slide: Slide) -> str:
    """The card a slide takes from the room ("" for none)."""
    if slide.kind == "proposals":
        return PROPOSAL
    if slide.kind == "survey":
        return SURVEY
    if slide.kind == "messages" or (slide.section == "messaging" and not slide.goal_key):
        return HOT_BUTTON
    if slide.kind == "parking":
        return TOPIC
    if slide.section == "reviews":
        return RETRO
    return ""


def slide_lines(slide: Slide) -> list[str]:
    """The slide's words, line by line: its lines, facts, rows, items, columns."""
    out = list(slide.lines)
    out += [f"{key}: {value}" for key, value in slide.facts]
    if slide.table is not None:
        out += [" \u00b7 ".join(c for c in row if c) for row in slide.table.rows]
    out += [text for _, text in slide.items]
    for heading, items in slide.columns:
        out += [f"{heading}: " + "; ".join(items)] if items else []
    return out


def shown(slide: Slide) -> Shown:
    lines = [line if len(line) <= LINE_MAX else line[:LINE_MAX - 1] + "\u2026"
             for line in slide_lines(slide)[:LINES_MAX]]
    return Shown(slide.title[:LINE_MAX], tuple(lines), card_kind(slide), slide.goal_key or "")
