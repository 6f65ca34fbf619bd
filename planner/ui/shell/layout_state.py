"""Splitters and table columns as the user left them, kept per page in the
settings: a page restores them when it is built, and saves them when the
plan closes."""

from PySide6.QtCore import QByteArray, QSettings
from PySide6.QtWidgets import QHeaderView, QSplitter, QTableView, QWidget


def _parts(page: QWidget) -> list[tuple[str, QSplitter | QHeaderView]]:
    """The page's named splitters and the column headers of its named tables."""
    found: list[tuple[str, QSplitter | QHeaderView]] = []
    for splitter in page.findChildren(QSplitter):
        if splitter.objectName():
            found.append((f"splitter/{splitter.objectName()}", splitter))
    for table in page.findChildren(QTableView):
        if table.objectName():
            found.append((f"columns/{table.objectName()}", table.horizontalHeader()))
    return found


def restore(key: str, page: QWidget) -> None:
    settings = QSettings()
    for name, part in _parts(page):
        state = settings.value(f"layout/{key}/{name}")
        if isinstance(state, QByteArray) and not state.isEmpty():
            part.restoreState(state)
            if isinstance(part, QHeaderView):
                from planner.ui.widgets.table_view import fit_columns

                fit_columns(part)  # never narrower than its title


def save(key: str, page: QWidget) -> None:
    settings = QSettings()
    for name, part in _parts(page):
        settings.setValue(f"layout/{key}/{name}", part.saveState())
