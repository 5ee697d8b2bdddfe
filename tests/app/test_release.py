"""The release evaluation (QC-3): every rule passes or fails with its evidence, each can fail on its own, and
other modules add rules to the registry; on both engines."""

from __future__ import annotations

import pytest

from app import batches, deviations, quality, release
from app.ports import UnitOfWork
from domain.batches import BatchStatus, IssueRefused
from domain.errors import AccessDenied, ValidationError
from domain.quality import TestInput
from domain.release_rules import ReleaseSubject, RuleResult
from tests.app.change_support import effective_via_change
from tests.app.lots_support import (  # noqa: F401
    Site,
    effective_mbr,
    receive,
    released_lot,
    running_batch,
    site_fixture,
)
from tests.app.signing import close_deviation, reject, review_results

SYR_BOM = [("RES", "0.01", "5"), ("TUBE", "0.05", "10")]
SYR_TESTS = [TestInput("VOL", "Fill volume", "SOP-QC-010", "Numeric", "mL", "4.8", "5.2", 2, replicates=3),
             TestInput("STE", "Sterility", "Ph. Eur. 2.6.1", "Pass/fail")]


def failed(site: Site, number: str) -> list[str]:
    view = release.evaluate_release(site.ctx.read_uow(), site.qa, number)
    assert view.releasable == (not [r for r in view.rules if not r.passed])
    return [r.key for r in view.rules if not r.passed]


def batch_in_qc(site: Site) -> tuple[str, str, str]:
    """A syringe batch in QC testing with one refused issue's alert still open: (batch, resin lot, alert id)."""
    u = site.ctx.uow
    quality.create_spec(u(), site.qc, "SYR", "Syringe release", SYR_TESTS)
    effective_via_change(site.ctx, site, "spec", "SYR", 1)
    effective_mbr(site, "SYR", SYR_BOM)
    resin, tube = released_lot(site, "RES", "50").lot_number, released_lot(site, "TUBE", "100").lot_number
    quarantined = receive(site, "RES", supplier_lot="SL-Q").lot_number
    batch = running_batch(site, "SYR", "1000").batch_number
    batches.issue_material(u(), site.warehouse, batch, resin, "10")
    batches.issue_material(u(), site.warehouse, batch, tube, "50")
    with pytest.raises(IssueRefused):
        batches.issue_material(u(), site.warehouse, batch, quarantined, "1")
    alert = batches.open_alerts(site.ctx.read_uow(), site.qa, batch_number=batch)[0]
    batches.complete_batch(u(), site.production, batch, "1000")
    batches.change_batch_status(u(), site.production, batch, BatchStatus.QC_TESTING, None)
    return batch, resin, str(alert.id)


@pytest.mark.req("QC-3", "DEV-1", "LOT-7")
def test_each_release_rule_fails_on_its_own_and_says_why(site: Site) -> None:
    u = site.ctx.uow
    batch, resin, alert_id = batch_in_qc(site)
    assert failed(site, batch) == ["required_tests", "no_open_alert"]
    view = release.evaluate_release(site.ctx.read_uow(), site.qa, batch)
    assert view.rules[0].evidence == ("VOL: no result (4.8 – 5.2 mL)", "STE: no result (Pass)")

    quality.enter_result(u(), site.qc, "batch", batch, "VOL", ["5.01", "4.98", "5.03"], instrument="BAL-1")
    quality.enter_result(u(), site.qc, "batch", batch, "STE", ["Pass"])
    review_results(site.ctx, site.qa, "batch", batch)
    assert failed(site, batch) == ["no_open_alert"]  # alone
    alert_rule = next(r for r in release.evaluate_release(site.ctx.read_uow(), site.qa, batch).rules
                      if r.key == "no_open_alert")
    assert alert_rule.evidence[0].startswith(f"alert {alert_id}: lot ") and "not Released" in alert_rule.evidence[0]

    batches.acknowledge_alert(u(), site.qa, int(alert_id), "wrong pallet picked; returned to quarantine area")
    assert failed(site, batch) == []
    releasable = release.evaluate_release(site.ctx.read_uow(), site.qa, batch)
    assert releasable.outcome == "releasable"
    assert next(r for r in releasable.rules if r.key == "process").evidence == ("nothing blocks release",)

    dev = deviations.open_deviation(u(), site.production, "Line stop", "line stopped 40 min", "Minor",
                                    [("batch", batch)])
    assert failed(site, batch) == ["no_open_deviation"]  # alone
    deviations.start_investigation(u(), site.qa, dev.number)
    deviations.record_investigation(u(), site.qa, dev.number, investigation="power dip", root_cause_category=
                                    "Environment", root_cause="site power dip", disposition="no product impact")
    close_deviation(site.ctx, site.qa, dev.number, "closed")
    assert failed(site, batch) == []

    quality.enter_result(u(), site.qc, "batch", batch, "STE", ["Pass"], reason="re-read of the incubator log")
    assert failed(site, batch) == ["required_tests"]  # alone: the corrected result waits for review again
    review_results(site.ctx, site.qa, "batch", batch)
    assert failed(site, batch) == []

    reject(site.ctx, site.qa, "lot", resin, "supplier recalled the resin lot")
    assert failed(site, batch) == ["consumed_lots"]  # alone
    consumed = next(r for r in release.evaluate_release(site.ctx.read_uow(), site.qa, batch).rules
                    if r.key == "consumed_lots")
    assert consumed.evidence == (f"{resin} is Rejected now",)


