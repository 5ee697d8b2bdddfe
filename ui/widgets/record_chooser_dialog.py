"""Choosing one of several records a search found (the global search box: several lots start with "R2611")."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget


@dataclass(frozen=True)
class SearchHit:
    kind: str  # "lot", "batch", "shipment", "recall": the page that shows it
    number: str
    description: str


class RecordChooserDialog(QDialog):
    def __init__(self, text: str, hits: list[SearchHit], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("recordChooserDialog")
        self.setWindowTitle(self.tr("Open which record?"))
        self.hits = hits
        self.chosen: SearchHit | None = None
        note = QLabel(self.tr("'{text}' matches {n} records:").format(text=text, n=len(hits)))
        note.setWordWrap(True)
        self.list = QListWidget()
        self.list.setObjectName("searchHits")
        for hit in hits:
            item = QListWidgetItem(hit.description)
            item.setData(Qt.ItemDataRole.UserRole, hit.number)
            self.list.addItem(item)
        self.list.setCurrentRow(0)
        self.list.itemActivated.connect(lambda _item: self._choose())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Open | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Open).setObjectName("openHit")
        buttons.accepted.connect(self._choose)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(self.list, 1)
        layout.addWidget(buttons)

    def _choose(self) -> None:
        row = self.list.currentRow()
        if 0 <= row < len(self.hits):
            self.chosen = self.hits[row]
            self.accept()

    @classmethod
    def ask(cls, text: str, hits: list[SearchHit], parent: QWidget | None = None) -> SearchHit | None:
        """The record to open, or None when the user cancels."""
        dialog = cls(text, hits, parent)
        try:
            return dialog.chosen if dialog.exec() == QDialog.DialogCode.Accepted else None
        finally:
            dialog.deleteLater()
