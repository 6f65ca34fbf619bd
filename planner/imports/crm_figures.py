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
from collections.abc import Callable, Sequence
from concurrent.futures import Future
from datetime import datetime, time, timezone
from typing import Any

import numpy as np

from planner.i18n import _, day, language, month_name, ngettext, number, percent
from planner.imports.crm import Kind
from planner.imports.crm_columns import deal_columns, from_blob, lead_columns
from planner.model import CrmImport, FunnelStage, Metric, NonWorkingDay
from planner.model.enums import CrmKind, EngagedTeam, label
from planner.model.reader import PlanReader
from planner.rules.findings import Finding
from planner.rules.handoff import (
    CLOCKS, STAGE_NAMES, STAGES, ServiceLevel, WorkingTime, parse_service_level)
from planner.rules.handoff_columns import (
    WAITING, DealColumns, LeadColumns, adherence, conversion, recycled_by_reason, revenue, states)
from planner.imports.crm_memo import (
    _MEMO, FigureTable, _once, fingerprint, settled, summary_key, tables_key, worked_out)
from planner.store.blobs import BlobError

KEPT = 0.95  # the share of leads the promise is kept for, unless a target says otherwise


def promise(store: PlanReader) -> tuple[FunnelStage, ServiceLevel] | None:
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


# The last plan's current rows, by the imports they came from: the Funnel page
# measures again on every edit of a stage or a day off, and a million leads
# take seconds to unpack, so they are unpacked once per set of imports (an
# import's columns never change).
_LAST: dict[Any, "Future[Any]"] = {}


class Snapshot:
    """What the CRM figures read of a plan, taken on the thread that owns the
    plan (its rows and the imports' columns), to be worked on elsewhere."""

    KINDS = (CrmImport, FunnelStage, NonWorkingDay, Metric)

    def __init__(self, reader: PlanReader) -> None:
        self.path = getattr(reader, "path", None)
        self._plan = reader.plan()
        self._rows: dict[type[Any], Sequence[Any]] = {k: reader.rows(k) for k in self.KINDS}
        attached = getattr(reader, "attached", None)
        self._data = {i.id: attached(i.id) for i in self._rows[CrmImport]} if attached else {}

    def plan(self) -> Any:
        return self._plan

    def rows(self, kind: type[Any]) -> Sequence[Any]:
        return self._rows.get(kind, ())

    def get(self, kind: type[Any], row_id: str) -> Any:
        return next((r for r in self.rows(kind) if r.id == row_id), None)

    def attached(self, owner: str) -> bytes | None:
        return self._data.get(owner)


def _imports(reader: PlanReader, holds: CrmKind) -> list[CrmImport]:
    return [i for i in reader.rows(CrmImport) if i.holds is holds]


def _current(reader: PlanReader, holds: CrmKind) -> tuple[Any, str, tuple[str, ...]]:
    """(columns or None, time zone, what could not be read) for the kind."""
    imports = _imports(reader, holds)
    attached = getattr(reader, "attached", None)
    if not imports or attached is None:  # a version or a change in progress holds no data
        return None, "UTC", ()
    key = (str(getattr(reader, "path", id(reader))), holds, tuple(i.id for i in imports))
    found: tuple[Any, str, tuple[str, ...]] = _once(
        _LAST, key, lambda: _unpacked(imports, attached, holds), keep=2)  # one plan's two
    return found


def current_leads(reader: PlanReader) -> tuple[LeadColumns, str] | None:
    """Every lead the plan's imports hold, each CRM id's newest, and the time
    zone they were read in (the newest import's); None without any."""
    columns, zone, _ = _current(reader, CrmKind.LEAD)
    return None if columns is None else (columns, zone)


def current_deals(reader: PlanReader) -> tuple[DealColumns, str] | None:
    """Every deal the plan's imports hold, each CRM id's newest, as `current_leads`."""
    columns, zone, _ = _current(reader, CrmKind.DEAL)
    return None if columns is None else (columns, zone)


def unreadable(reader: PlanReader) -> list[str]:
    """A sentence for each import whose kept rows cannot be read (a damaged or
    hostile file): its figures are left out, never guessed."""
    return [*_current(reader, CrmKind.LEAD)[2], *_current(reader, CrmKind.DEAL)[2]]


