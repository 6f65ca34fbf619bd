"""Templates: the three shipped open, check clean of all but the people a
new plan still needs, and print; a company's own round-trips; a damaged or
hostile template is refused in one sentence naming the place."""

import json
from datetime import date
from pathlib import Path

import pytest

from planner import templates
from planner.errors import PlanError
from planner.export.pdf import export_pdf
from planner.model import FunnelStage, Goal, Metric, MetricGoal, Person, Plan
from planner.outline.build import build_outline
from planner.rules.checks import plan_findings
from planner.store.plan_store import PlanStore

SHIPPED = ("abm-named-accounts", "field-distributors", "saas-inbound")
# What a plan made from a template still needs its people for.
NEEDS_PEOPLE = ("The plan names no head of", "has no sales owner", "has no marketing owner",
                "The plan does not ride both ways", "has no message approved by both sides")


def test_three_templates_are_shipped() -> None:
    assert tuple(t.key for t in templates.templates()) == SHIPPED
    assert all(t.shipped and len(t.description) > 80 for t in templates.templates())


@pytest.mark.parametrize("key", SHIPPED)
def test_each_template_opens_checks_clean_and_prints(key: str, tmp_path: Path) -> None:
    import subprocess

    template = templates.find(key)
    plan = tmp_path / f"{key}.tandem"
    templates.create(plan, template, template.name, date(2027, 1, 1), date(2027, 12, 31),
                     "Acme").close()
    with PlanStore.open(plan) as store:
        stages, metrics, goals = (store.rows(k) for k in (FunnelStage, Metric, Goal))
        assert len(stages) >= 5 and len(metrics) >= 4 and len(goals) >= 3
        assert all(s.entry_definition for s in stages)
        assert any(s.handoff_service_level for s in stages)  # the SLA both sides sign
        assert all(m.unit and m.definition for m in metrics)
        assert all(g.success_measure and g.sales_signed_at is None for g in goals)
        assert store.rows(MetricGoal) and not store.rows(Person)
        problems = [f.message for f in plan_findings(store, date(2027, 1, 5))]
        assert problems and all(any(n in p for n in NEEDS_PEOPLE) for p in problems), problems
        assert store.integrity_problems() == []
        pages, warnings = export_pdf(build_outline(store), tmp_path / "out.pdf")
    assert pages > 3 and warnings == []
    text = subprocess.run(["pdftotext", str(tmp_path / "out.pdf"), "-"], capture_output=True,
                          text=True).stdout
    assert template.name in text and stages[1].name in text and goals[0].title in text


def test_a_companys_own_template_keeps_the_skeleton_and_nothing_else(
        sample_path: Path, tmp_path: Path) -> None:
    with PlanStore.open(sample_path) as store:
        path = templates.save(store, tmp_path / "own", "Northwind way", "How we sell")
        stages = [s.name for s in sorted(store.rows(FunnelStage), key=lambda s: s.position)]
        metric_units = {m.name: m.unit for m in store.rows(Metric)}
        goal_titles = [g.title for g in store.rows(Goal)]
    with pytest.raises(FileExistsError):
        with PlanStore.open(sample_path) as store:
            templates.save(store, tmp_path / "own", "Northwind way")
    data = json.loads(path.read_text("utf-8"))
    assert set(data) == {"format", "format_version", "name", "description", "plan",
                         "funnel_stages", "metrics", "goals"}
    assert all("owner" not in k and "signed" not in k for g in data["goals"] for k in g)
    own = templates.find("Northwind way", tmp_path / "own")
    assert not own.shipped
    made = tmp_path / "from-own.tandem"
    templates.create(made, own, "Next year", date(2028, 1, 1), date(2028, 12, 31)).close()
    with PlanStore.open(made) as store:
        assert [s.name for s in sorted(store.rows(FunnelStage), key=lambda s: s.position)] \
            == stages
        assert {m.name: m.unit for m in store.rows(Metric)} == metric_units
        assert all(m.baseline is None and m.target is None for m in store.rows(Metric))
        assert [g.title for g in store.rows(Goal)] == goal_titles
        assert not store.rows(Person)
        assert store.plan().title == "Next year"
    # Two plans from one template are two plans (fresh ids), not copies.
    again = tmp_path / "again.tandem"
    templates.create(again, own, "Next year", date(2028, 1, 1), date(2028, 12, 31)).close()
    with PlanStore.open(made) as a, PlanStore.open(again) as b:
        assert a.plan().id != b.plan().id
        assert not {g.id for g in a.rows(Goal)} & {g.id for g in b.rows(Goal)}


