"""User administration (ACC-1..ACC-4): add, deactivate, unlock, reset password, change roles, rename.

Every change asks for a reason (AUD-4) and goes through the app services on the task runner; the services
check the permission again (ACC-4), so hiding this page is convenience, not security.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QAbstractItemView, QHBoxLayout, QPushButton, QTableView, QVBoxLayout, QWidget

from app import users
from app.users import UserView
from domain.users import Actor
from ui.admin.add_user_dialog import AddUserDialog
from ui.admin.change_roles_dialog import ChangeRolesDialog
from ui.admin.rename_user_dialog import RenameUserDialog
from ui.admin.reset_password_dialog import ResetPasswordDialog
from ui.admin.role_grants_dialog import RoleGrantsDialog
from ui.admin.security_settings_dialog import SecuritySettingsDialog
from ui.admin.user_table_model import UserTableModel
from ui.shell.task_runner import Runner
from ui.widgets.message_label import MessageLabel
from ui.widgets.reason_dialog import ReasonDialog
from ui.widgets.widget_parts import fit_columns_to_content

if TYPE_CHECKING:
    from app.services import Services


class UserAdminWidget(QWidget):
    def __init__(self, ctx: Services, runner: Runner, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("userAdmin")
        self.ctx, self.runner, self.actor = ctx, runner, actor
        self._done_text = ""
        self._select_after_load: str | None = None
        self.model = UserTableModel(self)
        self.table = QTableView()
        self.table.setObjectName("userTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        fit_columns_to_content(self.table)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.message = MessageLabel(self, object_name="userMessage")
        buttons = QHBoxLayout()
        self.buttons: dict[str, QPushButton] = {}
        for name, text, slot in (
            ("addUser", self.tr("Add user..."), self.add_user),
            ("deactivateUser", self.tr("Deactivate..."), self.deactivate_user),
            ("unlockUser", self.tr("Unlock..."), self.unlock_user),
            ("resetPassword", self.tr("Reset password..."), self.reset_password),
            ("changeRoles", self.tr("Change roles..."), self.change_roles),
            ("renameUser", self.tr("Change printed name..."), self.rename_user),
            ("roleGrants", self.tr("Role approvals..."), self.role_grants),
            ("securitySettings", self.tr("Security settings..."), self.security_settings),
            ("refreshUsers", self.tr("Refresh"), self.refresh),
        ):
            button = QPushButton(text)
            button.setObjectName(name)
            button.clicked.connect(slot)
            buttons.addWidget(button)
            self.buttons[name] = button
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.table)
        layout.addWidget(self.message)
        self._update_buttons()
        self.refresh()

    # --- loading ------------------------------------------------------------------------------------
    def refresh(self, select: str | None = None) -> None:
        ctx, actor = self.ctx, self.actor
        keep = select or (self.selected_user().user_id if self.selected_user() else None)
        self._select_after_load = keep
        self.runner.run(lambda: users.list_users(ctx.read_uow(), actor), on_done=self._loaded,
                        on_error=self.message.show_error)

    def _loaded(self, views: list[UserView]) -> None:
        self.model.set_users(views)
        row = self.model.row_of(self._select_after_load) if self._select_after_load else -1
        if row >= 0:
            self.table.selectRow(row)
        self._update_buttons()

    def selected_user(self) -> UserView | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.user_at(rows[0].row()) if rows else None

    def _update_buttons(self) -> None:
        user = self.selected_user()
        active = user is not None and user.active
        self.buttons["deactivateUser"].setEnabled(active and user is not None and user.user_id != self.actor.user_id)
        self.buttons["unlockUser"].setEnabled(active and user is not None and (user.locked or user.failed_logins > 0))
        for name in ("resetPassword", "changeRoles", "renameUser"):
            self.buttons[name].setEnabled(active)

    # --- actions ------------------------------------------------------------------------------------
    def add_user(self) -> None:
        new = AddUserDialog.ask(self.ctx.security.values.password_policy, self)
        if new is None:
            return
        ctx, actor = self.ctx, self.actor
        self._run(lambda: users.add_user(ctx.uow(), actor, ctx.auth, new.user_id, new.printed_name, new.roles,
                                         new.temporary_password, accept_conflicts=new.accept_conflicts),
                  self.tr("User '{uid}' added: the user sets a new password at the first log-in."))

    def deactivate_user(self) -> None:
        user = self.selected_user()
        if user is None:
            return
        self._change(self.tr("Deactivate {name} ({uid})? The user can no longer log in; the ID is never reused.")
                     .format(name=user.printed_name, uid=user.user_id),
                     lambda uow, actor, why: users.deactivate_user(uow, actor, user.user_id, why),
                     self.tr("User '{uid}' deactivated."))

    def unlock_user(self) -> None:
        user = self.selected_user()
        if user is None:
            return
        self._change(self.tr("Unlock {name} ({uid}) and reset the failed log-in count?")
                     .format(name=user.printed_name, uid=user.user_id),
                     lambda uow, actor, why: users.unlock_user(uow, actor, user.user_id, why),
                     self.tr("User '{uid}' unlocked."))

    def reset_password(self) -> None:
        user = self.selected_user()
        password = ResetPasswordDialog.ask(user, self.ctx.security.values.password_policy, self) if user else None
        if user is None or password is None:
            return
        auth = self.ctx.auth
        self._change(self.tr("Give {name} ({uid}) a temporary password?").format(name=user.printed_name,
                                                                               uid=user.user_id),
                     lambda uow, actor, why: users.reset_password(uow, actor, auth, user.user_id, password, why),
                     self.tr("Password of '{uid}' reset: the user sets a new one at the next log-in."))

    def change_roles(self) -> None:
        user = self.selected_user()
        change = ChangeRolesDialog.ask(user, self) if user else None
        if user is None or change is None:
            return
        roles, accepted = change.roles, change.accept_conflicts
        names = ", ".join(sorted(r.value for r in roles))
        self._change(self.tr("Give {name} ({uid}) the roles: {roles}?").format(name=user.printed_name,
                                                                             uid=user.user_id, roles=names),
                     lambda uow, actor, why: users.change_roles(uow, actor, user.user_id, roles, why,
                                                                accept_conflicts=accepted),
                     self.tr("Roles of '{uid}' changed."))

    def rename_user(self) -> None:
        user = self.selected_user()
        name = RenameUserDialog.ask(user, self) if user else None
        if user is None or name is None:
            return
        self._change(self.tr("Change the printed name of '{uid}' from '{old}' to '{new}'?")
                     .format(uid=user.user_id, old=user.printed_name, new=name),
                     lambda uow, actor, why: users.rename_user(uow, actor, user.user_id, name, why),
                     self.tr("Printed name of '{uid}' changed."))

    def role_grants(self) -> None:
        decided = RoleGrantsDialog.ask(self.ctx, self.runner, self.actor, self)
        if decided is not None:
            self.message.show_info(decided)
            self.refresh()

    def security_settings(self) -> None:
        view = SecuritySettingsDialog.ask(self.ctx, self.runner, self.actor, self)
        if view is None:
            return
        # This station's copy for the idle timer and password hints; every use case reads the database anyway.
        self.ctx.security = view
        self.message.show_info(self.tr("Security settings saved as version {version}: they apply at every "
                                       "station.").format(version=view.version))

    def _change(self, question: str, call: Callable[[Any, Actor, str], UserView], done_text: str) -> None:
        reason = ReasonDialog.ask(question, self, example=self.tr(
            "e.g. left the company, wrong name spelled, new duties"))
        if reason is None:
            return
        ctx, actor = self.ctx, self.actor
        self._run(lambda: call(ctx.uow(), actor, reason), done_text)

    def _run(self, fn: Callable[[], UserView], done_text: str) -> None:
        self.message.clear_message()
        self._done_text = done_text
        self.runner.run(fn, on_done=self._changed, on_error=self.message.show_error)

    def _changed(self, view: UserView) -> None:
        self.message.show_info(self._done_text.format(uid=view.user_id))
        self.refresh(select=view.user_id)
