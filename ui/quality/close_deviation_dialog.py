"""QA closes a deviation with an electronic signature (DEV-1, SIG-1): the findings it approves, the reason,
and re-authentication (user ID and password at the first signing of the session, then the password alone)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QLabel, QWidget

from app.deviation_review import sign_closure
from app.deviations import DeviationView
from app.signatures import SigningSession
from domain.errors import AccountLocked
from ui.shell.change_password_dialog import password_field
from ui.shell.task_runner import Runner, user_message
from ui.widgets.form_dialog import FormDialog
from ui.widgets.status_names import status_name
from ui.widgets.widget_parts import line_edit

if TYPE_CHECKING:
    from app.services import Services


class CloseDeviationDialog(FormDialog[DeviationView]):
    def __init__(self, ctx: Services, runner: Runner, session: SigningSession, deviation: DeviationView,
                 parent: QWidget | None = None, *, on_account_locked: Callable[[str], object] | None = None) -> None:
        super().__init__(runner, name="closeDeviation", title=self.tr("Close deviation {number}").format(
            number=deviation.number), ok_text=self.tr("Sign closure"), parent=parent)
        self.ctx, self.session, self.number, self.on_account_locked = ctx, session, deviation.number, on_account_locked
        none = self.tr("(not recorded)")
        cause = ": ".join(p for p in (status_name(deviation.root_cause_category or ""), deviation.root_cause or "")
                          if p)
        for caption, text in ((self.tr("Deviation"), f"{deviation.number}: {deviation.title}"),
                              (self.tr("Root cause"), cause or none),
                              (self.tr("Disposition"), deviation.disposition or none)):
            label = QLabel(text)
            label.setWordWrap(True)
            self.add_row(caption, label)
        actor = session.actor
        meaning = QLabel(self.tr("Meaning: Approved. I, {name} ({uid}), approve the investigation, root cause and "
                                 "disposition and close this deviation. This electronic signature is the legally "
                                 "binding equivalent of my handwritten signature.").format(
                                     name=actor.printed_name, uid=actor.user_id))
        meaning.setObjectName("closeDeviationMeaning")
        meaning.setWordWrap(True)
        self.form.addRow(meaning)
        self.reason = self.add_row(self.tr("Reason"), line_edit("closeDeviationReason",
                                                                self.tr("e.g. CAPA-2026-004 opened; lot reworked")))
        self.user_id = self.add_row(self.tr("User ID"), line_edit("closeDeviationUserId", self.tr("Your user ID")))
        self.password = self.add_row(self.tr("Password"), password_field("closeDeviationPassword"))
        self.form.setRowVisible(self.user_id, session.user_id_required)
        self.finish()
        self.reason.setFocus()

    def submit(self) -> None:
        ctx, session, number = self.ctx, self.session, self.number
        password, typed, reason = self.password.text(), self.user_id.text().strip() or None, self.reason.text()
        self.password.clear()
        self.run(lambda: sign_closure(ctx.uow(), ctx.auth, session, number, password, reason, user_id_typed=typed))

    def fail(self, error: Exception | str) -> None:
        super().fail(error)
        if isinstance(error, AccountLocked) and self.on_account_locked is not None:
            self.ok_button.setEnabled(False)
            self.on_account_locked(user_message(error))
