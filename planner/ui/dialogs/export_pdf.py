"""Exporting the PDF from the window: options, progress, a preview of the pages."""

from pathlib import Path
from typing import Any

from PySide6.QtCore import QSettings, QSize, Qt, QTimer
from PySide6.QtGui import QIcon, QImage, QKeySequence, QPixmap, QShortcut
from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout, QLabel,
    QListView, QListWidget, QListWidgetItem, QProgressBar, QPushButton, QScrollArea,
    QVBoxLayout, QWidget)

from planner.outline.options import SECTION_TITLES, ExportOptions
from planner.ui.i18n import tr
from planner.ui.shell.session import PlanSession
from planner.i18n import percent

THUMB = 0.28  # preview scale: an A4 page about 167 px wide


def mark_choices() -> tuple[tuple[str, str], ...]:
    """The marks the PDF can carry: key, and the words the dialog offers."""
    return (("auto", tr("As the plan's status says")),
            ("draft", tr("\u201cDraft\u201d watermark")),
            ("agreed", tr("\u201cAgreed\u201d stamp with both sign-offs")),
            ("none", tr("No mark")))


ZOOMS = (0.5, 0.75, 1.0, 1.25, 1.5, 2.0)  # the page view's zooms (1.0: 72 dpi, life size)


class Cancelled(Exception):
    """The layout was stopped by the person waiting for it."""


def page_images(data: bytes, scale: float = THUMB, ratio: float = 1.0,
                only: int | None = None) -> list[QImage]:
    """The PDF's pages as images (PDFium; Qt's own PDF module is in the Addons),
    drawn at `ratio` device pixels a pixel so they are sharp on a HiDPI
    screen; `only`: just that page (0-based)."""
    import pypdfium2 as pdfium

    images = []
    document = pdfium.PdfDocument(data)
    try:
        pages = [document[only]] if only is not None else list(document)
        for page in pages:
            bitmap = page.render(scale=scale * ratio, rev_byteorder=True)
            image = QImage(bytes(bitmap.buffer), bitmap.width, bitmap.height, bitmap.stride,
                           QImage.Format.Format_RGB888).copy()  # own the pixels
            image.setDevicePixelRatio(ratio)
            images.append(image)
    finally:
        document.close()
    return images


