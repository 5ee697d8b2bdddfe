"""The audit trail viewer (AUD-5): filter by user, record, action, time and text; verify the chain (AUD-3);
export what the filter shows to CSV."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, QItemSelection, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app import audit
from app.audit import ExportResult
from app.ports import AuditFilter
from domain.audit import AuditAction, ChainReport
from domain.users import Actor, Permission
from ui.audit.audit_table_model import AuditTableModel
from ui.shell.task_runner import Runner, user_message
from ui.widgets.local_time import local_day_end_utc, local_day_start_utc
from ui.widgets.message_label import MessageLabel
from ui.widgets.status_names import record_type_name
from ui.widgets.widget_parts import choose_save_path, fit_columns_to_content

if TYPE_CHECKING:
    from app.services import Services


def _line_edit(name: str, placeholder: str) -> QLineEdit:
    edit = QLineEdit()
    edit.setObjectName(name)
    edit.setPlaceholderText(placeholder)
    edit.setClearButtonEnabled(True)
    return edit


class AuditTrailWidget(QWidget):
    def __init__(self, ctx: Services, runner: Runner, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("auditTrail")
        self.ctx, self.runner, self.actor = ctx, runner, actor
        self.model = AuditTableModel(ctx, runner, actor, self)
        self.model.load_failed.connect(self._load_failed)
        for signal in (self.model.modelReset, self.model.rowsInserted, self.model.loading_changed):
            signal.connect(self._update_count)
        layout = QVBoxLayout(self)
        layout.addLayout(self._filters())
        layout.addWidget(self._table_and_detail(), 1)
        layout.addLayout(self._actions())
        self.message = MessageLabel(self, object_name="auditMessage")
        self.verify_result = MessageLabel(self, object_name="verifyResult")
        layout.addWidget(self.message)
        layout.addWidget(self.verify_result)
        self._load_record_types()
        self.model.set_filter(AuditFilter())

    # --- layout -------------------------------------------------------------------------------------
    def _filters(self) -> QGridLayout:
        self.user_filter = _line_edit("userFilter", self.tr("user ID"))
        self.record_id_filter = _line_edit("recordIdFilter", self.tr("record ID"))
        self.text_filter = _line_edit("textFilter", self.tr("text in reason, changes or record ID"))
        self.record_type_filter = QComboBox()
        self.record_type_filter.setObjectName("recordTypeFilter")
        self.record_type_filter.addItem(self.tr("(any record type)"), None)
        self.action_filter = QComboBox()
        self.action_filter.setObjectName("actionFilter")
        self.action_filter.addItem(self.tr("(any action)"), None)
        for action in AuditAction:
            self.action_filter.addItem(action.value, action.value)
        today = QDate.currentDate()
        self.since_enabled, self.since_date = QCheckBox(self.tr("From")), QDateEdit(today.addDays(-30))
        self.until_enabled, self.until_date = QCheckBox(self.tr("To")), QDateEdit(today)
        for name, box, edit in (("since", self.since_enabled, self.since_date),
                                ("until", self.until_enabled, self.until_date)):
            box.setObjectName(f"{name}Enabled")
            edit.setObjectName(f"{name}Date")
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setEnabled(False)
            box.toggled.connect(edit.setEnabled)
        self.apply_button = QPushButton(self.tr("Apply filter"))
        self.apply_button.setObjectName("applyFilter")
        self.apply_button.clicked.connect(self.apply_filter)
        self.clear_button = QPushButton(self.tr("Clear"))
        self.clear_button.setObjectName("clearFilter")
        self.clear_button.clicked.connect(self.clear_filter)
        for edit in (self.user_filter, self.record_id_filter, self.text_filter):
            edit.returnPressed.connect(self.apply_filter)
        grid = QGridLayout()
        grid.addWidget(self.user_filter, 0, 0)
        grid.addWidget(self.record_type_filter, 0, 1)
        grid.addWidget(self.record_id_filter, 0, 2)
        grid.addWidget(self.action_filter, 0, 3)
        grid.addWidget(self.since_enabled, 1, 0, Qt.AlignmentFlag.AlignRight)
        grid.addWidget(self.since_date, 1, 1)
        grid.addWidget(self.until_enabled, 1, 2, Qt.AlignmentFlag.AlignRight)
        grid.addWidget(self.until_date, 1, 3)
        grid.addWidget(self.text_filter, 2, 0, 1, 4)
        grid.addWidget(self.apply_button, 0, 4)
        grid.addWidget(self.clear_button, 1, 4)
        return grid

    def _table_and_detail(self) -> QSplitter:
        self.table = QTableView()
        self.table.setObjectName("auditTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        fit_columns_to_content(self.table)
        self.table.selectionModel().selectionChanged.connect(self._show_detail)
        self.detail = QPlainTextEdit()
        self.detail.setObjectName("auditDetail")
        self.detail.setReadOnly(True)
        self.detail.setPlaceholderText(self.tr("Select an entry to see every field and its old and new value."))
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        return splitter

    def _actions(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.count_label = QLabel()
        self.count_label.setObjectName("auditCount")
        row.addWidget(self.count_label, 1)
        self.action_buttons: dict[str, QPushButton] = {}
        for name, text, slot in (("refreshAudit", self.tr("Refresh"), self.model.reload),
                                 ("verifyChain", self.tr("Verify chain"), self.verify_chain),
                                 ("exportCsv", self.tr("Export CSV..."), self.export_csv)):
            button = QPushButton(text)
            button.setObjectName(name)
            button.clicked.connect(slot)
            row.addWidget(button)
            self.action_buttons[name] = button
        # Hiding is a convenience: the service checks the permission again (ACC-4).
        self.action_buttons["exportCsv"].setVisible(self.actor.can(Permission.EXPORT_AUDIT))
        return row

    # --- filtering ----------------------------------------------------------------------------------
    def _load_record_types(self) -> None:
        ctx, actor = self.ctx, self.actor
        self.runner.run(lambda: audit.audit_record_types(ctx.read_uow(), actor), on_done=self._record_types_loaded,
                        on_error=self.message.show_error)

    def _record_types_loaded(self, types: list[str]) -> None:
        current = self.record_type_filter.currentData()
        while self.record_type_filter.count() > 1:
            self.record_type_filter.removeItem(1)
        for record_type in types:
            self.record_type_filter.addItem(record_type_name(record_type), record_type)
        index = self.record_type_filter.findData(current)
        self.record_type_filter.setCurrentIndex(max(index, 0))

    def current_filter(self) -> AuditFilter:
        since = local_day_start_utc(self._day(self.since_date)) if self.since_enabled.isChecked() else None
        until = local_day_end_utc(self._day(self.until_date)) if self.until_enabled.isChecked() else None
        return AuditFilter(
            user_id=self.user_filter.text().strip() or None,
            record_type=self.record_type_filter.currentData() or None,
            record_id=self.record_id_filter.text().strip() or None,
            action=self.action_filter.currentData() or None,
            since=since, until=until,
            text=self.text_filter.text().strip() or None,
        )

    @staticmethod
    def _day(edit: QDateEdit) -> date:
        qdate = edit.date()
        return date(qdate.year(), qdate.month(), qdate.day())

    def apply_filter(self) -> None:
        flt = self.current_filter()
        if flt.since and flt.until and flt.since >= flt.until:
            self.message.show_error(self.tr("The 'From' date is after the 'To' date."))
            return
        self.message.clear_message()
        self.model.set_filter(flt)

    def clear_filter(self) -> None:
        for edit in (self.user_filter, self.record_id_filter, self.text_filter):
            edit.clear()
        self.record_type_filter.setCurrentIndex(0)
        self.action_filter.setCurrentIndex(0)
        self.since_enabled.setChecked(False)
        self.until_enabled.setChecked(False)
        self.apply_filter()
        self._load_record_types()

    def _update_count(self) -> None:
        rows = self.model.rowCount()
        if self.model.loading:
            text = self.tr("{n} entries shown, loading…").format(n=rows)
        elif self.model.exhausted:
            text = self.tr("{n} entries").format(n=rows)
        else:
            text = self.tr("{n} newest entries shown: scroll down for older ones").format(n=rows)
        self.count_label.setText(text)

    def _show_detail(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        rows = self.table.selectionModel().selectedRows()
        entry = self.model.entry_at(rows[0].row()) if rows else None
        self.detail.setPlainText(self.model.detail_text(entry) if entry else "")

    # --- verify and export --------------------------------------------------------------------------
    def verify_chain(self) -> None:
        ctx, actor = self.ctx, self.actor
        self.verify_result.show_info(self.tr("Verifying the audit trail…"))
        self.runner.run(lambda: audit.verify_audit(ctx.read_uow(), actor), on_done=self._verified,
                        on_error=self._verify_failed)

    def _verified(self, report: ChainReport) -> None:
        if report.intact:
            text = self.tr("Audit trail intact: {n} entries checked, last entry {seq}, head hash {hash}.").format(
                n=report.entries, seq=report.head_seq, hash=report.head_hash)
            if report.keyed_from is not None:  # PostgreSQL set up by 'db upgrade' (issue 9, AUD-7)
                text += " " + self.tr("Keyed by the database (HMAC) from entry {seq} on: no station can forge or "
                                      "recompute the entries from there.").format(seq=report.keyed_from)
            self.verify_result.show_info(text)
        else:
            assert report.problem is not None
            self.verify_result.show_error(self.tr(
                "Audit trail NOT intact: {problem} ({n} entries before it are intact)."
            ).format(problem=report.problem.message, n=report.entries))

    def _verify_failed(self, error: Exception) -> None:
        self.verify_result.show_error(user_message(error))

    def choose_export_path(self) -> Path | None:
        return choose_save_path(self, self.tr("Export the audit trail"), f"audit-trail-{date.today():%Y%m%d}.csv")

    def export_csv(self) -> None:
        path = self.choose_export_path()
        if path is None:
            return
        ctx, actor, flt = self.ctx, self.actor, self.model.filter
        self.message.show_info(self.tr("Exporting to {path}…").format(path=path))
        self.runner.run(lambda: audit.export_audit_csv(ctx.uow(), actor, flt, path), on_done=self._exported,
                        on_error=self.message.show_error)

    def _exported(self, result: ExportResult) -> None:
        self.message.show_info(self.tr("Exported {n} entries to {path}.").format(n=result.entries, path=result.path))

    def _load_failed(self, text: str) -> None:
        self.message.show_error(text)
