"""The plan file: create, open (refusing what is not a sound plan), read, commit.

`commit(change_set)` is the only way anything writes a plan. It runs the
domain rules once for every path, adds what follows from the change to the
same change set, writes it in one transaction and only then tells listeners
which rows changed. Everything else the store does reads: from rows it
holds in memory, kept true by its own commits (it is the only writer).

The kinds that grow all year (`LAZY`: a goal's check-ins) are checked in SQL
when the plan opens (`sqlcheck`) and read when first needed: the window asks
only for each goal's latest (`recent`) and one goal's history (`where`), so a
plan of 50,000 check-ins opens as fast as one without.
"""

import sqlite3
from collections.abc import Callable, Generator, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path
from typing import Any

from planner.i18n import N_, _, ngettext, number
from planner.changes import ChangeSet, RowChange, added
from planner.errors import (
    InvalidEdit, MediumLost, OutsideChange, PlanError, PlanFileError, ReadOnlyPlan, one_line)
from planner.model import CheckIn, CrmImport, Plan, R, Record, new_id, utc_now
from planner.model.actor import Actor, login_actor
from planner.model.nouns import noun
from planner.model.order import ORDER
from planner.model.records import KINDS
from planner.model.validation import clean_text, is_valid, validate
from planner.rules import roles
from planner.store import connection, history
from planner.store.atomic import write_new, write_replacing
from planner.store.history import Authored, OtherRows
from planner.store.names import plan_name_problem
from planner.store.lock import Holder
from planner.store.mirror import KindRows
from planner.store.migrations import SCHEMA_VERSION
from planner.store.opening import Opened, damaged, open_bytes, open_file
from planner.store.schema import CASCADE, FOREIGN_KEYS, TABLES, stored
from planner.store.sqlcheck import Later
from planner.store.versions import (
    DELETE_VERSION, INSERT_VERSION, State, Version, read_versions, rewound, state_of)

Listener = Callable[[ChangeSet], None]

BATCH = 5000  # rows a step of the idle check reads of a kind not read on opening
# Kinds read when first needed rather than on opening (checked in SQL then).
LAZY: frozenset[type[Record]] = frozenset({CheckIn})
# Data kept beside a row (a CRM import's columns): written once, kept for a redo.
INSERT_ATTACHED = "INSERT OR IGNORE INTO crm_data (import_id, data) VALUES (?, ?)"
MAX_ATTACHED = 1 << 30


def readable(path: Path) -> bool:
    """Whether the file's first bytes can still be read (a pulled stick's
    cannot)."""
    try:
        with path.open("rb") as f:
            return len(f.read(100)) == 100
    except OSError:
        return False


