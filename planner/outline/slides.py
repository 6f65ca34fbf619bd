"""Workshop slides: the same outline as the PDF, cut into one idea per slide.

Pure data (no Qt), so what is projected is tested without a screen.
"""

from collections.abc import Callable, Collection, Iterator, Mapping
from dataclasses import dataclass, field, replace
from functools import cache, partial
from typing import Any

from planner.i18n import _, speaking
from planner.outline.blocks import (
    Facts, FunnelFigure, GoalCard, MetricCharts, NetworkFigure, Outline, Paragraph, Section,
    Table, Timeline)

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
    kind: str = ""                # "proposals", "rides", "messages", "parking" or
    #                               "survey": the workshop's own slides
    items: tuple[tuple[str, str], ...] = ()  # (row id, text) the facilitator can pick and edit
    details: tuple[tuple[tuple[str, str], ...], ...] = ()  # the picked item in full, per item
    # The whole table a part of it comes from: its columns keep one width on
    # every slide (a screen lays them out from all the rows).
    whole_table: Table | None = field(default=None, compare=False)
    figure: object | None = field(default=None, compare=False)  # Timeline, FunnelFigure, ...
    part: int = 0  # of a title that continues over slides: 0 the first, 1 a continuation
    base_title: str = ""  # the title without "(continued)" (the title when empty)

    @property
    def heading(self) -> str:
        """The title as on the section's first slide."""
        return self.base_title or self.title


CHANGES_SHOWN = 7  # lines of changes on the slide; the rest are counted
MESSAGES_PER_SLIDE = 5
# Sections of the document the workshop has no slides for: the parking lot
# (its own slide, where topics are added) and the check-ins' appendix (the
# room sees "How sure are we?").
SLIDELESS = ("parking", "checkins")


@dataclass(frozen=True)
class MessageItem:
    """A message as the room sees it: one line to pick it by, then in full."""

    message_id: str
    line: str
    facts: tuple[tuple[str, str], ...]


# The library by funnel stage, in the funnel's order: (stage name, its messages).
MessageStages = tuple[tuple[str, tuple[MessageItem, ...]], ...]


Fits = Callable[["Slide"], bool]  # whether a slide's content fits the screen


def _chunks(count: int, make: Callable[[int, int], "Slide"], fits: Fits | None,
            fixed: int, most: int | None = None) -> Iterator["Slide"]:
    """Slides of `count` rows (or items, facts, charts): as many on each as
    fit the screen (`fits`), at least one and at most `most`; without `fits`,
    `fixed` a slide. What does not fit continues on the next slide: nothing is
    cut. One slide at a time, so that idle time can fit a long table a few
    slides a tick."""
    if fits is None:
        yield from (make(start, min(count, start + fixed)) for start in range(0, count, fixed))
        return
    start = 0
    while start < count:
        end = count if most is None else min(count, start + most)
        if end - start <= 2 * ROWS_PER_SLIDE and fits(make(start, end)):
            yield make(start, end)  # the rest fits: one layout, not a gallop
            start = end
            continue
        # The most that fit, found by galloping then halving (more rows never
        # take less room): a few layouts a slide, not one a row.
        good, step = start + 1, 1
        while good < end and fits(make(start, min(end, good + step))):
            good, step = min(end, good + step), step * 2
        bad = min(end, good + step) if good < end else end + 1
        while bad - good > 1:
            middle = (good + bad) // 2
            if fits(make(start, middle)):
                good = middle
            else:
                bad = middle
        yield make(start, good)
        start = good


@cache
def words(code: str) -> dict[str, str]:
    """The slides' own words in a language (the outline's: its section titles
    are in that language too), looked up once."""
    with speaking(code):
        return {
            "continued": _("{title} (continued)"), "proposals": _("Proposals"),
            "from_sales": _("From sales"), "from_marketing": _("From marketing"),
            "next_rides": _("Next field rides"), "no_rides": _("No rides ahead."),
            "status": _("Status: {status}"), "changes": _("Changes since the last workshop"),
            "unchanged": _("Nothing has changed."), "more": _("\u2026 and {count} more"),
            "parking": _("Parking lot"), "nothing_parked": _("Nothing parked yet."),
            "messages": _("Messages: {stage}"),
        }


def _continued(title: str, part: int, w: Mapping[str, str]) -> dict[str, Any]:
    """A slide's title, part and base title, as Slide's keywords."""
    shown = title if part == 0 else w["continued"].format(title=title)
    return {"title": shown, "part": int(part > 0), "base_title": title}


