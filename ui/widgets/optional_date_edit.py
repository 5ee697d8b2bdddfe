"""A date that may be left out (a lot without a manufacture date): a date field with an explicit "No date"."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import QCheckBox, QDateEdit, QHBoxLayout, QWidget


class OptionalDateEdit(QWidget):
    """`value()` is None while "No date" is ticked; the date field is disabled then, so none is implied.
    `changed` is emitted whenever `value()` may have changed (typed, picked, ticked or set)."""

    changed = Signal()

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.date_edit = QDateEdit(QDate.currentDate())
        self.date_edit.setObjectName(f"{name}Date")
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("yyyy-MM-dd")
        self.none_box = QCheckBox(self.tr("No date"))
        self.none_box.setObjectName(f"{name}None")
        self.none_box.toggled.connect(self._toggled)
        self.none_box.toggled.connect(lambda _on: self.changed.emit())
        self.date_edit.dateChanged.connect(lambda _day: self.changed.emit())
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.date_edit, 1)
        layout.addWidget(self.none_box)
        self.set_value(None)

    def _toggled(self, none: bool) -> None:
        self.date_edit.setEnabled(not none)

    def value(self) -> date | None:
        if self.none_box.isChecked():
            return None
        qdate = self.date_edit.date()
        return date(qdate.year(), qdate.month(), qdate.day())

    def set_value(self, value: date | None) -> None:
        if value is not None:
            self.date_edit.setDate(QDate(value.year, value.month, value.day))
        self.none_box.setChecked(value is None)
        self._toggled(value is None)
