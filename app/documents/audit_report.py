"""The audit trail report (AUD-5, DOC-2) of one record (`lot:L-1`, `batch:B-1`, any record type) or of a time
range (`2026-12-01..2026-12-05`, dates or ISO times in the station's zone; either end may be left open), with
the chain verification at generation."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from app.documents.frame import Issue, audit_table
from app.ports import AuditFilter, UnitOfWork
from domain.documents import Document, Fields, Paragraph, Section
from domain.errors import ValidationError
from domain.i18n import _
from domain.users import Permission


def _moment(text: str, *, end: bool) -> datetime | None:
    text = text.strip()
    if not text:
        return None
    try:
        if len(text) == 10:
            day = date.fromisoformat(text)
            local = datetime.combine(day + timedelta(days=1) if end else day, time())
        else:
            local = datetime.fromisoformat(text)
    except ValueError:
        raise ValidationError(_("'{text}' is not a date (YYYY-MM-DD) or time (YYYY-MM-DDTHH:MM)", text=text)) from None
    return local.astimezone() if local.tzinfo is None else local


def audit_filter(subject: str) -> AuditFilter:
    """`TYPE:ID` for one record, `FROM..TO` for a time range (TO's whole day included)."""
    if ".." in subject:
        start, _dots, stop = subject.partition("..")
        since, until = _moment(start, end=False), _moment(stop, end=True)
        if since and until and since >= until:
            raise ValidationError(_("the range {subject} ends before it starts", subject=subject))
        return AuditFilter(since=since, until=until)
    record_type, sep, record_id = subject.partition(":")
    if not sep or not record_type.strip() or not record_id.strip():
        raise ValidationError(_("'{subject}': give a record as TYPE:ID (e.g. lot:R2611-0001) or a time range FROM..TO "
                                "(e.g. 2026-12-01..2026-12-05)", subject=subject))
    return AuditFilter(record_type=record_type.strip(), record_id=record_id.strip())


def build_audit_report(tx: UnitOfWork, issue: Issue) -> Document:
    w = issue.words
    issue.actor.require(Permission.VIEW_AUDIT)
    flt = audit_filter(issue.subject)
    entries = list(tx.audit.iter_all(flt))
    chain = tx.audit.verify()
    verdict = (w("chain_intact", entries=chain.entries, seq=chain.head_seq) if chain.intact
               else w("chain_broken", problem=str(chain.problem)))
    scope = Fields((
        (w("audit_scope"), issue.subject),
        (w("entries"), str(len(entries))),
        (w("chain"), verdict),
    ))
    sections = [
        Section(w("audit_scope"), (scope, Paragraph(verdict, emphasis=not chain.intact))),
        Section(w("audit_entries"), (audit_table(w, entries) if entries else Paragraph(w("none")),)),
        issue.identity_section(),
    ]
    return issue.document(w("audit_report_of", scope=issue.subject), sections)
