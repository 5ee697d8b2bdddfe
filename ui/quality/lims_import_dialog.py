"""A LIMS results file before it is stored (QC-2, INT-1): the dry run's outcome, every row that would be stored
(out of spec in red, already stored ones marked) or every rejected row with its line and reason. Importing runs
with progress and Cancel; it stores all rows or none."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtGui import QColor
from PySide6.QtWidgets import QLabel, QWidget

from app.lims_import import LimsImportReport, import_lims_results
from domain.users import Actor
from ui.shell.task_runner import Runner
from ui.widgets.form_dialog import FormDialog
from ui.widgets.record_table_model import Column, RecordTableModel
from ui.widgets.status_names import kind_name
from ui.widgets.widget_parts import record_table

if TYPE_CHECKING:
    from app.services import Services

RED = QColor("#b00020")
_KIND_LETTER = {"lot": "L", "batch": "B"}


class LimsImportDialog(FormDialog[LimsImportReport]):
    def __init__(self, ctx: Services, runner: Runner, actor: Actor, path: Path, data: bytes,
                 checked: LimsImportReport, parent: QWidget | None = None) -> None:
        super().__init__(runner, name="limsImport", title=self.tr("Import LIMS results: {file}").format(
            file=path.name), ok_text=self.tr("Import {n} results").format(n=checked.new), parent=parent)
        self.ctx, self.actor, self.path, self.data = ctx, actor, path, data
        summary = QLabel(checked.summary())
        summary.setObjectName("limsSummary")
        summary.setWordWrap(True)
        self.body.insertWidget(0, summary)
        if checked.rejections:
            self.model = RecordTableModel([
                Column(self.tr("Line"), lambda r: str(r.line), numeric=True),
                Column(self.tr("Why it is rejected"), lambda r: r.reason, tooltip=lambda r: r.reason),
            ], key=lambda r: str(r.line), parent=self, colour=lambda _r: RED)
            self.model.set_records(checked.rejections)
        else:
            self.model = RecordTableModel([
                Column(self.tr("Line"), lambda r: str(r.line), numeric=True),
                Column(self.tr("Record"), lambda r: kind_name(_KIND_LETTER.get(r.record_type, r.record_type))),
                Column(self.tr("Number"), lambda r: r.record_id),
                Column(self.tr("Test"), lambda r: r.test_code),
                Column(self.tr("Replicates"), lambda r: "; ".join(r.replicates)),
                Column(self.tr("Result"), lambda r: f"{r.reported} {r.unit}".rstrip(), numeric=True),
                Column(self.tr("Verdict"), lambda r: self.tr("within spec") if r.within_spec
                       else self.tr("OUT OF SPEC")),
                Column(self.tr("Stored"), lambda r: self.tr("already") if r.already_stored else self.tr("new")),
            ], key=lambda r: str(r.line), parent=self,
                colour=lambda r: RED if not r.within_spec and not r.already_stored else None)
            self.model.set_records(checked.rows)
        self.table = record_table("limsRows", self.model)
        self.body.insertWidget(1, self.table)
        frame = 2 * self.table.frameWidth() + self.table.verticalScrollBar().sizeHint().width()
        self.table.setMinimumWidth(min(self.table.horizontalHeader().length() + frame, 1100))
        self.finish()
        self.ok_button.setEnabled(not checked.rejections and checked.new > 0)
        if checked.rejections:
            self.message.show_error(self.tr("Nothing can be imported: correct the file and choose it again."))

    def submit(self) -> None:
        if self.runner is None or not self.ok_button.isEnabled():
            return
        ctx, actor, name, data = self.ctx, self.actor, self.path.name, self.data
        self.ok_button.setEnabled(False)
        self.message.clear_message()
        self.runner.run_long(lambda state: import_lims_results(ctx.uow(), actor, data, name, progress=state),
                             title=self.tr("Importing {file}").format(file=name), parent=self,
                             on_done=self.done_with, on_error=self.fail)
