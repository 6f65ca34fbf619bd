"""Restoring a version: the plan made as it stood in one of its versions, in
one change the window and the command line both commit."""

from planner.changes import ChangeSet, between
from planner.i18n import _
from planner.store.plan_store import PlanStore
from planner.store.versions import Version


def restore_change(store: PlanStore, version: Version) -> ChangeSet:
    """The change that makes the plan as it was in `version`, as the plan's
    commit would write it (asked of the commit, which writes nothing for
    asking: a refusal is its InvalidEdit). Empty when the plan is as that
    version already. Not exact: every row restored says it changed now."""
    now, then = store.state(), store.state(version.seq)
    found = between(now, then, _("Restore the version \u201c{name}\u201d").format(
        name=version.name))
    # A row that differs only in when it last changed is as it was already.
    rows = tuple(r for r in found if r.before is None or r.after is None
                 or r.before._replace(updated_at=r.after.updated_at) != r.after)
    return store.dry_run(ChangeSet(found.label, rows, exact=False))
