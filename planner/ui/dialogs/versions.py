"""Saving a named version, and the list of versions: open one, compare it with
now, restore it (one undoable change), or delete it."""

from PySide6.QtCore import QSettings, Signal
from PySide6.QtWidgets import (
    QAbstractItemView, QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout, QHeaderView,
    QLineEdit, QPushButton, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)

from planner.store.versions import Version
from planner.times import local_time
from planner.ui.i18n import tr
from planner.ui.widgets import colours
from planner.ui.widgets.text_field import TextField


def default_author() -> str:
    """Who saves versions on this computer: as last typed, else the login's full name."""
    saved = str(QSettings().value("versions/author", "") or "")
    if saved:
        return saved
    try:
        import pwd
        import os

        gecos = pwd.getpwuid(os.getuid()).pw_gecos.split(",")[0].strip()
        return gecos or pwd.getpwuid(os.getuid()).pw_name
    except (ImportError, KeyError, OSError):
        import getpass

        return getpass.getuser()


class SaveVersionDialog(QDialog):
    def __init__(self, parent: QWidget, suggested: str) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Save version"))
        self.name = QLineEdit(suggested, objectName="versionName")
        self.name.setAccessibleName(tr("Version name"))
        self.name.selectAll()
        self.note = TextField(objectName="versionNote")
        self.note.setAccessibleName(tr("Note"))
        self.note.setPlaceholderText(tr("What this version is for (optional)"))
        self.note.setFixedHeight(90)
        self.author = QLineEdit(default_author(), objectName="versionAuthor")
        self.author.setAccessibleName(tr("Saved by"))
        form = QFormLayout()
        form.addRow(tr("&Name"), self.name)
        form.addRow(tr("N&ote"), self.note)
        form.addRow(tr("Saved &by"), self.author)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def values(self) -> tuple[str, str, str]:
        author = self.author.text().strip()
        if author:
            QSettings().setValue("versions/author", author)
        return self.name.text(), self.note.toPlainText(), author


class VersionsDialog(QDialog):
    """Non-modal; each button acts on the selected version."""

    open_requested = Signal(object)
    compare_requested = Signal(object)
    compare_two_requested = Signal(object, object)  # older, newer
    restore_requested = Signal(object)
    delete_requested = Signal(object)

    def __init__(self, parent: QWidget, versions: list[Version], read_only: bool) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Versions"))
        self.setObjectName("versionsDialog")
        self.resize(720, 420)
        self.table = QTableWidget(0, 4, objectName="versionsTable")
        self.table.setAccessibleName(tr("Versions"))
        self.table.setHorizontalHeaderLabels([tr("Name"), tr("Saved"), tr("By"), tr("Note")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        # One version: open, compare with now, restore. Two: compare them.
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.buttons: dict[str, QPushButton] = {}
        row = QHBoxLayout()
        for key, text, signal in (("open", tr("&Open"), self.open_requested),
                                  ("compare", tr("&Compare with now"), self.compare_requested),
                                  ("restore", tr("&Restore this version"),
                                   self.restore_requested),
                                  ("delete", tr("&Delete"), self.delete_requested)):
            button = QPushButton(text, objectName=f"version_{key}")
            button.clicked.connect(lambda _c=False, s=signal: self._act(s))
            row.addWidget(button)
            self.buttons[key] = button
        row.addStretch()
        close = QPushButton(tr("Close"))
        close.clicked.connect(self.close)
        row.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(row)
        self.read_only = read_only
        self.table.itemSelectionChanged.connect(self._update)
        self.table.itemDoubleClicked.connect(lambda _i: self._act(self.open_requested))
        self.show_versions(versions)

    def show_versions(self, versions: list[Version]) -> None:
        self.versions = list(reversed(versions))  # newest first
        self.table.setRowCount(len(self.versions))
        for n, version in enumerate(self.versions):
            saved = local_time(version.created_at)
            for column, text in enumerate((version.name, saved, version.author,
                                           version.note.replace("\n", " ")[:300])):
                item = QTableWidgetItem(text)
                if version.automatic:
                    item.setForeground(colours.MUTED)
                    item.setToolTip(tr("Saved by Tandem"))
                self.table.setItem(n, column, item)
        self.table.resizeColumnsToContents()
        if self.versions:
            self.table.selectRow(0)
        self._update()

    def selected(self) -> Version | None:
        chosen = self.chosen()
        return chosen[0] if len(chosen) == 1 else None

    def chosen(self) -> list[Version]:
        """The selected versions, oldest first."""
        rows = sorted(r.row() for r in self.table.selectionModel().selectedRows())
        return [self.versions[n] for n in reversed(rows)]

    def select(self, name: str) -> None:
        self.table.selectRow(next(n for n, v in enumerate(self.versions) if v.name == name))

    def select_versions(self, *names: str) -> None:
        self.table.clearSelection()
        model, selection = self.table.model(), self.table.selectionModel()
        for n, version in enumerate(self.versions):
            if version.name in names:
                selection.select(model.index(n, 0), selection.SelectionFlag.Select
                                 | selection.SelectionFlag.Rows)

    def _act(self, signal: Signal) -> None:  # type: ignore[type-arg]
        chosen = self.chosen()
        if signal is self.compare_requested and len(chosen) == 2:
            self.compare_two_requested.emit(*chosen)
        elif len(chosen) == 1:
            signal.emit(chosen[0])  # type: ignore[attr-defined]

    def _update(self) -> None:
        count = len(self.chosen())
        for key, button in self.buttons.items():
            button.setEnabled((count == 1 or (key == "compare" and count == 2))
                              and not (self.read_only and key in ("restore", "delete")))
        self.buttons["compare"].setText(tr("&Compare the two") if count == 2
                                        else tr("&Compare with now"))
