"""Asks for a user's new printed name (the name on every record the user signs)."""

from __future__ import annotations

from PySide6.QtWidgets import QLineEdit, QWidget

from app.users import UserView
from domain.errors import DomainError
from domain.users import validate_printed_name
from ui.widgets.form_dialog import FormDialog


class RenameUserDialog(FormDialog[str]):
    def __init__(self, user: UserView, parent: QWidget | None = None) -> None:
        super().__init__(None, name="renameUser", title=self.tr("Change printed name of {uid}").format(
            uid=user.user_id), parent=parent)
        self.user = user
        self.printed_name = self.add_row(self.tr("Printed name"), QLineEdit(user.printed_name))
        self.printed_name.setObjectName("printedName")
        self.printed_name.selectAll()
        self.finish()

    def submit(self) -> None:
        try:
            name = validate_printed_name(self.printed_name.text())
        except DomainError as error:
            self.fail(str(error))
            return
        if name == self.user.printed_name:
            self.fail(self.tr("The printed name is unchanged."))
            return
        self.done_with(name)
