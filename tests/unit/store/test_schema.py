"""The store's map of records to tables is the schema the migrations build."""

from datetime import date
from pathlib import Path

from planner.model import KINDS
from planner.store.plan_store import PlanStore, new_plan
from planner.store.schema import CASCADE, FOREIGN_KEYS, SET_NULL, TABLES


def test_tables_columns_and_foreign_keys_are_those_the_migrations_build(tmp_path: Path) -> None:
    with PlanStore.create(tmp_path / "p.tandem", new_plan("P", date(2027, 1, 1),
                                                          date(2027, 6, 30))) as store:
        conn = store._conn
        built = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        # The plan's tables, its history (planner/store/history.py), its
        # versions (planner/store/versions.py) and its CRM imports' columns.
        assert built == {TABLES[k].name for k in KINDS} | {
            "change_log", "change_log_row", "change_seen", "change_other", "change_merged",
            "plan_version", "crm_data"}
        declared = {(TABLES[fk.child].name, fk.column, TABLES[fk.parent].name, fk.on_delete)
                    for fk in FOREIGN_KEYS}
        found = set()
        for kind in KINDS:
            table = TABLES[kind]
            columns = {r[1] for r in conn.execute(f'PRAGMA table_info("{table.name}")')}
            assert columns == set(table.columns), table.name
            for fk in conn.execute(f'PRAGMA foreign_key_list("{table.name}")'):
                found.add((table.name, fk[3], fk[2], fk[6]))
        assert found == declared
        assert {fk.on_delete for fk in FOREIGN_KEYS} == {CASCADE, SET_NULL}


def test_a_record_read_back_is_the_record_written(sample_path: Path) -> None:
    """Every kind survives the trip to SQLite and back unchanged."""
    with PlanStore.open(sample_path) as store:
        for kind in KINDS:
            table = TABLES[kind]
            for row in store.rows(kind)[:20]:
                assert table.read(table.write(row)) == row


def test_the_written_newest_schema_is_what_the_steps_build() -> None:
    """Opening compares a file's schema with `migrations/schema.json` rather than
    running every step; the file must be what the steps build (else run
    `python -m planner.store.migrations`)."""
    from planner.store.fileformat import migrated_schema, newest_schema
    from planner.store.migrations import SCHEMA_VERSION

    assert newest_schema() == migrated_schema(SCHEMA_VERSION)
