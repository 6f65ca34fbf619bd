"""Errors a user can act on; each carries one clear sentence."""


class PlanError(Exception):
    """A problem in the user's data or file (the command line exits 1)."""


class PlanFileError(PlanError):
    """The file cannot be opened as a plan; nothing was written to it."""


class InvalidEdit(PlanError):
    """An edit was refused; the plan is unchanged."""


class ReadOnlyPlan(PlanError):
    """The plan is open read-only, so it cannot be changed."""


def os_error_sentence(exc: OSError, name: str) -> str:
    """What a failed file operation means for the person, in one sentence."""
    import errno

    if exc.errno == errno.ENOSPC:
        return f"{name} could not be written: the disk is full. Nothing was left behind."
    if exc.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
        return f"{name} could not be written: its folder or disk is read-only."
    if exc.errno == errno.EIO:
        return f"{name} could not be written: the disk reported an input/output error."
    if exc.errno == errno.ENOENT:
        return f"{name} could not be found."
    return f"{name} could not be written ({exc.strerror or exc})."


def one_line(text: str) -> str:
    """A message as one line: the user's own text quoted in it may hold line
    breaks, tabs or other control characters; each becomes a space."""
    import unicodedata

    return " ".join("".join(" " if unicodedata.category(c) in ("Cc", "Zl", "Zp") else c
                            for c in text).split())
