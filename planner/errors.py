"""Errors a user can act on; each carries one clear sentence."""


class PlanError(Exception):
    """A problem in the user's data or file (the command line exits 1)."""


class PlanFileError(PlanError):
    """The file cannot be opened as a plan; nothing was written to it."""


class InvalidEdit(PlanError):
    """An edit was refused; the plan is unchanged."""


class ReadOnlyPlan(PlanError):
    """The plan is open read-only, so it cannot be changed."""
