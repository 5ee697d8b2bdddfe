"""A new draft master batch record (LOT-6): product, title and the bill of materials, line by line."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from app import masterdata, mbr
from app.masterdata import ItemView
from app.mbr import BomInput, MbrView
from domain.errors import DomainError
from domain.i18n import N_
from domain.inputs import parse_percentage_text, parse_quantity_text
from domain.items import ItemType
from domain.quantities import fmt
from domain.users import Actor
from ui.shell.task_runner import Runner
from ui.widgets.form_dialog import FormDialog
from ui.widgets.widget_parts import fit_columns_to_content, line_edit, push_button

if TYPE_CHECKING:
    from app.services import Services

_PRODUCTS = (ItemType.FINISHED_DEVICE.value, ItemType.INTERMEDIATE.value)


@dataclass(frozen=True)
class _Line:
    item_code: str
    quantity: str
    tolerance: str


class MbrDraftDialog(FormDialog[MbrView]):
    """`ask(...)`: the new draft, or None when the user cancels."""

    def __init__(self, ctx: Services, runner: Runner, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(runner, name="mbrDraft", title=self.tr("New master batch record draft"),
                         ok_text=self.tr("Create draft"), parent=parent)
        self.ctx, self.actor = ctx, actor
        self.lines: list[_Line] = []
        self._items: list[ItemView] = []
        self.product = QComboBox()
        self.product.setObjectName("draftProduct")
        self.add_row(self.tr("Product"), self.product)
        self.title_edit = self.add_row(self.tr("Title"), line_edit(
            "draftTitle", self.tr("e.g. Syringe 5 mL, moulding and assembly")))
        bom_label = QLabel(self.tr("Bill of materials: quantity per unit of product, in the component's unit"))
        bom_label.setWordWrap(True)
        self.body.addWidget(bom_label)
        self.body.addLayout(self._line_entry())
        self.body.addWidget(self.line_table, 1)
        self.finish()
        self.resize(640, 420)
        self.load(lambda: masterdata.list_items(ctx.read_uow(), actor), self._loaded)

    def _line_entry(self) -> QHBoxLayout:
        self.line_item = QComboBox()
        self.line_item.setObjectName("lineItem")
        self.line_quantity = line_edit("lineQuantity", self.tr("per unit of product"))
        self.line_tolerance = line_edit("lineTolerance", self.tr("± %"))
        self.line_table = QTableWidget(0, 4)
        self.line_table.setObjectName("draftLines")
        self.line_table.setHorizontalHeaderLabels(
            [self.tr("Item"), self.tr("Quantity per unit"), self.tr("Unit"), self.tr("Tolerance %")])
        self.line_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.line_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.line_table.verticalHeader().setVisible(False)
        fit_columns_to_content(self.line_table)  # headers and item codes whole, at any scaling
        add_row = QHBoxLayout()
        add_row.addWidget(self.line_item, 2)
        add_row.addWidget(self.line_quantity, 1)
        add_row.addWidget(self.line_tolerance, 1)
        add_row.addWidget(push_button(self.tr("Add line"), "addLine", self.add_line))
        add_row.addWidget(push_button(self.tr("Remove line"), "removeLine", self.remove_line))
        return add_row

    def _loaded(self, items: list[ItemView]) -> None:
        self._items = items
        for view in items:
            label = f"{view.code} — {view.name}"
            if view.item_type in _PRODUCTS:
                self.product.addItem(label, view.code)
            if view.item_type != ItemType.FINISHED_DEVICE.value:
                self.line_item.addItem(label, view.code)

    def _unit_of(self, code: str) -> str:
        return next((v.unit for v in self._items if v.code == code), "")

    def add_line(self) -> None:
        code = self.line_item.currentData()
        if code is None:
            self.message.show_error(self.tr("Choose the component."))
            return
        if any(line.item_code == code for line in self.lines):
            self.message.show_error(self.tr("{code} is already in the bill of materials.").format(code=code))
            return
        try:  # the same rules the service applies, checked now so the line is right when it is listed
            quantity = parse_quantity_text(self.line_quantity.text(), what=N_("quantity per unit"))
            tolerance = parse_percentage_text(self.line_tolerance.text())
        except DomainError as error:
            self.message.show_error(str(error))
            return
        self.message.clear_message()
        line = _Line(code, fmt(quantity), fmt(tolerance))
        self.lines.append(line)
        row = self.line_table.rowCount()
        self.line_table.insertRow(row)
        for column, text in enumerate((line.item_code, line.quantity, self._unit_of(code), line.tolerance)):
            self.line_table.setItem(row, column, QTableWidgetItem(text))
        self.line_quantity.clear()
        self.line_tolerance.clear()

    def remove_line(self) -> None:
        row = self.line_table.currentRow()
        if 0 <= row < len(self.lines):
            del self.lines[row]
            self.line_table.removeRow(row)

    def submit(self) -> None:
        product = self.product.currentData()
        if product is None:
            self.fail(self.tr("Choose the product: a finished device or an intermediate."))
            return
        ctx, actor, title = self.ctx, self.actor, self.title_edit.text()
        lines = [BomInput(line.item_code, line.quantity, line.tolerance) for line in self.lines]
        self.run(lambda: mbr.create_draft(ctx.uow(), actor, product, title, lines))
