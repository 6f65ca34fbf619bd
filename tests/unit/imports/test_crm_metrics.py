"""Metrics computed from the CRM data: hand-worked figures (a week with a
holiday, a lead qualified on Friday evening, one followed up before it was
qualified, one recycled and qualified again), the figures checked against the
reference lead by lead on generated exports, read-only actuals, and the
figures following an undo, a newer export and a merge of two copies."""

import shutil
from datetime import date, datetime, timezone
from pathlib import Path

import pytest

from planner.changes import ChangeSet, added
from planner.errors import InvalidEdit
from planner.imports.crm_figures import working_time
from planner.imports.crm_flow import prepare
from planner.imports.crm_metrics import actuals, figure_values
from planner.imports.crm_sample import leads, write_contacts, write_deals
from planner.model import FunnelStage, Metric, MetricValue, NonWorkingDay
from planner.model.crm import DealRow, LeadRow, Outcome
from planner.model.enums import Cadence, MetricDirection, ServiceClock
from planner.operations import crm
from planner.operations.metrics import compute_from, record_actuals
from planner.operations.rows import edit, new
from planner.rules import handoff as reference
from planner.store.merge import merge_change
from planner.store.merge import prepare as prepare_merge
from planner.store.plan_store import PlanStore
from tests.conftest import run_tandem

NOW = datetime(2027, 4, 1, 9, 0, tzinfo=timezone.utc)


def at(day: int, hour: int, month: int = 3) -> datetime:
    return datetime(2027, month, day, hour, tzinfo=timezone.utc)


# March 2027, promise one working day, 09:00-17:00, weekends off, Wednesday
# the 10th a holiday. Times taken in working days.
HAND = [
    LeadRow(2, "L1", at(8, 10), at(8, 15), sql_at=at(9, 10)),  # 5 h: met
    LeadRow(3, "L2", at(5, 18), at(8, 16)),     # Friday evening: 7 h of Monday, met
    LeadRow(4, "L3", at(9, 12), at(11, 11)),    # 5 h + the holiday + 2 h: met
    LeadRow(5, "L4", at(15, 9), at(17, 9), sql_at=at(18, 9)),  # 16 h: late
    LeadRow(6, "L5", at(16, 10)),               # never followed up
    LeadRow(7, "L6", at(18, 10), at(17, 10)),   # touched before it qualified: met at once
    LeadRow(8, "L7", at(22, 10), at(1, 10), recycled_at=at(5, 10),
            recycle_reason="No budget"),        # that touch answered the earlier cycle: never
    LeadRow(9, "L8", at(1, 9, 4)),              # April, not due yet
]
DEALS = [
    DealRow(2, "D1", "Closed Won", Outcome.WON, at(2, 10), 10_000.0, date(2027, 3, 20)),
    DealRow(3, "D2", "Contract Sent", Outcome.OPEN, at(5, 10), 5_000.0),
    DealRow(4, "D3", "Closed Won", Outcome.WON, at(10, 10, 2), 7_000.0, date(2027, 3, 1)),
    DealRow(5, "D4", "Closed Lost", Outcome.LOST, at(8, 10), 3_000.0, date(2027, 3, 25)),
]


def take(store: PlanStore, path: Path) -> ChangeSet:
    change, _ = crm.take_in_export(store.acting, prepare(path, "hubspot", "UTC"), path.name)
    return store.commit(change)


def hand_plan(store: PlanStore, folder: Path, rows: list[LeadRow] = HAND) -> ChangeSet:
    stage = next(s for s in store.rows(FunnelStage) if s.name == "Marketing-qualified")
    store.commit(edit(stage, sla_amount=1.0, sla_clock=ServiceClock.WORKING_DAYS))
    store.commit(ChangeSet("Holiday", (added(new(NonWorkingDay, day=date(2027, 3, 10),
                                                 occasion="Town fair")),)))
    write_contacts(folder / "contacts.csv", rows)
    return take(store, folder / "contacts.csv")


