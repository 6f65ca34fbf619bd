"""Rolling automatic backups of the plans a person edits.

One backup a day of each plan, made the first time it is opened for writing
that day, as a whole and consistent copy (SQLite's backup API), kept in a
folder of its own under the platform's data folder (the window passes it):
`backups/<plan id>/<title> <date>.tandem`. The last `KEEP` are kept.
"""

from datetime import date
from pathlib import Path

from planner.errors import PlanError
from planner.i18n import _
from planner.filenames import safe_stem
from planner.store.atomic import write_new
from planner.store.plan_store import PlanStore

KEEP = 14
SUFFIX = ".tandem"


def folder_of(root: Path, store: PlanStore) -> Path:
    return root / "backups" / store.plan().id


def backups_of(root: Path, store: PlanStore) -> list[Path]:
    """This plan's backups, newest first."""
    folder = folder_of(root, store)
    if not folder.is_dir():
        return []
    return sorted((p for p in folder.iterdir() if p.suffix == SUFFIX and p.is_file()),
                  key=lambda p: p.name[-len(SUFFIX) - 10:], reverse=True)


def back_up(root: Path, store: PlanStore, today: date | None = None) -> Path | None:
    """Today's backup of the plan, unless it has one already; older ones past
    the last KEEP are removed. Returns the file written, or None. A backup
    that cannot be written is a PlanError with a plain sentence (the plan
    itself is not touched)."""
    today = today or date.today()
    folder = folder_of(root, store)
    try:
        if any(p.name.endswith(f" {today.isoformat()}{SUFFIX}")
               for p in backups_of(root, store)):
            return None
        folder.mkdir(parents=True, exist_ok=True)
        out = folder / f"{safe_stem(store.plan().title)[:60]} {today.isoformat()}{SUFFIX}"
        write_new(out, store.copy_bytes())
        for old in backups_of(root, store)[KEEP:]:
            old.unlink(missing_ok=True)
    except FileExistsError:
        return None  # another window made today's backup a moment ago
    except OSError as exc:
        raise PlanError(failed_sentence(exc, root)) from None
    return out


def failed_sentence(exc: OSError, root: Path) -> str:
    """Why today's backup could not be made, for the person, in one sentence."""
    import errno

    cause = {errno.ENOSPC: _("the disk it is kept on is full"),
             errno.EDQUOT: _("the disk it is kept on is full"),
             errno.EROFS: _("the disk it is kept on is read-only"),
             errno.EACCES: _("its folder may not be written to"),
             errno.EPERM: _("its folder may not be written to")}.get(
                 exc.errno or 0, _("the disk said: {reason}").format(
                     reason=(exc.strerror or str(exc)).lower()))
    return _("Today's backup of this plan could not be made, because {cause} ({folder}). "
             "Editing goes on: every change is still saved in the plan itself.").format(
                 cause=cause, folder=root / "backups")
