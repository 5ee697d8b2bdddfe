"""The signer the record pages call (`ui.widgets.widget_parts.Signer`): the signature dialog over the session's
SigningSession, and the line that tells the user what the signature did (SIG-1, SIG-5)."""

from __future__ import annotations

from collections.abc import Callable
from enum import Enum
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from app import process_steps, step_signing
from app.process_steps import BatchProcess
from app.signatures import SigningRequest, SigningResult, SigningSession
from ui.shell.task_runner import Runner
from ui.signatures.signature_dialog import SignatureDialog, SigningSubject, record_kind
from ui.widgets.status_names import requirement_name, status_name

if TYPE_CHECKING:
    from app.services import Services



def outcome_text(result: SigningResult) -> str:
    """"QA approval signed: lot L1 is now Released." or "QC review signed. 1 of 2 signatures: ...". """
    signature = result.signature
    if result.completed:
        return QCoreApplication.translate("RecordSigner", "{requirement} signed: {kind} {n} is now {status}.").format(
            requirement=signature.requirement, kind=record_kind(signature.record_type).lower(),
            n=signature.record_id, status=status_name(result.status))
    return QCoreApplication.translate("RecordSigner", "{requirement} signed. {progress}").format(
        requirement=signature.requirement, progress=result.progress.summary())


class RecordSigner:
    """One per log-in, around the window's SigningSession. The caller announces the change (the record's page
    refreshes); `on_account_locked(notice)` ends the session when a wrong password locked the account."""

    def __init__(self, ctx: Services, runner: Runner, session: SigningSession, *,
                 on_account_locked: Callable[[str], object] | None = None) -> None:
        self.ctx, self.runner, self.session = ctx, runner, session
        self.on_account_locked = on_account_locked

    def __call__(self, parent: QWidget, record_type: str, record_id: str, target: Enum) -> str | None:
        result = SignatureDialog.ask(self.ctx, self.runner, self.session, record_type, record_id, target, parent,
                                     on_account_locked=self.on_account_locked)
        return None if result is None else outcome_text(result)

    def sign_step(self, parent: QWidget, batch_number: str, step_no: int, meaning: str) -> BatchProcess | None:
        """Sign a step of a batch "performed" or "verified" (PRC-2) in the same dialog and session; the batch's
        process after signing, or None when cancelled or refused (a box says why)."""
        ctx, session = self.ctx, self.session

        def sentence(request: SigningRequest) -> str:
            text = QCoreApplication.translate("RecordSigner", "You sign step {step} of batch {n} as {meaning}.")
            return text.format(step=step_no, n=batch_number, meaning=requirement_name(request.requirement).lower())

        subject = SigningSubject(
            lambda: step_signing.step_signing_request(ctx.read_uow(), session, batch_number, step_no, meaning),
            lambda password, user_id, comment, _meaning: process_steps.sign_step(
                ctx.uow(), ctx.auth, session, batch_number, step_no, meaning, password, user_id_typed=user_id,
                comment=comment),
            sentence)
        result = SignatureDialog.ask(self.ctx, self.runner, self.session, process_steps.STEP_RECORD,
                                     f"{batch_number}/{step_no}", meaning, parent,
                                     on_account_locked=self.on_account_locked, subject=subject)
        return result if isinstance(result, BatchProcess) else None
