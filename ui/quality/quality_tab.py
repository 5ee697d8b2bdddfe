"""The Quality tab of a lot's or batch's tabs (QC-1..QC-3, DEV-1). The quality of the shown record is read only
while the tab is current: the release evaluation is not paid for on every selection."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QTabWidget

from domain.users import Actor
from ui.quality.quality_pane import QualityPane
from ui.shell.changes import ChangeHub
from ui.shell.task_runner import Runner

if TYPE_CHECKING:
    from app.services import Services


class QualityTab(QObject):
    """Adds a "Quality" tab to `tabs`. `open_record(kind, number)`: a deviation double-clicked on it."""

    open_record = Signal(str, str)

    def __init__(self, ctx: Services, runner: Runner, actor: Actor, changes: ChangeHub, *, tabs: QTabWidget,
                 record_type: str) -> None:
        super().__init__(tabs)
        self.tabs, self.record_type = tabs, record_type
        self._number: str | None = None
        self.pane = QualityPane(ctx, runner, actor, changes)
        self.pane.open_record.connect(self.open_record)
        tabs.addTab(self.pane, self.tr("Quality"))
        tabs.currentChanged.connect(lambda _index: self._show())

    def show_record(self, number: str | None) -> None:
        self._number = number
        self._show()

    def _show(self) -> None:
        if self.tabs.currentWidget() is self.pane:
            self.pane.show_record(self.record_type if self._number else None, self._number)