def test_hand_worked_lead_figures_per_month_and_quarter(sample_path: Path,
                                                        tmp_path: Path) -> None:
    with PlanStore.open(sample_path) as store:
        hand_plan(store, tmp_path)

        def values(key: str, cadence: Cadence = Cadence.MONTHLY) -> dict[str, float]:
            return figure_values(store, key, cadence, NOW)

        assert values("mqls") == {"2027-03": 7, "2027-04": 1}
        assert values("mqls", Cadence.QUARTERLY) == {"2027-Q1": 7, "2027-Q2": 1}
        assert values("handoff_kept") == {"2027-03": round(100 * 4 / 7, 1)}  # April not due
        assert values("never_followed_up") == {"2027-03": 2}
        # Taken: 0 (L6), 5/8 (L1), 7/8 (L2), 7/8 (L3), 2 (L4) working days.
        assert values("follow_up_median") == {"2027-03": 0.9}
        assert values("sent_back") == {"2027-03": 1}
        assert values("mql_to_sql") == {"2027-03": round(100 * 2 / 7, 1), "2027-04": 0.0}
        assert values("revenue_won") == {}  # no deals taken in


def test_hand_worked_deal_figures(sample_path: Path, tmp_path: Path) -> None:
    write_deals(tmp_path / "deals.csv", DEALS)
    with PlanStore.open(sample_path) as store:
        take(store, tmp_path / "deals.csv")
        assert figure_values(store, "pipeline_created", Cadence.MONTHLY) == {
            "2027-02": 7_000, "2027-03": 18_000}
        assert figure_values(store, "revenue_won", Cadence.MONTHLY) == {"2027-03": 17_000}
        assert figure_values(store, "deals_won", Cadence.QUARTERLY) == {"2027-Q1": 2}


@pytest.mark.parametrize("clock", list(ServiceClock))
def test_the_computed_share_agrees_with_the_reference_lead_by_lead(
        sample_path: Path, tmp_path: Path, clock: ServiceClock) -> None:
    rows = list(leads(date(2027, 1, 1), 4, 900, ("Ines Berg", "Jonas Petrov"),
                      ("North", "South"), "South", seed=11))
    write_contacts(tmp_path / "contacts.csv", rows)
    now = datetime(2027, 5, 15, tzinfo=timezone.utc)
    with PlanStore.open(sample_path) as store:
        stage = next(s for s in store.rows(FunnelStage) if s.name == "Marketing-qualified")
        store.commit(edit(stage, sla_amount=10.0, sla_clock=clock))
        take(store, tmp_path / "contacts.csv")
        kept = figure_values(store, "handoff_kept", Cadence.MONTHLY, now)
        never = figure_values(store, "never_followed_up", Cadence.QUARTERLY, now)
        work = working_time(store, "UTC")
    level = reference.ServiceLevel(10, reference.CLOCKS[clock])
    minute = [r.__class__(**{**{f: getattr(r, f) for f in r.__slots__},  # as the CSV holds them
                             "mql_at": r.mql_at.replace(second=0, microsecond=0),
                             "followed_up_at": r.followed_up_at.replace(second=0, microsecond=0)
                             if r.followed_up_at else None}) for r in rows]
    expected: dict[str, list[int]] = {}
    quarters: dict[str, int] = {}
    for lead in minute:
        state = reference.handoff(lead, level, work, now).state
        month = reference.month_of(lead.mql_at.date())
        counts = expected.setdefault(month, [0, 0])
        if state is not reference.State.WAITING:
            counts[1] += 1
            counts[0] += state is reference.State.MET
            quarter = f"{month[:4]}-Q{(int(month[5:]) - 1) // 3 + 1}"
            quarters[quarter] = quarters.get(quarter, 0) + (state is reference.State.NEVER)
    assert kept == {m: round(100 * c[0] / c[1], 1) for m, c in expected.items() if c[1]}
    assert never == quarters
    assert len(kept) == 4 and 0 < min(kept.values()) < 100


def test_a_computed_metric_reads_its_figure_and_its_typed_actuals_wait(
        sample_path: Path, tmp_path: Path) -> None:
    with PlanStore.open(sample_path) as store:
        hand_plan(store, tmp_path)
        metric = next(m for m in store.rows(Metric) if m.name == "Marketing-qualified leads")
        typed = sorted((v.period, v.actual) for v in store.rows(MetricValue)
                       if v.metric_id == metric.id)
        assert typed
        store.commit(compute_from(metric, "mqls"))
        metric = store.get(Metric, metric.id)
        assert metric is not None and metric.computed == "mqls" and metric.unit == "count"
        shown = [(v.period, v.actual, v.note) for v in actuals(store, NOW)
                 if v.metric_id == metric.id]
        assert [s[:2] for s in shown] == [("2027-03", 7.0), ("2027-04", 1.0)]
        assert shown[0][2].startswith("Computed from the CRM leads of contacts.csv, taken in")
        number = [m.id for m in store.rows(Metric)].index(metric.id)
        with pytest.raises(InvalidEdit, match=rf"metrics\[{number}\] .Marketing-qualified leads.:"
                                              " its actuals are computed"):
            record_actuals(store, [(metric.id, "2027-05", 12.0, "")])
        store.commit(compute_from(metric, ""))  # typed again: the typed actuals come back
        assert sorted((v.period, v.actual) for v in actuals(store)
                      if v.metric_id == metric.id) == typed
        with pytest.raises(InvalidEdit, match="no figure Tandem computes"):
            compute_from(metric, "lunch_breaks")


