"""Ways a plan leaves the window: PDF, JSON (and later iCalendar, CSV)."""
