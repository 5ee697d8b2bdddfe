"""The deviations page (DEV-1): every deviation, the open ones by default, and one in detail beside the list."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QCheckBox, QSplitter, QWidget

from app import deviations
from app.deviations import DeviationView
from app.signatures import SigningSession
from domain.users import Actor, Permission
from ui.quality.deviation_detail_widget import DeviationDetailWidget
from ui.quality.open_deviation_dialog import OpenDeviationDialog
from ui.shell.changes import DEVIATION, ChangeHub, Changes
from ui.shell.task_runner import Runner
from ui.widgets.local_time import local_text
from ui.widgets.record_list_widget import RecordListWidget
from ui.widgets.record_table_model import Column
from ui.widgets.status_names import status_name
from ui.widgets.widget_parts import push_button

if TYPE_CHECKING:
    from app.services import Services


class DeviationListWidget(RecordListWidget):
    """`open_record(kind, number)` asks the window to show another page (a linked lot, a trace)."""

    open_record = Signal(str, str)

    def __init__(self, ctx: Services, runner: Runner, actor: Actor, changes: ChangeHub, *,
                 session: SigningSession | None = None, on_account_locked: Callable[[str], object] | None = None,
                 parent: QWidget | None = None) -> None:
        self._open_only = True  # read by the load on the database thread: a plain value, never the check box
        super().__init__(
            ctx, runner, actor, changes, name="deviation", kind=DEVIATION, record_type=DeviationView,
            columns=self._columns, key=lambda d: d.number, parent=parent,
            load=lambda: deviations.list_deviations(ctx.read_uow(), actor, open_only=self._open_only))
        self.detail = DeviationDetailWidget(ctx, runner, actor, changes, session=session or SigningSession(actor),
                                            on_account_locked=on_account_locked)
        self.detail.open_record.connect(self.open_record)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        self.layout().removeWidget(self.table)
        splitter.addWidget(self.table)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        self.layout().insertWidget(1, splitter, 1)  # type: ignore[attr-defined]
        self.open_only = QCheckBox(self.tr("Open deviations only"))
        self.open_only.setObjectName("deviationOpenOnly")
        self.open_only.setChecked(True)
        self.open_only.toggled.connect(self._open_only_toggled)
        self.new_button = push_button(self.tr("New deviation..."), "newDeviation", self.new_deviation)
        self.add_buttons([self.new_button, self.open_only], visible=True,  # type: ignore[list-item]
                         need_selection=[])
        self.new_button.setVisible(actor.can(Permission.OPEN_DEVIATION))  # the service checks again (ACC-4)

    def _columns(self) -> Sequence[Column]:
        return (
            Column(self.tr("Deviation"), lambda d: d.number),
            Column(self.tr("Class"), lambda d: status_name(d.classification)),
            Column(self.tr("Status"), lambda d: status_name(d.status)),
            Column(self.tr("Opened"), lambda d: local_text(d.opened_at)),
            Column(self.tr("By"), lambda d: d.opened_by),
            Column(self.tr("Touches"), lambda d: ", ".join(ref for kind, ref in d.links if kind in ("lot", "batch"))),
            Column(self.tr("Title"), lambda d: d.title, tooltip=lambda d: d.description),
        )

    def new_deviation(self) -> None:
        """Open a deviation by hand (DEV-1); it is shown selected once stored."""
        opened = OpenDeviationDialog.ask(self.ctx, self.runner, self.actor, parent=self)
        if opened is None:
            return
        self._select = opened.number  # open: listed whatever the filter, and selected by the re-read
        self.changes.announce(Changes.of(DEVIATION, numbers=[opened.number]))
        self.message.show_info(self.tr("Deviation {number} opened.").format(number=opened.number))

    def _open_only_toggled(self, on: bool) -> None:
        self._open_only = on
        self.refresh()

    def _loaded(self, records: Sequence[Any]) -> None:
        super()._loaded(records)
        if self.selected() is None:  # the pane never shows a deviation the list does not
            self.detail.show_record(None)

    def _selection_changed(self) -> None:
        deviation = self.selected()
        self.detail.show_record(deviation.number if deviation else None)

    def show_record(self, number: str) -> None:
        """Show one deviation (from a lot's Quality tab, the global search): closed ones too."""
        if self.open_only.isChecked():
            self._open_only = False
            self.open_only.blockSignals(True)
            self.open_only.setChecked(False)
            self.open_only.blockSignals(False)
        self._select = number
        self.refresh()
        self.detail.show_record(number)