def source_words(reader: PlanReader, holds: CrmKind) -> str:
    """Where a figure comes from, for a reader: "12,000 leads of hubspot-contacts.csv"."""
    imports = _imports(reader, holds)
    lead = holds is CrmKind.LEAD
    if not imports:
        return _("the CRM leads (none taken in yet)") if lead else \
            _("the CRM deals (none taken in yet)")
    newest = imports[-1]
    files = newest.file_name if len(imports) == 1 else ngettext(
        "{name} and {count} earlier export", "{name} and {count} earlier exports",
        len(imports) - 1).format(name=newest.file_name, count=number(len(imports) - 1))
    said = _("the CRM leads of {files}, taken in {day}") if lead else \
        _("the CRM deals of {files}, taken in {day}")
    return said.format(files=files, day=day(newest.created_at))


def _recoded(parts: list[tuple[np.ndarray, list[str]]], keep: np.ndarray
             ) -> tuple[np.ndarray, list[str]]:
    """Several imports' codes of one text column as codes into one list of names."""
    index: dict[str, int] = {}
    joined = []
    for codes, names in parts:
        mapped = np.array([index.setdefault(n, len(index)) for n in names] or [0],
                          dtype="int32")
        joined.append(mapped[codes])
    return np.concatenate(joined)[keep], list(index)


def _unpacked(imports: list[CrmImport], attached: Any, holds: CrmKind
              ) -> tuple[Any, str, tuple[str, ...]]:
    parts: list[tuple[str, Any, Any]] = []  # (crm, reading, its columns)
    zone, problems = "UTC", []
    for made in imports:  # oldest first (the kind's order)
        blob = attached(made.id)
        if blob is None:
            problems.append(_("The rows of {name} are missing from the plan file; its "
                              "figures are left out.").format(name=made.file_name[:80]))
            continue
        try:
            reading = from_blob(blob)
            if (reading.kind is Kind.LEAD) != (holds is CrmKind.LEAD):
                raise BlobError(_("they hold leads") if reading.kind is Kind.LEAD else
                                _("they hold deals"))
            columns: Any = lead_columns(reading) if holds is CrmKind.LEAD else \
                deal_columns(reading)
        except (BlobError, ValueError, KeyError, IndexError) as exc:
            problems.append(_("The rows of {name} cannot be read ({reason}); its figures "
                              "are left out.").format(name=made.file_name[:80], reason=exc))
            continue
        parts.append((made.crm, reading, columns))
        try:
            zone = str(json.loads(made.mapping).get("zone", zone))
        except (ValueError, AttributeError):
            pass
    if not parts:
        return None, zone, tuple(problems)
    keys = [f"{crm}\x00{i}" for crm, r, _ in parts for i in r.ids]
    last: dict[str, int] = {}
    for n, key in enumerate(keys):
        last.pop(key, None)
        last[key] = n  # the newest import's row, in the order it came
    keep = np.fromiter(last.values(), dtype="int64", count=len(last))

    def joined(get: Callable[[Any], np.ndarray]) -> np.ndarray:
        out: np.ndarray = np.concatenate([get(c) for _, _, c in parts])[keep]
        return out

    if holds is CrmKind.DEAL:
        return DealColumns(joined(lambda c: c.created), joined(lambda c: c.closed),
                           joined(lambda c: c.won), joined(lambda c: c.amount),
                           {g: _recoded([c.groups[g] for _, _, c in parts], keep)
                            for g in ("source", "campaign")}), zone, tuple(problems)
    names: dict[str, list[str]] = {}
    codes: dict[str, np.ndarray] = {}
    for field in ("owner", "source", "region", "recycle_reason"):
        attribute = field if field != "recycle_reason" else "reason"
        codes[field], names[field] = _recoded(
            [(getattr(c, attribute), c.names[field]) for _, _, c in parts], keep)
    def stage(name: str) -> np.ndarray:
        return joined(lambda c: c.later[name])

    later = {s: stage(s) for s in ("sql_at", "opportunity_at", "customer_at")}
    return LeadColumns(joined(lambda c: c.mql), joined(lambda c: c.touch),
                       joined(lambda c: c.recycled), codes["owner"], codes["source"],
                       codes["region"], names, codes["recycle_reason"], later
                       ), zone, tuple(problems)


def aim(reader: PlanReader) -> float:
    """The share of leads the promise is to be kept for: the target of a
    metric computed as that share, else 95%."""
    for metric in reader.rows(Metric):
        if metric.computed == "handoff_kept" and metric.target is not None \
                and 0 < metric.target <= 100:
            return metric.target / 100
    return KEPT


def working_time(store: PlanReader, zone: str) -> WorkingTime:
    plan = store.plan()
    return WorkingTime(weekdays=frozenset(range(5)) if plan.exclude_weekends
                       else frozenset(range(7)), start=time(9), end=time(17),
                       days_off=frozenset(d.day for d in store.rows(NonWorkingDay)), zone=zone)


