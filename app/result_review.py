"""The second-person review of QC results signed electronically (QC-2, SIG-1, ACC-6), as the desktop does it.
Apart from app.quality because signing re-authenticates through app.signatures, which needs the lots."""

from __future__ import annotations

from collections.abc import Sequence

from app.ports import UnitOfWork
from app.quality import ResultView, _review_in
from app.signatures import SigningSession, _reauthenticate
from app.users import AuthConfig
from domain.signatures import Meaning
from domain.users import Permission


def sign_review(uow: UnitOfWork, auth: AuthConfig, session: SigningSession, record_type: str, record_id: str,
                password: str, *, user_id_typed: str | None = None, test_codes: Sequence[str] = ()
                ) -> list[ResultView]:
    """The second-person review as an electronic signature (QC-2, SIG-1, ACC-6): the reviewer re-authenticates
    (user ID and password at the first signing of the session, then the password), each result keeps who
    reviewed it and when (the store's clock), and the audit trail holds the signature with its meaning
    "Reviewed" and the values it covered."""
    actor = session.actor
    with uow.acting_as(actor) as tx:
        actor.require(Permission.REVIEW_QC_RESULTS)
        _reauthenticate(tx, auth, session, password, user_id_typed, f"reviewing the QC results of {record_type} "
                                                                    f"{record_id}")
        plan, results, wanted = _review_in(tx, actor, record_type, record_id, test_codes)
        covered = "; ".join(f"{r.test_code} {r.reported} {r.unit}".rstrip() for r in results
                            if r.test_code in wanted)
        tx.audit_event("SIGN", record_type, record_id, reason=f"QC results review: {covered}", details={
            "signature": (None, f"QC results review: {Meaning.REVIEWED.value}"),
            "signer": (None, f"{actor.printed_name} ({actor.user_id})"),
        })
        tx.commit(reason=f"reviewed {', '.join(sorted(wanted))} (signed)")
        session.signed_once = True
        return [ResultView.of(plan, r) for r in results]
