"""Asks for a user's new set of roles."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import QLabel, QWidget

from app.users import UserView
from domain.users import Role
from ui.admin.four_eyes_notice import FourEyesNotice
from ui.admin.role_checklist import RoleChecklist
from ui.widgets.form_dialog import FormDialog


@dataclass(frozen=True)
class RolesChange:
    roles: frozenset[Role]
    accept_conflicts: str | None = None  # the site's acceptance of a four-eyes conflict (ACC-6)


class ChangeRolesDialog(FormDialog[RolesChange]):
    def __init__(self, user: UserView, parent: QWidget | None = None) -> None:
        super().__init__(None, name="changeRoles", title=self.tr("Change roles"), parent=parent)
        self.current = frozenset(Role(value) for value in user.roles)
        self.roles = RoleChecklist(self.current)
        self.body.addWidget(QLabel(self.tr("Roles of {name} ({uid})").format(name=user.printed_name,
                                                                             uid=user.user_id)))
        self.body.addWidget(self.roles)
        self.four_eyes = FourEyesNotice(user.user_id, self.current)
        self.body.addWidget(self.four_eyes)
        self.roles.on_change(lambda: self.four_eyes.update_for(self.roles.roles()))
        self.finish()

    def submit(self) -> None:
        roles = self.roles.roles()
        if not roles:
            self.fail(self.tr("A user needs at least one role."))
        elif roles == self.current:
            self.fail(self.tr("The roles are unchanged."))
        elif self.four_eyes.missing_acceptance(roles):
            self.fail(self.tr("Say why the site accepts one person in both roles, or untick one of them."))
        else:
            self.done_with(RolesChange(roles, self.four_eyes.accepted(roles)))
