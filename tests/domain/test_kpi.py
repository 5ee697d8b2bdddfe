"""The dashboard's arithmetic (domain/kpi.py, KPI-1): percentiles, rates, age buckets, durations as read."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from decimal import Decimal

import pytest

from domain.kpi import AGE_BUCKETS, bucket_bounds, duration_text, milliseconds_text, percent, percentile


@pytest.mark.req("KPI-1")
def test_percentiles_interpolate_between_ranks() -> None:
    assert percentile([10, 2, 4], 0.5) == 4
    assert percentile([2, 4, 10], 0.9) == pytest.approx(8.8)
    assert percentile([1, 2, 3, 4], 0.5) == 2.5
    assert percentile([7], 0.9) == 7
    assert percentile([], 0.5) is None


@pytest.mark.req("KPI-1")
def test_rates_round_half_up_and_nothing_over_nothing_is_none() -> None:
    assert percent(2, 4) == Decimal("50.0")
    assert percent(2, 3) == Decimal("66.7")
    assert percent(1, 8) == Decimal("12.5")
    assert percent(0, 0) is None


@pytest.mark.req("KPI-1")
def test_age_buckets_meet_without_gaps() -> None:
    now = datetime(2026, 12, 6, 12, tzinfo=UTC)
    assert [b.label for b in AGE_BUCKETS] == ["0-7 days", "8-30 days", "31-90 days", "over 90 days"]
    assert bucket_bounds(now) == (now - timedelta(days=8), now - timedelta(days=31), now - timedelta(days=91))


def test_durations_as_a_person_reads_them() -> None:
    assert duration_text(None) == "-"
    assert duration_text(0.001) == "under a minute"
    assert duration_text(0.5) == "30 min"
    assert duration_text(4) == "4.0 h"
    assert duration_text(72) == "3.0 d"
    assert milliseconds_text(3.25) == "3.2 ms" and milliseconds_text(120.4) == "120 ms"
