"""What the signature dialog shows before a batch step is signed, and every refusal said before a password is
typed (PRC-2, SIG-1, ACC-6), on both engines; asking writes nothing."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from app import process_steps
from app.signatures import SigningRequest, SigningSession
from app.step_signing import step_signing_request
from domain.errors import AccessDenied, ValidationError
from tests.app.lots_support import PASSWORD, Site, plain_connection, site_fixture, snapshot, trail  # noqa: F401
from tests.app.test_process_steps import process_site, sign


def request(site: Site, who: str, batch: str, step: int, meaning: str) -> SigningRequest:
    actor = {"production": site.production, "qa": site.qa, "warehouse": site.warehouse}[who]
    return step_signing_request(site.ctx.read_uow(), SigningSession(actor), batch, step, meaning)


@pytest.mark.req("PRC-2", "SIG-1")
def test_the_request_shows_the_step_and_refuses_what_sign_step_would(site: Site) -> None:
    batch = process_site(site)
    u = site.ctx.uow
    with pytest.raises(ValidationError, match="step 1 has not been started"):
        request(site, "production", batch, 1, "performed")
    process_steps.start_step(u(), site.production, batch, 1, "DRY-1")
    process_steps.record_value(u(), site.production, batch, 1, "Drying temperature", "126")
    with pytest.raises(ValidationError, match="step 1 lacks values for Drying time"):
        request(site, "production", batch, 1, "performed")
    with pytest.raises(ValidationError, match="step 1 asks for no verification"):
        request(site, "qa", batch, 1, "verified")
    with pytest.raises(AccessDenied):
        request(site, "warehouse", batch, 1, "performed")
    with pytest.raises(ValidationError, match="unknown step signature 'approved'"):
        request(site, "production", batch, 1, "approved")
    process_steps.record_value(u(), site.production, batch, 1, "Drying time", "4")
    before = snapshot(site.db_url, "signatures", "audit_log")
    asked = request(site, "production", batch, 1, "performed")
    assert snapshot(site.db_url, "signatures", "audit_log") == before  # asking writes nothing
    assert (asked.record_type, asked.record_id, asked.requirement, asked.meaning, asked.needs_comment) == (
        "batch_step", f"{batch}/1", "Performed", "Performed", False)
    assert dict(asked.key_values) == {
        "Batch": batch, "Step": "1: Dry the resin at 120 °C for 4 h", "Equipment": "DRY-1", "Room": "none",
        "Drying temperature": "126 °C (Out of limits)", "Drying time": "4 h (Within limits)"}
    assert asked.progress.summary() == "0 of 1 signatures: Performed missing"

    sign(site, "production", batch, 1, "performed")
    with pytest.raises(ValidationError, match="step 1 is already performed"):
        request(site, "production", batch, 1, "performed")
    process_steps.start_step(u(), site.production, batch, 2, "MM-1")
    process_steps.record_value(u(), site.production, batch, 2, "Melt temperature", "290")
    sign(site, "production", batch, 2, "performed")
    with pytest.raises(ValidationError, match="step 2 was performed by pat: a second person verifies it"):
        request(site, "production", batch, 2, "verified")
    verify = request(site, "qa", batch, 2, "verified")
    assert verify.progress.summary() == "1 of 2 signatures: Performed by Pat Production; Verified missing"
    assert (verify.requirement, verify.meaning) == ("Verified", "Reviewed")


@pytest.mark.req("PRC-2", "SIG-1")
def test_a_step_signature_keeps_its_comment(site: Site) -> None:
    batch = process_site(site)
    u = site.ctx.uow
    process_steps.start_step(u(), site.production, batch, 3)
    process_steps.sign_step(u(), site.ctx.auth, SigningSession(site.production), batch, 3, "performed", PASSWORD,
                            user_id_typed=site.production.user_id, comment="  20 of 20 without flash  ")
    with plain_connection(site.db_url) as c:
        signed = c.execute(text("SELECT requirement, comment FROM signatures WHERE record_type = 'batch_step'"))
        assert [tuple(r) for r in signed] == [("performed", "20 of 20 without flash")]
    sign_entry = trail(site, action="SIGN", record_type="batch_step")[-1]
    assert sign_entry.reason == "20 of 20 without flash"
