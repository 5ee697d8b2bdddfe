"""The document model: the content checksum covers everything a document shows (DOC-1)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from domain.documents import (
    Document,
    DocumentFormat,
    DocumentKind,
    Fields,
    Image,
    PageWords,
    Paragraph,
    Section,
    Table,
)


def _doc(**changes: object) -> Document:
    base = Document(DocumentKind.BATCH_RECORD, "BR-B1-R1", "en", "Batch record B1", "Batch record B1 · BR-B1-R1",
                    Fields((("Revision", "1"),)),
                    (Section("Materials", (Paragraph("text"), Table(("Lot", "Qty"), (("L-1", "5 kg"),)),
                                           Image(b"png", "chart"))),),
                    PageWords("Page {page} of {pages}", "Content SHA-256", "CONTROLLED COPY"))
    return replace(base, **changes)  # type: ignore[arg-type]


@pytest.mark.req("DOC-1")
def test_the_content_checksum_changes_with_any_shown_detail() -> None:
    doc = _doc()
    assert len(doc.content_sha256) == 64 and doc.content_sha256 == _doc().content_sha256
    changed = [
        _doc(title="Batch record B2"),
        _doc(identity=Fields((("Revision", "2"),))),
        _doc(words=PageWords("Page {page} of {pages}", "Content SHA-256", "UNCONTROLLED COPY")),
        _doc(sections=(Section("Materials", (Table(("Lot", "Qty"), (("L-1", "6 kg"),)),)),)),
        _doc(sections=(Section("Materials", (Table(("Lot", "Qty"), (("L-1", "5 kg"),), frozenset({0})),)),)),
        _doc(sections=(Section("Materials", (Image(b"other png", "chart"),)),)),
    ]
    assert len({doc.content_sha256, *(d.content_sha256 for d in changed)}) == len(changed) + 1


def test_tables_and_formats_refuse_what_they_cannot_hold() -> None:
    with pytest.raises(ValueError, match="a row of 1 cells in a table of 2 columns"):
        Table(("Lot", "Qty"), (("L-1",),))
    assert DocumentFormat.of_path("x.PDF") is DocumentFormat.PDF
    with pytest.raises(ValueError, match="odt"):
        DocumentFormat.of_path("x.odt")
