"""Asks for a user's new printed name (the name on every record the user signs)."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLineEdit, QVBoxLayout, QWidget

from app.users import UserView
from domain.errors import DomainError
from domain.users import validate_printed_name
from ui.widgets.message_label import MessageLabel


class RenameUserDialog(QDialog):
    def __init__(self, user: UserView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("renameUserDialog")
        self.setWindowTitle(self.tr("Change printed name of {uid}").format(uid=user.user_id))
        self.user = user
        self.chosen: str | None = None
        self.printed_name = QLineEdit(user.printed_name)
        self.printed_name.setObjectName("printedName")
        self.printed_name.selectAll()
        self.message = MessageLabel(self)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setObjectName("renameOk")
        buttons.accepted.connect(self._submit)
        buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.tr("Printed name"), self.printed_name)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)

    def _submit(self) -> None:
        try:
            name = validate_printed_name(self.printed_name.text())
        except DomainError as error:
            self.message.show_error(str(error))
            return
        if name == self.user.printed_name:
            self.message.show_error(self.tr("The printed name is unchanged."))
            return
        self.chosen = name
        self.accept()

    @classmethod
    def ask(cls, user: UserView, parent: QWidget | None = None) -> str | None:
        dialog = cls(user, parent)
        try:
            return dialog.chosen if dialog.exec() == QDialog.DialogCode.Accepted else None
        finally:
            dialog.deleteLater()
