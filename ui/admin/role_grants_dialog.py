"""The signing roles waiting for a second person (ACC-6): an administrator or QA other than the one who asked
approves one with their own password (an electronic signature), or rejects it with a reason."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QPushButton, QWidget

from app import role_grants
from app.role_grants import GrantView
from domain.users import Actor, Role
from ui.admin.role_checklist import role_name
from ui.shell.change_password_dialog import password_field
from ui.shell.task_runner import Runner
from ui.widgets.form_dialog import FormDialog
from ui.widgets.local_time import local_text
from ui.widgets.reason_dialog import ReasonDialog

if TYPE_CHECKING:
    from app.services import Services


class RoleGrantsDialog(FormDialog[str]):
    """Returns what was decided, as a sentence for the page's message line."""

    def __init__(self, ctx: Services, runner: Runner, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(runner, name="roleGrants", title=self.tr("Signing roles awaiting approval"),
                         ok_text=self.tr("Approve, signing with my password"), parent=parent)
        self.ctx, self.actor = ctx, actor
        note = QLabel(self.tr("A signing role applies only after a second administrator or QA approves it: "
                              "not the one who asked, not the person who gets it."))
        note.setWordWrap(True)
        self.form.addRow(note)
        self.grants = QListWidget()
        self.grants.setObjectName("grantList")
        self.grants.setWordWrap(True)  # a long acceptance reason wraps instead of being cut off
        self.grants.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.grants.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.form.addRow(self.grants)
        self.password = self.add_row(self.tr("Your password"), password_field("approverPassword"))
        self.reject_button = QPushButton(self.tr("Reject..."))
        self.reject_button.setObjectName("rejectGrant")
        self.reject_button.clicked.connect(self._reject)
        self.buttons.addButton(self.reject_button, self.buttons.ButtonRole.ActionRole)
        self.finish()
        self.ok_button.setEnabled(False)
        self.load(lambda: role_grants.pending_grants(ctx.read_uow(), actor), self._loaded)

    def _loaded(self, grants: list[GrantView]) -> None:
        self.grants.clear()
        for grant in grants:
            roles = ", ".join(role_name(Role(r)) for r in grant.roles)
            text = self.tr("#{id} {name} ({uid}): {roles}\nasked by {by} on {when}").format(
                id=grant.id, name=grant.printed_name, uid=grant.user_id, roles=roles, by=grant.requested_by,
                when=local_text(grant.requested_at))
            if grant.conflicts_accepted:
                text += "\n" + self.tr("Four-eyes conflict accepted: {why}").format(why=grant.conflicts_accepted)
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, grant.id)
            self.grants.addItem(item)
        if grants:
            self.grants.setCurrentRow(0)
        else:
            self.message.show_info(self.tr("No signing role is waiting for approval."))
        self.ok_button.setEnabled(bool(grants))
        self.reject_button.setEnabled(bool(grants))

    def _chosen(self) -> int | None:
        item = self.grants.currentItem()
        return int(item.data(Qt.ItemDataRole.UserRole)) if item is not None else None

    def submit(self) -> None:
        grant_id, password = self._chosen(), self.password.text()
        if grant_id is None:
            return
        if not password:
            self.fail(self.tr("Type your password: it signs the approval."))
            return
        ctx, actor = self.ctx, self.actor
        self.password.clear()
        done = self.tr("Grant #{id} approved: {uid} now holds {roles}.")

        def approve() -> str:
            view = role_grants.approve_grant(ctx.uow(), actor, ctx.auth, grant_id, password)
            return done.format(id=grant_id, uid=view.user_id, roles=", ".join(view.roles))

        self.run(approve)

    def _reject(self) -> None:
        grant_id = self._chosen()
        if grant_id is None:
            return
        reason = ReasonDialog.ask(self.tr("Reject grant #{id}? The roles never apply.").format(id=grant_id), self)
        if reason is None:
            return
        ctx, actor = self.ctx, self.actor
        done = self.tr("Grant #{id} rejected.").format(id=grant_id)
        self.run(lambda: (role_grants.reject_grant(ctx.uow(), actor, grant_id, reason), done)[1])
