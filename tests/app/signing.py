"""Short-hands for tests that need a record released or rejected, its QC results reviewed or a deviation closed:
the signed acts go through their signing use cases only (`app.signatures.sign`, `app.result_review.sign_review`,
`app.deviation_review.sign_closure`; SIG-1, SIG-5), each signer re-authenticating with user ID and password."""

from __future__ import annotations

from enum import Enum

from app import deviation_review, result_review, signatures
from app.bootstrap import AppContext
from app.deviations import DeviationView
from app.quality import ResultView
from domain.batches import BatchStatus
from domain.lots import LotStatus
from domain.users import Actor

SITE_PASSWORD = "Site-pass-2026"  # tests/app/lots_support.py's people


def sign(ctx: AppContext, actor: Actor, record_type: str, number: str, target: Enum | str,
         password: str = SITE_PASSWORD, comment: str | None = None) -> signatures.SigningResult:
    """One signature by `actor`, as the first signing of a fresh session (user ID and password)."""
    return signatures.sign(ctx.uow(), ctx.auth, signatures.SigningSession(actor), record_type, number, target,
                           password, user_id_typed=actor.user_id, comment=comment)


def release_lot(ctx: AppContext, qc: Actor, qa: Actor, lot_number: str, password: str = SITE_PASSWORD,
                ) -> signatures.SigningResult:
    """QC review by `qc` (QC Analyst), then QA approval by `qa` (QA Reviewer): the lot is Released."""
    sign(ctx, qc, "lot", lot_number, LotStatus.RELEASED, password)
    result = sign(ctx, qa, "lot", lot_number, LotStatus.RELEASED, password)
    assert result.completed, result.progress.summary()
    return result


def release_batch(ctx: AppContext, reviewer: Actor, releaser: Actor, batch_number: str,
                  password: str = SITE_PASSWORD) -> signatures.SigningResult:
    """QA review by `reviewer` (QA Reviewer), then QA release by `releaser` (QA Release)."""
    sign(ctx, reviewer, "batch", batch_number, BatchStatus.RELEASED, password)
    result = sign(ctx, releaser, "batch", batch_number, BatchStatus.RELEASED, password)
    assert result.completed, result.progress.summary()
    return result


def reject(ctx: AppContext, qa: Actor, record_type: str, number: str, reason: str,
           password: str = SITE_PASSWORD) -> signatures.SigningResult:
    """One QA signature with the reason."""
    target = LotStatus.REJECTED if record_type == "lot" else BatchStatus.REJECTED
    result = sign(ctx, qa, record_type, number, target, password, comment=reason)
    assert result.completed, result.progress.summary()
    return result


def review_results(ctx: AppContext, reviewer: Actor, record_type: str, number: str,
                   password: str = SITE_PASSWORD) -> list[ResultView]:
    """The second-person review of every entered result, signed "Reviewed" by `reviewer`."""
    return result_review.sign_review(ctx.uow(), ctx.auth, signatures.SigningSession(reviewer), record_type, number,
                                     password, user_id_typed=reviewer.user_id)


def close_deviation(ctx: AppContext, qa: Actor, number: str, reason: str,
                    password: str = SITE_PASSWORD) -> DeviationView:
    """QA's signed closure of a deviation whose investigation is recorded."""
    return deviation_review.sign_closure(ctx.uow(), ctx.auth, signatures.SigningSession(qa), number, password,
                                         reason, user_id_typed=qa.user_id)
