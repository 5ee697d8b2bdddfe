"""Electronic signatures as use cases, on both engines: signing rules on the lot and batch workflows,
re-authentication and lock-out, the content hash and its invalidation, append-only storage, site tightening,
and the pending list (SIG-1..SIG-5, ACC-3, ACC-5, ACC-6)."""

from __future__ import annotations

from datetime import UTC, timedelta

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from app import batches, lots, masterdata, signatures, signing_rules, users
from app.signatures import SigningSession
from domain.batches import BatchStatus
from domain.errors import AccessDenied, AccountLocked, AuthenticationFailed, ReasonRequired, ValidationError
from domain.lots import LotStatus
from domain.quantities import Unit
from domain.signatures import STATUS_CONTENT_VERSION, Meaning, SignaturesRequired, SigningRefused
from domain.users import Actor, Role
from tests.app.lots_support import (  # noqa: F401
    PASSWORD,
    Site,
    chain,
    effective_mbr,
    lot,
    person,
    plain_connection,
    receive,
    running_batch,
    site_fixture,
    trail,
)
from tests.app.signing import release_lot, sign
from tests.app.support import approve_signing_roles, raw_user
from tests.conftest import ADMIN_PASSWORD

LOT_RELEASE = "lot:Quarantine->Released"


def request(site: Site, actor: Actor, number: str, record_type: str = "lot",
            target: object = LotStatus.RELEASED) -> signatures.SigningRequest:
    return signatures.signing_request(site.ctx.read_uow(), SigningSession(actor), record_type, number,
                                      target)  # type: ignore[arg-type]


def refused(site: Site, actor: Actor, number: str, record_type: str = "lot",
            target: object = LotStatus.RELEASED) -> SigningRefused:
    password = ADMIN_PASSWORD if actor.user_id == "admin" else PASSWORD
    with pytest.raises(SigningRefused) as caught:
        sign(site.ctx, actor, record_type, number, target, password)  # type: ignore[arg-type]
    return caught.value


def shown(site: Site, number: str, record_type: str = "lot") -> list[signatures.SignatureView]:
    return signatures.signatures_for(site.ctx.read_uow(), site.warehouse, record_type, number)


def two_roles(site: Site, user_id: str, *roles: Role) -> Actor:
    temporary = f"Temp-{user_id}-2026"
    users.add_user(site.ctx.uow(), site.admin, site.ctx.auth, user_id, user_id.title() + " Twohats", set(roles),
                   temporary, accept_conflicts="this test: two hats on purpose (ACC-6 is what it checks)")
    approve_signing_roles(site.ctx, site.admin, user_id)
    return users.change_own_password(site.ctx.uow(), site.ctx.auth, user_id, temporary, PASSWORD)


# --- SIG-5: the lot release needs QC review and QA approval by two people -----------------------------------


