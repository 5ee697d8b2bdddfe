"""Use cases for batches (LOT-6..LOT-9): plan from the effective record, issue and return material,
complete into finished lots, and move through the batch workflow."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from decimal import Decimal

from app import signed_records
from app.lots import LotView, local_today
from app.numbering import next_number
from app.ports import UnitOfWork
from app.quality import check_tested, plan_tests
from app.signatures import SigningResult, SigningSession, sign
from app.signing_rules import refuse_unsigned
from app.status_backing import require_backed, status_problem
from app.users import AuthConfig
from domain.alerts import Alert
from domain.batches import BATCH_WORKFLOW, Batch, BatchStatus, IssueKind, IssueRefused, MaterialIssue
from domain.errors import NotFound, ValidationError
from domain.i18n import N_, _
from domain.inputs import parse_quantity_text
from domain.items import ItemType, validate_code
from domain.lots import Lot, LotOrigin
from domain.quantities import fmt
from domain.signatures import Meaning
from domain.trace import NodeKind
from domain.users import Actor, Permission

LOT, BATCH = NodeKind.LOT.value, NodeKind.BATCH.value


@dataclass(frozen=True)
class IssueView:
    lot_number: str
    item_code: str
    kind: str
    quantity: Decimal
    at: datetime
    by_user: str
    unit: str = ""  # the lot's unit: "Issued 4.2 kg", never a bare number


@dataclass(frozen=True)
class BatchView:
    id: int
    batch_number: str
    product_code: str
    mbr_version: int
    planned_quantity: Decimal
    produced_quantity: Decimal | None
    unit: str
    status: str
    held_from: str | None
    planned_at: datetime
    started_at: datetime | None
    completed_at: datetime | None
    status_problem: str | None = None  # why the status is not backed by its signatures (get_batch only)

    @classmethod
    def of(cls, b: Batch) -> BatchView:
        assert b.id is not None
        return cls(b.id, b.batch_number, b.product_code, b.mbr_version, b.planned_quantity, b.produced_quantity,
                   b.unit.value, b.status.value, b.held_from.value if b.held_from else None, b.planned_at,
                   b.started_at, b.completed_at)


@dataclass(frozen=True)
class BomProgress:
    item_code: str
    required: Decimal
    low: Decimal
    high: Decimal
    issued: Decimal


@dataclass(frozen=True)
class BatchDetail:
    batch: BatchView
    bom: tuple[BomProgress, ...]
    issues: tuple[IssueView, ...]
    output_lots: tuple[LotView, ...]


def _batch(tx: UnitOfWork, number: str, *, for_update: bool = False) -> Batch:
    batch = tx.batches.by_number(number, for_update=for_update)
    if batch is None:
        raise NotFound(_("no batch {number}", number=number))
    return batch


def plan_batch(uow: UnitOfWork, actor: Actor, product_code: str, quantity: str | Decimal) -> BatchView:
    """Plan from the effective master batch record, whose id and version the batch keeps (LOT-6)."""
    code = validate_code(product_code, N_("item"))
    planned = parse_quantity_text(quantity, what=N_("planned quantity"))
    with uow.acting_as(actor) as tx:
        actor.require(Permission.PLAN_BATCH)
        product = tx.master_data.item(code)
        if product is None:
            raise NotFound(_("no item {code}", code=code))
        mbr = tx.mbrs.effective(code)
        if mbr is None or mbr.id is None:
            raise ValidationError(_("{code} has no effective master batch record: a batch cannot be planned",
                                    code=code))
        number = next_number(tx, "batch", local_today(tx), code)
        batch = Batch(number, mbr, mbr.id, planned, product.unit, tx.now())
        tx.batches.add(batch)
        tx.commit()
        return BatchView.of(batch)


def change_batch_status(
    uow: UnitOfWork, actor: Actor, batch_number: str, target: BatchStatus, reason: str | None
) -> BatchView:
    """Start, submit to QC, pass to QA, release, reject, hold and resume (LOT-8). Completion has its own
    use case because it creates the finished lots; a batch held from Completed resumes to Completed here."""
    with uow.acting_as(actor) as tx:
        batch = _batch(tx, batch_number, for_update=True)
        if target is BatchStatus.COMPLETED and batch.status is not BatchStatus.ON_HOLD:
            raise ValidationError(_("use 'complete batch' with the produced quantity to complete a batch"))
        refuse_unsigned(tx, BATCH_WORKFLOW, batch.status, target)  # release and rejection: app.signatures.sign
        if target is BatchStatus.QA_REVIEW and batch.status is BatchStatus.QC_TESTING:
            check_tested(tx, "batch", batch.batch_number)
        transition = batch.change_status(target, actor, reason, tx.now())
        if target is BatchStatus.QC_TESTING:
            plan_tests(tx, "batch", batch.batch_number, batch.product_code)  # onto the QC worklist (QC-2)
        tx.commit(reason=reason or transition.name)
        return BatchView.of(batch)


def release_batch(
    uow: UnitOfWork, auth: AuthConfig, session: SigningSession, batch_number: str, password: str, *,
    user_id_typed: str | None = None, comment: str | None = None, meaning: Meaning | None = None,
) -> SigningResult:
    """Sign the release of a batch in QA review (QC-4, SIG-5): QA review, then QA release, each bound to the
    release evaluation made in the same transaction; over a failed rule also the QA override with its
    justification by another QA person (see `app.lots.release_lot`). The last signature releases the batch."""
    return sign(uow, auth, session, "batch", batch_number, BatchStatus.RELEASED, password,
                user_id_typed=user_id_typed, comment=comment, meaning=meaning)


def reject_batch(
    uow: UnitOfWork, auth: AuthConfig, session: SigningSession, batch_number: str, password: str, reason: str, *,
    user_id_typed: str | None = None,
) -> SigningResult:
    """Reject a batch: one signed QA decision with its reason (QC-4)."""
    return sign(uow, auth, session, "batch", batch_number, BatchStatus.REJECTED, password,
                user_id_typed=user_id_typed, comment=reason)


def issue_material(
    uow: UnitOfWork, actor: Actor, batch_number: str, lot_number: str, quantity: str | Decimal
) -> IssueView:
    """Issue (part of) a lot to a batch after the LOT-7 checks. A refused issue changes nothing and raises
    an alert, so the mismatch is on record for the deviation process."""
    qty = parse_quantity_text(quantity)
    try:
        with uow.acting_as(actor) as tx:
            actor.require(Permission.ISSUE_MATERIAL)
            batch = _batch(tx, batch_number, for_update=True)
            lot = tx.lots.by_number(lot_number, for_update=True)  # two stations: the second waits here
            if lot is None:
                raise NotFound(_("no lot {lot_number}", lot_number=lot_number))
            mbr = tx.mbrs.get(batch.mbr_id)
            assert mbr is not None and batch.id is not None and lot.id is not None
            net = tx.batches.net_issued(batch.id).items()
            already = sum((q for (_lot_id, item), q in net if item == lot.item_code), Decimal(0))
            require_backed(tx, signed_records.of_lot(lot))  # SIG-3: not a lot set Released behind our back
            batch.check_issue(mbr, lot, qty, already, local_today(tx))
            lot.take(qty)
            issue = MaterialIssue(batch.id, lot.id, lot.item_code, IssueKind.ISSUE, qty, tx.now(), actor.user_id)
            tx.batches.add(issue)
            tx.genealogy.add_flow((LOT, lot.id), (BATCH, batch.id), qty)
            tx.commit(reason=f"issued {fmt(qty)} {lot.unit.value} to batch {batch.batch_number}")
            return IssueView(lot.lot_number, lot.item_code, IssueKind.ISSUE.value, qty, issue.at, actor.user_id,
                             lot.unit.value)
    except IssueRefused as refused:
        _raise_alert(uow, actor, "issue_refused", str(refused), batch_number, lot_number)
        raise


def _raise_alert(
    uow: UnitOfWork, actor: Actor, kind: str, message: str, batch_number: str | None, lot_number: str | None
) -> None:
    with uow.acting_as(actor) as tx:
        tx.alerts.add(Alert(kind, message, actor.user_id, tx.now(), batch_number=batch_number,
                            lot_number=lot_number))
        tx.commit()


def return_material(
    uow: UnitOfWork, actor: Actor, batch_number: str, lot_number: str, quantity: str | Decimal, reason: str | None
) -> IssueView:
    """Return unused material from the batch to the lot's stock."""
    qty = parse_quantity_text(quantity)
    with uow.acting_as(actor) as tx:
        actor.require(Permission.ISSUE_MATERIAL)
        batch = _batch(tx, batch_number, for_update=True)
        lot = tx.lots.by_number(lot_number, for_update=True)
        if lot is None:
            raise NotFound(_("no lot {lot_number}", lot_number=lot_number))
        assert batch.id is not None and lot.id is not None
        issued = tx.batches.net_issued(batch.id).get((lot.id, lot.item_code), Decimal(0))
        batch.check_return(issued, qty, lot.lot_number)
        lot.put_back(qty)
        ret = MaterialIssue(batch.id, lot.id, lot.item_code, IssueKind.RETURN, qty, tx.now(), actor.user_id)
        tx.batches.add(ret)
        tx.genealogy.add_flow((LOT, lot.id), (BATCH, batch.id), -qty)
        tx.commit(reason=reason or f"returned {fmt(qty)} {lot.unit.value} unused from batch {batch.batch_number}")
        return IssueView(lot.lot_number, lot.item_code, IssueKind.RETURN.value, qty, ret.at, actor.user_id,
                         lot.unit.value)