def handoff_findings(store: PlanReader, now: datetime | None = None) -> list[Finding]:
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
    kept = aim(store)
    out = []
    for month, groups in figures.items():
        met, late, never = groups[("all", "")][:3]
        judged = met + late + never
        if not judged or met / judged >= kept:
            continue
        worst = max(((name, (g[1] + g[2]) / (g[0] + g[1] + g[2]))
                     for (dimension, name), g in groups.items()
                     if dimension == "region" and g[0] + g[1] + g[2]), key=lambda p: p[1],
                    default=None)
        where = f"; {worst[0]}: {percent(worst[1])}" if worst and \
            len(columns.names["region"]) > 1 else ""
        out.append(Finding("funnel", stage.id, _(
            "Handoff promise ({promise}) missed for {share} of MQLs in {month} ({missed} of "
            "{judged}{where}).").format(
                promise=level.words(), share=percent((late + never) / judged),
                month=month_name(month), missed=number(late + never), judged=number(judged),
                where=where)))
    return out


def handoff_summary(store: PlanReader, now: datetime | None = None) -> str | None:
    """The latest month with leads judged, in one sentence (the Funnel page's);
    None when the plan has no CRM leads or no promise to measure them by."""
    def work() -> str | None:
        said = _summary(store, now)
        broken = " ".join(unreadable(store))
        return f"{said} {broken}" if said and broken else said or broken or None

    if now is None:  # kept on disk too (`crm_memo`)
        return worked_out(store, "summary", summary_key(store), ["summary"], work,  # type: ignore[no-any-return]
                          lambda: waiting(store))
    return _once(_MEMO, summary_key(store, now), work)  # type: ignore[no-any-return]


def _summary(store: PlanReader, now: datetime | None) -> str | None:
    found = promise(store)
    leads = current_leads(store)
    if leads is None:
        return None
    if found is None:  # leads, but no promise to measure them by: asked for
        return _("{count} leads are taken in, but no handoff promise is one Tandem can "
                 "measure: type it in the Funnel page's \u201cPromise measured\u201d column (for "
                 "example 1 working day, 4 working hours or 24 hours).").format(
                     count=number(len(leads[0].mql)))
    stage, level = found
    columns, zone = leads
    figures = adherence(columns, level, working_time(store, zone),
                        now or datetime.now(timezone.utc))
    judged_months = [(m, g) for m, g in figures.items() if sum(g[("all", "")][:3])]
    if not judged_months:
        return _("Handoff ({stage}, {promise}): none of the {count} leads taken in is due "
                 "yet.").format(stage=stage.name, promise=level.words(),
                                count=number(len(columns.mql)))
    month, groups = judged_months[-1]
    met, late, never = groups[("all", "")][:3]
    named = month_name(month)
    regions = sorted(((n, g[0] / (g[0] + g[1] + g[2])) for (d, n), g in groups.items()
                      if d == "region" and g[0] + g[1] + g[2]), key=lambda p: p[1])
    worst = (" " + _("Lowest: {region}, {share}.").format(
        region=regions[0][0], share=percent(regions[0][1]))) if len(regions) > 1 else ""
    return _("Handoff ({stage}, {promise}): {share} of the {count} MQLs of {month} followed up "
             "in time (the aim: {aim}); {never} never followed up.").format(
                 stage=stage.name, promise=level.words(),
                 share=percent(met / (met + late + never)), count=number(met + late + never),
                 month=named, aim=percent(aim(store)), never=number(never)) + worst


def _share(part: int, whole: int) -> str:
    return percent(part / whole) if whole else "\u2014"


def _time(value: float | None) -> str:
    return "\u2014" if value is None else number(value, 1)


def _money(value: float) -> str:
    return number(value)


def handoff_tables(store: PlanReader, now: datetime | None = None, months: int = 6
                   ) -> list[FigureTable]:
    """The handoff measured (the last `months` months), by owner and by
    source, leads sent back by reason, stage to stage, and pipeline and
    revenue by source and campaign: what `handoff_summary` says in a
    sentence, in full. Empty without CRM data."""
    if now is None:  # kept on disk too (`crm_memo`)
        return worked_out(  # type: ignore[no-any-return]
            store, "tables", tables_key(store, months), ["tables", months],
            lambda: _tables(store, datetime.now(timezone.utc), months), lambda: waiting(store))
    return _once(_MEMO, tables_key(store, months, now),  # type: ignore[no-any-return]
                 lambda: _tables(store, now, months))


def waiting(store: PlanReader) -> bool:
    """Whether a lead waits for its follow-up now (its answer may change as time
    passes); asked before a figure is worked out, so a no holds for it."""
    found, leads = promise(store), current_leads(store)
    if found is None or leads is None:
        return False
    columns, zone = leads
    state, _ = states(columns, found[1], working_time(store, zone), datetime.now(timezone.utc))
    return bool((state == WAITING).any())


