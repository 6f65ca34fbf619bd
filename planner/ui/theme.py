"""Light and dark, following the system (Qt's colour scheme hint): the
window's style sheet, its palette and the colours the pages draw with, all
from planner/palette.py, applied again whenever the system's scheme changes."""

import sys

from PySide6.QtCore import QSettings
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

from planner.palette import LIGHT, SCHEMES
from planner.resources import resource_path

# The scheme in use; ui/widgets/colours.py starts from it when first imported.
current: dict[str, str] = LIGHT


APPEARANCES = (("system", "Follow the &system"), ("light", "&Light"), ("dark", "&Dark"))


def chosen_appearance() -> str:
    """What the user chose in View › Appearance: system, light or dark."""
    value = str(QSettings().value("appearance", "system"))
    return value if value in dict(APPEARANCES) else "system"


_system_dark: bool | None = None  # what the system said, once asked


def system_is_dark() -> bool:
    """Whether the system asks for dark. At start-up this is read from the
    platform's palette (free); once the system announces a change, from Qt's
    colour-scheme hint, whose first answer costs ~13 ms of Qt's enums."""
    global _system_dark
    if _system_dark is None:
        _system_dark = QGuiApplication.palette().color(QPalette.ColorRole.Window).lightness() < 128
    return _system_dark


def _hint_changed(app: QApplication) -> None:
    global _system_dark
    from PySide6.QtCore import Qt

    _system_dark = QGuiApplication.styleHints().colorScheme() == Qt.ColorScheme.Dark
    apply(app)


def scheme_name() -> str:
    """The user's choice; following the system: "dark" when it asks for
    dark, else "light"."""
    chosen = chosen_appearance()
    if chosen != "system":
        return chosen
    return "dark" if system_is_dark() else "light"


def choose(app: QApplication, appearance: str) -> str:
    QSettings().setValue("appearance", appearance)
    return apply(app)


def style_sheet(colours_of: dict[str, str]) -> str:
    text = resource_path("style.qss").read_text(encoding="utf-8")
    text = text.replace("@check", resource_path("icons", "check.svg").as_posix())
    # Longest names first, so "@sidebar_hover" is not read as "@sidebar".
    for name in sorted(colours_of, key=len, reverse=True):
        text = text.replace(f"@{name}", colours_of[name])
    return text


def palette(c: dict[str, str]) -> QPalette:
    Role, Group = QPalette.ColorRole, QPalette.ColorGroup
    p = QPalette()
    roles = {Role.Window: c["window"], Role.WindowText: c["ink"], Role.Base: c["window"],
             Role.AlternateBase: c["surface"], Role.Text: c["ink"], Role.Button: c["header"],
             Role.ButtonText: c["ink"], Role.Highlight: c["selection"],
             Role.HighlightedText: c["ink"], Role.ToolTipBase: c["header"],
             Role.ToolTipText: c["ink"], Role.PlaceholderText: c["faint"],
             Role.BrightText: c["bad"], Role.Link: c["sales"], Role.Light: c["header"],
             Role.Midlight: c["grid"], Role.Mid: c["rule"], Role.Dark: c["faint"],
             Role.Shadow: c["ink_soft"]}
    for role, hex_colour in roles.items():
        p.setColor(role, QColor(hex_colour))
    for role in (Role.WindowText, Role.Text, Role.ButtonText):
        p.setColor(Group.Disabled, role, QColor(c["faint"]))
    return p


def apply(app: QApplication) -> str:
    """The scheme the system asks for, on every widget; returns its name."""
    global current
    name = scheme_name()
    chosen = current = SCHEMES[name]
    colours = sys.modules.get("planner.ui.widgets.colours")
    if colours is not None:  # pages drawn already: their colours change in place
        colours.use(chosen)  # type: ignore[attr-defined]
    app.setPalette(palette(chosen))
    app.setStyleSheet(style_sheet(chosen))
    for widget in app.topLevelWidgets():
        widget.update()
    return name


def follow_the_system(app: QApplication) -> None:
    """The system's scheme (or the chosen one) now, before the first paint,
    and again whenever the system changes it."""
    system_is_dark()  # the platform's own palette, read before ours replaces it
    apply(app)
    QGuiApplication.styleHints().colorSchemeChanged.connect(lambda _scheme: _hint_changed(app))
