"""Every modal question the window asks, in one place so tests can answer them."""

from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QDialog, QFileDialog, QInputDialog, QMessageBox, QWidget

from planner.ui.i18n import tr


def __getattr__(name: str) -> Any:
    """PLAN_FILTER in the window's language, read when it is used (the
    language is installed after this module is imported)."""
    if name == "PLAN_FILTER":
        return tr("Tandem plans (*.tandem)")
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def start_folder() -> Path:
    """Where file dialogs open: the folder last used, else the user's documents."""
    from PySide6.QtCore import QSettings

    last = QSettings().value("last_folder", "")
    try:
        if last and Path(str(last)).is_dir():
            return Path(str(last))
    except OSError:  # on a disk that has gone (a pulled stick)
        pass
    return documents()


def documents() -> Path:
    """The user's documents folder, on this computer's own disk."""
    from PySide6.QtCore import QStandardPaths

    return Path(QStandardPaths.writableLocation(
        QStandardPaths.StandardLocation.DocumentsLocation) or Path.home())


def _used(path: str) -> Path | None:
    if not path:
        return None
    from PySide6.QtCore import QSettings

    chosen = Path(path)
    try:
        folder = chosen if chosen.is_dir() else chosen.parent
    except OSError:
        folder = chosen.parent
    QSettings().setValue("last_folder", str(folder))
    return chosen


def ask_open_plan(parent: QWidget, start: str = "") -> Path | None:
    path, _ = QFileDialog.getOpenFileName(parent, tr("Open plan"), start or str(start_folder()),
                                          tr("Tandem plans (*.tandem)"))
    return _used(path)


def ask_save_path(parent: QWidget, title: str, suggested: str, file_filter: str) -> Path | None:
    if not Path(suggested).is_absolute():
        suggested = str(start_folder() / suggested)
    path, _ = QFileDialog.getSaveFileName(parent, title, suggested, file_filter)
    return _used(path)


def ask_open_file(parent: QWidget, title: str, file_filter: str) -> Path | None:
    path, _ = QFileDialog.getOpenFileName(parent, title, str(start_folder()), file_filter)
    return _used(path)


def ask_open_files(parent: QWidget, title: str, file_filter: str) -> list[Path]:
    paths, _ = QFileDialog.getOpenFileNames(parent, title, str(start_folder()), file_filter)
    return [p for p in (_used(path) for path in paths) if p is not None]


def exec_dialog(dialog: QDialog) -> bool:
    """Show a dialog modally; tests replace this to answer it."""
    return bool(dialog.exec() == QDialog.DialogCode.Accepted)


def ask_directory(parent: QWidget, title: str) -> Path | None:
    path = QFileDialog.getExistingDirectory(parent, title, str(start_folder()))
    return _used(path)


def ask_text(parent: QWidget, title: str, label: str, text: str = "") -> str | None:
    value, ok = QInputDialog.getText(parent, title, label, text=text)
    return value if ok else None


def ask_lines(parent: QWidget, title: str, label: str, text: str = "") -> str | None:
    """Text of several lines (one item a line), or None when cancelled."""
    value, ok = QInputDialog.getMultiLineText(parent, title, label, text)
    return value if ok else None


def warn(parent: QWidget, title: str, text: str) -> None:
    QMessageBox.warning(parent, title, text)


def confirm(parent: QWidget, title: str, text: str, yes: str, no: str | None = None) -> bool:
    """Ask before something the user may not want; the safe answer is the default
    (`no`: "Cancel" unless said)."""
    if no is None:
        no = tr("Cancel")
    box = QMessageBox(QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.NoButton,
                      parent)
    go = box.addButton(yes, QMessageBox.ButtonRole.AcceptRole)
    box.setDefaultButton(box.addButton(no, QMessageBox.ButtonRole.RejectRole))
    box.exec()
    return box.clickedButton() is go


def ask_item(parent: QWidget, title: str, label: str, items: list[str]) -> int | None:
    """One of `items` by its place in the list, or None."""
    value, ok = QInputDialog.getItem(parent, title, label, items, 0, False)
    return items.index(value) if ok and value in items else None
