"""The locked session (ACC-5): only the logged-in user's own password unlocks; anyone else logs out."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPushButton, QVBoxLayout, QWidget

from app import users
from domain.errors import AccountLocked
from domain.users import Actor
from ui.shell.change_password_dialog import password_field
from ui.shell.task_runner import Runner, user_message
from ui.widgets.message_label import MessageLabel

if TYPE_CHECKING:
    from app.services import Services


class LockDialog(QDialog):
    """Modal over the whole application. It has no user field: another person logs out and logs in."""

    unlocked = Signal()
    logged_out = Signal(str)  # a notice for the log-in dialog, empty when the user chose to log out

    def __init__(self, ctx: Services, runner: Runner, actor: Actor, parent: QWidget | None = None, *,
                 by_user: bool = False) -> None:
        super().__init__(parent)
        self.setObjectName("lockDialog")
        self.setWindowTitle(self.tr("BatchTrace is locked"))
        self.setWindowModality(Qt.WindowModality.ApplicationModal)
        self.ctx, self.runner, self.actor = ctx, runner, actor
        why = self.tr("Locked by {name}.") if by_user else self.tr("Locked after inactivity.")
        who = QLabel((why + " " + self.tr(
            "Logged in: {name} ({uid}).\nType your password to go on working, or log out so that someone else can "
            "log in.")).format(name=actor.printed_name, uid=actor.user_id))
        who.setObjectName("lockedUser")
        who.setWordWrap(True)
        self.password = password_field("password")
        self.password.setPlaceholderText(self.tr("Password of {uid}").format(uid=actor.user_id))
        self.message = MessageLabel(self)
        self.buttons = QDialogButtonBox()
        self.unlock_button = QPushButton(self.tr("Unlock"))
        self.unlock_button.setObjectName("unlock")
        self.unlock_button.setDefault(True)
        self.log_out_button = QPushButton(self.tr("Log out"))
        self.log_out_button.setObjectName("logOut")
        self.buttons.addButton(self.unlock_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(self.log_out_button, QDialogButtonBox.ButtonRole.DestructiveRole)
        self.unlock_button.clicked.connect(self._submit)
        self.password.returnPressed.connect(self._submit)
        self.log_out_button.clicked.connect(lambda: self._end(""))
        layout = QVBoxLayout(self)
        layout.addWidget(who)
        layout.addWidget(self.password)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.password.setFocus()

    def _submit(self) -> None:
        password = self.password.text()
        if not password:
            return
        ctx, actor = self.ctx, self.actor
        self.unlock_button.setEnabled(False)
        self.message.clear_message()
        self.runner.run(lambda: users.reauthenticate(ctx.uow(), ctx.auth, actor, password, what="unlock"),
                        on_done=self._unlocked, on_error=self._refused)

    def _unlocked(self, _result: object = None) -> None:
        self.password.clear()
        self.done(QDialog.DialogCode.Accepted)
        self.unlocked.emit()

    def _refused(self, error: Exception) -> None:
        self.password.clear()
        self.unlock_button.setEnabled(True)
        if isinstance(error, AccountLocked):
            self._end(user_message(error))
            return
        self.message.show_error(user_message(error))
        self.password.setFocus()

    def _end(self, notice: str) -> None:
        self.password.clear()
        self.done(QDialog.DialogCode.Rejected)
        self.logged_out.emit(notice)

    def reject(self) -> None:
        """Escape does not dismiss the lock."""

    def closeEvent(self, event: QCloseEvent) -> None:
        event.ignore()
