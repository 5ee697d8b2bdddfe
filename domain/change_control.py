"""Change control (CHG-1): a change request names the versions it makes effective and the ones it retires, why,
how serious it is, and when; it is approved with signatures and implemented all at once.

A master batch record or a specification becomes effective through an implemented change request only: the
use case `app.change_control.implement` is the one path, and a database trigger refuses any other.

Pure rules: `app/change_control.py` loads the change, its items and the versions they name and hands them in.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from enum import Enum

from domain.deviations import Classification  # the same grades as a deviation: Minor, Major, Critical
from domain.errors import ValidationError
from domain.i18n import N_, _
from domain.signatures import Meaning, SignatureRequirement, SigningProgress
from domain.users import Permission, Role
from domain.workflow import StateMachine, Transition, TransitionRefused


class ChangeStatus(Enum):
    DRAFT = N_("Draft")
    SUBMITTED = N_("In review")
    APPROVED = N_("Approved")
    IMPLEMENTED = N_("Implemented")
    CANCELLED = N_("Cancelled")
    REJECTED = N_("Rejected")

    @property
    def is_open(self) -> bool:
        return self in OPEN_STATUSES


__all__ = ["Classification"]  # re-exported: change requests are graded as deviations are

OPEN_STATUSES = frozenset({ChangeStatus.DRAFT, ChangeStatus.SUBMITTED, ChangeStatus.APPROVED})


class RecordKind(Enum):
    """The versioned records a change request can name."""

    MBR = "mbr"
    SPEC = "spec"

    @classmethod
    def parse(cls, text: str) -> RecordKind:
        wanted = text.strip().casefold()
        for kind in cls:
            if kind.value == wanted:
                return kind
        raise ValidationError(_("unknown record type '{text}': a change names 'mbr' or 'spec' versions", text=text))


class ItemAction(Enum):
    MAKE_EFFECTIVE = N_("Make effective")
    RETIRE = N_("Retire")


# The approval (SIG-5 defaults; a site adds more through app.signing_rules): QA approves, and a second person of
# QA, Production or QC reviews. Never the requester (`not_performers`: the requester is the change's performer),
# never the same person twice (every signer of a transition is a different person).
QA_APPROVAL = SignatureRequirement("qa_approval", N_("QA approval"), Meaning.APPROVED,
                                   frozenset({Role.QA_REVIEWER, Role.QA_RELEASE}), not_performers=True)
SECOND_APPROVAL = SignatureRequirement(
    "second_approval", N_("Second approval"), Meaning.REVIEWED,
    frozenset({Role.QA_REVIEWER, Role.QA_RELEASE, Role.PRODUCTION, Role.QC_ANALYST}), not_performers=True)

CHANGE_WORKFLOW: StateMachine[ChangeStatus] = StateMachine("change", [
    Transition(ChangeStatus.DRAFT, ChangeStatus.SUBMITTED, N_("submit"), Permission.OPEN_CHANGE,
               reason_required=False),
    Transition(ChangeStatus.SUBMITTED, ChangeStatus.APPROVED, N_("approve"), Permission.OPEN_CHANGE,
               reason_required=False, signatures=(QA_APPROVAL, SECOND_APPROVAL)),
    Transition(ChangeStatus.APPROVED, ChangeStatus.IMPLEMENTED, N_("implement"), Permission.IMPLEMENT_CHANGE,
               reason_required=False),
    Transition(ChangeStatus.DRAFT, ChangeStatus.CANCELLED, N_("cancel"), Permission.OPEN_CHANGE),
    Transition(ChangeStatus.SUBMITTED, ChangeStatus.CANCELLED, N_("cancel"), Permission.OPEN_CHANGE),
    Transition(ChangeStatus.DRAFT, ChangeStatus.REJECTED, N_("reject"), Permission.IMPLEMENT_CHANGE),
    Transition(ChangeStatus.SUBMITTED, ChangeStatus.REJECTED, N_("reject"), Permission.IMPLEMENT_CHANGE),
])


def _text(value: str, what: str, max_length: int) -> str:
    cleaned = " ".join(value.split()) if max_length <= 200 else value.strip()
    if not cleaned or len(cleaned) > max_length:
        raise ValidationError(_("{what} is required (1 to {max_length} characters)", what=what,
                                max_length=max_length))
    return cleaned


@dataclass(frozen=True)
class VersionRef:
    """One version of a versioned record as a change request names it, with its status now."""

    kind: RecordKind
    key: str  # the product code (mbr) or item code (spec)
    version: int
    status: str

    @property
    def label(self) -> str:
        return f"{self.key} v{self.version}" if self.kind is RecordKind.MBR else f"{self.key} spec v{self.version}"


class ChangeItem:
    """What the change does to one version: make a draft effective, or retire an effective version."""

    id: int | None
    change_id: int | None
    item_no: int
    record_type: str  # RecordKind value
    record_key: str
    version: int
    action: ItemAction

    def __init__(self, item_no: int, kind: RecordKind, key: str, version: int, action: ItemAction) -> None:
        self.id = None
        self.change_id = None
        self.item_no = item_no
        self.record_type = kind.value
        self.record_key = key
        self.version = version
        self.action = action

    @property
    def kind(self) -> RecordKind:
        return RecordKind(self.record_type)

    @property
    def label(self) -> str:
        return VersionRef(self.kind, self.record_key, self.version, "").label


def check_item(version: VersionRef, action: ItemAction) -> None:
    """A draft is made effective; only an effective version is retired."""
    if action is ItemAction.MAKE_EFFECTIVE and version.status != "Draft":
        raise ValidationError(_("{label} is {status}: a change request makes a draft effective",
                                label=version.label, status=_(version.status).lower()))
    if action is ItemAction.RETIRE and version.status != "Effective":
        raise ValidationError(_("{label} is {status}: only the effective version can be retired",
                                label=version.label, status=_(version.status).lower()))


class ChangeRequest:
    id: int | None
    number: str
    title: str
    reason: str
    classification: Classification
    requester: str  # user ID
    requested_at: datetime
    effective_on: date
    status: ChangeStatus
    impact: str | None  # the impact assessment as filled in at submission (JSON text)
    submitted_at: datetime | None
    approved_at: datetime | None
    implemented_at: datetime | None
    implemented_by: str | None
    version: int

    def __init__(self, number: str, title: str, reason: str, classification: Classification, requester: str,
                 requested_at: datetime, effective_on: date, today: date) -> None:
        if effective_on < today:
            raise ValidationError(_("the effective date {effective_on} is in the past", effective_on=effective_on))
        self.id = None
        self.number = number
        self.title = _text(title, _("a change request's title"), 200)
        self.reason = _text(reason, _("the reason for the change"), 4000)
        self.classification = classification
        self.requester, self.requested_at = requester, requested_at
        self.effective_on = effective_on
        self.status = ChangeStatus.DRAFT
        self.impact = None
        self.submitted_at = self.approved_at = self.implemented_at = None
        self.implemented_by = None

    @property
    def is_open(self) -> bool:
        return self.status.is_open

    def submit(self, items: Sequence[ChangeItem], impact: str, at: datetime) -> None:
        if not items:
            raise ValidationError(_("change request {number} names no version: add the drafts it makes effective "
                                    "or the versions it retires", number=self.number))
        CHANGE_WORKFLOW.find(self.status, ChangeStatus.SUBMITTED)
        self.status = ChangeStatus.SUBMITTED
        self.impact = impact
        self.submitted_at = at

    def complete_signed(self, target: ChangeStatus, signed: SigningProgress, at: datetime) -> None:
        """The approval, once its signatures are complete (they authorise it)."""
        CHANGE_WORKFLOW.check_signed(self.status, target, signed)
        self.status = target
        self.approved_at = at

    def implement(self, user_id: str, at: datetime, today: date) -> None:
        if self.status is not ChangeStatus.APPROVED:
            raise TransitionRefused(_("change request {number} is {status}: it is implemented once approved",
                                      number=self.number, status=_(self.status.value).lower()))
        if today < self.effective_on:
            raise ValidationError(_("change request {number} takes effect on {effective_on}: it cannot be "
                                    "implemented before", number=self.number, effective_on=self.effective_on))
        self.status = ChangeStatus.IMPLEMENTED
        self.implemented_at, self.implemented_by = at, user_id

    def end(self, target: ChangeStatus) -> None:
        """Cancelled by its people, or rejected by QA (the workflow checks who and the reason)."""
        self.status = target

    def content(self, items: Iterable[ChangeItem]) -> dict[str, object]:
        """What the approval signatures sign (SIG-3): the change as it was submitted."""
        return {
            "number": self.number, "title": self.title, "reason": self.reason,
            "classification": self.classification.value, "requester": self.requester,
            "effective_on": self.effective_on, "impact": self.impact,
            "items": [[i.item_no, i.record_type, i.record_key, i.version, i.action.value]
                      for i in sorted(items, key=lambda i: i.item_no)],
        }


def refuse_second_open(number: str, label: str, open_number: str | None) -> None:
    """Two open change requests for the same record at once would overwrite each other's versions."""
    if open_number is not None and open_number != number:
        raise ValidationError(_("{label} is already in open change request {open_number}: finish or cancel it "
                                "first", label=label, open_number=open_number))
