"""What the signature dialog shows before a step of a batch is signed "performed" or "verified" (PRC-2, SIG-1):
the step with its equipment, room and values, the signature and its meaning, and the step's signatures so far.
Every rule `sign_step` applies is checked here first, so a refusal is said before any password is typed."""

from __future__ import annotations

from datetime import datetime

from app.ports import UnitOfWork
from app.process_steps import PERFORMED, STEP_RECORD, VERIFIED, step_meaning, step_to_sign
from app.signatures import ProgressView, RequirementProgress, SigningRequest, SigningSession
from domain.i18n import _
from domain.process import current_values
from domain.quantities import fmt
from domain.signatures import SignatureRequirement


def _item(requirement: SignatureRequirement, by: str | None, name: str | None, at: datetime | None
          ) -> RequirementProgress:
    return RequirementProgress(requirement.key, requirement.label, requirement.meaning.value,
                               tuple(sorted(r.value for r in requirement.roles)), by, name, at)


def step_signing_request(uow: UnitOfWork, session: SigningSession, batch_number: str, step_no: int,
                         meaning: str) -> SigningRequest:
    """The request for the dialog; raises the rule's error (not started, already signed, the performer
    verifying, values missing, no permission) when this user cannot sign the step now."""
    verified = step_meaning(meaning)
    requirement = VERIFIED if verified else PERFORMED
    actor = session.actor
    with uow.acting_as(actor) as tx:
        found = step_to_sign(tx, actor, batch_number, step_no, verified)
        step, record = found.step, found.record
        current = current_values(found.values)
        key_values: list[tuple[str, str]] = [
            ("Batch", found.batch.batch_number),
            ("Step", f"{step.step_no}: {step.instruction}"),
            ("Equipment", record.equipment_code or _("none")),
            ("Room", record.room_code or _("none")),
        ]
        for p in step.parameters:
            value = current.get((step.step_no, p.name))
            shown = _("not recorded") if value is None else f"{fmt(value.value)} {p.unit} ({_(value.verdict.value)})"
            key_values.append((p.name, shown))
        performer = tx.users.get(record.performed_by) if record.performed_by else None
        items = [_item(PERFORMED, record.performed_by, performer.printed_name if performer else None,
                       record.performed_at)]
        if step.needs_verified:
            items.append(_item(VERIFIED, None, None, None))
        progress = ProgressView(f"{STEP_RECORD}:{batch_number}/{step_no}", requirement.label.lower(), tuple(items))
        return SigningRequest(STEP_RECORD, f"{found.batch.batch_number}/{step_no}", requirement.label,
                              tuple(key_values), requirement.label, requirement.meaning.value, False,
                              session.user_id_required, progress)
