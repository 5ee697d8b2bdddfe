"""The signature rules as pure functions: canonical signed content and its hash, the default requirements on
the lot and batch workflows, who may apply the next signature, and completing a signed transition
(SIG-2, SIG-3, SIG-5, ACC-6)."""

from __future__ import annotations

import hashlib
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

import pytest

from domain.batches import BATCH_WORKFLOW, Batch, BatchStatus
from domain.errors import ValidationError
from domain.items import Item, ItemType
from domain.lots import LOT_WORKFLOW, Lot, LotOrigin, LotStatus
from domain.mbr import MasterBatchRecord
from domain.quantities import Unit
from domain.signatures import (
    SIGNED_CONTENT_VERSION,
    Meaning,
    RuleExtra,
    Signature,
    SignatureRequirement,
    SignaturesRequired,
    SigningRefused,
    canonical_content,
    check_complete,
    content_hash,
    next_requirement,
    progress,
    signatures_needed,
)
from domain.users import Actor, Role, UserId
from domain.workflow import TransitionRefused

NOW = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
QC, QA, QAR, PROD = Role.QC_ANALYST, Role.QA_REVIEWER, Role.QA_RELEASE, Role.PRODUCTION
LOT_RELEASE = "lot:Quarantine->Released"
BATCH_RELEASE = "batch:QA review->Released"


def person(user_id: str, *roles: Role) -> Actor:
    return Actor(UserId(user_id), user_id.title(), frozenset(roles))


def requirements(key: str) -> tuple[SignatureRequirement, ...]:
    machine = LOT_WORKFLOW if key.startswith("lot:") else BATCH_WORKFLOW
    return next(t.signatures for t in machine.transitions if machine.key(t) == key)


def signed(purpose: str, requirement: SignatureRequirement, by: Actor, minutes: int = 0,
           digest: str = "h") -> Signature:
    record_type, record_id = purpose.split(":")[0], "X-1"
    signature = Signature(record_type, record_id, purpose, requirement, by, NOW + timedelta(minutes=minutes), digest, 7)
    signature.id = minutes + 1
    return signature


# --- SIG-3: the canonical serialisation -----------------------------------------------------------------------


@pytest.mark.req("SIG-3")
def test_the_signed_content_is_compact_sorted_json_with_type_id_and_version() -> None:
    text = canonical_content("lot", "R-1", {"quantity": Decimal("10.500000"), "expires_on": date(2027, 1, 31),
                                            "unit": Unit.KG, "supplier_lot": "Ä-1", "batch_id": None})
    assert text == ('{"batch_id":null,"expires_on":"2027-01-31","quantity":"10.5","record_id":"R-1",'
                    '"record_type":"lot","supplier_lot":"Ä-1","unit":"kg","v":"s1"}')
    assert SIGNED_CONTENT_VERSION == "s1"
    assert content_hash("lot", "R-1", {"q": Decimal(1)}) == hashlib.sha256(
        b'{"q":"1","record_id":"R-1","record_type":"lot","v":"s1"}').hexdigest()


@pytest.mark.req("SIG-3")
def test_the_hash_is_the_same_for_the_same_content_however_it_was_read() -> None:
    """Numeric(18, 6) comes back as 10.000000 from one engine and 10 or 1E+1 from another: one text."""
    forms = [Decimal("10"), Decimal("10.000000"), Decimal("1E+1")]
    assert len({content_hash("lot", "R-1", {"q": q, "l": [["A", q]]}) for q in forms}) == 1
    assert content_hash("lot", "R-1", {"q": Decimal(0)}) == content_hash("lot", "R-1", {"q": Decimal("0.000000")})


@pytest.mark.req("SIG-3")
def test_the_hash_names_its_record_so_a_copy_on_another_record_does_not_match() -> None:
    fields = {"quantity": Decimal(5)}
    original = content_hash("lot", "R-1", fields)
    assert original != content_hash("lot", "R-2", fields)
    assert original != content_hash("batch", "R-1", fields)
    assert original != content_hash("lot", "R-1", {"quantity": Decimal(6)})
    signature = signed(LOT_RELEASE, requirements(LOT_RELEASE)[0], person("cleo", QC), digest=original)
    signature.record_id = "R-1"
    assert signature.valid_for("lot", "R-1", original)
    assert not signature.valid_for("lot", "R-2", original)
    assert not signature.valid_for("lot", "R-1", content_hash("lot", "R-1", {"quantity": Decimal(6)}))


def test_inexact_or_reserved_content_is_refused() -> None:
    with pytest.raises(TypeError, match="float is not signed content"):
        canonical_content("lot", "R-1", {"q": 1.5})
    with pytest.raises(ValueError, match="may not be named record_id, v"):
        canonical_content("lot", "R-1", {"v": 1, "record_id": "x"})


