"""The signature dialog (SIG-1, SIG-4, ACC-3): what is signed and what the signature means, then
re-authentication: user ID and password on the first signing of a continuous session, the password alone later.

The signer is always the logged-in user (the session's actor): the user ID field, when shown, only proves the
person at the screen knows it; the app refuses any other ID. A wrong password counts toward lock-out exactly like
a failed log-in; when the account locks, `account_locked(notice)` lets the window end the session.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QEventLoop, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from app import batches, lots, signatures
from app.release_evidence import evidence_text
from app.signatures import SigningRequest, SigningResult, SigningSession
from domain.errors import AccountLocked, AuthenticationFailed
from domain.signatures import Meaning
from ui.shell.change_password_dialog import password_field
from ui.shell.task_runner import Runner, user_message
from ui.widgets.form_dialog import FormDialog
from ui.widgets.status_names import requirement_name, rule_title, signed_field_name, status_name, transition_name

if TYPE_CHECKING:
    from app.release import EvaluationView
    from app.services import Services


def record_kind(record_type: str) -> str:
    """"lot" -> "Lot", in the user's language."""
    names = {"lot": QCoreApplication.translate("SignatureDialog", "Lot"),
             "batch": QCoreApplication.translate("SignatureDialog", "Batch"),
             "batch_step": QCoreApplication.translate("SignatureDialog", "Batch step")}
    return names.get(record_type, record_type)


@dataclass(frozen=True)
class SigningSubject:
    """What a dialog signs other than a workflow transition (a batch step): how to load what would be signed,
    how to sign it (`sign(password, user_id_typed, comment, meaning)`), both run off the GUI thread, and the
    sentence that says what the signature is for."""

    request: Callable[[], SigningRequest]
    sign: Callable[[str, str | None, str | None, Meaning], Any]
    sentence: Callable[[SigningRequest], str]


def decide(ctx: Services, session: SigningSession, record_type: str, record_id: str, target: Enum | str,
           password: str, user_id: str | None, comment: str | None, meaning: Meaning) -> SigningResult:
    """The use case of the decision signed: a release or a rejection of a lot or a batch (QC-4)."""
    status = str(target.value if isinstance(target, Enum) else target)
    if status == "Rejected":
        reject = lots.reject_lot if record_type == "lot" else batches.reject_batch
        return reject(ctx.uow(), ctx.auth, session, record_id, password, comment or "", user_id_typed=user_id)
    if status == "Released":
        release = lots.release_lot if record_type == "lot" else batches.release_batch
        return release(ctx.uow(), ctx.auth, session, record_id, password, user_id_typed=user_id, comment=comment,
                       meaning=meaning)
    return signatures.sign(ctx.uow(), ctx.auth, session, record_type, record_id, target, password,
                           user_id_typed=user_id, comment=comment, meaning=meaning)