def complete_batch(
    uow: UnitOfWork, actor: Actor, batch_number: str, produced: str | Decimal,
    split: Sequence[str | Decimal] | None = None,
) -> BatchDetail:
    """Complete the batch and create its finished-goods lot(s) in Quarantine (LOT-9). `split` divides the
    produced quantity over several lots; by default there is one."""
    total = parse_quantity_text(produced, what=N_("produced quantity"))
    parts = [parse_quantity_text(p, what=N_("lot quantity")) for p in split] if split else [total]
    if sum(parts, Decimal(0)) != total:
        raise ValidationError(_("the lot quantities add up to {sum}, not {total}",
                                sum=fmt(sum(parts, Decimal(0))), total=fmt(total)))
    with uow.acting_as(actor) as tx:
        batch = _batch(tx, batch_number, for_update=True)
        mbr = tx.mbrs.get(batch.mbr_id)
        product = tx.master_data.item(batch.product_code)
        assert mbr is not None and product is not None and batch.id is not None
        by_item: dict[str, Decimal] = {}
        for (_lot_id, item), q in tx.batches.net_issued(batch.id).items():
            by_item[item] = by_item.get(item, Decimal(0)) + q
        batch.complete(mbr, by_item, total, actor, tx.now())
        today = local_today(tx)
        expires = None
        if product.shelf_life_days:
            expires = today + timedelta(days=product.shelf_life_days)
        scope = "lot.FINISHED_DEVICE" if product.item_type is ItemType.FINISHED_DEVICE else "lot.INTERMEDIATE"
        for part in parts:
            lot = Lot(next_number(tx, scope, today, product.code), product, LotOrigin.PRODUCED, part, tx.now(),
                      manufactured_on=today, expires_on=expires, batch_id=batch.id)
            tx.lots.add(lot)
            tx.flush()
            assert lot.id is not None
            tx.genealogy.add_flow((BATCH, batch.id), (LOT, lot.id), part)
        tx.commit(reason="batch completed")
        return _detail(tx, batch)


