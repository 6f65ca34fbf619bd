"""The table every section's rows are shown in."""

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QKeyEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import QAbstractItemView, QTableView

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
