"""Where and how many: the printer and the number of copies for a lot's label (DEVC-5, DEVC-6)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QSpinBox, QVBoxLayout, QWidget

from app.ports import PrinterInfo
from domain.printing import MAX_COPIES


class PrintLabelDialog(QDialog):
    def __init__(self, lot_number: str, printers: Sequence[PrinterInfo], default: str | None, *,
                 reprint: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("printLabelDialog")
        self.setWindowTitle(self.tr("Reprint label") if reprint else self.tr("Print label"))
        intro = QLabel((self.tr("Reprint the label of lot {n}.") if reprint
                        else self.tr("Print the label of lot {n}.")).format(n=lot_number))
        intro.setWordWrap(True)
        self.printer = QComboBox()
        self.printer.setObjectName("printLabelPrinter")
        for info in printers:
            self.printer.addItem(self.tr("{name} ({language}, {transport})").format(
                name=info.name, language=info.language, transport=info.transport), info.name)
        self.printer.setCurrentIndex(max(self.printer.findData(default), 0))
        self.copies = QSpinBox()
        self.copies.setObjectName("printLabelCopies")
        self.copies.setRange(1, MAX_COPIES)
        form = QFormLayout()
        form.addRow(self.tr("Printer"), self.printer)
        form.addRow(self.tr("Copies"), self.copies)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setObjectName("printLabelOk")
        self.ok_button.setText(self.tr("Print"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(buttons)

    @classmethod
    def ask(cls, lot_number: str, printers: Sequence[PrinterInfo], default: str | None, *, reprint: bool = False,
            parent: QWidget | None = None) -> tuple[str, int] | None:
        """(printer name, copies), or None when the user cancels."""
        dialog = cls(lot_number, printers, default, reprint=reprint, parent=parent)
        try:
            if dialog.exec() != QDialog.DialogCode.Accepted or dialog.printer.currentData() is None:
                return None
            return str(dialog.printer.currentData()), dialog.copies.value()
        finally:
            dialog.deleteLater()
