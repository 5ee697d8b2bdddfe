"""QA's desk work on a deviation on both engines: the impact on other batches (the forward trace of what it
touches) and the closure signed with re-authentication (DEV-1, SIG-1)."""

from __future__ import annotations

import pytest

from app import batches, deviations
from app.deviation_review import deviation_impact, sign_closure
from app.signatures import SigningSession
from domain.errors import AccessDenied, AuthenticationFailed, ReasonRequired, ValidationError
from tests.app.lots_support import (  # noqa: F401
    PASSWORD,
    Site,
    effective_mbr,
    released_lot,
    running_batch,
    site_fixture,
    trail,
)


@pytest.mark.req("DEV-1", "TRC-1")
def test_the_impact_is_the_forward_trace_of_the_lots_it_touches(site: Site) -> None:
    resin = released_lot(site, "RES", "100").lot_number
    effective_mbr(site, "SYR", [("TUBE", "0.05", "10")])
    batch = running_batch(site, "SYR", "100").batch_number
    tube = released_lot(site, "TUBE", "50").lot_number
    batches.issue_material(site.ctx.uow(), site.production, batch, tube, "5")
    dev = deviations.open_deviation(site.ctx.uow(), site.qc, "Kinked tubing", "tubing kinked on the reel", "Major",
                                    [("lot", tube), ("lot", resin)])
    impact = {(i.kind, i.ref): i for i in deviation_impact(site.ctx.read_uow(), site.qa, dev.number)}
    assert impact[("lot", tube)].batches == 1  # the tubing went into the batch
    assert impact[("lot", resin)].batches == 0  # the resin lot went nowhere yet


@pytest.mark.req("DEV-1", "SIG-1", "AUD-1")
def test_qa_closes_a_deviation_with_a_signature(site: Site) -> None:
    u, auth = site.ctx.uow, site.ctx.auth
    lot = released_lot(site, "RES", "100").lot_number
    dev = deviations.open_deviation(u(), site.qc, "Torn bag", "one bag torn", "Minor", [("lot", lot)])
    deviations.start_investigation(u(), site.qc, dev.number)
    deviations.record_investigation(u(), site.qc, dev.number, investigation="carrier damage",
                                    root_cause_category="Material", root_cause="pallet wrap missing")
    qa = SigningSession(site.qa)
    with pytest.raises(ReasonRequired):
        sign_closure(u(), auth, qa, dev.number, PASSWORD, " ", user_id_typed=site.qa.user_id)
    with pytest.raises(AccessDenied):
        sign_closure(u(), auth, SigningSession(site.qc), dev.number, PASSWORD, "done", user_id_typed="cleo")
    with pytest.raises(ValidationError, match="record the disposition first"):
        sign_closure(u(), auth, qa, dev.number, PASSWORD, "done", user_id_typed=site.qa.user_id)
    deviations.record_investigation(u(), site.qa, dev.number, disposition="bag discarded, rest usable")
    with pytest.raises(AuthenticationFailed):
        sign_closure(u(), auth, qa, dev.number, "wrong", "done", user_id_typed=site.qa.user_id)
    assert deviations.get_deviation(site.ctx.read_uow(), site.qa, dev.number).status == "Investigation"
    closed = sign_closure(u(), auth, qa, dev.number, PASSWORD, "investigation complete, CAPA-7",
                          user_id_typed=site.qa.user_id)
    assert closed.status == "Closed" and closed.closed_at is not None
    signed = [e for e in trail(site, record_type="deviation", record_id=dev.number) if e.action == "SIGN"]
    assert len(signed) == 1 and signed[0].user_id == site.qa.user_id
    assert "Approved" in signed[0].changes and "bag discarded" in signed[0].changes
    assert signed[0].reason == "investigation complete, CAPA-7"
