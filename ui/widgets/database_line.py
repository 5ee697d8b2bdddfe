"""Which database a dialog works on (log-in, first administrator): the kind, then the location whole, in a
read-only line the user can scroll and copy; a long path is never broken over two lines."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QWidget


def database_line(kind: str, location: str, parent: QWidget | None = None) -> QWidget:
    row = QWidget(parent)
    caption = QLabel(QCoreApplication.translate("DatabaseLine", "{kind} database:").format(kind=kind))
    caption.setObjectName("databaseKind")
    path = QLineEdit(location)
    path.setObjectName("databaseInfo")
    path.setReadOnly(True)
    path.setFrame(False)
    path.setToolTip(location)
    path.setCursorPosition(0)
    # Clicked to select and copy, never reached by Tab or given the first focus: a user who starts typing their
    # user ID as the dialog opens must type into the user ID field (a fresh station's first administrator once
    # typed it into this read-only line, and nothing happened).
    path.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
    # As wide as the path up to about 60 characters; longer ones scroll in the line (and show in the tooltip).
    path.setMinimumWidth(min(path.fontMetrics().horizontalAdvance(location) + 12,
                             path.fontMetrics().averageCharWidth() * 60))
    layout = QHBoxLayout(row)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(caption)
    layout.addWidget(path, 1)
    return row
