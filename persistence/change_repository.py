"""Queries of change control (CHG-1): change requests, the versions they name, the open one for a record, and the
impact assessment of a change, read by the database in one statement."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from sqlalchemy import Integer, String, and_, cast, literal, null, or_, select, type_coerce, union_all
from sqlalchemy.orm import Session

from domain.batches import BatchStatus
from domain.change_control import OPEN_STATUSES, ChangeItem, ChangeRequest, ChangeStatus, RecordKind
from domain.lots import LotStatus
from domain.mbr import MbrStatus
from domain.quality import SpecStatus
from persistence import change_tables as ct
from persistence import qc_tables as qt
from persistence import tables as t
from persistence.types import Quantity

# Batches not yet finished with (a change may still reach them) and lots that are still stock.
OPEN_BATCHES = (BatchStatus.PLANNED, BatchStatus.IN_PRODUCTION, BatchStatus.COMPLETED, BatchStatus.QC_TESTING,
                BatchStatus.QA_REVIEW, BatchStatus.ON_HOLD)
IN_STOCK = (LotStatus.QUARANTINE, LotStatus.RELEASED, LotStatus.ON_HOLD)

ImpactRow = tuple[str, str, str, int | None, Decimal | None]  # (what, number, status, version, quantity)


class SqlChanges:
    def __init__(self, session: Session) -> None:
        self.session = session

    def add(self, obj: object) -> None:
        self.session.add(obj)

    def get(self, number: str, *, for_update: bool = False) -> ChangeRequest | None:
        stmt = select(ChangeRequest).where(ct.change_requests.c.number == number)
        return self.session.scalars(stmt.with_for_update() if for_update else stmt).one_or_none()

    def find(self, *, statuses: Sequence[ChangeStatus] = (), requester: str | None = None, limit: int = 500
             ) -> Sequence[ChangeRequest]:
        c = ct.change_requests.c
        stmt = select(ChangeRequest).order_by(c.id.desc()).limit(limit)
        if statuses:
            stmt = stmt.where(c.status.in_(list(statuses)))
        if requester:
            stmt = stmt.where(c.requester == requester)
        return self.session.scalars(stmt).all()

    def items(self, change_ids: Sequence[int]) -> dict[int, list[ChangeItem]]:
        found: dict[int, list[ChangeItem]] = {i: [] for i in change_ids}
        if not change_ids:
            return found
        c = ct.change_request_items.c
        for item in self.session.scalars(select(ChangeItem).where(c.change_id.in_(list(change_ids)))
                                         .order_by(c.change_id, c.item_no)):
            assert item.change_id is not None
            found[item.change_id].append(item)
        return found

    def open_for(self, kind: RecordKind, key: str) -> str | None:
        """The number of the open change request naming any version of this record, if there is one."""
        i, c = ct.change_request_items.c, ct.change_requests.c
        stmt = (select(c.number).join(ct.change_request_items, i.change_id == c.id)
                .where(i.record_type == kind.value, i.record_key == key, c.status.in_(list(OPEN_STATUSES)))
                .order_by(c.id).limit(1))
        return self.session.scalars(stmt).first()

    def changes_of(self, kind: RecordKind, key: str, version: int) -> Sequence[str]:
        """The change requests that name this version, oldest first (its history)."""
        i, c = ct.change_request_items.c, ct.change_requests.c
        stmt = (select(c.number).join(ct.change_request_items, i.change_id == c.id)
                .where(i.record_type == kind.value, i.record_key == key, i.version == version).order_by(c.id))
        return self.session.scalars(stmt).all()

    def impact(self, kind: RecordKind, key: str) -> list[ImpactRow]:
        """What a change of this record reaches, in one statement: open batches on its effective version (an
        MBR) or whose bill of materials uses the item (a specification), lots in stock made to it or of the item,
        and the effective specifications or master batch records involved."""
        parts = _mbr_impact(key) if kind is RecordKind.MBR else _item_impact(key)
        stmt = union_all(*parts)
        return [(str(w), str(n), str(s), None if v is None else int(v), q)
                for w, n, s, v, q in self.session.execute(stmt)]


def _row(what: str, number: Any, status: Any, version: Any = None, quantity: Any = None) -> list[Any]:
    return [literal(what, String).label("what"), cast(number, String).label("number"),
            cast(status, String).label("status"),
            cast(null() if version is None else version, Integer).label("version"),
            # the column's own type: SQLite keeps exact quantities as integer millionths (persistence.types)
            type_coerce(null() if quantity is None else quantity, Quantity()).label("quantity")]


def _mbr_impact(product: str) -> list[Any]:
    b, m, lt, ml, s = t.batches.c, t.mbrs.c, t.lots.c, t.mbr_lines.c, qt.specifications.c
    current = select(m.id).where(m.product_code == product, m.status == MbrStatus.EFFECTIVE).scalar_subquery()
    batches = (select(*_row("batch", b.batch_number, b.status, b.mbr_version, b.planned_quantity))
               .where(b.mbr_id == current, b.status.in_(OPEN_BATCHES)))
    lots = (select(*_row("lot", lt.lot_number, lt.status, b.mbr_version, lt.on_hand))
            .join_from(t.lots, t.batches, b.id == lt.batch_id)
            .where(b.mbr_id == current, lt.on_hand > 0, lt.status.in_(IN_STOCK)))
    components = select(ml.item_code).where(ml.mbr_id == current)
    specs = (select(*_row("spec", s.item_code, s.status, s.version))
             .where(s.status == SpecStatus.EFFECTIVE, or_(s.item_code == product, s.item_code.in_(components))))
    return [batches, lots, specs]


def _item_impact(item: str) -> list[Any]:
    b, m, lt, ml = t.batches.c, t.mbrs.c, t.lots.c, t.mbr_lines.c
    using = select(ml.mbr_id).where(ml.item_code == item)
    batches = (select(*_row("batch", b.batch_number, b.status, b.mbr_version, b.planned_quantity))
               .where(or_(b.mbr_id.in_(using), b.product_code == item), b.status.in_(OPEN_BATCHES)))
    lots = (select(*_row("lot", lt.lot_number, lt.status, None, lt.on_hand))
            .where(lt.item_code == item, lt.on_hand > 0, lt.status.in_(IN_STOCK)))
    mbrs = (select(*_row("mbr", m.product_code, m.status, m.version))
            .where(and_(m.id.in_(using), m.status == MbrStatus.EFFECTIVE)))
    return [batches, lots, mbrs]
