"""The deviation report (DEV-1, DOC-2): the deviation, the records it is linked to, the investigation, each
status change with who, when and why, and its audit excerpt; read back from DOCX and PDF."""

from __future__ import annotations

from pathlib import Path

import pytest

from app import capa, deviation_review, deviations, quality
from app.signatures import SigningSession
from domain.documents import DocumentKind
from domain.errors import NotFound
from tests.app.lots_support import Site, site_fixture, trail
from tests.app.signing import SITE_PASSWORD
from tests.reports.document_site import capa_on, docx_text, issue, pdf_text, released_batch, squeezed

site = site_fixture


@pytest.mark.req("DEV-1", "DOC-2", "AUD-5")
def test_closed_oos_deviation_report_in_both_formats(site: Site, tmp_path: Path) -> None:
    batch = released_batch(site, tmp_path / "labels.zpl", tested=True)
    assert batch.deviation is not None
    dev = deviations.get_deviation(site.ctx.read_uow(), site.qa, batch.deviation)
    capa_number = capa_on(site, dev.number, closed=True)
    out = tmp_path / "dev.docx"
    view = issue(site, dev.number, out, kind=DocumentKind.DEVIATION_REPORT)
    assert view.number == f"DR-{dev.number}-R1"
    text = docx_text(out)
    assert f"Deviation report {dev.number}" in text
    assert f"Title | OOS: VOL 5.30 on batch {batch.number}" in text
    assert "Classification | Major" in text and "Status | Closed" in text
    assert f"Opened | Cleo Analyst (cleo) / {dev.opened_at.astimezone():%Y-%m-%d %H:%M:%S}" in text
    assert "Root cause | Measurement – balance not tared" in text
    assert "Disposition | retested, no product impact" in text and "Investigation | balance log checked" in text
    # linked records with what each is: the batch, the result (its value now: corrected within spec)
    result = next(r for r in quality.quality_of(site.ctx.read_uow(), site.qa, "batch", batch.number).results
                  if r.test_code == "VOL")
    assert f"Batch | {batch.number} | SYR, 100 pcs, Released" in text
    assert f"QC result | {result.id} | VOL: 5.01 mL (5.01; 4.98; 5.03), within spec" in text
    # each status change with who and why; the closure is QA's with its reason
    # its CAPA (DEV-2): actions with owner and evidence, the effectiveness check, QA's signed closure
    closed = capa.get_capa(site.ctx.read_uow(), site.qa, capa_number)
    assert f"CAPA | {capa_number}: Balance taring" in text
    assert "Effectiveness check | effective: no taring error in 3 months" in text
    assert closed.closed_at is not None
    assert f"Closed by (signed) | Rita Release (rita) / {closed.closed_at.astimezone():%Y-%m-%d %H:%M:%S}" in text
    assert "1 | Corrective | retrain analysts on taring | Cleo Analyst (cleo) |" in text
    assert "| training record TR-88" in text and "| balance firmware 2.1 installed" in text
    lines = text.splitlines()
    assert any("| Open → Investigation | Quinn Reviewer (quinn) |" in line for line in lines)
    assert any("| Investigation → Closed | Quinn Reviewer (quinn) | retest within spec" in line for line in lines)
    for entry in trail(site, record_type="deviation", record_id=dev.number):
        assert any(line.startswith(f"{entry.seq} |") for line in lines), entry
    assert f"Content SHA-256: {view.content_sha256}" in text and "CONTROLLED COPY" in text

    pdf_out = tmp_path / "dev.pdf"
    issue(site, dev.number, pdf_out, kind=DocumentKind.DEVIATION_REPORT, language="zh")
    pdf, pages = pdf_text(pdf_out)
    flat = squeezed(pdf)
    for fact in (f"偏差报告{dev.number}", "主要", "已关闭", "关联记录", "检验结果", "测量–balancenottared", "纠正",
                 "有效性检查", "调查中→已关闭", "retestwithinspec", "纠正预防措施", f"第1页，共{pages}页"):
        assert fact in flat, fact


@pytest.mark.req("DEV-1", "DOC-2")
def test_an_open_deviation_says_what_is_not_recorded_yet_and_an_unknown_one_is_refused(
        site: Site, tmp_path: Path) -> None:
    dev = deviations.open_deviation(site.ctx.uow(), site.production, "Line stop", "line stopped 40 min", "Minor")
    out = tmp_path / "open.docx"
    issue(site, dev.number, out, kind=DocumentKind.DEVIATION_REPORT)
    text = docx_text(out)
    assert "Status | Open" in text and "Closed | not closed" in text
    assert "Investigation | not recorded yet" in text and "Root cause | not recorded yet" in text
    assert any("| — → Open | Pat Production (pat) |" in line for line in text.splitlines())
    with pytest.raises(NotFound, match="no deviation DEV-NONE"):
        issue(site, "DEV-NONE", tmp_path / "x.pdf", kind=DocumentKind.DEVIATION_REPORT)
    assert not (tmp_path / "x.pdf").exists()


@pytest.mark.req("DEV-1", "DOC-2", "SIG-2")
def test_the_signed_qa_closure_is_printed_with_name_time_and_meaning(site: Site, tmp_path: Path) -> None:
    u = site.ctx.uow
    dev = deviations.open_deviation(u(), site.production, "Line stop", "line stopped 40 min", "Minor")
    deviations.start_investigation(u(), site.qa, dev.number)
    deviations.record_investigation(u(), site.qa, dev.number, investigation="power dip", root_cause_category=
                                    "Environment", root_cause="site power dip", disposition="no product impact")
    closed = deviation_review.sign_closure(u(), site.ctx.auth, SigningSession(site.qa), dev.number, SITE_PASSWORD,
                                           "CAPA-7 addresses the power supply", user_id_typed=site.qa.user_id)
    assert closed.closed_at is not None
    out = tmp_path / "closed.docx"
    issue(site, dev.number, out, kind=DocumentKind.DEVIATION_REPORT)
    text = docx_text(out)
    when = closed.closed_at.astimezone().strftime("%Y-%m-%d %H:%M:%S")
    row, = [line for line in text.splitlines() if line.startswith("Quinn Reviewer | quinn | ")]
    assert when in row and "| Approved | QA closure | CAPA-7 addresses the power supply" in row
    assert "Root cause | Environment – site power dip" in text
