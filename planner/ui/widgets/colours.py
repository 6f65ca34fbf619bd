"""The colours the window draws with, named for what they mean."""

from PySide6.QtGui import QColor

from planner.model.enums import Team

SALES, MARKETING = QColor("#1D5FA8"), QColor("#C2571A")
TEAM_COLOURS = {Team.SALES: SALES, Team.MARKETING: MARKETING}
PROBLEM_BACKGROUND = QColor("#FDE8E8")
AGREED, WAITING = QColor("#2E7D32"), QColor("#B26A00")
# Metric status, by its value as the rules give it ("on track", ...).
STATUS_COLOURS = {"on track": QColor("#2E7D32"), "at risk": QColor("#B26A00"),
                  "off track": QColor("#C62828"), "no data": QColor("#9AA5B1")}
