"""The item master (LOT-1): every item with type, unit, shelf life, storage condition and GTIN; creating and
changing items (the change with a reason, AUD-4); a refused write reopens the form as it was, with the reason."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

from app import masterdata
from app.masterdata import ItemView
from domain.users import Actor, Permission
from ui.masterdata.item_dialog import ItemDialog, ItemInput
from ui.shell.changes import ITEM, ChangeHub
from ui.shell.task_runner import Runner, user_message
from ui.versions.version_history_dialog import VersionHistoryDialog
from ui.widgets.reason_dialog import ReasonDialog
from ui.widgets.record_list_widget import RecordListWidget
from ui.widgets.record_table_model import Column
from ui.widgets.status_names import status_name
from ui.widgets.widget_parts import push_button

if TYPE_CHECKING:
    from app.services import Services


class ItemListWidget(RecordListWidget):
    def __init__(self, ctx: Services, runner: Runner, actor: Actor, changes: ChangeHub,
                 parent: QWidget | None = None) -> None:
        super().__init__(ctx, runner, actor, changes, name="item", kind=ITEM, record_type=ItemView, columns=lambda: (
            Column(self.tr("Code"), lambda i: i.code),
            Column(self.tr("Name"), lambda i: i.name),
            Column(self.tr("Type"), lambda i: status_name(i.item_type)),
            Column(self.tr("Unit"), lambda i: i.unit),
            Column(self.tr("Shelf life (days)"), lambda i: str(i.shelf_life_days or ""), numeric=True),
            Column(self.tr("Storage condition"), lambda i: i.storage_condition),
            Column(self.tr("GTIN"), lambda i: i.gtin or ""),
        ), key=lambda i: i.code, load=lambda: masterdata.list_items(ctx.read_uow(), actor), parent=parent)
        may_edit = actor.can(Permission.MANAGE_MASTER_DATA)  # convenience: the service checks (ACC-4)
        self.new_button = push_button(self.tr("New item..."), "newItem", self.new_item)
        self.edit_button = push_button(self.tr("Edit item..."), "editItem", self.edit_item)
        if may_edit:
            self.table.doubleClicked.connect(lambda _index: self.edit_item())
        self.add_buttons((self.new_button, self.edit_button), visible=may_edit, need_selection=(self.edit_button,))
        # CHG-2: every version of the selected item's specification, any two compared (reading is everyone's)
        self.spec_button = push_button(self.tr("Specification versions..."), "itemSpecVersions", self.spec_versions)
        self.buttons.insertWidget(self.buttons.count() - 2, self.spec_button)  # before the stretch and Refresh
        self.selection_buttons.append(self.spec_button)
        self.spec_button.setEnabled(self.selected() is not None)

    def spec_versions(self) -> None:
        item = self.selected()
        if item is not None:
            VersionHistoryDialog.ask(self.ctx, self.runner, self.actor, "spec", item.code, self)

    def new_item(self, draft: ItemInput | None = None, error: str = "") -> None:
        values = ItemDialog.ask(None, draft, error, self)
        if values is None:
            return
        ctx, actor = self.ctx, self.actor
        self.runner.run(lambda: masterdata.create_item(
            ctx.uow(), actor, values.code, values.name, values.item_type, values.unit,
            shelf_life_days=values.shelf_life_days, storage_condition=values.storage_condition, gtin=values.gtin),
            on_done=lambda item: self._saved(item, self.tr("Item {code} created.")),
            on_error=lambda failure: self.new_item(values, user_message(failure)))

    def edit_item(self, item: ItemView | None = None, draft: ItemInput | None = None, error: str = "") -> None:
        item = item or self.selected()
        if item is None:
            return
        values = ItemDialog.ask(item, draft, error, self)
        if values is None:
            return
        reason = ReasonDialog.ask(self.tr("Change item {code}?").format(code=item.code), self)
        if reason is None:
            return
        ctx, actor, code = self.ctx, self.actor, item.code
        self.runner.run(lambda: masterdata.edit_item(
            ctx.uow(), actor, code, reason, name=values.name, unit=values.unit,
            shelf_life_days=values.shelf_life_days, storage_condition=values.storage_condition, gtin=values.gtin),
            on_done=lambda changed: self._saved(changed, self.tr("Item {code} changed.")),
            on_error=lambda failure: self.edit_item(item, values, user_message(failure)))

    def _saved(self, item: ItemView, text: str) -> None:
        self.saved(item, text.format(code=item.code))