@pytest.mark.req("SIG-5", "SIG-2", "SIG-1")
def test_a_lot_is_released_by_a_qc_review_and_a_qa_approval_of_two_people(site: Site) -> None:
    number = receive(site).lot_number
    with pytest.raises(SignaturesRequired) as by_hand:
        lots.change_lot_status(site.ctx.uow(), site.qa, number, LotStatus.RELEASED, "CoA reviewed")
    assert str(by_hand.value) == "releasing a lot needs signatures: QC review (QC Analyst), QA approval (QA Reviewer)"

    ask = request(site, site.qc, number)
    assert (ask.requirement, ask.meaning, ask.needs_comment, ask.user_id_required) == (
        "QC review", "Reviewed", False, True)
    assert ("Lot", number) in ask.key_values and ("Quantity", "100 kg") in ask.key_values
    assert ask.progress.summary() == "0 of 2 signatures: QC review missing; QA approval missing"

    first = sign(site.ctx, site.qc, "lot", number, LotStatus.RELEASED)
    assert (first.completed, first.status) == (False, "Quarantine")
    partial = signatures.signing_progress(site.ctx.read_uow(), site.warehouse, "lot", number, "Released")
    assert partial.summary() == "1 of 2 signatures: QC review by Cleo Analyst; QA approval missing"
    assert (partial.applied, partial.complete) == (1, False)
    assert lot(site, number).status == "Quarantine"

    second = sign(site.ctx, site.qa, "lot", number, LotStatus.RELEASED)
    assert (second.completed, second.status) == (True, "Released")
    assert second.progress.summary() == "2 of 2 signatures: QC review by Cleo Analyst; QA approval by Quinn Reviewer"
    assert lot(site, number).status == "Released"

    views = shown(site, number)
    assert [(v.requirement, v.meaning, v.user_id, v.printed_name, v.valid) for v in views] == [
        ("QC review", "Reviewed", "cleo", "Cleo Analyst", True), ("QA approval", "Approved", "quinn", "Quinn Reviewer",
                                                                 True)]
    assert all(v.at.tzinfo is UTC and v.purpose == LOT_RELEASE for v in views)
    assert all(v.content_version == STATUS_CONTENT_VERSION and len(v.content_hash) == 64 for v in views)
    assert views[0].content_hash == views[1].content_hash
    assert views[0].local_at == views[0].at and "Cleo Analyst (cleo), Reviewed (QC review), " in \
        views[0].manifestation()

    status = [e for e in trail(site, record_type="lot", record_id=number) if "status" in e.change_map()][-1]
    assert (status.user_id, status.change_map()["status"]) == ("quinn", ["Quarantine", "Released"])
    assert status.reason == ("release: all required signatures applied (QC review by Cleo Analyst (cleo), "
                             "QA approval by Quinn Reviewer (quinn))")


@pytest.mark.req("SIG-5", "ACC-6")
def test_one_person_cannot_give_both_signatures_of_a_release(site: Site) -> None:
    both = two_roles(site, "bo", Role.QC_ANALYST, Role.QA_REVIEWER)
    number = receive(site).lot_number
    sign(site.ctx, both, "lot", number, LotStatus.RELEASED)
    error = refused(site, both, number)
    assert error.code == "self_approval"
    assert str(error) == (f"you signed the QC review of the release of lot {number}: the QA approval must be "
                          "signed by a different person")
    assert lot(site, number).status == "Quarantine"
    assert [(e.user_id, e.record_id) for e in trail(site, action="ACCESS_DENIED")] == [("bo", f"sign {LOT_RELEASE}")]


@pytest.mark.req("SIG-5")
def test_the_same_person_cannot_sign_the_same_requirement_twice(site: Site) -> None:
    number = receive(site).lot_number
    sign(site.ctx, site.qc, "lot", number, LotStatus.RELEASED)
    error = refused(site, site.qc, number)
    assert error.code == "same_person_twice"
    assert f"you already signed the QC review of the release of lot {number}" in str(error)
    assert len(shown(site, number)) == 1


@pytest.mark.req("SIG-5", "ACC-4")
def test_a_signer_without_the_required_role_is_refused(site: Site) -> None:
    number = receive(site).lot_number
    for actor in (site.qa, site.warehouse, site.release, site.admin):
        error = refused(site, actor, number)
        assert error.code == "missing_role"
    assert str(error) == (f"the release of lot {number} needs the QC review (QC Analyst) next: Ada Admin (admin) "
                          "does not have that role")
    sign(site.ctx, site.qc, "lot", number, LotStatus.RELEASED)
    other_qc = person(site.ctx, site.admin, "carl", "Carl Analyst", Role.QC_ANALYST)
    assert refused(site, other_qc, number).code == "missing_role"
    assert refused(site, site.release, number).code == "missing_role"  # QA approval: QA Reviewer, not QA Release
    with pytest.raises(SigningRefused, match=r"the next signature .* is the QA approval \(Approved\), not Released"):
        signatures.sign(site.ctx.uow(), site.ctx.auth, SigningSession(site.qa), "lot", number, LotStatus.RELEASED,
                        PASSWORD, user_id_typed="quinn", meaning=Meaning.RELEASED)
    assert lot(site, number).status == "Quarantine"


