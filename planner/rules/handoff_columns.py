"""The handoff figures of `rules.handoff`, computed a column at a time (numpy)
for the million leads a year of a large company's CRM.

`handoff.py` says what each figure means, a lead at a time, and is the
reference: a property test holds these to it on generated exports. Here the
same is done on arrays: working time is a running count of working microseconds
(`working_time`: whole working days before a moment's local day, counted
by numpy's business-day calendar with the plan's days off, plus the part of
its own day inside working hours), so the working time between two moments
is a subtraction, and every group's counts, median and 90th percentile come
from one sort.
"""

import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import numpy as np

from planner.model.crm import DealRow, LeadRow, Outcome
from planner.rules.handoff import STAGES, Clock, ServiceLevel, WorkingTime

_EPOCH = np.datetime64("1900-01-01", "D")
_BUCKET = 900  # seconds: every zone's offset changes on a quarter hour
_US = 1_000_000  # moments are kept to the microsecond, as the rows hold them
NaT = np.datetime64("NaT", "us")

Figures = tuple[int, int, int, int, float | None, float | None]  # met late never waiting median p90


def _weekmask(work: WorkingTime) -> str:
    return "".join("1" if d in work.weekdays else "0" for d in range(7))


def _seconds(moment: datetime | None) -> np.datetime64:
    if moment is None:
        return NaT
    return np.datetime64(moment.astimezone(timezone.utc).replace(tzinfo=None), "us")


