"""Asks why a record is changed (AUD-4): the reason goes into the audit trail with the change."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPlainTextEdit, QVBoxLayout, QWidget

from ui.widgets.height_for_width import keep_height_for_width


class ReasonDialog(QDialog):
    def __init__(self, change: str, parent: QWidget | None = None, *, example: str | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reasonDialog")
        self.setWindowTitle(self.tr("Reason for the change"))
        question = QLabel(self.tr("{change}\n\nWhy? The reason is kept in the audit trail.").format(change=change))
        question.setWordWrap(True)
        self.reason_edit = QPlainTextEdit()
        self.reason_edit.setObjectName("reason")
        # The example fits the change (a recall's reason is not a user's); without one, what a reason is for.
        self.reason_edit.setPlaceholderText(example or self.tr(
            "In a sentence someone reading the audit trail years from now will understand"))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setObjectName("reasonOk")
        self.ok_button.setEnabled(False)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.reason_edit.textChanged.connect(self._update_ok)
        layout = QVBoxLayout(self)
        keep_height_for_width(self)  # a long question wraps: never squeezed
        layout.addWidget(question)
        layout.addWidget(self.reason_edit)
        layout.addWidget(self.buttons)

    @property
    def reason(self) -> str:
        return self.reason_edit.toPlainText().strip()

    def _update_ok(self) -> None:
        self.ok_button.setEnabled(bool(self.reason))

    @classmethod
    def ask(cls, change: str, parent: QWidget | None = None, *, example: str | None = None) -> str | None:
        """The reason, or None when the user cancels (then nothing is changed)."""
        dialog = cls(change, parent, example=example)
        try:
            return dialog.reason if dialog.exec() == QDialog.DialogCode.Accepted and dialog.reason else None
        finally:
            dialog.deleteLater()