class PlanStore:
    """One open plan file."""

    def __init__(self, path: Path, opened: Opened, acting: Actor | None = None) -> None:
        self.path = path
        # Who makes the changes committed here (declared, not proven, on a
        # file): every change set records them, and the roles are theirs.
        self.acting: Actor = acting or login_actor()
        # What the plan is read from: for a writable file, a replica in memory
        # written with the file at every commit, so that a disk that goes away
        # takes nothing the window holds (its history and versions included).
        self._conn = opened.conn
        self._disk = opened.disk  # the file's own connection, for a writable plan
        # The replica while it is copied on a thread (the window's way): until
        # then the plan is read from the file's own connection.
        self._copying = opened.copying
        self.lost: str | None = None  # why the file's disk is gone, in one sentence
        self._writing = opened.in_memory  # nothing is written before the first commit
        self._lock = opened.lock
        self.held_by: Holder | None = opened.held_by
        self.read_only = not opened.writable
        # Why the plan is read-only, in one sentence (None when it is not).
        self.read_only_reason = opened.reason
        self.foreign_objects = opened.foreign  # schema objects Tandem did not create
        self._kinds: dict[type[Record], KindRows] = {}
        # A lazy kind not read yet: each group's last rows, by (kind, field, n).
        self._recent: dict[tuple[type[Record], str, int], dict[str, tuple[Record, ...]]] = {}
        self._later: Later | None = None  # the lazy kinds' check, when asked on a thread
        # The window's way (`check_later`): kinds not read on opening, each read
        # and checked when first asked for, or by `check_step` once the plan is shown.
        self._unchecked: list[type[Record]] = []
        self._partial: dict[type[Record], Generator[None, None, list[Record]]] = {}  # kinds part read by check_step
        self._stepped = False  # whether `check_step` has started the check left
        self._refused: PlanFileError | None = None  # what that check found, if anything
        # The lazy kinds' pages, checked by SQLite on that thread too (not on opening).
        self._pages_later = opened.pages_later
        self._pages_damaged = False  # what that check found there
        self._listeners: list[Listener] = []
        self._status_checked = False  # the first commit makes the plan's status true
        self._seq = -1  # the history's last entry, read when first needed
        # Commits by other programs are seen by SQLite's count of them.
        self._outside = connection.data_version(self._disk) if self._disk else None

    # -- opening and closing ------------------------------------------------

    @classmethod
    def create(cls, path: Path, plan: Plan | None = None, *,
               acting: Actor | None = None) -> "PlanStore":
        """Make a new plan file (never over another file) and open it; with
        `plan`, its first row is committed."""
        rows = (added(plan),) if plan is not None else ()
        return cls.build(path, ChangeSet("Create plan", rows), acting=acting)

    @classmethod
    def build(cls, path: Path, change: ChangeSet | Sequence[tuple[ChangeSet, Actor]], *,
              acting: Actor | None = None) -> "PlanStore":
        """A new plan file made whole in memory, by one commit of `change` (every
        rule runs on it), and given its name only when complete and on disk: a
        refusal, a kill or a full disk leaves no file. Never over another file.
        Several change sets, each with its author, make a plan with a history
        (the sample plans). Returned open for writing."""
        cls.write_new(path, change, acting=acting)
        return cls.open(path, acting=acting)

    @classmethod
    def write_new(cls, path: Path, change: ChangeSet | Sequence[tuple[ChangeSet, Actor]], *,
                  acting: Actor | None = None) -> None:
        """`build` without opening the plan afterwards (a command that only
        makes the file: nothing beside it, not even the lock, if it is killed)."""
        path = Path(path)
        if path.exists() or path.is_symlink():
            raise PlanFileError(_("{name} already exists; choose another name.").format(name=path.name))
        too_long = plan_name_problem(path)
        if too_long:
            raise PlanFileError(too_long)
        conn = connection.blank()
        try:
            made = cls(path, Opened(conn, None, None, None, (), in_memory=True), acting)
            for step, author in ([(change, made.acting)] if isinstance(change, ChangeSet)
                                 else change):
                made.acting = author
                made.commit(step)
            data = conn.serialize()
        finally:
            conn.close()
        write_plan(path, data)

    @classmethod
    def open(cls, path: Path, *, read_only: bool = False, acting: Actor | None = None,
             check_later: bool = False, on_demand: bool = False) -> "PlanStore":
        """Open a plan for writing, or read-only when asked or when something
        stands in the way (`read_only_reason` says what). Every row is checked
        now (read, or for `LAZY` kinds asked of SQLite): a value the plan could
        not hold (put there by another program) refuses the file with a
        sentence naming the row, before any window or command meets it.
        `acting` is who makes the changes (the login, as a guest, when not
        given). With `check_later` the `LAZY` kinds are checked on a thread,
        started by the first `checking()` (the window asks once the plan is
        shown); `finish_checking` acts on the answer, and a commit waits for it.
        With `on_demand` too, only the plan's own row is read now: each other
        kind when first asked for (the window's first section reads only its
        own), the rest by `check_step` while the window is idle; a row they
        refuse sets `refusal` and refuses the plan as opening would have."""
        path = Path(path)
        later = frozenset(TABLES[k].name for k in LAZY) if check_later else frozenset()
        store = cls(path, open_file(path, read_only, later), acting)
        try:
            store._check_rows(later=check_later, on_demand=check_later and on_demand)
        except BaseException:
            store.close()
            raise
        return store

    @classmethod
    def from_bytes(cls, data: bytes, name: str, *, writable: bool = False,
                   acting: Actor | None = None) -> "PlanStore":
        """A plan held in memory only, from a whole file's bytes: a copy a merge
        goes into before it is written out, or a plan to look at."""
        store = cls(Path(name), open_bytes(name, data, writable), acting)
        try:
            store._check_rows()
        except BaseException:
            store.close()
            raise
        return store

    @classmethod
    def copy_of(cls, path: Path, *, acting: Actor | None = None) -> "PlanStore":
        """A writable plan in memory holding a copy of a plan file, as it is at
        rest: what `merge -o` merges into before writing it out. The file is
        only read (its rows are read and checked once, in the copy)."""
        path = Path(path)
        opened = open_file(path, True)
        try:
            data = connection.at_rest(opened.conn)
        except sqlite3.Error as exc:
            raise PlanFileError(_("{name} could not be read ({reason}).").format(name=path.name,
                                    reason=exc)) from None
        finally:
            for conn in {id(c): c for c in (opened.conn, opened.disk) if c is not None}.values():
                connection.close(conn, checkpoint_first=False)
        return cls.from_bytes(data, path.name, writable=True, acting=acting)

    @classmethod
    def from_state(cls, state: State, name: str) -> "PlanStore":
        """A read-only plan in memory holding the given rows (a version, to look at)."""
        conn = connection.blank()
        store = cls(Path(name), Opened(conn, None, None, None, (), in_memory=True))
        try:
            store.commit(ChangeSet("Version", tuple(
                added(row) for kind in KINDS for row in state.get(kind, {}).values()),
                exact=True))
        except BaseException:
            store.close()
            raise
        store.read_only = True
        store.read_only_reason = _("{name} is an earlier version of the plan, shown "
                                   "read-only.").format(name=name)
        return store

    def close(self) -> None:
        """Close the plan; after writing, the file is left at rest. Never
        raises for a disk that went away: what it held is what was synced."""
        copying, self._copying = self._copying, None
        if copying is not None:
            copying.discard()
        try:
            if self._disk is not None and self._disk is not self._conn:
                connection.close(self._disk, checkpoint_first=self._writing)
            connection.close(self._conn, checkpoint_first=self._writing and self._disk is None)
        finally:
            self._disk = None
            if self._lock:
                self._lock.release()
                self._lock = None

    def __enter__(self) -> "PlanStore":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def act_as(self, actor: Actor) -> None:
        """Changes committed from now on are this person's (File › Who You Are)."""
        self.acting = actor

    # -- listening ------------------------------------------------------------

    def subscribe(self, listener: Listener) -> None:
        self._listeners.append(listener)

    def unsubscribe(self, listener: Listener) -> None:
        if listener in self._listeners:
            self._listeners.remove(listener)

    # -- changing -------------------------------------------------------------

    def commit(self, change: ChangeSet) -> ChangeSet:
        """Write one change set in one transaction, with everything the rules
        make follow from it; return what was committed (its inverse undoes it).
        A refusal is an InvalidEdit with one sentence, and changes nothing."""
        if self._later is not None or self._refused is not None or self._unchecked:
            self.finish_checking()  # nothing is written to a plan the check refuses
        self._refuse_if_read_only()
        self._take_replica()  # written with the file from the first commit
        if not change.recorded:
            return change
        outside = self.check_outside()
        if outside is not None:
            refused = OutsideChange(outside_sentence(self.path.name, outside, refused=True))
            refused.change = outside  # what the other program changed
            raise refused
        committed, now = self._pending(change)
        statements = self._statements(committed)
        if committed.attached:  # an import's columns, in the same transaction
            statements.append((INSERT_ATTACHED, [(i, bytes(d)) for i, d in committed.attached]))
        if not self._writing:
            self._start_writing()
        seq = self._next_seq()
        if committed.bookmark:  # the version before it, in the same transaction
            version_id, name = committed.bookmark
            statements.append((INSERT_VERSION, [Version(
                version_id, clean_text("name", name), "", "Tandem", now, seq - 1,
                automatic=True).row()]))
        if committed.unbookmark:
            statements.append((DELETE_VERSION, [(committed.unbookmark[0],)]))
        statements += history.statements(committed, new_id(), seq, now, self.acting)
        self._write(statements)
        self._seq += 1
        self._status_checked = True
        self._remember(committed)
        for listener in list(self._listeners):
            listener(committed)
        return committed

    def dry_run(self, change: ChangeSet) -> ChangeSet:
        """What `commit(change)` would commit (the cascade and every derived
        row included), without writing anything; a refusal is the same
        InvalidEdit the commit would raise. A merge or a restore asks this
        rather than working out the rules again."""
        self._refuse_if_read_only()
        if not change.recorded:
            return change
        return self._pending(change)[0]

    def _pending(self, change: ChangeSet) -> tuple[ChangeSet, datetime]:
        """The change as the rules make it, or the InvalidEdit that refuses it."""
        # The rules are imported with the first change, not to show a plan.
        from planner.rules.commit import refusal
        from planner.store.pending import Pending

        pending = Pending(self, utc_now())
        pending.take(change)
        pending.cascade()
        pending.settle()
        pending.check_one_plan()
        pending.keep_status_true(always=not self._status_checked)
        pending.check_references()
        pending.check_keys()
        problem = refusal(pending.changes(), pending)
        if not problem and self._rows_of(Plan).ordered():  # a plan being made has no roles yet
            problem = roles.refusal([(r.before, r.after) for r in change], pending.changes(),
                                    self, pending, self.acting, exact=change.exact,
                                    merge=bool(change.merges or change.unmerges))
        if problem:
            raise InvalidEdit(problem)
        for owner, data in change.attached:
            row = pending.get(CrmImport, owner)
            if row is None or not isinstance(data, (bytes, bytearray)) or len(data) > MAX_ATTACHED:
                raise InvalidEdit(_("Data came with the change for no CRM import it makes, "
                                    "or more than a plan keeps beside one (1 GB)."))
        committed = replace(pending.committed(change.label, change.exact),
                            merges=change.merges, unmerges=change.unmerges,
                            bookmark=change.bookmark, unbookmark=change.unbookmark,
                            other_rows=change.other_rows, other_lacked=change.other_lacked,
                            authored=change.authored, attached=change.attached)
        return committed, pending.now

    def _write(self, statements: list[tuple[str, list[tuple[Any, ...]]]]) -> None:
        """One transaction on the file, then the same on the replica; a disk
        that fails makes the plan read-only (`lost`) and writes nothing more."""
        self._take_replica()  # copied on a thread: written from the first write on
        if self._disk is not None:
            try:
                connection.write(self._disk, self.path.name, statements)
            except MediumLost as exc:
                self._lose(str(exc))
                raise
        if self._conn is not self._disk:
            connection.write(self._conn, self.path.name, statements)

    def _lose(self, sentence: str) -> None:
        """The file's disk has gone: stop writing, keep every row in memory."""
        copying, self._copying = self._copying, None
        replica = copying.replica() if copying is not None else None
        if replica is not None:  # copied before the disk went: read from it
            self._conn = replica
        self.lost = self.read_only_reason = sentence
        self.read_only = True
        disk, self._disk = self._disk, None
        if disk is not None and disk is not self._conn:
            connection.close(disk, checkpoint_first=False)
        if self._lock:
            self._lock.release()
            self._lock = None

    def _start_writing(self) -> None:
        """The first commit: the file is upgraded if older, switched to its
        write-ahead log and every commit synced to the medium."""
        self._take_replica()  # before the file's connection can be replaced
        disk = self._disk
        assert disk is not None
        from planner.store.medium import cannot_edit_in_place

        why = cannot_edit_in_place(self.path.parent)
        if why:
            self.read_only = True
            self.read_only_reason = _(
                "{name} is on a disk whose driver cannot write part of a file (a test write "
                "beside the plan: {why}), so editing the plan there would damage it. Nothing "
                "was written: save a copy on another disk and edit that.").format(
                    name=self.path.name, why=why)
            raise ReadOnlyPlan(self.read_only_reason)
        try:
            self._disk, upgraded = connection.start_writing(disk, self.path)
        except sqlite3.Error as exc:
            fault = connection.fault(self.path.name, exc)
            if isinstance(fault, MediumLost):
                self._lose(str(fault))
            raise fault from None
        self._writing = True
        # Changing the journal mode counts as a change in SQLite's count; others' don't yet.
        self._outside = connection.data_version(self._disk)
        if upgraded:  # the plan as it was before the upgrade stays at hand
            self._write_version(Version(
                new_id(), _("Before the upgrade to plan format {version}").format(
                    version=SCHEMA_VERSION), "",
                "Tandem", utc_now(), self._next_seq() - 1, automatic=True))

    def _refuse_if_read_only(self) -> None:
        if self.lost:
            raise MediumLost(self.lost)
        if self.read_only:
            raise ReadOnlyPlan(_("{name} is open read-only; changes are not possible.").format(name=self.path.name))

    # -- other programs ---------------------------------------------------------

    def check_outside(self) -> ChangeSet | None:
        """If another program changed the file since this store last wrote or
        looked, read it again: the rows held become the file's, the change is
        recorded in the history as theirs, and listeners are told. Returns what
        the other program changed (None: nothing did)."""
        disk = self._disk
        if disk is None or self.read_only:
            return None
        self._take_replica()
        now = connection.data_version(disk)
        if now is None or now == self._outside:
            return None
        self._outside = now
        try:
            data = disk.serialize()
        except sqlite3.Error as exc:
            fault = connection.fault(self.path.name, exc)
            if isinstance(fault, MediumLost):
                self._lose(str(fault))
            raise fault from None
        old = {kind: dict(self._rows_of(kind).by_id) for kind in KINDS}
        try:  # refuses a file that now carries SQL Tandem did not write
            replica = open_bytes(self.path.name, data, writable=False).conn
        except PlanError as exc:
            self.read_only, self.read_only_reason = True, str(exc)
            raise
        previous, self._conn, self._kinds = self._conn, replica, {}
        self._recent = {}
        try:
            for kind in KINDS:
                self._rows_of(kind)
        except PlanError as exc:
            self._conn.close()
            self._conn, self._kinds = previous, {kind: KindRows(list(rows.values()), ORDER[kind])
                                                 for kind, rows in old.items()}
            self.read_only, self.read_only_reason = True, str(exc)
            raise
        previous.close()
        self._seq = -1
        rows = [RowChange(before, after) for kind in KINDS
                for row_id in old[kind].keys() | self._rows_of(kind).by_id.keys()
                if (before := old[kind].get(row_id)) != (after := self.get(kind, row_id))]
        change = ChangeSet(_(OUTSIDE_LABEL), tuple(rows), exact=True)
        # Recorded once this store writes the file (before its first edit an
        # older plan has no history to record it in, and is not upgraded for it).
        if change.recorded and self._writing:
            try:
                self._write(list(history.statements(change, new_id(), self._next_seq(),
                                                    utc_now())))
                self._seq += 1
            except PlanError:
                pass  # the other program still holds it; the rows are right all the same
            self._outside = connection.data_version(disk) if self._disk else None
        for listener in list(self._listeners):
            listener(change)
        return change

    def _remember(self, committed: ChangeSet) -> None:
        """The rows held in memory become what was committed."""
        by_kind: dict[type[Record], list[Any]] = {}
        for row in committed:
            by_kind.setdefault(row.kind, []).append(row)
        for kind, changes in by_kind.items():
            if self._unread(kind):  # not held: what is held of it is made again
                self._recount(kind, changes)
                continue
            rows = self._rows_of(kind)
            if len(changes) > 1000:  # a bulk change: one sort, not thousands of inserts
                now = dict(rows.by_id)
                for row in changes:
                    now.pop(row.id, None)
                    if row.after is not None:
                        now[row.id] = row.after
                rows.replace_all(list(now.values()))
                continue
            for row in changes:
                if row.before is not None:
                    rows.remove(row.before)
                if row.after is not None:
                    rows.put(row.after)

    def _recount(self, kind: type[Any], changes: list[RowChange]) -> None:
        """The groups a commit touched, of a kind not held, read again."""
        for (held, by, n), groups in self._recent.items():
            if held is not kind:
                continue
            touched = sorted({getattr(r, by) for c in changes for r in (c.before, c.after)
                              if r is not None})
            for group in touched:
                groups.pop(group, None)
            for at in range(0, len(touched), 500):
                groups.update(self._last_of(kind, by, n, touched[at:at + 500]))

    def _statements(self, change: ChangeSet) -> list[tuple[str, list[tuple[Any, ...]]]]:  # noqa: C901
        """The SQL of a change, rows of one kind and shape batched together."""
        batches: list[tuple[str, list[tuple[Any, ...]]]] = []
        for row in _removals_first(change.rows):
            table = TABLES[row.kind]
            if row.after is None:
                sql, params = table.delete, (row.id,)
            elif row.before is None:
                sql, params = table.insert, table.write(row.after)
            else:
                fields = row.fields()
                sql = table.update(fields)
                params = (*(stored(getattr(row.after, f)) for f in fields), row.id)
            if batches and batches[-1][0] == sql:
                batches[-1][1].append(params)
            else:
                batches.append((sql, [params]))
        return batches

    def _next_seq(self) -> int:
        if self._seq < 0:
            (last,) = self._conn.execute("SELECT coalesce(max(seq), 0) FROM change_log").fetchone()
            self._seq = int(last)
        return self._seq + 1

    def checkpoint(self) -> bool:
        """Fold the write-ahead log into the file (the window does it when
        idle), so a copy of the file alone holds every committed change. A
        disk that has gone is found here too (`lost`)."""
        if not self._writing or self.read_only or self._disk is None:
            return False
        try:
            return connection.checkpoint(self._disk, self.path.name)
        except MediumLost as exc:
            self._lose(str(exc))
            return False

    # -- versions, history and copies ---------------------------------------

    def history(self, *, kinds: bool = False, newest: int | None = None
                ) -> list[history.Entry]:
        """Every change set the plan committed (or the newest few), oldest
        first, without rows; with the kinds of row each touched when asked."""
        return history.entries(self._conn, kinds, newest)

    def authors(self) -> list[str]:
        """Everyone who made a change set of the plan or one its merges brought
        in ("" for the change sets from before plan format 10)."""
        return history.author_names(self._conn)

    def change_set(self, seq: int) -> ChangeSet:
        """The change set at a place in the history, with its rows."""
        return history.rows_of(self._conn, seq)

    def last_authors(self, since: int = 0, upto: int | None = None
                     ) -> dict[tuple[str, str], tuple[Actor, str]]:
        """Who last touched each row changed after place `since` in the history
        (up to place `upto`), and when: {(kind name, row id): (author, UTC time
        as stored)}."""
        return history.last_authors(self._conn, since, upto)

    def changes_to(self, row_id: str) -> frozenset[str]:
        """The ids of the change sets that touched a row."""
        return history.changes_to(self._conn, row_id)

    def other_copy(self, change_id: str) -> tuple[frozenset[str], OtherRows] | None:
        """What the merge `change_id` found in the other copy: this plan's
        change sets it lacked, and its rows where they differed from this plan
        just before (None for a merge recorded before plan format 9)."""
        return history.other_copy(self._conn, change_id)

    def authored(self, ids: frozenset[str]) -> list[Authored]:
        """Change sets among `ids` this plan holds (its own, and those its
        merges brought in), each with its author and the rows it touched."""
        return history.authored(self._conn, ids)

    def merged_authors(self, change_id: str) -> list[Authored]:
        """The change sets the merge `change_id` brought in, by their authors."""
        return history.merged_authors(self._conn, change_id)

    def head(self) -> int:
        """How many change sets the plan has committed: its place in its history."""
        return self._next_seq() - 1

    def state(self, seq: int | None = None, *, later: tuple[int, State] | None = None) -> State:
        """The plan's rows as they are, or as they stood after `seq` change
        sets; worked back from `later` (a later place and its rows) when given."""
        if later is not None and seq is not None and seq <= later[0]:
            return rewound(later[1], history.rows_after(self._conn, seq, later[0]))
        now = state_of(row for kind in KINDS for row in self._rows_of(kind).ordered())
        if seq is None or seq >= self.head():
            return now
        return rewound(now, history.rows_after(self._conn, seq))

    def versions(self) -> list[Version]:
        """The plan's named versions, oldest first."""
        return read_versions(self._conn)

    def version(self, ref: str) -> Version:
        """A version by its id or its name (the newest of that name)."""
        found = [v for v in self.versions() if ref in (v.id, v.name)]
        if not found:
            names = ", ".join(f"\u201c{v.name}\u201d" for v in self.versions()[-5:])
            said = _("{name} has no version \u201c{ref}\u201d (its latest: {names}).") if names \
                else _("{name} has no version \u201c{ref}\u201d (it has none yet).")
            raise PlanError(said.format(name=self.path.name, ref=one_line(ref)[:80],
                                        names=names))
        return found[-1]

    def save_version(self, name: str, note: str = "", author: str = "",
                     automatic: bool = False) -> Version:
        """Name the plan as it stands now; the plan itself does not change."""
        self._refuse_if_read_only()
        name, note = clean_text("name", name), clean_text("note", note)
        author = clean_text("author", author.strip() or self.acting.name or "someone")
        if not self._writing:
            self._start_writing()
        version = Version(new_id(), name, note, author, utc_now(), self.head(), automatic)
        self._write_version(version)
        return version

    def delete_version(self, version_id: str) -> None:
        self._refuse_if_read_only()
        if not self._writing:
            self._start_writing()
        self._write([(DELETE_VERSION, [(version_id,)])])

    def _write_version(self, version: Version) -> None:
        self._write([(INSERT_VERSION, [version.row()])])

    def copy_bytes(self) -> bytes:
        """The whole plan, history and versions included, as the bytes of a
        plan file at rest: a consistent copy (SQLite's backup API) that opens
        anywhere, even while this plan is being edited."""
        self._take_replica()
        try:
            return connection.at_rest(self._conn)
        except sqlite3.Error as exc:
            raise PlanError(_("{name} could not be copied ({reason}).").format(name=self.path.name,
                                reason=exc)) from None

    def save_copy(self, out: Path, replace_existing: bool = False) -> None:
        """Write a copy of the plan to another file, whole or not at all."""
        out = Path(out)
        if out.resolve() == self.path.resolve():
            raise PlanFileError(_("{name} is this plan itself; choose another name.").format(name=out.name))
        write_plan(out, self.copy_bytes(), replace_existing)

    # -- reading --------------------------------------------------------------

    def revisions(self, *kinds: type[Record]) -> dict[str, int]:
        """How many committed change sets touched each row of these kinds."""
        out: dict[str, int] = {}
        for kind in kinds:
            out.update({str(row_id): int(n) for row_id, n in self._conn.execute(
                "SELECT row_id, count(*) FROM change_log_row WHERE kind = ? GROUP BY row_id",
                (kind.__name__,))})
        return out

    def _check_rows(self, later: bool = False, on_demand: bool = False) -> None:
        """Every row read and checked; with `later`, a `LAZY` kind is asked of
        SQLite on a thread instead, and read only if SQLite cannot vouch for
        every row of it (`finish_checking`); with `on_demand`, of the other
        kinds only the plan's own row is read now (see `open`)."""
        checked = frozenset(k for k in KINDS if k not in LAZY)
        for kind in (Plan,) if on_demand else KINDS:
            if not (later and kind in LAZY):
                self._rows_of(kind)
        if on_demand:
            self._unchecked = [k for k in KINDS if k not in LAZY and k not in self._kinds]
        asked = tuple(k for k in KINDS if k in LAZY and k not in self._kinds)
        if asked or self._pages_later:  # the file itself where it is open for writing,
            # else a copy; the pages opening did not check are checked there first
            self._later = Later(self.path if self._disk is not None and not self.read_only
                                else self._conn, asked, checked,
                                pages=bool(self._pages_later))

    def replica_copied(self) -> bool:
        """Whether the replica copied on a thread is done (and read from now):
        the window asks while it is idle; a commit waits for it. Never raises:
        when no copy can be made (the disk has gone: `lost`), none is waited for."""
        if self._copying is not None and self._copying.done():
            try:
                self._take_replica()
            except PlanError as exc:
                if not self.lost:
                    self.read_only, self.read_only_reason = True, str(exc)
        return self._copying is None

    def _take_replica(self) -> None:
        """Read from the replica from now on, waiting for its copy if needed;
        when SQLite could not copy it, the file's bytes are taken instead."""
        copying = self._copying
        if copying is None:
            return
        replica = copying.replica()
        self._copying = None
        if replica is None and self._disk is not None:
            try:
                if copying.error is not None and connection.lost(copying.error):
                    raise copying.error
                replica = connection.memory(self._disk.serialize())
            except sqlite3.Error as exc:
                fault = connection.fault(self.path.name, exc)
                if not isinstance(fault, MediumLost) and not readable(self.path):
                    fault = connection.medium_lost(self.path.name)
                if isinstance(fault, MediumLost):
                    self._lose(str(fault))
                raise fault from None
        if replica is not None:
            self._conn = replica

    @property
    def refusal(self) -> str | None:
        """Why the check left after opening refuses the plan (a row no Tandem
        could use, read since), or None: the window asks once its first
        section is built, and closes the plan with this sentence."""
        return None if self._refused is None else str(self._refused)

    def check_step(self) -> bool:
        """One step of the check left after opening (the window calls it while
        idle): the first starts the question asked on a thread, each later one
        reads and checks one kind not read yet. Whether more is left: kinds not
        read, or the thread's answer (`finish_checking` then acts on it);
        nothing once a row has refused the plan."""
        if self._refused is not None:
            return False
        if not self._stepped:  # the first step only starts the question, so that
            self._stepped = True  # the window's first paint waits for nothing
            if self._later is not None:
                self._later.start()  # SQLite answers without Python's lock meanwhile
            return bool(self._unchecked) or self._later is not None
        if self._unchecked and self.replica_copied():  # read from memory once copied
            self._read_left(self._unchecked[0], whole=False)
        return bool(self._unchecked) or (self._later is not None
                                         and not self._later.answered())

    def finish_checking(self) -> None:
        """The check left after opening, done (waiting for the thread's answer):
        every kind not read yet is read and checked, and a kind SQLite could
        not vouch for is read and checked in Python now. A row no Tandem could
        use refuses the plan with a PlanFileError, then and at every later call
        and commit, and the plan is read-only from then on."""
        while self._unchecked and self._refused is None:
            self._rows_of(self._unchecked[0])
        later, self._later = self._later, None
        if later is not None:
            doubtful = later.doubtful()
            damage, error = later.damage(), later.error()
            if error is not None and connection.lost(error):  # the disk went meanwhile
                self._lose(str(connection.medium_lost(self.path.name)))
                return
            if damage is not None:  # as opening a damaged plan: read-only, said why
                self._pages_damaged = True
                self.read_only, self.read_only_reason = True, damaged(self.path.name, damage)
                return
            try:
                for kind in doubtful:
                    self._rows_of(kind)
            except PlanFileError as exc:
                self._refuse(exc)
        if self._refused is not None:
            raise PlanFileError(str(self._refused))

    def _refuse(self, exc: PlanFileError) -> None:
        self._refused = self._refused or exc  # the first row found says why
        self.read_only, self.read_only_reason = True, str(exc)

    def _unread(self, kind: type[Any]) -> bool:
        return kind in LAZY and kind not in self._kinds

    def _select_where(self, kind: type[Any], where: str, params: Sequence[Any]) -> list[Record]:
        return self._read(kind, f"{TABLES[kind].select} WHERE {where}", params)

    def _read(self, kind: type[Any], sql: str, params: Sequence[Any]) -> list[Record]:
        """Some rows of a kind not held, read and checked as opening would."""
        table = TABLES[kind]
        try:
            with self._reading(table.name):
                read = table.read
                loaded = [read(r) for r in self._conn.execute(sql, tuple(params))]
            return self._checked(kind, loaded)
        except MediumLost:  # the disk has gone (a pulled stick): said as any loss is
            self._lose(str(connection.medium_lost(self.path.name)))
            return []
        except PlanFileError:
            if self._later is None and not self._pages_damaged:
                raise
            # Read before the thread's check answered (the window's first page),
            # or from pages the check found damaged: nothing is shown of the
            # kind, and the check's answer says why (refused, or read-only).
            return []

    def recent(self, kind: type[R], by: str, n: int) -> dict[str, tuple[R, ...]]:
        """Each group's last `n` rows (grouped by the field `by`), in the kind's
        order: a goal's latest check-ins, without reading all of them."""
        order = ORDER[kind]
        if not self._unread(kind):
            groups: dict[str, list[Any]] = {}
            for row in self._rows_of(kind).ordered():
                groups.setdefault(getattr(row, by), []).append(row)
            return {g: tuple(rows[-n:]) for g, rows in groups.items()}
        key: Any = (kind, by, n)
        known = self._recent.get(key)
        if known is None:
            more = [k for k in self._recent if k[:2] == (kind, by) and k[2] > n]
            if more:  # what is held for more rows a group holds these
                known = {g: rows[-n:] for g, rows in self._recent[more[0]].items()}
            else:
                known = self._recent[key] = self._last_of(kind, by, n, None)
        return dict(known)  # type: ignore[arg-type]

    def _last_of(self, kind: type[Any], by: str, n: int,
                 groups: Sequence[str] | None) -> dict[str, tuple[Record, ...]]:
        table = TABLES[kind]
        # The kind's order, newest first, within each group (ORDER is the group,
        # then these fields, in the form stored: sqlcheck vouched for it); each
        # group's rows found through the index on the group's field, and joined
        # by rowid (not through the index on id: 30 ms, not 39, for 50,000).
        fields = [f for f in _ORDER_FIELDS[kind] if f != by]
        newest = ", ".join(f'_x."{f}" DESC' for f in fields)
        params: list[Any] = []
        chosen = ""
        if groups is not None:
            chosen = f' WHERE "{by}" IN ({", ".join("?" * len(groups))})'
            params = list(groups)
        sql = (f'SELECT {", ".join("_r." + c for c in table.columns)} FROM '
               f'(SELECT DISTINCT "{by}" AS _g FROM "{table.name}"{chosen}) AS _groups '
               f'JOIN "{table.name}" AS _r ON _r.rowid IN (SELECT _x.rowid FROM "{table.name}" AS _x '
               f'WHERE _x."{by}" = _groups._g ORDER BY {newest} LIMIT {int(n)})')
        rows = self._read(kind, sql, params)
        out: dict[str, list[Record]] = {}
        for row in sorted(rows, key=ORDER[kind]):
            out.setdefault(getattr(row, by), []).append(row)
        return {g: tuple(rows) for g, rows in out.items()}

    def where(self, kind: type[R], field: str, values: Sequence[Any]) -> tuple[R, ...]:
        """The rows whose `field` is one of `values`, in the kind's order."""
        wanted = set(values)
        if not wanted:
            return ()
        if not self._unread(kind):
            return tuple(r for r in self._rows_of(kind).ordered()  # type: ignore[misc]
                         if getattr(r, field) in wanted)
        if field not in TABLES[kind].columns:  # type: ignore[index]
            raise ValueError(field)
        found: list[Any] = []
        listed = sorted(wanted, key=str)
        for at in range(0, len(listed), 500):
            chunk = listed[at:at + 500]
            found += self._select_where(kind, f'"{field}" IN ({", ".join("?" * len(chunk))})',
                                        [stored(x) for x in chunk])
        return tuple(sorted(found, key=ORDER[kind]))

    def attached(self, owner: str) -> bytes | None:
        """The data kept beside a row (a CRM import's columns), or None."""
        try:
            # As bytes whatever another program stored there (text is not decoded).
            found = self._conn.execute("SELECT CAST(data AS BLOB) FROM crm_data "
                                       "WHERE import_id = ?", (owner,)).fetchone()
        except sqlite3.Error as exc:
            raise PlanFileError(_("{name} could not be read ({reason}).").format(name=self.path.name,
                                    reason=exc)) from None
        return bytes(found[0]) if found and isinstance(found[0], (bytes, memoryview)) else None

    def _rows_of(self, kind: type[Any]) -> KindRows:
        rows = self._kinds.get(kind)
        if rows is None:
            if kind in self._unchecked:  # read after opening (the rest of it, if begun)
                left = self._read_left(kind, whole=True)
                assert left is not None  # whole: all read
                return left
            rows = self._kinds[kind] = KindRows(self._load(kind), ORDER[kind])
        return rows

    def _read_left(self, kind: type[Any], whole: bool) -> KindRows | None:
        """A kind not read on opening: all of it (what is left of it), or with
        `whole` False the next `BATCH` of its rows (an idle step: 60,000 rides
        hold the window a tenth of a second at most at a time, never a second).
        Once all read it is held and returned. A row no Tandem could use
        refuses the plan (`finish_checking` raises it) and nothing of the kind
        is shown; a disk that has gone is lost, and the kind read from the
        copy in memory if that was made in time."""
        batches = self._partial.get(kind)
        if batches is None:
            batches = self._partial[kind] = self._batches(kind)
        try:
            while True:
                next(batches)
                if not whole:
                    return None
        except StopIteration as done:
            loaded: list[Record] = done.value
        except (PlanFileError, MediumLost) as exc:
            if not isinstance(exc, MediumLost) and (self._disk is None or readable(self.path)):
                self._refuse(exc)
                loaded = []
            else:  # the disk has gone (a pulled stick), not a row
                self._lose(str(connection.medium_lost(self.path.name)))
                try:
                    loaded = self._load(kind)
                except (PlanFileError, MediumLost):
                    self._partial.pop(kind, None)
                    self._unchecked.remove(kind)
                    return KindRows([], ORDER[kind])  # none of it was read: not held
        self._partial.pop(kind, None)
        self._unchecked.remove(kind)
        rows = self._kinds[kind] = KindRows(loaded, ORDER[kind])
        return rows

    def _batches(self, kind: type[Any]) -> Generator[None, None, list[Record]]:
        """A kind's rows read and checked `BATCH` at a time (a yield after
        each); returns them all."""
        table = TABLES[kind]
        read, loaded = table.read, list[Record]()
        with self._reading(table.name):
            cursor = self._conn.execute(table.select)
        while True:
            with self._reading(table.name):
                part = [read(r) for r in cursor.fetchmany(BATCH)]
            loaded += self._checked(kind, part)
            if len(part) < BATCH:
                return loaded
            yield

    def _load(self, kind: type[Any]) -> list[Record]:
        table = TABLES[kind]
        with self._reading(table.name):
            read = table.read
            loaded = [read(r) for r in self._conn.execute(table.select)]
        return self._checked(kind, loaded)

    @contextmanager
    def _reading(self, table: str) -> Iterator[None]:
        """Reading a table's rows: what stops it, said as a sentence (the disk
        gone, damage, a value no Tandem reads)."""
        try:
            yield
        except (KeyError, ValueError, TypeError, AttributeError, OverflowError,
                sqlite3.DataError, sqlite3.OperationalError) as exc:
            if isinstance(exc, sqlite3.OperationalError) and connection.lost(exc):
                raise connection.medium_lost(self.path.name) from None  # I/O, not the rows
            raise PlanFileError(_("{name} holds a value in its {table} rows that Tandem cannot "
                                  "read.").format(name=self.path.name, table=table)) from None
        except sqlite3.DatabaseError as exc:  # damaged pages, or a pulled stick's zeros
            if self._disk is not None and not readable(self.path):
                raise connection.medium_lost(self.path.name) from None
            raise PlanFileError(_("{name} is damaged and cannot be opened ({reason}).").format(name=self.path.name, reason=exc)) from None

    def _checked(self, kind: type[Any], loaded: list[Record]) -> list[Record]:
        for row in loaded:
            if not is_valid(row):
                try:
                    validate(row)
                except PlanError as exc:
                    raise PlanFileError(_("{name} holds a {kind} that Tandem cannot use (id "
                                          "{row_id}): {reason}").format(name=self.path.name,
                                            kind=noun(kind), row_id=row.id[:40],
                                            reason=exc)) from None
        return loaded

    def plan(self) -> Plan:
        plans = self._rows_of(Plan).ordered()
        if len(plans) != 1:
            raise PlanError(_("{name} holds {plans} plans instead of one.").format(name=self.path.name,
                                plans=len(plans)))
        return plans[0]  # type: ignore[return-value]

    def rows(self, kind: type[R]) -> tuple[R, ...]:
        """Every row of a kind, in that kind's own order."""
        return self._rows_of(kind).ordered()  # type: ignore[return-value]

    def get(self, kind: type[R], row_id: str) -> R | None:
        if self._unread(kind):
            found = self._select_where(kind, "id = ?", (row_id,))
            return found[0] if found else None  # type: ignore[return-value]
        return self._rows_of(kind).by_id.get(row_id)  # type: ignore[return-value]

    def count(self, kind: type[Record]) -> int:
        if kind in self._kinds:
            return len(self._kinds[kind])
        (n,) = self._conn.execute(f'SELECT count(*) FROM "{TABLES[kind].name}"').fetchone()
        return int(n)

    def changed_outside(self) -> list[str]:
        """Rows another program changed, added or removed (the history, which
        holds every change Tandem made, left them otherwise): a line each."""
        lines = []
        for kind, row_id, how in history.outside_changes(self._conn, self.state()):
            row = self.get(kind, row_id)
            name = getattr(row, "title", None) or getattr(row, "name", None) if row else None
            what = f"{noun(kind)} \u201c{one_line(str(name))[:60]}\u201d" if name else noun(kind)
            lines.append((_("{what} (id {row_id}) was added outside Tandem: its history does "
                            "not hold this change") if how == "added" else
                          _("{what} (id {row_id}) was removed outside Tandem: its history does "
                            "not hold this change") if how == "removed" else
                          _("{what} (id {row_id}) was changed outside Tandem: its history does "
                            "not hold this change")).format(what=what, row_id=row_id[:40]))
        return lines

    def integrity_problems(self) -> list[str]:
        """What SQLite's own checks find wrong in the file (empty when sound)."""
        return connection.integrity_problems(self._disk or self._conn)


