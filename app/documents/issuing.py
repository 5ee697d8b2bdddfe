"""Issuing controlled documents (DOC-1, DOC-2, AUD-5, TRC-4): build the document from one consistent read,
render it (DOCX or PDF, by the renderer the composition root gives), enter it in the register of issued
documents with the SHA-256 of its file, and only then put the file in place. Every issued document is a
register entry, and so an audit entry, as the person who generated it; `verify_document` tells whether a file
is, byte for byte, one that BatchTrace issued.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from app.documents.audit_report import build_audit_report
from app.documents.batch_record import build_batch_record
from app.documents.certificate import build_certificate
from app.documents.deviation_report import build_deviation_report
from app.documents.frame import Issue
from app.documents.recall_report import build_recall_report
from app.documents.version_compare import build_version_compare
from app.documents.words import Words
from app.ports import NO_PROGRESS, AuditFilter, DocumentRenderer, Progress, UnitOfWork
from app.signatures import SigningSession, _reauthenticate
from app.users import AuthConfig
from domain.documents import Document, DocumentFormat, DocumentKind, IssuedDocument, file_digest
from domain.errors import ConcurrentChange, ValidationError
from domain.i18n import _
from domain.signatures import Meaning
from domain.users import Actor, Permission

Builder = Callable[[UnitOfWork, Issue], Document]
BUILDERS: dict[DocumentKind, Builder] = {
    DocumentKind.BATCH_RECORD: build_batch_record,
    DocumentKind.RECALL_REPORT: build_recall_report,
    DocumentKind.AUDIT_REPORT: build_audit_report,
    DocumentKind.CERTIFICATE: build_certificate,
    DocumentKind.DEVIATION_REPORT: build_deviation_report,
    DocumentKind.VERSION_COMPARE: build_version_compare,
}


@dataclass(frozen=True)
class DocumentRequest:
    kind: DocumentKind
    subject: str  # batch, recall, deviation or lot number
    file_format: DocumentFormat
    language: str = "en"
    controlled: bool = True


@dataclass(frozen=True)
class IssuedDocumentView:
    number: str
    kind: str
    subject: str
    revision: int
    file_format: str
    language: str
    controlled: bool
    generated_at: datetime
    user_id: str
    user_name: str
    content_sha256: str
    file_sha256: str
    file_name: str
    audit_seq: int
    audit_hash: str

    @classmethod
    def of(cls, d: IssuedDocument) -> IssuedDocumentView:
        return cls(d.number, d.kind, d.subject, d.revision, d.file_format, d.language, d.controlled, d.generated_at,
                   d.user_id, d.user_name, d.content_sha256, d.file_sha256, d.file_name, d.audit_seq, d.audit_hash)


def format_of(path: Path) -> DocumentFormat:
    try:
        return DocumentFormat.of_path(path.name)
    except ValueError:
        raise ValidationError(_("{path}: give a file name ending in .docx or .pdf", path=path.name)) from None


def _check_target(out: Path) -> None:
    if out.is_dir():
        raise ValidationError(_("{out} is a folder: give a file name such as batch-record.pdf", out=out))
    if not out.parent.is_dir():
        raise ValidationError(_("folder {parent} does not exist", parent=out.parent))


def build_document(uow: UnitOfWork, actor: Actor, request: DocumentRequest) -> Document:
    """The document as it would be issued now, read in one transaction (for a preview or a benchmark)."""
    with uow.acting_as(actor) as tx:
        return _build(tx, actor, request)[0]


def _build(tx: UnitOfWork, actor: Actor, request: DocumentRequest) -> tuple[Document, Issue]:
    actor.require(Permission.ISSUE_DOCUMENT)
    words = Words.of(request.language)
    subject = request.subject.strip()
    if not subject:
        raise ValidationError(_("which record? give its number"))
    revision = tx.documents.latest_revision(request.kind.value, subject) + 1
    head = tx.audit.page(AuditFilter(), before_seq=None, limit=1)
    seq, digest = (head[0].seq, head[0].hash) if head else (0, "")
    issue = Issue(request.kind, subject, revision, words, request.controlled, tx.now(), actor, seq, digest)
    return BUILDERS[request.kind](tx, issue), issue


def issue_document(
    uow: UnitOfWork, actor: Actor, render: DocumentRenderer, request: DocumentRequest, out: Path,
    progress: Progress = NO_PROGRESS,
) -> IssuedDocumentView:
    """Generate, register and write one document. Nothing is registered if rendering fails or the user cancels;
    the file appears only once its register entry is committed."""
    out = Path(out)
    if format_of(out) is not request.file_format:
        raise ValidationError(_("{out} does not end in .{file_format}",
                                out=out.name, file_format=request.file_format.value))
    _check_target(out)
    progress.report(0, 3, "reading the records")
    with uow.acting_as(actor) as tx:
        doc, issue = _build(tx, actor, request)
    progress.check()
    progress.report(1, 3, f"rendering {request.file_format.value.upper()}")
    data = render(doc, request.file_format)
    progress.check()
    progress.report(2, 3, "registering")
    record = _register_and_write(uow, actor, doc, data, out, request.file_format, request.controlled, issue,
                                 progress)
    progress.report(3, 3, "done")
    return IssuedDocumentView.of(record)


def _register_and_write(uow: UnitOfWork, actor: Actor, doc: Document, data: bytes, out: Path,
                        file_format: DocumentFormat, controlled: bool, issue: Issue,
                        progress: Progress = NO_PROGRESS, signed: Signed | None = None) -> IssuedDocument:
    """The register entry first, the file in place only once it is committed; a signature (SIG-2, SIG-3) is
    committed with the register entry, linked to it by the document's content and file SHA-256."""
    tmp = out.with_name(f".{out.name}.partial")
    try:
        try:
            tmp.write_bytes(data)
        except OSError as error:
            raise ValidationError(_("cannot write {out}: {value}", out=out, value=error.strerror or error)) from None
        with uow.acting_as(actor) as tx:
            latest = tx.documents.latest_revision(doc.kind.value, doc.meta["subject"])
            if latest >= issue.revision:
                raise ConcurrentChange(f"revision {latest} of this document was issued meanwhile: generate it again")
            record = IssuedDocument(doc, issue.revision, file_format, controlled, issue.generated_at,
                                    actor.user_id, actor.printed_name, file_digest(data), out.name,
                                    issue.audit_seq, issue.audit_hash)
            tx.documents.add(record)
            if signed is not None:
                _record_signature(tx, actor, record, signed)
            progress.check()
            tx.commit()
        os.replace(tmp, out)
    finally:
        tmp.unlink(missing_ok=True)
    return record


