"""A lot's label as it will print (DEVC-5): `Labels.label_preview`'s layout drawn with the real barcodes, at
the printer's resolution, so it can be checked (and scanned from the screen) before anything is printed."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import QLabel, QScrollArea, QWidget

from ui.widgets.form_dialog import FormDialog


class LabelPreviewDialog(FormDialog[None]):
    """`ask(image, lot_number, parent)` shows the label until closed."""

    def __init__(self, image: QImage, lot_number: str, parent: QWidget | None = None) -> None:
        super().__init__(None, name="labelPreview", title=self.tr("Label of lot {n}").format(n=lot_number),
                         show_only=True, parent=parent)
        self.image = image
        self.picture = QLabel()
        self.picture.setObjectName("labelPreviewImage")
        self.picture.setPixmap(QPixmap.fromImage(self.image))
        self.picture.setAlignment(Qt.AlignmentFlag.AlignCenter)
        scroll = QScrollArea()
        scroll.setWidget(self.picture)
        scroll.setWidgetResizable(True)
        self.body.addWidget(scroll, 1)
        note = QLabel(self.tr("{w} × {h} dots, as the printer prints it. Nothing has been printed.").format(
            w=self.image.width(), h=self.image.height()))
        note.setObjectName("labelPreviewNote")
        self.body.addWidget(note)
        self.finish()
        self.resize(min(self.image.width() + 60, 1000), min(self.image.height() + 110, 800))
