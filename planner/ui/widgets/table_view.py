"""The table every section's rows are shown in."""

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QKeyEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView

from planner.ui.i18n import tr


class PlanTableView(QTableView):
    """A table of plan rows: Enter edits the current cell (F2 too), as in a
    spreadsheet. An empty table says in one line what to do."""

    empty_text = ""  # set by the page: what an empty table says
    filtered_text = ""  # what a table whose rows are all filtered out says ("": the usual)

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        model = self.model()
        if model is None or model.rowCount() > 0:
            return
        total = getattr(model, "total", None)
        text = ((self.filtered_text or tr("Nothing here matches the filters; Ctrl+Shift+F "
                                           "shows everything."))
                if isinstance(total, int) and total > 0 else self.empty_text)
        if not text:
            return
        painter = QPainter(self.viewport())
        painter.setPen(self.palette().placeholderText().color())
        area = self.viewport().rect().adjusted(24, 24, -24, -24)
        painter.drawText(QRect(area), int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop
                                          | Qt.TextFlag.TextWordWrap), text)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        index = self.currentIndex()
        if (event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
                and event.modifiers() == Qt.KeyboardModifier.NoModifier
                and self.state() != QAbstractItemView.State.EditingState and index.isValid()
                and index.flags() & Qt.ItemFlag.ItemIsEditable):
            self.edit(index)
            return
        super().keyPressEvent(event)


def fit_columns(header: QHeaderView, widths: list[int] | None = None) -> None:
    """Each column as wide as planned, and wider where its title needs it (a
    German title is longer than the English one it was planned for); a user's
    own widths, kept by the layout, come back over these, and are widened the
    same way when a page opens (a layout kept in English, read in German).
    `widths` None: the columns' widths as they are."""
    from PySide6.QtGui import QFont, QFontMetrics

    font = QFont(header.font())
    font.setWeight(QFont.Weight.DemiBold)  # the style sheet's header weight
    metrics = QFontMetrics(font)
    model = header.model()
    if widths is None:
        widths = [header.sectionSize(n) for n in range(header.count())]
    for n, width in enumerate(widths):
        if header.isSectionHidden(n):
            continue  # a column the user hid stays hidden
        title = model.headerData(n, Qt.Orientation.Horizontal) if model is not None else ""
        needed = metrics.horizontalAdvance(str(title or "")) + 2 * 8 + 14  # padding, sort mark
        header.resizeSection(n, max(width, needed))
