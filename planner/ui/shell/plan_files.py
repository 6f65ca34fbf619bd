"""The File menu's work on whole plans: versions, changes, merging another
copy, a copy of the plan, backups. Each takes the main window it acts in."""

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QStandardPaths, QTimer

from planner.errors import PlanError
from planner.model.records import KINDS
from planner.store.plan_store import PlanStore
from planner.store.versions import State, Version
from planner.ui.shell.lazy import dialogs
from planner.ui.i18n import tr

if TYPE_CHECKING:
    from planner.ui.shell.session import PlanSession

# The main window these act in; it imports this module, so it is not named here.
MainWindow = Any

BACKUP_DELAY_MS = 3000  # after a plan opens, today's backup is made when the window is idle


def there(path: Path) -> bool:
    """The file exists (False too on a disk that has gone: a pulled stick)."""
    try:
        return path.exists()
    except OSError:
        return False


def data_folder() -> Path:
    """Tandem's own folder of the user's data (the sample plan, backups):
    `…/Tandem` under the system's data folder. Qt's application data folder
    adds the organisation too (`…/Tandem/Tandem`); what an earlier Tandem put
    there is moved up on first use."""
    global _data_folder
    if _data_folder is None:
        base = Path(QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.GenericDataLocation))
        _data_folder = base / "Tandem"
        _move_up(_data_folder / "Tandem", _data_folder)
    return _data_folder


_data_folder: Path | None = None


def _move_up(old: Path, new: Path) -> None:
    """Everything in `old` moved into `new` (nothing there replaced); the plan
    last opened, and the recent plans, follow what moved."""
    try:
        if not old.is_dir():
            return
        moved: dict[str, str] = {}
        for entry in old.iterdir():
            target = new / entry.name
            if not target.exists():
                entry.rename(target)
                moved[str(entry)] = str(target)
        if not any(old.iterdir()):
            old.rmdir()
    except OSError:
        return  # left where it was: it is still read from there by nobody, and harms nothing
    from PySide6.QtCore import QSettings

    settings = QSettings()

    def follow(value: str) -> str:
        for was, now in moved.items():
            if value == was or value.startswith(was + "/"):
                return now + value[len(was):]
        return value

    last = str(settings.value("last_plan", ""))
    if last:
        settings.setValue("last_plan", follow(last))
    recent = settings.value("recent_plans", [])
    if isinstance(recent, list) and recent:
        settings.setValue("recent_plans", [follow(str(p)) for p in recent])


# -- versions -----------------------------------------------------------------------------

def local_time(moment: Any) -> str:
    from planner.times import local_time as written

    return written(moment)


def save_version(window: MainWindow) -> None:
    session = window.session
    if session is None:
        return
    from planner.ui.dialogs.versions import SaveVersionDialog

    dialog = SaveVersionDialog(window, f"Version of {date.today():%-d %B %Y}")
    dialog.author.setText(session.store.acting.name)  # the person at the keyboard
    if not dialogs.exec_dialog(dialog):
        return
    name, note, author = dialog.values()
    try:
        version = session.store.save_version(name, note, author)
    except PlanError as exc:
        dialogs.warn(window, tr("Version not saved"), str(exc))
        return
    window.statusBar().showMessage(tr("Saved the version \u201c{name}\u201d").format(
        name=version.name), 8000)


def show_versions(window: MainWindow) -> Any:
    session = window.session
    if session is None:
        return None
    from planner.ui.dialogs.versions import VersionsDialog

    dialog = VersionsDialog(window, session.store.versions(), session.read_only)
    dialog.open_requested.connect(lambda v: open_version(window, v))
    dialog.compare_requested.connect(lambda v: compare_version(window, v))
    dialog.compare_two_requested.connect(lambda a, b: compare_versions(window, a, b))
    dialog.restore_requested.connect(lambda v: restore_version(window, v))

    def delete(version: Version) -> None:
        if not dialogs.confirm(window, tr("Delete version"),
                               tr("Delete the version \u201c{name}\u201d? The plan itself does not "
                                  "change.").format(name=version.name), tr("Delete version")):
            return
        try:
            session.store.delete_version(version.id)
        except PlanError as exc:
            dialogs.warn(window, "Version not deleted", str(exc))
        dialog.show_versions(session.store.versions())

    dialog.delete_requested.connect(delete)
    dialog.show()
    window.versions_dialog = dialog
    return dialog


