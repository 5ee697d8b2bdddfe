"""The QC worklist page (QC-2): lots in Quarantine and batches in QC testing waiting for their tests, the most
urgent first, filtered by item, due date, status and number. Scanning a lot or batch label while the page is
shown opens its results entry. Pages of the list load as the user scrolls (5,000 open records open at once)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QFileDialog, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from app import quality
from app.lims_import import LimsImportReport, import_lims_results, read_lims_file
from app.quality import ResultView, WorklistRow
from app.signatures import SigningSession
from domain.quality import PlanStatus
from domain.users import Actor, Permission
from ui.quality.lims_import_dialog import LimsImportDialog
from ui.quality.results_entry_dialog import ResultsEntryDialog
from ui.quality.review_results_dialog import ReviewResultsDialog
from ui.quality.spec_draft_dialog import SpecDraftDialog
from ui.quality.worklist_table_model import WorklistTableModel
from ui.shell.changes import BATCH, DEVIATION, ITEM, LOT, QC_RESULT, ChangeHub, Changes
from ui.shell.task_runner import Runner, TaskState
from ui.versions.version_history_dialog import VersionHistoryDialog
from ui.widgets.item_filter_box import ItemFilterBox
from ui.widgets.message_label import MessageLabel
from ui.widgets.optional_date_edit import OptionalDateEdit
from ui.widgets.status_names import status_name
from ui.widgets.widget_parts import debounced, line_edit, push_button, record_table

if TYPE_CHECKING:
    from app.services import Services

PAGE = 200  # rows a page: the first screenful and a good deal of scrolling


class QcWorklistWidget(QWidget):
    open_record = Signal(str, str)

    def __init__(self, ctx: Services, runner: Runner, actor: Actor, changes: ChangeHub, *,
                 session: SigningSession | None = None, on_account_locked: Callable[[str], object] | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("qcWorklist")
        self.ctx, self.runner, self.actor, self.changes = ctx, runner, actor, changes
        self.session = session or SigningSession(actor)
        self.on_account_locked = on_account_locked
        self._select: str | None = None
        self._open_single = False  # Enter in the number field: open the one record found
        self._generation = 0  # a page that arrives after the filters changed is dropped
        self.model = WorklistTableModel(self)
        self.model.more_wanted.connect(self._load_more)
        self.table = record_table("qcWorklistTable", self.model)
        # Its cells are codes, dates and counts of one width: the first screenful sizes the columns (measuring
        # all 200 rows of a page cost more than reading them, benchmarks/qc_worklist.py).
        self.table.horizontalHeader().setResizeContentsPrecision(40)
        self.table.doubleClicked.connect(lambda _index: self.enter_results())
        self.table.activated.connect(lambda _index: self.enter_results())  # Enter on a row, keyboard only
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.count_label = QLabel()
        self.count_label.setObjectName("qcWorklistCount")
        self.message = MessageLabel(self, object_name="qcWorklistMessage")
        layout = QVBoxLayout(self)
        layout.addLayout(self._filters())
        layout.addLayout(self._buttons())
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count_label)
        layout.addWidget(self.message)
        changes.changed.connect(self._changed)
        self.refresh()  # the rows first: the database thread takes one task at a time, the item list can wait
        self._load_items()

    def _filters(self) -> QHBoxLayout:
        self.item_filter = ItemFilterBox("qcItemFilter", self.tr("(any item)"))
        self.status_filter = QComboBox()
        self.status_filter.setObjectName("qcStatusFilter")
        for status in (PlanStatus.OPEN, PlanStatus.DONE):
            self.status_filter.addItem(status_name(status.value), status)
        self.status_filter.addItem(self.tr("(any status)"), None)
        self.due_filter = OptionalDateEdit("qcDueFilter")
        self.due_filter.none_box.setText(self.tr("Any due date"))
        self.text_filter = line_edit("qcTextFilter", self.tr("lot or batch number (or scan its label)"))
        self.text_filter.setClearButtonEnabled(True)
        self._typing = debounced(self, self.refresh)
        self.text_filter.textChanged.connect(lambda _text: self._typing.start())
        self.text_filter.returnPressed.connect(self._number_entered)
        self.item_filter.activated.connect(lambda _row: self.refresh())
        self.status_filter.activated.connect(lambda _row: self.refresh())
        self.due_filter.changed.connect(self.refresh)
        row = QHBoxLayout()
        row.addWidget(self.item_filter)
        row.addWidget(self.status_filter)
        row.addWidget(QLabel(self.tr("Due by")))
        row.addWidget(self.due_filter)
        row.addWidget(self.text_filter, 1)
        return row

    def _buttons(self) -> QHBoxLayout:
        self.enter_button = push_button(self.tr("Enter results..."), "enterResults", self.enter_results)
        self.enter_button.setVisible(self.actor.can(Permission.ENTER_QC_RESULTS))
        self.review_button = push_button(self.tr("Review results..."), "reviewResults", self.review_results)
        self.review_button.setVisible(self.actor.can(Permission.REVIEW_QC_RESULTS))
        self.import_button = push_button(self.tr("Import LIMS file..."), "importLims", self.choose_lims_file)
        self.import_button.setVisible(self.actor.can(Permission.ENTER_QC_RESULTS))
        row = QHBoxLayout()
        row.addWidget(self.enter_button)
        row.addWidget(self.review_button)
        row.addWidget(push_button(self.tr("Show lot or batch"), "showQcRecord", self._show_record))
        row.addStretch(1)
        # QC-1: a new specification version as a draft (it takes effect through change control)
        self.spec_button = push_button(self.tr("New specification version..."), "newSpecVersion", self.new_spec)
        self.spec_button.setVisible(self.actor.can(Permission.EDIT_SPEC))
        row.addWidget(self.spec_button)
        # CHG-2: the item's specification versions, any two compared (reading is everyone's)
        row.addWidget(push_button(self.tr("Specification versions..."), "qcSpecVersions", self.spec_versions))
        row.addWidget(self.import_button)
        row.addWidget(push_button(self.tr("Refresh"), "refreshQcWorklist", self.refresh))
        return row

    # --- loading ------------------------------------------------------------------------------------
    def _load_items(self) -> None:
        self.item_filter.load(self.ctx, self.runner, self.actor, self.message.show_error)

    def _query(self) -> dict[str, object]:
        return {"item_code": self.item_filter.currentData(), "status": self.status_filter.currentData(),
                "due_by": self.due_filter.value(), "text": self.text_filter.text().strip() or None}

    def refresh(self, select: str | None = None) -> None:
        self._typing.stop()
        current = self.selected()
        self._select = select or (current.record_id if current else None)
        self._generation += 1
        generation, ctx, actor, query = self._generation, self.ctx, self.actor, self._query()

        def first_page() -> tuple[list[WorklistRow], int]:
            rows = quality.worklist(ctx.read_uow(), actor, limit=PAGE, **query)  # type: ignore[arg-type]
            total = len(rows) if len(rows) < PAGE else quality.worklist_size(ctx.read_uow(), actor, **query)  # type: ignore[arg-type]
            return rows, total

        self.runner.run(first_page, on_done=lambda page: self._loaded(generation, *page),
                        on_error=self.message.show_error)

    def _loaded(self, generation: int, rows: list[WorklistRow], total: int) -> None:
        if generation != self._generation:
            return
        self.model.set_rows(rows, total)
        self._show_count()
        single, self._open_single = self._open_single, False
        if single and len(rows) == 1:
            self._select = None
            self.table.selectRow(0)
            self.enter_results(rows[0].record_type, rows[0].record_id)
            return
        row = self.model.row_of(self._select) if self._select else -1
        self._select = None
        if row >= 0:
            self.table.selectRow(row)
            self.table.scrollTo(self.model.index(row, 0))
        self._update_buttons()

    def _load_more(self, offset: int) -> None:
        generation, ctx, actor, query = self._generation, self.ctx, self.actor, self._query()
        self.runner.run(
            lambda: quality.worklist(ctx.read_uow(), actor, limit=PAGE, offset=offset, **query),  # type: ignore[arg-type]
            on_done=lambda rows: self._more_loaded(generation, rows), on_error=self.message.show_error)

    def _more_loaded(self, generation: int, rows: list[WorklistRow]) -> None:
        if generation == self._generation:
            self.model.append(rows)
            self._show_count()

    def _show_count(self) -> None:
        self.count_label.setText(self.tr("{shown} of {total} records shown").format(
            shown=self.model.rowCount(), total=self.model.total))

    def _changed(self, changes: Changes) -> None:
        if changes.touches(ITEM):
            self._load_items()
        if changes.touches(QC_RESULT, LOT, BATCH):
            self.refresh()

    # --- the selected record ------------------------------------------------------------------------
    def selected(self) -> WorklistRow | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def _update_buttons(self) -> None:
        for button in (self.enter_button, self.review_button):
            button.setEnabled(self.selected() is not None)

    def _show_record(self) -> None:
        row = self.selected()
        if row is not None:
            self.open_record.emit(row.record_type, row.record_id)

    def _number_entered(self) -> None:
        """A number typed (or scanned into the field) and Enter: its results entry when it is the one match."""
        self._open_single = True
        self.refresh()

    def open_scanned(self, kind: str, number: str) -> bool:
        """A lot or batch label scanned while this page is shown: its results entry opens (QC-2, DEVC-4)."""
        if kind not in ("lot", "batch") or not self.actor.can(Permission.ENTER_QC_RESULTS):
            return False
        self.text_filter.setText(number)
        self.refresh(select=number)
        self.enter_results(kind, number)
        return True

    def enter_results(self, record_type: str | None = None, record_id: str | None = None) -> None:
        if not self.actor.can(Permission.ENTER_QC_RESULTS):
            return
        if record_type is None or record_id is None:
            row = self.selected()
            if row is None:
                return
            record_type, record_id = row.record_type, row.record_id
        saved = ResultsEntryDialog.ask(self.ctx, self.runner, self.actor, record_type, record_id, self)
        if saved is not None:
            self._saved(record_id, saved, self.tr("{n} result(s) of {number} saved.").format(
                n=len(saved), number=record_id))

    def review_results(self) -> None:
        row = self.selected()
        if row is None:
            return
        reviewed = ReviewResultsDialog.ask(self.ctx, self.runner, self.session, row.record_type, row.record_id,
                                           self, on_account_locked=self.on_account_locked)
        if reviewed is not None:
            self._saved(row.record_id, reviewed, self.tr("Review of {number} signed.").format(number=row.record_id))

    def new_spec(self) -> None:
        """A draft of the next specification version of the selected record's item (else the filtered item)."""
        row = self.selected()
        item = row.item_code if row is not None else self.item_filter.currentData()
        draft = SpecDraftDialog.ask(self.ctx, self.runner, self.actor, item, self)
        if draft is not None:
            self.message.show_info(self.tr("Specification {item} version {version} saved as {status}: it takes "
                                           "effect through a change request.").format(
                item=draft.item_code, version=draft.version, status=status_name(draft.status)))

    def spec_versions(self) -> None:
        """Every version of the selected record's item's specification (else the filtered item's)."""
        row = self.selected()
        item = row.item_code if row is not None else self.item_filter.currentData()
        if not item:
            self.message.show_error(self.tr("Select a lot or batch, or an item in the filter, first."))
            return
        VersionHistoryDialog.ask(self.ctx, self.runner, self.actor, "spec", item, self)

    # --- LIMS import (QC-2, INT-1) -------------------------------------------------------------------
    def choose_lims_file(self) -> None:
        chosen, _filter = QFileDialog.getOpenFileName(self, self.tr("Import LIMS results"), "",
                                                      self.tr("LIMS results (*.csv *.json);;All files (*)"))
        if chosen:
            self.import_lims_file(Path(chosen))

    def import_lims_file(self, path: Path) -> None:
        """Read and check the whole file off the GUI thread (a dry run), then show what would be stored."""
        ctx, actor = self.ctx, self.actor

        def dry_run(state: TaskState) -> tuple[bytes, LimsImportReport]:
            data = read_lims_file(path)
            return data, import_lims_results(ctx.read_uow(), actor, data, path.name, dry_run=True, progress=state)

        self.runner.run_long(dry_run, title=self.tr("Checking {file}").format(file=path.name), parent=self,
                             on_done=lambda checked: self._checked(path, *checked), on_error=self.message.show_error)

    def _checked(self, path: Path, data: bytes, checked: LimsImportReport) -> None:
        stored = LimsImportDialog.ask(self.ctx, self.runner, self.actor, path, data, checked, self)
        if stored is None:
            return
        if stored.deviations:
            self.message.show_error(stored.summary() + " " + self.tr("Deviation(s) opened: {numbers}.").format(
                numbers=", ".join(stored.deviations)))
        else:
            self.message.show_info(stored.summary())
        self.changes.announce(Changes.of(QC_RESULT, DEVIATION, numbers=[r.record_id for r in stored.rows]))

    def _saved(self, record_id: str, results: list[ResultView], text: str) -> None:
        opened = [r for r in results if r.deviation]
        if opened:
            text += " " + self.tr("Out of spec: {tests}; deviation {numbers} opened.").format(
                tests=", ".join(r.test_code for r in opened), numbers=", ".join(str(r.deviation) for r in opened))
            self.message.show_error(text)
        else:
            self.message.show_info(text)
        self._select = record_id
        self.changes.announce(Changes.of(QC_RESULT, DEVIATION, numbers=[record_id]))
