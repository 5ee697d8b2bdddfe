"""The QC worklist as a table that loads page by page (QC-2): the first page shows at once, the next pages
arrive as the view scrolls to the end (`canFetchMore`/`fetchMore`), so 5,000 open tests open as fast as 200."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QColor

from app.quality import WorklistRow
from ui.widgets.status_names import kind_name, status_name
from ui.widgets.widget_parts import date_text

_Index = QModelIndex | QPersistentModelIndex
_RIGHT = int((Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter).value)
OUT_OF_SPEC = QColor("#b00020")
OVERDUE = QColor("#8a4b00")
_KIND_LETTER = {"lot": "L", "batch": "B"}  # as ui.widgets.status_names.kind_name knows them


class WorklistTableModel(QAbstractTableModel):
    """`more_wanted(offset)`: the view reached the end of what is loaded and more rows exist; the page loads
    them and calls `append`."""

    more_wanted = Signal(int)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[WorklistRow] = []
        self._texts: list[tuple[str, ...]] = []  # each row's cells, made once: sizing the columns reads them all
        self._total = 0
        self._asking = False
        self.today = date.today()
        self.headers = (self.tr("Record"), self.tr("Number"), self.tr("Item"), self.tr("Specification"),
                        self.tr("Due"), self.tr("Status"), self.tr("Results"), self.tr("Out of spec"),
                        self.tr("Reviewed"))

    # --- loading ------------------------------------------------------------------------------------
    def set_rows(self, rows: Sequence[WorklistRow], total: int) -> None:
        self.beginResetModel()
        self._rows, self._total, self._asking = list(rows), max(total, len(rows)), False
        self.today = date.today()
        self._texts = [self._row_texts(r) for r in self._rows]
        self.endResetModel()

    def append(self, rows: Sequence[WorklistRow]) -> None:
        self._asking = False
        if not rows:
            self._total = len(self._rows)  # the list shrank since it was counted
            return
        self.beginInsertRows(QModelIndex(), len(self._rows), len(self._rows) + len(rows) - 1)
        self._rows.extend(rows)
        self._texts.extend(self._row_texts(r) for r in rows)
        self.endInsertRows()

    @property
    def total(self) -> int:
        return self._total

    def canFetchMore(self, parent: _Index = QModelIndex()) -> bool:  # noqa: B008 - Qt's own signature
        return not parent.isValid() and not self._asking and len(self._rows) < self._total

    def fetchMore(self, parent: _Index = QModelIndex()) -> None:  # noqa: B008
        if self.canFetchMore(parent):
            self._asking = True
            self.more_wanted.emit(len(self._rows))

    # --- reading ------------------------------------------------------------------------------------
    def row_at(self, row: int) -> WorklistRow | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, record_id: str) -> int:
        return next((i for i, r in enumerate(self._rows) if r.record_id == record_id), -1)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headers)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal \
                and 0 <= section < len(self.headers):
            return self.headers[section]
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self.row_at(index.row()) if index.isValid() else None
        if row is None:
            return None
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            texts = self._texts[index.row()]
            return texts[column] if 0 <= column < len(texts) else None
        if role == Qt.ItemDataRole.TextAlignmentRole and column >= 6:
            return _RIGHT
        if role == Qt.ItemDataRole.ForegroundRole:
            if row.out_of_spec:
                return OUT_OF_SPEC
            if row.status == "Open" and row.due_on < self.today:
                return OVERDUE
        if role == Qt.ItemDataRole.ToolTipRole and row.status == "Open" and row.due_on < self.today:
            return self.tr("Overdue since {day}").format(day=date_text(row.due_on))
        return None

    def _row_texts(self, row: WorklistRow) -> tuple[str, ...]:
        return (kind_name(_KIND_LETTER.get(row.record_type, row.record_type)), row.record_id, row.item_code,
                row.spec or self.tr("none applied"), date_text(row.due_on), status_name(row.status),
                f"{row.entered}/{row.tests}", str(row.out_of_spec), str(row.reviewed))