def _tables(store: PlanReader, now: datetime, months: int) -> list[FigureTable]:
    out: list[FigureTable] = []
    leads, found = current_leads(store), promise(store)
    if leads is not None:
        columns, zone = leads
        work = working_time(store, zone)
        if found is not None:
            _stage, level = found
            figures = adherence(columns, level, work, now)
            recent = list(figures.items())[-months:]
            out.append(FigureTable(
                _("The promise ({promise}), month by month").format(promise=level.words()),
                (_("Month"), _("MQLs"), _("In time"), _("Late"), _("Never"), _("Not due yet"), _("Kept"),
                 _("Median ({unit})").format(unit=label(level.clock)),
                 _("90th percentile ({unit})").format(unit=label(level.clock))),
                tuple((month, number(sum(g[:4])), number(g[0]), number(g[1]), number(g[2]),
                       number(g[3]), _share(g[0], g[0] + g[1] + g[2]), _time(g[4]), _time(g[5]))
                      for month, groups in recent for g in [groups[("all", "")]]),
                (1.4, 1, 1, 1, 1, 1.2, 1, 1.5, 1.8)))
            judged = [(m, g) for m, g in figures.items() if sum(g[("all", "")][:3])]
            if judged:
                month, groups = judged[-1]
                for dimension, title, heading in (("owner", _("By owner"), _("Owner")),
                                                  ("source", _("By source"), _("Source"))):
                    rows = sorted(((name, g) for (d, name), g in groups.items()
                                   if d == dimension), key=lambda p: p[0].casefold())
                    out.append(FigureTable(
                        _("{title}, MQLs of {month}").format(title=title, month=month),
                        (heading, _("MQLs"), _("Kept"), _("Never"),
                         _("Median ({unit})").format(unit=label(level.clock))),
                        tuple((name, number(g[0] + g[1] + g[2]),
                               _share(g[0], g[0] + g[1] + g[2]), number(g[2]), _time(g[4]))
                              for name, g in rows),
                        (3, 1, 1, 1, 1.5)))
        sent = recycled_by_reason(columns, work)
        if sent:
            reasons: dict[str, int] = {}
            for counts in sent.values():
                for reason, n in counts.items():
                    reasons[reason] = reasons.get(reason, 0) + n
            latest_month = list(sent)[-1]
            out.append(FigureTable(
                _("Leads sent back by sales, by reason"),
                (_("Reason"), _("All months"), latest_month),
                tuple((reason, number(n), number(sent[latest_month].get(reason, 0)))
                      for reason, n in sorted(reasons.items(), key=lambda p: -p[1])),
                (3, 1, 1)))
        steps = conversion(columns, work)
        if steps:
            header = [_("Month qualified"), _("MQLs")]
            for stage in STAGES[1:]:
                header.append(_("{stage} (share, median days)").format(
                    stage=_(STAGE_NAMES[stage])))
            rows_: list[tuple[str, ...]] = []
            for month, reached in list(steps.items())[-months:]:
                mqls = reached.get("mql_at", (0, None))[0]
                cells = [month, number(mqls)]
                for stage in STAGES[1:]:
                    count, days = reached.get(stage, (0, None))
                    cells.append(f"{number(count)} ({_share(count, mqls)}, {_time(days)})"
                                 if count else "\u2014")
                rows_.append(tuple(cells))
            out.append(FigureTable(_("Stage to stage"), tuple(header), tuple(rows_),
                                   (1.4, 1, 2, 2, 2)))
    deals = current_deals(store)
    if deals is not None:
        found_deals, zone = deals
        work = working_time(store, zone)
        for by, title, heading in (("source", _("Pipeline and revenue by source"), _("Source")),
                                   ("campaign", _("Pipeline and revenue by campaign"),
                                    _("Campaign"))):
            totals: dict[str, list[float]] = {}
            for by_name in revenue(found_deals, work, by).values():
                for name, (pipeline, won, made, got) in by_name.items():
                    t = totals.setdefault(name, [0.0, 0.0, 0, 0])
                    t[0] += pipeline
                    t[1] += won
                    t[2] += made
                    t[3] += got
            out.append(FigureTable(
                title, (heading, _("Pipeline created"), _("Won"), _("Deals"), _("Won deals")),
                tuple((name, _money(t[0]), _money(t[1]), number(int(t[2])), number(int(t[3])))
                      for name, t in sorted(totals.items(), key=lambda p: -p[1][0])),
                (3, 1.5, 1.5, 1, 1)))
    return out
