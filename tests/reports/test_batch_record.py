"""The batch record (DOC-1, DOC-2) read back: DOCX with python-docx, PDF with pypdf, against the database."""

from __future__ import annotations

import hashlib
from importlib.metadata import version
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from app.documents.issuing import DocumentRequest, build_document, issued_documents, verify_document
from domain.documents import DocumentFormat, DocumentKind
from domain.errors import AccessDenied, NotFound, ValidationError
from domain.users import SYSTEM_ACTOR
from tests.app.lots_support import Site, plain_connection, trail
from tests.reports.document_site import ReleasedBatch, docx_text, issue, pdf_text, squeezed


def _local(view_at) -> str:  # type: ignore[no-untyped-def]
    return view_at.astimezone().strftime("%Y-%m-%d %H:%M:%S")


@pytest.mark.req("DOC-1", "DOC-2", "SIG-2", "AUD-5")
def test_docx_batch_record_holds_every_lot_signature_page_field_and_checksum(site: Site, batch: ReleasedBatch,
                                                                             tmp_path: Path) -> None:
    out = tmp_path / "record.docx"
    view = issue(site, batch.number, out)
    text = docx_text(out)
    assert f"Batch record {batch.number}" in text
    assert "SYR Syringe 5 mL" in text and "09506000134352" in text
    for lot in (*batch.material_lots, *batch.supplier_lots, batch.output_lot):
        assert lot in text, lot
    assert "Acme Polymers" in text and "Beta Silicones" in text
    assert "100 pcs" in text and "98 pcs" in text and "98.0 %" in text
    assert len(batch.signatures) == 2
    for sig in batch.signatures:
        row = next(line for line in text.splitlines() if line.startswith(sig.printed_name + " |"))
        assert sig.user_id in row and _local(sig.at) in row and sig.meaning in row and "valid" in row
    # label reconciliation: the output lot's 2 printed copies from the print journal
    assert any(line.startswith(f"{batch.output_lot} | 1 | 2 | 0") for line in text.splitlines())
    # audit excerpt: the batch's own entries, with the release signatures' SIGN entries
    batch_entries = trail(site, record_type="batch", record_id=batch.number)
    for entry in batch_entries:
        assert any(line.startswith(f"{entry.seq} |") for line in text.splitlines()), entry
    assert 'PAGE' in text and 'NUMPAGES' in text and "CONTROLLED COPY" in text
    assert f"entry {view.audit_seq}, hash {view.audit_hash}" in text
    assert f"Content SHA-256: {view.content_sha256}" in text
    assert f"Generated with | BatchTrace {version('batchtrace')}" in text  # the one version number (issue 15)
    assert view.file_sha256 == hashlib.sha256(out.read_bytes()).hexdigest()
    # the checksum printed is the one of the document's content, recomputed from the database
    again = build_document(site.ctx.read_uow(), site.qa,
                           DocumentRequest(DocumentKind.BATCH_RECORD, batch.number, DocumentFormat.DOCX))
    assert again.number.endswith("-R2")  # the next one would be revision 2


@pytest.mark.req("DOC-1", "DOC-2", "SIG-2")
def test_pdf_batch_record_has_the_same_facts_and_page_x_of_y(site: Site, batch: ReleasedBatch,
                                                             tmp_path: Path) -> None:
    out = tmp_path / "record.pdf"
    view = issue(site, batch.number, out)
    text, pages = pdf_text(out)
    flat = squeezed(text)
    assert pages >= 2
    for n in range(1, pages + 1):
        assert f"Page {n} of {pages}" in text
    for lot in (*batch.material_lots, *batch.supplier_lots, batch.output_lot):
        assert squeezed(lot) in flat, lot
    for sig in batch.signatures:
        assert squeezed(sig.printed_name) in flat and squeezed(_local(sig.at)) in flat
        assert squeezed(sig.meaning) in flat
    assert squeezed(view.content_sha256) in flat and squeezed(view.audit_hash) in flat
    assert view.number in text and "CONTROLLED COPY" in text
    assert squeezed(f"Generated with BatchTrace {version('batchtrace')}") in flat


