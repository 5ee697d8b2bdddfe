"""The locked session (ACC-5): only the logged-in user's own password unlocks; anyone else logs out."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QDialog, QWidget

from app import users
from domain.errors import AccountLocked
from domain.users import Actor
from ui.shell.change_password_dialog import password_field
from ui.shell.task_runner import Runner, user_message
from ui.widgets.form_dialog import FormDialog

if TYPE_CHECKING:
    from app.services import Services


class LockDialog(FormDialog[None]):
    """Modal over the whole application, opened (not asked) by the idle lock. It has no user field: another
    person logs out and logs in. OK unlocks, Cancel is "Log out"; Escape and closing do nothing."""

    unlocked = Signal()
    logged_out = Signal(str)  # a notice for the log-in dialog, empty when the user chose to log out

    def __init__(self, ctx: Services, runner: Runner, actor: Actor, parent: QWidget | None = None, *,
                 by_user: bool = False) -> None:
        super().__init__(runner, name="lock", title=self.tr("BatchTrace is locked"), ok_text=self.tr("Unlock"),
                         cancel_text=self.tr("Log out"), parent=parent)
        self.setWindowModality(Qt.WindowModality.ApplicationModal)
        self.ctx, self.actor = ctx, actor
        why = self.tr("Locked by {name}.") if by_user else self.tr("Locked after inactivity.")
        self.add_note((why + " " + self.tr(
            "Logged in: {name} ({uid}).\nType your password to go on working, or log out so that someone else can "
            "log in.")).format(name=actor.printed_name, uid=actor.user_id), "lockedUser")
        self.password = password_field("password")
        self.password.setPlaceholderText(self.tr("Password of {uid}").format(uid=actor.user_id))
        self.add_above(self.password)
        self.cancel_button.clicked.connect(lambda: self._end(""))
        self.finish()
        self.password.setFocus()

    def submit(self) -> None:
        password = self.password.text()
        if not password:
            return
        ctx, actor = self.ctx, self.actor
        self.run(lambda: users.reauthenticate(ctx.uow(), ctx.auth, actor, password, what="unlock"))

    def done_with(self, _result: object = None) -> None:
        self.password.clear()
        self.done(QDialog.DialogCode.Accepted)
        self.unlocked.emit()

    def fail(self, error: Exception | str) -> None:
        self.password.clear()
        if isinstance(error, AccountLocked):
            self.ok_button.setEnabled(True)
            self._end(user_message(error))
            return
        super().fail(error)
        self.password.setFocus()

    def _end(self, notice: str) -> None:
        self.password.clear()
        self.done(QDialog.DialogCode.Rejected)
        self.logged_out.emit(notice)

    def reject(self) -> None:
        """Escape does not dismiss the lock."""

    def closeEvent(self, event: QCloseEvent) -> None:
        event.ignore()