# --- ACC-6: nobody who performed a production step signs the batch release ------------------------------------


def batch_for_review(site: Site, issuer: Actor, starter: Actor | None = None) -> tuple[str, str]:
    """A batch in QA review that `issuer` issued material to (and `starter` started); returns it and its lot."""
    resin = receive(site, "RES", "100").lot_number
    release_lot(site.ctx, site.qc, site.qa, resin)
    effective_mbr(site, "SYR", [("RES", "0.01", "5")])
    if starter is None:
        number = running_batch(site, "SYR", "1000").batch_number
    else:
        number = batches.plan_batch(site.ctx.uow(), site.production, "SYR", "1000").batch_number
        batches.change_batch_status(site.ctx.uow(), starter, number, BatchStatus.IN_PRODUCTION, None)
    u = site.ctx.uow
    batches.issue_material(u(), issuer, number, resin, "10")
    batches.complete_batch(u(), site.production, number, "990")
    batches.change_batch_status(u(), site.production, number, BatchStatus.QC_TESTING, None)
    batches.change_batch_status(u(), site.qc, number, BatchStatus.QA_REVIEW, None)
    return number, resin


@pytest.mark.req("ACC-6", "SIG-5")
def test_a_qa_reviewer_who_issued_material_cannot_sign_the_batch_release(site: Site) -> None:
    hands_on = two_roles(site, "max", Role.PRODUCTION, Role.QA_REVIEWER)
    starter = two_roles(site, "sam", Role.PRODUCTION, Role.QA_RELEASE)
    number, resin = batch_for_review(site, hands_on, starter)
    with pytest.raises(SignaturesRequired, match="releasing a batch needs signatures: QA review \\(QA Reviewer\\), "
                                                 "QA release \\(QA Release\\)"):
        batches.change_batch_status(site.ctx.uow(), site.release, number, BatchStatus.RELEASED, None)

    error = refused(site, hands_on, number, "batch", BatchStatus.RELEASED)
    assert error.code == "performer"
    assert str(error) == (f"Max Twohats (max) issued or returned material of batch {number}: whoever performed a "
                          f"production step cannot sign the QA review of the release of batch {number}")
    sign(site.ctx, site.qa, "batch", number, BatchStatus.RELEASED)
    error = refused(site, starter, number, "batch", BatchStatus.RELEASED)
    assert (error.code, f"started batch {number}" in str(error)) == ("performer", True)
    done = sign(site.ctx, site.release, "batch", number, BatchStatus.RELEASED)
    assert (done.completed, done.status) == (True, "Released")
    assert [(v.requirement, v.user_id, v.valid) for v in shown(site, number, "batch")] == [
        ("QA review", "quinn", True), ("QA release", "rita", True)]
    # Consuming the released resin lot afterwards is normal work: its release signatures stay valid.
    assert [v.valid for v in shown(site, resin)] == [True, True]


# --- SIG-3: the content hash, invalidation and copies ----------------------------------------------------------