def open_version(window: MainWindow, version: Version) -> MainWindow | None:
    """The version in a window of its own, read-only, with a way to restore it."""
    session = window.session
    if session is None:
        return None
    from PySide6.QtWidgets import QToolBar

    from planner.ui.shell.session import PlanSession

    name = tr("\u201c{version}\u201d of {file}").format(version=version.name,
                                                     file=session.store.path.name)
    try:
        store = PlanStore.from_state(session.store.state(version.seq), name)
    except PlanError as exc:
        dialogs.warn(window, tr("Version not opened"), str(exc))
        return None
    store.read_only_reason = tr("the version {name}, saved {when} by {author}. Nothing here "
                                "can be changed.").format(
                                    name=name, when=local_time(version.created_at),
                                    author=version.author)
    other = type(window)()  # a main window of its own
    other.setObjectName("versionWindow")
    other._set_session(PlanSession(store, other))
    other.setWindowTitle(f"{version.name} \u2014 {session.store.plan().title} [version]")
    bar = QToolBar("Version", other)
    bar.setObjectName("versionBar")
    restore = bar.addAction(tr("Restore this version"))
    restore.setEnabled(not session.read_only)
    restore.triggered.connect(lambda: restore_version(window, version))
    other.addToolBar(bar)
    other.resize(window.size())
    other.show()
    window.version_windows.append(other)
    return other


def compare_version(window: MainWindow, version: Version) -> Any:
    session = window.session
    if session is None:
        return None
    store = session.store
    return show_changes(window, f"Changes since \u201c{version.name}\u201d",
                        store.state(version.seq), store.state(), (version.seq, None))


def compare_versions(window: MainWindow, older: Version, newer: Version) -> Any:
    session = window.session
    if session is None:
        return None
    store = session.store
    return show_changes(window, f"\u201c{older.name}\u201d \u2192 \u201c{newer.name}\u201d",
                        store.state(older.seq), store.state(newer.seq), (older.seq, newer.seq))


def restore_version(window: MainWindow, version: Version) -> bool:
    """The plan made as it was in the version: one change, undoable."""
    session = window.session
    if session is None or session.read_only:
        return False
    from planner.outline.changes import differences, summary
    from planner.store.restoring import restore_change

    store = session.store
    try:
        change = restore_change(store, version)
    except PlanError as exc:
        dialogs.warn(window, tr("Cannot restore"), str(exc))
        return False
    if not change:
        window.statusBar().showMessage(tr("The plan is as that version already."), 8000)
        return False
    found = differences(change, store.state(), store.state(version.seq))
    if not dialogs.confirm(window, tr("Restore version"),
                           tr("Make the plan as it was in \u201c{name}\u201d ({changes})? You can "
                              "undo it.").format(name=version.name, changes=summary(found)),
                           tr("Restore")):
        return False
    return session.do(change)


def show_changes(window: MainWindow, title: str, old: State, new: State,
                 places: tuple[int, int | None] | None = None) -> Any:
    """The changes view; between two places in this plan's history, each
    change names who made it."""
    from planner.ui.dialogs.changes import ChangesView

    from planner.outline.changes import between, credited, differences

    found = differences(between(old, new), old, new)
    if places is not None and window.session is not None:
        found = credited(found, window.session.store.last_authors(*places))
    view = ChangesView(window, title, found)
    view.row_requested.connect(window.show_row)
    view.show()
    window.changes_views.append(view)
    return view


def compare_with_file(window: MainWindow) -> Any:
    """This plan now against another plan file (another copy, a backup)."""
    session = window.session
    if session is None:
        return None
    path = dialogs.ask_open_plan(window)
    if path is None:
        return None
    try:
        with PlanStore.open(path, read_only=True) as other:
            theirs = other.state()
    except PlanError as exc:
        dialogs.warn(window, "Cannot compare", str(exc))
        return None
    return show_changes(window, f"{session.store.path.name} \u2192 {path.name}",
                        session.store.state(), theirs)


# -- merging ------------------------------------------------------------------------------

