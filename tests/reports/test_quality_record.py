"""The batch record's quality part (DOC-1 with QC-1..QC-4, DEV-1): QC results against the specification version
that applied, deviations with their state, the release evaluation with each rule's verdict and evidence, and
the signed decision; read back from DOCX (python-docx) and PDF (pypdf) against the database."""

from __future__ import annotations

from pathlib import Path

import pytest

from app import batches, deviations, quality, release
from domain.batches import BatchStatus
from domain.documents import DocumentKind
from tests.app.change_support import effective_via_change
from tests.app.lots_support import Site, effective_mbr, released_lot, running_batch, site_fixture
from tests.app.signing import close_deviation, release_lot, review_results
from tests.reports.document_site import SYR_TESTS, capa_on, docx_text, issue, pdf_text, released_batch, squeezed

site = site_fixture


def _batch_in_qc_testing(site: Site, made: str) -> str:
    """A syringe batch under the SYR spec, made from one tube lot, in QC testing."""
    u = site.ctx.uow
    quality.create_spec(u(), site.qc, "SYR", "Syringe release", SYR_TESTS)
    effective_via_change(site.ctx, site, "spec", "SYR", 1)
    tube = released_lot(site, "TUBE", "600", unit="m").lot_number
    effective_mbr(site, "SYR", [("TUBE", "0.05", "10")])
    number = running_batch(site, "SYR", "100").batch_number
    batches.issue_material(u(), site.warehouse, number, tube, "5")
    batches.complete_batch(u(), site.production, number, made)
    batches.change_batch_status(u(), site.production, number, BatchStatus.QC_TESTING, None)
    return number


def _lines(text: str, start: str) -> list[str]:
    return [line for line in text.splitlines() if line.startswith(start)]


@pytest.mark.req("DOC-1", "QC-1", "QC-2", "QC-3", "QC-4", "DEV-1")
def test_results_deviation_evaluation_and_decision_of_a_released_batch(site: Site, tmp_path: Path) -> None:
    batch = released_batch(site, tmp_path / "labels.zpl", tested=True)
    assert batch.deviation is not None
    capa_number = capa_on(site, batch.deviation)
    out = tmp_path / "record.docx"
    issue(site, batch.number, out)
    text = docx_text(out)
    assert "Specification version | SYR spec v1: Syringe release" in text
    results = {r.test_code: r for r in quality.quality_of(site.ctx.read_uow(), site.qa, "batch", batch.number).results}
    vol, = _lines(text, "VOL Fill volume / SOP-QC-010 | 4.8 – 5.2 mL |")
    assert "5.01; 4.98; 5.03 | 5.01 mL | within spec | Cleo Analyst (cleo)" in vol
    assert "Quinn Reviewer (quinn)" in vol and results["VOL"].entered_at.astimezone().strftime("%H:%M:%S") in vol
    ste, = _lines(text, "STE Sterility / Ph. Eur. 2.6.1 | Pass |")
    assert "| Pass | within spec |" in ste
    # the OOS value corrected: its deviation closed, with root cause and disposition
    assert batch.deviation is not None
    dev = deviations.get_deviation(site.ctx.read_uow(), site.qa, batch.deviation)
    row, = _lines(text, f"{dev.number} | OOS: VOL 5.30 on batch {batch.number} |")
    assert dev.closed_at is not None
    assert f"| Major | Closed / {dev.closed_at.astimezone():%Y-%m-%d %H:%M:%S}" in row
    assert "| Measurement – balance not tared | retested, no product impact |" in row
    assert row.endswith(f"| {capa_number}: Open, 1 of 2 actions open")  # its CAPA and the CAPA's state
    # the release evaluation: every registered rule, passed, with its evidence
    view = release.evaluate_release(site.ctx.read_uow(), site.qa, batch.number)
    assert view.releasable and len(view.rules) == 5
    assert "Releasable: every rule passed" in text
    assert "The release rules as the release signatures bound them" in text  # not re-evaluated at generation
    for rule in view.rules:
        row, = _lines(text, f"{rule.title} | passed |")
        assert " / ".join(rule.evidence) in row
    assert "VOL: 5.01 within 4.8 – 5.2 mL, reviewed" in text
    # the decision: Released, by the two release signatures
    assert "Decision: Released, signed as follows." in text
    decision = text[text.index("Decision: Released"):]
    for sig in batch.signatures:
        assert f"{sig.printed_name} | {sig.user_id} |" in decision

    pdf_out = tmp_path / "record.pdf"
    issue(site, batch.number, pdf_out)
    flat = squeezed(pdf_text(pdf_out)[0])
    for fact in ("SYRspecv1:Syringerelease", "5.01;4.98;5.03", "withinspec",
                 dev.number, "Measurement–balancenottared", "Releasable:everyrulepassed",
                 "Decision:Released,signedasfollows.", *(squeezed(r.title) for r in view.rules)):
        assert fact in flat, fact


