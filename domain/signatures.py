"""Electronic signatures (21 CFR Part 11; SIG-1..SIG-5, ACC-6): what a signature means, the hash that links it
to the signed content of its record, the signatures a transition needs, and who may apply the next one.

Pure rules: the app layer reads the record, its signatures and the people who performed its production steps,
and hands them in as plain values.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from enum import Enum

from domain.errors import AccessDenied, DomainError, ValidationError
from domain.i18n import N_, _, names, one_of
from domain.users import Actor, Role

# The version of the canonical serialisation below; stored with every signature, so a later format can
# still check signatures made under this one. "s1": the record's fields. "s2" (lots and batches, SIG-3): the
# fields plus the status the signed transition moves the record to, so a signature binds its outcome.
SIGNED_CONTENT_VERSION = "s1"
STATUS_CONTENT_VERSION = "s2"
_RESERVED = frozenset({"record_type", "record_id", "v"})


class Meaning(Enum):
    PERFORMED = N_("Performed")
    REVIEWED = N_("Reviewed")
    APPROVED = N_("Approved")
    RELEASED = N_("Released")
    REJECTED = N_("Rejected")

    @classmethod
    def parse(cls, text: str) -> Meaning:
        for meaning in cls:
            if names(text, meaning.value) or names(text, meaning.name):
                return meaning
        raise ValidationError(_("unknown meaning '{text}': use one of {choices}",
                                text=text, choices=one_of(m.value for m in cls)))


@dataclass(frozen=True)
class SignatureRequirement:
    """One signature a transition needs. Its signer is always a different person from every other signer of
    the same transition; `not_performers` also excludes whoever performed a production step of the record
    (ACC-6); `needs_comment` asks the signer for a reason (e.g. a rejection)."""

    key: str  # stable within the transition; stored with each signature that fills it
    label: str  # "QC review": what the dialog, the screens and the documents call it
    meaning: Meaning
    roles: frozenset[Role]  # any one of them will do
    not_performers: bool = False
    needs_comment: bool = False

    def __post_init__(self) -> None:
        if not self.roles:
            raise ValidationError(_("the signature '{label}' needs at least one role", label=self.label))
        if not self.label.strip():
            raise ValidationError(_("a required signature needs a name, e.g. 'QC review'"))

    @property
    def role_names(self) -> str:
        return _(" or ").join(sorted(_(r.value) for r in self.roles))

    def describe(self) -> str:
        return _("{label} ({roles})", label=_(self.label), roles=self.role_names)


def _roles(*roles: Role) -> frozenset[Role]:
    return frozenset(roles)


# The defaults (SIG-5). A site may add to them (app.signing_rules), never take away.
LOT_RELEASE_SIGNATURES = (
    SignatureRequirement("qc_review", N_("QC review"), Meaning.REVIEWED, _roles(Role.QC_ANALYST)),
    SignatureRequirement("qa_approval", N_("QA approval"), Meaning.APPROVED, _roles(Role.QA_REVIEWER)),
)
BATCH_RELEASE_SIGNATURES = (
    SignatureRequirement("qa_review", N_("QA review"), Meaning.REVIEWED, _roles(Role.QA_REVIEWER),
                         not_performers=True),
    SignatureRequirement("qa_release", N_("QA release"), Meaning.RELEASED, _roles(Role.QA_RELEASE),
                         not_performers=True),
)
REJECTION_SIGNATURES = (
    SignatureRequirement("qa_rejection", N_("QA rejection"), Meaning.REJECTED,
                         _roles(Role.QA_REVIEWER, Role.QA_RELEASE), needs_comment=True),
)


# --- the signed content and its hash (SIG-3) ----------------------------------------------------------------

def _plain(value: object) -> object:
    """One value as JSON, the same text whichever engine or driver it was read from."""
    if value is None or isinstance(value, bool | int | str):
        return value
    if isinstance(value, Decimal):
        return format(value.normalize(), "f") if value else "0"  # 10.000000 and 1E+1 are both "10"
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Enum):
        return _plain(value.value)
    if isinstance(value, Mapping):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    raise TypeError(_("{name} is not signed content (floats are not exact)", name=type(value).__name__))


def canonical_content(record_type: str, record_id: str, fields: Mapping[str, object],
                      version: str = SIGNED_CONTENT_VERSION) -> str:
    """Compact JSON with sorted keys of the record's signed fields plus its type, its ID and the version of
    this serialisation: the type and ID make a signature row meaningless on any other record."""
    clash = _RESERVED & set(fields)
    if clash:
        raise ValueError(_("signed fields may not be named {clash}", clash=', '.join(sorted(clash))))
    document = {str(k): _plain(v) for k, v in fields.items()}
    document.update(record_type=record_type, record_id=record_id, v=version)
    return json.dumps(document, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def content_hash(record_type: str, record_id: str, fields: Mapping[str, object],
                 version: str = SIGNED_CONTENT_VERSION) -> str:
    return hashlib.sha256(canonical_content(record_type, record_id, fields, version).encode("utf-8")).hexdigest()


class Signature:
    """An applied electronic signature (SIG-2). Never changed or deleted (the database refuses both)."""

    id: int | None
    record_type: str
    record_id: str
    purpose: str  # the transition it was applied for, e.g. "lot:Quarantine->Released"
    requirement: str  # the key of the SignatureRequirement it fills
    meaning: Meaning
    user_id: str
    printed_name: str
    at: datetime  # UTC, from the store's clock
    content_hash: str
    content_version: str
    comment: str | None
    state_id: int  # the record's status change it was signed in (app.signatures: which signatures count)
    # A release signature's evaluation (canonical JSON of the rules, verdicts, evidence and outcome it was shown):
    # part of its signed content, so the hash binds it (QC-4). None for other signatures.
    evaluation: str | None

    def __init__(
        self, record_type: str, record_id: str, purpose: str, requirement: SignatureRequirement, signer: Actor,
        at: datetime, signed_hash: str, state_id: int, comment: str | None = None, evaluation: str | None = None,
        content_version: str = SIGNED_CONTENT_VERSION,
    ) -> None:
        self.id = None
        self.record_type = record_type
        self.record_id = record_id
        self.purpose = purpose
        self.requirement = requirement.key
        self.meaning = requirement.meaning
        self.user_id = signer.user_id
        self.printed_name = signer.printed_name
        self.at = at
        self.content_hash = signed_hash
        self.content_version = content_version
        self.comment = comment
        self.state_id = state_id
        self.evaluation = evaluation

    def valid_for(self, record_type: str, record_id: str, current_hash: str) -> bool:
        """Valid while the record it names is this one and its current content hashes to what was signed."""
        return (self.record_type, self.record_id, self.content_hash) == (record_type, record_id, current_hash)


class RuleExtra:
    """A signature a site adds to a signed transition's defaults (SIG-5: tighten, never loosen). Withdrawn
    by deactivation, never deleted, so the signatures applied under it keep their name."""

    id: int | None
    transition_key: str
    label: str
    meaning: Meaning
    roles: frozenset[Role]
    not_performers: bool
    needs_comment: bool
    active: bool
    added_at: datetime

    def __init__(self, transition_key: str, requirement: SignatureRequirement, added_at: datetime) -> None:
        self.id = None
        self.transition_key = transition_key
        self.label = " ".join(requirement.label.split())
        if len(self.label) > 80:
            raise ValidationError(_("the name of a required signature is longer than 80 characters"))
        self.meaning = requirement.meaning
        self.roles = frozenset(requirement.roles)
        self.not_performers = requirement.not_performers
        self.needs_comment = requirement.needs_comment
        self.active = True
        self.added_at = added_at

    @property
    def key(self) -> str:
        return f"site-{self.id}"

    def requirement(self) -> SignatureRequirement:
        return SignatureRequirement(self.key, self.label, self.meaning, self.roles, self.not_performers,
                                    self.needs_comment)

    def withdraw(self) -> None:
        if not self.active:
            raise ValidationError(_("the site signature '{label}' was already withdrawn", label=self.label))
        self.active = False


# --- the rules: who may apply the next signature (SIG-5, ACC-6) ------------------------------------------------

class SigningRefused(AccessDenied):
    """This person may not apply this signature now; audited like every refused action (ACC-4)."""

    code = "signing_refused"

    def __init__(self, message: str, *, code: str, purpose: str, user_id: str) -> None:
        super().__init__(message, permission=f"sign {purpose}", user_id=user_id)
        self.code = code


class SignaturesRequired(DomainError):
    code = "signatures_required"


@dataclass(frozen=True)
class SigningProgress:
    """Which required signatures a pending transition has (valid ones only) and which it still needs."""

    purpose: str
    filled: tuple[tuple[SignatureRequirement, Signature], ...]
    missing: tuple[SignatureRequirement, ...]

    @property
    def complete(self) -> bool:
        return not self.missing

    def signers(self) -> set[str]:
        return {s.user_id for _, s in self.filled}


def progress(purpose: str, requirements: Sequence[SignatureRequirement], valid: Iterable[Signature]
             ) -> SigningProgress:
    """Each requirement is filled by the first valid signature for it, from a person who has not filled
    another one of this transition (a second signature by the same person never counts)."""
    by_key: dict[str, Signature] = {}
    used: set[str] = set()
    for signature in sorted(valid, key=lambda s: (s.at, s.id or 0)):
        if signature.purpose != purpose or signature.requirement in by_key or signature.user_id in used:
            continue
        by_key[signature.requirement] = signature
        used.add(signature.user_id)
    filled = tuple((r, by_key[r.key]) for r in requirements if r.key in by_key)
    missing = tuple(r for r in requirements if r.key not in by_key)
    return SigningProgress(purpose, filled, missing)


def next_requirement(
    current: SigningProgress, signer: Actor, performers: Mapping[str, str], what: str,
    meaning: Meaning | None = None,
) -> SignatureRequirement:
    """The requirement `signer` fills by signing now, or SigningRefused saying why not. Signatures are applied
    in the declared order (review before approval). `performers` maps the user IDs of those who performed a
    production step of the record to what they did; `what` names the transition ("the release of lot L1")."""

    def refuse(code: str, message: str) -> SigningRefused:
        return SigningRefused(message, code=code, purpose=current.purpose, user_id=signer.user_id)

    if current.complete:
        raise refuse("complete", _("{what} already has all its signatures", what=_(what)))
    wanted = current.missing[0]
    mine = [r for r, s in current.filled if s.user_id == signer.user_id]
    if mine:
        if wanted.roles & signer.roles:
            raise refuse("self_approval", _("you signed the {mine} of {what}: the {wanted} must be signed by a "
                                            "different person", mine=_(mine[0].label), what=_(what),
                                            wanted=_(wanted.label)))
        raise refuse("same_person_twice", _("you already signed the {mine} of {what}: one person signs a "
                                            "transition once", mine=_(mine[0].label), what=_(what)))
    if not wanted.roles & signer.roles:
        raise refuse("missing_role", _("{what} needs the {wanted} next: {name} ({user_id}) does not have that role",
                                       what=_(what), wanted=wanted.describe(), name=signer.printed_name,
                                       user_id=signer.user_id))
    if meaning is not None and meaning is not wanted.meaning:
        raise refuse("wrong_meaning", _("the next signature of {what} is the {wanted} ({meaning}), not {given}",
                                        what=_(what), wanted=_(wanted.label), meaning=_(wanted.meaning.value),
                                        given=_(meaning.value)))
    if wanted.not_performers and signer.user_id in performers:
        raise refuse("performer", _("{name} ({user_id}) {performed}: whoever performed a production step cannot "
                                    "sign the {wanted} of {what}", name=signer.printed_name, user_id=signer.user_id,
                                    performed=performers[signer.user_id], wanted=_(wanted.label), what=_(what)))
    return wanted


def signatures_needed(verb: str, record_type: str, requirements: Sequence[SignatureRequirement]
                      ) -> SignaturesRequired:
    """The refusal of a signed transition asked for without signatures, e.g. "releasing a lot needs
    signatures: QC review (QC Analyst), QA approval (QA Reviewer)"."""
    first, _sep, rest = verb.partition(" ")  # "release from hold": "releasing a lot from hold"
    doing = f"{first[:-1] if first.endswith('e') else first}ing a {record_type}" + (f" {rest}" if rest else "")
    listed = ", ".join(r.describe() for r in requirements)
    return SignaturesRequired(_("{doing} needs signatures: {listed}", doing=doing, listed=listed))


def check_complete(current: SigningProgress, purpose: str) -> None:
    """A signed transition completes only with every required signature, valid, for this very transition."""
    if current.purpose != purpose or not current.complete:
        missing = ", ".join(r.describe() for r in current.missing) or "signatures for this transition"
        raise SignaturesRequired(_("{purpose} cannot complete: it still needs {missing}",
                                   purpose=purpose, missing=missing))