@dataclass(frozen=True)
class Signed:
    """An electronic signature on a document being issued: who re-authenticated, when (the store's clock) and
    what the signature means (SIG-2). The document prints it; the audit trail keeps it (SIG-3)."""

    meaning: Meaning
    at: datetime


def _record_signature(tx: UnitOfWork, actor: Actor, record: IssuedDocument, signed: Signed) -> None:
    tx.audit_event("SIGN", "document", record.number, reason=f"{record.kind}: {signed.meaning.value}", details={
        "signature": (None, f"{record.kind}: {signed.meaning.value}"),
        "meaning": (None, signed.meaning.value),
        "signer": (None, f"{actor.printed_name} ({actor.user_id})"),
        "signed_at": (None, signed.at.isoformat()),
        "content_sha256": (None, record.content_sha256),
        "file_sha256": (None, record.file_sha256),
    })


def _validation_issue(tx: UnitOfWork, actor: Actor, doc: Document) -> Issue:
    head = tx.audit.page(AuditFilter(), before_seq=None, limit=1)
    seq, digest = (head[0].seq, head[0].hash) if head else (0, "")
    revision = tx.documents.latest_revision(doc.kind.value, doc.meta["subject"]) + 1
    return Issue(doc.kind, doc.meta["subject"], revision, Words.of("en"), True, tx.now(), actor, seq, digest)