class ExportPdfDialog(QDialog):
    def __init__(self, parent: QWidget | None, session: PlanSession) -> None:
        super().__init__(parent)
        self.session = session
        self.setWindowTitle(tr("Export PDF"))
        self.resize(1000, 700)
        self.data = b""
        self.warnings: list[str] = []
        settings = QSettings()
        self.page_size = QComboBox(objectName="pageSize")
        self.page_size.addItems(["A4", "Letter"])
        self.page_size.setCurrentText(str(settings.value("pdf/page_size", "A4")))
        # What was left out is remembered, so a section new in this version is in.
        left_out = str(settings.value("pdf/left_out", "")).split(",")
        # The sections' titles are in the catalogue (resources/i18n/catalogue.py reads them).
        self.sections = {key: QCheckBox(tr(title), checked=key not in left_out)
                         for key, title in SECTION_TITLES.items()}
        self.debriefs = QCheckBox(tr("Include ride debrief notes"),
                                  checked=settings.value("pdf/debriefs", "true") == "true")
        self.reviews = QCheckBox(tr("Include reviews"),
                                 checked=settings.value("pdf/reviews", "true") == "true")
        self.mark = QComboBox(objectName="mark")
        for key, text in mark_choices():
            self.mark.addItem(text, key)
        self.mark.setCurrentIndex(max(0, self.mark.findData(settings.value("pdf/mark", "auto"))))
        self.changes_since = QComboBox(objectName="changesSince")
        self.changes_since.setAccessibleName(tr("Appendix of changes since a version"))
        self.changes_since.addItem(tr("No appendix"), None)
        for version in reversed(session.store.versions()):
            self.changes_since.addItem(
                tr("Changes since \u201c{name}\u201d").format(name=version.name), version.id)
        form = QFormLayout()
        form.addRow(tr("Paper"), self.page_size)
        boxes = QVBoxLayout()
        for box in self.sections.values():
            boxes.addWidget(box)
        form.addRow(tr("Sections"), boxes)
        form.addRow("", self.debriefs)
        form.addRow("", self.reviews)
        form.addRow(tr("Mark"), self.mark)
        form.addRow(tr("Appendix"), self.changes_since)
        self.progress = QProgressBar(objectName="exportProgress", textVisible=True)
        self.summary = QLabel(objectName="previewSummary", wordWrap=True)
        self.preview = QListWidget(objectName="pagePreview")
        self.preview.setAccessibleName(tr("Pages"))
        self.preview.setViewMode(QListView.ViewMode.IconMode)
        self.preview.setIconSize(QSize(120, 170))
        self.preview.setResizeMode(QListView.ResizeMode.Adjust)
        self.preview.setMovement(QListView.Movement.Static)
        self.preview.setFlow(QListView.Flow.TopToBottom)
        self.preview.setWrapping(False)
        self.preview.setFixedWidth(170)
        self.preview.currentRowChanged.connect(self.show_page)
        # The chosen page, readable: zoom with the box, Ctrl++ and Ctrl+-.
        self.page_view = QLabel(objectName="pageView")
        self.page_view.setAccessibleName(tr("The chosen page"))
        self.page_scroll = QScrollArea(objectName="pageScroll", widgetResizable=False)
        self.page_scroll.setWidget(self.page_view)
        self.page_scroll.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.zoom = QComboBox(objectName="zoom")
        self.zoom.setAccessibleName(tr("Zoom"))
        for z in ZOOMS:
            self.zoom.addItem(percent(z), z)
        self.zoom.setCurrentIndex(ZOOMS.index(1.0))
        self.zoom.currentIndexChanged.connect(lambda: self.show_page(self.preview.currentRow()))
        for keys, step in ((QKeySequence.StandardKey.ZoomIn, 1),
                           (QKeySequence.StandardKey.ZoomOut, -1)):
            QShortcut(QKeySequence(keys), self, activated=lambda s=step: self.zoom.setCurrentIndex(
                max(0, min(len(ZOOMS) - 1, self.zoom.currentIndex() + s))))
        self.stop = QPushButton(tr("Stop"), objectName="stopLayout")
        self.stop.setToolTip(tr("Stop laying out the pages"))
        self.stop.clicked.connect(self._cancel)
        self.stop.hide()
        self._cancelled = False
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.save = self.buttons.addButton(tr("Save PDF\u2026"),
                                           QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        left = QVBoxLayout()
        left.addLayout(form)
        left.addStretch()
        right = QVBoxLayout()
        right.addWidget(self.summary)
        status = QHBoxLayout()
        status.addWidget(self.progress, 1)
        status.addWidget(self.stop)
        status.addWidget(QLabel(tr("Zoom")))
        status.addWidget(self.zoom)
        right.addLayout(status)
        pages = QHBoxLayout()
        pages.addWidget(self.preview)
        pages.addWidget(self.page_scroll, 1)
        right.addLayout(pages)
        body = QHBoxLayout()
        body.addLayout(left, 0)
        body.addLayout(right, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(body)
        layout.addWidget(self.buttons)
        self._timer = QTimer(self, singleShot=True, interval=250)
        self._timer.timeout.connect(self.render)
        for widget in (self.page_size, self.mark, self.changes_since):
            widget.currentIndexChanged.connect(self._timer.start)
        for box in (*self.sections.values(), self.debriefs, self.reviews):
            box.toggled.connect(self._timer.start)
        self.render()

    def options(self) -> ExportOptions:
        return ExportOptions(self.page_size.currentText(),
                             frozenset(k for k, box in self.sections.items() if box.isChecked()),
                             self.debriefs.isChecked(), self.reviews.isChecked(),
                             str(self.mark.currentData()))

    def changes_since_version(self) -> str | None:
        """The version whose changes since the document lists (None: none)."""
        version_id = self.changes_since.currentData()
        return None if version_id is None else str(version_id)

    def render(self) -> None:
        """Render the whole PDF now (what Save writes) and show its pages."""
        from PySide6.QtWidgets import QApplication

        from planner.export.pdf import PAGE_SIZES, PlanPdfRenderer
        from planner.outline.build import build_outline

        options = self.options()
        self.save.setEnabled(False)
        self.progress.setRange(0, 0)
        self.progress.setFormat(tr("Laying out pages\u2026"))

        def on_page(number: int) -> None:
            self.progress.setFormat(tr("Laying out page {number}\u2026").format(number=number))
            QApplication.processEvents()  # the Stop button and Cancel are heard
            if self._cancelled:
                raise Cancelled

        self._cancelled = False
        self.stop.show()
        renderer = PlanPdfRenderer(PAGE_SIZES[options.page_size])
        try:
            self.data = renderer.render(build_outline(self.session.store, options,
                                                      self.changes_since_version()),
                                        on_page=on_page)
        except Cancelled:
            self.stop.hide()
            self.data = b""
            self.progress.setRange(0, 1)
            self.progress.setValue(0)
            self.progress.setFormat(tr("Stopped: change an option to lay the pages out again"))
            return
        self.stop.hide()
        self.warnings = renderer.warnings
        ratio = self.devicePixelRatioF()
        images = page_images(self.data, THUMB * 0.75, ratio)
        self.preview.clear()
        for n, image in enumerate(images, start=1):
            QListWidgetItem(QIcon(QPixmap.fromImage(image)), f"{n}", self.preview)
        if images:
            self.preview.setCurrentRow(0)
        self.progress.setRange(0, 1)
        self.progress.setValue(1)
        self.progress.setFormat(tr("{count} pages ready").format(count=len(images)))
        warning = f" {self.warnings[0]}" if self.warnings else ""
        self.summary.setText(tr("{count} pages, {size} KB.").format(
            count=len(images), size=f"{len(self.data) / 1024:.0f}") + warning)
        self.save.setEnabled(True)

    def _cancel(self) -> None:
        self._cancelled = True

    def reject(self) -> None:
        self._cancelled = True  # a layout under way stops too
        super().reject()

    def show_page(self, row: int) -> None:
        """The chosen page at the chosen zoom, drawn for this screen's pixels."""
        if row < 0 or not self.data:
            self.page_view.clear()
            return
        image = page_images(self.data, float(self.zoom.currentData()), self.devicePixelRatioF(),
                            only=row)[0]
        self.page_view.setPixmap(QPixmap.fromImage(image))
        self.page_view.adjustSize()

    def remember(self) -> None:
        options, settings = self.options(), QSettings()
        settings.setValue("pdf/page_size", options.page_size)
        settings.setValue("pdf/left_out", ",".join(k for k in SECTION_TITLES
                                                   if k not in options.sections))
        settings.setValue("pdf/debriefs", "true" if options.include_debriefs else "false")
        settings.setValue("pdf/reviews", "true" if options.include_reviews else "false")
        settings.setValue("pdf/mark", options.mark)


def run_export(parent: QWidget, session: PlanSession) -> Path | None:
    from planner.filenames import safe_stem
    from planner.store.atomic import write_replacing
    from planner.ui.shell.lazy import dialogs

    dialog: Any = ExportPdfDialog(parent, session)
    if not dialogs.exec_dialog(dialog):
        return None
    dialog.remember()
    title = session.store.plan().title
    suggested = safe_stem(title) + ".pdf"
    out = dialogs.ask_save_path(parent, tr("Save PDF"), suggested, "PDF (*.pdf)")
    if out is None:
        return None
    try:
        write_replacing(out, dialog.data)
    except OSError as exc:
        dialogs.warn(parent, tr("Export failed"),
                     tr("{file} could not be written: {reason}").format(file=out.name, reason=exc))
        return None
    return out
