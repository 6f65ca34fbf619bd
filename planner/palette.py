"""Every colour Tandem shows, named for what it means: one module that the
window, its charts and timeline, workshop mode and the PDF take their
colours from. No Qt here: the PDF reads it too.

LIGHT and DARK are the window's two schemes (Qt's colour scheme hint picks
one, following the system); PAPER is what a printed page uses (the light
scheme: paper is white); ROOM is workshop mode's, dark for a projector.
"""

LIGHT: dict[str, str] = {
    "window": "#FFFFFF",        # page background
    "ink": "#1F2933",           # text
    "ink_soft": "#3E4C59",      # table headers, axis labels
    "muted": "#616E7C",         # hints, secondary text
    "faint": "#9AA5B1",         # no data, placeholders
    "rule": "#D9DEE3",          # borders and lines
    "grid": "#EEF1F4",          # table grid lines, read-only cells
    "surface": "#F7F9FA",       # every other row, weekends on the timeline
    "header": "#F0F2F5",        # table headers
    "selection": "#D4E4F7",
    "sidebar": "#1F2933", "sidebar_ink": "#E4E7EB", "sidebar_hover": "#323F4B",
    "sidebar_selected_ink": "#FFFFFF",
    "accent": "#E07A3A",        # the current section, focus
    "sales": "#1D5FA8", "marketing": "#B9531A",           # the two sides' text
    "sales_bar": "#3B82D0", "marketing_bar": "#E07A3A",   # the two sides' filled shapes
    "both": "#7B61A8",
    "good": "#2E7D32", "warn": "#B26A00", "bad": "#C62828",
    "cancelled": "#C5CBD3",
    "on_bar": "#FFFFFF",        # text on a filled bar
    "problem_bg": "#FDE8E8", "problem_ink": "#8A1C1C", "problem_rule": "#F5B5B5",
    "notice_bg": "#FFF3C4", "notice_ink": "#513C06", "notice_rule": "#F0D47A",
    "stamp": "#E4E7EB",         # the PDF's draft watermark
}

DARK: dict[str, str] = {
    "window": "#161B22",
    "ink": "#E6EAEF",
    "ink_soft": "#C3CAD3",
    "muted": "#9AA5B1",
    "faint": "#6B7785",
    "rule": "#3A4552",
    "grid": "#27303A",
    "surface": "#1E252E",
    "header": "#222A33",
    "selection": "#2C4A6E",
    "sidebar": "#0E1217", "sidebar_ink": "#D5DBE2", "sidebar_hover": "#27303A",
    "sidebar_selected_ink": "#FFFFFF",
    "accent": "#F0914F",
    "sales": "#7DB8FF", "marketing": "#FFA36B",
    "sales_bar": "#3B82D0", "marketing_bar": "#E07A3A",
    "both": "#B59CF0",
    "good": "#6FD08C", "warn": "#FFC15E", "bad": "#FF7B7B",
    "cancelled": "#56606C",
    "on_bar": "#FFFFFF",
    "problem_bg": "#4A1F22", "problem_ink": "#FFD7D7", "problem_rule": "#7A2E33",
    "notice_bg": "#463A12", "notice_ink": "#FFEDB0", "notice_rule": "#7A6520",
    "stamp": "#3A4552",
}

PAPER = LIGHT

ROOM: dict[str, str] = {
    "window": "#0F1419", "ink": "#F5F7FA", "muted": "#AEB8C4", "picked": "#24303C",
    "panel": "#1B242E", "field_rule": "#3A4A5C",  # the workshop's editors
    "sales": "#5AA9FF", "marketing": "#FF9A57", "both": "#C3A6FF",
    "good": "#6FD08C", "warn": "#FFC15E", "bad": "#FF6B6B",
}

SCHEMES = {"light": LIGHT, "dark": DARK}


def luminance(hex_colour: str) -> float:
    """Relative luminance (WCAG 2)."""
    def channel(c: int) -> float:
        v = c / 255
        return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4
    r, g, b = (int(hex_colour[i:i + 2], 16) for i in (1, 3, 5))
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def contrast(a: str, b: str) -> float:
    """WCAG contrast ratio of two colours (1 to 21)."""
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)
