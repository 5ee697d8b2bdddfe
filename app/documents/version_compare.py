"""The comparison of two versions of one record as a controlled document (CHG-2, DOC-2): which versions, their
status and dates, and every difference field by field; removed rows red, changed ones yellow, added ones green.

Its subject names what is compared: `mbr:FD-IVC-20:v1:v2` or `spec:RM-PC-01:v2:v3` (see `compare_subject`).
"""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from app.documents.frame import Issue
from app.documents.words import Words
from app.ports import UnitOfWork
from app.versions import RECORD_TYPES, VersionComparison, VersionSummary, compare_in
from domain.documents import Document, Fields, Paragraph, Section, Table
from domain.errors import ValidationError
from domain.i18n import _
from domain.quantities import fmt
from domain.version_diff import ChangeKind, Value


def compare_subject(record_type: str, key: str, old: int, new: int) -> str:
    return f"{record_type}:{key.strip().upper()}:v{old}:v{new}"


def parse_subject(subject: str) -> tuple[str, str, int, int]:
    parts = subject.strip().split(":")
    if (len(parts) != 4 or parts[0] not in RECORD_TYPES or not parts[2][1:].isdigit() or not parts[3][1:].isdigit()
            or parts[2][:1] != "v" or parts[3][:1] != "v"):
        raise ValidationError(_("'{subject}' does not name two versions: use e.g. mbr:FD-IVC-20:v1:v2",
                                subject=subject))
    return parts[0], parts[1], int(parts[2][1:]), int(parts[3][1:])


def build_version_compare(tx: UnitOfWork, issue: Issue) -> Document:
    w = issue.words
    record_type, key, old, new = parse_subject(issue.subject)
    compared = compare_in(tx, record_type, key, old, new)
    what = w("vc:mbr") if record_type == "mbr" else w("vc:spec")
    sections = (
        Section(w("vc:versions"), (Fields((
            (w("vc:record"), f"{key} – {what}"),
            (compared.old.label, _summary(w, compared.old)),
            (compared.new.label, _summary(w, compared.new)),
            (w("vc:differences"), str(len(compared.rows))),
        )),)),
        Section(w("vc:differences"), (_table(w, compared),)),
        issue.identity_section(),
    )
    return issue.document(w("vc:title", old=compared.old.label, new=compared.new.label), sections)


def _summary(w: Words, v: VersionSummary) -> str:
    since = w("vc:effective_since", at=w.time(v.effective_at)) if v.effective_at else ""
    return "\n".join(p for p in (f"{v.title} ({w.status(v.status)})", since) if p)


def _table(w: Words, compared: VersionComparison) -> Table | Paragraph:
    if not compared.rows:
        return Paragraph(w("vc:same"))
    rows = tuple((w(f"vc:{r.kind.value}"), f"{w(f'vc:{r.section}')} {r.key}".strip(), w(f"vc:{r.field}"),
                  _value(w, r.field, r.old), _value(w, r.field, r.new)) for r in compared.rows)
    kinds = [r.kind for r in compared.rows]
    return Table((w("vc:change"), w("vc:part"), w("vc:field"), compared.old.label, compared.new.label), rows,
                 flagged=frozenset(i for i, k in enumerate(kinds) if k is ChangeKind.CHANGED),
                 failed=frozenset(i for i, k in enumerate(kinds) if k is ChangeKind.REMOVED),
                 added=frozenset(i for i, k in enumerate(kinds) if k is ChangeKind.ADDED),
                 widths=(10, 22, 18, 25, 25))


def _value(w: Words, field: str, value: Value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return w("vc:yes") if value else w("vc:no")
    if isinstance(value, datetime):
        return w.time(value)
    if isinstance(value, Decimal):
        return fmt(value)
    if field == "Status":
        return w.status(str(value))
    return w.term(str(value)) if field == "Result type" else str(value)
