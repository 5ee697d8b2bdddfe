"""Release by exception as QA decides it (QC-4, SIG-3, SIG-5): `app.lots.release_lot`, `app.batches.release_batch`
and their rejections. Each release signature binds the evaluation made when it was applied; a failed rule blocks
the release until the QA override with a justification is signed by another QA person; a rejection is one signed
decision with a reason. On both engines."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from app import batches, deviations, lots, quality, signatures
from app.signatures import SigningResult, SigningSession
from domain.batches import BatchStatus
from domain.errors import ReasonRequired
from domain.quality import TestInput
from domain.signatures import SigningRefused
from domain.users import Actor, Role
from tests.app.change_support import effective_via_change
from tests.app.lots_support import (  # noqa: F401
    PASSWORD,
    Site,
    person,
    plain_connection,
    receive,
    site_fixture,
    trail,
)
from tests.app.signing import close_deviation, review_results
from tests.app.test_release import batch_in_qc, failed


def release_lot(site: Site, signer: Actor, number: str, comment: str | None = None) -> SigningResult:
    return lots.release_lot(site.ctx.uow(), site.ctx.auth, SigningSession(signer), number, PASSWORD,
                            user_id_typed=signer.user_id, comment=comment)


def release_batch(site: Site, signer: Actor, number: str, comment: str | None = None) -> SigningResult:
    return batches.release_batch(site.ctx.uow(), site.ctx.auth, SigningSession(signer), number, PASSWORD,
                                 user_id_typed=signer.user_id, comment=comment)


def missing(result: SigningResult) -> list[str]:
    return [i.label for i in result.progress.items if i.signed_by is None]


def second_qa(site: Site) -> Actor:
    return person(site.ctx, site.admin, "otto", "Otto Override", Role.QA_REVIEWER)


@pytest.mark.req("QC-4", "SIG-3")
def test_a_release_signature_binds_the_evaluation_it_was_shown(site: Site) -> None:
    u = site.ctx.uow
    quality.create_spec(u(), site.qc, "TUBE", "Tubing", [TestInput("OD", "Outer diameter", "SOP-7", "Numeric",
                                                                   "mm", "4.0", "4.2", 2)])
    effective_via_change(site.ctx, site, "spec", "TUBE", 1)
    number = receive(site, "TUBE").lot_number
    quality.enter_result(u(), site.qc, "lot", number, "OD", ["4.11"])
    review_results(site.ctx, site.qa, "lot", number)
    request = signatures.signing_request(site.ctx.read_uow(), SigningSession(site.qc), "lot", number, "Released")
    assert request.evaluation is not None and request.evaluation.releasable and not request.justification
    first = release_lot(site, site.qc, number)
    assert missing(first) == ["QA approval"]

    # The facts change after the QC review: that signature was for another evaluation and no longer counts.
    dev = deviations.open_deviation(u(), site.production, "Pallet wet", "water on the pallet", "Minor",
                                    [("lot", number)])
    progress = signatures.signing_progress(site.ctx.read_uow(), site.qa, "lot", number, "Released")
    assert [i.label for i in progress.items] == ["QC review", "QA approval", "QA override"]
    assert progress.applied == 0
    with pytest.raises(SigningRefused, match="needs the QC review"):
        release_lot(site, site.qa, number)
    kept = signatures.signatures_for(site.ctx.read_uow(), site.qa, "lot", number)
    assert [(s.user_id, s.valid, s.evaluation) for s in kept] == [("cleo", True, ("releasable",))]

    deviations.start_investigation(u(), site.qa, dev.number)
    deviations.record_investigation(u(), site.qa, dev.number, investigation="roof leak", root_cause_category=
                                    "Environment", root_cause="roof leak", disposition="outer wrap replaced")
    close_deviation(site.ctx, site.qa, dev.number, "closed")
    # Closed: the evaluation is again exactly the one the QC review signed, so that signature counts again.
    assert signatures.signing_progress(site.ctx.read_uow(), site.qa, "lot", number, "Released").applied == 1
    done = release_lot(site, site.qa, number)
    assert done.completed and done.status == "Released"

    with plain_connection(site.db_url) as c:
        rows = c.execute(text("SELECT user_id, evaluation FROM signatures WHERE record_id = :n ORDER BY id"),
                         {"n": number}).all()
    assert [r[0] for r in rows] == ["cleo", "quinn"] and rows[0][1] == rows[1][1]
    bound = json.loads(rows[-1][1])
    assert bound["outcome"] == "releasable"
    assert {r["rule"]: r["passed"] for r in bound["rules"]}["no_open_deviation"] is True
    evidence = {r["rule"]: r["evidence"] for r in bound["rules"]}
    assert evidence["required_tests"][1] == "OD: 4.11 within 4 – 4.2 mm, reviewed"
    signed = [e.change_map() for e in trail(site, record_type="lot", record_id=number) if e.action == "SIGN"]
    assert signed[0]["signature"][1] == "QC results review: Reviewed"  # the results review is signed too (SIG-1)
    assert [json.loads(e["release_evaluation"][1]) for e in signed[1:]] == [bound, bound]


@pytest.mark.req("QC-4", "QC-3", "SIG-5", "DEV-1", "LOT-7")
def test_each_failed_rule_blocks_the_release_until_a_second_qa_person_overrides_with_a_justification(
        site: Site) -> None:
    u = site.ctx.uow
    batch, resin, alert_id = batch_in_qc(site)
    quality.enter_result(u(), site.qc, "batch", batch, "VOL", ["5.01", "4.98", "5.03"])
    quality.enter_result(u(), site.qc, "batch", batch, "STE", ["Pass"])
    review_results(site.ctx, site.qa, "batch", batch)
    batches.change_batch_status(u(), site.qc, batch, BatchStatus.QA_REVIEW, None)

    def blocked_by(rule: str) -> None:
        assert failed(site, batch) == [rule]
        release_batch(site, site.qa, batch)
        result = release_batch(site, site.release, batch)
        assert not result.completed and result.status == "QA review"
        assert missing(result) == ["QA override"]

    blocked_by("no_open_alert")
    batches.acknowledge_alert(u(), site.qa, int(alert_id), "wrong pallet picked; returned to quarantine area")
    dev = deviations.open_deviation(u(), site.production, "Line stop", "line stopped 40 min", "Minor",
                                    [("batch", batch)])
    blocked_by("no_open_deviation")
    deviations.start_investigation(u(), site.qa, dev.number)
    deviations.record_investigation(u(), site.qa, dev.number, investigation="power dip", root_cause_category=
                                    "Environment", root_cause="site power dip", disposition="no product impact")
    close_deviation(site.ctx, site.qa, dev.number, "closed")
    lots.reject_lot(u(), site.ctx.auth, SigningSession(site.qa), resin, PASSWORD, "supplier recalled the resin",
                    user_id_typed="quinn")
    blocked_by("consumed_lots")

    otto = second_qa(site)
    request = signatures.signing_request(site.ctx.read_uow(), SigningSession(otto), "batch", batch, "Released")
    assert request.justification and request.needs_comment and request.requirement == "QA override"
    assert request.evaluation is not None and [r.key for r in request.evaluation.rules if not r.passed] == [
        "consumed_lots"]
    with pytest.raises(ReasonRequired, match="needs a justification: Every consumed lot"):
        release_batch(site, otto, batch)
    with pytest.raises(SigningRefused, match="the QA override must be signed by a different person"):
        release_batch(site, site.qa, batch, "I signed the review as well")
    done = release_batch(site, otto, batch, "resin lot rejected for its CoA only; retained samples passed")
    assert done.completed and done.status == "Released"
    override = signatures.signatures_for(site.ctx.read_uow(), otto, "batch", batch)[-1]
    assert (override.requirement, override.user_id, override.valid) == ("QA override", "otto", True)
    assert override.comment == "resin lot rejected for its CoA only; retained samples passed"
    assert override.evaluation == ("not releasable: 1 rule failed", f"consumed_lots: {resin} is Rejected now")


@pytest.mark.req("QC-4", "QC-3", "SIG-5")
def test_a_lot_without_its_required_results_is_released_only_over_an_override(site: Site) -> None:
    u = site.ctx.uow
    quality.create_spec(u(), site.qc, "TUBE", "Tubing", [TestInput("OD", "Outer diameter", "SOP-7", "Numeric",
                                                                   "mm", "4.0", "4.2", 2)])
    effective_via_change(site.ctx, site, "spec", "TUBE", 1)
    number = receive(site, "TUBE").lot_number
    assert failed(site, number) == ["required_tests"]
    release_lot(site, site.qc, number)
    result = release_lot(site, site.qa, number)
    assert not result.completed and missing(result) == ["QA override"]
    waiting = signatures.pending_for(site.ctx.read_uow(), site.release)  # "Waiting for my signature"
    assert [(p.record_id, p.requirement) for p in waiting if p.record_id == number] == [(number, "QA override")]
    assert not [p for p in signatures.pending_for(site.ctx.read_uow(), site.qa) if p.record_id == number]
    with pytest.raises(ReasonRequired, match="justification"):
        release_lot(site, site.release, number, "  ")
    done = release_lot(site, site.release, number, "supplier CoA accepted under CC-12 while the gauge is repaired")
    assert done.completed and done.status == "Released"
    shown = signatures.signatures_for(site.ctx.read_uow(), site.qa, "lot", number)
    assert [(s.requirement, s.user_id) for s in shown] == [("QC review", "cleo"), ("QA approval", "quinn"),
                                                           ("QA override", "rita")]
    assert {s.evaluation[0] for s in shown} == {"not releasable: 1 rule failed"}


@pytest.mark.req("QC-4", "SIG-5")
def test_a_rejection_is_one_signed_decision_with_a_reason_whatever_the_evaluation(site: Site) -> None:
    batch, _, _ = batch_in_qc(site)
    batches.change_batch_status(site.ctx.uow(), site.qa, batch, BatchStatus.ON_HOLD, "sterility suspect")
    session = SigningSession(site.release)
    with pytest.raises(ReasonRequired):
        batches.reject_batch(site.ctx.uow(), site.ctx.auth, session, batch, PASSWORD, " ", user_id_typed="rita")
    done = batches.reject_batch(site.ctx.uow(), site.ctx.auth, session, batch, PASSWORD, "sterility failure",
                                user_id_typed="rita")
    assert done.completed and done.status == "Rejected" and done.signature.evaluation == ()


@pytest.mark.req("QC-4", "AUD-2")
def test_the_database_refuses_rewriting_the_evaluation_a_signature_bound(site: Site) -> None:
    number = receive(site, "GEL", supplier="BETA").lot_number
    release_lot(site, site.qc, number)
    with pytest.raises(DBAPIError, match="append-only"), plain_connection(site.db_url) as c:
        c.execute(text("UPDATE signatures SET evaluation = '{\"outcome\":\"releasable\",\"rules\":[]}'"))
    assert release_lot(site, site.qa, number).completed
