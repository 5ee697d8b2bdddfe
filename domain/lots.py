"""Material and finished-goods lots (LOT-4, LOT-5): receiving rules, the lot workflow, stock movements."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from decimal import Decimal
from enum import Enum

from domain.errors import ValidationError
from domain.i18n import N_, _, names, one_of
from domain.items import ApprovalStatus, Item, SupplierApproval
from domain.quantities import Unit, convert, fmt
from domain.signatures import LOT_RELEASE_SIGNATURES, REJECTION_SIGNATURES, SigningProgress
from domain.users import Actor, Permission
from domain.workflow import StateMachine, Transition, TransitionRefused


class LotStatus(Enum):
    QUARANTINE = N_("Quarantine")
    RELEASED = N_("Released")
    REJECTED = N_("Rejected")
    ON_HOLD = N_("On hold")
    EXPIRED = N_("Expired")
    CONSUMED = N_("Consumed")

    @classmethod
    def parse(cls, text: str) -> LotStatus:
        for s in cls:
            if names(text, s.value):
                return s
        raise ValidationError(_("unknown lot status '{text}': use one of {choices}",
                                text=text, choices=one_of(s.value for s in cls)))


class LotOrigin(Enum):
    RECEIVED = N_("Received")
    PRODUCED = N_("Produced")


Q, REL, REJ, HOLD, EXP, CONS = (
    LotStatus.QUARANTINE, LotStatus.RELEASED, LotStatus.REJECTED, LotStatus.ON_HOLD, LotStatus.EXPIRED,
    LotStatus.CONSUMED,
)

LOT_WORKFLOW: StateMachine[LotStatus] = StateMachine(
    N_("lot"),
    [
        # Release and rejection complete through signatures (SIG-5), not by hand: see app.signatures.
        Transition(Q, REL, N_("release"), Permission.RELEASE_LOT, signatures=LOT_RELEASE_SIGNATURES),
        Transition(Q, REJ, N_("reject"), Permission.REJECT_LOT, signatures=REJECTION_SIGNATURES),
        Transition(Q, HOLD, N_("put on hold"), Permission.HOLD_LOT),
        Transition(REL, HOLD, N_("put on hold"), Permission.HOLD_LOT),
        Transition(REL, REJ, N_("reject"), Permission.REJECT_LOT, signatures=REJECTION_SIGNATURES),
        Transition(HOLD, REL, N_("release from hold"), Permission.RELEASE_LOT, signatures=LOT_RELEASE_SIGNATURES),
        Transition(HOLD, Q, N_("return to quarantine"), Permission.HOLD_LOT),
        Transition(HOLD, REJ, N_("reject"), Permission.REJECT_LOT, signatures=REJECTION_SIGNATURES),
        # Done by the system, never by hand:
        Transition(Q, EXP, N_("expire"), None),
        Transition(REL, EXP, N_("expire"), None),
        Transition(HOLD, EXP, N_("expire"), None),
        Transition(REL, CONS, N_("consume"), None, reason_required=False),
        Transition(CONS, REL, N_("return to stock"), None, reason_required=False),
    ],
)

USABLE = frozenset({LotStatus.RELEASED})
IN_STOCK = frozenset({LotStatus.QUARANTINE, LotStatus.RELEASED, LotStatus.ON_HOLD})


class Lot:
    id: int | None
    lot_number: str
    item_code: str
    origin: LotOrigin
    status: LotStatus
    quantity: Decimal  # received or produced
    on_hand: Decimal
    unit: Unit
    supplier_code: str | None
    supplier_lot: str | None
    manufactured_on: date | None
    expires_on: date | None
    created_at: datetime
    batch_id: int | None  # the batch that produced it
    version: int

    def __init__(
        self, lot_number: str, item: Item, origin: LotOrigin, quantity: Decimal, created_at: datetime, *,
        supplier_code: str | None = None, supplier_lot: str | None = None, manufactured_on: date | None = None,
        expires_on: date | None = None, batch_id: int | None = None,
    ) -> None:
        self.id = None
        self.lot_number = lot_number
        self.item_code = item.code
        self.origin = origin
        self.status = LotStatus.QUARANTINE
        self.quantity = quantity
        self.on_hand = quantity
        self.unit = item.unit
        self.supplier_code = supplier_code
        self.supplier_lot = supplier_lot
        self.manufactured_on = manufactured_on
        self.expires_on = expires_on
        self.created_at = created_at
        self.batch_id = batch_id

    def is_expired(self, today: date) -> bool:
        return self.expires_on is not None and self.expires_on < today

    def change_status(self, target: LotStatus, actor: Actor, reason: str | None, today: date) -> Transition[LotStatus]:
        """A transition by a person (release, reject, hold, ...)."""
        if target == LotStatus.RELEASED and self.is_expired(today):
            raise TransitionRefused(_("lot {lot_number} expired on {expires_on}: it cannot be released",
                                      lot_number=self.lot_number, expires_on=self.expires_on))
        transition = LOT_WORKFLOW.check(self.status, target, actor, reason)
        self.status = target
        return transition

    def complete_signed(self, target: LotStatus, signed: SigningProgress, today: date) -> Transition[LotStatus]:
        """A signed transition (release, reject), once its required signatures are all applied and valid."""
        if target == LotStatus.RELEASED and self.is_expired(today):
            raise TransitionRefused(_("lot {lot_number} expired on {expires_on}: it cannot be released",
                                      lot_number=self.lot_number, expires_on=self.expires_on))
        transition = LOT_WORKFLOW.check_signed(self.status, target, signed)
        self.status = target
        return transition

    def expire_if_due(self, today: date) -> bool:
        """Block an expired lot (LOT-5); True when the status changed."""
        if self.is_expired(today) and self.status in IN_STOCK:
            LOT_WORKFLOW.check(self.status, LotStatus.EXPIRED, None, None)
            self.status = LotStatus.EXPIRED
            return True
        return False

    def check_usable(self, today: date) -> None:
        if self.is_expired(today):
            raise ValidationError(_("lot {lot_number} expired on {expires_on}",
                                    lot_number=self.lot_number, expires_on=self.expires_on))
        if self.status not in USABLE:
            raise ValidationError(_("lot {lot_number} is {status}, not Released",
                                    lot_number=self.lot_number, status=_(self.status.value)))

    def take(self, quantity: Decimal) -> None:
        """Remove stock (issue to a batch, shipment); the last of it consumes the lot."""
        if quantity > self.on_hand:
            raise ValidationError(
                _("lot {lot_number} has only {on_hand} {unit} available, {quantity} requested",
                  lot_number=self.lot_number, on_hand=fmt(self.on_hand), unit=self.unit.value,
                  quantity=fmt(quantity))
            )
        self.on_hand -= quantity
        if self.on_hand == 0 and self.status == LotStatus.RELEASED:
            LOT_WORKFLOW.check(self.status, LotStatus.CONSUMED, None, None)
            self.status = LotStatus.CONSUMED

    def put_back(self, quantity: Decimal) -> None:
        """Return stock (return to stock from a batch)."""
        if self.on_hand + quantity > self.quantity:
            raise ValidationError(
                _("lot {lot_number}: returning {quantity} would exceed the {quantity2} received",
                  lot_number=self.lot_number, quantity=fmt(quantity), quantity2=fmt(self.quantity))
            )
        self.on_hand += quantity
        if self.status == LotStatus.CONSUMED:
            LOT_WORKFLOW.check(self.status, LotStatus.RELEASED, None, None)
            self.status = LotStatus.RELEASED


def check_receipt(
    item: Item, approval: SupplierApproval | None, supplier_code: str, quantity: Decimal, unit: Unit,
    received_on: date, manufactured_on: date | None, expires_on: date | None,
) -> tuple[Decimal, date | None]:
    """Receiving rules (LOT-2, LOT-4). Returns the quantity in the item's unit and the expiry to record."""
    if not item.active:
        raise ValidationError(_("item {item_code} is inactive", item_code=item.code))
    if item.item_type.produced:
        raise ValidationError(_("item {item_code} is a {lower}: it is produced, not received",
                                item_code=item.code, lower=_(item.item_type.value).lower()))
    if approval is None or approval.status is not ApprovalStatus.APPROVED:
        state = "not on the approved supplier list" if approval is None else approval.status.value.lower()
        raise ValidationError(_("supplier {supplier_code} is {state} for item {item_code}: receipt refused",
                                supplier_code=supplier_code, state=state, item_code=item.code))
    in_item_unit = convert(quantity, unit, item.unit)
    if manufactured_on is not None and manufactured_on > received_on:
        raise ValidationError(_("manufacture date {manufactured_on} is after the receipt date {received_on}",
                                manufactured_on=manufactured_on, received_on=received_on))
    if expires_on is None and manufactured_on is not None and item.shelf_life_days:
        expires_on = manufactured_on + timedelta(days=item.shelf_life_days)
    if expires_on is not None:
        if manufactured_on is not None and expires_on <= manufactured_on:
            raise ValidationError(_("expiry {expires_on} is not after the manufacture date {manufactured_on}",
                                    expires_on=expires_on, manufactured_on=manufactured_on))
        if expires_on < received_on:
            raise ValidationError(_("expiry {expires_on} is before the receipt date {received_on}: receipt refused",
                                    expires_on=expires_on, received_on=received_on))
    elif item.shelf_life_days:
        raise ValidationError(_("item {item_code} has a shelf life: give the expiry or the manufacture date",
                                item_code=item.code))
    return in_item_unit, expires_on