@pytest.mark.req("QC-3", "QC-2", "DEV-1")
def test_an_out_of_spec_lot_is_blocked_by_its_result_and_its_deviation(site: Site) -> None:
    u = site.ctx.uow
    quality.create_spec(u(), site.qc, "TUBE", "Tubing", [TestInput("OD", "Outer diameter", "SOP-7", "Numeric",
                                                                   "mm", "4.0", "4.2", 2)])
    effective_via_change(site.ctx, site, "spec", "TUBE", 1)
    lot = receive(site, "TUBE").lot_number
    result = quality.enter_result(u(), site.qc, "lot", lot, "OD", ["4.31"])
    review_results(site.ctx, site.qa, "lot", lot)
    assert failed(site, lot) == ["required_tests", "no_open_deviation"]
    view = release.evaluate_release(site.ctx.read_uow(), site.qa, lot)
    assert view.rules[0].evidence == ("OD: 4.31 is out of spec (4 – 4.2 mm)",)
    assert view.rules[1].evidence[0].startswith(f"{result.deviation} (Major) is open")
    assert next(r for r in view.rules if r.key == "consumed_lots").evidence == ("a lot consumes no material",)
    assert next(r for r in view.rules if r.key == "process").evidence == ("a lot has no process record of its own",)


@pytest.mark.req("QC-3")
def test_another_module_adds_a_rule_to_every_evaluation(site: Site, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(release, "_RULES", list(release.rules()))
    lot = receive(site, "GEL", supplier_lot="G-1", supplier="BETA").lot_number

    def labels_reconciled(tx: UnitOfWork, subject: ReleaseSubject) -> RuleResult:
        return RuleResult("labels_reconciled", "Labels reconciled", False, (f"{subject.record_id}: 3 labels missing",))

    release.register_rule(labels_reconciled)
    release.register_rule(labels_reconciled)  # once only
    view = release.evaluate_release(site.ctx.read_uow(), site.qa, lot)
    assert [r.key for r in view.rules if r.key == "labels_reconciled"] == ["labels_reconciled"]
    assert view.rules[0].key == "labels_reconciled"
    tests = next(r for r in view.rules if r.key == "required_tests")
    assert tests.passed and tests.evidence == ("GEL has no specification: no QC test is required for release",)
    quality.create_spec(site.ctx.uow(), site.qc, "GEL", "Gel", [TestInput("VIS", "Viscosity", "SOP-9", "Pass/fail")])
    effective_via_change(site.ctx, site, "spec", "GEL", 1)
    view = release.evaluate_release(site.ctx.read_uow(), site.qa, lot)  # specified after the lot entered testing
    assert [r.key for r in view.rules if not r.passed] == ["required_tests", "labels_reconciled"]
    assert view.rules[0].evidence == ("no effective specification applied when it entered testing",)


@pytest.mark.req("QC-2", "LOT-8")
def test_a_batch_passes_to_qa_review_only_with_its_required_tests_reviewed_within_spec(site: Site) -> None:
    u = site.ctx.uow
    batch, _, _ = batch_in_qc(site)
    with pytest.raises(ValidationError, match=r"cannot pass to QA review: VOL: no result \(4.8 – 5.2 mL\); STE"):
        batches.change_batch_status(u(), site.qc, batch, BatchStatus.QA_REVIEW, None)
    quality.enter_result(u(), site.qc, "batch", batch, "VOL", ["5.01", "4.98", "5.03"])
    quality.enter_result(u(), site.qc, "batch", batch, "STE", ["Pass"])
    with pytest.raises(ValidationError, match=r"VOL: 5\.01 is not reviewed yet; STE: Pass is not reviewed yet"):
        batches.change_batch_status(u(), site.qc, batch, BatchStatus.QA_REVIEW, None)
    review_results(site.ctx, site.qa, "batch", batch)
    assert batches.change_batch_status(u(), site.qc, batch, BatchStatus.QA_REVIEW, None).status == "QA review"


@pytest.mark.req("LOT-7", "DEV-1")
def test_a_refused_issue_alert_is_escalated_to_one_deviation(site: Site) -> None:
    u = site.ctx.uow
    batch, resin, alert_id = batch_in_qc(site)
    with pytest.raises(AccessDenied):
        deviations.escalate_alert(u(), site.qc, int(alert_id), "Minor", "")
    dev = deviations.escalate_alert(u(), site.qa, int(alert_id), "Minor", "wrong pallet picked at the line")
    assert {k for k, _ in dev.links} == {"alert", "batch", "lot"} and ("batch", batch) in dev.links
    assert not batches.open_alerts(site.ctx.read_uow(), site.qa, batch_number=batch)
    with pytest.raises(ValidationError, match="already acknowledged"):
        deviations.escalate_alert(u(), site.qa, int(alert_id), "Minor", "")
    assert "no_open_deviation" in failed(site, batch)
    linked = deviations.link_records(u(), site.qa, dev.number, [("lot", resin)], "the resin lot on the same pallet")
    assert ("lot", resin) in linked.links
