"""The results entry screen's use cases on both engines: several results saved at once (all or nothing), the
worklist in pages with its size, and the second-person review signed with re-authentication (QC-2, SIG-1)."""

from __future__ import annotations

import pytest

from app import quality
from app.quality import ResultInput
from app.result_review import sign_review
from app.signatures import SigningSession
from domain.errors import AuthenticationFailed, ReasonRequired, ValidationError
from tests.app.lots_support import PASSWORD, Site, receive, site_fixture, trail  # noqa: F401
from tests.app.test_quality import effective_res_spec, tables


@pytest.mark.req("QC-2", "DEV-1")
def test_a_save_of_several_results_is_all_or_nothing(site: Site) -> None:
    effective_res_spec(site)
    lot = receive(site, "RES").lot_number
    u = site.ctx.uow
    with pytest.raises(ValidationError, match="test ID: 'maybe' is neither Pass nor Fail"):
        quality.enter_results(u(), site.qc, "lot", lot, [ResultInput("VISC", ("9", "10")),
                                                         ResultInput("ID", ("maybe",))])
    with pytest.raises(ValidationError, match="test VISC is given twice"):
        quality.enter_results(u(), site.qc, "lot", lot, [ResultInput("VISC", ("9", "10")),
                                                         ResultInput("visc", ("9", "10"))])
    assert tables(site)["qc_results"] == 0  # the good VISC row of the refused save was not kept

    saved = quality.enter_results(u(), site.qc, "lot", lot, [ResultInput("VISC", ("13", "13.2")),
                                                             ResultInput("ID", ("Pass",))], instrument="MFI-02")
    assert [(r.test_code, r.reported, r.within_spec, r.instrument) for r in saved] == [
        ("VISC", "13.1", False, "MFI-02"), ("ID", "Pass", True, "MFI-02")]
    assert saved[0].deviation and saved[1].deviation is None  # the OOS opened its deviation in the same save
    # A save that corrects an earlier value needs the reason; with it, the correction and a new value go together.
    with pytest.raises(ReasonRequired):
        quality.enter_results(u(), site.qc, "lot", lot, [ResultInput("VISC", ("10", "10")),
                                                         ResultInput("COL", ("Clear",))])
    assert tables(site)["qc_results"] == 2
    quality.enter_results(u(), site.qc, "lot", lot, [ResultInput("VISC", ("10", "10")),
                                                     ResultInput("COL", ("Clear",))], reason="weighing error")
    assert tables(site)["qc_results"] == 3 and tables(site)["deviations"] == 1


@pytest.mark.req("QC-2")
def test_the_worklist_comes_in_pages_and_says_its_size(site: Site) -> None:
    effective_res_spec(site)
    numbers = [receive(site, "RES", supplier_lot=f"SL-{i}").lot_number for i in range(5)]
    read = site.ctx.read_uow
    assert quality.worklist_size(read(), site.qc) == 5
    assert quality.worklist_size(read(), site.qc, item_code="TUBE") == 0
    first = quality.worklist(read(), site.qc, limit=2)
    rest = quality.worklist(read(), site.qc, limit=10, offset=2)
    assert [r.record_id for r in first + rest] == numbers  # due the same day: in the order they arrived
    assert quality.worklist_size(read(), site.qc, text=numbers[3]) == 1


@pytest.mark.req("QC-2", "SIG-1", "ACC-6", "AUD-1")
def test_the_review_is_a_signature_by_a_second_person(site: Site) -> None:
    effective_res_spec(site)
    lot = receive(site, "RES").lot_number
    quality.enter_results(site.ctx.uow(), site.qc, "lot", lot, [ResultInput("VISC", ("9", "10")),
                                                                ResultInput("ID", ("Pass",))])
    u, auth = site.ctx.uow, site.ctx.auth
    with pytest.raises(AuthenticationFailed, match="first signing of a session needs both"):
        sign_review(u(), auth, SigningSession(site.qa), "lot", lot, PASSWORD)
    with pytest.raises(AuthenticationFailed):
        sign_review(u(), auth, SigningSession(site.qa), "lot", lot, "wrong", user_id_typed=site.qa.user_id)
    with pytest.raises(ValidationError, match="a second person reviews it"):
        sign_review(u(), auth, SigningSession(site.qc), "lot", lot, PASSWORD, user_id_typed=site.qc.user_id)
    assert {r.status for r in quality.quality_of(site.ctx.read_uow(), site.qa, "lot", lot).results} == {"Entered"}

    session = SigningSession(site.qa)
    reviewed = sign_review(u(), auth, session, "lot", lot, PASSWORD, user_id_typed=site.qa.user_id)
    assert {(r.status, r.reviewed_by) for r in reviewed} == {("Reviewed", site.qa.user_id)}
    assert session.signed_once  # the next signing of this session asks for the password alone
    signed = [e for e in trail(site, record_type="lot", record_id=lot) if e.action == "SIGN"]
    assert len(signed) == 1 and signed[0].user_id == site.qa.user_id
    assert "Reviewed" in signed[0].changes and "VISC 9.5 g/10min" in (signed[0].reason or "")
    with pytest.raises(ValidationError, match="no result waiting for review"):
        sign_review(u(), auth, session, "lot", lot, PASSWORD)
