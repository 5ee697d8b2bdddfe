"""Change control use cases (CHG-1): open a change request naming the drafts it makes effective and the versions it
retires, submit it (the impact assessment is filled in), approve it with signatures (app.signatures, the "change"
workflow), implement it (every version moves at once, in one transaction), cancel or reject it; and the impact of
a change of a record, read by the database in one statement.

Implementing is the only way a master batch record or a specification becomes effective: the database refuses
any other (migration 0018).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from app import signatures, versioned
from app.clock import local_today
from app.numbering import next_number
from app.ports import UnitOfWork
from app.signatures import SigningResult, SigningSession
from app.users import AuthConfig
from domain.change_control import (
    CHANGE_WORKFLOW,
    ChangeItem,
    ChangeRequest,
    ChangeStatus,
    Classification,
    ItemAction,
    RecordKind,
    check_item,
    refuse_second_open,
)
from domain.deviations import DeviationLink
from domain.errors import NotFound, ValidationError
from domain.i18n import _
from domain.items import validate_code
from domain.mbr import MasterBatchRecord
from domain.users import Actor, Permission


@dataclass(frozen=True)
class ItemInput:
    record_type: str  # "mbr" or "spec"
    key: str  # product code or item code
    version: int
    action: ItemAction = ItemAction.MAKE_EFFECTIVE


@dataclass(frozen=True)
class ItemView:
    item_no: int
    record_type: str
    key: str
    version: int
    action: str
    label: str
    status: str  # the version's status now


@dataclass(frozen=True)
class ImpactLine:
    """One record a change reaches: "batch", "lot", "spec" or "mbr", its number, status, version, quantity."""

    what: str
    number: str
    status: str
    version: int | None
    quantity: Decimal | None


@dataclass(frozen=True)
class ChangeView:
    number: str
    title: str
    reason: str
    classification: str
    requester: str
    requested_at: datetime
    effective_on: date
    status: str
    items: tuple[ItemView, ...]
    impact: tuple[ImpactLine, ...]  # as filled in at submission; empty before
    submitted_at: datetime | None
    approved_at: datetime | None
    implemented_at: datetime | None
    implemented_by: str | None

    @property
    def is_open(self) -> bool:
        return self.status in (ChangeStatus.DRAFT.value, ChangeStatus.SUBMITTED.value, ChangeStatus.APPROVED.value)


def _impact_lines(text: str | None) -> tuple[ImpactLine, ...]:
    if not text:
        return ()
    return tuple(ImpactLine(w, n, s, v, None if q is None else Decimal(q)) for w, n, s, v, q in json.loads(text))


def _view(tx: UnitOfWork, change: ChangeRequest) -> ChangeView:
    assert change.id is not None
    items = []
    for i in tx.changes.items([change.id])[change.id]:
        status = versioned.load(tx, i.kind, i.record_key, i.version).status.value
        items.append(ItemView(i.item_no, i.record_type, i.record_key, i.version, i.action.value, i.label, status))
    return ChangeView(change.number, change.title, change.reason, change.classification.value, change.requester,
                      change.requested_at, change.effective_on, change.status.value, tuple(items),
                      _impact_lines(change.impact), change.submitted_at, change.approved_at, change.implemented_at,
                      change.implemented_by)


def _change(tx: UnitOfWork, number: str, *, for_update: bool = False) -> ChangeRequest:
    found = tx.changes.get(number.strip(), for_update=for_update)
    if found is None:
        raise NotFound(_("no change request {number}", number=number))
    return found


def _items(tx: UnitOfWork, change: ChangeRequest) -> list[ChangeItem]:
    assert change.id is not None
    return tx.changes.items([change.id])[change.id]


def _checked_items(tx: UnitOfWork, number: str, items: Sequence[ItemInput]) -> list[tuple[RecordKind, str, int,
                                                                                          ItemAction]]:
    if not items:
        raise ValidationError(_("a change request needs at least one version: a draft it makes effective or an "
                                "effective version it retires"))
    checked = []
    seen: set[tuple[RecordKind, str]] = set()
    for item in items:
        kind = RecordKind.parse(item.record_type)
        key = validate_code(item.key, "item")
        record = versioned.load(tx, kind, key, item.version)
        ref = versioned.ref(kind, record)
        check_item(ref, item.action)
        if (kind, key) in seen:
            raise ValidationError(_("{label}: a change request names one version of each record", label=ref.label))
        seen.add((kind, key))
        refuse_second_open(number, ref.label, tx.changes.open_for(kind, key))
        checked.append((kind, key, item.version, item.action))
    return checked


def open_change(uow: UnitOfWork, actor: Actor, title: str, reason: str, classification: str, effective_on: date,
                items: Sequence[ItemInput], *, deviation: str | None = None) -> ChangeView:
    """A change request in Draft (CHG-1), numbered by the "change" number rule; a deviation may propose it."""
    grade = Classification.parse(classification)
    with uow.acting_as(actor) as tx:
        actor.require(Permission.OPEN_CHANGE)
        source = tx.quality.deviation(deviation.strip()) if deviation and deviation.strip() else None
        if deviation and deviation.strip() and source is None:
            raise NotFound(_("no deviation {number}", number=deviation.strip()))
        today = local_today(tx)
        number = next_number(tx, "change", today)
        checked = _checked_items(tx, number, items)
        change = ChangeRequest(number, title, reason, grade, actor.user_id, tx.now(), effective_on, today)
        tx.changes.add(change)
        tx.flush()
        assert change.id is not None
        for no, (kind, key, version, action) in enumerate(checked, start=1):
            item = ChangeItem(no, kind, key, version, action)
            item.change_id = change.id
            tx.changes.add(item)
        if source is not None:
            assert source.id is not None
            tx.quality.add(DeviationLink(source.id, "change", number))
        tx.commit(reason=f"proposed by deviation {source.number}" if source else None)
        return _view(tx, change)


def _check_bom(tx: UnitOfWork, record: MasterBatchRecord) -> None:
    """A draft's bill of materials names only known, active items, each purchased one with an approved supplier."""
    for line in record.lines:
        item = tx.master_data.item(line.item_code)
        if item is None:
            raise ValidationError(_("{label}: BOM line {line_no} names an unknown item {item_code}",
                                    label=record.label, line_no=line.line_no, item_code=line.item_code))
        if not item.active:
            raise ValidationError(_("{label}: BOM line {line_no} names {item_code}, which is retired",
                                    label=record.label, line_no=line.line_no, item_code=line.item_code))
        if not item.item_type.produced and not any(a.status.value == "Approved"
                                                   for a in tx.master_data.approvals(item.code)):
            raise ValidationError(_("{label}: BOM line {line_no} names {item_code}, which has no approved supplier",
                                    label=record.label, line_no=line.line_no, item_code=line.item_code))


