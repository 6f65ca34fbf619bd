"""CRM exports taken into the plan: one change, the import's row in the
history and its rows beside it as one blob of columns (`crm_data`). Undo
takes the import out (the blob stays, so redo brings it back whole)."""

from typing import Protocol

from planner.i18n import _
from planner.changes import ChangeSet, added
from planner.errors import InvalidEdit
from planner.model import CrmImport
from planner.model.actor import Actor
from planner.model.enums import CrmKind
from planner.operations.rows import new, quoted

CRMS = {"salesforce": "Salesforce", "hubspot": "HubSpot"}


class Export(Protocol):
    """An export read and packed (`imports.crm_flow.Prepared`)."""

    @property
    def crm(self) -> str: ...

    @property
    def holds(self) -> CrmKind: ...

    @property
    def rows(self) -> int: ...

    @property
    def unread(self) -> int: ...

    @property
    def mapping_json(self) -> str: ...

    @property
    def blob(self) -> bytes: ...


def take_in_export(acting: Actor, made: Export, file_name: str) -> tuple[ChangeSet, CrmImport]:
    """The one way the window and `tandem import-crm` take an export in."""
    return take_in(acting, crm=made.crm, holds=made.holds, file_name=file_name,
                   rows=made.rows, unread=made.unread, mapping=made.mapping_json,
                   columns=made.blob)


def take_in(acting: Actor, *, crm: str, holds: CrmKind, file_name: str, rows: int,
            unread: int, mapping: str, columns: bytes) -> tuple[ChangeSet, CrmImport]:
    """An export's rows (`columns`, as `imports.crm_columns.to_blob` packs
    them) taken in, in the name of the person acting."""
    if rows <= 0:
        raise InvalidEdit(_("{file} gave no row that could be read; nothing was taken in.")
                          .format(file=file_name[:80]))
    row = new(CrmImport, crm=crm.strip()[:300] or "custom", holds=holds,
              file_name=file_name.strip()[:300] or "export", rows=rows, unread=unread,
              mapping=mapping, imported_by_id=acting.person_id)
    what = "leads" if holds is CrmKind.LEAD else "deals"
    label = f"Take in {rows:,} {what} from {quoted(row.file_name)}"
    return ChangeSet(label, (added(row),), attached=((row.id, columns),)), row


def crm_name(crm: str) -> str:
    return CRMS.get(crm, crm)
