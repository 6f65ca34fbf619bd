"""The colours the window draws with, named for what they mean.

Each is one QColor that keeps its identity: `use()` sets them all from one
of planner/palette.py's schemes, so a page that imported SALES draws with
the dark scheme's blue once the system turns dark."""

from PySide6.QtGui import QColor

from planner.model.enums import Team
from planner.ui.theme import current

_ROLES: dict[str, QColor] = {name: QColor(value) for name, value in current.items()}


def colour(role: str) -> QColor:
    return _ROLES[role]


def use(scheme: dict[str, str]) -> None:
    for name, value in scheme.items():
        _ROLES[name].setRgb(QColor(value).rgb())


WINDOW, INK, INK_SOFT, MUTED, FAINT = (colour(r) for r in ("window", "ink", "ink_soft", "muted",
                                                           "faint"))
RULE, GRID, SURFACE = colour("rule"), colour("grid"), colour("surface")
SALES, MARKETING = colour("sales"), colour("marketing")
SALES_BAR, MARKETING_BAR, ON_BAR = colour("sales_bar"), colour("marketing_bar"), colour("on_bar")
TEAM_COLOURS = {Team.SALES: SALES, Team.MARKETING: MARKETING}
PROBLEM_BACKGROUND = colour("problem_bg")
AGREED, WAITING = colour("good"), colour("warn")
GOOD, WARN, BAD, CANCELLED = colour("good"), colour("warn"), colour("bad"), colour("cancelled")
# Metric status, by its value as the rules give it ("on track", ...).
STATUS_COLOURS = {"on track": GOOD, "at risk": WARN, "off track": BAD, "no data": FAINT}
