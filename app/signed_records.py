"""The records that are signed (lots, batches and change requests): how each is found, which of its fields are
signed content (SIG-3), what the signature dialog shows of it, who performed its production steps (ACC-6), and how
a signed transition is completed on it.

Signed content is the GMP content of the record, not what normal later work changes: the held-from status,
the version counter and a lot's stock on hand are left out, so a release signature stays valid while the lot
is consumed, held or resumed, and is invalidated when what was released changes (quantity, dates, supplier
lot, what went into a batch and what came out of it). Since content version "s2" the status the signed
transition moves the record to is part of it (SIG-3): the status that transition gave the record, not the
current one, so later holds and consumption leave the signature valid while it still names its outcome.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from enum import Enum
from typing import Any

from app import versioned
from app.clock import local_today
from app.ports import UnitOfWork
from domain.batches import BATCH_WORKFLOW, Batch, BatchStatus
from domain.change_control import CHANGE_WORKFLOW, ChangeRequest, ChangeStatus
from domain.errors import NotFound, ValidationError
from domain.i18n import _
from domain.lots import LOT_WORKFLOW, Lot, LotStatus
from domain.quantities import fmt
from domain.release_rules import bound_content
from domain.signatures import SIGNED_CONTENT_VERSION, STATUS_CONTENT_VERSION, Signature, SigningProgress, content_hash
from domain.users import SYSTEM_ACTOR
from domain.workflow import StateMachine, Transition

RECORD_TYPES = ("lot", "batch", "change")
# Production steps of a batch, by their status change (ACC-6); material issues and returns count too. Resuming
# after a hold is QA's decision, not a production step.
_B = BatchStatus
_BATCH_STEPS = {(_B.PLANNED.value, _B.IN_PRODUCTION.value): "started",
                (_B.IN_PRODUCTION.value, _B.COMPLETED.value): "completed",
                (_B.COMPLETED.value, _B.QC_TESTING.value): "submitted to QC"}


@dataclass(frozen=True)
class SignedRecord:
    record_type: str
    record_id: str  # the number people know: lot number, batch number
    machine: StateMachine[Any]
    status: Enum
    fields: Mapping[str, object]  # the signed content
    key_values: tuple[tuple[str, str], ...]  # what the signature dialog shows of the record
    entity: Lot | Batch | ChangeRequest

    def digest(self, target: str, evaluation: str | None, version: str = STATUS_CONTENT_VERSION) -> str:
        """The hash a signature toward `target` signs now: the fields, the target status (since "s2") and a
        release's evaluation (canonical JSON) when it binds one."""
        fields = dict(self.fields)
        if version != SIGNED_CONTENT_VERSION:
            fields["status"] = target
        if evaluation is not None:
            fields = bound_content(fields, json.loads(evaluation))
        return content_hash(self.record_type, self.record_id, fields, version)

    def signature_valid(self, signature: Signature) -> bool:
        """The signature names this record and the record's content still hashes to what was signed, under the
        content version it was signed with (old "s1" signatures keep verifying)."""
        target = signature.purpose.rsplit("->", 1)[-1]
        return signature.valid_for(self.record_type, self.record_id,
                                   self.digest(target, signature.evaluation, signature.content_version))

    def describe(self, transition: Transition[Any]) -> str:
        return _("the {transition} of {record_type} {record_id}", transition=_(transition.name),
                 record_type=_(self.record_type), record_id=self.record_id)


def lot_content(lot: Lot) -> dict[str, object]:
    return {
        "lot_number": lot.lot_number, "item_code": lot.item_code, "origin": lot.origin, "quantity": lot.quantity,
        "unit": lot.unit, "supplier_code": lot.supplier_code, "supplier_lot": lot.supplier_lot,
        "manufactured_on": lot.manufactured_on, "expires_on": lot.expires_on, "batch_id": lot.batch_id,
    }


def batch_content(batch: Batch, issued: Mapping[str, Decimal], outputs: Iterable[tuple[str, Decimal]]
                  ) -> dict[str, object]:
    """`issued`: the net quantity issued per lot number; `outputs`: the finished lots (number, quantity)."""
    return {
        "batch_number": batch.batch_number, "product_code": batch.product_code, "mbr_id": batch.mbr_id,
        "mbr_version": batch.mbr_version, "planned_quantity": batch.planned_quantity,
        "produced_quantity": batch.produced_quantity, "unit": batch.unit,
        "issued": [[number, qty] for number, qty in sorted(issued.items()) if qty],
        "output_lots": sorted([number, qty] for number, qty in outputs),
    }


def of_lot(lot: Lot) -> SignedRecord:
    made = f"{lot.supplier_code}, supplier lot {lot.supplier_lot}" if lot.supplier_code else lot.origin.value
    shown = (("Lot", lot.lot_number), ("Item", lot.item_code), ("Quantity", f"{fmt(lot.quantity)} {lot.unit.value}"),
             ("Source", made), ("Manufactured", str(lot.manufactured_on or "")),
             ("Expires", str(lot.expires_on or "")), ("Status", lot.status.value))
    return SignedRecord("lot", lot.lot_number, LOT_WORKFLOW, lot.status, lot_content(lot), shown, lot)


