"""The CAPA page (DEV-2): every CAPA, the open ones by default, and one in detail beside the list."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QSplitter, QWidget

from app import capa
from app.capa import CapaView
from app.signatures import SigningSession
from domain.users import Actor, Permission
from ui.capa.capa_detail_widget import CAPA, CapaDetailWidget
from ui.capa.open_capa_dialog import OpenCapaDialog
from ui.shell.changes import ChangeHub
from ui.shell.task_runner import Runner
from ui.widgets.local_time import local_text
from ui.widgets.record_list_widget import RecordListWidget
from ui.widgets.record_table_model import Column
from ui.widgets.status_names import status_name
from ui.widgets.widget_parts import push_button

if TYPE_CHECKING:
    from app.services import Services


class CapaListWidget(RecordListWidget):
    def __init__(self, ctx: Services, runner: Runner, actor: Actor, changes: ChangeHub, *,
                 session: SigningSession | None = None, on_account_locked: Callable[[str], object] | None = None,
                 parent: QWidget | None = None) -> None:
        self._open_only = True  # read by the load on the database thread: a plain value, never the check box
        super().__init__(
            ctx, runner, actor, changes, name="capa", kind=CAPA, record_type=CapaView, columns=self._columns,
            key=lambda c: c.number, parent=parent,
            load=lambda: capa.list_capas(ctx.read_uow(), actor, open_only=self._open_only))
        self.detail = CapaDetailWidget(ctx, runner, actor, changes, session=session or SigningSession(actor),
                                       on_account_locked=on_account_locked)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        self.layout().removeWidget(self.table)
        splitter.addWidget(self.table)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        self.layout().insertWidget(1, splitter, 1)  # type: ignore[attr-defined]
        self.open_button = push_button(self.tr("Open CAPA..."), "openCapa", self.open_capa)
        self.open_button.setVisible(actor.can(Permission.MANAGE_CAPA))
        self.open_only = QCheckBox(self.tr("Open CAPA only"))
        self.open_only.setObjectName("capaOpenOnly")
        self.open_only.setChecked(True)
        self.open_only.toggled.connect(self._open_only_toggled)
        self.add_buttons([self.open_button, self.open_only], visible=True, need_selection=[])  # type: ignore[list-item]
        self.open_button.setVisible(actor.can(Permission.MANAGE_CAPA))

    def _columns(self) -> Sequence[Column]:
        return (
            Column(self.tr("CAPA"), lambda c: c.number),
            Column(self.tr("Status"), lambda c: status_name(c.status)),
            Column(self.tr("Stage"), lambda c: c.stage),
            Column(self.tr("Deviation"), lambda c: c.deviation or ""),
            Column(self.tr("Opened"), lambda c: local_text(c.opened_at)[:10],
                   tooltip=lambda c: local_text(c.opened_at)),
            Column(self.tr("Title"), lambda c: c.title, tooltip=lambda c: c.description),
        )

    def open_capa(self) -> None:
        opened = OpenCapaDialog.ask(self.ctx, self.runner, self.actor, None, self)
        if opened is not None:
            self.saved(opened, self.tr("CAPA {number} opened.").format(number=opened.number))

    def _open_only_toggled(self, on: bool) -> None:
        self._open_only = on
        self.refresh()

    def _loaded(self, records: Sequence[Any]) -> None:
        super()._loaded(records)
        if self.selected() is None:
            self.detail.show_record(None)

    def _selection_changed(self) -> None:
        chosen = self.selected()
        self.detail.show_record(chosen.number if chosen else None)