@pytest.mark.req("SIG-3")
def test_a_later_change_of_the_record_invalidates_its_signatures(site: Site) -> None:
    number = receive(site).lot_number
    sign(site.ctx, site.qc, "lot", number, LotStatus.RELEASED)
    masterdata.edit_item(site.ctx.uow(), site.admin, "RES", "renamed", name="PC resin", unit=Unit.KG,
                         shelf_life_days=730, storage_condition="15-25 °C", gtin=None)
    assert [v.valid for v in shown(site, number)] == [True], "the item is not the lot's signed content"

    later = lot(site, number).expires_on + timedelta(days=30)  # type: ignore[operator]
    with plain_connection(site.db_url) as c:
        c.execute(text("UPDATE lots SET expires_on = :d WHERE lot_number = :n"), {"d": later, "n": number})
    assert [v.valid for v in shown(site, number)] == [False]
    assert "INVALIDATED, the record changed after signing" in shown(site, number)[0].manifestation()

    progress = signatures.signing_progress(site.ctx.read_uow(), site.qa, "lot", number, LotStatus.RELEASED)
    assert progress.summary() == "0 of 2 signatures: QC review missing; QA approval missing"
    assert refused(site, site.qa, number).code == "missing_role", "the invalid QC review does not count"
    assert lot(site, number).status == "Quarantine"
    again = sign(site.ctx, site.qc, "lot", number, LotStatus.RELEASED)  # reviewed again, on the content as it is
    assert again.progress.summary() == "1 of 2 signatures: QC review by Cleo Analyst; QA approval missing"
    done = sign(site.ctx, site.qa, "lot", number, LotStatus.RELEASED)
    assert (done.completed, done.status) == (True, "Released")
    assert [(v.user_id, v.valid) for v in shown(site, number)] == [("cleo", False), ("cleo", True), ("quinn", True)]
    with plain_connection(site.db_url) as c:
        c.execute(text("UPDATE lots SET supplier_lot = 'SL-X' WHERE lot_number = :n"), {"n": number})
    assert [v.valid for v in shown(site, number)] == [False, False, False], "the released lot shows them invalidated"


@pytest.mark.req("SIG-3")
def test_a_signature_row_copied_to_another_record_is_invalid_and_does_not_count(site: Site) -> None:
    signed, other = receive(site).lot_number, receive(site, supplier_lot="SL-2").lot_number
    sign(site.ctx, site.qc, "lot", signed, LotStatus.RELEASED)
    with plain_connection(site.db_url) as c:
        state = c.execute(text("SELECT COALESCE(MAX(id), 0) FROM status_changes WHERE record_type = 'lot' "
                               "AND record_id = :n"), {"n": other}).scalar_one()
        c.execute(text(
            "INSERT INTO signatures (record_type, record_id, purpose, requirement, meaning, user_id, printed_name, "
            "at, content_hash, content_version, comment, state_id) SELECT record_type, :other, purpose, "
            "requirement, meaning, user_id, printed_name, at, content_hash, content_version, comment, :state "
            "FROM signatures WHERE record_id = :signed"), {"other": other, "signed": signed, "state": state})
    copy = shown(site, other)
    assert [(v.user_id, v.valid) for v in copy] == [("cleo", False)]
    progress = signatures.signing_progress(site.ctx.read_uow(), site.qa, "lot", other, LotStatus.RELEASED)
    assert progress.applied == 0
    assert refused(site, site.qa, other).code == "missing_role"  # the QC review is still the next signature
    assert [v.valid for v in shown(site, signed)] == [True]


@pytest.mark.req("SIG-3", "AUD-2")
@pytest.mark.parametrize("statement", [
    "UPDATE signatures SET user_id = 'quinn', printed_name = 'Quinn Reviewer'",
    "UPDATE signatures SET content_hash = 'x'",
    "DELETE FROM signatures",
    "UPDATE status_changes SET by_user = 'quinn'",
    "DELETE FROM status_changes",
])
def test_the_database_refuses_changing_or_deleting_signatures(site: Site, statement: str) -> None:
    number = receive(site).lot_number
    sign(site.ctx, site.qc, "lot", number, LotStatus.RELEASED)
    with pytest.raises(DBAPIError, match="append-only"), plain_connection(site.db_url) as c:
        c.execute(text(statement))
    assert [(v.user_id, v.valid) for v in shown(site, number)] == [("cleo", True)]


# --- SIG-1, SIG-4, ACC-3: re-authentication at signing ------------------------------------------------------