def test_a_figure_with_its_own_direction_gives_it_to_the_metric(sample_path: Path) -> None:
    with PlanStore.open(sample_path) as store:
        metric = store.rows(Metric)[0]
        store.commit(compute_from(metric, "never_followed_up"))
        after = store.get(Metric, metric.id)
        assert after is not None and after.direction is MetricDirection.LOWER_IS_BETTER
        assert actuals(store) and not [v for v in actuals(store) if v.metric_id == metric.id]


def test_figures_follow_an_undo_a_newer_export_and_a_merge(sample_path: Path,
                                                           tmp_path: Path) -> None:
    copy = tmp_path / "copy.tandem"
    shutil.copyfile(sample_path, copy)
    with PlanStore.open(sample_path) as store:
        change = hand_plan(store, tmp_path)
        metric = store.rows(Metric)[0]
        store.commit(compute_from(metric, "handoff_kept"))
        assert figure_values(store, "handoff_kept", Cadence.MONTHLY, NOW) == {"2027-03": 57.1}
        undone = store.commit(change.inverse())
        assert figure_values(store, "handoff_kept", Cadence.MONTHLY, NOW) == {}
        store.commit(undone.inverse())
        # The CRM's newer export: L5 was followed up after all, within the day.
        newer = [r if r.crm_id != "L5" else LeadRow(6, "L5", at(16, 10), at(16, 14))
                 for r in HAND]
        write_contacts(tmp_path / "newer.csv", newer)
        take(store, tmp_path / "newer.csv")
        assert figure_values(store, "handoff_kept", Cadence.MONTHLY, NOW) == {"2027-03": 71.4}
    # Another copy takes in April's leads; the merge counts both.
    april = [LeadRow(2, "A1", at(5, 10, 4), at(5, 11, 4)), LeadRow(3, "A2", at(6, 10, 4))]
    write_contacts(tmp_path / "april.csv", april)
    with PlanStore.open(copy) as theirs:
        take(theirs, tmp_path / "april.csv")
    with PlanStore.open(sample_path) as mine, PlanStore.open(copy, read_only=True) as theirs:
        mine.commit(merge_change(mine, prepare_merge(mine, theirs)))
        later = datetime(2027, 5, 1, tzinfo=timezone.utc)
        # April: A1 met, A2 and this copy's L8 never followed up.
        assert figure_values(mine, "handoff_kept", Cadence.MONTHLY, later) == {
            "2027-03": 71.4, "2027-04": 33.3}


def test_the_command_line_says_a_computed_metric_and_a_damaged_import(
        sample_path: Path, tmp_path: Path) -> None:
    import sqlite3

    with PlanStore.open(sample_path) as store:
        hand_plan(store, tmp_path)
        store.commit(compute_from(store.rows(Metric)[0], "mqls"))
    done = run_tandem("check", str(sample_path))
    assert "[computed from the CRM data: Marketing-qualified leads]" in done.stdout
    conn = sqlite3.connect(sample_path)
    (data,) = conn.execute("SELECT data FROM crm_data").fetchone()
    spoilt = [bytes(data[:200]) + bytes([data[200] ^ 0xFF]) + bytes(data[201:]),  # a bit flipped
              "text, not the kept rows"]  # another program's text where the rows were
    for damage in spoilt:
        conn.execute("UPDATE crm_data SET data = ?", (damage,))
        conn.commit()
        done = run_tandem("check", str(sample_path))
        assert done.returncode == 1 and "Traceback" not in done.stderr, done.stderr
        assert "integrity: the rows of contacts.csv cannot be read" in done.stdout, done
        assert "its figures are left out" in done.stdout
        assert "metric status: Marketing-qualified leads: " in done.stdout
    conn.close()
