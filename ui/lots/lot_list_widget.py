"""The lots page (LOT-4, LOT-5): filter by item, status and number, see one lot, receive new ones."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QSplitter, QTabWidget, QVBoxLayout, QWidget

from app import lots
from app.lots import LabelPrinting, LotView
from domain.lots import LotStatus
from domain.users import Actor, Permission
from ui.lots.lot_detail_widget import LotDetailWidget
from ui.lots.lot_table_model import LotTableModel
from ui.lots.receive_lot_dialog import ReceiveLotDialog
from ui.quality.quality_tab import QualityTab
from ui.shell.changes import ITEM, LOT, ChangeHub, Changes
from ui.shell.task_runner import Runner
from ui.widgets.item_filter_box import ItemFilterBox
from ui.widgets.message_label import MessageLabel
from ui.widgets.status_names import status_name
from ui.widgets.widget_parts import Signer, debounced, line_edit, push_button, quantity_text, record_table

if TYPE_CHECKING:
    from app.services import Services


class LotListWidget(QWidget):
    """`open_record(kind, number)` asks the window to show another page (e.g. trace a lot)."""

    open_record = Signal(str, str)

    def __init__(self, ctx: Services, runner: Runner, actor: Actor, changes: ChangeHub, *,
                 labels: LabelPrinting | None = None, signer: Signer | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("lotList")
        self.ctx, self.runner, self.actor, self.changes, self.labels = ctx, runner, actor, changes, labels
        self._select: str | None = None
        self._wanted: str | None = None  # to select after the next refresh
        self.model = LotTableModel(self)
        self.table = record_table("lotTable", self.model)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.detail = LotDetailWidget(ctx, runner, actor, changes, signer=signer)
        self.detail.open_record.connect(self.open_record)
        self.count_label = QLabel()
        self.count_label.setObjectName("lotCount")
        self.message = MessageLabel(self, object_name="lotMessage")
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.table)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("lotTabs")
        self.tabs.addTab(self.detail, self.tr("Lot"))
        self.quality_tab = QualityTab(ctx, runner, actor, changes, tabs=self.tabs, record_type="lot")
        self.quality_tab.open_record.connect(self.open_record)
        splitter.addWidget(self.tabs)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(self._filters())
        layout.addWidget(splitter, 1)
        layout.addWidget(self.count_label)
        layout.addWidget(self.message)
        changes.changed.connect(self._changed)
        self._load_items()
        self.refresh()

    def _filters(self) -> QHBoxLayout:
        self.item_filter = ItemFilterBox("lotItemFilter", self.tr("(any item)"))
        self.status_filter = QComboBox()
        self.status_filter.setObjectName("lotStatusFilter")
        self.status_filter.addItem(self.tr("(any status)"), None)
        for status in LotStatus:
            self.status_filter.addItem(status_name(status.value), status)
        self.text_filter = line_edit("lotTextFilter", self.tr("lot or supplier lot number"))
        self.text_filter.setClearButtonEnabled(True)
        self._typing = debounced(self, self.refresh)
        self.text_filter.textChanged.connect(lambda _text: self._typing.start())  # filters apply as you type
        self.text_filter.returnPressed.connect(self.refresh)
        self.item_filter.activated.connect(lambda _row: self.refresh())
        self.status_filter.activated.connect(lambda _row: self.refresh())
        row = QHBoxLayout()
        row.addWidget(self.item_filter)
        row.addWidget(self.status_filter)
        row.addWidget(self.text_filter, 1)
        row.addWidget(push_button(self.tr("Refresh"), "refreshLots", self.refresh))
        receive = push_button(self.tr("Receive lot..."), "receiveLot", self.receive_lot)
        receive.setVisible(self.actor.can(Permission.RECEIVE_LOT))  # convenience: the service checks (ACC-4)
        row.addWidget(receive)
        return row

    # --- loading ------------------------------------------------------------------------------------
    def _load_items(self) -> None:
        self.item_filter.load(self.ctx, self.runner, self.actor, self.message.show_error)

    def refresh(self, select: str | None = None) -> None:
        self._typing.stop()
        current = self.selected_lot()
        self._select = select or self._wanted or (current.lot_number if current else None)
        self._wanted = None
        ctx, actor = self.ctx, self.actor
        item = self.item_filter.currentData()
        status = self.status_filter.currentData()
        statuses = (status,) if status is not None else ()
        text = self.text_filter.text().strip() or None
        self.runner.run(lambda: lots.list_lots(ctx.read_uow(), actor, item_code=item, statuses=statuses, text=text),
                        on_done=self._loaded, on_error=self.message.show_error)

    def _loaded(self, views: list[LotView]) -> None:
        self.model.set_records(views)
        self.count_label.setText(self.tr("{n} lots").format(n=len(views)))
        row = self.model.row_of(self._select) if self._select else -1
        if row >= 0:
            self.table.selectRow(row)
            self.table.scrollTo(self.model.index(row, 0))
        else:  # the lot shown before is not in the list any more: the pane never shows what is not listed
            self.table.clearSelection()
            self.detail.show_record(None)
            self.quality_tab.show_record(None)

    def _changed(self, changes: Changes) -> None:
        if changes.touches(ITEM):
            self._load_items()
        if changes.touches(LOT):
            self.refresh()

    def selected_lot(self) -> LotView | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.lot_at(rows[0].row()) if rows else None

    def _selection_changed(self) -> None:
        lot = self.selected_lot()
        self.detail.show_record(lot.lot_number if lot is not None else None)
        self.quality_tab.show_record(lot.lot_number if lot is not None else None)

    def show_record(self, number: str) -> None:
        """Show one lot (global search, links from other pages): the filters narrow to its number."""
        self.item_filter.setCurrentIndex(0)
        self.status_filter.setCurrentIndex(0)
        self.text_filter.setText(number)
        self.refresh(select=number)
        self.detail.show_record(number)
        self.quality_tab.show_record(number)

    # --- receiving ----------------------------------------------------------------------------------
    def receive_lot(self) -> None:
        lot = ReceiveLotDialog.ask(self.ctx, self.runner, self.actor, labels=self.labels, parent=self)
        if lot is None:
            return
        printer = self.labels.default_printer if self.labels is not None else None
        label = (self.tr("Its label was sent to {printer}.").format(printer=printer) if printer else self.tr(
            "No label printer is set up at this station: print its label from the lot's pane once one is."))
        self.message.show_info(self.tr("Lot {n} received into quarantine: {qty} {unit} of {item}.").format(
            n=lot.lot_number, qty=quantity_text(lot.quantity), unit=lot.unit, item=lot.item_code) + " " + label)
        self._wanted = lot.lot_number
        self.changes.announce(Changes.of(LOT, numbers=[lot.lot_number]))  # this page refreshes too