@pytest.mark.req("DOC-2")
def test_chinese_batch_record_in_both_formats(site: Site, batch: ReleasedBatch, tmp_path: Path) -> None:
    docx_out, pdf_out = tmp_path / "zh.docx", tmp_path / "zh.pdf"
    issue(site, batch.number, docx_out, language="zh", controlled=False)
    issue(site, batch.number, pdf_out, language="zh", controlled=False)
    text = docx_text(docx_out)
    assert f"批生产记录 {batch.number}" in text and "非受控副本" in text and "电子签名" in text
    assert f"生成软件 | BatchTrace {version('batchtrace')}" in text
    pdf, pages = pdf_text(pdf_out)
    assert "批生产记录" in pdf and "非受控副本" in pdf and "电子签名" in pdf
    for n in range(1, pages + 1):
        assert f"第{n}页，共{pages}页" in squeezed(pdf)
    for sig in batch.signatures:
        assert squeezed(sig.printed_name) in squeezed(pdf)


@pytest.mark.req("DOC-2")
def test_docx_names_east_asian_fonts_for_word_and_libreoffice(site: Site, batch: ReleasedBatch,
                                                              tmp_path: Path) -> None:
    import zipfile

    out = tmp_path / "zh.docx"
    issue(site, batch.number, out, language="zh")
    styles = zipfile.ZipFile(out).read("word/styles.xml").decode()
    assert 'w:eastAsia="SimSun"' in styles and 'w:ascii="Arial"' in styles and 'w:eastAsia="zh-CN"' in styles


@pytest.mark.req("DOC-1", "AUD-1")
def test_each_issue_is_registered_audited_and_verified_and_an_edited_copy_is_not(
        site: Site, batch: ReleasedBatch, tmp_path: Path) -> None:
    first = issue(site, batch.number, tmp_path / "a.pdf")
    second = issue(site, batch.number, tmp_path / "b.docx")
    assert (first.revision, second.revision) == (1, 2)
    assert [d.number for d in issued_documents(site.ctx.read_uow(), site.qa, batch.number)] == [
        second.number, first.number]
    created = trail(site, record_type="document", action="CREATE")
    assert [(e.record_id, e.user_id) for e in created] == [(first.number, "quinn"), (second.number, "quinn")]
    assert first.file_sha256 in created[0].changes
    for name, view in (("a.pdf", first), ("b.docx", second)):
        found = verify_document(site.ctx.read_uow(), SYSTEM_ACTOR, tmp_path / name)
        assert found.genuine and found.issued == view
    edited = tmp_path / "edited.docx"
    data = bytearray((tmp_path / "b.docx").read_bytes())
    data[len(data) // 2] ^= 1
    edited.write_bytes(bytes(data))
    assert not verify_document(site.ctx.read_uow(), SYSTEM_ACTOR, edited).genuine


@pytest.mark.req("DOC-1", "ACC-4")
def test_bad_requests_are_refused_and_leave_nothing(site: Site, batch: ReleasedBatch, tmp_path: Path) -> None:
    with pytest.raises(NotFound, match="no batch B-NONE"):
        issue(site, "B-NONE", tmp_path / "x.pdf")
    with pytest.raises(ValidationError, match=r"\.docx or \.pdf"):
        issue(site, batch.number, tmp_path / "x.txt")
    with pytest.raises(ValidationError, match="does not exist"):
        issue(site, batch.number, tmp_path / "missing" / "x.pdf")
    with pytest.raises(ValidationError, match="English"):
        issue(site, batch.number, tmp_path / "x.pdf", language="fr")
    from app.documents.issuing import issue_document

    with pytest.raises(AccessDenied):
        issue_document(site.ctx.uow(), site.warehouse, site.ctx.render_document,
                       DocumentRequest(DocumentKind.BATCH_RECORD, batch.number, DocumentFormat.PDF), tmp_path / "w.pdf")
    assert not [p.name for p in tmp_path.iterdir() if p.suffix in (".pdf", ".docx", ".partial", ".txt")]
    assert issued_documents(site.ctx.read_uow(), site.qa) == []


@pytest.mark.req("DOC-1", "AUD-2")
def test_the_register_refuses_raw_sql_update_and_delete(site: Site, batch: ReleasedBatch, tmp_path: Path) -> None:
    view = issue(site, batch.number, tmp_path / "a.docx")
    for statement in ("UPDATE issued_documents SET file_sha256 = 'forged'",
                      "DELETE FROM issued_documents"):
        with pytest.raises(DBAPIError), plain_connection(site.db_url) as c:
            c.execute(text(statement))
    found = verify_document(site.ctx.read_uow(), SYSTEM_ACTOR, tmp_path / "a.docx")
    assert found.issued == view
