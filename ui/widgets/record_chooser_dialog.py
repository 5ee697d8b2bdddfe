"""Choosing one of several records a search found (the global search box: several lots start with "R2611")."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QWidget

from ui.widgets.form_dialog import FormDialog


@dataclass(frozen=True)
class SearchHit:
    kind: str  # "lot", "batch", "shipment", "recall": the page that shows it
    number: str
    description: str


class RecordChooserDialog(FormDialog[SearchHit]):
    """`ask(text, hits, parent)`: the record to open, or None when the user cancels."""

    def __init__(self, text: str, hits: list[SearchHit], parent: QWidget | None = None) -> None:
        super().__init__(None, name="recordChooser", title=self.tr("Open which record?"), ok_text=self.tr("Open"),
                         parent=parent)
        self.hits = hits
        self.add_note(self.tr("'{text}' matches {n} records:").format(text=text, n=len(hits)))
        self.list = QListWidget()
        self.list.setObjectName("searchHits")
        for hit in hits:
            item = QListWidgetItem(hit.description)
            item.setData(Qt.ItemDataRole.UserRole, hit.number)
            self.list.addItem(item)
        self.list.setCurrentRow(0)
        self.list.itemActivated.connect(lambda _item: self.submit())
        self.body.addWidget(self.list, 1)
        self.finish()

    def submit(self) -> None:
        row = self.list.currentRow()
        if 0 <= row < len(self.hits):
            self.done_with(self.hits[row])
