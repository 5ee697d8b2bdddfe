"""On a database without users, the first person creates the administrator account (and is audited as such)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from app import users
from app.users import UserView
from ui.shell.change_password_dialog import password_field
from ui.shell.task_runner import Runner, user_message
from ui.widgets.database_line import database_line
from ui.widgets.message_label import MessageLabel

if TYPE_CHECKING:
    from app.services import Services


class FirstAdministratorDialog(QDialog):
    def __init__(self, ctx: Services, runner: Runner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("firstAdministratorDialog")
        self.setWindowTitle(self.tr("BatchTrace: first administrator"))
        self.ctx, self.runner = ctx, runner
        self.created: UserView | None = None
        intro = QLabel(self.tr(
            "This database has no users yet. Create the first administrator: this account adds the other users."
        ))
        intro.setWordWrap(True)
        where = database_line(ctx.database.kind, ctx.database.location)
        self.user_id = QLineEdit()
        self.user_id.setObjectName("userId")
        self.user_id.setPlaceholderText(self.tr("e.g. admin"))
        self.printed_name = QLineEdit()
        self.printed_name.setObjectName("printedName")
        self.password = password_field("password")
        self.repeat_password = password_field("repeatPassword")
        form = QFormLayout()
        form.addRow(self.tr("User ID"), self.user_id)
        form.addRow(self.tr("Printed name"), self.printed_name)
        form.addRow(self.tr("Password"), self.password)
        form.addRow(self.tr("Repeat password"), self.repeat_password)
        self.message = MessageLabel(self)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.create_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.create_button.setText(self.tr("Create administrator"))
        self.create_button.setObjectName("createAdministrator")
        self.buttons.accepted.connect(self._submit)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(where)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)

    def _submit(self) -> None:
        if self.password.text() != self.repeat_password.text():
            self.message.show_error(self.tr("The two passwords differ: type the same password twice."))
            self.repeat_password.clear()
            return
        ctx = self.ctx
        uid, name, pw = self.user_id.text(), self.printed_name.text(), self.password.text()
        self.create_button.setEnabled(False)
        self.message.clear_message()
        self.runner.run(lambda: users.create_first_administrator(ctx.uow(), ctx.auth, uid, name, pw),
                        on_done=self._created, on_error=self._refused)

    def _created(self, view: UserView) -> None:
        self.created = view
        self.accept()

    def _refused(self, error: Exception) -> None:
        self.create_button.setEnabled(True)
        self.message.show_error(user_message(error))

    @classmethod
    def ask(cls, ctx: Services, runner: Runner, parent: QWidget | None = None) -> UserView | None:
        """The new administrator, or None when the user cancels."""
        dialog = cls(ctx, runner, parent)
        try:
            return dialog.created if dialog.exec() == QDialog.DialogCode.Accepted else None
        finally:
            dialog.deleteLater()
