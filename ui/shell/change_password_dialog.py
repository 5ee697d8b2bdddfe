"""The user sets a new password: on first log-in, when it expired, or by choice (ACC-2)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QLabel, QLineEdit, QWidget

from app import users
from domain.errors import AccountLocked, AuthenticationFailed, DomainError
from domain.users import Actor
from ui.shell.task_runner import Runner
from ui.widgets.form_dialog import FormDialog

if TYPE_CHECKING:
    from app.services import Services


def password_field(name: str) -> QLineEdit:
    field = QLineEdit()
    field.setObjectName(name)
    field.setEchoMode(QLineEdit.EchoMode.Password)
    return field


class ChangePasswordDialog(FormDialog[Actor]):
    """`ask(...)`: the actor, logged in with the new password; None when the user cancels."""

    def __init__(self, ctx: Services, runner: Runner, user_id: str, *, old_password: str = "",
                 explanation: str = "", parent: QWidget | None = None) -> None:
        super().__init__(runner, name="changePassword", title=self.tr("Set a new password"),
                         ok_text=self.tr("Set password"), parent=parent)
        self.ctx, self.user_id = ctx, user_id
        policy = ctx.security.values.password_policy
        if explanation:
            self.add_note(explanation, "explanation")
        self.add_note(self.tr(
            "At least {n} characters, letters mixed with digits or symbols, different from your last {h} passwords."
        ).format(n=policy.min_length, h=policy.history))
        self.add_row(self.tr("User ID"), QLabel(user_id))
        self.old_password = self.add_row(self.tr("Current password"), password_field("oldPassword"))
        self.old_password.setText(old_password)
        self.new_password = self.add_row(self.tr("New password"), password_field("newPassword"))
        self.repeat_password = self.add_row(self.tr("Repeat new password"), password_field("repeatPassword"))
        self.finish()
        (self.new_password if old_password else self.old_password).setFocus()

    def submit(self) -> None:
        new, repeat = self.new_password.text(), self.repeat_password.text()
        if new != repeat:
            self.fail(self.tr("The two new passwords differ: type the same password twice."))
            self.repeat_password.clear()
            return
        if not self.old_password.text() or not new:
            self.fail(self.tr("Type your current password and the new one."))
            return
        ctx, uid, old = self.ctx, self.user_id, self.old_password.text()
        self.run(lambda: users.change_own_password(ctx.uow(), ctx.auth, uid, old, new))

    def fail(self, error: Exception | str) -> None:
        super().fail(error)
        if isinstance(error, AccountLocked):
            self.ok_button.setEnabled(False)  # an administrator must unlock: no point in trying again here
        elif isinstance(error, AuthenticationFailed):
            self.old_password.clear()
            self.old_password.setFocus()
        elif isinstance(error, DomainError):
            self.new_password.clear()
            self.repeat_password.clear()
            self.new_password.setFocus()
