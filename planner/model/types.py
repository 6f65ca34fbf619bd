"""Identity and time every row shares: UUID text ids and aware UTC timestamps."""

from datetime import datetime, timezone
from uuid import uuid4


def utc_now() -> datetime:
    """Now, aware, in UTC, to the microsecond."""
    return datetime.now(timezone.utc)


def new_id() -> str:
    """A new row id: a random UUID as text, shared by every copy of the plan."""
    return str(uuid4())
