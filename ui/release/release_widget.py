"""The release screen for QA (QC-3, QC-4): batches in QA review and lots in Quarantine, and beside the list the
one selected with its release evaluation and the signed release or rejection."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QSplitter, QWidget

from app import release
from app.release import AwaitingRelease
from domain.users import Actor
from ui.release.release_detail_widget import ReleaseDetailWidget
from ui.shell.changes import BATCH, DEVIATION, LOT, QC_RESULT, ChangeHub, Changes
from ui.shell.task_runner import Runner
from ui.widgets.local_time import local_text
from ui.widgets.record_list_widget import RecordListWidget
from ui.widgets.record_table_model import Column
from ui.widgets.status_names import status_name
from ui.widgets.widget_parts import Signer

if TYPE_CHECKING:
    from app.services import Services


class ReleaseWidget(RecordListWidget):
    def __init__(self, ctx: Services, runner: Runner, actor: Actor, changes: ChangeHub, *, signer: Signer | None,
                 parent: QWidget | None = None) -> None:
        super().__init__(
            ctx, runner, actor, changes, name="release", kind=LOT, record_type=AwaitingRelease,
            columns=self._columns, key=lambda a: a.record_id, parent=parent,
            load=lambda: release.awaiting_release(ctx.read_uow(), actor))
        self.detail = ReleaseDetailWidget(ctx, runner, actor, changes, signer=signer)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        self.layout().removeWidget(self.table)
        splitter.addWidget(self.table)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        self.layout().insertWidget(1, splitter, 1)  # type: ignore[attr-defined]
        self.add_buttons([], visible=True, need_selection=[])

    def _columns(self) -> Sequence[Column]:
        kinds = {"lot": self.tr("Lot"), "batch": self.tr("Batch")}
        return (
            Column(self.tr("Kind"), lambda a: kinds.get(a.record_type, a.record_type)),
            Column(self.tr("Number"), lambda a: a.record_id),
            Column(self.tr("Item"), lambda a: a.item_code),
            Column(self.tr("Status"), lambda a: status_name(a.status)),
            Column(self.tr("Since"), lambda a: local_text(a.since)),
        )

    def _changed(self, changes: Changes) -> None:
        if changes.touches(LOT, BATCH, DEVIATION, QC_RESULT):
            self.refresh()

    def _loaded(self, records: Sequence[Any]) -> None:
        super()._loaded(records)
        if self.selected() is None:
            self.detail.show_record(None)

    def _selection_changed(self) -> None:
        chosen = self.selected()
        self.detail.show_record(chosen.record_id if chosen else None)

    def show_record(self, number: str) -> None:
        """Open one lot or batch here (from the global search or another page)."""
        self._select = number
        self.refresh()
        self.detail.show_record(number)
