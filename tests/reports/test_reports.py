"""Recall report (TRC-4), audit trail report (AUD-5) and certificate of analysis (DOC-2), read back."""

from __future__ import annotations

from pathlib import Path

import pytest

from app import recalls, shipments
from domain.documents import DocumentKind
from domain.errors import AccessDenied, ValidationError
from tests.app.lots_support import Site, site_fixture, trail
from tests.app.signing import release_lot
from tests.reports.document_site import ReleasedBatch, docx_text, issue, pdf_text, released_batch, squeezed

site = site_fixture


@pytest.fixture
def batch(site: Site, tmp_path: Path) -> ReleasedBatch:
    return released_batch(site, tmp_path / "labels.zpl")


@pytest.mark.req("TRC-4", "DOC-2")
def test_recall_report_has_trigger_scope_customers_with_addresses_and_progress(site: Site, batch: ReleasedBatch,
                                                                              tmp_path: Path) -> None:
    release_lot(site.ctx, site.qc, site.qa, batch.output_lot)
    shipment = shipments.ship(site.ctx.uow(), site.warehouse, "HOSP1", None,
                              [shipments.ShipmentLineInput(batch.output_lot, "40")]).shipment_number
    recall = recalls.open_recall(site.ctx.uow(), site.qa, batch.material_lots[0], "seal failure found by QC")
    recalls.record_progress(site.ctx.uow(), site.qa, recall.recall_number, "HOSP1",
                            recalls.NotificationStatus.NOTIFIED, "phoned the pharmacy", None)
    out = tmp_path / "recall.docx"
    issue(site, recall.recall_number, out, kind=DocumentKind.RECALL_REPORT)
    text = docx_text(out)
    assert f"Recall report {recall.recall_number}" in text and "seal failure found by QC" in text
    assert "HOSP1 City Hospital | 1 Main St, DE | " + shipment in text and "| 40 | 0 | Notified |" in text
    assert "0 of 1 customers completed" in text
    for number in (batch.material_lots[0], batch.number, batch.output_lot, shipment):
        assert number in text
    assert any("phoned the pharmacy" in line for line in text.splitlines())
    out_pdf = tmp_path / "recall.pdf"
    issue(site, recall.recall_number, out_pdf, kind=DocumentKind.RECALL_REPORT, language="zh")
    pdf, pages = pdf_text(out_pdf)
    flat = squeezed(pdf)  # pypdf puts a space inside some CJK words
    assert "召回报告" in flat and "需通知的客户" in flat and "CityHospital1MainSt,DE" in flat and "已通知" in flat
    assert f"第1页，共{pages}页" in flat


@pytest.mark.req("AUD-5", "DOC-2")
def test_audit_report_of_a_record_and_of_a_time_range(site: Site, batch: ReleasedBatch, tmp_path: Path) -> None:
    out = tmp_path / "audit.pdf"
    view = issue(site, f"batch:{batch.number}", out, kind=DocumentKind.AUDIT_REPORT)
    pdf, _ = pdf_text(out)
    flat = squeezed(pdf)
    entries = trail(site, record_type="batch", record_id=batch.number)
    assert entries and f"Entries {len(entries)}" in pdf
    for entry in entries:
        assert squeezed(f"{entry.user_name} ({entry.user_id})") in flat
    assert "intact:" in pdf and view.number == f"AR-batch-{batch.number}-R1"
    whole = tmp_path / "range.docx"
    issue(site, f"{site.today()}..{site.today()}", whole, kind=DocumentKind.AUDIT_REPORT)
    text = docx_text(whole)
    every = trail(site)
    assert sum(1 for line in text.splitlines() if line.split(" | ")[0].isdigit()) >= len(every) - 1
    with pytest.raises(ValidationError, match="TYPE:ID"):
        issue(site, "nonsense", tmp_path / "x.pdf", kind=DocumentKind.AUDIT_REPORT)
    with pytest.raises(ValidationError, match="ends before it starts"):
        issue(site, "2026-12-05..2026-12-01", tmp_path / "x.pdf", kind=DocumentKind.AUDIT_REPORT)


@pytest.mark.req("DOC-2", "SIG-2")
def test_certificate_of_analysis_only_for_a_released_lot(site: Site, batch: ReleasedBatch, tmp_path: Path) -> None:
    with pytest.raises(ValidationError, match="Quarantine: a certificate of analysis is issued for a released lot"):
        issue(site, batch.output_lot, tmp_path / "coa.pdf", kind=DocumentKind.CERTIFICATE)
    release_lot(site.ctx, site.qc, site.qa, batch.output_lot)
    out = tmp_path / "coa.docx"
    issue(site, batch.output_lot, out, kind=DocumentKind.CERTIFICATE)
    text = docx_text(out)
    assert f"Certificate of analysis {batch.output_lot}" in text and "09506000134352" in text
    assert batch.number in text and "Cleo Analyst | cleo" in text and "Quinn Reviewer | quinn" in text
    for sig in batch.signatures:
        assert f"{sig.printed_name} | {sig.user_id}" in text


@pytest.mark.req("ACC-4", "AUD-5")
def test_audit_report_needs_the_audit_right(site: Site, batch: ReleasedBatch, tmp_path: Path) -> None:
    from app.documents.issuing import DocumentRequest, issue_document
    from domain.documents import DocumentFormat

    with pytest.raises(AccessDenied):
        issue_document(site.ctx.uow(), site.production, site.ctx.render_document,
                       DocumentRequest(DocumentKind.AUDIT_REPORT, f"batch:{batch.number}", DocumentFormat.PDF),
                       tmp_path / "a.pdf")
    assert not (tmp_path / "a.pdf").exists()