def _order_fields(kind: type[Any]) -> tuple[str, ...]:
    """The fields a kind's ORDER sorts by, read from the order itself."""
    probe = kind._make(kind._fields)
    return tuple(ORDER[kind](probe))


_ORDER_FIELDS = {kind: _order_fields(kind) for kind in LAZY}

_CASCADING = frozenset(fk.parent for fk in FOREIGN_KEYS if fk.on_delete == CASCADE)


def _removals_first(rows: tuple[RowChange, ...]) -> list[RowChange]:
    """The rows in the change set's order, except that a row removed goes
    before the first row of its kind added: a row coming in with the key of
    one going out (a version restored, a day off under another id) never
    meets it in the table's unique index. Not for a kind whose removal takes
    other rows with it in SQLite (ON DELETE CASCADE): a row of theirs changed
    later in the change set must still be there to change."""
    first_added: dict[type[Record], int] = {}
    for n, row in enumerate(rows):
        if row.before is None and row.kind not in _CASCADING:
            first_added.setdefault(row.kind, n)

    def place(n: int) -> tuple[int, int]:
        row = rows[n]
        if row.after is None and first_added.get(row.kind, n) < n:
            return first_added[row.kind], 0
        return n, 1
    return [rows[n] for n in sorted(range(len(rows)), key=place)]


