"""Help > About BatchTrace: the version (one number, from the package), the database and schema revision,
and the Python and Qt this installation runs on, as a validation engineer or support needs them."""

from __future__ import annotations

import platform

import PySide6
from PySide6.QtCore import Qt, qVersion
from PySide6.QtWidgets import QLabel, QWidget

from app.services import DatabaseInfo
from domain.version import batchtrace_version
from ui.widgets.form_dialog import FormDialog


class AboutDialog(FormDialog[None]):
    """`ask(database, parent)` shows it until closed."""

    def __init__(self, database: DatabaseInfo, parent: QWidget | None = None) -> None:
        super().__init__(None, name="about", title=self.tr("About BatchTrace"), show_only=True, parent=parent)
        title = self.add_note(self.tr("BatchTrace {version}").format(version=batchtrace_version()), "aboutTitle")
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        title.setFont(font)
        self.add_note(self.tr("Batch traceability for medical-device manufacturers under GMP"), "aboutPurpose")
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
            self.add_row(caption, label)
        self.body.addStretch(1)  # the facts stay together at the top when the dialog is enlarged
        self.finish()
