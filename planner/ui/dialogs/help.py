"""Help: the guide shipped inside the program, the keyboard shortcuts, and
the About box with the version and the licences of what Tandem is made with."""

import platform

from PySide6.QtCore import Qt, qVersion
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget)

from planner import APP_NAME, __version__
from planner.resources import resource_path
from planner.ui.i18n import language, tr
from planner.ui.shell.actions import ACTIONS, Key

def page_keys() -> tuple[tuple[str, str, str], ...]:
    """Keys of the pages and of workshop mode, as the guide and the pages say
    them: where, keys, what."""
    goals, messaging, workshop = tr("Goals"), tr("Messaging"), tr("Workshop")
    return (
        (goals, "Ctrl+Shift+S / Ctrl+Shift+M", tr("Sign off the selected goals for sales / "
                                                  "marketing (again: withdraw)")),
        (goals, "Ctrl+Shift+P, A, D, X", tr("Set the status: proposed, active, done, dropped")),
        (goals, "Ctrl+Up / Ctrl+Down", tr("Move the selected goals up / down")),
        (f"{goals}, {messaging}", "Ctrl+F / Ctrl+Shift+F", tr("Search / show everything again")),
        (messaging, "Ctrl+Shift+S / Ctrl+Shift+M", tr("Approve the selected messages for sales / "
                                                      "marketing (again: withdraw)")),
        (tr("Tables"), tr("Enter or F2"), tr("Edit the current cell")),
        (tr("Tables"), tr("Space"), tr("Tick or untick a check box")),
        (tr("Window"), "Ctrl+1 \u2026 Ctrl+9", tr("Show a section")),
        (tr("Field rides") + " / " + tr("Timeline"), tr("\u2190 \u2192, Alt+\u2190 Alt+\u2192"),
         tr("Pick the previous / next ride; move the picked one a day")),
        (tr("Text fields"), "Tab / Shift+Tab", tr("Next / previous field (Ctrl+Tab types a "
                                                  "tab)")),
        (workshop, tr("\u2192 \u2190 Page Down/Up Space"), tr("Next / previous slide")),
        (workshop, tr("number, Enter"), tr("Go to that slide")),
        (workshop, "S / M", tr("Sign off or approve for sales / marketing; on proposals: add "
                               "one; on the parking lot: make the topic a goal")),
        (workshop, "E", tr("Reword the goal or the picked message")),
        (workshop, "Tab", tr("Pick the next ride, message or topic")),
        (workshop, "< / >", tr("Move the picked ride a day earlier / later")),
        (workshop, "R / L / C", tr("Write a review / park a topic / close the picked topic")),
        (workshop, "C", tr("On a goal: check in (progress, confidence, a note)")),
        (workshop, "T", tr("Restart the agenda clock")),
        (workshop, "O", tr("Open the room to phones and laptops (address, QR code, code), "
                           "or close it")),
        (workshop, "V / [ ] / I", tr("In the room: start or stop a vote / pick a card / take "
                                     "it into the plan")),
        (workshop, "K / F", tr("In the room: record its confidence as the goal's check-in / "
                               "switch the retrospective's format")),
        (tr("Workshop editor"), "Ctrl+Enter / Escape", tr("Save / cancel")),
        (workshop, "Escape", tr("Leave workshop mode")),
    )


def licences() -> tuple[tuple[str, str, str], ...]:
    """What Tandem is made with: software, licence, note."""
    return (
        (tr("Qt and PySide6"), "LGPL-3.0", "The Qt Company"),
        ("ReportLab", "BSD", "ReportLab Europe"),
        ("SQLModel, SQLAlchemy, pydantic", "MIT", ""),
        ("SQLite", tr("Public domain"), ""),
        ("icalendar", "BSD-2-Clause", ""),
        ("jsonschema", "MIT", ""),
        ("pathvalidate", "MIT", ""),
        (tr("pypdfium2 and PDFium"), "Apache-2.0 / BSD-3-Clause", ""),
        (tr("DejaVu fonts"), tr("Bitstream Vera / DejaVu licence (free)"),
         "resources/fonts/LICENSE-DejaVu.txt"),
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
    """The guide in the window's language (guide_de.html), else the English one."""
    lang = language()
    translated = resource_path("help", f"guide_{lang}.html")
    if lang != "en" and translated.is_file():
        return translated.read_text(encoding="utf-8")
    return resource_path("help", "guide.html").read_text(encoding="utf-8")


def shortcuts_html() -> str:
    rows = []
    for action in ACTIONS:
        keys: list[str] = []
        for s in action.shortcuts:
            sequences = QKeySequence.keyBindings(s) if isinstance(s, Key) else [QKeySequence(s)]
            keys += [q.toString(QKeySequence.SequenceFormat.NativeText) for q in sequences]
        if keys:
            # The menus' and actions' words are in the catalogue (read from ACTIONS),
            # as the menu bar shows them.
            rows.append((tr(action.menu).replace("&", ""),
                         (" " + tr("or") + " ").join(dict.fromkeys(keys)),
                         tr(action.text).replace("&", "").replace("\u2026", "")))
    rows += list(page_keys())
    body = "".join(f"<tr><td>{where}</td><td><b>{keys}</b></td><td>{what}</td></tr>"
                   for where, keys, what in rows)
    return ("<h1>" + tr("Keyboard shortcuts") + "</h1><table cellpadding='4'>"
            "<tr><th align='left'>" + tr("Where") + "</th><th align='left'>" + tr("Keys")
            + "</th><th align='left'>" + tr("What") + f"</th></tr>{body}</table>")


def about_html() -> str:
    rows = "".join(f"<tr><td>{what}</td><td>{licence}</td><td>{note}</td></tr>"
                   for what, licence, note in licences())
    return (f"<h1>{APP_NAME} {__version__}</h1>"
            "<p>" + tr("One plan for sales and marketing: shared goals, field rides, one "
                       "funnel, one message, and reviews without blame.") + "</p>"
            f"<p>Qt {qVersion()} &middot; Python {platform.python_version()} &middot; "
            f"{platform.system()} {platform.machine()}</p>"
            "<h2>" + tr("Made with") + "</h2><table cellpadding='4'>"
            "<tr><th align='left'>" + tr("Software") + "</th><th align='left'>"
            + tr("Licence") + f"</th><th></th></tr>{rows}</table>")


def show_guide(parent: QWidget | None) -> QDialog:
    dialog = _browser_dialog(parent, tr("{app} guide").format(app=APP_NAME), guide_html(),
                             "guide")
    dialog.setWindowModality(Qt.WindowModality.NonModal)
    dialog.show()
    return dialog


def show_shortcuts(parent: QWidget | None) -> QDialog:
    dialog = _browser_dialog(parent, tr("Keyboard shortcuts"), shortcuts_html(), "shortcuts")
    dialog.show()
    return dialog


def show_about(parent: QWidget | None) -> QDialog:
    dialog = _browser_dialog(parent, tr("About {app}").format(app=APP_NAME), about_html(),
                             "about")
    dialog.resize(min(dialog.width(), 640), min(dialog.height(), 520))
    dialog.show()
    return dialog
