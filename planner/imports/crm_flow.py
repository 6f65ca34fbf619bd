"""Taking a CRM export in, up to the change: the one flow the window and
`tandem import-crm` share. The file is read with the mapping its source
gives (a preset checked against the header, or a saved mapping), its rows
made columns and packed as the blob the import keeps; the operation
(`operations.crm.take_in`) and the commit come after, in the caller."""

import json
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from planner.i18n import _
from planner.imports.crm import (
    DEAL_FIELDS, LEAD_FIELDS, Export, ExportError, Kind, Mapping, MappingError, detect, find_formats,
    header_key, mapping_from_json, valid_zone)
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
            raise MappingError((_("{name} is a {crm} export by its columns, not {source}'s; "
                                  "give a mapping (MAPPING.json) for it.") if found else
                                _("{name} is no export Tandem knows by its columns, not "
                                  "{source}'s; give a mapping (MAPPING.json) for it.")).format(
                name=export.path.name, crm=NAMES[found.source] if found else "",
                source=NAMES[source.casefold()]))
        mapping = found
    else:
        path = Path(source)
        try:
            text = path.read_text("utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise MappingError(_("The mapping {name} cannot be read ({reason}).").format(
                name=path.name, reason=getattr(exc, "strerror", None) or exc)) from None
        if len(text) > 1_000_000:
            raise MappingError(_("The mapping {name} is larger than any mapping is.").format(
                name=path.name))
        try:
            data = json.loads(text)
        except ValueError:
            raise MappingError(_("The mapping {name} is not JSON.").format(
                name=path.name)) from None
        mapping = mapping_from_json(data, export.header)
    if zone is not None:
        if not valid_zone(zone):
            raise MappingError(_("\u201c{zone}\u201d is not a time zone (say, for example, "
                                 "Europe/Berlin or UTC).").format(zone=zone[:40]))
        mapping = replace(mapping, zone=zone)
    return find_formats(export, mapping)


def prepare(path: Path, source: str | None, zone: str | None = None,
            saved: Sequence[str] = ()) -> Prepared:
    export = Export(path)
    return prepare_mapped(export, choose_mapping(export, saved, source, zone))


def prepare_mapped(export: Export, mapping: Mapping) -> Prepared:
    """The whole export read with a mapping already chosen (the window's)."""
    path = export.path
    reading = read_columns(export, mapping)
    if not len(reading):
        why = f" ({reading.problems.problems[0].sentence()})" if reading.problems.problems \
            else ""
        raise ExportError(_("{name} gave no row that could be read{why}; nothing was taken "
                            "in.").format(name=path.name, why=why))
    return Prepared(export, mapping, reading, to_blob(reading, {"crm": mapping.source}))


def saved_mapping(export: Export, saved: Sequence[str]) -> Mapping | None:
    """The newest mapping the plan kept (its imports' `mapping`, newest last)
    that fits this export's header: a custom export is mapped once per plan."""
    for text in reversed(saved):
        try:
            data = json.loads(text)
            if not isinstance(data, dict) or data.get("source") in SOURCES:
                continue  # a preset's own: detected again from the header
            kept = mapping_from_json(data, export.header)
            # The date order and decimal mark are found again from this file's
            # values; what the last one had is the habit when they cannot tell.
            return find_formats(export, replace(kept, day_first=None, decimal_comma=None,
                                                usual_day_first=bool(kept.day_first)))
        except (ValueError, MappingError):
            continue
    return None


def choose_mapping(export: Export, saved: Sequence[str] = (), source: str | None = None,
                   zone: str | None = None) -> Mapping:
    """The mapping an export is read with, the same in the window and on the
    command line: the one `source` names, else the CRM the header is, else
    the plan's kept mapping that fits it; a sentence says when there is none."""
    if source:
        return mapping_for(export, source, zone)
    mapping = detect(export.header) or saved_mapping(export, saved)
    if mapping is None:
        raise MappingError(_("{name} is no Salesforce or HubSpot export by its columns, and "
                             "no mapping this plan kept fits it: say which column is which (in "
                             "the window, or with --source MAPPING.json).").format(
                                 name=export.path.name))
    if zone is not None:
        if not valid_zone(zone):
            raise MappingError(_("\u201c{zone}\u201d is not a time zone (say, for example, "
                                 "Europe/Berlin or UTC).").format(zone=zone[:40]))
        mapping = replace(mapping, zone=zone)
    return find_formats(export, mapping)


# Words a CRM's own header uses for each field, best first (the guess of a
# custom export's columns, which the person then checks).
_HINTS: dict[str, tuple[str, ...]] = {
    "crm_id": ("recordid", "leadid", "contactid", "dealid", "opportunityid", "id", "lead",
               "contact", "deal", "leadno", "leadnumber"),
    "mql_at": ("mqldate", "becameamarketingqualifiedleaddate", "marketingqualified", "mql",
               "qualifieddate", "qualifiedon", "qualified"),
    "followed_up_at": ("firsttouch", "firstsalestouch", "firstcontact", "firstengagement",
                       "followedup", "followup", "firstactivity", "firstcall"),
    "owner": ("owner", "leadowner", "contactowner", "dealowner", "rep", "assignedto"),
    "source": ("leadsource", "originalsource", "source", "channel"),
    "campaign": ("campaign", "firstconversion"),
    "region": ("region", "territory", "stateregion", "country", "area"),
    "status": ("leadstatus", "status"),
    "recycled_at": ("recycleddate", "recycled", "sentback"),
    "recycle_reason": ("recyclereason", "reason"),
    "sql_at": ("sqldate", "salesqualified", "sql"),
    "opportunity_at": ("opportunitydate", "becameanopportunitydate", "convertedate",
                       "converteddate"),
    "customer_at": ("customerdate", "becameacustomerdate"),
    "created_at": ("createddate", "createdate", "created"),
    "stage": ("dealstage", "stage"),
    "amount": ("amount", "value", "dealvalue", "arr"),
    "closed_on": ("closedate", "closeddate", "closed"),
    "lead_id": ("leadid", "contactid", "associatedcontactids", "associatedcontact"),
}


def guess_mapping(export: Export, kind: Kind | None = None) -> Mapping:
    """A first guess at a custom export's columns, by their names (a column
    for one field only); the kind a stage and an amount column suggest."""
    keys = [header_key(h) for h in export.header]
    if kind is None:
        has = set(keys)
        kind = Kind.DEAL if any("stage" in k for k in has) and any(
            k in ("amount", "value", "dealvalue") for k in has) else Kind.LEAD
    fields = LEAD_FIELDS if kind is Kind.LEAD else DEAL_FIELDS
    columns: dict[str, int] = {}
    taken: set[int] = set()
    for exact in (True, False):  # names that are a hint first, then names that hold one
        for name in fields:
            if name in columns:
                continue
            for hint in _HINTS.get(name, ()):
                found = next((i for i, k in enumerate(keys) if i not in taken and (
                    k == hint if exact else hint in k and len(hint) > 3 and (
                        name != "crm_id" or hint.endswith("id")))), None)
                if found is not None:
                    columns[name] = found
                    taken.add(found)
                    break
    return find_formats(export, Mapping(kind, columns))
