"""The versions of versioned records (CHG-2, CHG-3): list them, read one exactly as it was, compare two field by
field, and name the open batches planned from one version, or which versions a batch uses.

Record types: "mbr" (a master batch record, keyed by its product code) and "spec" (a specification, keyed by
its item code). Reading needs no right beyond being logged in, as for the records themselves.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from app.batches import BatchView
from app.ports import UnitOfWork
from domain.batches import OPEN_BATCH_STATUSES
from domain.errors import NotFound, ValidationError
from domain.i18n import N_, _
from domain.items import validate_code
from domain.mbr import MasterBatchRecord
from domain.quality import Specification
from domain.users import Actor
from domain.version_diff import ContentRow, DiffRow, describe_mbr, describe_spec, diff_mbrs, diff_specs

RECORD_TYPES = ("mbr", "spec")
Versioned = MasterBatchRecord | Specification


@dataclass(frozen=True)
class VersionSummary:
    record_type: str  # "mbr" or "spec"
    key: str  # the product or item code
    version: int
    status: str  # as stored: the lifecycle may hold statuses this module does not name
    title: str
    created_at: datetime
    effective_at: datetime | None

    @property
    def label(self) -> str:
        return f"{self.key} v{self.version}" if self.record_type == "mbr" else f"{self.key} spec v{self.version}"

    @classmethod
    def of(cls, record: Versioned) -> VersionSummary:
        key = record.product_code if isinstance(record, MasterBatchRecord) else record.item_code
        kind = "mbr" if isinstance(record, MasterBatchRecord) else "spec"
        status = str(getattr(record.status, "value", record.status))
        return cls(kind, key, record.version, status, record.title, record.created_at, record.effective_at)


@dataclass(frozen=True)
class VersionContent:
    """One version with every field it holds, as it was recorded."""

    summary: VersionSummary
    rows: tuple[ContentRow, ...]


@dataclass(frozen=True)
class VersionComparison:
    old: VersionSummary
    new: VersionSummary
    rows: tuple[DiffRow, ...]  # empty: the two versions hold the same content


@dataclass(frozen=True)
class BatchVersions:
    """Which versions a batch was planned with, and whether a newer master record is effective now (CHG-3)."""

    batch_number: str
    product_code: str
    mbr_version: int
    effective_version: int | None  # the master record's version effective now (None: none is)
    effective_since: datetime | None
    spec_version: int | None  # the specification its QC testing applies (None: not in testing yet, or none)

    @property
    def newer_effective(self) -> bool:
        return self.effective_version is not None and self.effective_version != self.mbr_version


def _record_type(record_type: str) -> str:
    kind = record_type.strip().lower()
    if kind not in RECORD_TYPES:
        raise ValidationError(_("unknown record type '{record_type}': use mbr or spec", record_type=record_type))
    return kind


def _versions(tx: UnitOfWork, kind: str, key: str) -> list[Versioned]:
    found: list[Versioned] = list(tx.mbrs.list(key) if kind == "mbr" else tx.quality.specs(key))
    if not found:
        raise NotFound(_("{key} has no versions of a master batch record", key=key) if kind == "mbr"
                       else _("{key} has no versions of a specification", key=key))
    return found


def _version(tx: UnitOfWork, kind: str, key: str, version: int) -> Versioned:
    found = tx.mbrs.version(key, version) if kind == "mbr" else tx.quality.spec_version(key, version)
    if found is None:
        raise NotFound(_("no master batch record {code} v{version}", code=key, version=version) if kind == "mbr"
                       else _("no specification {code} v{version}", code=key, version=version))
    return found


def list_versions(uow: UnitOfWork, actor: Actor, record_type: str, key: str) -> list[VersionSummary]:
    """Every version of the record, oldest first, with its status and dates (CHG-2)."""
    kind, code = _record_type(record_type), validate_code(key, N_("item"))
    with uow.acting_as(actor) as tx:
        return [VersionSummary.of(r) for r in _versions(tx, kind, code)]


def show_version(uow: UnitOfWork, actor: Actor, record_type: str, key: str, version: int) -> VersionContent:
    """One version exactly as it was: header, and every line, step, parameter or test with all its fields."""
    kind, code = _record_type(record_type), validate_code(key, N_("item"))
    with uow.acting_as(actor) as tx:
        record = _version(tx, kind, code, version)
        rows = describe_mbr(record) if isinstance(record, MasterBatchRecord) else describe_spec(record)
        return VersionContent(VersionSummary.of(record), tuple(rows))


def compare_versions(uow: UnitOfWork, actor: Actor, record_type: str, key: str, old: int, new: int
                     ) -> VersionComparison:
    """Two versions of one record side by side, field by field (CHG-2): what was added, removed or changed
    from `old` to `new` (either may be the later one)."""
    with uow.acting_as(actor) as tx:
        return compare_in(tx, record_type, key, old, new)


def compare_in(tx: UnitOfWork, record_type: str, key: str, old: int, new: int) -> VersionComparison:
    """The compare inside the caller's transaction (the compare document reads it with its identity)."""
    kind, code = _record_type(record_type), validate_code(key, N_("item"))
    if old == new:
        raise ValidationError(_("choose two different versions to compare"))
    before, after = _version(tx, kind, code, old), _version(tx, kind, code, new)
    if isinstance(before, MasterBatchRecord) and isinstance(after, MasterBatchRecord):
        rows = diff_mbrs(before, after)
    else:
        assert isinstance(before, Specification) and isinstance(after, Specification)
        rows = diff_specs(before, after)
    return VersionComparison(VersionSummary.of(before), VersionSummary.of(after), tuple(rows))


def batches_on(uow: UnitOfWork, actor: Actor, product_code: str, version: int) -> list[BatchView]:
    """The open and planned batches made to one version of a master batch record, in one query (CHG-3)."""
    code = validate_code(product_code, N_("item"))
    with uow.acting_as(actor) as tx:
        _version(tx, "mbr", code, version)
        return [BatchView.of(b) for b in tx.batches.on_mbr_version(code, version, OPEN_BATCH_STATUSES)]


def batch_versions(uow: UnitOfWork, actor: Actor, batch_number: str) -> BatchVersions:
    """The versions a batch keeps (planned with its master record; its QC testing under a specification) and
    the master record's version effective now, for the batch screen to say when a newer one applies."""
    with uow.acting_as(actor) as tx:
        batch = tx.batches.by_number(batch_number)
        if batch is None:
            raise NotFound(_("no batch {number}", number=batch_number))
        effective = tx.mbrs.effective(batch.product_code)
        plan = tx.quality.plan("batch", batch.batch_number)
        return BatchVersions(batch.batch_number, batch.product_code, batch.mbr_version,
                             effective.version if effective else None, effective.effective_at if effective else None,
                             plan.spec_version if plan else None)
