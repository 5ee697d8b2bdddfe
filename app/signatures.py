"""Electronic signatures (SIG-1..SIG-5, ACC-3, ACC-5, ACC-6): what the signature dialog shows, signing with
re-authentication, the signatures shown with a record (manifestation), and what waits for my signature.

Which signatures count toward a pending transition: those applied for it since the record entered its current
status (each signature keeps the ID of the record's latest status-history entry when it was applied) that are
still valid (the record's signed content hashes to what was signed). Last month's release signatures do not
count again after a hold, and a signature on content that has changed since counts for nothing.

A transition that needs signatures is never done by hand: applying the last required signature completes it,
in the same transaction, as the audited action of that signer.

A release (any signed transition to Released) binds the release evaluation (QC-3, QC-4): each signature toward
it signs the record's content together with the rules, verdicts, evidence and outcome evaluated in the same
transaction, and keeps that evaluation; a signature counts only while the evaluation is still the one it signed.
When a rule fails, the release also needs the QA override signature with its justification.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime
from enum import Enum
from typing import TYPE_CHECKING, Any

from app import signed_records
from app.ports import UnitOfWork
from app.signed_records import SignedRecord
from app.signing_rules import requirements_for
from app.status_backing import require_backed
from app.users import AuthConfig, _check_password
from domain.batches import BatchStatus
from domain.change_control import ChangeRequest, ChangeStatus
from domain.errors import AuthenticationFailed, NotFound, ReasonRequired
from domain.i18n import _
from domain.lots import LotStatus
from domain.release_rules import OVERRIDE_SIGNATURE, Evaluation, release_requirements
from domain.signatures import (
    STATUS_CONTENT_VERSION,
    Meaning,
    Signature,
    SignatureRequirement,
    SigningProgress,
    SigningRefused,
    next_requirement,
    progress,
)
from domain.users import Actor
from domain.workflow import Transition

if TYPE_CHECKING:
    from app.release import EvaluationView

# The transitions a record waits for in its status, so they are listed as pending before anyone has signed;
# any other signed transition (a rejection, a release from hold) is pending once someone has started signing.
AWAITED = {("lot", LotStatus.QUARANTINE, LotStatus.RELEASED), ("batch", BatchStatus.QA_REVIEW, BatchStatus.RELEASED),
           ("change", ChangeStatus.SUBMITTED, ChangeStatus.APPROVED)}


@dataclass
class SigningSession:
    """The signing state of one continuous session (SIG-1, ACC-5), kept by the desktop session: the first
    signing asks for the user ID and the password, later ones for the password alone. Log-out, the idle lock
    and unlocking call `reset()`, so the next signing is a first signing again."""

    actor: Actor
    signed_once: bool = False

    @property
    def user_id_required(self) -> bool:
        return not self.signed_once

    def reset(self) -> None:
        self.signed_once = False


@dataclass(frozen=True)
class RequirementProgress:
    key: str
    label: str
    meaning: str
    roles: tuple[str, ...]
    signed_by: str | None  # user ID; None while missing
    signed_by_name: str | None
    signed_at: datetime | None  # UTC


@dataclass(frozen=True)
class ProgressView:
    """The signatures of one pending transition: which are applied (valid ones only) and which are missing."""

    purpose: str  # "lot:Quarantine->Released"
    transition: str  # "release"
    items: tuple[RequirementProgress, ...]  # in signing order

    @property
    def complete(self) -> bool:
        return all(i.signed_by for i in self.items)

    @property
    def applied(self) -> int:
        return sum(1 for i in self.items if i.signed_by)

    def summary(self) -> str:
        """"1 of 2 signatures: QC review by Cleo Analyst; QA approval missing"."""
        parts = [_("{label} by {name}", label=_(i.label), name=i.signed_by_name) if i.signed_by
                 else _("{label} missing", label=_(i.label)) for i in self.items]
        return _("{applied} of {total} signatures: {parts}", applied=self.applied, total=len(self.items),
                 parts="; ".join(parts))

    @classmethod
    def of(cls, transition: Transition[Any], requirements: tuple[SignatureRequirement, ...],
           current: SigningProgress) -> ProgressView:
        filled = {r.key: s for r, s in current.filled}
        return cls(current.purpose, transition.name, tuple(
            RequirementProgress(r.key, r.label, r.meaning.value, tuple(sorted(x.value for x in r.roles)),
                                *((filled[r.key].user_id, filled[r.key].printed_name, filled[r.key].at)
                                  if r.key in filled else (None, None, None)))
            for r in requirements))


@dataclass(frozen=True)
class SignatureView:
    """A signature as every screen and document shows it (SIG-2, SIG-3)."""

    id: int
    record_type: str
    record_id: str
    purpose: str
    requirement: str  # its label, e.g. "QC review"
    meaning: str
    user_id: str
    printed_name: str
    at: datetime  # UTC, as stored; `local_at` for the station's zone
    comment: str | None
    valid: bool  # False once the record's signed content has changed since signing
    content_hash: str
    content_version: str
    # A release signature's evaluation as signed: the outcome, then each failed rule with its evidence.
    evaluation: tuple[str, ...] = ()

    @property
    def local_at(self) -> datetime:
        return self.at.astimezone()

    def manifestation(self) -> str:
        """"Cleo Analyst (cleo), Reviewed (QC review), 2026-03-02 10:15 CET": printed name, meaning, local time,
        and INVALIDATED when the record changed after signing."""
        when = self.local_at.strftime("%Y-%m-%d %H:%M %Z").strip()
        text = f"{self.printed_name} ({self.user_id}), {self.meaning} ({self.requirement}), {when}"
        return text if self.valid else f"{text}: INVALIDATED, the record changed after signing"


@dataclass(frozen=True)
class SigningRequest:
    """What the signature dialog shows before asking for the password (SIG-1)."""

    record_type: str
    record_id: str
    target: str
    key_values: tuple[tuple[str, str], ...]
    requirement: str  # the label of the signature this user applies, e.g. "QA approval"
    meaning: str
    needs_comment: bool  # the dialog asks for a reason
    user_id_required: bool  # the first signing of the session: user ID and password
    progress: ProgressView
    evaluation: EvaluationView | None = None  # a release: what this signature binds (QC-4)
    justification: bool = False  # the override of a failed evaluation: the comment is its justification


@dataclass(frozen=True)
class SigningResult:
    signature: SignatureView
    progress: ProgressView  # after this signature
    completed: bool  # the transition was performed with this signature
    status: str  # the record's status now


@dataclass(frozen=True)
class PendingSignature:
    """A record waiting for the logged-in user's signature; the screen opens the record and its dialog."""

    record_type: str
    record_id: str
    status: str
    target: str
    transition: str
    requirement: str
    meaning: str
    progress: ProgressView
    key_values: tuple[tuple[str, str], ...] = field(default=())
    # UTC: when it began waiting for this signature (the latest one applied toward it, else the status change)
    since: datetime | None = None


