"""The register of issued documents: which files BatchTrace generated, for what, by whom, with which SHA-256."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from domain.documents import IssuedDocument
from persistence import tables as t


class SqlDocumentRegister:
    def __init__(self, session: Session) -> None:
        self.session = session

    def add(self, obj: object) -> None:
        self.session.add(obj)

    def latest_revision(self, kind: str, subject: str) -> int:
        c = t.issued_documents.c
        found = self.session.scalar(select(func.max(c.revision)).where(c.kind == kind, c.subject == subject))
        return int(found or 0)

    def by_file_hash(self, file_sha256: str) -> IssuedDocument | None:
        c = t.issued_documents.c
        return self.session.scalars(
            select(IssuedDocument).where(c.file_sha256 == file_sha256).order_by(c.id).limit(1)
        ).first()

    def list(self, *, subject: str | None = None, limit: int = 200) -> Sequence[IssuedDocument]:
        c = t.issued_documents.c
        stmt = select(IssuedDocument).order_by(c.id.desc()).limit(limit)
        if subject:
            stmt = stmt.where(c.subject == subject.strip())
        return self.session.scalars(stmt).all()
