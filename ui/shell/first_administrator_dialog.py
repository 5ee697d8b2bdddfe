"""On a database without users, the first person creates the administrator account (and is audited as such)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QLineEdit, QWidget

from app import users
from app.users import UserView
from ui.shell.change_password_dialog import password_field
from ui.shell.task_runner import Runner
from ui.widgets.database_line import database_line
from ui.widgets.form_dialog import FormDialog

if TYPE_CHECKING:
    from app.services import Services


class FirstAdministratorDialog(FormDialog[UserView]):
    """`ask(ctx, runner, parent)`: the new administrator, or None when the user cancels."""

    def __init__(self, ctx: Services, runner: Runner, parent: QWidget | None = None) -> None:
        super().__init__(runner, name="firstAdministrator", title=self.tr("BatchTrace: first administrator"),
                         ok_text=self.tr("Create administrator"), parent=parent)
        self.ctx = ctx
        self.add_note(self.tr(
            "This database has no users yet. Create the first administrator: this account adds the other users."
        ))
        self.add_above(database_line(ctx.database.kind, ctx.database.location))
        self.user_id = self.add_row(self.tr("User ID"), QLineEdit())
        self.user_id.setObjectName("userId")
        self.user_id.setPlaceholderText(self.tr("e.g. admin"))
        self.printed_name = self.add_row(self.tr("Printed name"), QLineEdit())
        self.printed_name.setObjectName("printedName")
        self.password = self.add_row(self.tr("Password"), password_field("password"))
        self.repeat_password = self.add_row(self.tr("Repeat password"), password_field("repeatPassword"))
        self.finish()

    def submit(self) -> None:
        if self.password.text() != self.repeat_password.text():
            self.fail(self.tr("The two passwords differ: type the same password twice."))
            self.repeat_password.clear()
            return
        ctx = self.ctx
        uid, name, pw = self.user_id.text(), self.printed_name.text(), self.password.text()
        self.run(lambda: users.create_first_administrator(ctx.uow(), ctx.auth, uid, name, pw))
