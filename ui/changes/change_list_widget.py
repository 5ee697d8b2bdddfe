"""The change-control page (CHG-1): my requests, those waiting for my approval, those effective soon, or all;
one in detail beside the list; a new change request naming the drafts it makes effective."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QSplitter, QWidget

from app import change_control
from app.change_control import ChangeView
from domain.users import Actor, Permission
from ui.changes.change_detail_widget import CHANGE, ChangeDetailWidget
from ui.changes.new_change_dialog import NewChangeDialog
from ui.shell.changes import ChangeHub
from ui.shell.task_runner import Runner
from ui.widgets.record_list_widget import RecordListWidget
from ui.widgets.record_table_model import Column
from ui.widgets.status_names import status_name
from ui.widgets.widget_parts import Signer, push_button

if TYPE_CHECKING:
    from app.services import Services


class ChangeListWidget(RecordListWidget):
    def __init__(self, ctx: Services, runner: Runner, actor: Actor, changes: ChangeHub, *,
                 signer: Signer | None = None, parent: QWidget | None = None) -> None:
        self._which = change_control.MINE if actor.can(Permission.OPEN_CHANGE) else change_control.ALL
        super().__init__(
            ctx, runner, actor, changes, name="change", kind=CHANGE, record_type=ChangeView, columns=self._columns,
            key=lambda c: c.number, parent=parent,
            load=lambda: change_control.change_list(ctx.read_uow(), actor, self._which))
        self.detail = ChangeDetailWidget(ctx, runner, actor, changes, signer=signer)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        self.layout().removeWidget(self.table)
        splitter.addWidget(self.table)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        self.layout().insertWidget(1, splitter, 1)  # type: ignore[attr-defined]
        self.which = QComboBox()
        self.which.setObjectName("changeWhich")
        for key, text in ((change_control.MINE, self.tr("My requests")),
                          (change_control.TO_APPROVE, self.tr("Waiting for my approval")),
                          (change_control.SOON, self.tr("Effective soon")), (change_control.ALL, self.tr("All"))):
            self.which.addItem(text, key)
        self.which.setCurrentIndex(self.which.findData(self._which))
        self.which.activated.connect(self._which_chosen)
        self.new_button = push_button(self.tr("New change request..."), "newChange", self.new_change)
        self.add_buttons([self.new_button], visible=True, need_selection=[])
        self.buttons.insertWidget(0, self.which)
        self.new_button.setVisible(actor.can(Permission.OPEN_CHANGE))

    def _columns(self) -> Sequence[Column]:
        return (
            Column(self.tr("Change"), lambda c: c.number),
            Column(self.tr("Status"), lambda c: status_name(c.status)),
            Column(self.tr("Class"), lambda c: status_name(c.classification)),
            Column(self.tr("Effective on"), lambda c: str(c.effective_on)),
            Column(self.tr("Versions"), lambda c: ", ".join(i.label for i in c.items)),
            Column(self.tr("Title"), lambda c: c.title, tooltip=lambda c: c.reason),
        )

    def new_change(self) -> None:
        opened = NewChangeDialog.ask(self.ctx, self.runner, self.actor, self)
        if opened is not None:
            self.saved(opened, self.tr("Change request {number} opened.").format(number=opened.number))

    def show_record(self, number: str) -> None:
        """Opened from the signatures queue or a search: every change request listed, this one selected."""
        self.which.setCurrentIndex(self.which.findData(change_control.ALL))
        self._which = change_control.ALL
        self._select = number
        self.refresh()

    def _which_chosen(self, _row: int) -> None:
        self._which = str(self.which.currentData())
        self.refresh()

    def _loaded(self, records: Sequence[Any]) -> None:
        super()._loaded(records)
        if self.selected() is None:
            self.detail.show_record(None)

    def _selection_changed(self) -> None:
        chosen = self.selected()
        self.detail.show_record(chosen.number if chosen else None)
