"""Log-in (ACC-3): user ID and password; failures are counted by the service and shown here."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLineEdit, QVBoxLayout, QWidget

from app import users
from domain.errors import PasswordExpired
from domain.users import Actor
from ui.shell.change_password_dialog import ChangePasswordDialog, password_field
from ui.shell.task_runner import Runner, user_message
from ui.widgets.database_line import database_line
from ui.widgets.message_label import MessageLabel

if TYPE_CHECKING:
    from app.services import Services


class LoginDialog(QDialog):
    def __init__(self, ctx: Services, runner: Runner, parent: QWidget | None = None, *, user_id: str = "",
                 notice: str = "") -> None:
        super().__init__(parent)
        self.setObjectName("loginDialog")
        self.setWindowTitle(self.tr("BatchTrace: log in"))
        self.ctx, self.runner = ctx, runner
        self.actor: Actor | None = None
        self._attempt = ("", "")
        where = database_line(ctx.database.kind, ctx.database.location)
        self.user_id = QLineEdit(user_id)
        self.user_id.setObjectName("userId")
        self.password = password_field("password")
        form = QFormLayout()
        form.addRow(self.tr("User ID"), self.user_id)
        form.addRow(self.tr("Password"), self.password)
        self.message = MessageLabel(self)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.log_in_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.log_in_button.setText(self.tr("Log in"))
        self.log_in_button.setObjectName("logIn")
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Quit"))
        self.buttons.accepted.connect(self._submit)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(where)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        if notice:
            self.message.show_error(notice)
        (self.password if user_id else self.user_id).setFocus()

    def _submit(self) -> None:
        uid, pw = self.user_id.text().strip(), self.password.text()
        if not uid or not pw:
            self.message.show_error(self.tr("Type your user ID and password."))
            return
        ctx = self.ctx
        self.log_in_button.setEnabled(False)
        self.message.clear_message()
        self._attempt = (uid, pw)
        self.runner.run(lambda: users.log_in(ctx.uow(), ctx.auth, uid, pw),
                        on_done=self._logged_in, on_error=self._refused)

    def _logged_in(self, actor: Actor) -> None:
        self.actor = actor
        self.accept()

    def _refused(self, error: Exception) -> None:
        (uid, pw), self._attempt = self._attempt, ("", "")
        self.password.clear()
        self.log_in_button.setEnabled(True)
        if isinstance(error, PasswordExpired):
            actor = ChangePasswordDialog.ask(self.ctx, self.runner, uid, old_password=pw, explanation=str(error),
                                             parent=self)
            if actor is not None:
                self._logged_in(actor)
                return
        self.message.show_error(user_message(error))
        self.password.setFocus()

    @classmethod
    def ask(cls, ctx: Services, runner: Runner, parent: QWidget | None = None, *, user_id: str = "",
            notice: str = "") -> Actor | None:
        """The logged-in actor, or None when the user quits. `notice` says why the last session ended."""
        dialog = cls(ctx, runner, parent, user_id=user_id, notice=notice)
        try:
            return dialog.actor if dialog.exec() == QDialog.DialogCode.Accepted else None
        finally:
            dialog.deleteLater()