def sign_validation_report(uow: UnitOfWork, auth: AuthConfig, session: SigningSession, password: str,
                           render: DocumentRenderer, build: Callable[[Actor, Signed], Document], out: Path, *,
                           meaning: Meaning = Meaning.PERFORMED, user_id_typed: str | None = None
                           ) -> IssuedDocumentView:
    """An IQ report (VAL-2) electronically signed by its performer (SIG-1, SIG-2, SIG-3): re-authenticated
    like every signature, the report printing the signer's name, user ID, date and time and the meaning, and
    the signature committed with the register entry in the audit trail, bound to the file by its SHA-256.
    A wrong password writes nothing: no file, no register entry, no signature."""
    out = Path(out)
    file_format = format_of(out)
    _check_target(out)
    actor = session.actor
    actor.require(Permission.VIEW_AUDIT)
    with uow.acting_as(actor) as tx:
        _reauthenticate(tx, auth, session, password, user_id_typed, "signing a validation report")
        signed = Signed(meaning, tx.now())
    session.signed_once = True
    doc = build(actor, signed)
    with uow.acting_as(actor) as tx:
        issue = _validation_issue(tx, actor, doc)
    return IssuedDocumentView.of(_register_and_write(uow, actor, doc, render(doc, file_format), out, file_format,
                                                     True, issue, signed=signed))


def issue_for_print(uow: UnitOfWork, actor: Actor, request: DocumentRequest, progress: Progress = NO_PROGRESS
                    ) -> tuple[Document, IssuedDocumentView]:
    """A document to be printed on paper: registered like a file (format "paper"; its content SHA-256, which
    the pages show, stands in for a file hash), then painted by the desktop on the printer the user picks."""
    progress.report(0, 2, "reading the records")
    with uow.acting_as(actor) as tx:
        doc, issue = _build(tx, actor, request)
    progress.check()
    progress.report(1, 2, "registering")
    with uow.acting_as(actor) as tx:
        if tx.documents.latest_revision(doc.kind.value, doc.meta["subject"]) >= issue.revision:
            raise ConcurrentChange("another revision of this document was issued meanwhile: print it again")
        record = IssuedDocument(doc, issue.revision, DocumentFormat.PAPER, request.controlled, issue.generated_at,
                                actor.user_id, actor.printed_name, doc.content_sha256, "(printed)",
                                issue.audit_seq, issue.audit_hash)
        tx.documents.add(record)
        progress.check()
        tx.commit()
    progress.report(2, 2, "done")
    return doc, IssuedDocumentView.of(record)


@dataclass(frozen=True)
class DocumentSignature:
    """An electronic signature the audit trail holds on an issued document; valid when it was made on exactly
    this content and file (the SHA-256 it recorded match the register's)."""

    signer: str  # "Printed Name (user ID)"
    meaning: str
    signed_at: str  # ISO 8601 with its zone
    valid: bool


@dataclass(frozen=True)
class Verification:
    path: Path
    file_sha256: str
    issued: IssuedDocumentView | None
    signatures: tuple[DocumentSignature, ...] = ()

    @property
    def genuine(self) -> bool:
        return self.issued is not None


def verify_document(uow: UnitOfWork, actor: Actor, path: Path) -> Verification:
    """Recompute the file's SHA-256 and look it up in the register (read-only): any edit, even one byte, makes
    it a document BatchTrace did not issue."""
    path = Path(path)
    if not path.is_file():
        raise ValidationError(_("{path} is not a file", path=path))
    sha = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            sha.update(chunk)
    digest = sha.hexdigest()
    with uow.acting_as(actor) as tx:
        found = tx.documents.by_file_hash(digest)
        if found is None:
            return Verification(path, digest, None)
        return Verification(path, digest, IssuedDocumentView.of(found), _signatures_on(tx, found))


def _signatures_on(tx: UnitOfWork, document: IssuedDocument) -> tuple[DocumentSignature, ...]:
    found = []
    for entry in tx.audit.page(AuditFilter(record_type="document", record_id=document.number, action="SIGN"),
                               before_seq=None, limit=50):
        values = {name: str(change[-1]) for name, change in entry.change_map().items()}
        found.append(DocumentSignature(
            values.get("signer", f"{entry.user_name} ({entry.user_id})"), values.get("meaning", ""),
            values.get("signed_at", entry.at.isoformat()),
            values.get("content_sha256") == document.content_sha256
            and values.get("file_sha256") == document.file_sha256))
    return tuple(reversed(found))


def issued_documents(uow: UnitOfWork, actor: Actor, subject: str | None = None, limit: int = 200
                     ) -> list[IssuedDocumentView]:
    """The register, newest first; one record's documents if a subject is given."""
    with uow.acting_as(actor) as tx:
        return [IssuedDocumentView.of(d) for d in tx.documents.list(subject=subject, limit=limit)]
