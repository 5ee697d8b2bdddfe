"""The inline line under a form that says what went wrong (or what was done), instead of a blocking box."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget

from ui.shell.task_runner import user_message


class MessageLabel(QLabel):
    def __init__(self, parent: QWidget | None = None, *, object_name: str = "message") -> None:
        super().__init__(parent)
        self.setObjectName(object_name)
        self.setWordWrap(True)
        self.setVisible(False)

    def show_error(self, error: Exception | str) -> None:
        """A refusal in the user's words: a text as it is, an exception as `user_message` says it. Passed as
        `on_error` to the task runner, it is the one way a screen shows what failed."""
        self._show(error if isinstance(error, str) else user_message(error), "color: #b00020;")

    def show_info(self, text: str) -> None:
        self._show(text, "color: #1b5e20;")

    def clear_message(self) -> None:
        self.clear()
        self.setVisible(False)

    def _show(self, text: str, style: str) -> None:
        self.setStyleSheet(style)
        self.setText(text)
        self.setVisible(True)
