"""Asks an administrator for a temporary password for a user who forgot theirs."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget

from app.users import UserView
from domain.errors import DomainError
from domain.users import PasswordPolicy
from ui.shell.change_password_dialog import password_field
from ui.widgets.form_dialog import FormDialog


class ResetPasswordDialog(FormDialog[str]):
    def __init__(self, user: UserView, policy: PasswordPolicy, parent: QWidget | None = None) -> None:
        super().__init__(None, name="resetPassword", title=self.tr("Reset password of {uid}").format(
            uid=user.user_id), parent=parent)
        self.policy = policy
        note = QLabel(self.tr("{name} must replace this temporary password at the next log-in.")
                      .format(name=user.printed_name))
        note.setWordWrap(True)
        self.body.insertWidget(0, note)
        self.password = self.add_row(self.tr("Temporary password"), password_field("temporaryPassword"))
        self.repeat_password = self.add_row(self.tr("Repeat password"), password_field("repeatPassword"))
        self.finish()

    def submit(self) -> None:
        try:
            self.policy.check_strength(self.password.text())
        except DomainError as error:
            self.fail(str(error))
            return
        if self.password.text() != self.repeat_password.text():
            self.fail(self.tr("The two passwords differ: type the same password twice."))
            self.repeat_password.clear()
            return
        self.done_with(self.password.text())