def _intro_slide(key: str, title: str, intro: tuple[str, ...],
                 facts: tuple[tuple[str, str], ...], w: Mapping[str, str], a: int,
                 b: int) -> "Slide":
    return Slide(key, lines=intro if a == 0 else (), facts=facts[a:b], **_continued(title, a, w))


def _proposals_slide(proposals: tuple[tuple[str, ...], tuple[str, ...]], w: Mapping[str, str],
                     a: int, b: int) -> "Slide":
    return Slide("goals", columns=(
        (w["from_sales"], proposals[0][a:b]), (w["from_marketing"], proposals[1][a:b])),
        kind="proposals", **_continued(w["proposals"], a, w))


def _rides_slide(rides: tuple[tuple[str, str], ...], w: Mapping[str, str], a: int,
                 b: int) -> "Slide":
    return Slide("rides", kind="rides", items=rides[a:b],
                 lines=() if rides else (w["no_rides"],), **_continued(w["next_rides"], a, w))


def _table_slide(key: str, title: str, table: Table, w: Mapping[str, str], a: int,
                 b: int) -> "Slide":
    return Slide(key, table=Table(table.columns, table.rows[a:b], table.widths),
                 whole_table=table, **_continued(title, a, w))


def _goal_slide(key: str, card: GoalCard, w: Mapping[str, str], a: int, b: int) -> "Slide":
    return Slide(key, facts=card.facts[a:b], goal_key=card.key,
                 **_continued(f"{card.number}. {card.title}", a, w))


def _charts_slide(key: str, title: str, charts: MetricCharts, w: Mapping[str, str], a: int,
                  b: int) -> "Slide":
    return Slide(key, figure=MetricCharts(charts.series[a:b]), **_continued(title, a, w))


def slides_from_outline(outline: Outline,
                        proposals: tuple[tuple[str, ...], tuple[str, ...]] = ((), ()),
                        parked: tuple[str, ...] = (),
                        next_rides: tuple[tuple[str, str], ...] = (),
                        changes: tuple[str, ...] | None = None,
                        messages: MessageStages = (),
                        parked_items: tuple[tuple[str, str], ...] = (),
                        fits: Fits | None = None,
                        dividers: Mapping[str, tuple[tuple[str, str], ...]] | None = None,
                        fit_only: Collection[str] | None = None,
                        fitted: dict[str, list[Slide]] | None = None,
                        survey: tuple[str, tuple[str, ...]] | None = None) -> list[Slide]:
    """The outline's slides, with the changes since the last workshop after
    the title slide (when there was one), the two sides' proposals after the
    goals' title slide, the next rides after the rides' title slide, the
    messages stage by stage (to approve and reword live), and the parking lot
    at the end (`parked_items`, to pick and close; or `parked`, to show).
    With `fits`, tables, lists, facts and charts are cut into as many slides
    as the screen needs; without it, a fixed number a slide. `fit_only` names
    the sections cut by `fits` (the others a fixed number a slide, for now);
    `fitted` keeps each section's slides cut by `fits`, to be used again.
    `survey` (its title and lines) is the network survey's slide, after the
    network's first slides, where the room answers it."""
    w = words(outline.language)
    slides = [Slide("", outline.title, (outline.company, outline.period,
                                        w["status"].format(status=outline.status)),
                    outline.sponsors)]
    if changes is not None:
        shown = changes[:CHANGES_SHOWN] + ((w["more"].format(count=len(changes) - CHANGES_SHOWN),)
                                           if len(changes) > CHANGES_SHOWN else ())
        slides.append(Slide("", w["changes"], shown or (w["unchanged"],)))
    for section in outline.sections:
        if section.key in SLIDELESS:
            continue  # the workshop's own parking-lot slide, where topics are added
        cut = fits if fit_only is None or section.key in fit_only else None
        known = fitted.get(section.key) if fitted is not None and cut is not None else None
        if known is None:
            # "goals:intro" in fit_only: the section's first slides only (where
            # the workshop opens), the rest a fixed number a slide for now.
            intro = fits if cut is None and f"{section.key}:intro" in (fit_only or ()) else None
            known = section_slides(section, proposals, next_rides, messages, cut, dividers,
                                   intro, outline.language, survey)
            if fitted is not None and cut is not None:
                fitted[section.key] = known
        slides += known
    if parked_items:
        slides.append(Slide("parking", w["parking"], kind="parking",
                            items=parked_items[:ROWS_PER_SLIDE]))
    else:
        slides.append(Slide("parking", w["parking"], parked or (w["nothing_parked"],),
                            kind="parking"))
    return slides


