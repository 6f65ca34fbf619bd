"""What the CRM figures remember, without numpy: the answers worked out in
this process (once per key, by whichever thread asks first) and, on disk,
the answers that no longer change as time passes, so a plan opened again
shows its computed metrics, the handoff's sentence and its tables without
loading numpy and reading every lead (about 0.15 s of every start of the
window, the PDF and `tandem check` of a plan with CRM data).

An answer on disk is kept under a digest of everything it is worked out
from: the imports (their rows and the bytes of their kept columns), the
promise's stages, the working days, the computed metrics, the language, the
question and Tandem's own code. It is kept only when worked out at the time
it is asked for (no `now` given), and then under "settled" when no lead was
still waiting for its follow-up before it was worked out (a waiting lead
only ever becomes late, so every later moment gives the same answer), else
under its hour, as the answers of this process are. A cache file that is
missing, damaged or of another shape is a miss; one that cannot be written
is left unwritten. Nothing of the plan is changed.
"""

import hashlib
import json
import os
import threading
import weakref
from collections.abc import Callable, Sequence
from concurrent.futures import Future
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from planner.i18n import language
from planner.model import CrmImport, FunnelStage, Metric, MetricValue, NonWorkingDay
from planner.model.reader import PlanReader

MISS: Any = object()  # not remembered
KEEP_FILES = 200  # answers on disk, the newest kept


@dataclass(frozen=True)
class FigureTable:
    """One table of what the CRM data says, in words a reader takes in: the
    Funnel page shows these, the PDF prints them."""

    title: str
    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    widths: tuple[float, ...]  # relative, for the page


# Whatever is worked out from the CRM data is worked out once per key, by
# whichever thread asks first (the window's, on a thread, as the plan opens);
# another asking meanwhile waits for that answer rather than working it twice.
_LOCK = threading.Lock()
_MEMO: dict[Any, Future[Any]] = {}


def _once(memo: dict[Any, Future[Any]], key: Any, work: Callable[[], Any],
          keep: int = 32) -> Any:
    with _LOCK:
        found = memo.get(key)
        if found is None:
            for old in list(memo)[:max(0, len(memo) + 1 - keep)]:
                if memo[old].done():  # the last answers asked, not every one ever
                    del memo[old]
            found = memo[key] = Future()
            mine = True
        else:
            mine = False
    if mine:
        try:
            found.set_result(work())
        except BaseException as exc:
            found.set_exception(exc)
            with _LOCK:
                memo.pop(key, None)
    return found.result()


def _remember(key: Any, value: Any) -> None:
    with _LOCK:
        if key not in _MEMO:
            done: Future[Any] = Future()
            done.set_result(value)
            _MEMO[key] = done


def settled(key: Any) -> bool:
    """Whether the answer for `key` (`fingerprint`'s) is worked out already."""
    with _LOCK:
        found = _MEMO.get(key)
    return found is not None and found.done()


def fingerprint(reader: PlanReader, what: str, now: datetime | None = None) -> tuple[Any, ...]:
    """What a figure of the CRM data depends on in this process: the imports,
    the promise's stage values, the working time, the metrics' figures and
    targets, and the hour (a lead not yet followed up is late once its time
    is up)."""
    plan = reader.plan()
    hour = (now or datetime.now(timezone.utc)).replace(minute=0, second=0, microsecond=0)
    return (what, str(getattr(reader, "path", id(reader))),
            tuple(i.id for i in reader.rows(CrmImport)),
            tuple((s.id, s.engaged_team, s.sla_amount, s.sla_clock, s.handoff_service_level)
                  for s in reader.rows(FunnelStage)),
            tuple(d.day for d in reader.rows(NonWorkingDay)), plan.exclude_weekends,
            tuple((m.id, m.computed, m.cadence, m.target) for m in reader.rows(Metric)
                  if m.computed), hour if now is None else now)


