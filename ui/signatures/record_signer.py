"""The signer the record pages call (`ui.widgets.widget_parts.Signer`): the signature dialog over the session's
SigningSession, and the line that tells the user what the signature did (SIG-1, SIG-5)."""

from __future__ import annotations

from collections.abc import Callable
from enum import Enum
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from app.signatures import SigningResult, SigningSession
from ui.shell.task_runner import Runner
from ui.signatures.signature_dialog import SignatureDialog, record_kind
from ui.widgets.status_names import status_name

if TYPE_CHECKING:
    from app.services import Services


def _tr(text: str) -> str:
    return QCoreApplication.translate("RecordSigner", text)


def outcome_text(result: SigningResult) -> str:
    """"QA approval signed: lot L1 is now Released." or "QC review signed. 1 of 2 signatures: ...". """
    signature = result.signature
    if result.completed:
        return _tr("{requirement} signed: {kind} {n} is now {status}.").format(
            requirement=signature.requirement, kind=record_kind(signature.record_type).lower(),
            n=signature.record_id, status=status_name(result.status))
    return _tr("{requirement} signed. {progress}").format(requirement=signature.requirement,
                                                          progress=result.progress.summary())


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
