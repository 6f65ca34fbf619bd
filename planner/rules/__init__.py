"""Pure functions over a plan's rows: sign-off, checks, metric status."""
