"""Records the demo site (`app.demo.site_data`) through the use cases, each step as the demo user whose role
does it in a real plant: the administrator keeps master data, QA approves suppliers, production writes master
batch records and runs batches, QC passes batches to QA review, master batch records become effective through
change requests (QA Release approves and implements, the QA reviewer gives the second approval), the warehouse
receives and ships. Releases and rejections are signed (SIG-5) as the desktop app signs them: a lot release by
QC review and QA approval, a batch release by QA review and QA release, a rejection by QA. Everything is audited
like work done in the desktop app. `app.demo.loader.DemoSite` decides whether it is loaded and logs the users in.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from decimal import Decimal
from enum import Enum

from app import batches, change_control, lots, masterdata, mbr, process_steps, recalls, shipments, signatures
from app.demo.change_site import implemented_change
from app.demo.process_data import steps_for
from app.demo.process_site import DemoProcess
from app.demo.site_data import (
    APPROVED,
    BATCHES,
    CUSTOMERS,
    ITEMS,
    LOTS,
    MBRS,
    RECALL_LOT,
    RECALL_PROGRESS,
    RECALL_REASON,
    SHIPMENTS,
    SUPPLIERS,
    SUSPENDED,
    DemoBatch,
)
from app.ports import UnitOfWork
from app.signatures import SigningSession
from app.users import AuthConfig
from domain.batches import BatchStatus
from domain.errors import ValidationError
from domain.i18n import _
from domain.items import ApprovalStatus
from domain.lots import LotStatus
from domain.quantities import QUANTUM, Unit
from domain.recall import NotificationStatus
from domain.users import Actor, Role

Uows = Callable[[], UnitOfWork]

SUMMARY = (f"demo site: {len(ITEMS)} items, {len(SUPPLIERS)} suppliers, {len(CUSTOMERS)} customers, "
           f"{len(MBRS)} master batch records, {len(LOTS)} received lots, {len(BATCHES)} batches, "
           f"{len(SHIPMENTS)} shipments and an open recall")


def is_loaded(tx: UnitOfWork) -> bool:
    """The recall is recorded last, so it marks a complete load."""
    return any(r.reason == RECALL_REASON for r in tx.recalls.list())


def check_free(tx: UnitOfWork) -> None:
    """The demo site goes only where none of its codes exist: never mixed into someone's master data, and a
    load that stopped part-way is not silently completed."""
    taken = ([f"item {i.code}" for i in ITEMS if tx.master_data.item(i.code) is not None]
             + [f"supplier {code}" for code, _ in SUPPLIERS if tx.master_data.supplier(code) is not None]
             + [f"customer {c[0]}" for c in CUSTOMERS if tx.master_data.customer(c[0]) is not None])
    if taken:
        raise ValidationError(
            _("the database already has {choices}{value} but not the complete demo site: load the demo site into a "
              "database without its codes; nothing loaded",
              choices=', '.join(taken[:3]), value=' and more' if len(taken) > 3 else '')
        )


class _Site:
    def __init__(self, uows: Uows, auth: AuthConfig, password: str, actors: dict[Role, Actor]) -> None:
        self.uow, self.auth, self.password = uows, auth, password
        self.admin, self.ward, self.prod = actors[Role.ADMINISTRATOR], actors[Role.WAREHOUSE], actors[Role.PRODUCTION]
        self.qc, self.qa, self.rel = actors[Role.QC_ANALYST], actors[Role.QA_REVIEWER], actors[Role.QA_RELEASE]
        self.today = date.today()
        self.stock: dict[str, dict[str, Decimal]] = {}  # item -> {Released lot: on hand}, oldest first
        self.boms = {product: lines for product, _, _, lines in MBRS}  # the last version of each is effective
        self.finished: dict[str, str] = {}  # batch key (key/2 for a second lot) -> finished lot number
        self.by_supplier_lot: dict[str, str] = {}
        self.process = DemoProcess(uows, auth, password, self.admin, self.prod, self.qa)

    def _sign(self, signer: Actor, record_type: str, number: str, target: Enum, comment: str | None = None) -> None:
        signatures.sign(self.uow(), self.auth, SigningSession(signer), record_type, number, target, self.password,
                        user_id_typed=signer.user_id, comment=comment)

    def _release_lot(self, number: str, reason: str) -> None:
        self._sign(self.qc, "lot", number, LotStatus.RELEASED, reason)
        self._sign(self.qa, "lot", number, LotStatus.RELEASED)

    def _usable(self, item: str, lot_number: str, quantity: Decimal) -> None:
        self.stock.setdefault(item, {})[lot_number] = quantity

    def master_data(self) -> list[str]:
        for i in ITEMS:
            masterdata.create_item(self.uow(), self.admin, i.code, i.name, i.item_type, Unit.parse(i.unit),
                                   shelf_life_days=i.shelf_life_days, storage_condition=i.storage, gtin=i.gtin)
        for code, name in SUPPLIERS:
            masterdata.create_supplier(self.uow(), self.admin, code, name)
        for code, name, country, address in CUSTOMERS:
            masterdata.create_customer(self.uow(), self.admin, code, name, country=country, address=address)
        approvals = 0
        for supplier, items in APPROVED:
            for item in items:
                masterdata.set_supplier_approval(self.uow(), self.qa, item, supplier, ApprovalStatus.APPROVED,
                                                 "supplier qualified: audit and first-article inspection passed")
                approvals += 1
        for product, title, change, lines in MBRS:
            draft = mbr.create_draft(self.uow(), self.prod, product, title,
                                     [mbr.BomInput(item, qty, tol) for item, qty, tol in lines])
            process_steps.add_steps(self.uow(), self.prod, product, draft.version, steps_for(product))
            implemented_change(self.uow, self.auth, self.password, (self.prod, self.rel, self.qa), f"{change}: {title}",
                               f"{title} v{draft.version} into use",
                               [change_control.ItemInput("mbr", product, draft.version)])
        return [f"{len(ITEMS)} items, {len(SUPPLIERS)} suppliers, {approvals} approved-supplier entries "
                f"(1 suspended), {len(CUSTOMERS)} customers",
                f"{len(MBRS)} master batch records ({len({m[0] for m in MBRS})} effective) with their steps",
                self.process.facilities(self.today)]

    def receipts(self) -> list[str]:
        units = {i.code: i.unit for i in ITEMS}
        counts: dict[str, int] = {}
        for d in LOTS:
            made = self.today - timedelta(days=d.made_days_ago)
            view = lots.receive_lot(self.uow(), self.ward, lots.Receipt(d.item, d.supplier, d.supplier_lot,
                                                                        d.quantity, units[d.item], made))
            self.by_supplier_lot[d.supplier_lot] = view.lot_number
            counts[d.status] = counts.get(d.status, 0) + 1
            if d.status == LotStatus.RELEASED.value:
                self._release_lot(view.lot_number, d.reason)
                self._usable(d.item, view.lot_number, view.quantity)
            elif d.status == LotStatus.REJECTED.value:
                self._sign(self.qa, "lot", view.lot_number, LotStatus.REJECTED, d.reason)
            elif d.status == LotStatus.ON_HOLD.value:
                lots.change_lot_status(self.uow(), self.qa, view.lot_number, LotStatus.ON_HOLD, d.reason)
        item, supplier, reason = SUSPENDED
        masterdata.set_supplier_approval(self.uow(), self.qa, item, supplier, ApprovalStatus.SUSPENDED, reason)
        return [f"{len(LOTS)} received lots ({', '.join(f'{n} {s}' for s, n in counts.items())})"]

    def _issue(self, batch_number: str, product: str, planned: Decimal, only: tuple[str, ...]) -> None:
        for item, per_unit, _level in self.boms[product]:
            if only and item not in only:
                continue
            need = (Decimal(per_unit) * planned).quantize(QUANTUM)
            stock = self.stock.get(item, {})
            for lot_number, on_hand in stock.items():  # first in, first out
                take = min(need, on_hand)
                if take <= 0:
                    continue
                batches.issue_material(self.uow(), self.prod, batch_number, lot_number, take)
                stock[lot_number] = on_hand - take
                need -= take
                if need == 0:
                    break
            if need:
                # a mistake in the tables
                raise ValidationError(_("demo data: not enough {item} for {product}", item=item, product=product))

    def batch(self, b: DemoBatch) -> str:
        uow, planned = self.uow, Decimal(b.planned)
        number = batches.plan_batch(uow(), self.prod, b.product, planned).batch_number
        if b.state == BatchStatus.PLANNED.value:
            return b.state
        batches.change_batch_status(uow(), self.prod, number, BatchStatus.IN_PRODUCTION, None)
        self._issue(number, b.product, planned, b.partial)
        self.process.run_steps(b.key, number, b.product)
        if b.state == BatchStatus.IN_PRODUCTION.value:
            return b.state
        done = batches.complete_batch(uow(), self.prod, number, b.produced, list(b.split) or None)
        batches.change_batch_status(uow(), self.prod, number, BatchStatus.QC_TESTING, None)
        if b.state != BatchStatus.QC_TESTING.value:
            batches.change_batch_status(uow(), self.qc, number, BatchStatus.QA_REVIEW, None)
        if b.state == BatchStatus.REJECTED.value:
            self._sign(self.qa, "batch", number, BatchStatus.REJECTED, b.reason)
            for lot in done.output_lots:
                self._sign(self.qa, "lot", lot.lot_number, LotStatus.REJECTED, b.reason)
        elif b.state == BatchStatus.RELEASED.value:
            self.process.cover_steps(number)  # the release evaluation needs the room's readings (QC-3)
            self._sign(self.qa, "batch", number, BatchStatus.RELEASED)
            self._sign(self.rel, "batch", number, BatchStatus.RELEASED)
            for n, lot in enumerate(done.output_lots, start=1):
                self._release_lot(lot.lot_number, f"batch {number} released, release tests passed")
                self._usable(lot.item_code, lot.lot_number, lot.quantity)
                self.finished[b.key if n == 1 else f"{b.key}/{n}"] = lot.lot_number
        return b.state

    def production(self) -> list[str]:
        counts: dict[str, int] = {}
        for b in BATCHES:
            state = self.batch(b)
            counts[state] = counts.get(state, 0) + 1
        return [f"{len(BATCHES)} batches ({', '.join(f'{n} {s}' for s, n in counts.items())})",
                self.process.import_readings()]

    def shipping_and_recall(self) -> list[str]:
        for customer, lines in SHIPMENTS:
            shipments.ship(self.uow(), self.ward, customer, None,
                           [shipments.ShipmentLineInput(self.finished[key], qty) for key, qty in lines])
        recall = recalls.open_recall(self.uow(), self.qa, self.by_supplier_lot[RECALL_LOT], RECALL_REASON)
        for customer, target, why in RECALL_PROGRESS:
            recalls.record_progress(self.uow(), self.qa, recall.recall_number, customer,
                                    NotificationStatus(target), why)
        return [f"{len(SHIPMENTS)} shipments to {len({c for c, _ in SHIPMENTS})} customers",
                f"recall {recall.recall_number} (open, {len(recall.customers)} customers to notify)"]


def load(uows: Uows, auth: AuthConfig, password: str, actors: dict[Role, Actor]) -> list[str]:
    """Record the whole site as `actors`, who sign with `password`; returns what was created, for the output."""
    site = _Site(uows, auth, password, actors)
    return [*site.master_data(), *site.receipts(), *site.production(), *site.shipping_and_recall()]
