"""Log-in (ACC-3): user ID and password; failures are counted by the service and shown here."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QLineEdit, QWidget

from app import users
from domain.errors import PasswordExpired
from domain.users import Actor
from ui.shell.change_password_dialog import ChangePasswordDialog, password_field
from ui.shell.task_runner import Runner
from ui.widgets.database_line import database_line
from ui.widgets.form_dialog import FormDialog

if TYPE_CHECKING:
    from app.services import Services


class LoginDialog(FormDialog[Actor]):
    """`ask(ctx, runner, parent, user_id=..., notice=...)`: the logged-in actor, or None when the user quits.
    `notice` says why the last session ended."""

    def __init__(self, ctx: Services, runner: Runner, parent: QWidget | None = None, *, user_id: str = "",
                 notice: str = "") -> None:
        super().__init__(runner, name="login", title=self.tr("BatchTrace: log in"), ok_text=self.tr("Log in"),
                         cancel_text=self.tr("Quit"), parent=parent)
        self.ctx = ctx
        self._attempt = ("", "")
        self.add_above(database_line(ctx.database.kind, ctx.database.location))
        self.user_id = self.add_row(self.tr("User ID"), QLineEdit(user_id))
        self.user_id.setObjectName("userId")
        self.password = self.add_row(self.tr("Password"), password_field("password"))
        self.finish()
        if notice:
            self.message.show_error(notice)
        (self.password if user_id else self.user_id).setFocus()

    def submit(self) -> None:
        uid, pw = self.user_id.text().strip(), self.password.text()
        if not uid or not pw:
            self.fail(self.tr("Type your user ID and password."))
            return
        ctx = self.ctx
        self._attempt = (uid, pw)
        self.run(lambda: users.log_in(ctx.uow(), ctx.auth, uid, pw))

    def fail(self, error: Exception | str) -> None:
        (uid, pw), self._attempt = self._attempt, ("", "")
        if isinstance(error, str):  # nothing was tried: the fields stay as typed
            super().fail(error)
            return
        self.password.clear()
        if isinstance(error, PasswordExpired):
            actor = ChangePasswordDialog.ask(self.ctx, self.runner, uid, old_password=pw, explanation=str(error),
                                             parent=self)
            if actor is not None:
                self.done_with(actor)
                return
        super().fail(error)
        self.password.setFocus()
