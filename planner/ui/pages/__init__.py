"""A page per section of the plan."""
