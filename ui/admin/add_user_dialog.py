"""Asks for a new user: ID, printed name, roles and a temporary password the user replaces at first log-in."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from domain.errors import DomainError
from domain.users import PasswordPolicy, Role, validate_printed_name, validate_roles, validate_user_id
from ui.admin.role_checklist import RoleChecklist
from ui.shell.change_password_dialog import password_field
from ui.widgets.message_label import MessageLabel


@dataclass(frozen=True)
class NewUser:
    user_id: str
    printed_name: str
    roles: frozenset[Role]
    temporary_password: str


class AddUserDialog(QDialog):
    def __init__(self, policy: PasswordPolicy, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("addUserDialog")
        self.setWindowTitle(self.tr("Add user"))
        self.policy = policy
        self.result_user: NewUser | None = None
        self.user_id = QLineEdit()
        self.user_id.setObjectName("userId")
        self.user_id.setPlaceholderText(self.tr("2-32 lower-case letters, digits, '.', '_' or '-'"))
        self.printed_name = QLineEdit()
        self.printed_name.setObjectName("printedName")
        self.roles = RoleChecklist()
        self.password = password_field("temporaryPassword")
        self.repeat_password = password_field("repeatPassword")
        note = QLabel(self.tr("The user must replace the temporary password at the first log-in."))
        note.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("User ID"), self.user_id)
        form.addRow(self.tr("Printed name"), self.printed_name)
        form.addRow(self.roles)
        form.addRow(self.tr("Temporary password"), self.password)
        form.addRow(self.tr("Repeat password"), self.repeat_password)
        self.message = MessageLabel(self)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Add user"))
        self.ok_button.setObjectName("addUserOk")
        buttons.accepted.connect(self._submit)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(self.message)
        layout.addWidget(buttons)

    def _submit(self) -> None:
        # The rules are pure domain functions: check them here so that the form stays open to correct them.
        try:
            uid = validate_user_id(self.user_id.text().strip())
            name = validate_printed_name(self.printed_name.text())
            roles = validate_roles(self.roles.roles())
            self.policy.check_strength(self.password.text())
        except DomainError as error:
            self.message.show_error(str(error))
            return
        if self.password.text() != self.repeat_password.text():
            self.message.show_error(self.tr("The two passwords differ: type the same password twice."))
            self.repeat_password.clear()
            return
        self.result_user = NewUser(uid, name, roles, self.password.text())
        self.accept()

    @classmethod
    def ask(cls, policy: PasswordPolicy, parent: QWidget | None = None) -> NewUser | None:
        dialog = cls(policy, parent)
        try:
            return dialog.result_user if dialog.exec() == QDialog.DialogCode.Accepted else None
        finally:
            dialog.deleteLater()
