"""A released batch with everything a batch record shows: two material lots from suppliers, finished lots,
QA review and release signatures, a label printed to a file through the print journal."""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from pathlib import Path

import pypdf
from docx import Document as read_docx

from app import batches, signatures
from app.documents.issuing import DocumentRequest, IssuedDocumentView, format_of, issue_document
from app.station_settings import DeviceSettings, PrinterSettings, TransportSetting
from domain.batches import BatchStatus
from domain.documents import DocumentKind
from tests.app.lots_support import Site, effective_mbr, released_lot, running_batch
from tests.app.signing import release_batch


@dataclass(frozen=True)
class ReleasedBatch:
    number: str
    material_lots: tuple[str, ...]
    supplier_lots: tuple[str, ...]
    output_lot: str
    signatures: tuple[signatures.SignatureView, ...]


def released_batch(site: Site, label_file: Path) -> ReleasedBatch:
    tube = released_lot(site, "TUBE", "6000", unit="m", supplier_lot="T-77").lot_number
    gel = released_lot(site, "GEL", "50", supplier="BETA", supplier_lot="G-42").lot_number
    effective_mbr(site, "SYR", [("TUBE", "0.05", "10"), ("GEL", "0.01", "10")])
    number = running_batch(site, "SYR", "100").batch_number
    u = site.ctx.uow
    batches.issue_material(u(), site.warehouse, number, tube, "5")
    batches.issue_material(u(), site.warehouse, number, gel, "1")
    output = batches.complete_batch(u(), site.production, number, "98").output_lots[0].lot_number
    printer = PrinterSettings("Line 1", "ZPL", TransportSetting("file", str(label_file)))
    site.ctx.devices.apply(DeviceSettings(printers=(printer,), default_printer="Line 1"))
    site.ctx.devices.labels.print_lot_label(u(), site.warehouse, output, copies=2)
    batches.change_batch_status(u(), site.production, number, BatchStatus.QC_TESTING, None)
    batches.change_batch_status(u(), site.qc, number, BatchStatus.QA_REVIEW, None)
    release_batch(site.ctx, site.qa, site.release, number)
    views = signatures.signatures_for(site.ctx.read_uow(), site.admin, "batch", number)
    return ReleasedBatch(number, (tube, gel), ("T-77", "G-42"), output, tuple(views))


def issue(site: Site, number: str, out: Path, *, kind: DocumentKind = DocumentKind.BATCH_RECORD,
          language: str = "en", controlled: bool = True) -> IssuedDocumentView:
    request = DocumentRequest(kind, number, format_of(out), language, controlled)
    return issue_document(site.ctx.uow(), site.qa, site.ctx.render_document, request, out)


def docx_text(path: Path) -> str:
    """Every paragraph and table cell of the body, then header and footer XML (fields included)."""
    doc = read_docx(str(path))
    parts = [p.text for p in doc.paragraphs]
    for table in doc.tables:
        for row in table.rows:
            parts.append(" | ".join(cell.text.replace("\n", " / ") for cell in row.cells))
    section = doc.sections[0]
    parts.append(section.header.paragraphs[0].text)
    parts.append(section.footer._element.xml)
    return "\n".join(parts)


def pdf_text(path: Path) -> tuple[str, int]:
    """The text of every page (whitespace collapsed, duplicated glyph runs of synthetic bold removed), the page
    count."""
    reader = pypdf.PdfReader(io.BytesIO(path.read_bytes()))
    pages = [page.extract_text() or "" for page in reader.pages]
    return " ".join(" ".join(p.split()) for p in pages), len(reader.pages)


def squeezed(text: str) -> str:
    """Whitespace removed: PDF text extraction breaks table cells at arbitrary points."""
    return re.sub(r"\s+", "", text)
