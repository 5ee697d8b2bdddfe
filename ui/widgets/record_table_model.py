"""A read-only table over a list of records (the app's frozen views), one column per `Column`.

The lists of lots, batches, shipments and the small tables of a detail pane differ only in their columns, so
one model serves them all; the columns say how a record is shown.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

_Index = QModelIndex | QPersistentModelIndex
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


@dataclass(frozen=True)
class Column:
    header: str
    text: Callable[[Any], str]
    numeric: bool = False  # right-aligned
    tooltip: Callable[[Any], str] | None = None


class RecordTableModel(QAbstractTableModel):
    RECORD_ROLE = Qt.ItemDataRole.UserRole

    def __init__(self, columns: Sequence[Column], key: Callable[[Any], str], parent: QObject | None = None, *,
                 colour: Callable[[Any], QColor | None] | None = None,
                 background: Callable[[Any], QColor | None] | None = None) -> None:
        super().__init__(parent)
        self.columns = tuple(columns)
        self._key = key
        self._colour = colour
        self._background = background
        self._records: list[Any] = []

    def set_records(self, records: Sequence[Any]) -> None:
        self.beginResetModel()
        self._records = list(records)
        self.endResetModel()

    @property
    def records(self) -> list[Any]:
        return list(self._records)

    def record_at(self, row: int) -> Any:
        return self._records[row] if 0 <= row < len(self._records) else None

    def row_of(self, key: str) -> int:
        return next((row for row, record in enumerate(self._records) if self._key(record) == key), -1)

    def key_of(self, record: Any) -> str:
        return self._key(record)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's own signature
        return 0 if parent.isValid() else len(self._records)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.columns[section].header if 0 <= section < len(self.columns) else None
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        record = self.record_at(index.row()) if index.isValid() else None
        if record is None or not 0 <= index.column() < len(self.columns):
            return None
        column = self.columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.text(record)
        if role == self.RECORD_ROLE:
            return record
        if role == Qt.ItemDataRole.TextAlignmentRole and column.numeric:
            return int(_RIGHT.value)
        if role == Qt.ItemDataRole.ToolTipRole and column.tooltip is not None:
            return column.tooltip(record)
        if role == Qt.ItemDataRole.ForegroundRole and self._colour is not None:
            return self._colour(record)
        if role == Qt.ItemDataRole.BackgroundRole and self._background is not None:
            return self._background(record)
        return None
