"""The recall report (app/documents/recall_report.py; TRC-4, DOC-2), read back from DOCX and PDF."""

from __future__ import annotations

from pathlib import Path

import pytest

from app import recalls, shipments
from domain.documents import DocumentKind
from tests.app.lots_support import Site
from tests.app.signing import release_lot
from tests.reports.document_site import ReleasedBatch, docx_text, issue, pdf_text, squeezed


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
