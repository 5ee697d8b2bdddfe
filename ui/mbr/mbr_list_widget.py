"""The master batch records page (LOT-6, CHG-3): versions per product with their status and bill of
materials; new drafts (EDIT_MBR) and making a draft effective with a reason (APPROVE_MBR)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QSplitter, QVBoxLayout, QWidget

from app import masterdata, mbr
from app.masterdata import ItemView
from app.mbr import MbrView
from domain.items import ItemType
from domain.users import Actor, Permission
from ui.mbr.mbr_draft_dialog import MbrDraftDialog
from ui.shell.changes import ITEM, MBR, ChangeHub, Changes
from ui.shell.task_runner import Runner
from ui.versions.version_history_dialog import VersionHistoryDialog
from ui.widgets.message_label import MessageLabel
from ui.widgets.record_table_model import Column, RecordTableModel
from ui.widgets.status_names import status_name
from ui.widgets.widget_parts import push_button, quantity_text, record_table, time_text

if TYPE_CHECKING:
    from app.services import Services


class MbrListWidget(QWidget):
    def __init__(self, ctx: Services, runner: Runner, actor: Actor, changes: ChangeHub,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mbrList")
        self.ctx, self.runner, self.actor, self.changes = ctx, runner, actor, changes
        self._select: str | None = None
        self._wanted: str | None = None  # to select after the next refresh
        self.model = RecordTableModel((
            Column(self.tr("Product"), lambda v: v.product_code),
            Column(self.tr("Version"), lambda v: str(v.version), numeric=True),
            Column(self.tr("Status"), lambda v: status_name(v.status)),
            Column(self.tr("Title"), lambda v: v.title),
            Column(self.tr("BOM lines"), lambda v: str(len(v.lines)), numeric=True),
            Column(self.tr("Effective since"), lambda v: time_text(v.effective_at)),
        ), lambda v: f"{v.product_code} v{v.version}", self)
        self.line_model = RecordTableModel((
            Column(self.tr("Line"), lambda ln: str(ln.line_no), numeric=True),
            Column(self.tr("Item"), lambda ln: ln.item_code),
            Column(self.tr("Quantity per unit"), lambda ln: quantity_text(ln.quantity_per_unit), numeric=True),
            Column(self.tr("Tolerance %"), lambda ln: quantity_text(ln.tolerance_pct), numeric=True),
        ), lambda ln: str(ln.line_no), self)
        self.table = record_table("mbrTable", self.model)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.line_table = record_table("mbrLineTable", self.line_model)
        self.product_filter = QComboBox()
        self.product_filter.setObjectName("mbrProductFilter")
        self.product_filter.addItem(self.tr("(every product)"), None)
        self.product_filter.activated.connect(lambda _row: self.refresh())
        self.new_button = push_button(self.tr("New draft..."), "newMbrDraft", self.new_draft)
        self.new_button.setVisible(actor.can(Permission.EDIT_MBR))
        row = QHBoxLayout()
        row.addWidget(self.product_filter, 1)
        row.addWidget(push_button(self.tr("Refresh"), "refreshMbrs", self.refresh))
        row.addWidget(self.new_button)
        # CHG-2, CHG-3: every version of the product's record, any two compared, the open batches on one
        self.versions_button = push_button(self.tr("Versions and compare..."), "mbrVersions", self.show_versions)
        row.addWidget(self.versions_button)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(self.line_table)
        self.message = MessageLabel(self, object_name="mbrMessage")
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.message)
        changes.changed.connect(self._changed)
        self._load_products()
        self.refresh()

    def _load_products(self) -> None:
        ctx, actor = self.ctx, self.actor
        self.runner.run(lambda: masterdata.list_items(ctx.read_uow(), actor), on_done=self._products_loaded,
                        on_error=self.message.show_error)

    def _products_loaded(self, items: list[ItemView]) -> None:
        current = self.product_filter.currentData()
        while self.product_filter.count() > 1:
            self.product_filter.removeItem(1)
        for view in items:
            if ItemType(view.item_type).produced:
                self.product_filter.addItem(f"{view.code} — {view.name}", view.code)
        self.product_filter.setCurrentIndex(max(self.product_filter.findData(current), 0))

    def refresh(self, select: str | None = None) -> None:
        current = self.selected()
        self._select = select or self._wanted or (self.model.key_of(current) if current else None)
        self._wanted = None
        ctx, actor, product = self.ctx, self.actor, self.product_filter.currentData()
        self.runner.run(lambda: mbr.list_mbrs(ctx.read_uow(), actor, product), on_done=self._loaded,
                        on_error=self.message.show_error)

    def _loaded(self, views: list[MbrView]) -> None:
        self.model.set_records(views)
        row = self.model.row_of(self._select) if self._select else -1
        if row >= 0:
            self.table.selectRow(row)
        self._selection_changed()

    def _changed(self, changes: Changes) -> None:
        if changes.touches(ITEM):
            self._load_products()
        if changes.touches(MBR):
            self.refresh()

    def selected(self) -> MbrView | None:
        rows = self.table.selectionModel().selectedRows()
        record = self.model.record_at(rows[0].row()) if rows else None
        return record if isinstance(record, MbrView) else None

    def _selection_changed(self) -> None:
        view = self.selected()
        self.line_model.set_records(view.lines if view else [])
        self.versions_button.setEnabled(self._product() is not None)

    def _product(self) -> str | None:
        view = self.selected()
        product = view.product_code if view is not None else self.product_filter.currentData()
        return product if isinstance(product, str) else None

    def show_versions(self) -> None:
        product = self._product()
        if product is not None:
            VersionHistoryDialog.ask(self.ctx, self.runner, self.actor, "mbr", product, self)

    def new_draft(self) -> None:
        draft = MbrDraftDialog.ask(self.ctx, self.runner, self.actor, self)
        if draft is None:
            return
        self.message.show_info(self.tr("Draft {product} v{version} created.").format(
            product=draft.product_code, version=draft.version))
        self._announce(draft)

    def _announce(self, view: MbrView) -> None:
        self._wanted = f"{view.product_code} v{view.version}"
        self.changes.announce(Changes.of(MBR, numbers=[view.product_code]))  # this page refreshes too
