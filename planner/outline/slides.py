"""Workshop slides: the same outline as the PDF, cut into one idea per slide.

Pure data (no Qt), so what is projected is tested without a screen.
"""

from dataclasses import dataclass, field

from planner.outline.blocks import (
    Facts, FunnelFigure, GoalCard, Heading, MetricCharts, Outline, Paragraph, Table, Timeline)

ROWS_PER_SLIDE = 8


@dataclass(frozen=True)
class Slide:
    section: str              # the outline section's key ("" for the title slide)
    title: str
    lines: tuple[str, ...] = ()
    facts: tuple[tuple[str, str], ...] = ()
    table: Table | None = None
    goal_key: str | None = None   # "goal-<id>" on a goal's own slide
    columns: tuple[tuple[str, tuple[str, ...]], ...] = ()  # side by side (proposals)
    kind: str = ""                # "proposals", "rides", "messages" or "parking": the
    #                               workshop's own slides
    items: tuple[tuple[str, str], ...] = ()  # (row id, text) the facilitator can pick and edit
    details: tuple[tuple[tuple[str, str], ...], ...] = ()  # the picked item in full, per item
    figure: object | None = field(default=None, compare=False)  # Timeline, FunnelFigure, ...


CHANGES_SHOWN = 7  # lines of changes on the slide; the rest are counted
MESSAGES_PER_SLIDE = 5


@dataclass(frozen=True)
class MessageItem:
    """A message as the room sees it: one line to pick it by, then in full."""

    message_id: str
    line: str
    facts: tuple[tuple[str, str], ...]


# The library by funnel stage, in the funnel's order: (stage name, its messages).
MessageStages = tuple[tuple[str, tuple[MessageItem, ...]], ...]


def slides_from_outline(outline: Outline,
                        proposals: tuple[tuple[str, ...], tuple[str, ...]] = ((), ()),
                        parked: tuple[str, ...] = (),
                        next_rides: tuple[tuple[str, str], ...] = (),
                        changes: tuple[str, ...] | None = None,
                        messages: MessageStages = (),
                        parked_items: tuple[tuple[str, str], ...] = ()) -> list[Slide]:
    """The outline's slides, with the changes since the last workshop after
    the title slide (when there was one), the two sides' proposals after the
    goals' title slide, the next rides after the rides' title slide, the
    messages stage by stage (to approve and reword live), and the parking lot
    at the end (`parked_items`, to pick and close; or `parked`, to show)."""
    slides = [Slide("", outline.title, (outline.company, outline.period,
                                        f"Status: {outline.status}"), outline.sponsors)]
    if changes is not None:
        shown = changes[:CHANGES_SHOWN] + ((f"\u2026 and {len(changes) - CHANGES_SHOWN} more",)
                                           if len(changes) > CHANGES_SHOWN else ())
        slides.append(Slide("", "Changes since the last workshop",
                            shown or ("Nothing has changed.",)))
    for section in outline.sections:
        if section.key == "parking":
            continue  # the workshop's own parking-lot slide, where topics are added
        intro = tuple(b.text for b in section.blocks if isinstance(b, Paragraph))
        facts = next((b.pairs for b in section.blocks if isinstance(b, Facts)), ())
        slides.append(Slide(section.key, section.title, intro, facts))
        if section.key == "goals":
            slides.append(Slide("goals", "Proposals", columns=(
                ("From sales", proposals[0]), ("From marketing", proposals[1])),
                kind="proposals"))
        if section.key == "rides":
            slides.append(Slide("rides", "Next field rides", kind="rides",
                                items=next_rides[:ROWS_PER_SLIDE],
                                lines=() if next_rides else ("No rides ahead.",)))
        if section.key == "messaging":
            slides += _message_slides(messages)
            continue
        for block in section.blocks:
            if isinstance(block, Table) and block.rows:
                for start in range(0, len(block.rows), ROWS_PER_SLIDE):
                    part = Table(block.columns, block.rows[start:start + ROWS_PER_SLIDE],
                                 block.widths)
                    slides.append(Slide(section.key, section.title, table=part))
            elif isinstance(block, GoalCard):
                slides.append(Slide(section.key, f"{block.number}. {block.title}",
                                    facts=block.facts, goal_key=block.key))
            elif isinstance(block, (Timeline, FunnelFigure, MetricCharts)):
                slides.append(Slide(section.key, section.title, figure=block))
            elif isinstance(block, Heading):
                continue
    if parked_items:
        slides.append(Slide("parking", "Parking lot", kind="parking",
                            items=parked_items[:ROWS_PER_SLIDE]))
    else:
        slides.append(Slide("parking", "Parking lot", parked or ("Nothing parked yet.",),
                            kind="parking"))
    return slides


def _message_slides(stages: MessageStages) -> list[Slide]:
    """A slide per funnel stage with messages (more than five: more slides)."""
    out = []
    for name, items in stages:
        for start in range(0, len(items), MESSAGES_PER_SLIDE):
            part = items[start:start + MESSAGES_PER_SLIDE]
            more = f" ({start // MESSAGES_PER_SLIDE + 1})" if len(items) > MESSAGES_PER_SLIDE \
                else ""
            out.append(Slide("messaging", f"Messages: {name}{more}", kind="messages",
                             items=tuple((m.message_id, m.line) for m in part),
                             details=tuple(m.facts for m in part)))
    return out


def first_slide_of(slides: list[Slide], section: str) -> int:
    return next((n for n, s in enumerate(slides) if s.section == section), 0)
