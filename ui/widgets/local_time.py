"""Times are stored in UTC and shown in the station's time zone (GEN-4)."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta


def local_text(at: datetime | None) -> str:
    if at is None:
        return ""
    if at.tzinfo is None:  # the stores return aware times; a naive one is UTC by our convention
        at = at.replace(tzinfo=UTC)
    return at.astimezone().strftime("%Y-%m-%d %H:%M:%S %Z")


def local_day_start_utc(day: date) -> datetime:
    """The UTC instant at which `day` begins in the station's time zone."""
    return datetime.combine(day, time()).astimezone().astimezone(UTC)


def local_day_end_utc(day: date) -> datetime:
    """The UTC instant at which `day` ends (exclusive) in the station's time zone."""
    return local_day_start_utc(day + timedelta(days=1))