@pytest.mark.req("SIG-4", "ACC-3")
def test_wrong_passwords_at_signing_count_toward_lock_out(site: Site) -> None:
    number = receive(site).lot_number
    session = SigningSession(site.qc)

    def attempt(password: str) -> signatures.SigningResult:
        return signatures.sign(site.ctx.uow(), site.ctx.auth, session, "lot", number, LotStatus.RELEASED,
                               password, user_id_typed="cleo")

    with pytest.raises(AuthenticationFailed, match="4 tries left before the account locks"):
        attempt("wrong-1")
    assert raw_user(site.db_url, "cleo")["failed_logins"] == 1
    attempt(PASSWORD)  # a right password ends the run of failures
    assert raw_user(site.db_url, "cleo")["failed_logins"] == 0
    other = receive(site, supplier_lot="SL-2").lot_number
    for n, left in enumerate(("4 tries", "3 tries", "2 tries", "1 try"), start=1):
        with pytest.raises(AuthenticationFailed, match=f"{left} left before the account locks"):
            signatures.sign(site.ctx.uow(), site.ctx.auth, session, "lot", other, "Released", f"wrong-{n}")
    with pytest.raises(AccountLocked, match="account 'cleo' is now locked"):
        signatures.sign(site.ctx.uow(), site.ctx.auth, session, "lot", other, "Released", "wrong-5")
    assert raw_user(site.db_url, "cleo")["locked"]
    with pytest.raises(AccountLocked):
        signatures.sign(site.ctx.uow(), site.ctx.auth, session, "lot", other, "Released", PASSWORD)
    assert shown(site, other) == []
    failures = [e.reason for e in trail(site, action="LOGIN_FAILED", user_id="cleo")]
    assert failures[0] == f"wrong password at signing lot {number} (1 of 5)"
    assert failures[-1] == f"wrong password at signing lot {other}: account locked after 5 failures"
    assert len(failures) == 6


@pytest.mark.req("SIG-4", "SIG-1")
def test_nobody_signs_as_someone_else_and_the_first_signing_needs_the_user_id(site: Site) -> None:
    number = receive(site).lot_number
    session = SigningSession(site.qc)
    with pytest.raises(AuthenticationFailed, match="you are logged in as cleo: you sign only as yourself, never as "
                                                   "'quinn'"):
        signatures.sign(site.ctx.uow(), site.ctx.auth, session, "lot", number, "Released", PASSWORD,
                        user_id_typed="quinn")
    entry = trail(site, action="SIGN_REFUSED")[-1]
    assert (entry.user_id, entry.reason) == ("cleo", f"user ID 'quinn' typed at signing lot {number}: only the "
                                                      "logged-in user can sign")
    with pytest.raises(AuthenticationFailed, match="the first signing of a session needs both"):
        signatures.sign(site.ctx.uow(), site.ctx.auth, session, "lot", number, "Released", PASSWORD)
    assert shown(site, number) == [] and raw_user(site.db_url, "cleo")["failed_logins"] == 0

    signatures.sign(site.ctx.uow(), site.ctx.auth, session, "lot", number, "Released", PASSWORD,
                    user_id_typed="cleo")
    assert session.signed_once and not session.user_id_required
    other = receive(site, supplier_lot="SL-2").lot_number
    signatures.sign(site.ctx.uow(), site.ctx.auth, session, "lot", other, "Released", PASSWORD)  # password alone
    session.reset()  # log-out, idle lock, unlock (ACC-5)
    assert session.user_id_required
    third = receive(site, supplier_lot="SL-3").lot_number
    with pytest.raises(AuthenticationFailed, match="needs both"):
        signatures.sign(site.ctx.uow(), site.ctx.auth, session, "lot", third, "Released", PASSWORD)


# --- rejection, repeated transitions ----------------------------------------------------------------------------


@pytest.mark.req("SIG-5", "AUD-4")
def test_a_rejection_needs_one_qa_signature_with_a_reason(site: Site) -> None:
    number = receive(site).lot_number
    with pytest.raises(SignaturesRequired, match="rejecting a lot needs signatures: QA rejection "
                                                 "\\(QA Release or QA Reviewer\\)"):
        lots.change_lot_status(site.ctx.uow(), site.qa, number, LotStatus.REJECTED, "bad CoA")
    assert request(site, site.release, number, target=LotStatus.REJECTED).needs_comment
    with pytest.raises(ReasonRequired, match="the QA rejection needs a reason"):
        sign(site.ctx, site.release, "lot", number, LotStatus.REJECTED)
    done = sign(site.ctx, site.release, "lot", number, LotStatus.REJECTED, comment="CoA out of specification")
    assert (done.completed, done.status, done.signature.comment) == (True, "Rejected", "CoA out of specification")
    status = [e for e in trail(site, record_type="lot", record_id=number) if "status" in e.change_map()][-1]
    assert (status.user_id, status.reason) == ("rita", "CoA out of specification")