def _template(tmp_path: Path, **changes: object) -> Path:
    data = json.loads((templates.shipped_folder() / "saas-inbound.json").read_text("utf-8"))
    data.update(changes)
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(data), "utf-8")
    return path


@pytest.mark.parametrize(("change", "said"), [
    ({"format": "something-else"}, "bad.json is not a Tandem template."),
    ({"format_version": 9}, "a template of a newer Tandem (format 9)"),
    ({"name": ""}, "the template's name is missing"),
    ({"metrics": [{"name": "M", "unit": "%", "direction": "sideways"}]}, "metrics[0]"),
    ({"metrics": [{"name": "M", "funnel_stage": "Nowhere"}]},
     "metrics[0].funnel_stage: no stage named 'Nowhere'"),
    ({"funnel_stages": [{"name": "A", "conversion_rate": 7}]}, "funnel_stages[0]"),
    ({"funnel_stages": [{"name": "A"}, {"name": "a"}]}, "funnel_stages[1]: a second stage"),
    ({"goals": [{"title": "  "}]}, "goals[0]"),
    ({"goals": [{"title": "G", "metrics": ["Missing"]}]}, "goals[0].metrics: no metric"),
    ({"goals": [{"title": "G", "owner_id": "x"}]}, "goals[0] has a field a template does not"),
    ({"goals": [{"title": "x" * 400}]}, "goals[0]"),
    ({"goals": [{"title": f"G{n}"} for n in range(501)]}, "at most 500"),
    ({"plan": {"checkin_days": 0}}, "plan:"),
    ({"plan": {"head_of_sales_id": "x"}}, "plan holds a setting a template does not"),
])
def test_a_bad_template_is_refused_naming_the_place(tmp_path: Path, change: dict[str, object],
                                                     said: str) -> None:
    with pytest.raises(PlanError) as caught:
        templates.load(_template(tmp_path, **change))
    assert said in str(caught.value) and "\n" not in str(caught.value)


@pytest.mark.parametrize("content", [b"", b"\xff\xfe not text", b"[1, 2]", b'{"a": NaN}',
                                     b"[" * 100_000, b"{" + b" " * (3 * 1024 * 1024) + b"}"])
def test_a_damaged_or_huge_file_is_no_template(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "t.json"
    path.write_bytes(content)
    with pytest.raises(PlanError, match=r"^t\.json (is not a Tandem template|is too large)"):
        templates.load(path)
    assert templates.templates(tmp_path)[-1].key == "saas-inbound"  # the bad one left out


def test_a_plan_made_from_a_template_is_checked_like_any_plan(tmp_path: Path) -> None:
    template = templates.find("saas-inbound")
    with pytest.raises(PlanError, match="already exists"):
        (tmp_path / "x.tandem").write_bytes(b"")
        templates.create(tmp_path / "x.tandem", template, "X", date(2027, 1, 1),
                         date(2027, 12, 31))
    with pytest.raises(PlanError):
        templates.create(tmp_path / "y.tandem", template, "Y", date(2027, 12, 31),
                         date(2027, 1, 1))
    assert not (tmp_path / "y.tandem").exists()
    assert isinstance(templates.plan_rows(template, "T", date(2027, 1, 1),
                                          date(2027, 12, 31))[0], Plan)


def test_saving_a_template_refuses_a_name_or_description_it_could_not_hold(
        sample_path: Path, tmp_path: Path) -> None:
    with PlanStore.open(sample_path) as store:
        for name, about, said in (("  ", "", "needs a name of 1 to 120"),
                                  ("x" * 121, "", "needs a name of 1 to 120"),
                                  ("Ours", "y" * 2001, "at most 2,000 characters; this one "
                                                       "has 2,001")):
            with pytest.raises(PlanError, match=said):
                templates.save(store, tmp_path / "own", name, about)
    assert not (tmp_path / "own").exists() or not list((tmp_path / "own").iterdir())
    # Markup in a name is text, kept as typed.
    with PlanStore.open(sample_path) as store:
        path = templates.save(store, tmp_path / "own", "<b>R&amp;D</b> way")
    assert templates.load(path).name == "<b>R&amp;D</b> way"