OUTSIDE_LABEL = N_("Changed by another program")


def outside_sentence(name: str, change: ChangeSet, refused: bool = False) -> str:
    """What another program's write meant, in one sentence."""
    n = len(change.rows)
    what = ngettext("{count} row", "{count} rows", n).format(count=number(n)) if n else \
        _("nothing Tandem shows")
    if refused:
        said = _("Another program changed {name} while it was open here ({what}); Tandem has "
                 "read the plan again and did not write your last change over theirs. Make it "
                 "again if it still applies.")
    else:
        said = _("Another program changed {name} while it was open here ({what}); Tandem has "
                 "read the plan again; nothing of theirs was written over.")
    return said.format(name=name, what=what)


def write_plan(out: Path, data: bytes, replace_existing: bool = False) -> None:
    """A plan file's bytes under a new name, whole or not at all, never over
    another file unless asked; a name with no room for the plan's side files
    is refused with a sentence that proposes one."""
    out = Path(out)
    too_long = plan_name_problem(out)
    if too_long:
        raise PlanFileError(too_long)
    try:
        (write_replacing if replace_existing else write_new)(out, data)
    except FileExistsError:
        raise PlanFileError(_("{name} already exists; choose another name.").format(name=out.name)) from None
    except OSError as exc:
        raise connection.fault_on_disk(out, exc) from None


def new_plan(title: str, period_start: date, period_end: date, company: str = "") -> Plan:
    """A plan's own row, as a new plan file starts with."""
    now = utc_now()
    return Plan(id=new_id(), created_at=now, updated_at=now, title=title,
                period_start=period_start, period_end=period_end, company=company)


__all__ = ["InvalidEdit", "OUTSIDE_LABEL", "PlanStore", "new_plan", "outside_sentence",
           "write_plan"]
