"""ISO-8601 timestamps as the inputs write them, turned into aware UTC datetimes."""

from __future__ import annotations

from datetime import UTC, datetime


def parse_utc(text: str) -> datetime | None:
    """The UTC datetime that `text` names, or None when it is not an ISO-8601 date or time.

    Accepts `Z` and `+hh:mm`, `+hhmm` or `+hh` offsets (converted to UTC), fractional seconds of
    any length, a space instead of `T`, no offset at all (taken as UTC) and a date alone
    (midnight UTC): the forms seen in cases.csv files, WARC-Date headers and RDAP answers.
    """
    value = text.strip()
    if not value:
        return None
    if value[-1] in "zZ":
        value = value[:-1] + "+00:00"
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        return None
    if moment.tzinfo is None:
        return moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC)
