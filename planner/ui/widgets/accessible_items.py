"""Headings said as headings, and what a drawn widget shows as accessible children: the people of the
network graph with their ties, the rides of the timeline with their dates
and people. Qt gives a widget that paints its own content no children, so a
screen reader would meet one picture with a name; here such a widget lists
`accessible_items()` (name, description, rectangle in the widget), and each
becomes a child a reader can walk to and hear.

The interfaces are made by a factory installed once (`install`), kept by
the widget (Qt's cache is given the container; the items stay the widget's,
so they are freed with it and never twice), and made again when the
widget's items change (`items_changed`).
"""

from typing import Any

from PySide6.QtCore import QObject, QRect, QRectF
from PySide6.QtGui import QAccessible, QAccessibleEvent, QAccessibleInterface, QWindow
from PySide6.QtWidgets import QAccessibleWidget, QLabel, QWidget


class Item(QAccessibleInterface):
    """One drawn thing: its name, what it says, where it is."""

    def __init__(self, owner: QWidget, index: int, name: str, description: str,
                 rect: QRectF, role: QAccessible.Role) -> None:
        super().__init__()
        self.owner, self.index, self.name, self.description = owner, index, name, description
        self.box, self.kind = rect, role

    def isValid(self) -> bool:  # noqa: N802 (Qt's names)
        return True

    def object(self) -> QObject | None:
        return None

    def window(self) -> QWindow | None:
        top = self.owner.window()
        return top.windowHandle() if top is not None else None

    def rect(self) -> QRect:
        r = self.box.toRect()
        return QRect(self.owner.mapToGlobal(r.topLeft()), r.size())

    def text(self, kind: QAccessible.Text) -> str:
        if kind == QAccessible.Text.Name:
            return self.name
        if kind == QAccessible.Text.Description:
            return self.description
        return ""

    def setText(self, kind: QAccessible.Text, text: str) -> None:  # noqa: N802
        pass

    def role(self) -> QAccessible.Role:
        return self.kind

    def state(self) -> Any:
        state = QAccessible.State()
        state.readOnly = True
        return state

    def parent(self) -> QAccessibleInterface | None:
        return QAccessible.queryAccessibleInterface(self.owner)

    def child(self, index: int) -> QAccessibleInterface | None:
        return None

    def childCount(self) -> int:  # noqa: N802
        return 0

    def indexOfChild(self, child: QAccessibleInterface) -> int:  # noqa: N802
        return -1

    def childAt(self, x: int, y: int) -> QAccessibleInterface | None:  # noqa: N802
        return None


class Container(QAccessibleWidget):
    """The widget, with its drawn items as its children."""

    def __init__(self, widget: QWidget, role: QAccessible.Role) -> None:
        super().__init__(widget, role)
        self.owner = widget

    def _items(self) -> list[Item]:
        made: list[Item] | None = getattr(self.owner, "_accessible_children", None)
        if made is None:
            role = getattr(self.owner, "item_role", QAccessible.Role.ListItem)
            made = [Item(self.owner, n, name, said, rect, role) for n, (name, said, rect)
                    in enumerate(self.owner.accessible_items())]  # type: ignore[attr-defined]
            self.owner._accessible_children = made  # type: ignore[attr-defined]
        return made

    def childCount(self) -> int:  # noqa: N802
        return len(self._items())

    def child(self, index: int) -> QAccessibleInterface | None:
        items = self._items()
        return items[index] if 0 <= index < len(items) else None

    def indexOfChild(self, child: QAccessibleInterface) -> int:  # noqa: N802
        for n, item in enumerate(self._items()):
            if item is child:
                return n
        return -1

    def childAt(self, x: int, y: int) -> QAccessibleInterface | None:  # noqa: N802
        for item in self._items():
            if item.rect().contains(x, y):
                return item
        return None


class Heading(QAccessibleWidget):
    """A page's title or a part's heading, said as a heading (a reader lists
    a page's headings and jumps between them); its name is its text."""

    def __init__(self, label: QLabel) -> None:
        super().__init__(label, QAccessible.Role.Heading)
        self.label = label

    def text(self, kind: QAccessible.Text) -> str:
        if kind == QAccessible.Text.Name:
            return self.label.accessibleName() or self.label.text()
        return str(super().text(kind))


HEADINGS = ("pageTitle", "sectionHeading")  # the object names of headings' labels


def _factory(key: str, obj: QObject) -> QAccessibleInterface | None:
    if isinstance(obj, QLabel) and obj.objectName() in HEADINGS:
        return Heading(obj)
    if isinstance(obj, QWidget) and hasattr(obj, "accessible_items"):
        return Container(obj, getattr(obj, "container_role", QAccessible.Role.Graphic))
    return None


def as_heading(label: QLabel, name: str = "pageTitle") -> QLabel:
    """Make the label a heading for readers: named so, and its interface made
    again (Qt made one, as a plain label, when the label was created)."""
    label.setObjectName(name)
    if QAccessible.isActive():
        face = QAccessible.queryAccessibleInterface(label)
        if face is not None and not isinstance(face, Heading):
            QAccessible.deleteAccessibleInterface(QAccessible.uniqueId(face))
    return label


_installed: list[bool] = []


def install() -> None:
    """Make drawn widgets' items accessible (once, before any is shown)."""
    if not _installed:
        QAccessible.installFactory(_factory)
        _installed.append(True)


def items_changed(widget: QWidget) -> None:
    """The widget drew other items: its children are made again when asked,
    and readers are told its content changed."""
    if hasattr(widget, "_accessible_children"):
        del widget._accessible_children  # type: ignore[attr-defined]
    if QAccessible.isActive():
        event = QAccessibleEvent(widget, QAccessible.Event.ObjectReorder)
        QAccessible.updateAccessibility(event)
