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


def scheme_name() -> str:
    """The user's choice; following the system: "dark" when it asks for
    dark, else "light"."""
    chosen = chosen_appearance()
    if chosen != "system":
        return chosen
    from PySide6.QtCore import Qt

    hints = QGuiApplication.styleHints()
    return "dark" if hints.colorScheme() == Qt.ColorScheme.Dark else "light"


def choose(app: QApplication, appearance: str) -> str:
    QSettings().setValue("appearance", appearance)
    return apply(app)


def style_sheet(colours_of: dict[str, str]) -> str:
    text = resource_path("style.qss").read_text(encoding="utf-8")
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


def apply_early(app: QApplication) -> None:
    """Before the first paint: the style sheet of the scheme chosen in the
    settings (light when following the system), without asking the system,
    whose answer costs Qt's enums ~13 ms the first paint need not pay."""
    global current
    chosen = chosen_appearance()
    current = SCHEMES[chosen] if chosen in SCHEMES else LIGHT
    app.setStyleSheet(style_sheet(current))


def follow_the_system(app: QApplication) -> None:
    """After the first paint: the system's scheme (or the chosen one), and
    again whenever the system changes it."""
    apply(app)
    QGuiApplication.styleHints().colorSchemeChanged.connect(lambda _scheme: apply(app))