@pytest.mark.req("DOC-1", "QC-2", "QC-3", "DEV-1")
def test_a_batch_waiting_for_qa_shows_its_oos_open_deviation_failed_rules_and_no_decision(
        site: Site, tmp_path: Path) -> None:
    u = site.ctx.uow
    number = _batch_in_qc_testing(site, "97")
    oos = quality.enter_result(u(), site.qc, "batch", number, "VOL", ["5.41", "5.38", "5.40"])
    assert oos.deviation is not None

    docx_out, pdf_out = tmp_path / "r.docx", tmp_path / "r.pdf"
    issue(site, number, docx_out)
    text = docx_text(docx_out)
    vol, = _lines(text, "VOL Fill volume")
    assert "5.40 mL | OUT OF SPEC |" in vol and "not reviewed yet" in vol
    assert _lines(text, f"{oos.deviation} | OOS: VOL 5.40 on batch {number} | Major | Open |")
    assert "NOT releasable: the failed rules come first" in text
    failed = [r for r in release.evaluate_release(site.ctx.read_uow(), site.qa, number).rules if not r.passed]
    assert {r.key for r in failed} >= {"required_tests", "no_open_deviation"}
    rows = [line for line in text.splitlines() if " | FAILED | " in line]
    assert [line.split(" | ")[0] for line in rows] == [r.title for r in failed]  # failed first, in its order
    assert f"{oos.deviation} (Major) is open" in text
    assert "No release decision yet: the record is QC testing." in text

    issue(site, number, pdf_out, language="zh")
    flat = squeezed(pdf_text(pdf_out)[0])
    for fact in ("质量检验结果与标准", "超标", "尚未复核", oos.deviation, "未结", "不可放行", "未通过",
                 "全部必检项目均有已复核且符合标准的结果", "没有未关闭的相关偏差", "尚无放行决定"):
        assert fact in flat, fact


@pytest.mark.req("DOC-2", "QC-2")
def test_certificate_of_a_made_lot_shows_the_results_its_batch_was_tested_with(site: Site, tmp_path: Path) -> None:
    batch = released_batch(site, tmp_path / "labels.zpl", tested=True)
    release_lot(site.ctx, site.qc, site.qa, batch.output_lot)
    out = tmp_path / "coa.docx"
    issue(site, batch.output_lot, out, kind=DocumentKind.CERTIFICATE)
    text = docx_text(out)
    assert f"Tested as | Batch {batch.number}" in text and "SYR spec v1: Syringe release" in text
    assert _lines(text, "VOL Fill volume / SOP-QC-010 | 4.8 – 5.2 mL | 5.01; 4.98; 5.03 | 5.01 mL | within spec |")
    assert _lines(text, "STE Sterility / Ph. Eur. 2.6.1 | Pass | Pass | Pass | within spec |")


@pytest.mark.req("DOC-1", "QC-3", "QC-4", "SIG-2")
def test_a_release_over_a_failed_rule_shows_the_evaluation_signed_and_the_override_with_its_justification(
        site: Site, tmp_path: Path) -> None:
    from tests.app.test_release_decision import release_batch, second_qa

    u = site.ctx.uow
    number = _batch_in_qc_testing(site, "99")
    quality.enter_result(u(), site.qc, "batch", number, "VOL", ["5.01", "4.98", "5.03"])
    quality.enter_result(u(), site.qc, "batch", number, "STE", ["Pass"])
    review_results(site.ctx, site.qa, "batch", number)
    batches.change_batch_status(u(), site.qc, number, BatchStatus.QA_REVIEW, None)
    dev = deviations.open_deviation(u(), site.production, "Line stop", "line stopped 40 min", "Minor",
                                    [("batch", number)])
    release_batch(site, site.qa, number)
    release_batch(site, site.release, number)
    justification = "line stop before filling; no product impact, investigation continues"
    assert release_batch(site, second_qa(site), number, justification).completed
    # the deviation is closed afterwards: the record still shows the evaluation the signatures bound
    deviations.start_investigation(u(), site.qa, dev.number)
    deviations.record_investigation(u(), site.qa, dev.number, investigation="power dip", root_cause_category=
                                    "Environment", root_cause="site power dip", disposition="no product impact")
    close_deviation(site.ctx, site.qa, dev.number, "closed")

    out = tmp_path / "record.docx"
    issue(site, number, out)
    text = docx_text(out)
    assert "The release rules as the release signatures bound them" in text
    assert "NOT releasable: the failed rules come first" in text
    row, = _lines(text, "No open deviation touches it | FAILED |")
    assert f"{dev.number} (Minor) is open: Line stop" in row
    assert "Decision: Released, signed as follows." in text
    decision = text[text.index("Decision: Released"):]
    assert "Otto Override | otto |" in decision and "| QA override | valid" in decision
    assert f"Comment: Otto Override (otto) | {justification}" in decision
    assert _lines(text, f"{dev.number} | Line stop | Minor | Closed / ")  # the deviation as it is now


@pytest.mark.req("DOC-1", "QC-1")
def test_a_batch_of_an_item_without_specification_says_no_test_applied(site: Site, tmp_path: Path) -> None:
    batch = released_batch(site, tmp_path / "labels.zpl")
    out = tmp_path / "record.docx"
    issue(site, batch.number, out)
    text = docx_text(out)
    assert "No specification was effective for SYR when it entered QC testing: no QC test applied." in text
    assert "on the QC worklist" not in text and "No deviation is linked to this record." in text
