"""The user sets a new password: on first log-in, when it expired, or by choice (ACC-2)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from app import users
from domain.errors import AccountLocked, AuthenticationFailed, DomainError
from domain.users import Actor
from ui.shell.task_runner import Runner, user_message
from ui.widgets.message_label import MessageLabel

if TYPE_CHECKING:
    from app.services import Services


def password_field(name: str) -> QLineEdit:
    field = QLineEdit()
    field.setObjectName(name)
    field.setEchoMode(QLineEdit.EchoMode.Password)
    return field


class ChangePasswordDialog(QDialog):
    def __init__(self, ctx: Services, runner: Runner, user_id: str, *, old_password: str = "",
                 explanation: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("changePasswordDialog")
        self.setWindowTitle(self.tr("Set a new password"))
        self.ctx, self.runner, self.user_id = ctx, runner, user_id
        self.actor: Actor | None = None
        policy = ctx.security.values.password_policy
        rules = QLabel(self.tr(
            "At least {n} characters, letters mixed with digits or symbols, different from your last {h} passwords."
        ).format(n=policy.min_length, h=policy.history))
        rules.setWordWrap(True)
        self.old_password = password_field("oldPassword")
        self.old_password.setText(old_password)
        self.new_password = password_field("newPassword")
        self.repeat_password = password_field("repeatPassword")
        form = QFormLayout()
        form.addRow(self.tr("User ID"), QLabel(user_id))
        form.addRow(self.tr("Current password"), self.old_password)
        form.addRow(self.tr("New password"), self.new_password)
        form.addRow(self.tr("Repeat new password"), self.repeat_password)
        self.message = MessageLabel(self)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Set password"))
        self.ok_button.setObjectName("setPassword")
        self.buttons.accepted.connect(self._submit)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        if explanation:
            heading = QLabel(explanation)
            heading.setObjectName("explanation")
            heading.setWordWrap(True)
            layout.addWidget(heading)
        layout.addWidget(rules)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        (self.new_password if old_password else self.old_password).setFocus()

    def _submit(self) -> None:
        new, repeat = self.new_password.text(), self.repeat_password.text()
        if new != repeat:
            self.message.show_error(self.tr("The two new passwords differ: type the same password twice."))
            self.repeat_password.clear()
            return
        if not self.old_password.text() or not new:
            self.message.show_error(self.tr("Type your current password and the new one."))
            return
        ctx, uid, old = self.ctx, self.user_id, self.old_password.text()
        self.ok_button.setEnabled(False)
        self.message.clear_message()
        self.runner.run(lambda: users.change_own_password(ctx.uow(), ctx.auth, uid, old, new),
                        on_done=self._changed, on_error=self._refused)

    def _changed(self, actor: Actor) -> None:
        self.actor = actor
        self.accept()

    def _refused(self, error: Exception) -> None:
        self.message.show_error(user_message(error))
        if isinstance(error, AccountLocked):
            return  # an administrator must unlock: no point in trying again here
        self.ok_button.setEnabled(True)
        if isinstance(error, AuthenticationFailed):
            self.old_password.clear()
            self.old_password.setFocus()
        elif isinstance(error, DomainError):
            self.new_password.clear()
            self.repeat_password.clear()
            self.new_password.setFocus()

    @classmethod
    def ask(cls, ctx: Services, runner: Runner, user_id: str, *, old_password: str = "",
            explanation: str = "", parent: QWidget | None = None) -> Actor | None:
        """The actor, logged in with the new password; None when the user cancels."""
        dialog = cls(ctx, runner, user_id, old_password=old_password, explanation=explanation, parent=parent)
        try:
            return dialog.actor if dialog.exec() == QDialog.DialogCode.Accepted else None
        finally:
            dialog.deleteLater()
