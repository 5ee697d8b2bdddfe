"""Asks for a new user: ID, printed name, roles and a temporary password the user replaces at first log-in."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import QLabel, QLineEdit, QWidget

from domain.errors import DomainError
from domain.users import PasswordPolicy, Role, validate_printed_name, validate_roles, validate_user_id
from ui.admin.four_eyes_notice import FourEyesNotice
from ui.admin.role_checklist import RoleChecklist
from ui.shell.change_password_dialog import password_field
from ui.widgets.form_dialog import FormDialog


@dataclass(frozen=True)
class NewUser:
    user_id: str
    printed_name: str
    roles: frozenset[Role]
    temporary_password: str
    accept_conflicts: str | None = None  # the site's acceptance of a four-eyes conflict (ACC-6)


class AddUserDialog(FormDialog[NewUser]):
    def __init__(self, policy: PasswordPolicy, parent: QWidget | None = None) -> None:
        super().__init__(None, name="addUser", title=self.tr("Add user"), ok_text=self.tr("Add user"), parent=parent)
        self.policy = policy
        self.user_id = self.add_row(self.tr("User ID"), QLineEdit())
        self.user_id.setObjectName("userId")
        self.user_id.setPlaceholderText(self.tr("2-32 lower-case letters, digits, '.', '_' or '-'"))
        self.printed_name = self.add_row(self.tr("Printed name"), QLineEdit())
        self.printed_name.setObjectName("printedName")
        self.roles = RoleChecklist()
        self.form.addRow(self.roles)
        self.four_eyes = FourEyesNotice("")
        self.form.addRow(self.four_eyes)
        self.roles.on_change(lambda: self.four_eyes.update_for(self.roles.roles()))
        self.user_id.textChanged.connect(self._user_id_changed)
        self.password = self.add_row(self.tr("Temporary password"), password_field("temporaryPassword"))
        self.repeat_password = self.add_row(self.tr("Repeat password"), password_field("repeatPassword"))
        note = QLabel(self.tr("The user must replace the temporary password at the first log-in."))
        note.setWordWrap(True)
        self.body.addWidget(note)
        self.finish()

    def _user_id_changed(self, text: str) -> None:
        self.four_eyes.user_id = text.strip()
        self.four_eyes.update_for(self.roles.roles())

    def submit(self) -> None:
        # The rules are pure domain functions: check them here so that the form stays open to correct them.
        try:
            uid = validate_user_id(self.user_id.text().strip())
            name = validate_printed_name(self.printed_name.text())
            roles = validate_roles(self.roles.roles())
            self.policy.check_strength(self.password.text())
        except DomainError as error:
            self.fail(str(error))
            return
        if self.password.text() != self.repeat_password.text():
            self.fail(self.tr("The two passwords differ: type the same password twice."))
            self.repeat_password.clear()
            return
        if self.four_eyes.missing_acceptance(roles):
            self.fail(self.tr("Say why the site accepts one person in both roles, or untick one of them."))
            return
        self.done_with(NewUser(uid, name, roles, self.password.text(), self.four_eyes.accepted(roles)))