def summary_key(reader: PlanReader, now: datetime | None = None) -> tuple[Any, ...]:
    """Where the handoff's sentence is remembered: its figures and the
    language it is said in."""
    return fingerprint(reader, f"summary {language()}", now)


def tables_key(reader: PlanReader, months: int = 6,
               now: datetime | None = None) -> tuple[Any, ...]:
    return fingerprint(reader, f"tables {months} {language()}", now)


def values_key(reader: PlanReader, metrics: Sequence[Metric] | None,
               now: datetime | None = None) -> tuple[Any, ...]:
    chosen = tuple(m.id for m in (reader.rows(Metric) if metrics is None else metrics))
    return (fingerprint(reader, "values", now), chosen)


# --- on disk ---------------------------------------------------------------

# The digest of each import's kept bytes, per reader (its blobs never change).
_DIGESTS: "weakref.WeakKeyDictionary[Any, dict[str, str]]" = weakref.WeakKeyDictionary()


def folder() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "tandem" / "figures"


def _code() -> list[Any]:
    """Tandem's own code the answers come from: its version and, from a
    source tree, its modules' sizes and times (a built program's never change)."""
    from planner import __version__

    here = Path(__file__).resolve().parent.parent
    files = [*sorted((here / "imports").glob("crm*.py")), *sorted((here / "rules").glob(
        "handoff*.py")), here / "i18n.py",
        *sorted((here.parent / "resources" / "i18n").glob("*.mo"))]
    stamps = []
    for file in files:
        try:
            st = file.stat()
        except OSError:
            continue
        stamps.append((file.name, st.st_size, st.st_mtime_ns))
    return [__version__, stamps]


def _digests(reader: PlanReader, attached: Callable[[str], bytes | None],
             imports: Sequence[CrmImport]) -> list[str]:
    try:
        known = _DIGESTS.setdefault(reader, {})
    except TypeError:  # a reader that cannot be weakly referred to: digests each time
        known = {}
    out = []
    for made in imports:
        if made.id not in known:
            blob = attached(made.id)
            known[made.id] = "none" if blob is None else hashlib.sha256(blob).hexdigest()
        out.append(known[made.id])
    return out


def _disk_keys(reader: PlanReader, question: list[Any]) -> tuple[str, str] | None:
    """The file names the answer to `question` is kept under (settled, this
    hour), or None where nothing is kept (no data, or a reader holding none)."""
    attached = getattr(reader, "attached", None)
    imports = reader.rows(CrmImport)
    if attached is None or not imports:
        return None
    plan = reader.plan()
    what = [question, language(), _code(),
            [[i.id, i.holds.value, i.crm, i.file_name, i.mapping, i.created_at.isoformat(),
              i.rows, i.unread] for i in imports], _digests(reader, attached, imports),
            [[s.id, s.name, str(s.engaged_team), s.sla_amount, str(s.sla_clock),
              s.handoff_service_level] for s in reader.rows(FunnelStage)],
            sorted(d.day.isoformat() for d in reader.rows(NonWorkingDay)),
            plan.exclude_weekends,
            [[m.id, m.computed, str(m.cadence), m.target] for m in reader.rows(Metric)]]
    base = json.dumps(what, default=str, ensure_ascii=False, sort_keys=True)
    hour = datetime.now(timezone.utc).strftime("%Y-%m-%dT%H")
    return (hashlib.sha256((base + "\x00settled").encode()).hexdigest(),
            hashlib.sha256((base + "\x00" + hour).encode()).hexdigest())


def _encode(value: Any) -> Any:
    if value is None or isinstance(value, str):
        return {"text": value}
    if all(isinstance(v, MetricValue) for v in value):
        return {"values": [[v.id, v.created_at.isoformat(), v.updated_at.isoformat(),
                            v.metric_id, v.period, v.actual, v.note] for v in value]}
    if all(isinstance(t, FigureTable) for t in value):
        return {"tables": [[t.title, list(t.columns), [list(r) for r in t.rows],
                            list(t.widths)] for t in value]}
    raise TypeError(type(value))


