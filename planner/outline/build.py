"""The whole outline of a plan, section by section as the registry lists them."""

from collections.abc import Callable

from planner import i18n
from planner.i18n import _
from planner.model import CheckIn, FieldRide, Goal, Person
from planner.model.enums import label
from planner.model.reader import PlanReader
from planner.outline import checkins as oc
from planner.outline import library
from planner.outline import plan_sections as ps
from planner.outline.blocks import Outline, Section
from planner.outline.funnel import funnel_section, metrics_section
from planner.outline.options import ExportOptions
from planner.rules.checkins import by_goal
from planner.outline.network import network_section
from planner.outline.training import training_section
from planner.outline.rides import rides_section
from planner.outline.summary import summary_section
from planner.sections import DOCUMENT_KEYS


def build_outline(reader: PlanReader, options: ExportOptions | None = None,
                  changes_since: str | None = None) -> Outline:
    """The plan as a neutral document, in the plan's language (else the one
    spoken now); `options` choose sections and marks; `changes_since` (a
    version's name or id, of a plan file's store) adds the appendix of every
    change since it, last, in the document's language too."""
    code = reader.plan().language.value or i18n.language()
    with i18n.speaking(code):
        appendices: tuple[Section, ...] = ()
        if changes_since is not None:
            from planner.outline.changes import appendix, since

            appendices = (appendix(*since(reader, changes_since)),)  # type: ignore[arg-type]
        return _outline(reader, options, appendices, code)


def _outline(reader: PlanReader, options: ExportOptions | None,
             appendices: tuple[Section, ...], code: str) -> Outline:
    plan = reader.plan()
    people = sorted(reader.rows(Person), key=lambda p: (p.team.name, p.name, p.id))
    goals = reader.rows(Goal)
    names = ps.names_of(people)
    left = {p.id for p in people if p.left_plan}
    counts = {_("People"): len(people), _("Goals"): len(goals),
              _("Field rides"): len(reader.rows(FieldRide))}
    include_debriefs = options.include_debriefs if options else True
    found: list[dict[str, list[CheckIn]]] = []

    def history() -> dict[str, list[CheckIn]]:
        if not found:
            found.append(by_goal(reader.rows(CheckIn)))
        return found[0]

    builders: dict[str, Callable[[], Section]] = {
        "summary": lambda: summary_section(reader, _since_last_version(reader)),
        "overview": lambda: ps.overview(plan, names, counts),
        "goals": lambda: ps.goals_section(goals, names, left, ps.linked_metrics(reader),
                                          history()),
        "confidence": lambda: oc.confidence_section(goals, history(), names),
        "checkins": lambda: oc.history_section(goals, history(), names),
        "signoff": lambda: ps.signoff_section(goals, names, {
            "sales": plan.head_of_sales_id, "marketing": plan.head_of_marketing_id}),
        "rides": lambda: rides_section(reader, people, include_debriefs),
        "metrics": lambda: metrics_section(reader),
        "funnel": lambda: funnel_section(reader),
        "messaging": lambda: library.messaging_section(reader, names),
        "people": lambda: ps.people_section(people),
        "reviews": lambda: library.reviews_section(reader, names),
        "parking": lambda: library.parking_section(reader),
        "network": lambda: network_section(reader),
        "training": lambda: training_section(reader),
    }
    wanted = [k for k in DOCUMENT_KEYS if options is None or options.wants(k)]
    mark = options.mark if options and options.mark != "auto" else plan.status.value
    return Outline(
        title=plan.title, company=plan.company,
        period=ps.period_text(plan.period_start, plan.period_end),
        status=label(plan.status),
        sponsors=((_("Head of sales"), names.get(plan.head_of_sales_id, ps.DASH)),
                  (_("Head of marketing"), names.get(plan.head_of_marketing_id, ps.DASH))),
        sections=(*(builders[k]() for k in wanted), *appendices), mark=mark,
        sign_offs=ps.latest_sign_offs(goals, names, plan), language=code)


def _since_last_version(reader: PlanReader) -> str | None:
    """What changed since the plan's last saved version (one sentence), when
    the reader is a plan file that has versions."""
    versions = getattr(reader, "versions", None)
    if versions is None:
        return None
    saved = [v for v in versions() if not v.automatic]
    if not saved:
        return None
    from planner.outline.changes import between, differences, summary

    last = saved[-1]
    old, new = reader.state(last.seq), reader.state()  # type: ignore[attr-defined]
    found = differences(between(old, new), old, new)
    return (_("{changes} since \u201c{version}\u201d").format(changes=summary(found),
                                                             version=last.name) if found
            else _("nothing since \u201c{version}\u201d").format(version=last.name))
