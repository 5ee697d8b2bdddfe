"""Production batches (LOT-6, LOT-7, LOT-8): the batch workflow and the material issue rules."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from enum import Enum

from domain.errors import DomainError, ValidationError
from domain.i18n import N_, _, names, one_of
from domain.lots import Lot
from domain.mbr import MasterBatchRecord, MbrStatus
from domain.quantities import Unit, fmt
from domain.signatures import BATCH_RELEASE_SIGNATURES, REJECTION_SIGNATURES, SigningProgress
from domain.users import Actor, Permission
from domain.workflow import StateMachine, Transition, TransitionRefused


class BatchStatus(Enum):
    PLANNED = N_("Planned")
    IN_PRODUCTION = N_("In production")
    COMPLETED = N_("Completed")
    QC_TESTING = N_("QC testing")
    QA_REVIEW = N_("QA review")
    RELEASED = N_("Released")
    REJECTED = N_("Rejected")
    ON_HOLD = N_("On hold")
    RECALLED = N_("Recalled")

    @classmethod
    def parse(cls, text: str) -> BatchStatus:
        for s in cls:
            if names(text, s.value):
                return s
        raise ValidationError(_("unknown batch status '{text}': use one of {choices}",
                                text=text, choices=one_of(s.value for s in cls)))


# A batch still open: planned or under way, not yet released, rejected or recalled. These are the batches a new
# version of their master record does not reach (CHG-3) and the ones a change's impact names.
OPEN_BATCH_STATUSES = frozenset({BatchStatus.PLANNED, BatchStatus.IN_PRODUCTION, BatchStatus.COMPLETED,
                                 BatchStatus.QC_TESTING, BatchStatus.QA_REVIEW, BatchStatus.ON_HOLD})


P, IP, C, QC, QA, R, RJ, H, RC = (
    BatchStatus.PLANNED, BatchStatus.IN_PRODUCTION, BatchStatus.COMPLETED, BatchStatus.QC_TESTING,
    BatchStatus.QA_REVIEW, BatchStatus.RELEASED, BatchStatus.REJECTED, BatchStatus.ON_HOLD, BatchStatus.RECALLED,
)
HOLDABLE = (P, IP, C, QC, QA, R)

BATCH_WORKFLOW: StateMachine[BatchStatus] = StateMachine(
    N_("batch"),
    [
        Transition(P, IP, N_("start"), Permission.PRODUCE_BATCH, reason_required=False),
        Transition(IP, C, N_("complete"), Permission.PRODUCE_BATCH, reason_required=False),
        Transition(C, QC, N_("submit to QC"), Permission.PRODUCE_BATCH, reason_required=False),
        Transition(QC, QA, N_("pass to QA review"), Permission.COMPLETE_QC, reason_required=False),
        # Release and rejection complete through signatures (SIG-5), not by hand: see app.signatures.
        Transition(QA, R, N_("release"), Permission.RELEASE_BATCH, reason_required=False,
                   signatures=BATCH_RELEASE_SIGNATURES),
        Transition(QA, RJ, N_("reject"), Permission.REJECT_BATCH, signatures=REJECTION_SIGNATURES),
        *(Transition(s, H, N_("put on hold"), Permission.HOLD_BATCH) for s in HOLDABLE),
        # Leaving hold returns to where the batch was held from (Batch.held_from).
        *(Transition(H, s, N_("resume"), Permission.HOLD_BATCH) for s in HOLDABLE),
        Transition(H, RJ, N_("reject"), Permission.REJECT_BATCH, signatures=REJECTION_SIGNATURES),
        Transition(R, RC, N_("recall"), Permission.OPEN_RECALL),
        Transition(H, RC, N_("recall"), Permission.OPEN_RECALL),
    ],
)


def held_from_after(status: BatchStatus, held_from: BatchStatus | None, target: BatchStatus) -> BatchStatus | None:
    """Where a batch put on hold was held from (it resumes there); cleared when it leaves hold."""
    if target is BatchStatus.ON_HOLD:
        return status
    return None if status is BatchStatus.ON_HOLD else held_from


class IssueKind(Enum):
    ISSUE = N_("Issue")
    RETURN = N_("Return")


class IssueRefused(DomainError):
    """A material issue did not pass the checks (LOT-7); the app raises an alert for it."""

    code = "issue_refused"


class MaterialIssue:
    id: int | None
    batch_id: int
    lot_id: int
    item_code: str
    kind: IssueKind
    quantity: Decimal  # always positive; kind says which way
    at: datetime
    by_user: str

    def __init__(
        self, batch_id: int, lot_id: int, item_code: str, kind: IssueKind, quantity: Decimal, at: datetime,
        by_user: str,
    ) -> None:
        self.id = None
        self.batch_id = batch_id
        self.lot_id = lot_id
        self.item_code = item_code
        self.kind = kind
        self.quantity = quantity
        self.at = at
        self.by_user = by_user

    @property
    def signed_quantity(self) -> Decimal:
        return self.quantity if self.kind is IssueKind.ISSUE else -self.quantity


@dataclass(frozen=True)
class LineShortfall:
    item_code: str
    issued: Decimal
    low: Decimal
    high: Decimal

    def __str__(self) -> str:
        return f"{self.item_code}: {fmt(self.issued)} issued, {fmt(self.low)}..{fmt(self.high)} required"


class Batch:
    id: int | None
    batch_number: str
    product_code: str
    mbr_id: int
    mbr_version: int
    planned_quantity: Decimal
    produced_quantity: Decimal | None
    unit: Unit
    status: BatchStatus
    held_from: BatchStatus | None
    planned_at: datetime
    started_at: datetime | None
    completed_at: datetime | None
    version: int

    def __init__(
        self, batch_number: str, mbr: MasterBatchRecord, mbr_id: int, planned_quantity: Decimal, unit: Unit,
        planned_at: datetime,
    ) -> None:
        if mbr.status is not MbrStatus.EFFECTIVE:
            raise ValidationError(
                _("master batch record {label} is {lower}: plan from the effective version",
                  label=mbr.label, lower=_(mbr.status.value).lower())
            )
        if planned_quantity <= 0:
            raise ValidationError(_("the planned quantity must be greater than zero"))
        self.id = None
        self.batch_number = batch_number
        self.product_code = mbr.product_code
        self.mbr_id = mbr_id
        self.mbr_version = mbr.version
        self.planned_quantity = planned_quantity
        self.produced_quantity = None
        self.unit = unit
        self.status = BatchStatus.PLANNED
        self.held_from = None
        self.planned_at = planned_at
        self.started_at = None
        self.completed_at = None

    def change_status(
        self, target: BatchStatus, actor: Actor, reason: str | None, now: datetime
    ) -> Transition[BatchStatus]:
        if self.status is BatchStatus.ON_HOLD and target in HOLDABLE and target != self.held_from:
            held = self.held_from.value if self.held_from else "?"
            raise TransitionRefused(_("batch {batch_number} was held from {held}: it can only resume there",
                                      batch_number=self.batch_number, held=held))
        transition = BATCH_WORKFLOW.check(self.status, target, actor, reason)
        self._enter(target, now)
        return transition

    def complete_signed(self, target: BatchStatus, signed: SigningProgress, now: datetime) -> Transition[BatchStatus]:
        """A signed transition (release, reject), once its required signatures are all applied and valid."""
        transition = BATCH_WORKFLOW.check_signed(self.status, target, signed)
        self._enter(target, now)
        return transition

    def _enter(self, target: BatchStatus, now: datetime) -> None:
        self.held_from = held_from_after(self.status, self.held_from, target)
        if target is BatchStatus.IN_PRODUCTION and self.started_at is None:
            self.started_at = now
        self.status = target

    def check_issue(
        self, mbr: MasterBatchRecord, lot: Lot, quantity: Decimal, already_issued: Decimal, today: date
    ) -> None:
        """LOT-7: the item is in the BOM, the lot is Released and not expired, the quantity is available and
        within tolerance. Raises IssueRefused naming the first failed check."""
        if self.status is not BatchStatus.IN_PRODUCTION:
            raise IssueRefused(_("batch {batch_number} is {status}: material is issued in production",
                                 batch_number=self.batch_number, status=_(self.status.value)))
        line = mbr.line_for(lot.item_code)
        if line is None:
            raise IssueRefused(
                _("item {item_code} (lot {lot_number}) is not in the bill of materials of {label}",
                  item_code=lot.item_code, lot_number=lot.lot_number, label=mbr.label)
            )
        try:
            lot.check_usable(today)
        except ValidationError as error:
            raise IssueRefused(str(error)) from None
        if quantity > lot.on_hand:
            raise IssueRefused(
                _("lot {lot_number} has only {on_hand} {unit} available, {quantity} requested",
                  lot_number=lot.lot_number, on_hand=fmt(lot.on_hand), unit=lot.unit.value, quantity=fmt(quantity))
            )
        _low, high = line.limits_for(self.planned_quantity)
        if already_issued + quantity > high:
            raise IssueRefused(
                _("issuing {quantity} {unit} of {item_code} brings the batch to {value}, above the {high} allowed "
                  "({required_for} ±{tolerance_pct}%)",
                  quantity=fmt(quantity), unit=lot.unit.value, item_code=lot.item_code,
                  value=fmt(already_issued + quantity), high=fmt(high),
                  required_for=fmt(line.required_for(self.planned_quantity)), tolerance_pct=fmt(line.tolerance_pct))
            )

    def check_return(self, issued_from_lot: Decimal, quantity: Decimal, lot_number: str) -> None:
        if self.status is not BatchStatus.IN_PRODUCTION:
            raise ValidationError(_("batch {batch_number} is {status}: returns happen in production",
                                    batch_number=self.batch_number, status=_(self.status.value)))
        if quantity > issued_from_lot:
            raise ValidationError(
                _("only {issued_from_lot} of lot {lot_number} is issued to batch {batch_number}; cannot return "
                  "{quantity}",
                  issued_from_lot=fmt(issued_from_lot), lot_number=lot_number, batch_number=self.batch_number,
                  quantity=fmt(quantity))
            )

    def complete(
        self, mbr: MasterBatchRecord, issued_by_item: dict[str, Decimal], produced: Decimal, actor: Actor,
        now: datetime,
    ) -> None:
        BATCH_WORKFLOW.check(self.status, BatchStatus.COMPLETED, actor, None)  # who and from where, first
        if produced <= 0:
            raise ValidationError(_("the produced quantity must be greater than zero"))
        shortfalls = list(_shortfalls(mbr, issued_by_item, self.planned_quantity))
        if shortfalls:
            raise ValidationError(
                _("batch {batch_number} cannot complete: material outside tolerance: {s}",
                  batch_number=self.batch_number, s="; ".join(str(s) for s in shortfalls))
            )
        self.change_status(BatchStatus.COMPLETED, actor, None, now)
        self.produced_quantity = produced
        self.completed_at = now


def _shortfalls(
    mbr: MasterBatchRecord, issued_by_item: dict[str, Decimal], planned: Decimal
) -> Iterable[LineShortfall]:
    for line in mbr.lines:
        low, high = line.limits_for(planned)
        issued = issued_by_item.get(line.item_code, Decimal(0))
        if not low <= issued <= high:
            yield LineShortfall(line.item_code, issued, low, high)
