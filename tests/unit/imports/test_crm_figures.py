"""What the plan's CRM data says of the handoff: the promise measured (the
stage where marketing hands over), the current leads (a re-import updates
rather than duplicates) and the months the promise was missed, as
`tandem check` says them, checked against the reference lead by lead."""

from dataclasses import replace
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

from planner.imports.crm_figures import current_leads, handoff_findings, promise, working_time
from planner.imports.crm_flow import prepare
from planner.imports.crm_sample import leads, write_contacts
from planner.model import FunnelStage
from planner.model.crm import LeadRow
from planner.model.enums import ServiceClock
from planner.operations import crm
from planner.operations.rows import edit
from planner.rules import handoff as reference
from planner.store.plan_store import PlanStore
from tests.conftest import run_tandem

OWNERS = ("Ines Berg", "Jonas Petrov")
REGIONS = ("North", "South", "West")
NOW = datetime(2026, 11, 30, tzinfo=timezone.utc)


def take(store: PlanStore, path: Path) -> None:
    made = prepare(path, "hubspot", "UTC")
    change, _ = crm.take_in_export(store.acting, made, path.name)
    store.commit(change)


def one_day(store: PlanStore) -> FunnelStage:
    stage = next(s for s in store.rows(FunnelStage) if s.name == "Marketing-qualified")
    store.commit(edit(stage, sla_amount=1.0, sla_clock=ServiceClock.WORKING_DAYS))
    return stage


def test_the_promise_is_the_handover_stages(sample_path: Path) -> None:
    with PlanStore.open(sample_path) as store:
        stage, level = promise(store)  # type: ignore[misc]
        assert stage.name == "Marketing-qualified"
        assert level == reference.ServiceLevel(2, reference.Clock.WORKING_DAYS)  # its sentence
        one_day(store)
        assert promise(store)[1] == reference.ServiceLevel(  # type: ignore[index]
            1, reference.Clock.WORKING_DAYS)


def test_a_newer_export_updates_the_leads_it_holds_and_adds_the_rest(
        sample_path: Path, tmp_path: Path) -> None:
    first = list(leads(date(2026, 6, 1), 2, 200, OWNERS, REGIONS, "South"))
    later = [replace(r, owner="Mara Ochs") for r in first[150:]] + list(
        leads(date(2026, 8, 1), 1, 50, OWNERS, REGIONS, "South", seed=9))
    later = [replace(r, crm_id=f"9{r.crm_id}") if n >= 50 else r for n, r in enumerate(later)]
    write_contacts(tmp_path / "june.csv", first)
    write_contacts(tmp_path / "august.csv", later)
    with PlanStore.open(sample_path) as store:
        take(store, tmp_path / "june.csv")
        take(store, tmp_path / "august.csv")
        columns, zone = current_leads(store)  # type: ignore[misc]
    assert zone == "UTC" and len(columns.mql) == 250
    owners = [columns.names["owner"][c] for c in columns.owner.tolist()]
    assert owners.count("Mara Ochs") == 50  # the 50 leads the newer export holds again


def test_the_months_the_promise_was_missed_are_said_with_the_worst_region(
        sample_path: Path, tmp_path: Path) -> None:
    rows = list(leads(date(2026, 5, 1), 4, 1200, OWNERS, REGIONS, "South"))
    write_contacts(tmp_path / "contacts.csv", rows)
    with PlanStore.open(sample_path) as store:
        stage = one_day(store)
        take(store, tmp_path / "contacts.csv")
        found = handoff_findings(store, NOW)
        work = working_time(store, "UTC")
    minute = [replace(r, mql_at=r.mql_at.replace(second=0, microsecond=0),
                      followed_up_at=r.followed_up_at.replace(second=0, microsecond=0)
                      if r.followed_up_at else None) for r in rows]
    expected = reference.adherence(minute, reference.ServiceLevel(
        1, reference.Clock.WORKING_DAYS), work, NOW)
    said = []
    for month, figures in expected.items():
        a = figures.all
        if a.met / a.judged < 0.95:
            south = figures.by_region["South"]
            label = datetime.strptime(month, "%Y-%m").strftime("%B %Y")
            said.append(f"Handoff promise (one working day) missed for "
                        f"{(a.late + a.never) / a.judged:.0%} of MQLs in {label} "
                        f"({a.late + a.never:,} of {a.judged:,}; South: "
                        f"{(south.late + south.never) / south.judged:.0%}).")
    assert said and [f.message for f in found] == said
    assert {f.row_id for f in found} == {stage.id} and {f.section for f in found} == {"funnel"}


