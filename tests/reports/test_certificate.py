"""The certificate of analysis (app/documents/certificate.py; DOC-2, SIG-2): only for a released lot, read back."""

from __future__ import annotations

from pathlib import Path

import pytest

from domain.documents import DocumentKind
from domain.errors import ValidationError
from tests.app.lots_support import Site
from tests.app.signing import release_lot
from tests.reports.document_site import ReleasedBatch, docx_text, issue


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
