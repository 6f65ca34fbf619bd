"""Names for assistive technology: a widget and the line edit inside it (a
date or number field has one, which a screen reader reaches on its own)."""

from PySide6.QtWidgets import QAbstractSpinBox, QComboBox, QLineEdit, QWidget


def name(widget: QWidget, text: str) -> QWidget:
    widget.setAccessibleName(text)
    if isinstance(widget, (QAbstractSpinBox, QComboBox)):
        for inner in widget.findChildren(QLineEdit):
            inner.setAccessibleName(text)
    return widget
