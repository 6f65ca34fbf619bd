"""Plan templates: a skeleton a VP would recognise (funnel stages with their
handoffs and service levels, metric definitions with units, goal ideas, the
plan's settings), from which a new plan starts.

A template is a small JSON document (`tandem-template`, version 1): Tandem
ships three (`resources/templates/`), and "Save as template" writes a
company's own into its templates folder. Rows refer to one another by name
(a metric's funnel stage, the metrics measuring a goal idea), never by id:
each plan made from a template gets fresh ids, so two plans from one
template are two plans, not copies to merge. Reading one is as careful as
opening a plan: a damaged, foreign, huge or hostile file is refused in one
sentence that names the place (`metrics[2].unit`) and nothing is made.
"""

import json
import math
from calendar import monthrange
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from planner.changes import ChangeSet, added
from planner.errors import InvalidEdit, PlanError, PlanFileError
from planner.i18n import _
from planner.model import FunnelStage, Goal, Metric, MetricGoal, Plan, Record, new_id, utc_now
from planner.model.enums import GoalStatus, Team
from planner.model.reader import PlanReader
from planner.model.validation import coerce, plain, validate
from planner.operations.rows import new
from planner.resources import resource_path

FORMAT, FORMAT_VERSION = "tandem-template", 1
LARGEST = 2 * 1024 * 1024  # bytes: a template is a skeleton, never a whole plan
MOST = 500                 # rows of one kind
SUFFIX = ".json"
PLAN_FIELDS = ("purpose", "exclude_weekends", "marketing_days_per_quarter",
               "sales_days_per_half", "max_direction_ratio", "shared_rewards", "checkin_days",
               "revenue_target", "average_deal_size")
STAGE_FIELDS = ("name", "engaged_team", "entry_definition", "handoff_service_level",
                "return_service_level", "send_back_reasons", "conversion_rate")
METRIC_FIELDS = ("name", "definition", "unit", "direction", "cadence", "reported_by",
                 "baseline", "target")
GOAL_FIELDS = ("title", "description", "success_measure", "proposed_by", "shared_reward")


@dataclass(frozen=True)
class Template:
    key: str            # the file's stem: `tandem demo --template KEY`
    name: str
    description: str
    data: dict[str, Any]
    path: Path
    shipped: bool


def next_twelve_months(today: date) -> tuple[date, date]:
    """A new plan's period: from the first of next month, twelve months."""
    start = date(today.year + today.month // 12, today.month % 12 + 1, 1)
    end_year, end_month = (start.year, start.month - 1) if start.month > 1 \
        else (start.year - 1, 12)
    end_year += 1
    return start, date(end_year, end_month, monthrange(end_year, end_month)[1])


def shipped_folder() -> Path:
    return resource_path("templates")


def own_templates_folder() -> Path:
    """Where "Save as template" keeps a company's own: the user's Tandem
    settings folder (the window and the command line share it)."""
    from planner.store.identities import config_dir

    return config_dir() / "templates"


def templates(own_folder: Path | None = None) -> list[Template]:
    """The shipped templates, then the company's own (unreadable ones left out)."""
    found = []
    for folder, is_shipped in ((shipped_folder(), True), (own_folder, False)):
        if folder is None or not folder.is_dir():
            continue
        for path in sorted(folder.glob(f"*{SUFFIX}")):
            try:
                found.append(load(path, is_shipped))
            except PlanError:
                continue
    return found


def find(key: str, own_folder: Path | None = None) -> Template:
    every = templates(own_folder)
    for t in every:
        if t.key.casefold() == key.strip().casefold():
            return t
    raise InvalidEdit(_("There is no template called {name}; there are {names}.").format(
        name=repr(key.strip()[:60]), names=", ".join(t.key for t in every)))


def load(path: Path, is_shipped: bool = False) -> Template:
    """A template file, read and checked whole."""
    try:
        with open(path, "rb") as f:
            raw = f.read(LARGEST + 1)
    except OSError as exc:
        raise PlanFileError(_("{name} cannot be read ({reason}).").format(
            name=path.name, reason=exc.strerror)) from None
    if len(raw) > LARGEST:
        raise PlanFileError(_("{name} is too large for a template (over 2 MB).").format(
            name=path.name))
    try:
        data = json.loads(raw.decode("utf-8"), parse_constant=_no_constant)
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError, ValueError):
        raise PlanFileError(_("{name} is not a Tandem template (it is not JSON).").format(
            name=path.name)) from None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise PlanFileError(_("{name} is not a Tandem template.").format(name=path.name))
    version = data.get("format_version")
    if not isinstance(version, int) or version > FORMAT_VERSION:
        raise PlanFileError(_("{name} is a template of a newer Tandem (format {version}); "
                              "update Tandem to use it.").format(name=path.name,
                                                                 version=str(version)[:20]))
    name, description = data.get("name"), data.get("description", "")
    if not isinstance(name, str) or not name.strip() or len(name) > 120:
        raise PlanFileError(_("{name}: the template's name is missing or too long.").format(
            name=path.name))
    if not isinstance(description, str) or len(description) > 2000:
        raise PlanFileError(_("{name}: the template's description is not a text of at most "
                              "2,000 characters.").format(name=path.name))
    template = Template(path.stem, name.strip(), description.strip(), data, path, is_shipped)
    plan_rows(template, "Check", date(2027, 1, 1), date(2027, 12, 31))  # refuses what is wrong
    return template


