"""Asks for a user's new set of roles."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget

from app.users import UserView
from domain.users import Role
from ui.admin.role_checklist import RoleChecklist
from ui.widgets.form_dialog import FormDialog


class ChangeRolesDialog(FormDialog[frozenset[Role]]):
    def __init__(self, user: UserView, parent: QWidget | None = None) -> None:
        super().__init__(None, name="changeRoles", title=self.tr("Change roles"), parent=parent)
        self.current = frozenset(Role(value) for value in user.roles)
        self.roles = RoleChecklist(self.current)
        self.body.addWidget(QLabel(self.tr("Roles of {name} ({uid})").format(name=user.printed_name,
                                                                             uid=user.user_id)))
        self.body.addWidget(self.roles)
        self.finish()

    def submit(self) -> None:
        roles = self.roles.roles()
        if not roles:
            self.fail(self.tr("A user needs at least one role."))
        elif roles == self.current:
            self.fail(self.tr("The roles are unchanged."))
        else:
            self.done_with(roles)