def merge_from(window: MainWindow) -> bool:
    """File > Merge changes from...: another copy's changes into this plan."""
    session = window.session
    if session is None or session.read_only:
        return False
    from planner.store.merge import merge_change, prepare

    path = dialogs.ask_open_plan(window)
    if path is None:
        return False
    try:
        with PlanStore.open(path, read_only=True) as theirs:
            plan = prepare(session.store, theirs)
    except PlanError as exc:
        dialogs.warn(window, "Cannot merge", str(exc))
        return False
    from planner.outline.changes import between, differences

    # What a reader would count: rows of one natural key paired, bookkeeping aside.
    goes_in = len(differences(between(plan.mine, plan.merged), plan.mine, plan.merged))
    if plan.conflicts:
        from planner.ui.dialogs.merge import MergeDialog

        dialog = MergeDialog(window, plan, goes_in, session.store)
        if not dialogs.exec_dialog(dialog) or dialog.change is None:
            return False
        change = dialog.change
    else:
        try:
            change = merge_change(session.store, plan)
        except PlanError as exc:
            dialogs.warn(window, tr("Cannot merge"), str(exc))
            return False
        if not change.recorded:
            dialogs.warn(window, tr("Nothing to merge"),
                         tr("{file} holds nothing this plan does not have.").format(
                             file=path.name))
            return False
        from planner.outline.changes import differences, summary

        found = differences(change, plan.mine, plan.merged)
        if not dialogs.confirm(window, tr("Merge changes"),
                               tr("Bring in the changes from {file} ({changes})? Nobody changed "
                                  "the same thing differently. You can undo it.").format(
                                   file=path.name, changes=summary(found)), tr("Merge")):
            return False
    # The version "Before merging …" is saved with the merge, in its one commit.
    if not session.do(change):
        return False
    window.statusBar().showMessage(tr("Merged the changes from {file}").format(
        file=path.name), 8000)
    return True


# -- copies and backups ---------------------------------------------------------------------

def save_copy(window: MainWindow) -> bool:
    session = window.session
    if session is None:
        return False
    store = session.store
    from planner.filenames import safe_stem

    out = dialogs.ask_save_path(window, tr("Save a copy"), f"{safe_stem(store.plan().title)} "
                                f"copy.tandem", dialogs.PLAN_FILTER)
    if out is None:
        return False
    if out.suffix != ".tandem":
        out = out.with_name(out.name + ".tandem")
    try:
        # The file dialog has asked before replacing a file of that name.
        store.save_copy(out, replace_existing=out.exists())
    except PlanError as exc:
        dialogs.warn(window, tr("Copy not saved"), str(exc))
        return False
    window.statusBar().showMessage(tr("Saved a copy as {file}").format(file=out.name), 8000)
    return True


def new_from_template(window: MainWindow) -> Path | None:
    """A new plan from a shipped template or the company's own, then opened."""
    from planner import templates
    from planner.filenames import safe_stem
    from planner.ui.dialogs.templates import NewFromTemplateDialog

    dialog = NewFromTemplateDialog(window, templates.templates(templates.own_templates_folder()))
    if not dialogs.exec_dialog(dialog) or dialog.template is None:
        return None
    template, title, company, start, end = dialog.values()
    out = dialogs.ask_save_path(window, tr("New plan"), f"{safe_stem(title)}.tandem",
                                dialogs.PLAN_FILTER)
    if out is None:
        return None
    if out.suffix != ".tandem":
        out = out.with_name(out.name + ".tandem")
    if out.exists():
        dialogs.warn(window, tr("Cannot create plan"), tr(
            "{file} already exists; a new plan is never written over another.").format(
            file=out.name))
        return None
    try:
        templates.create(out, template, title, start, end, company).close()
    except PlanError as exc:
        dialogs.warn(window, tr("Cannot create plan"), str(exc))
        return None
    window.open_plan(out)
    return out


def save_as_template(window: MainWindow) -> Path | None:
    """The plan's skeleton as the company's own template."""
    from planner import templates
    from planner.ui.dialogs.templates import SaveTemplateDialog

    session = window.session
    if session is None:
        return None
    store = session.store
    dialog = SaveTemplateDialog(window, store.plan().company or store.plan().title)
    if not dialogs.exec_dialog(dialog):
        return None
    name, about = dialog.values()
    try:
        path = templates.save(store, templates.own_templates_folder(), name, about)
    except FileExistsError:
        dialogs.warn(window, tr("Template not saved"), tr(
            "There is a template of that name already; choose another name."))
        return None
    except PlanError as exc:
        dialogs.warn(window, tr("Template not saved"), str(exc))
        return None
    except OSError as exc:
        from planner.store.names import write_error

        dialogs.warn(window, tr("Template not saved"), write_error(exc, Path(
            exc.filename or templates.own_templates_folder())))
        return None
    window.statusBar().showMessage(tr("Saved the template \u201c{name}\u201d; File \u203a New "
                                      "from template offers it.").format(name=name.strip()),
                                   8000)
    return path


