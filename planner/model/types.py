"""Identity and time every row shares: UUID text ids and aware UTC timestamps."""

from datetime import datetime, timezone


def utc_now() -> datetime:
    """Now, aware, in UTC, to the microsecond."""
    return datetime.now(timezone.utc)


def new_id() -> str:
    """A new row id: a random UUID as text, shared by every copy of the plan.
    (uuid is imported here: reading a plan never needs it, and it costs 2.5 ms.)"""
    from uuid import uuid4

    return str(uuid4())
