"""Help > About BatchTrace: the version (one number, from the package), the database and schema revision,
and the Python and Qt this installation runs on, as a validation engineer or support needs them."""

from __future__ import annotations

import platform

import PySide6
from PySide6.QtCore import Qt, qVersion
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QVBoxLayout, QWidget

from app.services import DatabaseInfo
from domain.version import batchtrace_version


class AboutDialog(QDialog):
    def __init__(self, database: DatabaseInfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("aboutDialog")
        self.setWindowTitle(self.tr("About BatchTrace"))
        title = QLabel(self.tr("BatchTrace {version}").format(version=batchtrace_version()))
        title.setObjectName("aboutTitle")
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        title.setFont(font)
        purpose = QLabel(self.tr("Batch traceability for medical-device manufacturers under GMP"))
        purpose.setObjectName("aboutPurpose")
        form = QFormLayout()
        for name, caption, value in (
            ("aboutVersion", self.tr("Version"), batchtrace_version()),
            ("aboutDatabase", self.tr("Database"), f"{database.kind}: {database.location}"),
            ("aboutRevision", self.tr("Schema revision"), database.revision or self.tr("none")),
            ("aboutPython", self.tr("Python"), platform.python_version()),
            ("aboutQt", self.tr("Qt / PySide6"), f"{qVersion()} / {PySide6.__version__}"),
        ):
            label = QLabel(value)
            label.setObjectName(name)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            form.addRow(caption, label)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(purpose)
        layout.addLayout(form)
        layout.addStretch(1)  # the facts stay together at the top when the dialog is enlarged
        layout.addWidget(buttons)

    @classmethod
    def ask(cls, database: DatabaseInfo, parent: QWidget | None = None) -> None:
        dialog = cls(database, parent)
        try:
            dialog.exec()
        finally:
            dialog.deleteLater()
