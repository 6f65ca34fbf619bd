"""The plan's CRM data as one set of leads, and what the handoff promise
makes of it: the figures `tandem check` says.

The current leads are each CRM id's row from the newest import that holds
it (a re-import of the same source updates rather than duplicates). The
promise measured is the one of the stage where marketing hands over to
sales (else the first stage that has one): its value (`sla_amount`,
`sla_clock`) or, where it has none, its handoff sentence where that says
exactly one. Working time is the plan's
(weekends off unless the plan works them, its non-working days, 09:00 to
17:00) in the time zone the import was read in.
"""

import json
from datetime import datetime, time, timezone

import numpy as np

from planner.imports.crm_columns import from_blob, lead_columns
from planner.model import CrmImport, FunnelStage, NonWorkingDay
from planner.model.enums import CrmKind, EngagedTeam
from planner.rules.findings import Finding
from planner.rules.handoff import CLOCKS, ServiceLevel, WorkingTime, parse_service_level
from planner.rules.handoff_columns import LeadColumns, adherence
from planner.store.plan_store import PlanStore

KEPT = 0.95  # the share of leads the promise is kept for, unless a target says otherwise


def promise(store: PlanStore) -> tuple[FunnelStage, ServiceLevel] | None:
    """The handoff promise the leads are measured against, and its stage:
    the stage where marketing hands over (the last engaged by marketing alone
    before one that is not), else the first stage that promises anything."""
    stages = store.rows(FunnelStage)
    handover = [a for a, b in zip(stages, stages[1:])
                if a.engaged_team is EngagedTeam.MARKETING
                and b.engaged_team is not EngagedTeam.MARKETING][:1]
    for stage in [*handover, *stages]:
        if stage.sla_amount is not None and stage.sla_clock is not None:
            return stage, ServiceLevel(stage.sla_amount, CLOCKS[stage.sla_clock])
        level = parse_service_level(stage.handoff_service_level)
        if level is not None:
            return stage, level
    return None


# The last plan's current leads, by the imports they came from: the Funnel page
# measures again on every edit of a stage or a day off, and a million leads
# take seconds to unpack, so they are unpacked once per set of imports.
_LAST: dict[tuple[str, tuple[str, ...]], tuple[LeadColumns, str] | None] = {}


def current_leads(store: PlanStore) -> tuple[LeadColumns, str] | None:
    """Every lead the plan's imports hold, each CRM id's newest, and the time
    zone they were read in (the newest import's); None without any."""
    imports = [i for i in store.rows(CrmImport) if i.holds is CrmKind.LEAD]
    if not imports:
        return None
    key = (str(store.path.resolve()), tuple(i.id for i in imports))
    if key not in _LAST:
        _LAST.clear()
        _LAST[key] = _unpacked(store, imports)
    return _LAST[key]


def _unpacked(store: PlanStore, imports: list[CrmImport]) -> tuple[LeadColumns, str] | None:
    parts, zone = [], "UTC"
    for made in imports:  # oldest first (the kind's order)
        blob = store.attached(made.id)
        if blob is None:
            continue
        reading = from_blob(blob)
        parts.append((made.crm, reading))
        try:
            zone = str(json.loads(made.mapping).get("zone", zone))
        except (ValueError, AttributeError):
            pass
    if not parts:
        return None
    columns = [lead_columns(r) for _, r in parts]
    keys = [f"{crm}\x00{i}" for crm, r in parts for i in r.ids]
    last: dict[str, int] = {}
    for n, key in enumerate(keys):
        last.pop(key, None)
        last[key] = n  # the newest import's row, in the order it came
    keep = np.fromiter(last.values(), dtype="int64", count=len(last))
    names: dict[str, list[str]] = {}
    codes: dict[str, np.ndarray] = {}
    for field in ("owner", "source", "region", "recycle_reason"):
        index: dict[str, int] = {}
        joined = []
        for c in columns:
            mapped = np.array([index.setdefault(n, len(index)) for n in c.names[field]] or [0],
                              dtype="int32")
            joined.append(mapped[getattr(c, field if field != "recycle_reason" else "reason")])
        names[field], codes[field] = list(index), np.concatenate(joined)[keep]

    def moments(get: str) -> np.ndarray:
        joined: np.ndarray = np.concatenate([getattr(c, get) for c in columns])[keep]
        return joined

    later = {s: np.concatenate([c.later[s] for c in columns if c.later])[keep]
             for s in ("sql_at", "opportunity_at", "customer_at")}
    return LeadColumns(moments("mql"), moments("touch"), moments("recycled"), codes["owner"],
                       codes["source"], codes["region"], names, codes["recycle_reason"],
                       later), zone


