"""The versioned records a change request names (CHG-1): master batch records and specifications, found by kind,
key and version, and moved through the document lifecycle together with their change request."""

from __future__ import annotations

from datetime import datetime

from app.ports import UnitOfWork
from domain.change_control import ChangeItem, ItemAction, RecordKind, VersionRef
from domain.errors import NotFound
from domain.i18n import _
from domain.mbr import MasterBatchRecord, MbrStatus
from domain.quality import Specification, SpecStatus

Versioned = MasterBatchRecord | Specification


def load(tx: UnitOfWork, kind: RecordKind, key: str, version: int) -> Versioned:
    found: Versioned | None
    if kind is RecordKind.MBR:
        found = tx.mbrs.version(key, version)
        if found is None:
            raise NotFound(_("no master batch record {code} v{version}", code=key, version=version))
        return found
    found = tx.quality.spec_version(key, version, for_update=True)
    if found is None:
        raise NotFound(_("no specification {code} v{version}", code=key, version=version))
    return found


def effective(tx: UnitOfWork, kind: RecordKind, key: str) -> Versioned | None:
    return tx.mbrs.effective(key) if kind is RecordKind.MBR else tx.quality.effective_spec(key)


def ref(kind: RecordKind, record: Versioned) -> VersionRef:
    key = record.product_code if isinstance(record, MasterBatchRecord) else record.item_code
    return VersionRef(kind, key, record.version, record.status.value)


def move_drafts(tx: UnitOfWork, items: list[ChangeItem], target: str) -> None:
    """The drafts a change makes effective follow it: in review when submitted, approved when approved, back
    to draft when it is cancelled or rejected. `target` is the status value ("In review", ...)."""
    for item in items:
        if item.action is not ItemAction.MAKE_EFFECTIVE:
            continue
        record = load(tx, item.kind, item.record_key, item.version)
        if isinstance(record, MasterBatchRecord):
            record.move_in_review(MbrStatus(target))
        else:
            record.move_in_review(SpecStatus(target))


def implement_items(tx: UnitOfWork, items: list[ChangeItem], now: datetime) -> None:
    """Every approved draft becomes effective (the version it replaces superseded), every retired version retired.
    The caller has already written the change as Implemented in this transaction (the database checks it)."""
    for item in items:
        record = load(tx, item.kind, item.record_key, item.version)
        if item.action is ItemAction.RETIRE:
            record.retire()
            continue
        previous = effective(tx, item.kind, item.record_key)
        if isinstance(record, MasterBatchRecord):
            assert previous is None or isinstance(previous, MasterBatchRecord)
            record.make_effective(now, previous)
        else:
            assert previous is None or isinstance(previous, Specification)
            record.make_effective(now, previous)
        tx.flush()  # the superseded version first: one effective version at a time
