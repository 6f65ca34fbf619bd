"""The changes view: what changed between two states of the plan, section by
section, each changed field's before and after with the words that changed
marked; a row's name jumps to it in the window."""

from datetime import datetime
from html import escape

from PySide6.QtCore import QUrl, Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QTextBrowser, QVBoxLayout, QWidget

from planner.outline.changes import RowDifference, summary, word_diff
from planner.times import local_time
from planner.ui.i18n import tr

MOST = 1500  # rows shown; a larger difference says how many more there are
GONE = "background:#FBE3E4;color:#8A1C1C;text-decoration:line-through"
NEW = "background:#DFF3E4;color:#14532D"


def document(found: list[RowDifference], most: int = MOST) -> str:
    """The changes as HTML: every word the user wrote escaped."""
    if not found:
        return "<p>" + escape(tr("No changes.")) + "</p>"
    parts, section = [], ""
    for difference in found[:most]:
        if difference.section != section:
            section = difference.section
            count = sum(1 for d in found if d.section == section)
            parts.append(f"<h3>{escape(difference.section_title)} ({count})</h3>")
        link = (f"<a href='row:{difference.kind.__name__}:{escape(difference.row_id)}'>"
                f"{escape(difference.label)}</a>")
        by = ""
        if difference.by is not None:
            who = difference.by.name or tr("unknown")
            when = local_time(datetime.fromisoformat(difference.at)) if difference.at else ""
            by = " <span style='color:#616E7C'>\u2014 " + escape(
                tr("{name}, {when}").format(name=who, when=when) if when else who) + "</span>"
        parts.append(f"<p style='margin:6px 0 2px 0'><b>{escape(difference.said.capitalize())}</b> "
                     f"{link}{by}</p>")
        if difference.fields:
            rows = "".join(
                f"<tr><td style='color:#616E7C;padding-right:10px'>{escape(f.label)}</td>"
                f"<td>{_marked(f.before, f.after)}</td></tr>" for f in difference.fields)
            parts.append(f"<table cellspacing='0' cellpadding='2' style='margin-left:16px'>"
                         f"{rows}</table>")
    if len(found) > most:
        more = tr("\u2026 and {count} more changes.").format(count=len(found) - most)
        parts.append(f"<p><i>{escape(more)}</i></p>")
    return "".join(parts)


def _marked(before: str, after: str) -> str:
    """Before and after as one text: taken-out words struck, put-in words marked."""
    if "\n" in before + after or len(before) + len(after) > 4000 or before == "\u2014" \
            or after == "\u2014":
        return (f"<span style='{GONE}'>{_lines(before)}</span> \u2192 "
                f"<span style='{NEW}'>{_lines(after)}</span>")
    out = []
    for op, text in word_diff(before, after):
        style = {"gone": GONE, "new": NEW}.get(op)
        out.append(f"<span style='{style}'>{escape(text)}</span>" if style else escape(text))
    return "".join(out)


def _lines(text: str) -> str:
    return escape(text).replace("\n", "<br>")


class ChangesView(QDialog):
    """Non-modal: the window stays usable while it is open."""

    row_requested = Signal(str, str)  # kind name, row id

    def __init__(self, parent: QWidget, title: str, found: list[RowDifference]) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setObjectName("changesView")
        self.resize(760, 620)
        self.found = found
        head = QLabel(f"{title}: {summary(found)}.", objectName="changesSummary")
        head.setWordWrap(True)
        self.browser = QTextBrowser(objectName="changesText")
        self.browser.setAccessibleName(tr("Changes"))
        self.browser.setOpenLinks(False)
        self.browser.setHtml(document(found))
        self.browser.anchorClicked.connect(self._clicked)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(head)
        layout.addWidget(self.browser, 1)
        layout.addWidget(buttons)

    def _clicked(self, url: QUrl) -> None:
        text = url.toString()
        if text.startswith("row:"):
            _, kind, row_id = text.split(":", 2)
            self.row_requested.emit(kind, row_id)
