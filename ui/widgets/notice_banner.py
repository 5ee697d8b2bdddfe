"""A band across the top of the window for what just happened at the station (a scan, a printer going
silent): where the eye is while scanning, not in the status bar, which the database path crowds out.
It holds one notice at a time, hides itself after a while, and the user can close it."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QToolButton, QWidget

_STYLE = {
    False: "QFrame#noticeBanner { background: #e8f5e9; border: 1px solid #81c784; border-radius: 4px; }"
           " QLabel { color: #1b5e20; }",
    True: "QFrame#noticeBanner { background: #fdecea; border: 1px solid #e57373; border-radius: 4px; }"
          " QLabel { color: #b00020; font-weight: bold; }",
}


class NoticeBanner(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("noticeBanner")
        self.text = QLabel()
        self.text.setObjectName("noticeText")
        self.text.setWordWrap(True)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        close = QToolButton()
        close.setObjectName("noticeClose")
        close.setText("×")
        close.setToolTip(self.tr("Close this notice"))
        close.setAutoRaise(True)
        close.clicked.connect(self.dismiss)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 4, 4)
        layout.addWidget(self.text, 1)
        layout.addWidget(close, 0, Qt.AlignmentFlag.AlignTop)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.dismiss)
        self.problem = False
        self.setVisible(False)

    def show_notice(self, text: str, problem: bool = False, msec: int = 15_000) -> None:
        """Show `text` (a problem in red, bold) for `msec`, or a problem twice as long; a newer notice replaces it."""
        self.problem = problem
        self.setStyleSheet(_STYLE[problem])
        self.text.setText(text)
        self.setVisible(True)
        self._timer.start(msec * (2 if problem else 1))

    def dismiss(self) -> None:
        self._timer.stop()
        self.text.clear()
        self.setVisible(False)
