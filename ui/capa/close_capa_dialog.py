"""QA closes a CAPA with an electronic signature (DEV-2, SIG-1): what it approves, an optional comment, and
re-authentication (user ID and password at the first signing of the session, then the password alone)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QLabel, QWidget

from app import capa
from app.capa import CapaView
from app.signatures import SigningSession
from domain.errors import AccountLocked
from ui.shell.change_password_dialog import password_field
from ui.shell.task_runner import Runner, user_message
from ui.widgets.form_dialog import FormDialog
from ui.widgets.widget_parts import line_edit

if TYPE_CHECKING:
    from app.services import Services


class CloseCapaDialog(FormDialog[CapaView]):
    def __init__(self, ctx: Services, runner: Runner, session: SigningSession, record: CapaView,
                 parent: QWidget | None = None, *, on_account_locked: Callable[[str], object] | None = None) -> None:
        super().__init__(runner, name="closeCapa", title=self.tr("Close CAPA {number}").format(number=record.number),
                         ok_text=self.tr("Sign closure"), parent=parent)
        self.ctx, self.session, self.number, self.on_account_locked = ctx, session, record.number, on_account_locked
        summary = QLabel(self.tr("{number}: {title}\n{n} action(s) closed with their evidence; effectiveness: {found}")
                         .format(number=record.number, title=record.title, n=len(record.actions),
                                 found=record.effectiveness or ""))
        summary.setWordWrap(True)
        self.add_row(self.tr("CAPA"), summary)
        actor = session.actor
        meaning = QLabel(self.tr("Meaning: Approved. I, {name} ({uid}), approve the actions and their effectiveness "
                                 "and close this CAPA. This electronic signature is the legally binding equivalent of "
                                 "my handwritten signature.").format(name=actor.printed_name, uid=actor.user_id))
        meaning.setObjectName("closeCapaMeaning")
        meaning.setWordWrap(True)
        self.form.addRow(meaning)
        self.comment = self.add_row(self.tr("Comment"), line_edit("closeCapaComment", self.tr("Optional")))
        self.user_id = self.add_row(self.tr("User ID"), line_edit("closeCapaUserId", self.tr("Your user ID")))
        self.password = self.add_row(self.tr("Password"), password_field("closeCapaPassword"))
        self.form.setRowVisible(self.user_id, session.user_id_required)
        self.finish()

    def submit(self) -> None:
        ctx, session, number = self.ctx, self.session, self.number
        password, typed, comment = self.password.text(), self.user_id.text().strip() or None, self.comment.text()
        self.password.clear()
        self.run(lambda: capa.close_capa(ctx.uow(), ctx.auth, session, number, password, user_id_typed=typed,
                                         comment=comment or None))

    def fail(self, error: Exception | str) -> None:
        super().fail(error)
        if isinstance(error, AccountLocked) and self.on_account_locked is not None:
            self.ok_button.setEnabled(False)
            self.on_account_locked(user_message(error))
