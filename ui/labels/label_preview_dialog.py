"""A lot's label as it will print (DEVC-5): `Labels.label_preview`'s layout drawn with the real barcodes, at
the printer's resolution, so it can be checked (and scanned from the screen) before anything is printed."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QScrollArea, QVBoxLayout, QWidget


class LabelPreviewDialog(QDialog):
    def __init__(self, image: QImage, lot_number: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("labelPreviewDialog")
        self.setWindowTitle(self.tr("Label of lot {n}").format(n=lot_number))
        self.image = image
        self.picture = QLabel()
        self.picture.setObjectName("labelPreviewImage")
        self.picture.setPixmap(QPixmap.fromImage(self.image))
        self.picture.setAlignment(Qt.AlignmentFlag.AlignCenter)
        scroll = QScrollArea()
        scroll.setWidget(self.picture)
        scroll.setWidgetResizable(True)
        note = QLabel(self.tr("{w} × {h} dots, as the printer prints it. Nothing has been printed.").format(
            w=self.image.width(), h=self.image.height()))
        note.setObjectName("labelPreviewNote")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        buttons.button(QDialogButtonBox.StandardButton.Close).setObjectName("labelPreviewClose")
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addWidget(note)
        layout.addWidget(buttons)
        self.resize(min(self.image.width() + 60, 1000), min(self.image.height() + 110, 800))

    @classmethod
    def show_label(cls, image: QImage, lot_number: str, parent: QWidget | None = None) -> None:
        dialog = cls(image, lot_number, parent)
        try:
            dialog.exec()
        finally:
            dialog.deleteLater()
