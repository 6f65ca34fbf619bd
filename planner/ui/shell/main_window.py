"""The main window: a sidebar of sections, the section pages, menus, undo."""

import time
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtGui import QCloseEvent, QGuiApplication, QKeySequence, QScreen, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout, QLabel, QListWidget, QMainWindow, QMenu, QStackedWidget, QVBoxLayout, QWidget)

from planner import APP_NAME
from planner.errors import PlanError
from planner.sections import WINDOW
from planner.ui.shell.actions import build_actions
from planner.ui.i18n import tr
from planner.ui.shell.lazy import dialogs

# The shell of the window paints before the plan's rows are read: everything
# below is imported when a plan opens.
if TYPE_CHECKING:
    from planner.changes import ChangeSet
    from planner.model.reader import PlanReader
    from planner.ui.pages.table import TablePage
    from planner.store.places import PlanRef
    from planner.store.versions import Version
    from planner.ui.shell.session import PlanSession

WORKSHOP_VERSION = "Workshop"  # automatic versions saved as a workshop starts
RECENT_KEPT = 8
SECTIONS = tuple(s.title for s in WINDOW)  # the sidebar, in the registry's order


class MainWindow(QMainWindow):
    def __init__(self) -> None:
        super().__init__()
        self.session: PlanSession | None = None
        self.pages: dict[str, QWidget] = {}
        self.section_menus: dict[QWidget, QMenu] = {}
        self._page_factories: dict[str, Callable[[], QWidget]] = {}
        self.setWindowTitle(APP_NAME)
        self.setAcceptDrops(True)  # a .tandem file dropped on the window opens
        self.menus: dict[str, QMenu] = {}  # by their English titles
        self.actions_by_id = build_actions(self, self.menuBar(), self.menus)
        self.recent_menu = self._recent_menu()
        self.statusBar()  # there from the start: status tips and messages have a place
        self.identity_label = QLabel(objectName="identityStatus")
        self.identity_label.setAccessibleName(tr("Who you are"))
        self.statusBar().addPermanentWidget(self.identity_label)
        # Where a server's plan lives, and who else has it open now.
        self.where_label = QLabel(objectName="whereStatus")
        self.where_label.setAccessibleName(tr("Where the plan lives"))
        self.where_label.setContentsMargins(12, 0, 0, 0)
        self.statusBar().addPermanentWidget(self.where_label)
        self.where_label.hide()
        self.identity_bar: QWidget | None = None
        self.history_views: list[QWidget] = []
        toolbar = self.addToolBar(tr("Workshop"))
        toolbar.setObjectName("mainToolbar")
        toolbar.setMovable(False)
        toolbar.addAction(self.actions_by_id["view.workshop"])
        self.workshop: QWidget | None = None
        self.presenter: QWidget | None = None  # on the facilitator's screen, with two
        # Windows and views opened from this one (versions, backups, changes).
        self.version_windows: list[QWidget] = []
        self.changes_views: list[QWidget] = []
        self.versions_dialog: QWidget | None = None
        view_menu = self.menus["&View"]
        self.display_menu = view_menu.addMenu(tr("Workshop &display"))
        self.display_menu.aboutToShow.connect(self._fill_display_menu)
        self.appearance_menu = view_menu.addMenu(tr("&Appearance"))
        self.appearance_menu.aboutToShow.connect(self._fill_appearance_menu)
        self.language_menu = view_menu.addMenu(tr("&Language"))
        self.language_menu.aboutToShow.connect(self._fill_language_menu)
        self.sidebar = QListWidget(objectName="sidebar")
        self.sidebar.addItems([tr(title) for title in SECTIONS])
        self.sidebar.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._fit_sidebar()
        self.sidebar.setAccessibleName(tr("Sections"))
        self.stack = QStackedWidget()
        # Centred by the style sheet: touching PySide's Qt namespace costs
        # 16 ms, which the first paint need not pay.
        self.empty = QLabel(tr("Open a plan (Ctrl+O) or start a new one (Ctrl+N)."),
                            objectName="emptyState")
        self.stack.addWidget(self.empty)
        self.banner = QLabel(objectName="readOnlyBanner", wordWrap=True)
        self.banner.hide()
        self.problem = QLabel(objectName="problemBar", wordWrap=True)
        self.problem.hide()
        self.problem.installEventFilter(self)  # a click dismisses it
        # A heads-up names a row's warning; it goes when the warning does.
        self._heads_up: tuple[Any, str, str] | None = None
        right = QVBoxLayout()
        right.setContentsMargins(0, 0, 0, 0)
        right.setSpacing(0)
        self.welcome: QWidget | None = None
        self._right = right
        for widget in (self.banner, self.problem, self.stack):
            right.addWidget(widget)
        body = QHBoxLayout()
        body.setContentsMargins(0, 0, 0, 0)
        body.setSpacing(0)
        body.addWidget(self.sidebar)
        body.addLayout(right)
        central = QWidget()
        central.setLayout(body)
        self.setCentralWidget(central)
        self.sidebar.currentRowChanged.connect(self.show_section)
        # A screen reader chooses a section by selecting its item (AT-SPI's
        # Selection or the item's action), which moves no current row.
        self.sidebar.itemSelectionChanged.connect(self._section_selected)
        for n in range(len(SECTIONS)):
            QShortcut(QKeySequence(f"Ctrl+{n + 1}"), self,
                      activated=lambda n=n: self.sidebar.setCurrentRow(n))
        self._update_actions()
        self._restore_geometry()

    # -- the window's place, recent plans, drops ----------------------------------

    def _restore_geometry(self) -> None:
        """Where the window was; the first time, 1280x800 or less, inside the
        screen's available area (a 1366x768 laptop has about 1366x740)."""
        from PySide6.QtCore import QByteArray

        saved = QSettings().value("window/geometry")
        if isinstance(saved, QByteArray) and self.restoreGeometry(saved):
            screen = self.screen().availableGeometry()
            if screen.intersects(self.frameGeometry()):
                return
        area = self.screen().availableGeometry()
        width, height = min(1280, area.width() - 40), min(800, area.height() - 40)
        self.resize(width, height)

    def _recent_menu(self) -> QMenu:
        file_menu = self.menus["&File"]
        menu = QMenu(tr("Open &recent"), self)
        menu.setObjectName("recentMenu")
        file_menu.insertMenu(self.actions_by_id["file.save_version"], menu)
        menu.aboutToShow.connect(self._fill_recent_menu)
        return menu

    def recent_plans(self) -> list[Path]:
        """Plans opened lately, newest first, those still there."""
        saved = QSettings().value("recent_plans", [])
        paths = [saved] if isinstance(saved, str) else list(saved or [])
        from planner.ui.shell.plan_files import there

        return [Path(p) for p in paths if p and there(Path(p))]

    def _remember_recent(self, path: Path) -> None:
        kept = [str(path.resolve())] + [str(p) for p in self.recent_plans()
                                        if p.resolve() != path.resolve()]
        QSettings().setValue("recent_plans", kept[:RECENT_KEPT])

    def _fill_recent_menu(self) -> None:
        menu = self.recent_menu
        menu.clear()
        plans = self.recent_plans()
        for n, path in enumerate(plans):
            label = f"&{n + 1} {path.name}" if n < 9 else path.name
            action = menu.addAction(label.replace("&", "&&").replace("&&" + str(n + 1),
                                                                    "&" + str(n + 1), 1))
            action.setStatusTip(str(path))
            action.setToolTip(str(path))
            action.triggered.connect(lambda _=False, p=path: self.open_plan(p))
        if not plans:
            menu.addAction(tr("No recent plans")).setEnabled(False)
        menu.addSeparator()
        menu.addAction(tr("&Clear the list"), lambda: QSettings().remove("recent_plans"))

    def dragEnterEvent(self, event: Any) -> None:
        if _dropped_plan(event.mimeData()) is not None:
            event.acceptProposedAction()

    def dropEvent(self, event: Any) -> None:
        path = _dropped_plan(event.mimeData())
        if path is not None:
            event.acceptProposedAction()
            self.open_plan(path)

    def show_welcome(self) -> None:
        """First start: the sample plan is open; say so, and offer the choice."""
        from PySide6.QtWidgets import QFrame, QPushButton

        QSettings().setValue("welcomed", True)
        box = QFrame(objectName="welcome")
        text = QLabel(tr("Welcome to Tandem. This is a sample plan to look around in and try "
                         "things on; your own plan starts empty."), objectName="welcomeText",
                      wordWrap=True)
        row = QHBoxLayout(box)
        row.setContentsMargins(16, 10, 16, 10)
        row.addWidget(text, 1)
        for label, slot, name in ((tr("Start a new plan\u2026"), self.new_plan, "welcomeNew"),
                                  (tr("Open a plan\u2026"), self.open_plan_dialog, "welcomeOpen"),
                                  (tr("Explore the sample"), None, "welcomeExplore")):
            button = QPushButton(label, objectName=name)
            button.clicked.connect(lambda _=False, s=slot: self._welcome_chosen(s))
            row.addWidget(button)
        self._right.insertWidget(0, box)
        self.welcome = box

    def _welcome_chosen(self, slot: Callable[[], None] | None) -> None:
        if self.welcome is not None:
            self.welcome.hide()
            self.welcome.deleteLater()
            self.welcome = None
        if slot is not None:
            slot()

    # -- plans ------------------------------------------------------------------

    def open_plan(self, path: "PlanRef", section: str | None = None,
                  read_only: bool = False) -> bool:
        """Open a plan (a file, or a server's address) on one of its sections
        (by key; the current one if None). A plan opened read-only on purpose
        (a backup) is not remembered as the last plan."""
        from planner.store.places import is_address, open_plan
        from planner.ui.shell.plan_files import schedule_backup
        from planner.ui.shell.session import PlanSession

        # With no plan open (the start), only the kinds the section shown reads
        # are read before it is shown, the rest while idle; with one open, every
        # kind is read first, so that a plan refused leaves the open one open.
        try:
            store = open_plan(path, read_only=read_only, check_later=True,
                              on_demand=self.session is None)
        except PlanError as exc:
            dialogs.warn(self, tr("Cannot open plan"), str(exc))
            return False
        session = PlanSession(store, self)
        self._set_session(session, section)
        if store.refusal is not None:  # a row the section read, refused as on opening
            self.close_plan()
            dialogs.warn(self, tr("Cannot open plan"), store.refusal)
            return False
        self._await_check(session)
        if not read_only and is_address(path):
            QSettings().setValue("last_plan", str(path))
        elif not read_only:
            path = Path(path)
            QSettings().setValue("last_plan", str(path.resolve()))
            self._remember_recent(path)
            schedule_backup(self, session)
        return True

    def _await_check(self, session: "PlanSession") -> None:
        """The rows read only when needed (a goal's check-ins) are checked on a
        thread while the plan is shown, and the plan's replica in memory is
        copied on another; a plan the check refuses is closed with its
        sentence, as it would have been refused on opening."""
        def poll() -> None:
            if self.session is not session:
                return
            copied = session.store.replica_copied()  # read from memory once copied
            started = time.monotonic()
            if session.store.check_step() or not copied:
                # A step that read a kind is followed by the next as soon as the
                # window is idle; waiting for a thread, it asks again in 40 ms.
                QTimer.singleShot(0 if time.monotonic() - started > 0.001 else 40, self, poll)
                return
            try:
                session.store.finish_checking()
            except PlanError as exc:
                self.close_plan()
                dialogs.warn(self, tr("Cannot open plan"), str(exc))
                return
            session.say_state()  # damaged pages: read-only, as on opening; or the disk gone
        QTimer.singleShot(0, self, poll)

    def new_plan(self) -> None:
        from planner.store.fileformat import PLAN_SUFFIX
        from planner.store.plan_store import PlanStore, new_plan
        from planner.ui.pages.overview import OverviewPage
        from planner.ui.shell.session import PlanSession

        path = dialogs.ask_save_path(self, tr("New plan"), tr("New plan") + PLAN_SUFFIX,
                                     dialogs.PLAN_FILTER)
        if path is None:
            return
        if path.suffix != PLAN_SUFFIX:
            path = path.with_name(path.name + PLAN_SUFFIX)
        start, end = next_twelve_months(date.today())
        try:
            store = PlanStore.create(path, new_plan(path.stem, start, end))
        except PlanError as exc:
            dialogs.warn(self, tr("Cannot create plan"), str(exc))
            return
        self._set_session(PlanSession(store, self))
        QSettings().setValue("last_plan", str(path.resolve()))
        self._remember_recent(path)
        self.sidebar.setCurrentRow(0)
        overview = self.page("overview")
        assert isinstance(overview, OverviewPage)
        overview.title.setFocus()
        overview.title.selectAll()

    def open_from_server(self) -> None:
        """File › Open from server…: an address (a plan's, or a database's to
        choose among its plans), a password kept in the keyring if given."""
        from planner.store.server.address import parse
        from planner.store.server.publish import plans_on
        from planner.store.server.schema import store_password
        from planner.ui.dialogs.server import ServerDialog, remember

        dialog = ServerDialog(self, tr("Open from server"), tr(
            "The plan's address (tandem push prints it), or the database's to choose one "
            "of its plans."))
        if not dialogs.exec_dialog(dialog):
            return
        text, password = dialog.chosen()
        try:
            address = parse(text)
            if password:
                said = store_password(address, password)
                if said:
                    self.statusBar().showMessage(said, 10_000)
            if address.plan_id is None:
                plans = plans_on(text)
                if not plans:
                    raise PlanError(tr("{where} holds no plan this login may read.").format(
                        where=address.where))
                n = dialogs.ask_item(self, tr("Open from server"), tr("Plan:"),
                                     [title for _id, title in plans])
                if n is None:
                    return
                text = f"{address.url}#plan={plans[n][0]}"
        except PlanError as exc:
            dialogs.warn(self, tr("Cannot open plan"), str(exc))
            return
        remember(address.url)
        self.open_plan(text)

    def publish_to_server(self) -> None:
        """File › Publish to server…: this plan file, with its history, onto a
        database set up with `tandem server init`; then open it there."""
        if self.session is None:
            return
        from planner.store.server.address import parse
        from planner.store.server.publish import push
        from planner.store.server.schema import store_password
        from planner.ui.dialogs.server import ServerDialog, remember

        dialog = ServerDialog(self, tr("Publish to server"), tr(
            "The database's address (set up with tandem server init). Everyone you grant "
            "then edits this plan there, live."))
        if not dialogs.exec_dialog(dialog):
            return
        text, password = dialog.chosen()
        try:
            if password:
                store_password(parse(text), password)
            address = push(self.session.store, text)
        except PlanError as exc:
            dialogs.warn(self, tr("Cannot publish the plan"), str(exc))
            return
        remember(address.url)
        self.statusBar().showMessage(tr("Published: {address}").format(address=str(address)),
                                     15_000)
        self.open_plan(str(address))

    def open_plan_dialog(self) -> None:
        path = dialogs.ask_open_plan(self)
        if path is not None:
            self.open_plan(path)

    def close_plan(self) -> None:
        if self.session is None:
            return
        from planner.ui.shell import layout_state

        for key, page in self.pages.items():
            layout_state.save(key, page)
            self.stack.removeWidget(page)
            page.deleteLater()
        self.pages.clear()
        for menu in self.section_menus.values():
            self.menuBar().removeAction(menu.menuAction())
        self.section_menus.clear()
        self.session.close()
        self.session.deleteLater()
        self.session = None
        self.banner.hide()
        self._drop_identity_bar()
        self.identity_label.clear()
        self.where_label.hide()
        self.stack.setCurrentWidget(self.empty)
        self.setWindowTitle(APP_NAME)
        self._update_actions()

    def _set_session(self, session: "PlanSession", section: str | None = None) -> None:
        self.close_plan()
        self.session = session
        session.problem_reported.connect(self.show_problem)
        session.heads_up.connect(self.show_heads_up)
        session.medium_lost.connect(self._medium_lost)
        session.became_read_only.connect(self._became_read_only)
        session.changed_outside.connect(self.show_problem)
        session.plan_changed.connect(self._on_plan_changed)
        session.undo_stack.indexChanged.connect(self._on_undo_index_changed)
        session.identity_changed.connect(self._identity_changed)
        session.became_writable.connect(self._became_writable)
        self._show_where(session)
        self._start_identity(session)
        self.pages = {}
        # Section pages are built when first shown: start-up loads only what is seen.
        self._page_factories = _page_factories(session)
        if session.store.read_only_reason:
            _plain(self.banner)
            self.banner.setText(tr("Read-only: {reason}").format(
                reason=session.store.read_only_reason))
            self.banner.show()
        self._update_title()
        row = next((n for n, s in enumerate(WINDOW) if s.key == section),
                   max(0, self.sidebar.currentRow()))
        self.show_section(row)
        self._update_actions()

    # -- who is at the keyboard ---------------------------------------------

    def _start_identity(self, session: "PlanSession") -> None:
        from planner.ui.shell import identity

        known = identity.start(session)
        _plain(self.identity_label)  # a name is shown as written, never as markup
        if not known and not session.read_only:
            self.identity_bar = identity.IdentityBar(session)
            self._right.insertWidget(0, self.identity_bar)
            self.identity_bar.show()
        self.identity_label.setText(identity.status_text(session))

    def _drop_identity_bar(self) -> None:
        if self.identity_bar is not None:
            self._right.removeWidget(self.identity_bar)
            self.identity_bar.deleteLater()
            self.identity_bar = None

    def _identity_changed(self) -> None:
        from planner.ui.shell import identity

        self._drop_identity_bar()
        if self.session is not None:
            self.identity_label.setText(identity.status_text(self.session))
            self.statusBar().showMessage(identity.status_text(self.session), 6000)

    def who_you_are(self) -> bool:
        if self.session is None:
            return False
        from planner.ui.shell import identity

        if self.session.link is not None:
            self.statusBar().showMessage(tr(
                "On a team server you are the person your login is ({name}); the server's "
                "owner ties logins to people.").format(name=self.session.store.acting.name), 10_000)
            return False
        return identity.ask(self, self.session)

    def show_history(self, row_id: str | None = None, what: str = "") -> Any:
        """Edit › History; a row's History shows only the changes to it."""
        if self.session is None:
            return None
        from planner.ui.dialogs.history import HistoryView

        view = HistoryView(self, self.session, row_id, what)
        view.row_requested.connect(self.show_row)
        view.show()
        self.history_views.append(view)
        return view

    # -- sections -----------------------------------------------------------

    def _add_menu(self, page: QWidget) -> None:
        """A section with actions of its own gets a menu, enabled while it is shown."""
        make = getattr(page, "menu", None)
        if make is None:
            return
        menu = make()
        self.menuBar().insertMenu(self.menus["&View"].menuAction(), menu)
        self.section_menus[page] = menu

    def page(self, name: str) -> QWidget:
        """The page of a section (by its title or key), built when first asked for."""
        key = next((s.key for s in WINDOW if name in (s.title, s.key)), name)
        if key not in self.pages:
            from planner.ui.shell import layout_state

            self.pages[key] = self._page_factories[key]()
            layout_state.restore(key, self.pages[key])
            self.stack.addWidget(self.pages[key])
            self._add_menu(self.pages[key])
        return self.pages[key]

    def current_page(self) -> QWidget | None:
        return self.stack.currentWidget() if self.session else None

    def current_rows_page(self) -> "TablePage | None":
        """The current page if it is a table the user may add rows to."""
        page = self.current_page()
        if page is None or self.session is None or self.session.read_only:
            return None
        from planner.ui.pages.table import TablePage

        return page if isinstance(page, TablePage) and page.model.spec.editable else None

    def current_section_key(self) -> str | None:
        row = self.sidebar.currentRow()
        return WINDOW[row].key if 0 <= row < len(WINDOW) else None

    def _became_read_only(self, reason: str) -> None:
        _plain(self.banner)
        self.banner.setText(tr("Read-only: {reason}").format(reason=reason))
        self.banner.show()
        self._update_title()
        self._update_actions()

    def _became_writable(self, sentence: str) -> None:
        self.banner.hide()
        self.statusBar().showMessage(sentence, 8000)
        self._update_title()
        self._update_actions()

    def _show_where(self, session: "PlanSession") -> None:
        """The status bar says where a server's plan lives and who else is in it."""
        link = session.link
        if link is None:
            self.where_label.hide()
            return
        from planner.ui.shell.live import where_text

        def said(others: list[str]) -> None:
            self.where_label.setText(where_text(link.store, others))

        def show() -> None:  # after the plan's first paint: it is a status bar's line
            if self.session is not session:
                return
            _plain(self.where_label)  # a login's name is shown as written
            link.others_changed.connect(said)
            said(link.others)
            self.where_label.show()
        QTimer.singleShot(0, self, show)

    def _medium_lost(self, sentence: str) -> None:
        """The plan's disk went away: read-only from now on, every row kept,
        and the rescue offered (plan_files.rescue)."""
        _plain(self.banner)
        self.banner.setText(sentence)
        self.banner.show()
        self._update_title()
        self._update_actions()
        from planner.ui.shell.plan_files import rescue

        QTimer.singleShot(0, self, lambda: rescue(self, sentence))

    def _fit_sidebar(self) -> None:
        """As wide as its longest section's name in the window's language
        ("Außendienstbegleitung"), and never less than 200 pixels."""
        self.sidebar.ensurePolished()  # the style sheet's type size, not the default
        metrics = self.sidebar.fontMetrics()
        widest = max(metrics.horizontalAdvance(self.sidebar.item(n).text())
                     for n in range(self.sidebar.count()))
        self.sidebar.setFixedWidth(max(200, widest + 56))

    def _section_selected(self) -> None:
        chosen = self.sidebar.selectedItems()
        if chosen:
            row = self.sidebar.row(chosen[0])
            if row != self.sidebar.currentRow():
                self.sidebar.setCurrentRow(row)

    def show_section(self, row: int) -> None:
        if self.session is None or row < 0:
            return
        if self.sidebar.currentRow() != row:
            self.sidebar.setCurrentRow(row)
        page = self.page(WINDOW[row].key)
        if page is not self.stack.currentWidget():
            self.problem.hide()  # what was said about one section is not about the next
        self.stack.setCurrentWidget(page)
        self._update_actions()

    def eventFilter(self, watched: Any, event: Any) -> bool:
        from PySide6.QtCore import QEvent

        if watched is self.problem and event.type() == QEvent.Type.MouseButtonRelease:
            self._heads_up = None
            self.problem.hide()
            return True
        return super().eventFilter(watched, event)

    def _on_plan_changed(self, change: "ChangeSet") -> None:
        from planner.model import Person, Plan

        if self._heads_up is None:
            self.problem.hide()  # an accepted change: the last refusal is history
        if change.touches(Plan):
            self._update_title()
        if self.session is not None and (change.touches(Plan) or change.touches(Person)):
            from planner.ui.shell import identity  # a role named or a name changed

            self.identity_label.setText(identity.status_text(self.session))

    def _on_undo_index_changed(self, _index: int) -> None:
        self._update_actions()

    def _update_title(self) -> None:
        if self.session is None:
            return
        title = self.session.store.plan().title
        suffix = " [read-only]" if self.session.read_only else ""
        self.setWindowTitle(f"{title} \u2014 {APP_NAME}{suffix}")

    def _update_actions(self) -> None:
        a, s = self.actions_by_id, self.session
        rows_page = self.current_rows_page() is not None
        for key in ("file.export_pdf", "file.export_json", "file.export_ics", "file.close",
                    "view.workshop", "file.versions", "file.compare", "file.save_copy",
                    "file.next_period", "file.save_template",
                    "file.who", "edit.history",
                    "file.restore_backup"):
            a[key].setEnabled(s is not None)
        for key in ("file.save_version", "file.merge", "file.crm_import"):
            a[key].setEnabled(s is not None and not s.read_only)
        on_server = s is not None and s.link is not None
        a["file.offline_copy"].setEnabled(on_server)
        a["file.publish"].setEnabled(s is not None and not on_server)
        for page, menu in self.section_menus.items():
            menu.menuAction().setEnabled(page is self.current_page()
                                         and not (s is not None and s.read_only))
        a["edit.add"].setEnabled(rows_page)
        a["edit.delete"].setEnabled(rows_page)
        stack = s.undo_stack if s else None
        a["edit.undo"].setEnabled(bool(stack and stack.canUndo()))
        a["edit.redo"].setEnabled(bool(stack and stack.canRedo()))
        a["edit.undo"].setText(tr("&Undo {what}").format(what=stack.undoText())
                               if stack and stack.canUndo() else tr("&Undo"))
        a["edit.redo"].setText(tr("&Redo {what}").format(what=stack.redoText())
                               if stack and stack.canRedo() else tr("&Redo"))

    # -- editing ------------------------------------------------------------

    def undo(self) -> None:
        if self.session:
            self.session.undo_stack.undo()

    def redo(self) -> None:
        if self.session:
            self.session.undo_stack.redo()

    def add_row(self) -> None:
        page = self.current_rows_page()
        if page is not None:
            page.add_row()

    def delete_rows(self) -> None:
        page = self.current_rows_page()
        if page is not None:
            page.delete_selected()

    # -- whole plans: versions, changes, merge, copies ---------------------------

    def save_version(self) -> None:
        from planner.ui.shell import plan_files

        plan_files.save_version(self)

    def show_versions(self) -> None:
        from planner.ui.shell import plan_files

        plan_files.show_versions(self)

    def compare_with_file(self) -> None:
        from planner.ui.shell import plan_files

        plan_files.compare_with_file(self)

    def merge_from(self) -> None:
        from planner.ui.shell import plan_files

        plan_files.merge_from(self)

    def save_copy(self) -> None:
        from planner.ui.shell import plan_files

        plan_files.save_copy(self)

    def new_from_template(self) -> None:
        from planner.ui.shell import plan_files

        plan_files.new_from_template(self)

    def save_as_template(self) -> None:
        from planner.ui.shell import plan_files

        plan_files.save_as_template(self)

    def start_next_period(self) -> None:
        from planner.ui.shell import plan_files

        plan_files.start_next_period(self)

    def take_in_crm_export(self) -> None:
        if self.session is None:
            return
        from planner.ui.dialogs.crm_import import run_crm_import

        run_crm_import(self, self.session)

    def restore_from_backup(self) -> None:
        from planner.ui.shell import plan_files

        plan_files.restore_from_backup(self)

    def show_row(self, kind_name: str, row_id: str) -> None:
        """Show a row where the plan keeps it (a changes view's link)."""
        if self.session is None:
            return
        from planner.model import CheckIn, HotButton, MetricGoal, MetricValue, ReviewAction
        from planner.ui.shell.plan_files import section_of

        store, key = self.session.store, section_of(kind_name)
        # Rows shown inside another row's page: go to that row.
        for kind, parent in ((HotButton, "field_ride_id"), (MetricValue, "metric_id"),
                             (MetricGoal, "goal_id"), (CheckIn, "goal_id"),
                             (ReviewAction, "review_id")):
            if kind_name == kind.__name__:
                row = store.get(kind, row_id)
                row_id = getattr(row, parent) if row is not None else ""
        self.show_section(next(n for n, s in enumerate(WINDOW) if s.key == key))
        page = self.current_page()
        focus = getattr(page, "focus_row", None)
        if focus is None or not row_id:
            return
        model = getattr(page, "model", None)
        if model is not None and model.row_of(row_id) < 0 and hasattr(page, "clear_filters"):
            page.clear_filters()  # a filter hides it: show everything
        focus(row_id)

    def start_workshop(self) -> None:
        """Full screen on this window's screen, on the section now shown."""
        if self.session is None:
            return
        from planner.rules.roles import workshop_refusal
        from planner.ui.workshop.view import WorkshopView

        refused = workshop_refusal(self.session.store, self.session.store.acting)
        if refused:
            dialogs.warn(self, tr("Workshop mode"), refused)
            return

        since = self._save_workshop_version()
        view = WorkshopView(self.session, WINDOW[max(0, self.sidebar.currentRow())].key, since)
        view.left.connect(self._workshop_ended)
        screen = self.workshop_screen()
        view.setGeometry(screen.geometry())
        view.showFullScreen()
        view.activateWindow()
        self.workshop = view
        self.presenter = None
        own = next((s for s in QGuiApplication.screens() if s is not screen), None)
        if own is not None:  # a second screen: the presenter's view on it
            from planner.ui.workshop.presenter import PresenterView

            presenter = PresenterView(view)
            presenter.setGeometry(own.geometry())
            presenter.showFullScreen()
            presenter.activateWindow()
            view.left.connect(lambda _section: presenter.close())
            self.presenter = presenter

    def _save_workshop_version(self) -> "Version | None":
        """A workshop starts with a version of the plan as the room finds it;
        the one before (the last workshop's) gives the changes slide."""
        assert self.session is not None
        store = self.session.store
        last = next((v for v in reversed(store.versions())
                     if v.automatic and v.name.startswith(WORKSHOP_VERSION)), None)
        if not store.read_only:
            try:
                store.save_version(f"{WORKSHOP_VERSION} {datetime.now():%Y-%m-%d %H:%M}",
                                   author="Tandem", automatic=True)
            except PlanError as exc:
                self.show_problem(str(exc))
        return last

    def workshop_screen(self) -> QScreen:
        """The display chosen in View > Workshop display; else, with a projector
        attached, the screen this window is not on; else this window's screen."""
        screens = QGuiApplication.screens()
        chosen = str(QSettings().value("workshop/screen", ""))
        named = next((s for s in screens if s.name() == chosen), None)
        if named is not None:
            return named
        others = [s for s in screens if s is not self.screen()]
        return others[0] if others else self.screen()

    def _fill_display_menu(self) -> None:
        self.display_menu.clear()
        chosen = str(QSettings().value("workshop/screen", ""))
        for screen in QGuiApplication.screens():
            size, name = screen.geometry(), screen.name()
            action = self.display_menu.addAction(f"{name} ({size.width()}\u00d7{size.height()})")
            action.setCheckable(True)
            action.setChecked(name == chosen)
            action.triggered.connect(
                lambda _checked=False, n=name: QSettings().setValue("workshop/screen", n))

    def _workshop_ended(self, section: str) -> None:
        keys = [s.key for s in WINDOW]
        self.show_section(keys.index(section) if section in keys else 0)
        self.workshop = None
        self.activateWindow()

    def show_problem(self, text: str) -> None:
        """A refusal stays in view until it is read: until the next change is
        accepted, another section is shown, or Escape or a click dismisses it."""
        _plain(self.problem)  # titles and names in a message are the user's words
        self._heads_up = None
        self.problem.setText(text)
        self.problem.setToolTip(tr("Click to dismiss"))
        self.problem.show()
        self.statusBar().showMessage(text, 10_000)

    def show_heads_up(self, model: Any, row_id: str, text: str) -> None:
        """A warning an edit just caused; it stays until its cause is fixed."""
        self.show_problem(text)
        self._heads_up = (model, row_id, text)
        model.problems_changed.connect(self._check_heads_up)

    def _check_heads_up(self) -> None:
        if self._heads_up is None:
            return
        model, row_id, text = self._heads_up
        if tr("Heads-up: {problem}").format(problem=model.problems.get(row_id)) != text:
            self._heads_up = None
            self.problem.hide()
            self.statusBar().clearMessage()

    # -- export -------------------------------------------------------------

    def export_pdf(self) -> None:
        """Options, a preview of the pages, then where to save (ui/export_dialog.py)."""
        if self.session is None:
            return
        from planner.ui.dialogs.export_pdf import run_export

        out = run_export(self, self.session)
        if out is not None:
            self.statusBar().showMessage(tr("Exported {file}").format(file=out.name), 8000)

    def export_json(self) -> None:
        def write(reader: "PlanReader", out: Path) -> None:
            from planner.export.plan_json import write_json

            write_json(reader, out)

        self._export("JSON", ".json", write)

    def export_ics(self) -> None:
        if self.session is None:
            return
        folder = dialogs.ask_directory(self, tr("Export calendars (field rides and action items) to"))
        if folder is None:
            return
        from planner.export.ics import export_ics

        try:
            from planner.model import FieldRide, ReviewAction

            files = export_ics(self.session.store, folder)
        except OSError as exc:
            dialogs.warn(self, tr("Export failed"), tr("The calendars could not be written: {reason}").format(
                reason=exc))
            return
        self.statusBar().showMessage(tr("Exported {count} calendars to {folder}").format(
            count=len(files), folder=folder.name), 8000)

    def _export(self, kind: str, suffix: str,
                write: Callable[["PlanReader", Path], None]) -> None:
        if self.session is None:
            return
        from planner.filenames import safe_stem

        title = self.session.store.plan().title
        suggested = safe_stem(title) + suffix
        out = dialogs.ask_save_path(self, tr("Export {kind}").format(kind=kind), suggested,
                                    f"{kind} (*{suffix})")
        if out is None:
            return
        try:
            write(self.session.store, out)
        except (PlanError, OSError) as exc:
            dialogs.warn(self, tr("Export failed"), tr("{file} could not be written: {reason}").format(
                file=out.name, reason=exc))
            return
        self.statusBar().showMessage(tr("Exported {file}").format(file=out.name), 8000)

    def _fill_appearance_menu(self) -> None:
        from PySide6.QtGui import QActionGroup

        from planner.ui import theme

        menu = self.appearance_menu
        menu.clear()
        group = QActionGroup(menu)
        for key, text in theme.APPEARANCES:
            action = menu.addAction(tr(text))
            action.setCheckable(True)
            action.setChecked(theme.chosen_appearance() == key)
            action.setActionGroup(group)
            action.triggered.connect(lambda _=False, k=key: self.set_appearance(k))

    def _fill_language_menu(self) -> None:
        from PySide6.QtGui import QActionGroup

        from planner.ui import i18n

        menu = self.language_menu
        menu.clear()
        group = QActionGroup(menu)
        for key, text in i18n.LANGUAGES:
            action = menu.addAction(tr(text) if key == "system" else text)
            action.setCheckable(True)
            action.setChecked(i18n.chosen_language() == key)
            action.setActionGroup(group)
            action.triggered.connect(lambda _=False, k=key: self.set_language(k))

    def set_language(self, language: str) -> str:
        """The window in another language at once: menus and sidebar retold,
        the plan's pages built again (where you were stays shown)."""
        from planner.ui import i18n
        from planner.ui.shell.actions import retranslate

        QSettings().setValue("language", language)
        spoken = i18n.install()
        from PySide6.QtCore import QLocale

        self.setLocale(QLocale())  # the pages made again read dates in it (widgets inherit it)
        retranslate(self.actions_by_id, self.menus)
        self.display_menu.setTitle(tr("Workshop &display"))
        self.appearance_menu.setTitle(tr("&Appearance"))
        self.language_menu.setTitle(tr("&Language"))
        self.recent_menu.setTitle(tr("Open &recent"))
        for n, title in enumerate(SECTIONS):
            self.sidebar.item(n).setText(tr(title))
        self._fit_sidebar()
        self.sidebar.setAccessibleName(tr("Sections"))
        self.empty.setText(tr("Open a plan (Ctrl+O) or start a new one (Ctrl+N)."))
        if self.session is not None:
            key = WINDOW[max(0, self.sidebar.currentRow())].key
            self._rebuild_pages(key)
            from planner.ui.shell import identity

            self.identity_label.setText(identity.status_text(self.session))
            if self.identity_bar is not None:  # asked again, in the language now spoken
                self._drop_identity_bar()
                self.identity_bar = identity.IdentityBar(self.session)
                self._right.insertWidget(0, self.identity_bar)
                self.identity_bar.show()
        return spoken

    def _rebuild_pages(self, key: str) -> None:
        """The pages made again (in the language now spoken), on section `key`."""
        from planner.ui.shell import layout_state

        for old_key, page in self.pages.items():
            layout_state.save(old_key, page)
            self.stack.removeWidget(page)
            page.deleteLater()
        for menu in self.section_menus.values():
            self.menuBar().removeAction(menu.menuAction())
        self.section_menus.clear()
        self.pages = {}
        self.show_section(next(n for n, s in enumerate(WINDOW) if s.key == key))

    def set_appearance(self, appearance: str) -> str:
        """Light, dark, or as the system says; applied at once, remembered."""
        from PySide6.QtWidgets import QApplication

        from planner.ui import theme

        app = QApplication.instance()
        assert isinstance(app, QApplication)
        return theme.choose(app, appearance)

    # -- help ------------------------------------------------------------------

    def show_guide(self) -> None:
        from planner.ui.dialogs import help as help_dialogs

        self._help = help_dialogs.show_guide(self)

    def show_shortcuts(self) -> None:
        from planner.ui.dialogs import help as help_dialogs

        self._help = help_dialogs.show_shortcuts(self)

    def show_about(self) -> None:
        from planner.ui.dialogs import help as help_dialogs

        self._help = help_dialogs.show_about(self)

    def closeEvent(self, event: QCloseEvent) -> None:
        QSettings().setValue("window/geometry", self.saveGeometry())
        self.close_plan()
        super().closeEvent(event)


