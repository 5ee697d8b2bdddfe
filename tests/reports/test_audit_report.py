"""The audit trail report (app/documents/audit_report.py; AUD-5, DOC-2) of a record and of a time range, read back;
only with the audit right (ACC-4)."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

from domain.documents import DocumentKind
from domain.errors import AccessDenied, ValidationError
from tests.app.lots_support import Site, trail
from tests.reports.document_site import ReleasedBatch, docx_text, issue, pdf_text, squeezed


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
    yesterday = site.today() - timedelta(days=1)  # the site was built moments ago, perhaps before midnight
    issue(site, f"{yesterday}..{site.today()}", whole, kind=DocumentKind.AUDIT_REPORT)
    text = docx_text(whole)
    every = trail(site)
    assert sum(1 for line in text.splitlines() if line.split(" | ")[0].isdigit()) >= len(every) - 1
    with pytest.raises(ValidationError, match="TYPE:ID"):
        issue(site, "nonsense", tmp_path / "x.pdf", kind=DocumentKind.AUDIT_REPORT)
    with pytest.raises(ValidationError, match="ends before it starts"):
        issue(site, "2026-12-05..2026-12-01", tmp_path / "x.pdf", kind=DocumentKind.AUDIT_REPORT)


@pytest.mark.req("ACC-4", "AUD-5")
def test_audit_report_needs_the_audit_right(site: Site, batch: ReleasedBatch, tmp_path: Path) -> None:
    from app.documents.issuing import DocumentRequest, issue_document
    from domain.documents import DocumentFormat

    with pytest.raises(AccessDenied):
        issue_document(site.ctx.uow(), site.production, site.ctx.render_document,
                       DocumentRequest(DocumentKind.AUDIT_REPORT, f"batch:{batch.number}", DocumentFormat.PDF),
                       tmp_path / "a.pdf")
    assert not (tmp_path / "a.pdf").exists()
