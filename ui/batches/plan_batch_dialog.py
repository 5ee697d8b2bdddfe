"""Planning a batch (LOT-6): a product with an effective master batch record, and the quantity to make."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QComboBox, QLabel, QWidget

from app import batches, masterdata, mbr
from app.batches import BatchView
from app.masterdata import ItemView
from app.mbr import MbrView
from domain.mbr import MbrStatus
from domain.users import Actor
from ui.shell.task_runner import Runner
from ui.widgets.form_dialog import FormDialog
from ui.widgets.widget_parts import line_edit, quantity_text

if TYPE_CHECKING:
    from app.services import Services


class PlanBatchDialog(FormDialog[BatchView]):
    """`ask(...)`: the planned batch, or None when the user cancels."""

    def __init__(self, ctx: Services, runner: Runner, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(runner, name="planBatch", title=self.tr("Plan batch"), ok_text=self.tr("Plan batch"),
                         parent=parent)
        self.ctx, self.actor = ctx, actor
        self._records: dict[str, MbrView] = {}
        self._items: dict[str, ItemView] = {}
        self.product = QComboBox()
        self.product.setObjectName("planProduct")
        self.product.currentIndexChanged.connect(self._product_changed)
        self.record_note = QLabel()
        self.record_note.setObjectName("planRecord")
        self.record_note.setWordWrap(True)
        self.unit = QLabel()
        self.unit.setObjectName("planUnit")
        self.add_row(self.tr("Product"), self.product)
        self.add_row(self.tr("Master batch record"), self.record_note)
        self.quantity = self.add_row(self.tr("Quantity"), line_edit("planQuantity", self.tr("how many units to make")))
        self.add_row(self.tr("Unit"), self.unit)
        self.finish()
        self.load(lambda: (mbr.list_mbrs(ctx.read_uow(), actor), masterdata.list_items(ctx.read_uow(), actor)),
                  self._loaded)

    def _loaded(self, loaded: tuple[list[MbrView], list[ItemView]]) -> None:
        records, items = loaded
        self._items = {v.code: v for v in items}
        self._records = {r.product_code: r for r in records if r.status == MbrStatus.EFFECTIVE.value}
        for code in sorted(self._records):
            name = self._items[code].name if code in self._items else ""
            self.product.addItem(f"{code} — {name}", code)
        if not self._records:
            self.message.show_error(self.tr("No product has an effective master batch record: nothing can be "
                                            "planned yet."))
        self._product_changed()

    def _product_changed(self) -> None:
        record = self._records.get(self.product.currentData() or "")
        if record is None:
            self.record_note.clear()
            self.unit.clear()
            return
        # One BOM line a row, with its unit: item codes are never broken at their hyphens.
        lines = "\n".join(self.tr("{item}: {qty} {unit} per unit ±{tolerance} %").format(
            item=ln.item_code, qty=quantity_text(ln.quantity_per_unit), tolerance=quantity_text(ln.tolerance_pct),
            unit=self._items[ln.item_code].unit if ln.item_code in self._items else "") for ln in record.lines)
        self.record_note.setText(self.tr("v{version} “{title}”\n{lines}").format(
            version=record.version, title=record.title, lines=lines))
        item = self._items.get(record.product_code)
        self.unit.setText(item.unit if item else "")

    def submit(self) -> None:
        product = self.product.currentData()
        if product is None:
            self.fail(self.tr("Choose a product with an effective master batch record."))
            return
        ctx, actor, quantity = self.ctx, self.actor, self.quantity.text()
        self.run(lambda: batches.plan_batch(ctx.uow(), actor, product, quantity))