def test_tandem_check_says_it(sample_path: Path, tmp_path: Path) -> None:
    rows = list(leads(date(2026, 5, 1), 2, 600, OWNERS, REGIONS, "South"))
    write_contacts(tmp_path / "contacts.csv", rows)
    with PlanStore.open(sample_path) as store:
        one_day(store)
        take(store, tmp_path / "contacts.csv")
    done = run_tandem("check", str(sample_path))
    lines = [line for line in done.stdout.splitlines() if "Handoff promise" in line]
    assert lines and all(line.startswith("funnel: Handoff promise (one working day) missed "
                                         "for ") and "South:" in line for line in lines)
    assert "May 2026" in lines[0] and "Traceback" not in done.stderr
    german = run_tandem("check", str(sample_path), env={"LANGUAGE": "de",
                                                         "LANG": "de_DE.UTF-8"})
    said = [line for line in german.stdout.splitlines() if "Übergabezusage" in line]
    assert len(said) == len(lines) and "Mai 2026" in said[0] and "MQLs im" in said[0]
    assert "Handoff" not in german.stdout and "missed" not in german.stdout


def test_the_document_and_the_funnel_slide_say_the_latest_month(sample_path: Path,
                                                                 tmp_path: Path) -> None:
    from planner.outline.blocks import Paragraph
    from planner.outline.build import build_outline
    from planner.outline.slides import slides_from_outline

    rows = list(leads(date(2026, 5, 1), 3, 600, OWNERS, REGIONS, "South"))
    write_contacts(tmp_path / "contacts.csv", rows)
    with PlanStore.open(sample_path) as store:
        one_day(store)
        before = build_outline(store)
        take(store, tmp_path / "contacts.csv")
        outline = build_outline(store)
    said = [b.text for s in outline.sections if s.key == "funnel" for b in s.blocks
            if isinstance(b, Paragraph) and b.text.startswith("Handoff (")]
    assert len(said) == 1 and said[0].startswith(
        "Handoff (Marketing-qualified, one working day): ")
    assert " followed up in time (the aim: 95%); " in said[0] and "Lowest: South" in said[0]
    assert not [b for s in before.sections if s.key == "funnel" for b in s.blocks
                if isinstance(b, Paragraph) and b.text.startswith("Handoff (")]
    slide = next(s for s in slides_from_outline(outline) if s.section == "funnel")
    assert said[0] in slide.lines


def test_leads_without_a_promise_to_measure_ask_for_one(sample_path: Path, tmp_path: Path) -> None:
    from planner.imports.crm_figures import handoff_summary

    rows = list(leads(date(2026, 5, 1), 1, 50, OWNERS, REGIONS, "South"))
    write_contacts(tmp_path / "contacts.csv", rows)
    with PlanStore.open(sample_path) as store:
        for stage in store.rows(FunnelStage):  # no stage says a promise in words Tandem reads
            store.commit(edit(stage, handoff_service_level="As soon as we can.",
                              sla_amount=None, sla_clock=None))
        take(store, tmp_path / "contacts.csv")
        said = handoff_summary(store, NOW)
    assert said is not None and said.startswith("50 leads are taken in, but no handoff promise")
    assert "\u201cPromise measured\u201d column" in said
