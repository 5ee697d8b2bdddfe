"""What every document shares: its identity block, its page words and the audit anchor it was generated at."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime

from app.audit import readable_changes
from app.documents.words import Words
from app.ports import UnitOfWork
from app.signatures import SignatureView
from domain.audit import AuditEntry
from domain.documents import Document, DocumentKind, Fields, PageWords, Paragraph, Section, Table
from domain.users import Actor
from domain.version import batchtrace_version


@dataclass(frozen=True)
class Issue:
    """Who generates which revision of which document, when, and at which audit chain head."""

    kind: DocumentKind
    subject: str
    revision: int
    words: Words
    controlled: bool
    generated_at: datetime  # UTC, the store's clock
    actor: Actor
    audit_seq: int
    audit_hash: str

    @property
    def number(self) -> str:
        safe = "".join(ch if ch.isalnum() or ch in "-_." else "-" for ch in self.subject)
        return f"{self.kind.prefix}-{safe}-R{self.revision}"

    @property
    def copy(self) -> str:
        return self.words("controlled" if self.controlled else "uncontrolled")

    def identity(self) -> Fields:
        w = self.words
        return Fields((
            (w("doc_number"), self.number),
            (w("revision"), str(self.revision)),
            (w("generated_at"), w.time(self.generated_at)),
            (w("generated_by"), f"{self.actor.printed_name} ({self.actor.user_id})"),
            (w("software"), f"BatchTrace {batchtrace_version()}"),
            (w("copy_status"), self.copy),
            (w("language"), w("language_name")),
            (w("audit_anchor"), w("anchor_value", seq=self.audit_seq, hash=self.audit_hash)),
        ))

    def identity_section(self) -> Section:
        return Section(self.words("identity"), (self.identity(), Paragraph(self.words("verify_hint"))))

    def document(self, title: str, sections: Iterable[Section]) -> Document:
        w, copy = self.words, self.copy
        return Document(
            kind=self.kind, number=self.number, language=w.language, title=title,
            running_header=f"{title} · {self.number} · {copy}", identity=self.identity(), sections=tuple(sections),
            words=PageWords(w("page"), w("checksum"), copy), meta={"subject": self.subject},
        )


class PrintedNames:
    """Printed names of user IDs, each looked up once."""

    def __init__(self, tx: UnitOfWork) -> None:
        self._tx = tx
        self._known: dict[str, str] = {}

    def __call__(self, user_id: str) -> str:
        if user_id not in self._known:
            user = self._tx.users.get(user_id)
            self._known[user_id] = f"{user.printed_name} ({user_id})" if user else user_id
        return self._known[user_id]


def signature_table(w: Words, views: Sequence[SignatureView]) -> Table:
    """Every signature with its manifestation (SIG-2): printed name, user ID, time with zone, meaning, what it
    was for, and whether it still holds for the record's content (SIG-3); invalidated ones highlighted."""
    rows = tuple((v.printed_name, v.user_id, w.time(v.at), w.term(v.meaning), v.requirement,
                  w("valid") if v.valid else w("invalidated")) for v in views)
    flagged = frozenset(n for n, v in enumerate(views) if not v.valid)
    return Table((w("printed_name"), w("user_id"), w("signed_at"), w("meaning"), w("for"), w("validity")), rows,
                 flagged, widths=(16, 9, 19, 10, 14, 14))


def audit_table(w: Words, entries: Iterable[AuditEntry]) -> Table:
    rows = tuple(
        (str(e.seq), w.time(e.at), f"{e.user_name} ({e.user_id})", f"{e.record_type} {e.record_id}", e.action,
         readable_changes(e), e.reason or "")
        for e in entries
    )
    return Table((w("seq"), w("when"), w("user"), w("record"), w("action"), w("changes"), w("reason")), rows,
                 widths=(6, 14, 13, 14, 9, 30, 14))
