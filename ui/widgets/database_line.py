"""Which database a dialog works on (log-in, first administrator): the kind, then the location whole, in a
read-only line the user can scroll and copy; a long path is never broken over two lines."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
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
    # As wide as the path up to about 60 characters; longer ones scroll in the line (and show in the tooltip).
    path.setMinimumWidth(min(path.fontMetrics().horizontalAdvance(location) + 12,
                             path.fontMetrics().averageCharWidth() * 60))
    layout = QHBoxLayout(row)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(caption)
    layout.addWidget(path, 1)
    return row
