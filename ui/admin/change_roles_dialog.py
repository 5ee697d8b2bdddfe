"""Asks for a user's new set of roles."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from app.users import UserView
from domain.users import Role
from ui.admin.role_checklist import RoleChecklist
from ui.widgets.message_label import MessageLabel


class ChangeRolesDialog(QDialog):
    def __init__(self, user: UserView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("changeRolesDialog")
        self.setWindowTitle(self.tr("Change roles"))
        self.current = frozenset(Role(value) for value in user.roles)
        self.chosen: frozenset[Role] | None = None
        self.roles = RoleChecklist(self.current)
        self.message = MessageLabel(self)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setObjectName("changeRolesOk")
        buttons.accepted.connect(self._submit)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Roles of {name} ({uid})").format(name=user.printed_name, uid=user.user_id)))
        layout.addWidget(self.roles)
        layout.addWidget(self.message)
        layout.addWidget(buttons)

    def _submit(self) -> None:
        roles = self.roles.roles()
        if not roles:
            self.message.show_error(self.tr("A user needs at least one role."))
        elif roles == self.current:
            self.message.show_error(self.tr("The roles are unchanged."))
        else:
            self.chosen = roles
            self.accept()

    @classmethod
    def ask(cls, user: UserView, parent: QWidget | None = None) -> frozenset[Role] | None:
        dialog = cls(user, parent)
        try:
            return dialog.chosen if dialog.exec() == QDialog.DialogCode.Accepted else None
        finally:
            dialog.deleteLater()
