"""Use cases over the audit trail: browse (AUD-5), verify the chain (AUD-3), export to CSV."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from app.csv_files import csv_written_atomically
from app.ports import AuditFilter, UnitOfWork
from domain.anchors import Anchor, AnchorProblem, check_anchors, parse_anchors
from domain.audit import AuditEntry, ChainReport, format_time
from domain.errors import ValidationError
from domain.i18n import _
from domain.record_check import RecordProblem
from domain.users import Actor, Permission

CSV_COLUMNS = (
    "seq", "time_utc", "user_id", "user_name", "record_type", "record_id", "action", "changes_readable",
    "reason", "changes_json", "prev_hash", "hash",
)


def audit_page(
    uow: UnitOfWork, actor: Actor, flt: AuditFilter, *, before_seq: int | None = None, limit: int = 200
) -> list[AuditEntry]:
    with uow.acting_as(actor) as tx:
        actor.require(Permission.VIEW_AUDIT)
        return tx.audit.page(flt, before_seq=before_seq, limit=limit)


def audit_record_types(uow: UnitOfWork, actor: Actor) -> list[str]:
    with uow.acting_as(actor) as tx:
        actor.require(Permission.VIEW_AUDIT)
        return tx.audit.record_types()


def verify_audit(uow: UnitOfWork, actor: Actor) -> ChainReport:
    """Anyone may check integrity: the report names entries, never their content."""
    with uow.acting_as(actor) as tx:
        return tx.audit.verify()


def check_audit_records(uow: UnitOfWork, actor: Actor) -> list[RecordProblem]:
    """Every lot, batch, shipment and user row compared with what its audit entries say (AUD-6)."""
    with uow.acting_as(actor) as tx:
        return tx.audit.record_problems()


def read_anchors(path: Path) -> list[Anchor]:
    try:
        text = Path(path).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ValidationError(_("anchor file {path} does not exist", path=path)) from None
    except (OSError, UnicodeDecodeError) as error:
        raise ValidationError(_("cannot read anchor file {path}: {error}", path=path, error=error)) from None
    return parse_anchors(text.splitlines(), str(path))


def check_audit_anchors(uow: UnitOfWork, actor: Actor, anchors: list[Anchor]) -> list[AnchorProblem]:
    """Entries cut from the end, or replaced with a recomputed chain, since any of these anchors (AUD-7)."""
    with uow.acting_as(actor) as tx:
        return check_anchors(anchors, tx.audit.head_seq(), tx.audit.hashes([a.seq for a in anchors]))


def anchor_audit(uow: UnitOfWork, actor: Actor, path: Path) -> Anchor:
    """Append the head of an intact chain to `path`, a file outside the database (AUD-7). A broken chain is
    not anchored: the anchor would vouch for the forgery."""
    path = Path(path)
    if path.is_dir() or not path.parent.is_dir():
        raise ValidationError(_("{path} is a folder or its folder does not exist: give a file such as anchors.jsonl "
                                "in an existing folder", path=path))
    with uow.acting_as(actor) as tx:
        actor.require(Permission.VIEW_AUDIT)
        report = tx.audit.verify()
        if report.problem is not None:
            raise ValidationError(_("the audit trail is not intact, nothing anchored: {message}",
                                    message=report.problem.message))
        anchor = Anchor(report.head_seq, report.head_hash, format_time(tx.now()), actor.user_id,
                        actor.printed_name)
    try:
        with path.open("a", encoding="utf-8") as file:  # append only: earlier anchors are never rewritten
            file.write(anchor.line() + "\n")
            file.flush()
            os.fsync(file.fileno())
    except OSError as error:
        raise ValidationError(_("cannot write anchor file {path}: {error}", path=path, error=error)) from None
    return anchor


def readable_changes(entry: AuditEntry) -> str:
    parts = []
    for name, (old, new) in sorted(entry.change_map().items()):
        if old is None:
            parts.append(f"{name}: {new}")
        elif new is None:
            parts.append(f"{name}: {old} (removed)")
        else:
            parts.append(f"{name}: {old} -> {new}")
    return "; ".join(parts)


@dataclass(frozen=True)
class ExportResult:
    path: Path
    entries: int


def export_audit_csv(uow: UnitOfWork, actor: Actor, flt: AuditFilter, out: Path) -> ExportResult:
    """Write the (filtered) trail to CSV. The file appears whole or not at all, and only together with the
    EXPORT entry that records it: if the entry cannot be committed, the file is removed again."""
    out = Path(out)
    count = 0
    with uow.acting_as(actor) as tx:
        actor.require(Permission.EXPORT_AUDIT)  # first: a refusal is audited whatever the path
        with csv_written_atomically(out) as writer:
            writer.writerow(CSV_COLUMNS)
            for entry in tx.audit.iter_all(flt):
                writer.writerow(
                    (
                        entry.seq, entry.at.isoformat().replace("+00:00", "Z"), entry.user_id, entry.user_name,
                        entry.record_type, entry.record_id, entry.action, readable_changes(entry),
                        entry.reason or "", entry.changes, entry.prev_hash, entry.hash,
                    )
                )
                count += 1
            tx.audit_event("EXPORT", "audit_log", "csv", reason=f"{count} entries to {out.name}",
                           details={"filter": (None, _describe(flt))})
        try:
            tx.commit()
        except BaseException:
            out.unlink(missing_ok=True)
            raise
    return ExportResult(out, count)


def _describe(flt: AuditFilter) -> str:
    parts = [f"{k}={v}" for k, v in vars(flt).items() if v is not None]
    return ", ".join(parts) or "all entries"
