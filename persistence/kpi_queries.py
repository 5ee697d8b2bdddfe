"""The dashboard's queries (KPI-1): counts grouped by the database, the same statements on SQLite and PostgreSQL.

Only two readings bring rows back rather than counts, each bounded: the (completion, release) times of the
batches released in the window (a site releases hundreds in 90 days, not millions; the percentiles are taken
from them in `domain.kpi`), and the few lots nearest expiry.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import ColumnElement, and_, case, exists, func, select
from sqlalchemy.orm import Session

from domain.batches import BatchStatus
from domain.capa import CapaStatus
from domain.deviations import DeviationStatus
from domain.items import ItemType
from domain.lots import LotOrigin, LotStatus
from domain.recall import NotificationStatus, RecallStatus
from persistence import capa_tables as ct
from persistence import qc_tables as qt
from persistence import tables as t

_NOT_IN_STOCK = (LotStatus.REJECTED, LotStatus.CONSUMED)


class SqlKpis:
    def __init__(self, session: Session) -> None:
        self.session = session

    def batches_by_status(self) -> dict[str, int]:
        b = t.batches.c
        rows = self.session.execute(select(b.status, func.count()).group_by(b.status))
        return {status.value: int(count) for status, count in rows}

    def release_times(self, since: datetime) -> list[tuple[str, datetime | None, datetime]]:
        """(batch number, completed at, released at) of every batch released at or after `since`: the moment
        of release is its status history's entry into Released (the first, should there be two)."""
        sc, b = t.status_changes.c, t.batches.c
        released = (select(sc.record_id.label("number"), func.min(sc.at).label("at"))
                    .where(sc.record_type == "batch", sc.to_status == BatchStatus.RELEASED.value)
                    .group_by(sc.record_id).subquery())
        stmt = (select(released.c.number, b.completed_at, released.c.at)
                .join(t.batches, b.batch_number == released.c.number)
                .where(released.c.at >= since).order_by(released.c.at))
        return [(number, completed, at) for number, completed, at in self.session.execute(stmt)]

    def release_decisions(self, since: datetime) -> dict[str, tuple[int, int]]:
        """Released and Rejected -> (batches that entered it at or after `since`, of them with a deviation
        linked to the batch)."""
        sc, dl = t.status_changes.c, qt.deviation_links.c
        linked = exists().where(dl.kind == "batch", dl.ref == sc.record_id)
        stmt = (select(sc.to_status, func.count(sc.record_id.distinct()),
                       func.count(case((linked, sc.record_id)).distinct()))
                .where(sc.record_type == "batch", sc.at >= since,
                       sc.to_status.in_([BatchStatus.RELEASED.value, BatchStatus.REJECTED.value]))
                .group_by(sc.to_status))
        rows = self.session.execute(stmt)
        return {status: (int(total), int(with_deviation)) for status, total, with_deviation in rows}

    def open_deviations_by_age(self, bounds: Sequence[datetime]) -> list[int]:
        d = qt.deviations.c
        return self._by_age(d.opened_at, d.status != DeviationStatus.CLOSED, bounds)

    def open_capas_by_age(self, bounds: Sequence[datetime]) -> list[int]:
        c = ct.capas.c
        return self._by_age(c.opened_at, c.status == CapaStatus.OPEN, bounds)

    def _by_age(self, opened_at: ColumnElement[datetime], is_open: ColumnElement[bool],
                bounds: Sequence[datetime]) -> list[int]:
        """Counts per age bucket, newest first: one GROUP BY over a CASE of the opening time."""
        bucket = case(*((opened_at > bound, i) for i, bound in enumerate(bounds)), else_=len(bounds))
        rows = self.session.execute(select(bucket, func.count()).where(is_open).group_by(bucket))
        counts = [0] * (len(bounds) + 1)
        for index, count in rows:
            counts[int(index)] = int(count)
        return counts

    def _in_stock(self) -> ColumnElement[bool]:
        lot = t.lots.c
        return and_(lot.on_hand > Decimal(0), lot.status.not_in(_NOT_IN_STOCK), lot.expires_on.is_not(None))

    def expiry_counts(self, today: date, horizon: date) -> tuple[int, int]:
        """(lots in stock expiring from today to `horizon`, lots in stock already past expiry)."""
        lot = t.lots.c
        stmt = select(func.count(case((lot.expires_on >= today, 1))), func.count(case((lot.expires_on < today, 1))))
        expiring, expired = self.session.execute(
            stmt.where(self._in_stock(), lot.expires_on <= horizon)).one()
        return int(expiring), int(expired)

    def first_to_expire(self, horizon: date, limit: int) -> list[tuple[str, str, date, Decimal, str, str]]:
        """(lot number, item, expires on, on hand, unit, status) of the lots in stock expiring by `horizon`,
        the soonest (or longest expired) first."""
        lot = t.lots.c
        stmt = (select(lot.lot_number, lot.item_code, lot.expires_on, lot.on_hand, lot.unit, lot.status)
                .where(self._in_stock(), lot.expires_on <= horizon)
                .order_by(lot.expires_on, lot.lot_number).limit(limit))
        rows = self.session.execute(stmt)
        return [(n, item, on, qty, unit.value, status.value) for n, item, on, qty, unit, status in rows]

    def latest_released_finished_lot(self) -> str | None:
        """The finished-device lot made here (not received) that was released last and is Released still."""
        sc, lot, item = t.status_changes.c, t.lots.c, t.items.c
        stmt = (select(lot.lot_number)
                .join(t.status_changes, and_(sc.record_type == "lot", sc.record_id == lot.lot_number,
                                             sc.to_status == LotStatus.RELEASED.value))
                .join(t.items, item.code == lot.item_code)
                .where(lot.origin == LotOrigin.PRODUCED, lot.status == LotStatus.RELEASED,
                       item.item_type == ItemType.FINISHED_DEVICE)
                .order_by(sc.id.desc()).limit(1))
        return self.session.execute(stmt).scalar_one_or_none()

    def open_recalls(self) -> list[tuple[str, str, datetime, int, int]]:
        """(recall number, trigger lot, opened at, customers completed, customers to notify), oldest first."""
        r, rc = t.recalls.c, t.recall_customers.c
        done = func.count(case((rc.status == NotificationStatus.COMPLETED, 1)))
        stmt = (select(r.recall_number, r.trigger_lot_number, r.opened_at, done, func.count(rc.id))
                .outerjoin(t.recall_customers, rc.recall_id == r.id)
                .where(r.status == RecallStatus.OPEN)
                .group_by(r.id, r.recall_number, r.trigger_lot_number, r.opened_at).order_by(r.opened_at))
        return [(n, lot, at, int(d), int(total)) for n, lot, at, d, total in self.session.execute(stmt)]

    def closed_recalls(self) -> list[tuple[datetime, datetime]]:
        """(opened at, closed at) of every closed recall: a handful in a site's life."""
        r = t.recalls.c
        stmt = select(r.opened_at, r.closed_at).where(r.status == RecallStatus.CLOSED, r.closed_at.is_not(None))
        return [(opened, closed) for opened, closed in self.session.execute(stmt)]
