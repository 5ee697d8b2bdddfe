"""Where and how many: the printer and the number of copies for a lot's label (DEVC-5, DEVC-6)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QComboBox, QSpinBox, QWidget

from app.ports import PrinterInfo
from domain.printing import MAX_COPIES
from ui.widgets.form_dialog import FormDialog


class PrintLabelDialog(FormDialog[tuple[str, int]]):
    """`ask(...)`: (printer name, copies), or None when the user cancels."""

    def __init__(self, lot_number: str, printers: Sequence[PrinterInfo], default: str | None, *,
                 reprint: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(None, name="printLabel", title=self.tr("Reprint label") if reprint else self.tr("Print label"),
                         ok_text=self.tr("Print"), parent=parent)
        self.add_note((self.tr("Reprint the label of lot {n}.") if reprint
                       else self.tr("Print the label of lot {n}.")).format(n=lot_number))
        self.printer = QComboBox()
        self.printer.setObjectName("printLabelPrinter")
        for info in printers:
            self.printer.addItem(self.tr("{name} ({language}, {transport})").format(
                name=info.name, language=info.language, transport=info.transport), info.name)
        self.printer.setCurrentIndex(max(self.printer.findData(default), 0))
        self.copies = QSpinBox()
        self.copies.setObjectName("printLabelCopies")
        self.copies.setRange(1, MAX_COPIES)
        self.add_row(self.tr("Printer"), self.printer)
        self.add_row(self.tr("Copies"), self.copies)
        self.finish()

    def submit(self) -> None:
        if self.printer.currentData() is None:
            self.fail(self.tr("No label printer is set up for this station."))
            return
        self.done_with((str(self.printer.currentData()), self.copies.value()))