# --- SIG-5: the defaults on the workflows ------------------------------------------------------------------


@pytest.mark.req("SIG-5", "ACC-6")
def test_the_workflows_declare_the_default_signatures() -> None:
    def summary(key: str) -> list[tuple[str, str, tuple[str, ...], bool, bool]]:
        return [(r.label, r.meaning.value, tuple(sorted(x.value for x in r.roles)), r.not_performers,
                 r.needs_comment) for r in requirements(key)]

    lot_release = [("QC review", "Reviewed", ("QC Analyst",), False, False),
                   ("QA approval", "Approved", ("QA Reviewer",), False, False)]
    rejection = [("QA rejection", "Rejected", ("QA Release", "QA Reviewer"), False, True)]
    assert summary(LOT_RELEASE) == summary("lot:On hold->Released") == lot_release
    for source in ("Quarantine", "Released", "On hold"):
        assert summary(f"lot:{source}->Rejected") == rejection
    assert summary(BATCH_RELEASE) == [("QA review", "Reviewed", ("QA Reviewer",), True, False),
                                      ("QA release", "Released", ("QA Release",), True, False)]
    assert summary("batch:QA review->Rejected") == summary("batch:On hold->Rejected") == rejection
    signed_keys = {m.key(t) for m in (LOT_WORKFLOW, BATCH_WORKFLOW) for t in m.transitions if t.signatures}
    assert len(signed_keys) == 8


@pytest.mark.req("SIG-5")
def test_the_refusal_by_hand_names_the_signatures_needed() -> None:
    assert str(signatures_needed("release", "lot", requirements(LOT_RELEASE))) == (
        "releasing a lot needs signatures: QC review (QC Analyst), QA approval (QA Reviewer)")
    assert str(signatures_needed("release from hold", "lot", requirements(LOT_RELEASE))).startswith(
        "releasing a lot from hold needs signatures")
    assert str(signatures_needed("reject", "batch", requirements("batch:QA review->Rejected"))) == (
        "rejecting a batch needs signatures: QA rejection (QA Release or QA Reviewer)")


# --- SIG-5, ACC-6: who applies the next signature -------------------------------------------------------------


def refusal(key: str, done: list[tuple[int, Actor]], signer: Actor, performers: dict[str, str] | None = None,
            meaning: Meaning | None = None) -> SigningRefused:
    reqs = requirements(key)
    current = progress(key, reqs, [signed(key, reqs[i], who, minutes=n) for n, (i, who) in enumerate(done)])
    with pytest.raises(SigningRefused) as caught:
        next_requirement(current, signer, performers or {}, "the release", meaning)
    return caught.value


@pytest.mark.req("SIG-5")
def test_signatures_are_applied_in_order_by_the_declared_roles() -> None:
    reqs = requirements(LOT_RELEASE)
    cleo, quinn = person("cleo", QC), person("quinn", QA)
    empty = progress(LOT_RELEASE, reqs, [])
    assert (empty.complete, [r.label for r in empty.missing]) == (False, ["QC review", "QA approval"])
    assert next_requirement(empty, cleo, {}, "the release").label == "QC review"
    assert refusal(LOT_RELEASE, [], quinn).code == "missing_role"
    half = progress(LOT_RELEASE, reqs, [signed(LOT_RELEASE, reqs[0], cleo)])
    assert ([r.label for r, _ in half.filled], half.signers()) == (["QC review"], {"cleo"})
    assert next_requirement(half, quinn, {}, "the release").label == "QA approval"
    assert refusal(LOT_RELEASE, [(0, cleo)], person("carl", QC)).code == "missing_role"
    assert refusal(LOT_RELEASE, [(0, cleo)], quinn, meaning=Meaning.RELEASED).code == "wrong_meaning"
    assert refusal(LOT_RELEASE, [(0, cleo), (1, quinn)], person("quill", QA)).code == "complete"


@pytest.mark.req("SIG-5", "ACC-6")
def test_one_person_signs_a_transition_once() -> None:
    both = person("bo", QC, QA)
    error = refusal(LOT_RELEASE, [(0, both)], both)
    assert (error.code, str(error)) == ("self_approval", "you signed the QC review of the release: the QA approval "
                                                         "must be signed by a different person")
    assert error.permission == f"sign {LOT_RELEASE}" and error.user_id == "bo"
    assert refusal(LOT_RELEASE, [(0, person("cleo", QC))], person("cleo", QC)).code == "same_person_twice"


