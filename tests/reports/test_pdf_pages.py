"""BatchTrace's own PDF pages (DOC-2): a section heading never stands alone at the foot of a page with its
content on the next."""

from __future__ import annotations

import io

import pypdf
import pytest

from domain.documents import Document, DocumentKind, Fields, PageWords, Paragraph, Section, Table
from reports.pdf_writer import render_pdf


def _document(filler: int) -> Document:
    rows = tuple((f"ROW{n:02d}", "value") for n in range(1, 6))
    sections = (Section("Filler", tuple(Paragraph(f"line {n}") for n in range(filler))),
                Section("KEPTHEADING", (Table(("Name", "Value"), rows),)))
    return Document(DocumentKind.BATCH_RECORD, "BR-X-R1", "en", "Pages", "Pages · BR-X-R1", Fields(()), sections,
                    PageWords("Page {page} of {pages}", "Content SHA-256", "CONTROLLED COPY"))


@pytest.mark.req("DOC-2")
def test_a_heading_shares_its_page_with_the_start_of_its_table() -> None:
    pages_seen = set()
    for filler in range(26, 38):  # the heading down the first page and over its end (31-33 orphaned it)
        reader = pypdf.PdfReader(io.BytesIO(render_pdf(_document(filler))))
        texts = [page.extract_text() or "" for page in reader.pages]
        heading = next(n for n, t in enumerate(texts) if "KEPTHEADING" in t)
        first_row = next(n for n, t in enumerate(texts) if "ROW01" in t)
        assert heading == first_row, filler
        pages_seen.add(heading)
    assert pages_seen == {0, 1}  # the heading was on the first page and, pushed, on the second


@pytest.mark.req("DOC-2")
@pytest.mark.parametrize("language", ["en", "zh"])
def test_copied_text_reads_as_printed_without_ligatures(language: str) -> None:
    """An inspector who searches or copies the PDF finds what is printed: hashes with "ff" and words with
    "fi"/"fl" are not joined into ligature glyphs (a hash like 0ff3... was unsearchable before)."""
    words = "read off the HMI · first flush · 0ff3ffa9e1ffff fflfi"
    sections = (Section("Check", (Paragraph(words), Table(("Name", "Value"), (("efficacy", words),)))),)
    doc = Document(DocumentKind.BATCH_RECORD, "BR-X-R1", language, "Pages", "Pages · BR-X-R1", Fields(()),
                   sections, PageWords("Page {page} of {pages}", "Content SHA-256", "CONTROLLED COPY"))
    text = " ".join((page.extract_text() or "") for page in pypdf.PdfReader(io.BytesIO(render_pdf(doc))).pages)
    flat = "".join(text.split())
    assert not set(flat) & {"\ufb00", "\ufb01", "\ufb02", "\ufb03", "\ufb04"}
    assert flat.count("".join(words.split())) == 2 and "efficacy" in flat
