"""Ordered schema steps; each runs in its own transaction and sets user_version."""

import sqlite3
from pathlib import Path

SCHEMA_VERSION = 15  # the newest step; a plan file's user_version
# The newest version's schema objects, written by `python -m planner.store.migrations`
# so that opening a plan need not run every step to know what its schema should be.
SCHEMA_FILE = Path(__file__).parent / "schema.json"


def _step_sql(version: int) -> str:
    # Beside this module, in the source and in the built program alike.
    return (Path(__file__).parent / f"v{version:03d}.sql").read_text("utf-8")


def _statements(sql: str) -> list[str]:
    code = "\n".join(line for line in sql.splitlines() if not line.startswith("--"))
    return [s.strip() for s in code.split(";\n") if s.strip()]


def migrate(conn: sqlite3.Connection, up_to: int = SCHEMA_VERSION) -> int:
    """Bring the plan to a schema version (the newest by default); return how
    many steps ran."""
    (current,) = conn.execute("PRAGMA user_version").fetchone()
    ran = 0
    for version in range(current + 1, up_to + 1):
        conn.execute("BEGIN IMMEDIATE")
        try:
            for statement in _statements(_step_sql(version)):
                conn.execute(statement)
            conn.execute(f"PRAGMA user_version = {version}")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")
        ran += 1
    return ran