@pytest.mark.req("SIG-5")
def test_a_second_signature_by_the_same_person_never_counts() -> None:
    """Even a row written outside the application: one person fills one requirement of a transition."""
    reqs = requirements(LOT_RELEASE)
    both = person("bo", QC, QA)
    current = progress(LOT_RELEASE, reqs, [signed(LOT_RELEASE, reqs[0], both), signed(LOT_RELEASE, reqs[1], both, 1)])
    assert (len(current.filled), current.complete) == (1, False)
    other = progress(LOT_RELEASE, reqs, [signed("lot:On hold->Released", reqs[0], person("cleo", QC))])
    assert other.filled == (), "a signature for another transition does not count"


@pytest.mark.req("ACC-6")
def test_whoever_performed_a_production_step_cannot_sign_the_batch_release() -> None:
    max_ = person("max", QA, PROD)
    error = refusal(BATCH_RELEASE, [], max_, {"max": "issued material to batch B-1"})
    assert (error.code, str(error)) == ("performer", "Max (max) issued material to batch B-1: whoever performed a "
                                                     "production step cannot sign the QA review of the release")
    reqs = requirements(BATCH_RELEASE)
    current = progress(BATCH_RELEASE, reqs, [])
    assert next_requirement(current, person("quinn", QA), {"max": "x"}, "the release").label == "QA review"


# --- completing a signed transition ----------------------------------------------------------------------------


def new_lot(expires_on: date | None = None) -> Lot:
    return Lot("R-1", Item("RES", "Resin", ItemType.RAW_MATERIAL, Unit.KG), LotOrigin.RECEIVED, Decimal(10), NOW,
               expires_on=expires_on)


@pytest.mark.req("SIG-5")
def test_a_signed_transition_completes_only_with_all_its_signatures() -> None:
    reqs = requirements(LOT_RELEASE)
    cleo, quinn = person("cleo", QC), person("quinn", QA)
    lot = new_lot()
    half = progress(LOT_RELEASE, reqs, [signed(LOT_RELEASE, reqs[0], cleo)])
    with pytest.raises(SignaturesRequired, match="cannot complete: it still needs QA approval \\(QA Reviewer\\)"):
        lot.complete_signed(LotStatus.RELEASED, half, NOW.date())
    full = progress(LOT_RELEASE, reqs, [signed(LOT_RELEASE, reqs[0], cleo), signed(LOT_RELEASE, reqs[1], quinn, 1)])
    with pytest.raises(SignaturesRequired):
        lot.complete_signed(LotStatus.REJECTED, full, NOW.date())  # signatures of another transition
    assert lot.status is LotStatus.QUARANTINE
    lot.complete_signed(LotStatus.RELEASED, full, NOW.date())
    assert lot.status is LotStatus.RELEASED
    with pytest.raises(TransitionRefused, match="expired on 2026-03-01"):
        new_lot(date(2026, 3, 1)).complete_signed(LotStatus.RELEASED, full, NOW.date())
    check_complete(full, LOT_RELEASE)


@pytest.mark.req("SIG-5")
def test_a_held_batch_is_rejected_by_signature_and_forgets_where_it_was_held() -> None:
    product = Item("SYR", "Syringe", ItemType.FINISHED_DEVICE, Unit.PCS, gtin="09506000134352")
    mbr = MasterBatchRecord(product, 1, "", NOW)
    mbr.add_line(Item("RES", "Resin", ItemType.RAW_MATERIAL, Unit.KG), Decimal("0.01"), Decimal(5))
    mbr.make_effective(NOW, None)
    batch = Batch("B-1", mbr, 1, Decimal(100), Unit.PCS, NOW)
    batch.status, batch.held_from = BatchStatus.ON_HOLD, BatchStatus.QA_REVIEW
    key = "batch:On hold->Rejected"
    reqs = requirements(key)
    batch.complete_signed(BatchStatus.REJECTED, progress(key, reqs, [signed(key, reqs[0], person("rita", QAR))]), NOW)
    assert (batch.status, batch.held_from) == (BatchStatus.REJECTED, None)


def test_a_site_requirement_has_its_own_key_and_is_withdrawn_not_deleted() -> None:
    extra = RuleExtra(LOT_RELEASE, SignatureRequirement("new", "  Regulatory   approval ", Meaning.APPROVED,
                                                        frozenset({QAR})), NOW)
    extra.id = 4
    assert (extra.key, extra.requirement().label, extra.requirement().key) == (
        "site-4", "Regulatory approval", "site-4")
    extra.withdraw()
    assert not extra.active
    with pytest.raises(ValidationError, match="already withdrawn"):
        extra.withdraw()
    with pytest.raises(ValidationError, match="needs at least one role"):
        SignatureRequirement("k", "Label", Meaning.APPROVED, frozenset())