def section_slides(section: Section, proposals: tuple[tuple[str, ...], tuple[str, ...]],
                   next_rides: tuple[tuple[str, str], ...], messages: MessageStages,
                   fits: Fits | None,
                   dividers: Mapping[str, tuple[tuple[str, str], ...]] | None,
                   intro_fits: Fits | None = None, language: str = "en",
                   survey: tuple[str, tuple[str, ...]] | None = None) -> list[Slide]:
    """One section's slides (see slides_from_outline); `intro_fits` cuts
    its first slides to fit when `fits` cuts none; their own words in
    `language` (the outline's)."""
    return list(each_section_slide(section, proposals, next_rides, messages, fits, dividers,
                                   intro_fits, language, survey))


def each_section_slide(section: Section, proposals: tuple[tuple[str, ...], tuple[str, ...]],
                       next_rides: tuple[tuple[str, str], ...], messages: MessageStages,
                       fits: Fits | None,
                       dividers: Mapping[str, tuple[tuple[str, str], ...]] | None,
                       intro_fits: Fits | None = None, language: str = "en",
                       survey: tuple[str, tuple[str, ...]] | None = None
                       ) -> Iterator[Slide]:
    """`section_slides` one slide at a time (each cut to fit as it comes)."""
    w = words(language)
    intro = tuple(b.text for b in section.blocks if isinstance(b, Paragraph))
    facts = next((b.pairs for b in section.blocks if isinstance(b, Facts)), ())
    facts = (dividers or {}).get(section.key, ()) + facts  # a divider that says something
    yield from _chunks(max(1, len(facts)), partial(_intro_slide, section.key, section.title,
                                                   intro, facts, w), fits or intro_fits,
                       ROWS_PER_SLIDE)
    if section.key == "goals":
        yield from _chunks(max(1, len(proposals[0]), len(proposals[1])),
                           partial(_proposals_slide, proposals, w), fits, 1_000)
    if section.key == "rides":
        yield from _chunks(max(1, len(next_rides)), partial(_rides_slide, next_rides, w), fits,
                           ROWS_PER_SLIDE)
    if section.key == "messaging":
        yield from _message_slides(messages, w, fits)
        return
    if section.key == "network" and survey is not None:
        yield Slide("network", survey[0], survey[1], kind="survey")
    for block in section.blocks:
        if isinstance(block, Table) and block.rows and block.on_slides:
            yield from _chunks(len(block.rows), partial(_table_slide, section.key,
                                                        section.title, block, w),
                               fits, ROWS_PER_SLIDE)
        elif isinstance(block, GoalCard):
            yield from _chunks(max(1, len(block.facts)), partial(_goal_slide, section.key,
                                                                 block, w),
                               fits, len(block.facts) or 1)
        elif isinstance(block, MetricCharts) and block.series:
            yield from _chunks(len(block.series), partial(_charts_slide, section.key,
                                                          section.title, block, w),
                               fits, len(block.series))
        elif isinstance(block, (Timeline, FunnelFigure, NetworkFigure)):
            yield Slide(section.key, section.title, figure=block)


def _message_slides(stages: MessageStages, w: Mapping[str, str],
                    fits: Fits | None = None) -> Iterator[Slide]:
    """A slide per funnel stage with messages: at most five, and as many as
    fit the screen with the picked one in full (`fits` asks of each); the
    rest on the stage's next slides, numbered (2), (3)."""
    for name, items in stages:
        title = w["messages"].format(stage=name)

        def part(start: int, end: int, items: tuple[MessageItem, ...] = items,
                 title: str = title) -> Slide:
            chosen = items[start:end]
            # Fitted with the widest number a part of the stage can have.
            more = f" ({len(items)})" if end - start < len(items) else ""
            return Slide("messaging", title + more, kind="messages",
                         items=tuple((m.message_id, m.line) for m in chosen),
                         details=tuple(m.facts for m in chosen))

        for n, slide in enumerate(_chunks(len(items), part, fits, MESSAGES_PER_SLIDE,
                                          MESSAGES_PER_SLIDE)):
            yield replace(slide, title=f"{title} ({n + 1})") if len(slide.items) < len(
                items) else slide


def first_slide_of(slides: list[Slide], section: str) -> int:
    return next((n for n, s in enumerate(slides) if s.section == section), 0)