def _no_constant(value: str) -> None:
    raise ValueError(value)


def _fields(template: Template, key: str, allowed: tuple[str, ...]) -> list[dict[str, Any]]:
    items = template.data.get(key, [])
    where = template.path.name
    if not isinstance(items, list):
        raise PlanFileError(_("{file}: {key} is not a list.").format(file=where, key=key))
    if len(items) > MOST:
        raise PlanFileError(_("{file}: {key} has {count} rows; a template holds at most "
                              "{most}.").format(file=where, key=key, count=f"{len(items):,}",
                                                most=MOST))
    out = []
    for n, item in enumerate(items):
        if not isinstance(item, dict):
            raise PlanFileError(_("{file}: {key}[{n}] is not an object.").format(
                file=where, key=key, n=n))
        extra = sorted(set(item) - set(allowed) - {"funnel_stage", "metrics"})
        if extra:
            raise PlanFileError(_("{file}: {key}[{n}] has a field a template does not hold "
                                  "({field}).").format(file=where, key=key, n=n,
                                                       field=repr(extra[0][:40])))
        out.append(item)
    return out


def _row(template: Template, kind: type[Record], where: str, values: dict[str, Any]) -> Any:
    try:
        for field, value in values.items():
            if isinstance(value, float) and not math.isfinite(value):
                raise InvalidEdit(_("the {field} is not a number").format(field=field))
        row = new(kind, **values)
        return validate(row)
    except (PlanError, TypeError) as exc:
        raise PlanFileError(f"{template.path.name}: {where}: {exc}".rstrip(".") + ".") from None


def plan_rows(template: Template, title: str, start: date, end: date,
              company: str = "") -> list[Record]:
    """The rows of a new plan made from the template, with fresh ids."""
    now = utc_now()
    settings = template.data.get("plan", {})
    if not isinstance(settings, dict) or set(settings) - set(PLAN_FIELDS):
        raise PlanFileError(_("{file}: plan holds a setting a template does not.").format(
            file=template.path.name))
    plan = _row(template, Plan, "plan", {
        "title": title, "company": company, "period_start": start, "period_end": end,
        **{k: coerce(Plan, k, v) for k, v in settings.items()}})
    plan = plan._replace(id=new_id(), created_at=now, updated_at=now)
    rows: list[Record] = [plan]
    stages: dict[str, str] = {}
    for n, item in enumerate(_fields(template, "funnel_stages", STAGE_FIELDS)):
        values = {k: coerce(FunnelStage, k, v) for k, v in item.items()}
        stage = _row(template, FunnelStage, f"funnel_stages[{n}]", {**values, "position": n})
        if stage.name.casefold() in stages:
            raise PlanFileError(_("{file}: funnel_stages[{n}]: a second stage named {name}.")
                                .format(file=template.path.name, n=n,
                                        name=repr(stage.name[:60])))
        stages[stage.name.casefold()] = stage.id
        rows.append(stage)
    metrics: dict[str, str] = {}
    for n, item in enumerate(_fields(template, "metrics", METRIC_FIELDS)):
        stage_name = item.get("funnel_stage")
        values = {k: coerce(Metric, k, v) for k, v in item.items() if k != "funnel_stage"}
        if stage_name is not None:
            if not isinstance(stage_name, str) or stage_name.casefold() not in stages:
                raise PlanFileError(_("{file}: metrics[{n}].funnel_stage: no stage named "
                                      "{name}.").format(file=template.path.name, n=n,
                                                        name=repr(str(stage_name)[:60])))
            values["funnel_stage_id"] = stages[stage_name.casefold()]
        metric = _row(template, Metric, f"metrics[{n}]", values)
        metrics[metric.name.casefold()] = metric.id
        rows.append(metric)
    for n, item in enumerate(_fields(template, "goals", GOAL_FIELDS)):
        measured = item.get("metrics", [])
        values = {k: coerce(Goal, k, v) for k, v in item.items() if k != "metrics"}
        values.setdefault("proposed_by", Team.SALES if n % 2 else Team.MARKETING)
        goal = _row(template, Goal, f"goals[{n}]", {**values, "position": n,
                                                     "status": GoalStatus.PROPOSED})
        rows.append(goal)
        if not isinstance(measured, list):
            raise PlanFileError(_("{file}: goals[{n}].metrics is not a list.").format(
                file=template.path.name, n=n))
        for name in measured:
            if not isinstance(name, str) or name.casefold() not in metrics:
                raise PlanFileError(_("{file}: goals[{n}].metrics: no metric named {name}.")
                                    .format(file=template.path.name, n=n,
                                            name=repr(str(name)[:60])))
            rows.append(new(MetricGoal, metric_id=metrics[name.casefold()], goal_id=goal.id))
    return rows


