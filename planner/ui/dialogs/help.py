"""Help: the guide shipped inside the program, the keyboard shortcuts, and
the About box with the version and the licences of what Tandem is made with."""

import platform

from PySide6.QtCore import Qt, qVersion
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget)

from planner import APP_NAME, __version__
from planner.resources import resource_path
from planner.ui.shell.actions import ACTIONS, Key

# Keys of the pages and of workshop mode, as the guide and the pages say them.
PAGE_KEYS = (
    ("Goals", "Ctrl+Shift+S / Ctrl+Shift+M", "Sign off the selected goals for sales / "
                                             "marketing (again: withdraw)"),
    ("Goals", "Ctrl+Shift+P, A, D, X", "Set the status: proposed, active, done, dropped"),
    ("Goals", "Ctrl+Up / Ctrl+Down", "Move the selected goals up / down"),
    ("Goals, Messaging", "Ctrl+F / Ctrl+Shift+F", "Search / show everything again"),
    ("Messaging", "Ctrl+Shift+S / Ctrl+Shift+M", "Approve the selected messages for sales / "
                                                 "marketing (again: withdraw)"),
    ("Tables", "Enter or F2", "Edit the current cell"),
    ("Tables", "Space", "Tick or untick a check box"),
    ("Window", "Ctrl+1 \u2026 Ctrl+8", "Show a section"),
    ("Workshop", "\u2192 \u2190 Page Down/Up Space", "Next / previous slide"),
    ("Workshop", "number, Enter", "Go to that slide"),
    ("Workshop", "S / M", "Sign off or approve for sales / marketing; on proposals: add one; "
                          "on the parking lot: make the topic a goal"),
    ("Workshop", "E", "Reword the goal or the picked message"),
    ("Workshop", "Tab", "Pick the next ride, message or topic"),
    ("Workshop", "< / >", "Move the picked ride a day earlier / later"),
    ("Workshop", "R / L / C", "Write a review / park a topic / close the picked topic"),
    ("Workshop", "T", "Restart the agenda clock"),
    ("Workshop editor", "Ctrl+Enter / Escape", "Save / cancel"),
    ("Workshop", "Escape", "Leave workshop mode"),
)

LICENCES = (
    ("Qt and PySide6", "LGPL-3.0", "The Qt Company"),
    ("ReportLab", "BSD", "ReportLab Europe"),
    ("SQLModel, SQLAlchemy, pydantic", "MIT", ""),
    ("SQLite", "Public domain", ""),
    ("icalendar", "BSD-2-Clause", ""),
    ("jsonschema", "MIT", ""),
    ("pathvalidate", "MIT", ""),
    ("pypdfium2 and PDFium", "Apache-2.0 / BSD-3-Clause", ""),
    ("DejaVu fonts", "Bitstream Vera / DejaVu licence (free)", "resources/fonts/LICENSE-DejaVu.txt"),
)


def _browser_dialog(parent: QWidget | None, title: str, html: str, name: str) -> QDialog:
    dialog = QDialog(parent, objectName=name)
    dialog.setWindowTitle(title)
    text = QTextBrowser(objectName=f"{name}Text")
    text.setOpenExternalLinks(False)
    text.setHtml(html)
    text.setAccessibleName(title)
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
    buttons.rejected.connect(dialog.reject)
    layout = QVBoxLayout(dialog)
    layout.addWidget(text)
    layout.addWidget(buttons)
    area = parent.screen().availableGeometry() if parent is not None else None
    width, height = 760, 620
    if area is not None:
        width, height = min(width, area.width() - 40), min(height, area.height() - 60)
    dialog.resize(width, height)
    return dialog


def guide_html() -> str:
    return resource_path("help", "guide.html").read_text(encoding="utf-8")


def shortcuts_html() -> str:
    rows = []
    for action in ACTIONS:
        keys: list[str] = []
        for s in action.shortcuts:
            sequences = QKeySequence.keyBindings(s) if isinstance(s, Key) else [QKeySequence(s)]
            keys += [q.toString(QKeySequence.SequenceFormat.NativeText) for q in sequences]
        if keys:
            rows.append((action.menu.replace("&", ""), " or ".join(dict.fromkeys(keys)),
                         action.text.replace("&", "").replace("\u2026", "")))
    rows += list(PAGE_KEYS)
    body = "".join(f"<tr><td>{where}</td><td><b>{keys}</b></td><td>{what}</td></tr>"
                   for where, keys, what in rows)
    return ("<h1>Keyboard shortcuts</h1><table cellpadding='4'>"
            "<tr><th align='left'>Where</th><th align='left'>Keys</th>"
            f"<th align='left'>What</th></tr>{body}</table>")


def about_html() -> str:
    rows = "".join(f"<tr><td>{what}</td><td>{licence}</td><td>{note}</td></tr>"
                   for what, licence, note in LICENCES)
    return (f"<h1>{APP_NAME} {__version__}</h1>"
            "<p>One plan for sales and marketing: shared goals, field rides, one funnel, "
            "one message, and reviews without blame.</p>"
            f"<p>Qt {qVersion()} &middot; Python {platform.python_version()} &middot; "
            f"{platform.system()} {platform.machine()}</p>"
            "<h2>Made with</h2><table cellpadding='4'>"
            "<tr><th align='left'>Software</th><th align='left'>Licence</th><th></th></tr>"
            f"{rows}</table>")


def show_guide(parent: QWidget | None) -> QDialog:
    dialog = _browser_dialog(parent, f"{APP_NAME} guide", guide_html(), "guide")
    dialog.setWindowModality(Qt.WindowModality.NonModal)
    dialog.show()
    return dialog


def show_shortcuts(parent: QWidget | None) -> QDialog:
    dialog = _browser_dialog(parent, "Keyboard shortcuts", shortcuts_html(), "shortcuts")
    dialog.show()
    return dialog


def show_about(parent: QWidget | None) -> QDialog:
    dialog = _browser_dialog(parent, f"About {APP_NAME}", about_html(), "about")
    dialog.resize(min(dialog.width(), 640), min(dialog.height(), 520))
    dialog.show()
    return dialog
