"""Use cases for lots (LOT-4, LOT-5): receiving into quarantine, status changes, automatic expiry."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime
from decimal import Decimal
from typing import Protocol

from app import signed_records
from app.clock import local_today as local_today  # re-exported: the use cases import it from here
from app.numbering import next_number
from app.ports import UnitOfWork
from app.quality import plan_tests
from app.signatures import SigningResult, SigningSession, sign
from app.signing_rules import refuse_unsigned
from app.status_backing import status_problem
from app.users import AuthConfig
from domain.errors import NotFound, ValidationError
from domain.i18n import N_, _
from domain.inputs import clean_text, parse_quantity_text
from domain.items import validate_code
from domain.lots import IN_STOCK, LOT_WORKFLOW, Lot, LotOrigin, LotStatus, check_receipt
from domain.quantities import Unit
from domain.signatures import Meaning
from domain.users import SYSTEM_ACTOR, Actor, Permission


@dataclass(frozen=True)
class LotView:
    id: int
    lot_number: str
    item_code: str
    origin: str
    status: str
    quantity: Decimal
    on_hand: Decimal
    unit: str
    supplier_code: str | None
    supplier_lot: str | None
    manufactured_on: date | None
    expires_on: date | None
    created_at: datetime
    batch_id: int | None
    status_problem: str | None = None  # why the status is not backed by its signatures (get_lot only)

    @classmethod
    def of(cls, lot: Lot) -> LotView:
        assert lot.id is not None
        return cls(
            lot.id, lot.lot_number, lot.item_code, lot.origin.value, lot.status.value, lot.quantity, lot.on_hand,
            lot.unit.value, lot.supplier_code, lot.supplier_lot, lot.manufactured_on, lot.expires_on,
            lot.created_at, lot.batch_id,
        )


@dataclass(frozen=True)
class Receipt:
    item_code: str
    supplier_code: str
    supplier_lot: str
    quantity: str | Decimal
    unit: str
    manufactured_on: date | None = None
    expires_on: date | None = None


class LabelPrinting(Protocol):
    """The seam for the devices issue: print a received lot's label. Failures never undo the receipt."""

    def lot_received(self, lot: LotView, actor: Actor) -> None: ...

    @property
    def default_printer(self) -> str | None:
        """The printer a received lot's label goes to; None: the station has none (the user is told)."""
        ...


def receive_lot(uow: UnitOfWork, actor: Actor, receipt: Receipt, labels: LabelPrinting | None = None) -> LotView:
    """Create a lot in Quarantine (LOT-4), refused for an unapproved supplier, an expiry before receipt or a
    unit that does not fit the item (LOT-2)."""
    supplier_lot = clean_text(receipt.supplier_lot, N_("supplier's lot number"), max_length=40)
    quantity = parse_quantity_text(receipt.quantity)
    unit = Unit.parse(receipt.unit)
    item_code = validate_code(receipt.item_code, N_("item"))
    supplier_code = validate_code(receipt.supplier_code, N_("supplier"))
    with uow.acting_as(actor) as tx:
        actor.require(Permission.RECEIVE_LOT)
        item = tx.master_data.item(item_code)
        if item is None:
            raise NotFound(_("no item {item_code}", item_code=item_code))
        supplier = tx.master_data.supplier(supplier_code)
        if supplier is None or not supplier.active:
            raise NotFound(_("no active supplier {supplier_code}", supplier_code=supplier_code))
        today = local_today(tx)
        in_item_unit, expires_on = check_receipt(
            item, tx.master_data.approval(item.code, supplier.code), supplier.code, quantity, unit, today,
            receipt.manufactured_on, receipt.expires_on,
        )
        number = next_number(tx, f"lot.{item.item_type.name}", today, item.code)
        lot = Lot(number, item, LotOrigin.RECEIVED, in_item_unit, tx.now(), supplier_code=supplier.code,
                  supplier_lot=supplier_lot, manufactured_on=receipt.manufactured_on, expires_on=expires_on)
        tx.lots.add(lot)
        plan_tests(tx, "lot", lot.lot_number, item.code)  # on the QC worklist while in Quarantine (QC-2)
        tx.commit()
        view = LotView.of(lot)
    if labels is not None:
        labels.lot_received(view, actor)
    return view


