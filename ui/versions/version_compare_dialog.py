"""Two versions of one record side by side, field by field (CHG-2): added lines green, removed red, changed yellow,
both values shown whole (long texts wrap in their cell); the same compare can be issued as a document."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QColor
from PySide6.QtWidgets import QAbstractItemView, QHBoxLayout, QWidget

from app.documents.version_compare import compare_subject
from app.versions import VersionComparison
from domain.documents import DocumentKind
from domain.i18n import _
from domain.users import Actor
from domain.version_diff import ChangeKind, DiffRow, Value, value_text
from ui.documents.document_button import DocumentButton
from ui.shell.task_runner import Runner
from ui.widgets.form_dialog import FormDialog
from ui.widgets.record_table_model import Column, RecordTableModel
from ui.widgets.status_names import status_name
from ui.widgets.widget_parts import record_table, time_text

if TYPE_CHECKING:
    from app.services import Services

FILLS = {ChangeKind.ADDED: QColor("#c8ebc4"), ChangeKind.REMOVED: QColor("#f4a6a6"),
         ChangeKind.CHANGED: QColor("#ffe08a")}
INK = QColor("#1a1a1a")  # dark text on the light fills, whatever the desktop's palette


def shown_value(field: str, value: Value) -> str:
    """A compared value as the reader reads it: local times, translated statuses and yes/no, plain numbers."""
    if field == "Status" and isinstance(value, str):
        return status_name(value)
    if hasattr(value, "astimezone"):
        return time_text(value)  # type: ignore[arg-type]
    return value_text(value)


class VersionCompareDialog(FormDialog[None]):
    """`ask(comparison, services=..., runner=..., actor=..., parent=...)`; with services, runner and actor it
    offers the compare as a controlled document (DOCX, PDF or paper) to those who may issue documents."""

    def __init__(self, comparison: VersionComparison, *, services: Services | None = None,
                 runner: Runner | None = None, actor: Actor | None = None, parent: QWidget | None = None) -> None:
        old, new = comparison.old, comparison.new
        super().__init__(runner, name="versionCompare", show_only=True, parent=parent,
                         title=self.tr("Compare {old} and {new}").format(old=old.label, new=new.label))
        self.comparison = comparison
        count = len(comparison.rows)
        self.add_note(self.tr("{count} difference(s) from {old} ({old_status}) to {new} ({new_status}). Added lines "
                              "are green, removed ones red, changed ones yellow.").format(
            count=count, old=old.label, old_status=status_name(old.status), new=new.label,
            new_status=status_name(new.status)) if count else
            self.tr("{old} and {new} hold the same content.").format(old=old.label, new=new.label),
            "versionCompareSummary")
        self.model = RecordTableModel((
            Column(self.tr("Change"), lambda r: _(r.kind.value)),
            Column(self.tr("Part"), lambda r: f"{_(r.section)} {r.key}".strip()),
            Column(self.tr("Field"), lambda r: _(r.field)),
            Column(old.label, lambda r: shown_value(r.field, r.old), tooltip=lambda r: shown_value(r.field, r.old)),
            Column(new.label, lambda r: shown_value(r.field, r.new), tooltip=lambda r: shown_value(r.field, r.new)),
        ), _row_key, self, colour=lambda _r: INK, background=lambda r: FILLS[r.kind])
        self.table = record_table("versionCompareTable", self.model)
        self.table.setAlternatingRowColors(False)
        self.table.setWordWrap(True)  # an instruction or title is shown whole, wrapped, never cut
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.model.set_records(comparison.rows)
        self.table.resizeRowsToContents()
        self.table.setMinimumSize(self.fontMetrics().averageCharWidth() * 110, self.fontMetrics().height() * 16)
        self.body.addWidget(self.table, 1)
        if services is not None and runner is not None and actor is not None:
            self.document_button = DocumentButton(services, runner, actor, DocumentKind.VERSION_COMPARE,
                                                  self.tr("Compare as a document..."), "versionCompareDocument")
            self.document_button.set_subject(compare_subject(old.record_type, old.key, old.version, new.version))
            self.document_button.issued.connect(self.message.show_info)
            self.document_button.failed.connect(self.message.show_error)
            row = QHBoxLayout()
            row.addStretch(1)
            row.addWidget(self.document_button)
            self.body.addLayout(row)
        self.finish()


def _row_key(row: DiffRow) -> str:
    return f"{row.section}/{row.key}/{row.field}"
