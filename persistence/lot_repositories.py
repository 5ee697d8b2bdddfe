"""Repositories for master data, lots, batches, shipments, recalls and alerts."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from decimal import Decimal
from typing import Any

from sqlalchemy import func, or_, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from domain.alerts import Alert, AlertStatus
from domain.batches import Batch, BatchStatus, IssueKind, MaterialIssue
from domain.items import Customer, Item, Supplier, SupplierApproval
from domain.lots import Lot
from domain.mbr import MasterBatchRecord, MbrStatus
from domain.numbering import NumberRule
from domain.shipments import Shipment
from persistence import tables as t
from persistence.audit_trail import collector


def _contains(text: str) -> str:
    """A LIKE pattern for text anywhere, with the wildcards in the text itself taken literally."""
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


class _Repo:
    def __init__(self, session: Session) -> None:
        self.session = session

    def add(self, obj: object) -> None:
        self.session.add(obj)


class SqlMasterData(_Repo):
    def item(self, code: str) -> Item | None:
        return self.session.get(Item, code.strip().upper())

    def items(self, *, include_inactive: bool = False) -> Sequence[Item]:
        stmt = select(Item).order_by(t.items.c.code)
        if not include_inactive:
            stmt = stmt.where(t.items.c.active.is_(True))
        return self.session.scalars(stmt).all()

    def item_by_gtin(self, gtin: str) -> Item | None:
        return self.session.scalars(select(Item).where(t.items.c.gtin == gtin)).one_or_none()

    def supplier(self, code: str) -> Supplier | None:
        return self.session.get(Supplier, code.strip().upper())

    def suppliers(self) -> Sequence[Supplier]:
        return self.session.scalars(select(Supplier).order_by(t.suppliers.c.code)).all()

    def customer(self, code: str) -> Customer | None:
        return self.session.get(Customer, code.strip().upper())

    def customers(self) -> Sequence[Customer]:
        return self.session.scalars(select(Customer).order_by(t.customers.c.code)).all()

    def approval(self, item_code: str, supplier_code: str) -> SupplierApproval | None:
        c = t.supplier_approvals.c
        return self.session.scalars(
            select(SupplierApproval).where(c.item_code == item_code, c.supplier_code == supplier_code)
        ).one_or_none()

    def approvals(self, item_code: str | None = None) -> Sequence[SupplierApproval]:
        c = t.supplier_approvals.c
        stmt = select(SupplierApproval).order_by(c.item_code, c.supplier_code)
        if item_code:
            stmt = stmt.where(c.item_code == item_code)
        return self.session.scalars(stmt).all()


class SqlNumbering(_Repo):
    def rule(self, scope: str) -> NumberRule | None:
        return self.session.get(NumberRule, scope)

    def rules(self) -> Sequence[NumberRule]:
        return self.session.scalars(select(NumberRule).order_by(t.number_rules.c.scope)).all()

    def next_value(self, key: str) -> int:
        """Atomically take the next sequence value for `key` (upsert ... RETURNING: the row lock makes two
        stations at once get different values on PostgreSQL; SQLite has one writer)."""
        dialect = self.session.get_bind().dialect.name
        insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
        upsert = insert(t.number_sequences).values(key=key, last_value=1).on_conflict_do_update(
            index_elements=[t.number_sequences.c.key],
            set_={"last_value": t.number_sequences.c.last_value + 1},
        )
        taken = int(self.session.execute(upsert.returning(t.number_sequences.c.last_value)).scalar_one())
        # Audited (issue 9, finding 2): which counter moved, from what to what, with the commit's reason.
        collector(self.session).note("number_sequence", key, "CREATE" if taken == 1 else "TAKE",
                                     {"last_value": (None if taken == 1 else taken - 1, taken)})
        return taken


class SqlLots(_Repo):
    def by_number(self, lot_number: str, *, for_update: bool = False) -> Lot | None:
        stmt = select(Lot).where(t.lots.c.lot_number == lot_number.strip())
        if for_update:
            stmt = stmt.with_for_update()
        return self.session.scalars(stmt).one_or_none()

    def by_id(self, lot_id: int) -> Lot | None:
        return self.session.get(Lot, lot_id)

    def by_ids(self, ids: Sequence[int]) -> dict[int, Lot]:
        if not ids:
            return {}
        return {lot.id: lot for lot in self.session.scalars(select(Lot).where(t.lots.c.id.in_(ids)))
                if lot.id is not None}

    def list(self, *, item_code: str | None = None, statuses: Sequence[Any] = (), text: str | None = None,
             limit: int = 500) -> Sequence[Lot]:
        c = t.lots.c
        stmt = select(Lot).order_by(c.id.desc()).limit(limit)
        if item_code:
            stmt = stmt.where(c.item_code == item_code)
        if statuses:
            stmt = stmt.where(c.status.in_(list(statuses)))
        if text:
            pattern = _contains(text)
            stmt = stmt.where(
                or_(c.lot_number.ilike(pattern, escape="\\"), c.supplier_lot.ilike(pattern, escape="\\"))
            )
        return self.session.scalars(stmt).all()

    def expiring(self, before: Any, statuses: Sequence[Any]) -> Sequence[Lot]:
        c = t.lots.c
        return self.session.scalars(
            select(Lot).where(c.expires_on < before, c.status.in_(list(statuses))).order_by(c.id)
        ).all()

    def of_batch(self, batch_id: int) -> Sequence[Lot]:
        return self.session.scalars(select(Lot).where(t.lots.c.batch_id == batch_id).order_by(t.lots.c.id)).all()


class SqlMbrs(_Repo):
    def get(self, mbr_id: int) -> MasterBatchRecord | None:
        return self.session.get(MasterBatchRecord, mbr_id)

    def version(self, product_code: str, version: int) -> MasterBatchRecord | None:
        c = t.mbrs.c
        return self.session.scalars(
            select(MasterBatchRecord).where(c.product_code == product_code, c.version == version)
        ).one_or_none()

    def effective(self, product_code: str) -> MasterBatchRecord | None:
        c = t.mbrs.c
        return self.session.scalars(
            select(MasterBatchRecord).where(c.product_code == product_code, c.status == MbrStatus.EFFECTIVE)
        ).one_or_none()

    def latest_version(self, product_code: str) -> int:
        c = t.mbrs.c
        return int(self.session.scalar(select(func.max(c.version)).where(c.product_code == product_code)) or 0)

    def list(self, product_code: str | None = None) -> Sequence[MasterBatchRecord]:
        c = t.mbrs.c
        stmt = select(MasterBatchRecord).order_by(c.product_code, c.version)
        if product_code:
            stmt = stmt.where(c.product_code == product_code)
        return self.session.scalars(stmt).all()


class SqlBatches(_Repo):
    def by_number(self, batch_number: str, *, for_update: bool = False) -> Batch | None:
        stmt = select(Batch).where(t.batches.c.batch_number == batch_number.strip())
        if for_update:
            stmt = stmt.with_for_update()
        return self.session.scalars(stmt).one_or_none()

    def by_id(self, batch_id: int) -> Batch | None:
        return self.session.get(Batch, batch_id)

    def list(self, *, statuses: Sequence[BatchStatus] = (), text: str | None = None, limit: int = 500
             ) -> Sequence[Batch]:
        c = t.batches.c
        stmt = select(Batch).order_by(c.id.desc()).limit(limit)
        if statuses:
            stmt = stmt.where(c.status.in_(list(statuses)))
        if text:
            stmt = stmt.where(c.batch_number.ilike(_contains(text), escape="\\"))
        return self.session.scalars(stmt).all()

    def on_mbr_version(self, product_code: str, version: int, statuses: Collection[BatchStatus]
                       ) -> Sequence[Batch]:
        """The batches planned from one version of a master record in these statuses: one query (CHG-3)."""
        c = t.batches.c
        return self.session.scalars(select(Batch).where(
            c.product_code == product_code, c.mbr_version == version, c.status.in_(list(statuses)),
        ).order_by(c.planned_at, c.id)).all()

    def issues(self, batch_id: int) -> Sequence[MaterialIssue]:
        c = t.material_issues.c
        return self.session.scalars(select(MaterialIssue).where(c.batch_id == batch_id).order_by(c.id)).all()

    def net_issued(self, batch_id: int) -> dict[tuple[int, str], Decimal]:
        """Net quantity per (lot id, item code) issued to the batch (issues minus returns)."""
        totals: dict[tuple[int, str], Decimal] = {}
        for issue in self.issues(batch_id):
            key = (issue.lot_id, issue.item_code)
            totals[key] = totals.get(key, Decimal(0)) + (
                issue.quantity if issue.kind is IssueKind.ISSUE else -issue.quantity
            )
        return totals


class SqlShipments(_Repo):
    def by_number(self, number: str) -> Shipment | None:
        return self.session.scalars(
            select(Shipment).where(t.shipments.c.shipment_number == number.strip())
        ).one_or_none()

    def list(self, limit: int = 500) -> Sequence[Shipment]:
        return self.session.scalars(select(Shipment).order_by(t.shipments.c.id.desc()).limit(limit)).all()


class SqlAlerts(_Repo):
    def open(self) -> Sequence[Alert]:
        c = t.alerts.c
        return self.session.scalars(select(Alert).where(c.status == AlertStatus.OPEN).order_by(c.id.desc())).all()

    def get(self, alert_id: int) -> Alert | None:
        return self.session.get(Alert, alert_id)