@pytest.mark.req("SIG-5")
def test_signatures_count_only_in_the_status_they_were_applied_in(site: Site) -> None:
    number = receive(site).lot_number
    sign(site.ctx, site.qc, "lot", number, LotStatus.RELEASED)
    u = site.ctx.uow
    lots.change_lot_status(u(), site.qa, number, LotStatus.ON_HOLD, "complaint")
    lots.change_lot_status(u(), site.qa, number, LotStatus.QUARANTINE, "retest")
    again = signatures.signing_progress(site.ctx.read_uow(), site.qa, "lot", number, LotStatus.RELEASED)
    assert again.applied == 0, "the QC review before the hold does not count for the release after it"
    release_lot(site.ctx, site.qc, site.qa, number)
    lots.change_lot_status(u(), site.qa, number, LotStatus.ON_HOLD, "complaint")
    from_hold = signatures.signing_progress(site.ctx.read_uow(), site.qa, "lot", number, LotStatus.RELEASED)
    assert (from_hold.purpose, from_hold.applied) == ("lot:On hold->Released", 0)
    release_lot(site.ctx, site.qc, site.qa, number)
    assert lot(site, number).status == "Released"
    assert [v.valid for v in shown(site, number)] == [True] * 5


# --- SIG-5: the site tightens the defaults, never loosens them --------------------------------------------------


@pytest.mark.req("SIG-5", "AUD-1")
def test_a_site_adds_a_signature_to_a_release_but_cannot_remove_a_default(site: Site) -> None:
    extra = signing_rules.RequirementInput("Regulatory approval", Meaning.APPROVED, frozenset({Role.QA_RELEASE}))
    with pytest.raises(AccessDenied):
        signing_rules.add_rule_extra(site.ctx.uow(), site.qa, LOT_RELEASE, extra, "stricter")
    with pytest.raises(ReasonRequired):
        signing_rules.add_rule_extra(site.ctx.uow(), site.admin, LOT_RELEASE, extra, " ")
    rules = signing_rules.add_rule_extra(site.ctx.uow(), site.admin, LOT_RELEASE, extra, "customer quality agreement")
    assert [(r.label, r.roles, r.default) for r in rules.requirements] == [
        ("QC review", ("QC Analyst",), True), ("QA approval", ("QA Reviewer",), True),
        ("Regulatory approval", ("QA Release",), False)]
    assert signing_rules.transition_requirements(site.ctx.read_uow(), site.qc, LOT_RELEASE) == rules
    every = signing_rules.signing_rules(site.ctx.read_uow(), site.qc)
    assert len(every) == 9 and [len(r.requirements) for r in every if r.key == LOT_RELEASE] == [3]  # 9: CHG-1
    created = trail(site, record_type="signature_rule")[-1]
    assert (created.action, created.user_id, created.reason) == ("CREATE", "admin", "customer quality agreement")
    with pytest.raises(ValidationError, match="already needs a signature named 'QC review'"):
        signing_rules.add_rule_extra(site.ctx.uow(), site.admin, LOT_RELEASE, signing_rules.RequirementInput(
            "qc review", Meaning.REVIEWED, frozenset({Role.QA_RELEASE})), "twice")

    number = receive(site).lot_number
    with pytest.raises(SignaturesRequired, match="QA approval \\(QA Reviewer\\), Regulatory approval \\(QA Release\\)"):
        lots.change_lot_status(site.ctx.uow(), site.qa, number, LotStatus.RELEASED, "CoA ok")
    sign(site.ctx, site.qc, "lot", number, LotStatus.RELEASED)
    assert not sign(site.ctx, site.qa, "lot", number, LotStatus.RELEASED).completed
    assert sign(site.ctx, site.release, "lot", number, LotStatus.RELEASED).completed

    for default in ("qc_review", "QA approval"):
        with pytest.raises(ValidationError, match="is a BatchTrace default: site rules can add signatures, never "
                                                  "remove the defaults"):
            signing_rules.remove_rule_extra(site.ctx.uow(), site.admin, LOT_RELEASE, default, "looser")
    after = signing_rules.remove_rule_extra(site.ctx.uow(), site.admin, LOT_RELEASE, "Regulatory approval",
                                            "agreement ended")
    assert [r.label for r in after.requirements] == ["QC review", "QA approval"]
    withdrawn = trail(site, record_type="signature_rule")[-1]
    assert (withdrawn.action, withdrawn.change_map(), withdrawn.reason) == (
        "UPDATE", {"active": [True, False]}, "agreement ended")
    assert [v.requirement for v in shown(site, number)] == ["QC review", "QA approval", "Regulatory approval"]
    assert release_lot(site.ctx, site.qc, site.qa, receive(site, supplier_lot="SL-2").lot_number).completed