class SignatureDialog(FormDialog[Any]):
    """Built with the record to sign; asks the app what this user would sign (`signing_request`) at once.
    `refusal` is set when the user may not sign it (then the dialog is not shown), `signed` after signing.

    `ask(...)`: the applied signature (SigningResult for a transition, the subject's result otherwise), or None:
    cancelled, refused (a box says why), or the account locked (then `on_account_locked(notice)` is called to end
    the session)."""

    account_locked = Signal(str)  # a notice for the log-in dialog: the session must end
    settled = Signal()  # the signing request is known, or refused

    def __init__(self, ctx: Services, runner: Runner, session: SigningSession, record_type: str, record_id: str,
                 target: Enum | str, parent: QWidget | None = None, *, subject: SigningSubject | None = None,
                 on_account_locked: Callable[[str], object] | None = None) -> None:
        super().__init__(runner, name="signature", title=self.tr("Electronic signature: {kind} {n}").format(
            kind=record_kind(record_type), n=record_id), ok_text=self.tr("Sign"), parent=parent)
        # Wide enough in the user's font for "... of lot FD-IVC-20-26339-002" on one line (no number broken).
        self.body.addStrut(max(460, self.fontMetrics().averageCharWidth() * 72))  # the layout sets the minimum
        self.ctx, self.session = ctx, session
        self.record_type, self.record_id, self.target = record_type, record_id, target
        self.request: SigningRequest | None = None
        self.refusal: str | None = None
        self.locked_notice: str | None = None
        self._busy = False
        self._close_when_done = False
        self._user_id_shown = False
        self._build()
        self._set_inputs_enabled(False)
        if on_account_locked is not None:
            self.account_locked.connect(on_account_locked)
        self.subject = subject or SigningSubject(
            lambda: signatures.signing_request(ctx.read_uow(), session, record_type, record_id, target),
            lambda password, user_id, comment, meaning: decide(
                ctx, session, record_type, record_id, target, password, user_id, comment, meaning),
            self._transition_sentence)
        self.runner.run(self.subject.request, on_done=self._requested, on_error=self._request_refused)

    @property
    def signed(self) -> Any:
        """SigningResult for a transition, the subject's result otherwise; None until signed."""
        return self.result_value

    # --- layout -------------------------------------------------------------------------------------
    def _build(self) -> None:
        self.what = self.add_note(self.tr("Loading what you would sign..."), "signingWhat")
        self.record_box = self.add_above(QGroupBox(self.tr("Signed record")))
        self.record_box.setObjectName("signedRecord")
        self.key_values = QFormLayout(self.record_box)
        # A release signs the evaluation too (QC-4): its outcome and rules, failed first, are part of what is signed.
        self.evaluation_box = self.add_above(QGroupBox(self.tr("Release evaluation (signed with the record)")))
        self.evaluation_box.setObjectName("signedEvaluation")
        self.evaluation_lines = QVBoxLayout(self.evaluation_box)
        self.evaluation_box.hide()
        self.meaning = QLabel()
        self.meaning.setObjectName("signatureMeaning")
        self.progress = QLabel()
        self.progress.setObjectName("signingProgress")
        self.progress.setWordWrap(True)
        self.statement = QLabel(self.tr(
            "Signing as {name} ({uid}). This electronic signature is the legally binding equivalent of your "
            "handwritten signature.").format(name=self.session.actor.printed_name, uid=self.session.actor.user_id))
        self.statement.setObjectName("signingStatement")
        self.statement.setWordWrap(True)
        self.comment = QPlainTextEdit()
        self.comment.setObjectName("signatureComment")
        self.comment.setPlaceholderText(self.tr("Why: the reason is kept with the signature and in the audit trail"))
        self.comment.setMaximumHeight(80)
        self.user_id = QLineEdit()
        self.user_id.setObjectName("signerUserId")
        self.user_id.setPlaceholderText(self.tr("Your user ID"))
        self.password = password_field("signerPassword")
        self.password.setPlaceholderText(self.tr("Your password"))
        self.form.addRow(self.tr("Signature"), self.meaning)
        self.form.addRow(self.tr("Progress"), self.progress)
        self.form.addRow(self.tr("Reason (required)"), self.comment)
        self.form.addRow(self.tr("User ID"), self.user_id)
        self.form.addRow(self.tr("Password"), self.password)
        self.form.setRowVisible(self.user_id, False)
        self.user_id.returnPressed.connect(self.password.setFocus)
        self.body.addWidget(self.statement)
        self.finish()

    def _transition_sentence(self, request: SigningRequest) -> str:
        return self.tr("You sign the {requirement} for the {transition} of {kind} {n} (to {target}).").format(
            requirement=requirement_name(request.requirement), transition=transition_name(request.progress.transition),
            kind=record_kind(request.record_type).lower(), n=request.record_id, target=status_name(request.target))

    def _requested(self, request: SigningRequest) -> None:
        self.request = request
        self.settled.emit()
        self.what.setText(self.subject.sentence(request))
        for key, value in request.key_values:
            label = QLabel(status_name(value) if key in ("Status", "Source") else value)
            label.setObjectName(f"signedValue_{key}")
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.key_values.addRow(signed_field_name(key), label)
        self.meaning.setText(self.tr("{requirement}, meaning: {meaning}").format(
            requirement=requirement_name(request.requirement), meaning=status_name(request.meaning)))
        self.progress.setText(request.progress.summary())
        if request.evaluation is not None:
            self._show_evaluation(request.evaluation)
        # Every signature may carry a comment (an approval's remark too); a rejection's reason is required, and
        # so is an override's justification.
        caption = self.form.labelForField(self.comment)
        if isinstance(caption, QLabel):
            caption.setText(self.tr("Justification (required)") if request.justification else
                            self.tr("Reason (required)") if request.needs_comment else self.tr("Comment (optional)"))
        self.comment.setPlaceholderText(
            self.tr("Why release although the rules above failed: kept with the override signature and in the "
                    "audit trail") if request.justification else
            self.tr("Why: the reason is kept with the signature and in the audit trail") if request.needs_comment
            else self.tr("Optional: a remark kept with the signature and in the audit trail"))
        self._show_user_id(self.session.user_id_required)
        self._set_inputs_enabled(True)
        (self.comment if request.needs_comment else self.user_id if self.session.user_id_required
         else self.password).setFocus()

    def _show_evaluation(self, evaluation: EvaluationView) -> None:
        outcome = QLabel(self.tr("Releasable: every rule passed.") if evaluation.releasable else self.tr(
            "Not releasable: {n} rule(s) failed. Releasing needs the QA override with a justification by a QA "
            "person who signs nothing else of this release.").format(n=sum(not r.passed for r in evaluation.rules)))
        outcome.setObjectName("evaluationOutcome")
        outcome.setWordWrap(True)
        self.evaluation_lines.addWidget(outcome)
        for rule in evaluation.rules:  # failed first
            verdict = self.tr("FAILED") if not rule.passed else self.tr("passed")
            evidence = "".join(f"\n    {evidence_text(line)}" for line in rule.evidence) if not rule.passed else ""
            text = f"{verdict}: {rule_title(rule.title)}{evidence}"
            line = QLabel(text)
            line.setObjectName(f"evaluationRule_{rule.key}")
            line.setWordWrap(True)
            line.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            if not rule.passed:
                line.setStyleSheet("color: #b00020;")
            self.evaluation_lines.addWidget(line)
        self.evaluation_box.show()

    def _request_refused(self, error: Exception) -> None:
        self.refusal = user_message(error)
        self.settled.emit()
        if self.isVisible():  # a real runner answered while the dialog was open: ask() shows why
            self.done(QDialog.DialogCode.Rejected)

    def _show_user_id(self, shown: bool) -> None:
        self.form.setRowVisible(self.user_id, shown)
        self._user_id_shown = shown

    def _set_inputs_enabled(self, enabled: bool) -> None:
        for widget in (self.comment, self.user_id, self.password, self.ok_button):
            widget.setEnabled(enabled)

    # --- signing ------------------------------------------------------------------------------------
    def submit(self) -> None:
        request = self.request
        if request is None or self._busy or self.locked_notice is not None:
            return
        if self.session.user_id_required and not self._user_id_shown:  # the session was locked meanwhile
            self._show_user_id(True)
        comment = self.comment.toPlainText().strip()
        user_id = self.user_id.text().strip() if self._user_id_shown else None
        password = self.password.text()
        if request.needs_comment and not comment:
            self.fail(self.tr("The {requirement} needs a justification: type why the release may go ahead.")
                      .format(requirement=request.requirement) if request.justification else
                      self.tr("The {requirement} needs a reason: type why.").format(requirement=request.requirement))
            self.comment.setFocus()
            return
        if self._user_id_shown and not user_id:
            self.fail(self.tr("Type your user ID and your password: the first signature of a "
                                            "session needs both."))
            self.user_id.setFocus()
            return
        if not password:
            self.fail(self.tr("Type your password to sign."))
            self.password.setFocus()
            return
        meaning = Meaning.parse(request.meaning)  # exactly what the dialog shows, or the app refuses
        sign = self.subject.sign
        self._busy = True
        self._set_inputs_enabled(False)
        self.cancel_button.setEnabled(False)
        self.run(lambda: sign(password, user_id, comment or None, meaning))

    def done_with(self, result: Any) -> None:
        self._busy = False
        self.password.clear()
        super().done_with(result)  # sign() marked the session: later signatures ask for the password alone

    def fail(self, error: Exception | str) -> None:
        if isinstance(error, str):  # the input is not complete: nothing was tried
            self.message.show_error(error)
            return
        self._busy = False
        self.password.clear()
        self.cancel_button.setEnabled(True)
        self.message.show_error(error)
        if isinstance(error, AccountLocked):
            self._account_locked(user_message(error))
            return
        if self._close_when_done:
            self.done(QDialog.DialogCode.Rejected)
            return
        self._set_inputs_enabled(True)
        if isinstance(error, AuthenticationFailed) and self.session.user_id_required:
            self._show_user_id(True)
        self.password.setFocus()

    def _account_locked(self, notice: str) -> None:
        """Nothing more to try here: the dialog says so, and the window ends the session (as the lock does)."""
        self.locked_notice = notice
        self._set_inputs_enabled(False)
        self.cancel_button.setText(self.tr("Close"))
        self.account_locked.emit(notice)

    def reject(self) -> None:
        """Cancel writes nothing; while a signature is being written, the dialog closes when it is done."""
        if self._busy:
            self._close_when_done = True
            return
        super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._busy:
            self._close_when_done = True
            event.ignore()
            return
        super().closeEvent(event)

    # --- the linear interface -----------------------------------------------------------------------
    def show_refusal(self, parent: QWidget | None) -> None:
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Signature refused"), self.refusal or "",
                          QMessageBox.StandardButton.Ok, parent)
        box.setObjectName("signingRefused")
        try:
            box.exec()
        finally:
            box.deleteLater()

    def wait_for_request(self, timeout_ms: int = 5_000) -> None:
        """Before the dialog shows: wait (events still flow) until the database says what would be signed or
        why this user may not sign, so that a refusal is a box of its own and never a dialog that opens and
        closes again. After `timeout_ms` the dialog opens in its loading state and fills in when it can."""
        if self.request is not None or self.refusal is not None:
            return
        loop = QEventLoop()
        self.settled.connect(loop.quit)
        QTimer.singleShot(timeout_ms, loop.quit)
        loop.exec()
        self.settled.disconnect(loop.quit)

    def show_modal(self) -> bool:
        """A refusal (this user may not sign this) is a box of its own: the dialog does not open."""
        self.wait_for_request()
        accepted = self.refusal is None and self.exec() == QDialog.DialogCode.Accepted
        if self.refusal is not None:
            self.show_refusal(self.parentWidget())
        return accepted
