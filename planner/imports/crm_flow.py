"""Taking a CRM export in, up to the change: the one flow the window and
`tandem import-crm` share. The file is read with the mapping its source
gives (a preset checked against the header, or a saved mapping), its rows
made columns and packed as the blob the import keeps; the operation
(`operations.crm.take_in`) and the commit come after, in the caller."""

import json
from dataclasses import dataclass, replace
from pathlib import Path

from planner.imports.crm import (
    Export, ExportError, Mapping, MappingError, detect, find_formats, mapping_from_json,
    valid_zone)
from planner.imports.crm_columns import ColumnReading, read_columns, to_blob
from planner.model.enums import CrmKind

NAMES = {"salesforce": "Salesforce", "hubspot": "HubSpot"}
SOURCES = tuple(NAMES)


@dataclass(frozen=True)
class Prepared:
    """An export read and ready to be taken in."""

    export: Export
    mapping: Mapping
    reading: ColumnReading
    blob: bytes

    @property
    def holds(self) -> CrmKind:
        return CrmKind(self.mapping.kind.value)

    @property
    def mapping_json(self) -> str:
        return json.dumps(self.mapping.to_json(self.export.header), ensure_ascii=False)

    @property
    def crm(self) -> str:
        return self.mapping.source

    @property
    def rows(self) -> int:
        return len(self.reading)

    @property
    def unread(self) -> int:
        return self.reading.problems.unread


def mapping_for(export: Export, source: str, zone: str | None) -> Mapping:
    """The mapping a source names: "salesforce" or "hubspot" (the preset the
    header matches, which must be that CRM's), or a saved mapping's file."""
    if source.casefold() in SOURCES:
        found = detect(export.header)
        if found is None or found.source != source.casefold():
            said = f"a {NAMES[found.source]} export" if found else "no export Tandem knows"
            raise MappingError(f"{export.path.name} is {said} by its columns, not "
                               f"{NAMES[source.casefold()]}'s; give a mapping (MAPPING.json) "
                               "for it.")
        mapping = found
    else:
        path = Path(source)
        try:
            text = path.read_text("utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise MappingError(f"The mapping {path.name} cannot be read "
                               f"({getattr(exc, 'strerror', None) or exc}).") from None
        if len(text) > 1_000_000:
            raise MappingError(f"The mapping {path.name} is larger than any mapping is.")
        try:
            data = json.loads(text)
        except ValueError:
            raise MappingError(f"The mapping {path.name} is not JSON.") from None
        mapping = mapping_from_json(data, export.header)
    if zone is not None:
        if not valid_zone(zone):
            raise MappingError(f"\u201c{zone[:40]}\u201d is not a time zone (say, for "
                               "example, Europe/Berlin or UTC).")
        mapping = replace(mapping, zone=zone)
    return find_formats(export, mapping)


def prepare(path: Path, source: str, zone: str | None = None) -> Prepared:
    export = Export(path)
    return prepare_mapped(export, mapping_for(export, source, zone))


def prepare_mapped(export: Export, mapping: Mapping) -> Prepared:
    """The whole export read with a mapping already chosen (the window's)."""
    path = export.path
    reading = read_columns(export, mapping)
    if not len(reading):
        raise ExportError(f"{path.name} gave no row that could be read"
                          + (f" ({reading.problems.problems[0].sentence()})"
                             if reading.problems.problems else "") + "; nothing was taken in.")
    return Prepared(export, mapping, reading, to_blob(reading, {"crm": mapping.source}))
