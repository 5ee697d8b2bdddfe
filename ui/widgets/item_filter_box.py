"""The "which item" filter of a list page: "(any item)" first, then every item as code and name; it loads
its items off the GUI thread and keeps the chosen item when they are loaded again (an item was added)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QComboBox, QWidget

from app import masterdata
from app.masterdata import ItemView
from domain.users import Actor
from ui.shell.task_runner import Runner

if TYPE_CHECKING:
    from app.services import Services


class ItemFilterBox(QComboBox):
    def __init__(self, name: str, any_item: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        # as wide as a code and the start of a name, not as the longest item name: the number filter needs the room
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(28)
        self.addItem(any_item, None)

    def load(self, ctx: Services, runner: Runner, actor: Actor, on_error: Callable[[Exception], None]) -> None:
        runner.run(lambda: masterdata.list_items(ctx.read_uow(), actor), on_done=self.set_items, on_error=on_error)

    def set_items(self, items: list[ItemView]) -> None:
        current = self.currentData()
        while self.count() > 1:
            self.removeItem(1)
        for view in items:
            self.addItem(f"{view.code} — {view.name}", view.code)
        self.setCurrentIndex(max(self.findData(current), 0))
