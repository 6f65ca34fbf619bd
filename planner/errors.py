"""Errors a user can act on; each carries one clear sentence."""


class PlanError(Exception):
    """A problem in the user's data or file (the command line exits 1)."""


class PlanFileError(PlanError):
    """The file cannot be opened as a plan; nothing was written to it."""


class InvalidEdit(PlanError):
    """An edit was refused; the plan is unchanged."""


class ReadOnlyPlan(PlanError):
    """The plan is open read-only, so it cannot be changed."""


class MediumLost(ReadOnlyPlan):
    """The disk under an open plan went away or failed: nothing more is
    written to it, and what the window holds can be saved elsewhere."""


class OutsideChange(InvalidEdit):
    """Another program changed the plan file while it was open: the change
    asked for was not written over theirs; the rows were read again."""

    change: object = None  # the ChangeSet of what the other program changed


GONE = frozenset({"ENODEV", "ENXIO", "ENOTCONN", "ESHUTDOWN", "ESTALE", "ENOMEDIUM"})


def os_error_sentence(exc: OSError, name: str) -> str:
    """What a failed file operation means for the person, in one sentence:
    its true cause (a link the disk does not allow is not a read-only disk)."""
    import errno

    from planner.i18n import _

    code = errno.errorcode.get(exc.errno or 0, "")
    if exc.errno == errno.ENOSPC:
        return _("{name} could not be written: the disk is full. Nothing was left behind.").format(
            name=name)
    if exc.errno == errno.EROFS:
        return _("{name} could not be written: its disk is read-only.").format(name=name)
    if exc.errno == errno.EACCES:
        return _("{name} could not be written: its folder or the file may not be written to.").format(
            name=name)
    if exc.errno == errno.EPERM:
        return _("{name} could not be written: its disk does not allow this ({reason}).").format(
            name=name, reason=exc.strerror or _("operation not permitted"))
    if exc.errno == errno.ENAMETOOLONG:
        return _("{name} could not be written: its name is too long for the disk.").format(
            name=name)
    if code in GONE:
        return _("{name} could not be written: its disk is gone (was it removed?).").format(
            name=name)
    if exc.errno == errno.EIO:
        return _("{name} could not be written: the disk reported an input/output error.").format(
            name=name)
    if exc.errno == errno.ENOENT:
        return _("{name} could not be found.").format(name=name)
    return _("{name} could not be written ({reason}).").format(name=name,
                                                               reason=exc.strerror or exc)


def one_line(text: str) -> str:
    """A message as one line: the user's own text quoted in it may hold line
    breaks, tabs or other control characters; each becomes a space."""
    import unicodedata

    return " ".join("".join(" " if unicodedata.category(c) in ("Cc", "Zl", "Zp") else c
                            for c in text).split())