def next_twelve_months(today: date) -> tuple[date, date]:
    """A new plan's period (`planner.templates`, imported when a plan is made)."""
    from planner.templates import next_twelve_months as period

    return period(today)


def _dropped_plan(mime: Any) -> Path | None:
    """The first local .tandem file among what is dragged over the window."""
    from planner.store.fileformat import PLAN_SUFFIX

    for url in mime.urls() if mime.hasUrls() else ():
        if url.isLocalFile() and url.toLocalFile().lower().endswith(PLAN_SUFFIX):
            return Path(url.toLocalFile())
    return None


def _plain(label: QLabel) -> None:
    """Show a label's text literally: "<b>R&D</b>" in a goal title is not markup.
    Set when first needed, so the first paint does not pay for the Qt namespace."""
    from PySide6.QtCore import Qt

    label.setTextFormat(Qt.TextFormat.PlainText)


def _page_factories(session: "PlanSession") -> dict[str, Callable[[], QWidget]]:
    """How each section's page is made, by the section's key. A page's module
    is imported when the page is first shown: start-up pays for one."""
    from importlib import import_module

    from planner.sections import section

    def page(module: str, name: str, key: str, columns: str | None = None) -> Callable[[], QWidget]:
        def make() -> QWidget:
            cls = getattr(import_module(f"planner.ui.pages.{module}"), name)
            if columns is None:
                return cls(session)  # type: ignore[no-any-return]
            from planner.ui.widgets import columns as all_columns

            return cls(session, section(key), getattr(all_columns, columns))  # type: ignore[no-any-return]
        return make

    return {
        "overview": page("overview", "OverviewPage", "overview"),
        "goals": page("goals", "GoalsPage", "goals", "GOALS"),
        "rides": page("rides", "RidesPage", "rides", "RIDES"),
        "metrics": page("metrics", "MetricsPage", "metrics", "METRICS"),
        "funnel": page("funnel", "FunnelPage", "funnel", "FUNNEL"),
        "messaging": page("messages", "MessagesPage", "messaging", "MESSAGES"),
        "people": page("table", "TablePage", "people", "PEOPLE"),
        "reviews": page("reviews", "ReviewsPage", "reviews", "REVIEWS"),
        "network": page("network", "NetworkPage", "network"),
    }