def _decode(data: Any, kind: str) -> Any:
    """The answer kept, of the shape asked for, or MISS."""
    try:
        found = data[kind]
        if kind == "text":
            return found if found is None or isinstance(found, str) else MISS
        if kind == "values":
            return [MetricValue(str(i), datetime.fromisoformat(c), datetime.fromisoformat(u),
                                str(m), str(p), float(a), str(n))
                    for i, c, u, m, p, a, n in found]
        return [FigureTable(str(t), tuple(str(c) for c in cols),
                            tuple(tuple(str(c) for c in r) for r in rows),
                            tuple(float(w) for w in widths)) for t, cols, rows, widths in found]
    except (KeyError, TypeError, ValueError):
        return MISS


def _read(names: tuple[str, str], kind: str) -> Any:
    for name in names:
        try:
            data = json.loads((folder() / f"{name}.json").read_text("utf-8"))
        except (OSError, ValueError):
            continue
        found = _decode(data, kind)
        if found is not MISS:
            return found
    return MISS


def _write(name: str, value: Any) -> None:
    place = folder()
    try:
        place.mkdir(parents=True, exist_ok=True)
        part = place / f".{name}.{os.getpid()}.part"
        part.write_text(json.dumps(_encode(value), ensure_ascii=False), "utf-8")
        os.replace(part, place / f"{name}.json")
        kept = sorted(place.glob("*.json"), key=lambda p: p.stat().st_mtime)
        for old in kept[:max(0, len(kept) - KEEP_FILES)]:
            old.unlink(missing_ok=True)
    except (OSError, TypeError):
        pass  # a cache: an answer not kept is worked out again next time


def _kind(what: str) -> str:
    return {"values": "values", "summary": "text", "tables": "tables"}[what]


def recall(reader: PlanReader, what: str, key: Any, question: list[Any]) -> Any:
    """The answer remembered in this process or on disk (then remembered in
    this process too), else MISS. Numpy is not loaded."""
    with _LOCK:
        found = _MEMO.get(key)
    if found is not None and found.done() and found.exception() is None:
        return found.result()
    names = _disk_keys(reader, question)
    if names is None:
        return MISS
    value = _read(names, _kind(what))
    if value is not MISS:
        _remember(key, value)
    return value


def worked_out(reader: PlanReader, what: str, key: Any, question: list[Any],
               work: Callable[[], Any], waiting: Callable[[], bool]) -> Any:
    """The answer, remembered (this process, then disk) or worked out once and
    kept on disk: as settled when `waiting()`, asked before the work, says no
    lead waits for its follow-up; else under this hour."""
    def work_and_keep() -> Any:
        names = _disk_keys(reader, question)
        if names is None:
            return work()
        value = _read(names, _kind(what))
        if value is not MISS:
            return value
        final = not waiting()
        value = work()
        _write(names[0] if final else names[1], value)
        return value

    return _once(_MEMO, key, work_and_keep)


def _chosen(reader: PlanReader, metrics: Sequence[Metric] | None) -> list[str]:
    return [m.id for m in (reader.rows(Metric) if metrics is None else metrics)]


def remembered_values(reader: PlanReader, metrics: Sequence[Metric] | None = None) -> Any:
    """The computed metrics' actuals (`crm_metrics.computed_values`) if remembered, else MISS."""
    return recall(reader, "values", values_key(reader, metrics),
                  ["values", _chosen(reader, metrics)])


def remembered_summary(reader: PlanReader) -> Any:
    """The handoff's sentence (`crm_figures.handoff_summary`) if remembered, else MISS."""
    return recall(reader, "summary", summary_key(reader), ["summary"])


def remembered_tables(reader: PlanReader, months: int = 6) -> Any:
    """The handoff's tables (`crm_figures.handoff_tables`) if remembered, else MISS."""
    return recall(reader, "tables", tables_key(reader, months), ["tables", months])