def get_batch(uow: UnitOfWork, actor: Actor, batch_number: str) -> BatchDetail:
    """The batch's pane: with its status checked against its history and signatures (SIG-3)."""
    with uow.acting_as(actor) as tx:
        batch = _batch(tx, batch_number)
        detail = _detail(tx, batch)
        problem = status_problem(tx, signed_records.of_batch(tx, batch))
        return replace(detail, batch=replace(detail.batch, status_problem=problem))


def _detail(tx: UnitOfWork, batch: Batch) -> BatchDetail:
    assert batch.id is not None
    mbr = tx.mbrs.get(batch.mbr_id)
    assert mbr is not None
    issues = tx.batches.issues(batch.id)
    lots = tx.lots.by_ids(sorted({i.lot_id for i in issues}))
    issued: dict[str, Decimal] = {}
    for i in issues:
        issued[i.item_code] = issued.get(i.item_code, Decimal(0)) + i.signed_quantity
    bom = tuple(
        BomProgress(line.item_code, line.required_for(batch.planned_quantity), *line.limits_for(batch.planned_quantity),
                    issued.get(line.item_code, Decimal(0)))
        for line in mbr.lines
    )
    views = tuple(IssueView(lots[i.lot_id].lot_number, i.item_code, i.kind.value, i.quantity, i.at, i.by_user,
                            lots[i.lot_id].unit.value) for i in issues)
    return BatchDetail(BatchView.of(batch), bom, views, tuple(LotView.of(lot) for lot in tx.lots.of_batch(batch.id)))


