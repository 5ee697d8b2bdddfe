"""Asks an administrator for a temporary password for a user who forgot theirs."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QVBoxLayout, QWidget

from app.users import UserView
from domain.errors import DomainError
from domain.users import PasswordPolicy
from ui.shell.change_password_dialog import password_field
from ui.widgets.message_label import MessageLabel


class ResetPasswordDialog(QDialog):
    def __init__(self, user: UserView, policy: PasswordPolicy, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("resetPasswordDialog")
        self.setWindowTitle(self.tr("Reset password of {uid}").format(uid=user.user_id))
        self.policy = policy
        self.chosen: str | None = None
        self.password = password_field("temporaryPassword")
        self.repeat_password = password_field("repeatPassword")
        note = QLabel(self.tr("{name} must replace this temporary password at the next log-in.")
                      .format(name=user.printed_name))
        note.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Temporary password"), self.password)
        form.addRow(self.tr("Repeat password"), self.repeat_password)
        self.message = MessageLabel(self)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setObjectName("resetPasswordOk")
        buttons.accepted.connect(self._submit)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)

    def _submit(self) -> None:
        try:
            self.policy.check_strength(self.password.text())
        except DomainError as error:
            self.message.show_error(str(error))
            return
        if self.password.text() != self.repeat_password.text():
            self.message.show_error(self.tr("The two passwords differ: type the same password twice."))
            self.repeat_password.clear()
            return
        self.chosen = self.password.text()
        self.accept()

    @classmethod
    def ask(cls, user: UserView, policy: PasswordPolicy, parent: QWidget | None = None) -> str | None:
        dialog = cls(user, policy, parent)
        try:
            return dialog.chosen if dialog.exec() == QDialog.DialogCode.Accepted else None
        finally:
            dialog.deleteLater()
