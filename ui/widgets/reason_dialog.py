"""Asks why a record is changed (AUD-4): the reason goes into the audit trail with the change."""

from __future__ import annotations

from PySide6.QtWidgets import QPlainTextEdit, QWidget

from ui.widgets.form_dialog import FormDialog


class ReasonDialog(FormDialog[str]):
    """`ask(change, parent, example=...)`: the reason, or None when the user cancels (then nothing is changed)."""

    def __init__(self, change: str, parent: QWidget | None = None, *, example: str | None = None) -> None:
        super().__init__(None, name="reason", title=self.tr("Reason for the change"), parent=parent)
        self.add_note(self.tr("{change}\n\nWhy? The reason is kept in the audit trail.").format(change=change))
        self.reason_edit = QPlainTextEdit()
        self.reason_edit.setObjectName("reason")
        # The example fits the change (a recall's reason is not a user's); without one, what a reason is for.
        self.reason_edit.setPlaceholderText(example or self.tr(
            "In a sentence someone reading the audit trail years from now will understand"))
        self.reason_edit.textChanged.connect(self._update_ok)
        self.body.addWidget(self.reason_edit)
        self.finish()
        self.ok_button.setEnabled(False)

    @property
    def reason(self) -> str:
        return self.reason_edit.toPlainText().strip()

    def _update_ok(self) -> None:
        self.ok_button.setEnabled(bool(self.reason))

    def submit(self) -> None:
        if self.reason:
            self.done_with(self.reason)