def list_batches(
    uow: UnitOfWork, actor: Actor, *, statuses: tuple[BatchStatus, ...] = (), text: str | None = None
) -> list[BatchView]:
    with uow.acting_as(actor) as tx:
        return [BatchView.of(b) for b in tx.batches.list(statuses=statuses, text=text)]


def allowed_batch_actions(actor: Actor, status: BatchStatus, held_from: BatchStatus | None) -> list[BatchStatus]:
    """For buttons; the service checks again. Completion is offered separately (it needs the quantity);
    resuming a batch held from Completed is offered here."""
    return [
        t.target for t in BATCH_WORKFLOW.allowed_from(status)
        if t.permission is not None and actor.can(t.permission)
        and (t.target is not BatchStatus.COMPLETED or status is BatchStatus.ON_HOLD)
        and not (status is BatchStatus.ON_HOLD and t.target is not held_from
                 and t.target not in (BatchStatus.REJECTED, BatchStatus.RECALLED))
    ]


@dataclass(frozen=True)
class AlertView:
    id: int
    kind: str
    message: str
    batch_number: str | None
    lot_number: str | None
    raised_by: str
    raised_at: datetime
    status: str

    @classmethod
    def of(cls, a: Alert) -> AlertView:
        assert a.id is not None
        return cls(a.id, a.kind, a.message, a.batch_number, a.lot_number, a.raised_by, a.raised_at, a.status.value)


def open_alerts(uow: UnitOfWork, actor: Actor, *, batch_number: str | None = None) -> list[AlertView]:
    """Alerts nobody has acknowledged yet (refused issues, LOT-7), newest first; only one batch's if given."""
    with uow.acting_as(actor) as tx:
        return [AlertView.of(a) for a in tx.alerts.open() if batch_number is None or a.batch_number == batch_number]


def acknowledge_alert(uow: UnitOfWork, actor: Actor, alert_id: int, note: str) -> AlertView:
    """QA acknowledges an alert, saying what was done about it (e.g. the deviation opened); audited."""
    with uow.acting_as(actor) as tx:
        actor.require(Permission.ACKNOWLEDGE_ALERT)
        alert = tx.alerts.get(alert_id)
        if alert is None:
            raise NotFound(_("no alert {alert_id}", alert_id=alert_id))
        alert.acknowledge(note)
        tx.commit(reason=alert.note)
        return AlertView.of(alert)
