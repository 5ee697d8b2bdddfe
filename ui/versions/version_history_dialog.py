"""The version history of one record (CHG-2, CHG-3): every version of a master batch record or specification with
its status and dates; any two selected are compared side by side, and for a master batch record version the
open batches planned from it are listed (one query)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QAbstractItemView, QHBoxLayout, QLabel, QWidget

from app import versions
from app.batches import BatchView
from app.versions import VersionComparison, VersionSummary
from domain.users import Actor
from ui.shell.task_runner import Runner
from ui.versions.version_compare_dialog import VersionCompareDialog
from ui.widgets.form_dialog import FormDialog
from ui.widgets.record_table_model import Column, RecordTableModel
from ui.widgets.status_names import status_name
from ui.widgets.widget_parts import push_button, quantity_text, record_table, time_text

if TYPE_CHECKING:
    from app.services import Services


class VersionHistoryDialog(FormDialog[None]):
    """`ask(services, runner, actor, record_type, key, parent=...)`: record_type "mbr" (key: the product code) or
    "spec" (key: the item code)."""

    def __init__(self, services: Services, runner: Runner, actor: Actor, record_type: str, key: str,
                 parent: QWidget | None = None) -> None:
        title = (self.tr("Versions of the master batch record of {key}") if record_type == "mbr"
                 else self.tr("Versions of the specification of {key}")).format(key=key)
        super().__init__(runner, name="versionHistory", title=title, show_only=True, parent=parent)
        self.services, self.actor, self.record_type, self.key = services, actor, record_type, key
        self.add_note(self.tr("Select two versions and press Compare to see every difference field by field.")
                      + (" " + self.tr("Open batches lists the batches still open on the selected version.")
                         if record_type == "mbr" else ""), "versionHistoryNote")
        self.model = RecordTableModel((
            Column(self.tr("Version"), lambda v: str(v.version), numeric=True),
            Column(self.tr("Status"), lambda v: status_name(v.status)),
            Column(self.tr("Created"), lambda v: time_text(v.created_at)),
            Column(self.tr("Effective since"), lambda v: time_text(v.effective_at)),
            Column(self.tr("Title"), lambda v: v.title, tooltip=lambda v: v.title),  # last: it takes the room left
        ), lambda v: str(v.version), self)
        self.table = record_table("versionTable", self.model)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.MultiSelection)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._selection_changed())
        self.compare_button = push_button(self.tr("Compare"), "compareVersions", self.compare)
        self.batches_button = push_button(self.tr("Open batches"), "versionBatches", self.show_batches)
        self.batches_button.setVisible(record_type == "mbr")
        buttons = QHBoxLayout()
        buttons.addWidget(self.compare_button)
        buttons.addWidget(self.batches_button)
        buttons.addStretch(1)
        self.batch_model = RecordTableModel((
            Column(self.tr("Batch"), lambda b: b.batch_number),
            Column(self.tr("Status"), lambda b: status_name(b.status)),
            Column(self.tr("Planned quantity"), lambda b: f"{quantity_text(b.planned_quantity)} {b.unit}",
                   numeric=True),
            Column(self.tr("Planned"), lambda b: time_text(b.planned_at)),
        ), lambda b: b.batch_number, self)
        self.batch_caption = QLabel()
        self.batch_caption.setObjectName("versionBatchesCaption")
        self.batch_caption.setWordWrap(True)
        self.batch_table = record_table("versionBatchTable", self.batch_model)
        self.batch_caption.setVisible(False)
        self.batch_table.setVisible(False)
        self.table.setMinimumWidth(self.fontMetrics().averageCharWidth() * 90)
        self.body.addWidget(self.table, 2)
        self.body.addLayout(buttons)
        self.body.addWidget(self.batch_caption)
        self.body.addWidget(self.batch_table, 1)
        self.finish()
        self._selection_changed()
        self.load(lambda: versions.list_versions(services.read_uow(), actor, record_type, key), self._loaded)

    def _loaded(self, found: list[VersionSummary]) -> None:
        self.model.set_records(found)
        if len(found) >= 2:  # the two latest, the compare most often wanted
            self.table.selectRow(len(found) - 2)
            self.table.selectRow(len(found) - 1)

    def selected(self) -> list[VersionSummary]:
        rows = sorted(index.row() for index in self.table.selectionModel().selectedRows())
        return [v for v in (self.model.record_at(row) for row in rows) if isinstance(v, VersionSummary)]

    def _selection_changed(self) -> None:
        chosen = self.selected()
        self.compare_button.setEnabled(len(chosen) == 2)
        self.batches_button.setEnabled(len(chosen) == 1)

    def compare(self) -> None:
        chosen = self.selected()
        if len(chosen) != 2:
            return
        services, actor, kind, key = self.services, self.actor, self.record_type, self.key
        old, new = chosen[0].version, chosen[1].version
        self.load(lambda: versions.compare_versions(services.read_uow(), actor, kind, key, old, new),
                  self._compared)

    def _compared(self, comparison: VersionComparison) -> None:
        VersionCompareDialog.ask(comparison, services=self.services, runner=self.runner, actor=self.actor,
                                 parent=self)

    def show_batches(self) -> None:
        chosen = self.selected()
        if len(chosen) != 1:
            return
        services, actor, key, version = self.services, self.actor, self.key, chosen[0].version
        self.load(lambda: versions.batches_on(services.read_uow(), actor, key, version),
                  lambda found: self._batches_loaded(chosen[0], found))

    def _batches_loaded(self, version: VersionSummary, found: list[BatchView]) -> None:
        self.batch_model.set_records(found)
        self.batch_caption.setText(
            self.tr("Open batches on {label}: {count}").format(label=version.label, count=len(found)) if found
            else self.tr("No open batch uses {label}.").format(label=version.label))
        self.batch_caption.setVisible(True)
        self.batch_table.setVisible(bool(found))
