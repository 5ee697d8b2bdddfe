"""A released batch with everything a batch record shows: two material lots from suppliers, finished lots,
QA review and release signatures, a label printed to a file through the print journal; tested under a
specification with an out-of-spec result corrected and its deviation closed, when asked."""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

import pypdf
from docx import Document as read_docx

from app import batches, capa, deviations, quality, signatures
from app.documents.issuing import DocumentRequest, IssuedDocumentView, format_of, issue_document
from app.signatures import SigningSession
from app.station_settings import DeviceSettings, PrinterSettings, TransportSetting
from domain.batches import BatchStatus
from domain.documents import DocumentKind
from domain.quality import TestInput
from tests.app.change_support import effective_via_change
from tests.app.lots_support import Site, effective_mbr, released_lot, running_batch
from tests.app.signing import SITE_PASSWORD, close_deviation, release_batch, review_results


@dataclass(frozen=True)
class ReleasedBatch:
    number: str
    material_lots: tuple[str, ...]
    supplier_lots: tuple[str, ...]
    output_lot: str
    signatures: tuple[signatures.SignatureView, ...]
    deviation: str | None = None  # the OOS deviation of a tested batch, closed


SYR_TESTS = [TestInput("VOL", "Fill volume", "SOP-QC-010", "Numeric", "mL", "4.8", "5.2", 2, replicates=3),
             TestInput("STE", "Sterility", "Ph. Eur. 2.6.1", "Pass/fail")]


def qc_with_corrected_oos(site: Site, number: str) -> str:
    """QC of a batch in QC testing: fill volume out of spec first (its deviation opens), corrected with a
    reason, sterility passed, both reviewed; the deviation investigated and closed. Returns its number."""
    u = site.ctx.uow
    oos = quality.enter_result(u(), site.qc, "batch", number, "VOL", ["5.31", "5.29", "5.30"], instrument="BAL-1")
    assert oos.deviation is not None
    quality.enter_result(u(), site.qc, "batch", number, "VOL", ["5.01", "4.98", "5.03"], instrument="BAL-1",
                         reason="balance was not tared")
    quality.enter_result(u(), site.qc, "batch", number, "STE", ["Pass"])
    review_results(site.ctx, site.qa, "batch", number)
    deviations.start_investigation(u(), site.qa, oos.deviation)
    deviations.record_investigation(u(), site.qa, oos.deviation, investigation="balance log checked",
                                    root_cause_category="Measurement", root_cause="balance not tared",
                                    disposition="retested, no product impact")
    close_deviation(site.ctx, site.qa, oos.deviation, "retest within spec")
    return oos.deviation


def capa_on(site: Site, deviation: str, *, closed: bool = False) -> str:
    """A CAPA from the deviation: a corrective action done by Cleo with its evidence and a preventive one of
    Quinn's; with `closed`, that one done too, found effective and closed by QA with a signature."""
    u, later = site.ctx.uow, site.today() + timedelta(days=30)
    number = capa.open_capa(u(), site.qa, "Balance taring", "tare before every weighing", later, deviation).number
    capa.add_action(u(), site.qa, number, "Corrective", "retrain analysts on taring", "cleo", later)
    capa.add_action(u(), site.qa, number, "Preventive", "auto-tare on the balance", "quinn", later)
    capa.close_action(u(), site.qc, number, 1, "training record TR-88")
    if closed:
        capa.close_action(u(), site.qa, number, 2, "balance firmware 2.1 installed")
        capa.record_effectiveness(u(), site.qa, number, True, "no taring error in 3 months")
        capa.close_capa(u(), site.ctx.auth, SigningSession(site.release), number, SITE_PASSWORD,
                        user_id_typed=site.release.user_id)
    return number


def released_batch(site: Site, label_file: Path, *, tested: bool = False) -> ReleasedBatch:
    if tested:
        quality.create_spec(site.ctx.uow(), site.qc, "SYR", "Syringe release", SYR_TESTS)
        effective_via_change(site.ctx, site, "spec", "SYR", 1)
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
    deviation = qc_with_corrected_oos(site, number) if tested else None
    batches.change_batch_status(u(), site.qc, number, BatchStatus.QA_REVIEW, None)
    release_batch(site.ctx, site.qa, site.release, number)
    views = signatures.signatures_for(site.ctx.read_uow(), site.admin, "batch", number)
    return ReleasedBatch(number, (tube, gel), ("T-77", "G-42"), output, tuple(views), deviation)


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
