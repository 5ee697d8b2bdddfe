"""The form for an item (LOT-1): code, name, type, unit, shelf life, storage condition and GTIN, whose check digit
is checked as it is typed. The form checks the domain's own rules before it closes; the caller writes (and, for
a change, asks the reason first, AUD-4) and opens the form again, filled, with the message when the write is
refused. The type and code of an existing item never change."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import QComboBox, QLabel, QSpinBox, QWidget

from app.masterdata import ItemView
from domain.errors import DomainError
from domain.gtin import normalise_gtin14
from domain.items import Item, ItemType
from domain.quantities import Unit
from ui.widgets.form_dialog import FormDialog
from ui.widgets.status_names import status_name
from ui.widgets.widget_parts import line_edit


@dataclass(frozen=True)
class ItemInput:
    code: str
    name: str
    item_type: ItemType
    unit: Unit
    shelf_life_days: int | None
    storage_condition: str
    gtin: str | None


class ItemDialog(FormDialog[ItemInput]):
    """`ask(existing, draft, error)`: the item as the user wants it, or None when the user cancels. `draft` and
    `error` reopen the form as it was when the write was refused, with the reason."""

    def __init__(self, existing: ItemView | None = None, draft: ItemInput | None = None, error: str = "",
                 parent: QWidget | None = None) -> None:
        super().__init__(None, name="item", title=self.tr("Edit item {code}").format(code=existing.code)
                         if existing else self.tr("New item"),
                         ok_text=self.tr("Save changes...") if existing else self.tr("Create item"), parent=parent)
        self.existing = existing
        self._form()
        self.finish()
        if existing is not None:
            self._fill(ItemInput(existing.code, existing.name, ItemType(existing.item_type), Unit(existing.unit),
                                 existing.shelf_life_days, existing.storage_condition, existing.gtin))
            self.code.setReadOnly(True)
            self.item_type.setEnabled(False)  # an item's lots, records and batches depend on its type
        if draft is not None:
            self._fill(draft)
        if error:
            self.message.show_error(error)
        self._check_gtin()

    def _form(self) -> None:
        self.code = line_edit("itemCode", self.tr("e.g. RES-PC: letters, digits, '.', '_', '-'"))
        self.name = line_edit("itemName")
        self.item_type = QComboBox()
        self.item_type.setObjectName("itemType")
        for kind in ItemType:
            self.item_type.addItem(status_name(kind.value), kind)
        self.unit = QComboBox()
        self.unit.setObjectName("itemUnit")
        for unit in Unit:
            self.unit.addItem(unit.value, unit)
        self.shelf_life = QSpinBox()
        self.shelf_life.setObjectName("itemShelfLife")
        self.shelf_life.setRange(0, 36500)
        self.shelf_life.setSpecialValueText(self.tr("none"))
        self.shelf_life.setSuffix(self.tr(" days"))
        self.storage = line_edit("itemStorage", self.tr("e.g. dry, 15-25 °C"))
        self.gtin = line_edit("itemGtin", self.tr("8, 12, 13 or 14 digits; required for finished devices"))
        self.gtin.setProperty("scanField", "gtin")  # a scan of the product's label fills in its GTIN
        self.gtin_check = QLabel()
        self.gtin_check.setObjectName("gtinCheck")
        self.gtin_check.setWordWrap(True)
        self.gtin.textChanged.connect(self._check_gtin)
        self.item_type.currentIndexChanged.connect(self._check_gtin)
        for caption, field in ((self.tr("Code"), self.code), (self.tr("Name"), self.name),
                               (self.tr("Type"), self.item_type), (self.tr("Unit"), self.unit),
                               (self.tr("Shelf life"), self.shelf_life), (self.tr("Storage condition"), self.storage),
                               (self.tr("GTIN"), self.gtin), ("", self.gtin_check)):
            self.add_row(caption, field)

    def _fill(self, values: ItemInput) -> None:
        self.code.setText(values.code)
        self.name.setText(values.name)
        self.item_type.setCurrentIndex(self.item_type.findData(values.item_type))
        self.unit.setCurrentIndex(self.unit.findData(values.unit))
        self.shelf_life.setValue(values.shelf_life_days or 0)
        self.storage.setText(values.storage_condition)
        self.gtin.setText(values.gtin or "")

    def _check_gtin(self) -> None:
        text = self.gtin.text().strip()
        if not text:
            needed = self.item_type.currentData() is ItemType.FINISHED_DEVICE
            self.gtin_check.setText(self.tr("A finished device needs a GTIN (UDI device identifier).") if needed
                                    else "")
            self.gtin_check.setStyleSheet("color: #b00020;" if needed else "")
            return
        try:
            gtin14 = normalise_gtin14(text)
        except DomainError as error:
            self.gtin_check.setText(str(error))
            self.gtin_check.setStyleSheet("color: #b00020;")
            return
        self.gtin_check.setText(self.tr("Check digit correct (GTIN-14 {gtin}).").format(gtin=gtin14))
        self.gtin_check.setStyleSheet("color: #1b5e20;")

    def values(self) -> ItemInput:
        return ItemInput(self.code.text(), self.name.text(), self.item_type.currentData(), self.unit.currentData(),
                         self.shelf_life.value() or None, self.storage.text(), self.gtin.text().strip() or None)

    def submit(self) -> None:
        values = self.values()
        try:  # the domain's own rules, so that most mistakes are shown before anything is written
            Item(values.code, values.name, values.item_type, values.unit, shelf_life_days=values.shelf_life_days,
                 storage_condition=values.storage_condition, gtin=values.gtin)
        except DomainError as error:
            self.fail(error)
            return
        self.done_with(values)