def local_seconds(work: WorkingTime, moments: np.ndarray) -> np.ndarray:
    """The moments (UTC, datetime64[us]) as the working time's local wall clock."""
    if work.zone == "UTC":
        return moments
    zone = ZoneInfo(work.zone)
    buckets = moments.astype("int64") // (_BUCKET * _US)
    unique, back = np.unique(buckets, return_inverse=True)

    def offset_at(bucket: int) -> int:
        at = datetime(1970, 1, 1, tzinfo=timezone.utc) + timedelta(seconds=bucket * _BUCKET)
        offset = at.astimezone(zone).utcoffset()
        return int(offset.total_seconds()) * _US if offset else 0

    # A zone's offset changes at most once a day: a UTC day whose offset is
    # the same at its start and at its end has it all day; only the few days
    # of a change are asked quarter-hour by quarter-hour.
    per_day = 86400 // _BUCKET
    days, day_of = np.unique(unique // per_day, return_inverse=True)
    first = [offset_at(d * per_day) for d in days.tolist()]
    last = [offset_at((d + 1) * per_day) for d in days.tolist()]
    offsets = np.asarray(first, dtype="int64")[day_of]
    changing = {n for n, (a, b) in enumerate(zip(first, last, strict=True)) if a != b}
    if changing:
        for n in np.flatnonzero(np.isin(day_of, list(changing))).tolist():
            offsets[n] = offset_at(int(unique[n]))
    shifted: np.ndarray = moments + offsets[back].astype("timedelta64[us]")
    return shifted


def working_time(work: WorkingTime, moments: np.ndarray) -> np.ndarray:
    """For each moment (UTC, datetime64[us], no NaT), the working time from a
    fixed start to it, in microseconds: the difference of two is the working
    time between."""
    local = local_seconds(work, moments)
    days = local.astype("datetime64[D]")
    into = (local - days.astype("datetime64[us]")).astype("int64")
    start = (work.start.hour * 3600 + work.start.minute * 60 + work.start.second) * _US
    length = int(round(work.day_hours * 3600)) * _US
    mask, holidays = _weekmask(work), sorted(work.days_off)
    before = np.busday_count(_EPOCH, days, weekmask=mask, holidays=holidays).astype("int64")
    works = np.is_busday(days, weekmask=mask, holidays=holidays)
    within = np.clip(into - start, 0, length) * works
    total: np.ndarray = before * length + within
    return total


GROUPS = {"owner": "(no owner)", "source": "(no source)", "region": "(no region)",
          "recycle_reason": "(no reason given)", "campaign": "(no campaign)"}


def _codes(rows: Sequence[object], field: str) -> tuple[np.ndarray, list[str]]:
    index: dict[str, int] = {}
    blank = GROUPS[field]
    codes = np.fromiter((index.setdefault(getattr(r, field) or blank, len(index))
                         for r in rows), dtype="int32", count=len(rows))
    return codes, list(index)


def _moment_column(rows: Sequence[object], field: str) -> np.ndarray:
    return np.array([_seconds(getattr(r, field)) for r in rows], dtype="datetime64[us]")


@dataclass
class LeadColumns:
    """Leads as columns: moments as datetime64[us] in UTC (NaT when none),
    owners, sources, regions and reasons as codes into their names."""

    mql: np.ndarray
    touch: np.ndarray
    recycled: np.ndarray
    owner: np.ndarray
    source: np.ndarray
    region: np.ndarray
    names: dict[str, list[str]]
    reason: np.ndarray | None = None
    later: dict[str, np.ndarray] | None = None  # sql_at, opportunity_at, customer_at

    @classmethod
    def from_rows(cls, rows: Sequence[LeadRow]) -> "LeadColumns":
        codes, names = {}, {}
        for name in ("owner", "source", "region", "recycle_reason"):
            codes[name], names[name] = _codes(rows, name)
        return cls(_moment_column(rows, "mql_at"), _moment_column(rows, "followed_up_at"),
                   _moment_column(rows, "recycled_at"), codes["owner"], codes["source"],
                   codes["region"], names, codes["recycle_reason"],
                   {s: _moment_column(rows, s) for s in STAGES[1:]})


@dataclass
class DealColumns:
    created: np.ndarray   # datetime64[us], UTC
    closed: np.ndarray    # datetime64[D], NaT when open
    won: np.ndarray       # bool
    amount: np.ndarray    # float, NaN when none
    groups: dict[str, tuple[np.ndarray, list[str]]]  # source, campaign: codes, names

    @classmethod
    def from_rows(cls, rows: Sequence[DealRow]) -> "DealColumns":
        return cls(_moment_column(rows, "created_at"),
                   np.array([np.datetime64(r.closed_on, "D") if r.closed_on else
                             np.datetime64("NaT", "D") for r in rows], dtype="datetime64[D]"),
                   np.array([r.outcome is Outcome.WON for r in rows], dtype=bool),
                   np.array([np.nan if r.amount is None else r.amount for r in rows],
                            dtype=float),
                   {g: _codes(rows, g) for g in ("source", "campaign")})


MET, LATE, NEVER, WAITING = range(4)


def states(cols: LeadColumns, level: ServiceLevel, work: WorkingTime,
           now: datetime) -> tuple[np.ndarray, np.ndarray]:
    """Each lead's state (MET, LATE, NEVER, WAITING) and the time it took, in
    the promise's unit (NaN when not followed up): as `handoff.handoff`."""
    mql, touch = cols.mql, cols.touch.copy()
    # A touch before the qualification answers it at once, unless a recycle
    # lies between (then it answered the earlier cycle, and nothing now).
    early = ~np.isnat(touch) & (touch < mql)
    stale = early & ~np.isnat(cols.recycled) & (touch <= cols.recycled) & (cols.recycled <= mql)
    touch[stale] = NaT
    touch[early & ~stale] = mql[early & ~stale]
    has = ~np.isnat(touch)
    took = np.full(len(mql), np.nan)
    limit = level.amount
    if level.clock is Clock.HOURS:
        took[has] = (touch[has] - mql[has]).astype("int64") / (3600 * _US)
        waited = (_seconds(now) - mql).astype("int64") / (3600 * _US)
    else:
        unit = 3600 * _US * (work.day_hours if level.clock is Clock.WORKING_DAYS else 1)
        start = working_time(work, mql)
        took[has] = (working_time(work, touch[has]) - start[has]) / unit
        waited = (working_time(work, np.array([_seconds(now)]))[0] - start) / unit
    took = np.maximum(took, 0)
    state = np.where(has, np.where(took <= limit + 1e-9, MET, LATE),
                     np.where(waited > limit + 1e-9, NEVER, WAITING))
    return state, took


def _months(work: WorkingTime, moments: np.ndarray) -> np.ndarray:
    return local_seconds(work, moments).astype("datetime64[M]")


def adherence(cols: LeadColumns, level: ServiceLevel, work: WorkingTime,
              now: datetime) -> dict[str, dict[tuple[str, str], Figures]]:
    """Per month of qualification: for all leads (key ("all", "")) and by
    owner, source and region, (met, late, never, waiting, median, p90)."""
    state, took = states(cols, level, work, now)
    months = _months(work, cols.mql)
    month_names, month_code = np.unique(months, return_inverse=True)
    out: dict[str, dict[tuple[str, str], Figures]] = {
        str(m)[:7]: {} for m in month_names}
    labels = [str(m)[:7] for m in month_names]
    groups = [("all", np.zeros(len(state), dtype="int32"), [""])]
    groups += [(f, getattr(cols, f), cols.names[f]) for f in ("owner", "source", "region")]
    # The leads followed up, by the time they took: each group's in one stable
    # sort of its small keys (a radix sort), still in the order of time.
    followed = np.flatnonzero(~np.isnan(took))
    by_took = followed[np.argsort(took[followed], kind="stable")]
    took_sorted = took[by_took]
    for dimension, codes, names in groups:
        key = month_code.astype("int64") * len(names) + codes
        cells = len(labels) * len(names)
        counts = np.bincount(key * 4 + state, minlength=cells * 4).reshape(cells, 4)
        small = key[by_took].astype("int16" if cells < 2**15 else "int64")
        order = np.argsort(small, kind="stable")
        sorted_keys, sorted_took = small[order].astype("int64"), took_sorted[order]
        starts = np.searchsorted(sorted_keys, np.arange(len(counts)), "left")
        ends = np.searchsorted(sorted_keys, np.arange(len(counts)), "right")
        for k in np.flatnonzero(counts.sum(axis=1)).tolist():
            n = int(ends[k] - starts[k])
            median = p90 = None
            if n:
                lo = int(starts[k])
                median = float((sorted_took[lo + (n - 1) // 2] + sorted_took[lo + n // 2]) / 2)
                p90 = float(sorted_took[lo + max(1, math.ceil(0.9 * n)) - 1])
            met, late, never, waiting = (int(x) for x in counts[k])
            out[labels[k // len(names)]][(dimension, names[k % len(names)])] = (
                met, late, never, waiting, median, p90)
    return out


def _labels(months: np.ndarray) -> tuple[list[str], np.ndarray]:
    unique, code = np.unique(months, return_inverse=True)
    return [str(m)[:7] for m in unique], code


def recycled_by_reason(cols: LeadColumns, work: WorkingTime) -> dict[str, dict[str, int]]:
    """Leads sent back by sales, per month sent back, by reason (as the reference)."""
    assert cols.reason is not None
    sent = ~np.isnat(cols.recycled)
    labels, month = _labels(_months(work, cols.recycled[sent]))
    reasons = cols.names["recycle_reason"]
    counts = np.zeros((len(labels), len(reasons)), dtype="int64")
    np.add.at(counts, (month, cols.reason[sent]), 1)
    return {label: {reasons[r]: int(counts[m, r]) for r in np.flatnonzero(counts[m]).tolist()}
            for m, label in enumerate(labels)}


def conversion(cols: LeadColumns, work: WorkingTime
               ) -> dict[str, dict[str, tuple[int, float | None]]]:
    """Per month qualified, each stage: how many reached it (every stage
    before it too) and the median days the step into it took."""
    assert cols.later is not None
    labels, month = _labels(_months(work, cols.mql))
    out: dict[str, dict[str, tuple[int, float | None]]] = {label: {} for label in labels}
    reached = np.ones(len(cols.mql), dtype=bool)
    before = cols.mql
    for stage in STAGES:
        moment = cols.mql if stage == "mql_at" else cols.later[stage]
        reached = reached & ~np.isnat(moment)
        days = np.maximum((moment - before).astype("int64") / (86400 * _US), 0.0)
        for m, label in enumerate(labels):
            here = reached & (month == m)
            count = int(here.sum())
            if count:
                out[label][stage] = (count, None if stage == "mql_at" else
                                     float(np.median(days[here])))
        before = np.where(reached, moment, before)
    return out


def revenue(deals: DealColumns, work: WorkingTime, by: str | None = None
            ) -> dict[str, dict[str, tuple[float, float, int, int]]]:
    """Per month, by `by` or in all (""): (pipeline, won, deals created, deals won)."""
    codes, names = deals.groups[by] if by else (np.zeros(len(deals.won), dtype="int32"), [""])
    amount = np.nan_to_num(deals.amount)
    created = _months(work, deals.created)
    won = deals.won & ~np.isnat(deals.closed)
    closed = deals.closed.astype("datetime64[M]")
    labels = [str(m)[:7] for m in np.unique(np.concatenate([created, closed[won]]))]
    out: dict[str, dict[str, tuple[float, float, int, int]]] = {}
    for label in labels:
        month = np.datetime64(label, "M")
        made, got = created == month, won & (closed == month)
        row: dict[str, tuple[float, float, int, int]] = {}
        for g in np.unique(codes[made | got]).tolist():
            mine = codes == g
            row[names[g]] = (float(amount[made & mine].sum()), float(amount[got & mine].sum()),
                             int((made & mine).sum()), int((got & mine).sum()))
        out[label] = row
    return out