def of_batch(tx: UnitOfWork, batch: Batch) -> SignedRecord:
    assert batch.id is not None
    net = tx.batches.net_issued(batch.id)
    numbers = {lot_id: lot.lot_number for lot_id, lot in tx.lots.by_ids(sorted({i for i, _item in net})).items()}
    issued: dict[str, Decimal] = {}
    for (lot_id, _item), qty in net.items():
        issued[numbers[lot_id]] = issued.get(numbers[lot_id], Decimal(0)) + qty
    outputs = [(lot.lot_number, lot.quantity) for lot in tx.lots.of_batch(batch.id)]
    produced = f"{fmt(batch.produced_quantity)} {batch.unit.value}" if batch.produced_quantity is not None else ""
    shown = (("Batch", batch.batch_number), ("Product", batch.product_code),
             ("Master batch record", f"version {batch.mbr_version}"),
             ("Planned", f"{fmt(batch.planned_quantity)} {batch.unit.value}"), ("Produced", produced),
             ("Finished lots", ", ".join(n for n, _qty in outputs)), ("Status", batch.status.value))
    return SignedRecord("batch", batch.batch_number, BATCH_WORKFLOW, batch.status,
                        batch_content(batch, issued, outputs), shown, batch)


def of_change(tx: UnitOfWork, change: ChangeRequest) -> SignedRecord:
    """A change request's approval signs the change as submitted: what, why, when, and its impact (SIG-3)."""
    assert change.id is not None
    items = tx.changes.items([change.id])[change.id]
    shown = (("Change request", change.number), ("Title", change.title), ("Classification",
             change.classification.value), ("Requested by", change.requester),
             ("Effective on", str(change.effective_on)),
             ("Versions", ", ".join(f"{i.action.value}: {i.label}" for i in items)), ("Status", change.status.value))
    return SignedRecord("change", change.number, CHANGE_WORKFLOW, change.status, change.content(items), shown,
                        change)


def check_type(record_type: str) -> str:
    if record_type not in RECORD_TYPES:
        raise ValidationError(_("unknown record type '{record_type}': signed records are {choices}",
                                record_type=record_type, choices=', '.join(RECORD_TYPES)))
    return record_type


def load(tx: UnitOfWork, record_type: str, record_id: str, *, for_update: bool = False) -> SignedRecord:
    if check_type(record_type) == "change":
        change = tx.changes.get(record_id, for_update=for_update)
        if change is None:
            raise NotFound(_("no change request {record_id}", record_id=record_id))
        return of_change(tx, change)
    if record_type == "lot":
        lot = tx.lots.by_number(record_id, for_update=for_update)
        if lot is None:
            raise NotFound(_("no lot {record_id}", record_id=record_id))
        return of_lot(lot)
    batch = tx.batches.by_number(record_id, for_update=for_update)
    if batch is None:
        raise NotFound(_("no batch {record_id}", record_id=record_id))
    return of_batch(tx, batch)


def parse_target(record_type: str, target: Enum | str) -> Enum:
    if isinstance(target, LotStatus | BatchStatus | ChangeStatus):
        return target
    text = target.value if isinstance(target, Enum) else target
    if check_type(record_type) == "change":
        return _change_status(str(text))
    return LotStatus.parse(str(text)) if record_type == "lot" else BatchStatus.parse(str(text))


def _change_status(text: str) -> ChangeStatus:
    for status in ChangeStatus:
        if text.strip().casefold() in (status.value.casefold(), status.name.casefold()):
            return status
    raise ValidationError(_("unknown change request status '{text}'", text=text))


def performers(tx: UnitOfWork, record: SignedRecord) -> dict[str, str]:
    """Who performed a production step of the record, and what (ACC-6): for a batch, whoever issued or returned
    material, started, completed or submitted it to QC; for a lot, whoever recorded it (received or produced).
    From the material issues and the status history, both written with the step itself."""
    found: dict[str, str] = {}
    if isinstance(record.entity, ChangeRequest):
        # The requester never approves their own change (CHG-1): the approval signatures are "not performers".
        return {record.entity.requester: _("requested change {number} (nobody approves their own change)",
                                           number=record.entity.number)}
    if isinstance(record.entity, Batch):
        assert record.entity.id is not None
        for issue in tx.batches.issues(record.entity.id):
            found.setdefault(issue.by_user, f"issued or returned material of batch {record.record_id}")
    for change in tx.signatures.status_history(record.record_type, record.record_id):
        step = _BATCH_STEPS.get((change.from_status or "", change.to_status))
        if record.record_type == "batch" and step:
            found.setdefault(change.by_user, f"{step} batch {record.record_id}")
        elif record.record_type == "lot" and change.from_status is None:
            found.setdefault(change.by_user, f"recorded lot {record.record_id}")
    return found


def block_if_expired(tx: UnitOfWork, record: SignedRecord) -> None:
    """As `change_lot_status` does: a lot past its expiry is blocked by the system before anyone decides on it."""
    if isinstance(record.entity, Lot) and record.entity.expire_if_due(local_today(tx)):
        lot = record.entity
        tx.acting_as(SYSTEM_ACTOR).commit(reason=f"expired on {lot.expires_on}: blocked automatically")
        raise ValidationError(_("lot {lot_number} expired on {expires_on} and is now blocked",
                                lot_number=lot.lot_number, expires_on=lot.expires_on))


def _complete(tx: UnitOfWork, record: SignedRecord, target: Enum, signed: SigningProgress) -> None:
    """Perform the signed transition: the complete, valid signatures authorise it, not the last signer's
    permissions (the QC analyst may be the last to sign a lot release). Private: `app.signatures.sign` is its
    only caller, after the re-authentication."""
    if isinstance(record.entity, Lot):
        assert isinstance(target, LotStatus)
        record.entity.complete_signed(target, signed, local_today(tx))
    elif isinstance(record.entity, ChangeRequest):
        assert isinstance(target, ChangeStatus) and record.entity.id is not None
        record.entity.complete_signed(target, signed, tx.now())
        versioned.move_drafts(tx, tx.changes.items([record.entity.id])[record.entity.id], "Approved")
    else:
        assert isinstance(target, BatchStatus)
        record.entity.complete_signed(target, signed, tx.now())
