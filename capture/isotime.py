"""ISO-8601 timestamps as the inputs write them, turned into aware UTC datetimes."""

from __future__ import annotations

from datetime import UTC, datetime

# What a message says of a time that names a real moment Python cannot hold in UTC.
OUT_OF_RANGE = "out of the range of dates (years 1 to 9999 in UTC)"


def parse_utc(text: str) -> datetime | None:
    """The UTC datetime that `text` names, or None when it is not an ISO-8601 date or time.

    Accepts `Z` and `+hh:mm`, `+hhmm` or `+hh` offsets (converted to UTC), fractional seconds of
    any length, a space instead of `T`, no offset at all (taken as UTC) and a date alone
    (midnight UTC): the forms seen in cases.csv files, WARC-Date headers and RDAP answers.
    A time at the edge of the range that falls outside it once in UTC (year 1 with a positive
    offset, year 9999 with a negative one) is None as well: `time_problem` says which.
    """
    return parse_utc_checked(text)[0]


def parse_utc_checked(text: str) -> tuple[datetime | None, str | None]:
    """(the UTC datetime, None), or (None, why not): `not ISO-8601`, out of range, or empty.

    Never raises: the inputs come from files anyone can write, and one odd date must not stop
    the batch it is part of.
    """
    value = text.strip()
    if not value:
        return None, "empty"
    if value[-1] in "zZ":
        value = value[:-1] + "+00:00"
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        return None, "not an ISO-8601 date or time"
    if moment.tzinfo is None:
        return moment.replace(tzinfo=UTC), None
    try:
        # Converting to UTC can step past datetime.min or datetime.max: OverflowError.
        return moment.astimezone(UTC), None
    except (OverflowError, ValueError):
        return None, OUT_OF_RANGE


def time_problem(text: str) -> str | None:
    """What is wrong with a timestamp, or None when `parse_utc` reads it."""
    return parse_utc_checked(text)[1]
