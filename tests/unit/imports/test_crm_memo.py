"""The CRM figures kept on disk (`crm_memo`): a plan opened again shows the
same computed actuals, handoff sentence and tables without numpy; anything
they are worked out from changing, a damaged cache file, damaged kept rows or
a lead still waiting for its follow-up is never answered from an old file."""

import json
import sqlite3
import subprocess
import sys
from pathlib import Path

from planner.imports import crm_memo
from planner.imports.crm_figures import promise
from planner.model.enums import ServiceClock
from planner.operations.rows import edit
from planner.outline.actuals import actual_values, handoff_sentence, handoff_tables
from planner.store.plan_store import PlanStore
from tests.conftest import ROOT
from tests.unit.imports.test_crm_metrics import hand_plan

READ = """
import json, sys
from planner.outline.actuals import actual_values, handoff_sentence, handoff_tables
from planner.store.plan_store import PlanStore
with PlanStore.open(sys.argv[1], read_only=True) as store:
    values = sorted((v.id, v.period, v.actual, v.note) for v in actual_values(store))
    said = handoff_sentence(store)
    tables = [[t.title, list(t.columns), [list(r) for r in t.rows]] for t in handoff_tables(store)]
print(json.dumps({"values": values, "said": said, "tables": tables,
                  "numpy": "numpy" in sys.modules}))
"""


def shown(store: PlanStore) -> dict[str, object]:
    return {"values": sorted([v.id, v.period, v.actual, v.note] for v in actual_values(store)),
            "said": handoff_sentence(store),
            "tables": [[t.title, list(t.columns), [list(r) for r in t.rows]]
                       for t in handoff_tables(store)]}


def read_in_a_new_process(path: Path) -> dict[str, object]:
    done = subprocess.run([sys.executable, "-c", READ, str(path)], cwd=ROOT, text=True,
                          capture_output=True, check=True)
    found: dict[str, object] = json.loads(done.stdout)
    found["values"] = sorted(list(v) for v in found["values"])  # type: ignore[attr-defined]
    return found


def test_figures_worked_out_once_are_shown_again_without_numpy(large_path: Path) -> None:
    sample_path = large_path  # the large sample: 12,000 leads and their deals
    with PlanStore.open(sample_path) as store:
        first = shown(store)
        assert first["values"] and first["said"] and first["tables"]  # the sample's CRM data
        assert len(list(crm_memo.folder().glob("*.json"))) == 3
        again = read_in_a_new_process(sample_path)
        assert again.pop("numpy") is False
        assert again == first
        # The promise changed: not the old answer, the one worked out now.
        found = promise(store)
        assert found is not None and found[1].amount == 2
        store.commit(edit(found[0], sla_amount=6.0, sla_clock=ServiceClock.WORKING_DAYS))
    later = read_in_a_new_process(sample_path)
    assert later.pop("numpy") is True  # worked out there, not an old answer read
    with PlanStore.open(sample_path) as store:
        assert shown(store) == later and later["said"] != first["said"]
    assert read_in_a_new_process(sample_path).pop("numpy") is False


def test_a_damaged_cache_file_or_damaged_kept_rows_are_never_believed(large_path: Path) -> None:
    sample_path = large_path
    with PlanStore.open(sample_path) as store:
        first = shown(store)
    for n, file in enumerate(sorted(crm_memo.folder().glob("*.json"))):
        file.write_text(["{not json", json.dumps({"values": [["x"]]}), "[]"][n % 3], "utf-8")
    again = read_in_a_new_process(sample_path)
    assert again.pop("numpy") is True and again == first
    conn = sqlite3.connect(sample_path)
    (data,) = conn.execute("SELECT data FROM crm_data LIMIT 1").fetchone()
    conn.execute("UPDATE crm_data SET data = ? WHERE data = ?",
                 (bytes(data[:200]) + bytes([data[200] ^ 0xFF]) + bytes(data[201:]), data))
    conn.commit()
    conn.close()
    spoilt = read_in_a_new_process(sample_path)
    assert "cannot be read" in str(spoilt["said"]) and spoilt["values"] != first["values"]


def test_an_answer_while_a_lead_waits_is_kept_for_its_hour_only(sample_path: Path,
                                                                 tmp_path: Path) -> None:
    with PlanStore.open(sample_path) as store:
        hand_plan(store, tmp_path)  # a lead qualified on 1 April 2027: waiting today
        said = handoff_sentence(store)
        assert said
        settled, hour = crm_memo._disk_keys(store, ["summary"])  # type: ignore[misc]
    assert not (crm_memo.folder() / f"{settled}.json").exists()
    assert json.loads((crm_memo.folder() / f"{hour}.json").read_text("utf-8")) == {"text": said}
