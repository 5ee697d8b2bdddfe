"""Documents rendered from domain data: batch records and reports (`domain.documents.Document`) as DOCX
(python-docx) or PDF (Qt's PDF writer, QtGui only, never widgets)."""

from __future__ import annotations

from pathlib import Path

from domain.documents import Document, DocumentFormat

# The CJK font BatchTrace ships (fonts/README.md): embedded in PDFs, and the GUI's fallback for Chinese text on a
# desktop without one.
CJK_FONT_FILE = Path(__file__).with_name("fonts") / "DroidSansFallback.ttf"


def render(document: Document, file_format: DocumentFormat) -> bytes:
    """The document as the bytes of a file in the given format."""
    if file_format is DocumentFormat.DOCX:
        from reports.docx_writer import render_docx

        return render_docx(document)
    from reports.pdf_writer import render_pdf

    return render_pdf(document)


def paint(document: Document, device: object) -> None:
    """The document's pages on a Qt paged paint device: a printer or the print preview."""
    from reports.pdf_writer import paint_document

    paint_document(document, device)  # type: ignore[arg-type]