def _impact_rows(tx: UnitOfWork, items: Sequence[ChangeItem]) -> list[list[object]]:
    rows: list[list[object]] = []
    for key in dict.fromkeys((i.kind, i.record_key) for i in items):
        rows += [[w, n, s, v, None if q is None else str(q)] for w, n, s, v, q in tx.changes.impact(*key)]
    return rows


def submit(uow: UnitOfWork, actor: Actor, number: str) -> ChangeView:
    """Into review: the drafts are frozen (In review) and the impact assessment is filled in as it is now."""
    with uow.acting_as(actor) as tx:
        change = _change(tx, number, for_update=True)
        CHANGE_WORKFLOW.check(change.status, ChangeStatus.SUBMITTED, actor, None)
        items = _items(tx, change)
        for item in items:
            record = versioned.load(tx, item.kind, item.record_key, item.version)
            check_item(versioned.ref(item.kind, record), item.action)
            if isinstance(record, MasterBatchRecord) and item.action is ItemAction.MAKE_EFFECTIVE:
                _check_bom(tx, record)
        change.submit(items, json.dumps(_impact_rows(tx, items)), tx.now())
        versioned.move_drafts(tx, items, "In review")
        tx.commit(reason=_("submitted for approval"))
        return _view(tx, change)


def approve(uow: UnitOfWork, auth: AuthConfig, session: SigningSession, number: str, password: str, *,
            user_id_typed: str | None = None, comment: str | None = None) -> SigningResult:
    """One approval signature (SIG-1, re-authenticated); the last required one approves the change and its drafts.
    The defaults: QA approval, then a second person of QA, Production or QC; never the requester."""
    return signatures.sign(uow, auth, session, "change", number.strip(), ChangeStatus.APPROVED, password,
                           user_id_typed=user_id_typed, comment=comment)


