"""`python -m planner.store.migrations`: write `schema.json`, the schema objects
the steps build up to the newest version (a test holds the file to the steps)."""

import json

from planner.store.fileformat import migrated_schema
from planner.store.migrations import SCHEMA_FILE, SCHEMA_VERSION


def write() -> None:
    objects = sorted(migrated_schema(SCHEMA_VERSION), key=lambda o: (o[0], o[1]))
    SCHEMA_FILE.write_text(json.dumps({"version": SCHEMA_VERSION, "objects": objects},
                                      indent=1, ensure_ascii=False) + "\n", "utf-8")


if __name__ == "__main__":
    write()
    print(f"wrote {SCHEMA_FILE.name} for plan format {SCHEMA_VERSION}")
