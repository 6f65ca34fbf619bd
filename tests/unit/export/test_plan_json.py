"""The JSON format: round trip, schema, and refusals."""

import json
from pathlib import Path

import jsonschema
import pytest

from planner.errors import PlanFileError
from planner.export.plan_json import import_json, plan_schema, plan_to_dict, write_json
from planner.store.plan_store import PlanStore
from tests.conftest import ROOT


def test_export_then_import_gives_back_the_same_plan(sample_path: Path, tmp_path: Path) -> None:
    out = tmp_path / "plan.json"
    with PlanStore.open(sample_path) as s:
        write_json(s, out)
        original = plan_to_dict(s)
    with import_json(out, tmp_path / "copy.tandem") as copy:
        again = plan_to_dict(copy)
    for doc in (original, again):
        doc.pop("exported_at")
    assert again == original
    assert len(again["people"]) == 14 and len(again["metric_values"]) == 8 * 6


def test_export_validates_against_the_committed_schema(sample_path: Path, tmp_path: Path) -> None:
    committed = json.loads((ROOT / "docs" / "plan-format.schema.json").read_text("utf-8"))
    assert committed == plan_schema(), "regenerate docs/plan-format.schema.json"
    with PlanStore.open(sample_path) as s:
        jsonschema.validate(plan_to_dict(s), committed)


def _doc(sample_path: Path) -> dict:  # type: ignore[type-arg]
    with PlanStore.open(sample_path, read_only=True) as s:
        return plan_to_dict(s)


@pytest.mark.parametrize(("mutate", "message"), [
    (lambda d: d.pop("goals"), "'goals' is a required property"),
    (lambda d: d["people"][0].update(team="finance"), "people/0/team"),
    (lambda d: d["goals"][0].update(title=""), "title cannot be empty"),
    (lambda d: d["field_rides"][0].update(last_day="2020-01-01"), "before the first day"),
    (lambda d: d["goals"][0].update(sales_owner_id="no-such-person"),
     "sales owner is not a person of this plan"),
    (lambda d: d["field_rides"][0].update(visitor_id=d["field_rides"][0]["host_id"]),
     "is in sales, but the visitor of a ride where marketing rides with sales"),
    (lambda d: d["goals"][0].update(sales_owner_id=d["goals"][0]["marketing_owner_id"]),
     "is in marketing, so cannot be the sales owner"),
    (lambda d: d["goals"][3].update(title="x\ud800"), r"in goals\[3\], The title contains a "
                                                       "broken character"),
    (lambda d: d["metric_values"][0].update(actual=1e300), "out of range"),
    (lambda d: d["metric_values"][0].update(actual=float("nan")), "finite number, not nan"),
    (lambda d: d["plan"].update(revenue_target=float("inf")), "finite number, not inf"),
    (lambda d: d["goals"][0].update(position=1e30), "position is out of range"),
    (lambda d: d["goals"][0].update(position=2.5), "2.5 is not of type 'integer'"),
    (lambda d: d["plan"].update(period_end="9999-12-31"), "outside the years 1900 to 2199"),
    (lambda d: d["plan"].update(period_start="1500-01-01"), "outside the years"),
    (lambda d: d["plan"].update(period_start="2027-01-01", period_end="2999-12-31"),
     "outside the years"),
    (lambda d: d["plan"].update(period_start="2027-01-01", period_end="2033-12-31"),
     "more than five years"),
    (lambda d: d["field_rides"][0].update(last_day="2028-06-30"), "more than 92 days"),
    (lambda d: d["metric_values"][0].update(period="2027-13"), "not a month like 2027-03"),
    (lambda d: d["goals"][0].update(title="nul\x00"), "NUL character"),
    (lambda d: d.update(format_version=99), "newer Tandem"),
    # Found by the fuzz test: a version far below 1 once counted up to the current one.
    (lambda d: d.update(format_version=-(2**70)), "format_version, -1180591620717411303424 "
     "is less than the minimum of 1"),
    (lambda d: d["metric_values"].append({**d["metric_values"][2], "id": "another", "actual": 3}),
     r"in metric_values\[48\], the same metric and period as metric_values\[2\]"),
    (lambda d: d["non_working_days"].append({**d["non_working_days"][0], "id": "again"}),
     r"the same day as non_working_days\[0\]"),
    (lambda d: d["people"][1].update(email=d["people"][0]["email"].upper() or "x@y.z") or
     d["people"][0].update(email=d["people"][0]["email"] or "x@y.z"),
     r"in people\[1\], the same email as people\[0\]"),
    (lambda d: d.update(format="spreadsheet"), "format"),
])
def test_bad_documents_are_refused_and_leave_no_file(sample_path: Path, tmp_path: Path,
                                                     mutate, message: str) -> None:  # type: ignore[no-untyped-def]
    doc = _doc(sample_path)
    mutate(doc)
    source = tmp_path / "in.json"
    source.write_text(json.dumps(doc, ensure_ascii=True), encoding="utf-8")
    target = tmp_path / "out.tandem"
    with pytest.raises(PlanFileError, match=message):
        import_json(source, target)
    # No plan, and no half-made file or side file beside it.
    assert [p.name for p in tmp_path.iterdir() if "out.tandem" in p.name] == []


def test_not_json_is_refused(tmp_path: Path) -> None:
    source = tmp_path / "in.json"
    source.write_bytes(b"\xff\xfe not json")
    with pytest.raises(PlanFileError, match="not valid JSON"):
        import_json(source, tmp_path / "out.tandem")


def test_import_never_overwrites(sample_path: Path, tmp_path: Path) -> None:
    source = tmp_path / "in.json"
    source.write_text(json.dumps(_doc(sample_path)), encoding="utf-8")
    with pytest.raises(PlanFileError, match="already exists"):
        import_json(source, sample_path)


def test_a_version_1_document_still_imports(sample_path: Path, tmp_path: Path) -> None:
    doc = _doc(sample_path)
    doc["format_version"] = 1
    for key in ("hot_buttons", "non_working_days"):
        doc.pop(key)
    for ride in doc["field_rides"]:
        for key in ("customers_asked", "marketing_changes", "sales_changes"):
            ride.pop(key)
    source = tmp_path / "v1.json"
    source.write_text(json.dumps(doc), encoding="utf-8")
    with import_json(source, tmp_path / "v1.tandem") as s:
        assert len(plan_to_dict(s)["field_rides"]) == len(doc["field_rides"]) > 20


def test_a_document_that_starts_with_a_byte_order_mark_imports(sample_path: Path,
                                                               tmp_path: Path) -> None:
    source = tmp_path / "bom.json"
    source.write_bytes(b"\xef\xbb\xbf" + json.dumps(_doc(sample_path)).encode("utf-8"))
    with import_json(source, tmp_path / "bom.tandem") as s:
        assert s.plan().title == "Northwind go-to-market plan 2027"


def test_an_import_is_one_change_set_with_the_documents_own_ids_and_times(
        sample_path: Path, tmp_path: Path) -> None:
    from tests.conftest import file_rows

    source = tmp_path / "plan.json"
    with PlanStore.open(sample_path) as s:
        write_json(s, source)
    import_json(source, tmp_path / "copy.tandem").close()
    assert file_rows(tmp_path / "copy.tandem") == file_rows(sample_path)