def start_next_period(window: MainWindow) -> Path | None:
    """The next period's plan, chosen and previewed in a dialog, written by the
    function `tandem next` uses; then the window opens it."""
    from planner.store import next_period
    from planner.ui.dialogs.next_period import NextPeriodDialog

    session = window.session
    if session is None:
        return None
    store = session.store
    dialog = NextPeriodDialog(window, store)
    if not dialogs.exec_dialog(dialog) or dialog.made is None:
        return None
    made = dialog.made
    from planner.filenames import safe_stem

    out = dialogs.ask_save_path(window, tr("Save the new plan as"),
                                f"{safe_stem(made.plan.title)}.tandem", dialogs.PLAN_FILTER)
    if out is None:
        return None
    if out.suffix != ".tandem":
        out = out.with_name(out.name + ".tandem")
    if out.exists():
        dialogs.warn(window, tr("Not started"), tr("{file} already exists; a new period is "
                                                   "never written over a plan.").format(
            file=out.name))
        return None
    try:
        next_period.start_next_period(store, out, made)
    except PlanError as exc:
        dialogs.warn(window, tr("Not started"), str(exc))
        return None
    window.open_plan(out)
    window.statusBar().showMessage(tr("Started {title}; the closed plan keeps a final "
                                      "version.").format(title=made.plan.title), 8000)
    return out


def rescue(window: MainWindow, sentence: str) -> Path | None:
    """The plan's disk has gone: say so, offer to save the plan from memory
    (its history and versions too) on another disk, and go on editing that copy."""
    session = window.session
    if session is None:
        return None
    store = session.store
    if not dialogs.confirm(window, tr("The plan's disk is gone"), sentence,
                           tr("Save elsewhere\u2026"), tr("Later")):
        window.statusBar().showMessage(
            tr("Nothing more is written to the lost disk; File \u203a Save a copy\u2026 saves "
               "the plan from memory."), 0)
        return None
    from planner.filenames import safe_stem

    suggested = dialogs.documents() / f"{safe_stem(store.plan().title)} (rescued).tandem"
    out = dialogs.ask_save_path(window, tr("Save the plan elsewhere"), str(suggested),
                                dialogs.PLAN_FILTER)
    if out is None:
        return None
    if out.suffix != ".tandem":
        out = out.with_name(out.name + ".tandem")
    try:
        store.save_copy(out, replace_existing=out.exists())
    except PlanError as exc:
        dialogs.warn(window, tr("Copy not saved"), str(exc))
        return None
    section = window.current_section_key()
    if window.open_plan(out, section):
        window.statusBar().showMessage(tr("Saved the plan from memory as {file}; you are "
                                          "editing it now.").format(file=out.name), 10_000)
    return out


_backup_said = False  # a backup that cannot be made is said once a session


def schedule_backup(window: MainWindow, session: "PlanSession") -> None:
    """Today's backup, made a little after the plan opens (not in its way).
    When it cannot be made, a plain sentence says so once; editing goes on."""
    if session.read_only:
        return

    def run() -> None:
        global _backup_said
        if window.session is not session:
            return  # closed meanwhile
        from planner.store.backups import back_up

        try:
            back_up(data_folder(), session.store)
        except PlanError as exc:
            if not _backup_said:
                _backup_said = True
                window.show_problem(str(exc))

    QTimer.singleShot(BACKUP_DELAY_MS, window, run)


def restore_from_backup(window: MainWindow) -> MainWindow | None:
    """A backup of this plan, opened read-only in a window of its own."""
    session = window.session
    if session is None:
        return None
    from planner.store.backups import backups_of

    found = backups_of(data_folder(), session.store)
    if not found:
        dialogs.warn(window, tr("No backups"), tr("This plan has no backups yet. Tandem makes "
                                                  "one each day the plan is opened for editing."))
        return None
    chosen = dialogs.ask_item(window, tr("Restore from backup"),
                              tr("Open a backup (read-only; save a copy of it to keep it):"),
                              [p.stem for p in found])
    if chosen is None:
        return None
    other = type(window)()
    other.setObjectName("backupWindow")
    if not other.open_plan(found[chosen], read_only=True):
        other.deleteLater()
        return None
    other.show()
    window.version_windows.append(other)
    return other


def section_of(kind_name: str) -> str:
    from planner.outline.changes import SECTION_OF

    return next((SECTION_OF[k] for k in KINDS if k.__name__ == kind_name), "overview")