def create(path: Path, template: Template, title: str, start: date, end: date,
           company: str = "", acting: Any = None) -> Any:
    """A new plan file made from a template (whole or not at all)."""
    from planner.store.plan_store import PlanStore

    rows = plan_rows(template, title, start, end, company)
    return PlanStore.build(path, ChangeSet(_("Start the plan from the template "
                                             "\u201c{name}\u201d").format(name=template.name),
                                           tuple(added(r) for r in rows)), acting=acting)


def from_plan(reader: PlanReader, name: str, description: str = "") -> dict[str, Any]:
    """A company's own template from a plan: its settings, funnel, metric
    definitions (no actuals, no baselines) and its goals as ideas (no owners,
    no dates, no sign-offs). No people, rides, messages or reviews."""
    name = " ".join(name.split())
    if not name or len(name) > 120:
        raise InvalidEdit(_("A template needs a name of 1 to 120 characters."))
    if len(description.strip()) > 2000:
        raise InvalidEdit(_("A template's description is at most 2,000 characters; this one "
                            "has {count}.").format(count=f"{len(description.strip()):,}"))
    plan = reader.plan()
    stages = sorted(reader.rows(FunnelStage), key=lambda s: (s.position, s.id))
    stage_names = {s.id: s.name for s in stages}
    metrics = sorted(reader.rows(Metric), key=lambda m: (m.name, m.id))
    metric_names = {m.id: m.name for m in metrics}
    measured: dict[str, list[str]] = {}
    for link in reader.rows(MetricGoal):
        if link.metric_id in metric_names:
            measured.setdefault(link.goal_id, []).append(metric_names[link.metric_id])
    goals = [g for g in reader.rows(Goal) if g.status is not GoalStatus.DROPPED][:MOST]
    return {
        "format": FORMAT, "format_version": FORMAT_VERSION, "name": name,
        "description": description.strip(),
        "plan": {k: plain(getattr(plan, k)) for k in PLAN_FIELDS},
        "funnel_stages": [{k: plain(getattr(s, k)) for k in STAGE_FIELDS} for s in stages],
        "metrics": [{**{k: plain(getattr(m, k)) for k in METRIC_FIELDS if k not in
                        ("baseline", "target")},
                     **({"funnel_stage": stage_names[m.funnel_stage_id]}
                        if m.funnel_stage_id in stage_names else {})} for m in metrics],
        "goals": [{**{k: plain(getattr(g, k)) for k in GOAL_FIELDS},
                   **({"metrics": sorted(measured[g.id])} if g.id in measured else {})}
                  for g in goals],
    }


def save(reader: PlanReader, folder: Path, name: str, description: str = "") -> Path:
    """Write a company's own template into `folder`; never over another."""
    from planner.filenames import safe_stem
    from planner.store.atomic import write_new

    data = from_plan(reader, name, description)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{safe_stem(name, limit=80, fallback='template')}{SUFFIX}"
    text = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    write_new(path, text.encode("utf-8"))
    return path