def working_time(store: PlanStore, zone: str) -> WorkingTime:
    plan = store.plan()
    return WorkingTime(weekdays=frozenset(range(5)) if plan.exclude_weekends
                       else frozenset(range(7)), start=time(9), end=time(17),
                       days_off=frozenset(d.day for d in store.rows(NonWorkingDay)), zone=zone)


def handoff_findings(store: PlanStore, now: datetime | None = None) -> list[Finding]:
    """Each month the promise was kept for fewer than 95% of the leads
    qualified then, with the region that missed it most."""
    found = promise(store)
    leads = current_leads(store)
    if found is None or leads is None:
        return []
    stage, level = found
    columns, zone = leads
    figures = adherence(columns, level, working_time(store, zone),
                        now or datetime.now(timezone.utc))
    out = []
    for month, groups in figures.items():
        met, late, never, _, _, _ = groups[("all", "")]
        judged = met + late + never
        if not judged or met / judged >= KEPT:
            continue
        worst = max(((name, (g[1] + g[2]) / (g[0] + g[1] + g[2]))
                     for (dimension, name), g in groups.items()
                     if dimension == "region" and g[0] + g[1] + g[2]), key=lambda p: p[1],
                    default=None)
        where = f"; {worst[0]}: {worst[1]:.0%}" if worst and len(columns.names["region"]) > 1 \
            else ""
        label = datetime.strptime(month, "%Y-%m").strftime("%B %Y")
        out.append(Finding("funnel", stage.id, (
            f"Handoff promise ({level.words()}) missed for {(late + never) / judged:.0%} of "
            f"MQLs in {label} ({late + never:,} of {judged:,}{where}).")))
    return out


def handoff_summary(store: PlanStore, now: datetime | None = None) -> str | None:
    """The latest month with leads judged, in one sentence (the Funnel page's);
    None when the plan has no CRM leads or no promise to measure them by."""
    found = promise(store)
    leads = current_leads(store)
    if found is None or leads is None:
        return None
    stage, level = found
    columns, zone = leads
    figures = adherence(columns, level, working_time(store, zone),
                        now or datetime.now(timezone.utc))
    judged_months = [(m, g) for m, g in figures.items() if sum(g[("all", "")][:3])]
    if not judged_months:
        return (f"Handoff ({stage.name}, {level.words()}): none of the "
                f"{len(columns.mql):,} leads taken in is due yet.")
    month, groups = judged_months[-1]
    met, late, never = groups[("all", "")][:3]
    label = datetime.strptime(month, "%Y-%m").strftime("%B %Y")
    regions = sorted(((n, g[0] / (g[0] + g[1] + g[2])) for (d, n), g in groups.items()
                      if d == "region" and g[0] + g[1] + g[2]), key=lambda p: p[1])
    worst = f" Lowest: {regions[0][0]}, {regions[0][1]:.0%}." if len(regions) > 1 else ""
    return (f"Handoff ({stage.name}, {level.words()}): {met / (met + late + never):.0%} of "
            f"the {met + late + never:,} MQLs of {label} followed up in time (the aim: "
            f"{KEPT:.0%}); {never:,} never followed up.{worst}")