# --- pending signatures ------------------------------------------------------------------------------------------


def pending(site: Site, actor: Actor) -> list[tuple[str, str, str]]:
    return [(p.record_id, p.transition, p.requirement)
            for p in signatures.pending_for(site.ctx.read_uow(), actor)]


@pytest.mark.req("SIG-5", "ACC-6")
def test_the_pending_list_shows_each_user_what_waits_for_their_signature(site: Site) -> None:
    hands_on = two_roles(site, "max", Role.PRODUCTION, Role.QA_REVIEWER)
    batch, resin = batch_for_review(site, hands_on)
    waiting = receive(site, supplier_lot="SL-2").lot_number
    finished = batches.get_batch(site.ctx.read_uow(), site.admin, batch).output_lots[0].lot_number
    assert sorted(pending(site, site.qc)) == sorted([(waiting, "release", "QC review"),
                                                     (finished, "release", "QC review")])
    assert pending(site, site.qa) == [(batch, "release", "QA review")]
    assert pending(site, hands_on) == [], "a performer is never asked"
    assert pending(site, site.release) == [] and pending(site, site.warehouse) == []

    sign(site.ctx, site.qc, "lot", waiting, LotStatus.RELEASED)
    sign(site.ctx, site.qa, "batch", batch, BatchStatus.RELEASED)
    assert pending(site, site.qc) == [(finished, "release", "QC review")]
    assert pending(site, site.qa) == [(waiting, "release", "QA approval")]
    assert pending(site, site.release) == [(batch, "release", "QA release")]
    item = signatures.pending_for(site.ctx.read_uow(), site.release)[0]
    assert (item.record_type, item.status, item.target, item.meaning) == ("batch", "QA review", "Released", "Released")
    assert item.progress.summary() == "1 of 2 signatures: QA review by Quinn Reviewer; QA release missing"
    assert resin not in [p[0] for p in pending(site, site.qa)], "a released lot waits for nothing"


@pytest.mark.req("SIG-2", "AUD-1", "AUD-3")
def test_every_signing_is_an_audit_entry_on_the_record_and_the_chain_verifies(site: Site) -> None:
    number = receive(site).lot_number
    release_lot(site.ctx, site.qc, site.qa, number)
    entries = trail(site, record_type="lot", record_id=number, action="SIGN")
    assert [(e.user_id, e.user_name, e.change_map()["signature"][1]) for e in entries] == [
        ("cleo", "Cleo Analyst", "QC review: Reviewed"), ("quinn", "Quinn Reviewer", "QA approval: Approved")]
    digest = shown(site, number)[0].content_hash
    assert all(e.change_map()["content_hash"] == [None, f"s2:{digest}"] for e in entries)
    assert all(e.change_map()["purpose"] == [None, LOT_RELEASE] for e in entries)
    assert chain(site).intact