def implement(uow: UnitOfWork, actor: Actor, number: str) -> ChangeView:
    """All at once, in one transaction: every approved draft becomes effective with effective_at = now, the
    version it replaces is superseded, every retired version retired, and the change is Implemented."""
    with uow.acting_as(actor) as tx:
        change = _change(tx, number, for_update=True)
        if change.status is ChangeStatus.APPROVED:
            CHANGE_WORKFLOW.check(change.status, ChangeStatus.IMPLEMENTED, actor, None)
        change.implement(actor.user_id, tx.now(), local_today(tx))
        tx.flush()  # the database lets a version become effective only under an implemented change
        items = _items(tx, change)
        versioned.implement_items(tx, items, tx.now())
        tx.commit(reason=_("change request {number} implemented", number=change.number))
        return _view(tx, change)


def end(uow: UnitOfWork, actor: Actor, number: str, target: ChangeStatus, reason: str | None) -> ChangeView:
    """Cancel (its people) or reject (QA) a change not yet approved; its drafts become drafts again."""
    with uow.acting_as(actor) as tx:
        change = _change(tx, number, for_update=True)
        CHANGE_WORKFLOW.check(change.status, target, actor, reason)
        if change.status is ChangeStatus.SUBMITTED:
            versioned.move_drafts(tx, _items(tx, change), "Draft")
        change.end(target)
        tx.commit(reason=reason)
        return _view(tx, change)


def cancel(uow: UnitOfWork, actor: Actor, number: str, reason: str | None) -> ChangeView:
    return end(uow, actor, number, ChangeStatus.CANCELLED, reason)


def reject(uow: UnitOfWork, actor: Actor, number: str, reason: str | None) -> ChangeView:
    """QA turns down a change not yet approved, with the reason; its submitted drafts become drafts again."""
    return end(uow, actor, number, ChangeStatus.REJECTED, reason)


def today(uow: UnitOfWork, actor: Actor) -> date:
    """The station's date by the store's clock: a change's default effective date."""
    with uow.acting_as(actor) as tx:
        return local_today(tx)


def get_change(uow: UnitOfWork, actor: Actor, number: str) -> ChangeView:
    with uow.acting_as(actor) as tx:
        return _view(tx, _change(tx, number))


def list_changes(uow: UnitOfWork, actor: Actor, *, statuses: Sequence[ChangeStatus] = (),
                 requester: str | None = None, limit: int = 500) -> list[ChangeView]:
    with uow.acting_as(actor) as tx:
        return [_view(tx, c) for c in tx.changes.find(statuses=statuses, requester=requester, limit=limit)]


def impact(uow: UnitOfWork, actor: Actor, record_type: str, key: str) -> list[ImpactLine]:
    """What a change of this record would reach now (one query): for a master batch record, the open and planned
    batches on its effective version, lots in stock made to it, and the effective specifications of the product
    and its components; for an item's specification (a raw material), the open batches whose bill of materials
    uses it, its lots in stock, and the effective master batch records using it."""
    kind = RecordKind.parse(record_type)
    code = validate_code(key, "item")
    with uow.acting_as(actor) as tx:
        return [ImpactLine(*row) for row in tx.changes.impact(kind, code)]


@dataclass(frozen=True)
class DraftView:
    """A draft version a new change request can make effective."""

    record_type: str
    key: str
    version: int
    title: str

    @property
    def label(self) -> str:
        return f"{self.key} v{self.version}" if self.record_type == "mbr" else f"{self.key} spec v{self.version}"


def drafts(uow: UnitOfWork, actor: Actor) -> list[DraftView]:
    """Every draft master batch record and specification, for the New change request dialog."""
    with uow.acting_as(actor) as tx:
        found = [DraftView("mbr", m.product_code, m.version, m.title) for m in tx.mbrs.list()
                 if m.status.value == "Draft"]
        found += [DraftView("spec", s.item_code, s.version, s.title) for s in tx.quality.specs()
                  if s.status.value == "Draft"]
        return found


MINE, TO_APPROVE, SOON, ALL = "mine", "approval", "soon", "all"


def change_list(uow: UnitOfWork, actor: Actor, which: str) -> list[ChangeView]:
    """The change-control page's lists: my requests, those waiting for my approval (my signature is the next one
    that can be applied), those effective soon (approved or in review, by effective date), or all."""
    if which == MINE:
        return list_changes(uow, actor, requester=actor.user_id)
    if which == TO_APPROVE:
        waiting = {p.record_id for p in signatures.pending_for(uow, actor) if p.record_type == "change"}
        return [c for c in list_changes(uow, actor, statuses=(ChangeStatus.SUBMITTED,)) if c.number in waiting]
    if which == SOON:
        return sorted(list_changes(uow, actor, statuses=(ChangeStatus.SUBMITTED, ChangeStatus.APPROVED)),
                      key=lambda c: (c.effective_on, c.number))
    return list_changes(uow, actor)