@dataclass(frozen=True)
class _Pending:
    transition: Transition[Any]
    requirements: tuple[SignatureRequirement, ...]
    state_id: int
    valid: list[Signature]
    current: SigningProgress
    digest: str  # the signed content's hash now: the record's fields, and a release's evaluation
    evaluation: Evaluation | None = None


def binds_evaluation(transition: Transition[Any]) -> bool:
    """Every signed transition to Released (a release, a release from hold) binds the release evaluation."""
    return str(transition.target.value) == LotStatus.RELEASED.value == BatchStatus.RELEASED.value


def _evaluate(tx: UnitOfWork, record: SignedRecord) -> Evaluation:
    # Imported here: app.release registers the process rule, whose module signs steps through this one.
    from app.release import evaluate_record

    assert not isinstance(record.entity, ChangeRequest)  # only a release binds an evaluation
    return evaluate_record(tx, record.record_type, record.entity)


def evaluation_text(evaluation: Evaluation) -> str:
    """The canonical JSON a release signature keeps and binds (no time: the same facts, the same text)."""
    return json.dumps(evaluation.as_content(), sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def _pending(record: SignedRecord, transition: Transition[Any], requirements: tuple[SignatureRequirement, ...],
             signatures: list[Signature], state_id: int, evaluation: Evaluation | None = None) -> _Pending:
    purpose = record.machine.key(transition)
    if evaluation is not None:
        requirements = release_requirements(requirements, evaluation)
    bound = None if evaluation is None else evaluation_text(evaluation)
    digest = record.digest(str(transition.target.value), bound)
    # Counted only while the evaluation is still the one it signed (a release) and its content is unchanged.
    valid = [s for s in signatures if s.purpose == purpose and s.state_id == state_id and s.evaluation == bound
             and record.signature_valid(s)]
    return _Pending(transition, requirements, state_id, valid, progress(purpose, requirements, valid), digest,
                    evaluation)


def _load_pending(tx: UnitOfWork, record: SignedRecord, target: Enum | str) -> _Pending:
    target_status = signed_records.parse_target(record.record_type, target)
    transition = record.machine.find(record.status, target_status)
    requirements = requirements_for(tx, record.machine, transition)
    if not requirements:
        raise NotFound(_("{record_type} {record_id}: {transition_name} needs no signatures",
                         record_type=_(record.record_type), record_id=record.record_id,
                         transition_name=_(transition.name)))
    state_id = tx.signatures.state_ids(record.record_type, [record.record_id])[record.record_id]
    signatures = tx.signatures.for_records(record.record_type, [record.record_id])[record.record_id]
    evaluation = _evaluate(tx, record) if binds_evaluation(transition) else None
    return _pending(record, transition, requirements, signatures, state_id, evaluation)


def _next(tx: UnitOfWork, record: SignedRecord, pending: _Pending, actor: Actor, meaning: Meaning | None
          ) -> SignatureRequirement:
    needs_performers = any(r.not_performers for r in pending.current.missing)
    performers = signed_records.performers(tx, record) if needs_performers else {}
    return next_requirement(pending.current, actor, performers, record.describe(pending.transition), meaning)


def signing_request(uow: UnitOfWork, session: SigningSession, record_type: str, record_id: str,
                    target: Enum | str) -> SigningRequest:
    """What the dialog shows: the record, its key values, the signature this user would apply and its meaning,
    whether a reason is asked for, and the progress so far. Raises SigningRefused (audited) when this user
    cannot apply the next signature: then the dialog does not open."""
    with uow.acting_as(session.actor) as tx:
        record = signed_records.load(tx, record_type, record_id)
        require_backed(tx, record)
        pending = _load_pending(tx, record, target)
        wanted = _next(tx, record, pending, session.actor, None)
        return SigningRequest(
            record.record_type, record.record_id, str(pending.transition.target.value), record.key_values,
            wanted.label, wanted.meaning.value, wanted.needs_comment, session.user_id_required,
            ProgressView.of(pending.transition, pending.requirements, pending.current),
            _evaluation_view(pending.evaluation), wanted.key == OVERRIDE_SIGNATURE.key,
        )


def _evaluation_view(evaluation: Evaluation | None) -> EvaluationView | None:
    if evaluation is None:
        return None
    from app.release import EvaluationView  # see _evaluate

    return EvaluationView.of(evaluation)


def _reauthenticate(tx: UnitOfWork, auth: AuthConfig, session: SigningSession, password: str,
                    user_id_typed: str | None, what: str) -> None:
    """The signer is the logged-in user, never a field (SIG-4). A wrong password counts toward lock-out
    exactly like a failed log-in, through the same code (ACC-3); the message says how many tries remain."""
    actor = session.actor
    typed = (user_id_typed or "").strip()
    if session.user_id_required and not typed:
        raise AuthenticationFailed(_("type your user ID and password: the first signing of a session needs both"))
    if typed and typed != actor.user_id:
        tx.audit_event("SIGN_REFUSED", "user", actor.user_id,
                       reason=f"user ID '{typed[:32]}' typed at {what}: only the logged-in user can sign")
        tx.commit()
        raise AuthenticationFailed(
            _("you are logged in as {user_id}: you sign only as yourself, never as '{typed}'",
              user_id=actor.user_id, typed=typed[:32])
        )
    user = tx.users.lock_for_update(actor.user_id)
    if user is None:
        raise AuthenticationFailed(_("no user '{user_id}'", user_id=actor.user_id))
    user.check_can_log_in()
    _check_password(tx, auth, user, password, what)
    if user.failed_logins:
        user.failed_logins = 0  # failures count when consecutive (ACC-3): a right password ends the run
        tx.commit(reason=f"successful re-authentication at {what} resets the failure count")


def sign(
    uow: UnitOfWork, auth: AuthConfig, session: SigningSession, record_type: str, record_id: str,
    target: Enum | str, password: str, *, user_id_typed: str | None = None, comment: str | None = None,
    meaning: Meaning | None = None,
) -> SigningResult:
    """Apply the session user's signature toward moving the record to `target` (SIG-1..SIG-5).

    Re-authenticates the logged-in user (user ID and password on the first signing of the session, then the
    password alone); checks the signing rules (role, signing order, a different person for each signature,
    nobody who performed a production step, ACC-6); writes the signature with the SHA-256 of the record's
    signed content and its audit entry; and when this was the last required signature, performs the transition,
    all in one transaction. `meaning`, when given, must be the meaning of the signature that is next."""
    actor = session.actor
    note = comment.strip() if comment and comment.strip() else None
    with uow.acting_as(actor) as tx:
        _reauthenticate(tx, auth, session, password, user_id_typed, f"signing {record_type} {record_id}")
        record = signed_records.load(tx, record_type, record_id, for_update=True)
        signed_records.block_if_expired(tx, record)
        require_backed(tx, record)  # nobody signs on from a status set behind the application's back
        pending = _load_pending(tx, record, target)
        wanted = _next(tx, record, pending, actor, meaning)
        if wanted.needs_comment and not note:
            if wanted.key == OVERRIDE_SIGNATURE.key and pending.evaluation is not None:
                raise ReasonRequired(_("releasing over failed release rules needs a justification: {failed}",
                                       failed=", ".join(r.title for r in pending.evaluation.failed)))
            raise ReasonRequired(_("the {label} needs a reason", label=_(wanted.label)))
        bound = None if pending.evaluation is None else evaluation_text(pending.evaluation)
        signature = Signature(record.record_type, record.record_id, pending.current.purpose, wanted, actor,
                              tx.now(), pending.digest, pending.state_id, note, bound, STATUS_CONTENT_VERSION)
        tx.signatures.add(signature)
        details: dict[str, tuple[object, object]] = {
            "signature": (None, f"{wanted.label}: {wanted.meaning.value}"), "purpose": (None, signature.purpose),
            "content_hash": (None, f"{signature.content_version}:{signature.content_hash}"),
        }
        if bound is not None:
            details["release_evaluation"] = (None, bound)
        tx.audit_event("SIGN", record.record_type, record.record_id, reason=note, details=details)
        after = progress(pending.current.purpose, pending.requirements, [*pending.valid, signature])
        reason = None
        if after.complete:
            signed_records._complete(tx, record, pending.transition.target, after)
            names = ", ".join(f"{r.label} by {s.printed_name} ({s.user_id})" for r, s in after.filled)
            reason = note or f"{pending.transition.name}: all required signatures applied ({names})"
        tx.flush()
        tx.commit(reason=reason)
        session.signed_once = True
        assert signature.id is not None
        return SigningResult(_view(signature, wanted.label, True),
                             ProgressView.of(pending.transition, pending.requirements, after), after.complete,
                             str(record.entity.status.value))


def _view(s: Signature, label: str, valid: bool) -> SignatureView:
    assert s.id is not None
    return SignatureView(s.id, s.record_type, s.record_id, s.purpose, label, s.meaning.value, s.user_id,
                         s.printed_name, s.at, s.comment, valid, s.content_hash, s.content_version,
                         evaluation_lines(s.evaluation))


def evaluation_lines(evaluation: str | None) -> tuple[str, ...]:
    """A kept evaluation as people read it: the outcome, then each failed rule with its evidence."""
    if evaluation is None:
        return ()
    content = json.loads(evaluation)
    failed = [f"{r['rule']}: {'; '.join(r['evidence'])}" for r in content["rules"] if not r["passed"]]
    return (str(content["outcome"]), *failed)


def _labels(tx: UnitOfWork, record: SignedRecord) -> dict[tuple[str, str], str]:
    """(purpose, requirement key) -> label, for every signed transition of the record's type."""
    labels: dict[tuple[str, str], str] = {}
    for transition in record.machine.transitions:
        override = (OVERRIDE_SIGNATURE,) if binds_evaluation(transition) else ()
        for r in (*requirements_for(tx, record.machine, transition), *override):
            labels[(record.machine.key(transition), r.key)] = r.label
    for extra in tx.signatures.rule_extras(withdrawn=True):
        labels.setdefault((extra.transition_key, extra.key), extra.label)
    return labels


def signatures_for(uow: UnitOfWork, actor: Actor, record_type: str, record_id: str) -> list[SignatureView]:
    """Every signature applied to the record, oldest first, each with its validity against the record's
    current content (SIG-2, SIG-3): for the record's screens and its documents."""
    with uow.acting_as(actor) as tx:
        return signature_views(tx, record_type, record_id)


def signature_views(tx: UnitOfWork, record_type: str, record_id: str) -> list[SignatureView]:
    """`signatures_for` inside a transaction the caller holds (a document reads everything in one)."""
    record = signed_records.load(tx, record_type, record_id)
    labels = _labels(tx, record)
    return [_view(s, labels.get((s.purpose, s.requirement), s.requirement),
                  record.signature_valid(s))
            for s in tx.signatures.for_records(record.record_type, [record.record_id])[record.record_id]]


def signing_progress(uow: UnitOfWork, actor: Actor, record_type: str, record_id: str, target: Enum | str
                     ) -> ProgressView:
    """The partial progress of a pending signed transition (e.g. 1 of 2), for the record's screen."""
    with uow.acting_as(actor) as tx:
        record = signed_records.load(tx, record_type, record_id)
        pending = _load_pending(tx, record, target)
        return ProgressView.of(pending.transition, pending.requirements, pending.current)


def pending_for(uow: UnitOfWork, actor: Actor, *, limit: int = 500) -> list[PendingSignature]:
    """"Waiting for my signature": records whose next required signature this user can apply now (role,
    signing order, not signed yet, not a performer). Lots in Quarantine and batches in QA review wait for
    their release; any other signed transition is listed once someone has started signing it."""
    found: list[PendingSignature] = []
    with uow.acting_as(actor) as tx:
        started = tx.signatures.records_with_open_signatures()
        for record_type in signed_records.RECORD_TYPES:
            awaited = [source for rt, source, _ in AWAITED if rt == record_type]
            records = _candidates(tx, record_type, awaited, {rid for rt, rid in started if rt == record_type}, limit)
            ids = [r.record_id for r in records]
            states = tx.signatures.state_ids(record_type, ids)
            signatures = tx.signatures.for_records(record_type, ids)
            for record in records:
                found.extend(_pending_of(tx, record, actor, states[record.record_id],
                                         signatures[record.record_id]))
    return found


def _candidates(tx: UnitOfWork, record_type: str, awaited: list[Enum], started: set[str], limit: int
                ) -> list[SignedRecord]:
    records: dict[str, SignedRecord] = {}
    if record_type == "lot":
        for lot in tx.lots.list(statuses=[s for s in awaited if isinstance(s, LotStatus)], limit=limit):
            records[lot.lot_number] = signed_records.of_lot(lot)
    elif record_type == "change":
        for change in tx.changes.find(statuses=[s for s in awaited if isinstance(s, ChangeStatus)], limit=limit):
            records[change.number] = signed_records.of_change(tx, change)
    else:
        for batch in tx.batches.list(statuses=[s for s in awaited if isinstance(s, BatchStatus)], limit=limit):
            records[batch.batch_number] = signed_records.of_batch(tx, batch)
    for record_id in sorted(started - set(records)):
        records[record_id] = signed_records.load(tx, record_type, record_id)
    return list(records.values())


def _pending_of(tx: UnitOfWork, record: SignedRecord, actor: Actor, state_id: int, signatures: list[Signature]
                ) -> list[PendingSignature]:
    found = []
    for transition in record.machine.allowed_from(record.status):
        requirements = requirements_for(tx, record.machine, transition)
        if not requirements:
            continue
        pending = _pending(record, transition, requirements, signatures, state_id)
        purpose = record.machine.key(transition)
        if binds_evaluation(transition) and any(s.purpose == purpose and s.state_id == state_id for s in signatures):
            # Only once someone has signed does the evaluation change what is next (the override, or signing
            # again); evaluating every lot in Quarantine for this list would cost a query set each.
            pending = _pending(record, transition, requirements, signatures, state_id, _evaluate(tx, record))
        awaited = (record.record_type, transition.source, transition.target) in AWAITED
        if not (awaited or pending.current.filled):
            continue
        try:
            wanted = _next(tx, record, pending, actor, None)
        except SigningRefused:
            continue
        view = ProgressView.of(transition, requirements, pending.current)
        found.append(PendingSignature(
            record.record_type, record.record_id, str(record.status.value), str(transition.target.value),
            transition.name, wanted.label, wanted.meaning.value, view, record.key_values, _since(tx, record, view),
        ))
    return found


def _since(tx: UnitOfWork, record: SignedRecord, view: ProgressView) -> datetime | None:
    signed = [i.signed_at for i in view.items if i.signed_at is not None]
    if signed:
        return max(signed)
    history = tx.signatures.status_history(record.record_type, record.record_id)
    return history[-1].at if history else None