def change_lot_status(
    uow: UnitOfWork, actor: Actor, lot_number: str, target: LotStatus, reason: str | None
) -> LotView:
    with uow.acting_as(actor) as tx:
        lot = tx.lots.by_number(lot_number, for_update=True)
        if lot is None:
            raise NotFound(_("no lot {lot_number}", lot_number=lot_number))
        today = local_today(tx)
        if lot.expire_if_due(today):
            # The block is the system's rule, not this user's decision: audited as the system, like the sweep.
            tx.acting_as(SYSTEM_ACTOR).commit(reason=f"expired on {lot.expires_on}: blocked automatically")
            raise ValidationError(_("lot {lot_number} expired on {expires_on} and is now blocked",
                                    lot_number=lot.lot_number, expires_on=lot.expires_on))
        refuse_unsigned(tx, LOT_WORKFLOW, lot.status, target)  # release and rejection: app.signatures.sign
        transition = lot.change_status(target, actor, reason, today)
        tx.commit(reason=reason or transition.name)
        return LotView.of(lot)


def release_lot(
    uow: UnitOfWork, auth: AuthConfig, session: SigningSession, lot_number: str, password: str, *,
    user_id_typed: str | None = None, comment: str | None = None, meaning: Meaning | None = None,
) -> SigningResult:
    """Sign the release of a lot (from Quarantine or from hold; QC-4, SIG-5): the session user applies the
    signature that is next, re-authenticated, bound to the release evaluation made in the same transaction.
    Over a failed rule the release also needs the QA override, whose comment is the justification, by a QA
    person who signed nothing else of it. The last signature releases the lot."""
    return sign(uow, auth, session, "lot", lot_number, LotStatus.RELEASED, password, user_id_typed=user_id_typed,
                comment=comment, meaning=meaning)


def reject_lot(
    uow: UnitOfWork, auth: AuthConfig, session: SigningSession, lot_number: str, password: str, reason: str, *,
    user_id_typed: str | None = None,
) -> SigningResult:
    """Reject a lot: one signed QA decision with its reason (QC-4)."""
    return sign(uow, auth, session, "lot", lot_number, LotStatus.REJECTED, password, user_id_typed=user_id_typed,
                comment=reason)


def expire_due_lots(uow: UnitOfWork) -> list[str]:
    """Block every lot past its expiry (LOT-5); run at start-up and before stock is used. Audited as the
    system."""
    with uow.acting_as(SYSTEM_ACTOR) as tx:
        today = local_today(tx)
        expired = [lot for lot in tx.lots.expiring(today, list(IN_STOCK)) if lot.expire_if_due(today)]
        if expired:
            tx.commit(reason="past expiry date: blocked automatically")
        return [lot.lot_number for lot in expired]


def get_lot(uow: UnitOfWork, actor: Actor, lot_number: str) -> LotView:
    with uow.acting_as(actor) as tx:
        lot = tx.lots.by_number(lot_number)
        if lot is None:
            raise NotFound(_("no lot {lot_number}", lot_number=lot_number))
        return replace(LotView.of(lot), status_problem=status_problem(tx, signed_records.of_lot(lot)))


def list_lots(
    uow: UnitOfWork, actor: Actor, *, item_code: str | None = None, statuses: tuple[LotStatus, ...] = (),
    text: str | None = None, limit: int = 500,
) -> list[LotView]:
    with uow.acting_as(actor) as tx:
        return [LotView.of(lot) for lot in tx.lots.list(item_code=item_code, statuses=statuses, text=text,
                                                        limit=limit)]


def allowed_lot_actions(actor: Actor, status: LotStatus) -> list[LotStatus]:
    """What this user may do with a lot in this status: for buttons; the service checks again."""
    return [t.target for t in LOT_WORKFLOW.allowed_from(status)
            if t.permission is not None and actor.can(t.permission)]
