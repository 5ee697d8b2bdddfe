"""The dashboard (KPI-1), read-only: batches by status, release lead time, right-first-time, open deviations and
CAPA by age, lots near expiry, and how fast a trace and a recall answer. Every logged-in user may read it, as any
list (no permission beyond being a current user; the unit of work checks that).

Definitions, as the page and `batchtrace kpi` show them:

- release lead time: for each batch released in the last 90 days, from its completion (`batches.completed_at`,
  the end of production) to its entry into Released in the status history; median and 90th percentile in hours.
- right first time: of the batches that reached a release decision (entered Released or Rejected) in the last
  90 days, the share released with no deviation linked to the batch (a deviation opened later counts too).
- open deviations (not Closed) and open CAPA by age since opening: 0-7, 8-30, 31-90 and over 90 days.
- lots near expiry: lots in stock (on hand above zero, not Rejected or Consumed) expiring within 30 days, and
  those past their expiry date still in stock.
- trace response: no trace is timed when users run it, so the dashboard times one now, the trace use case on
  the finished lot released last, backward and forward, in milliseconds. Recall response: the open recalls'
  age and notification progress, and the median time from opening to closing of the closed ones.
"""

from __future__ import annotations

import statistics
import time
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal

from app import trace
from app.clock import local_today
from app.ports import UnitOfWork
from domain.batches import BatchStatus
from domain.kpi import (
    AGE_BUCKETS,
    EXPIRY_HORIZON_DAYS,
    WINDOW_DAYS,
    bucket_bounds,
    hours_between,
    percent,
    percentile,
)
from domain.users import Actor

FIRST_TO_EXPIRE = 5  # lots listed by name; the counts cover all


@dataclass(frozen=True)
class LeadTime:
    released: int  # batches released in the window with a completion time
    median_hours: float | None
    p90_hours: float | None


@dataclass(frozen=True)
class RightFirstTime:
    decided: int  # released + rejected
    released: int
    released_clean: int  # released with no deviation linked
    rejected: int

    @property
    def percent(self) -> Decimal | None:
        return percent(self.released_clean, self.decided)


@dataclass(frozen=True)
class AgeCounts:
    """Open records per bucket of `domain.kpi.AGE_BUCKETS`, youngest first."""

    counts: tuple[int, ...]

    @property
    def total(self) -> int:
        return sum(self.counts)

    def by_label(self) -> list[tuple[str, int]]:
        return [(bucket.label, count) for bucket, count in zip(AGE_BUCKETS, self.counts, strict=True)]


@dataclass(frozen=True)
class ExpiringLot:
    lot_number: str
    item_code: str
    expires_on: date
    on_hand: Decimal
    unit: str
    status: str
    expired: bool


@dataclass(frozen=True)
class Expiry:
    expiring: int  # in stock, expiring today or within the horizon
    expired: int  # in stock, past expiry
    first: tuple[ExpiringLot, ...]  # the soonest (longest expired first)


@dataclass(frozen=True)
class TraceTiming:
    """The trace use case timed at dashboard time on one lot: what a user tracing it just now would wait."""

    lot_number: str
    backward_ms: float
    forward_ms: float
    backward_records: int
    forward_records: int


@dataclass(frozen=True)
class OpenRecall:
    recall_number: str
    trigger_lot_number: str
    opened_at: datetime
    age_days: int
    completed: int  # customers completed
    customers: int  # customers to notify


@dataclass(frozen=True)
class Dashboard:
    at: datetime  # the moment the figures are for (UTC)
    today: date
    window_days: int
    horizon_days: int
    batches_by_status: tuple[tuple[str, int], ...]  # in BatchStatus order (the batch's life), only those present
    lead_time: LeadTime
    right_first_time: RightFirstTime
    deviations: AgeCounts
    capas: AgeCounts
    expiry: Expiry
    trace: TraceTiming | None  # None when no finished lot has been released
    open_recalls: tuple[OpenRecall, ...]
    closed_recalls: int
    recall_median_hours: float | None  # from opening to closing, over the closed recalls


def dashboard(uow: UnitOfWork, actor: Actor, *, today: date | None = None, time_trace: bool = True) -> Dashboard:
    """The figures as of `today` (default: the station's date by the store's clock); ages and the 90-day window
    count from the same moment of that day. `time_trace=False` leaves the trace timing out (None)."""
    with uow.acting_as(actor) as tx:
        now = tx.now()
        real_today = local_today(tx)
        day = today or real_today
        now += timedelta(days=(day - real_today).days)
        since = now - timedelta(days=WINDOW_DAYS)
        kpis = tx.kpis
        by_status = kpis.batches_by_status()
        times = kpis.release_times(since)
        decisions = kpis.release_decisions(since)
        bounds = bucket_bounds(now)
        deviations = AgeCounts(tuple(kpis.open_deviations_by_age(bounds)))
        capas = AgeCounts(tuple(kpis.open_capas_by_age(bounds)))
        horizon = day + timedelta(days=EXPIRY_HORIZON_DAYS)
        expiring, expired = kpis.expiry_counts(day, horizon)
        first = tuple(ExpiringLot(n, item, on, qty, unit, status, on < day)
                      for n, item, on, qty, unit, status in kpis.first_to_expire(horizon, FIRST_TO_EXPIRE))
        latest_lot = kpis.latest_released_finished_lot() if time_trace else None
        recalls = tuple(OpenRecall(n, lot, at, max((now - at).days, 0), done, total)
                        for n, lot, at, done, total in kpis.open_recalls())
        closed = kpis.closed_recalls()
    hours = [hours_between(completed, released) for _n, completed, released in times if completed is not None]
    released, released_with_deviation = decisions.get(BatchStatus.RELEASED.value, (0, 0))
    rejected = decisions.get(BatchStatus.REJECTED.value, (0, 0))[0]
    recall_hours = [hours_between(opened, closed_at) for opened, closed_at in closed]
    return Dashboard(
        at=now, today=day, window_days=WINDOW_DAYS, horizon_days=EXPIRY_HORIZON_DAYS,
        batches_by_status=tuple((s.value, by_status[s.value]) for s in BatchStatus if s.value in by_status),
        lead_time=LeadTime(len(hours), percentile(hours, 0.5), percentile(hours, 0.9)),
        right_first_time=RightFirstTime(released + rejected, released, released - released_with_deviation, rejected),
        deviations=deviations, capas=capas, expiry=Expiry(expiring, expired, first),
        trace=_time_trace(uow, actor, latest_lot) if latest_lot else None,
        open_recalls=recalls, closed_recalls=len(closed),
        recall_median_hours=statistics.median(recall_hours) if recall_hours else None,
    )


def _time_trace(uow: UnitOfWork, actor: Actor, lot_number: str) -> TraceTiming:
    """The trace use case, as the Trace page and `batchtrace trace` run it, once per direction."""
    started = time.perf_counter()
    backward = trace.trace(uow, actor, lot_number, "backward")
    middle = time.perf_counter()
    forward = trace.trace(uow, actor, lot_number, "forward")
    done = time.perf_counter()
    return TraceTiming(lot_number, (middle - started) * 1000, (done - middle) * 1000,
                       sum(len(r.lines) for r in backward.results()), sum(len(r.lines) for r in forward.results()))
