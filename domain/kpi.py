"""The dashboard's arithmetic (KPI-1): age buckets, percentiles and rates, the same for the desktop and the CLI.

The figures themselves are counted by the database (`app.kpi`); what is here is only the part that is a rule:
where an age bucket starts and ends, what a median and a 90th percentile of a few hundred lead times are.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from decimal import ROUND_HALF_UP, Decimal

from domain.i18n import N_, _

WINDOW_DAYS = 90  # release lead time and right-first-time look back this far
EXPIRY_HORIZON_DAYS = 30  # a lot in stock expiring within this many days is "near expiry"


@dataclass(frozen=True)
class AgeBucket:
    """Records opened `low` to `high` whole days ago (`high` None: older than `low`)."""

    label: str  # marked N_(): translated where shown
    low: int
    high: int | None


AGE_BUCKETS = (
    AgeBucket(N_("0-7 days"), 0, 7),
    AgeBucket(N_("8-30 days"), 8, 30),
    AgeBucket(N_("31-90 days"), 31, 90),
    AgeBucket(N_("over 90 days"), 91, None),
)


def bucket_bounds(now: datetime) -> tuple[datetime, ...]:
    """The opening times that separate the buckets, newest first: a record opened after the first is 0-7 days
    old (less than 8 whole days), after the second 8-30, after the third 31-90, else older."""
    return tuple(now - timedelta(days=b.high + 1) for b in AGE_BUCKETS if b.high is not None)


def percentile(values: Sequence[float], q: float) -> float | None:
    """The q-th quantile (0..1) by linear interpolation between the closest ranks (as a spreadsheet's
    PERCENTILE.INC and numpy's default): the median of [2, 4, 10] is 4, its 90th percentile 8.8."""
    if not values:
        return None
    ordered = sorted(values)
    position = (len(ordered) - 1) * q
    below = int(position)
    above = min(below + 1, len(ordered) - 1)
    return ordered[below] + (ordered[above] - ordered[below]) * (position - below)


def percent(part: int, whole: int) -> Decimal | None:
    """`part` of `whole` as a percentage with one decimal (half up); None when there is nothing to divide."""
    if whole <= 0:
        return None
    return (Decimal(100 * part) / Decimal(whole)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


def hours_between(start: datetime, end: datetime) -> float:
    return (end - start).total_seconds() / 3600


def duration_text(hours: float | None) -> str:
    """A lead or response time as a person reads it: minutes under an hour, hours up to two days, then days."""
    if hours is None:
        return "-"
    if hours < 1 / 60:
        return _("under a minute")
    if hours < 1:
        return _("{minutes} min", minutes=int(hours * 60))
    if hours < 48:
        return _("{hours} h", hours=f"{hours:.1f}")
    return _("{days} d", days=f"{hours / 24:.1f}")


def milliseconds_text(ms: float) -> str:
    return _("{ms} ms", ms=f"{ms:.0f}" if ms >= 10 else f"{ms:.1f}")
