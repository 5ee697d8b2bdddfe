"""A trace as a tree (TRC-1, TRC-2): one branch per direction, each node under the one it came from or went to.

A node reached again by another path is listed once more as "(see above)" and not expanded again, as the
domain's trace marks it, so a large genealogy stays readable and finite.

The model is a thin index over the trace's lines: a bulk raw lot's forward trace has tens of thousands of
lines, and building an item object for each of their cells on the GUI thread froze the screen for seconds.
Here `show()` only records each line's parent; cell texts are made when the view asks for them.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QFont

from app.trace import Trace
from domain.trace import Direction, NodeInfo, TraceLine, TraceResult
from ui.widgets.status_names import kind_name, status_name
from ui.widgets.widget_parts import quantity_text

NODE_ROLE = Qt.ItemDataRole.UserRole + 1
_GREY = QColor("#777777")
_COLUMNS = 9
_QUANTITY = 4
Index = QModelIndex | QPersistentModelIndex


class TraceTreeModel(QAbstractItemModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.trace: Trace | None = None
        # One entry per row of the tree, numbered in order: a direction's title, then its lines.
        self._line: list[TraceLine | None] = []  # None for a direction's title row
        self._title: list[str] = []
        self._parent: list[int] = []  # -1 at the top
        self._row: list[int] = []  # row under its parent
        self._children: list[list[int]] = []
        self._top: list[int] = []
        self._bold = QFont()
        self._bold.setBold(True)

    # --- filling ----------------------------------------------------------------------------------------
    def show(self, trace: Trace | None) -> None:
        self.beginResetModel()
        self.trace = trace
        self._line, self._title, self._parent, self._row, self._children, self._top = [], [], [], [], [], []
        for result in trace.results() if trace is not None else []:
            self._add_direction(result)
        self.endResetModel()

    def _add(self, parent: int, line: TraceLine | None, title: str = "") -> int:
        entry = len(self._line)
        siblings = self._top if parent < 0 else self._children[parent]
        self._line.append(line)
        self._title.append(title)
        self._parent.append(parent)
        self._row.append(len(siblings))
        self._children.append([])
        siblings.append(entry)
        return entry

    def _add_direction(self, result: TraceResult) -> None:
        title = (self.tr("Backward: where it came from") if result.direction is Direction.BACKWARD
                 else self.tr("Forward: where it went"))
        parents = [self._add(-1, None, title)]  # the entry at each depth on the current path
        for line in result.lines:
            del parents[line.depth + 1:]
            parents.append(self._add(parents[-1], line))

    # --- the item model ---------------------------------------------------------------------------------
    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        if parent.isValid() and parent.column() != 0:
            return QModelIndex()
        siblings = self._children[parent.internalId()] if parent.isValid() else self._top
        if 0 <= row < len(siblings) and 0 <= column < _COLUMNS:
            return self.createIndex(row, column, siblings[row])
        return QModelIndex()

    def parent(self, index: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        if not index.isValid():
            return QModelIndex()
        up = self._parent[index.internalId()]
        return QModelIndex() if up < 0 else self.createIndex(self._row[up], 0, up)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        if not parent.isValid():
            return len(self._top)
        return len(self._children[parent.internalId()]) if parent.column() == 0 else 0

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return _COLUMNS

    def flags(self, index: Index) -> Qt.ItemFlag:
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable if index.isValid() else Qt.ItemFlag.NoItemFlags

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation is Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < _COLUMNS:
            return (self.tr("Kind"), self.tr("Number"), self.tr("Item"), self.tr("Status"), self.tr("Quantity"),
                    self.tr("Unit"), self.tr("Supplier / supplier lot"), self.tr("Customer"),
                    self.tr("Date"))[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        entry, column = index.internalId(), index.column()
        line = self._line[entry]
        if line is None:  # a direction's title
            if role == Qt.ItemDataRole.DisplayRole:
                return self._title[entry] if column == 0 else ""
            return self._bold if role == Qt.ItemDataRole.FontRole and column == 0 else None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(line, column)
        if role == NODE_ROLE:
            return line.node
        if role == Qt.ItemDataRole.ForegroundRole and line.repeated:
            return _GREY
        if role == Qt.ItemDataRole.TextAlignmentRole and column == _QUANTITY:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _text(self, line: TraceLine, column: int) -> str:
        node = line.node
        if column == 0:
            return kind_name(node.kind.value)
        if column == 1:
            return self.tr("{number} (see above)").format(number=node.number) if line.repeated else node.number
        if column == 2:
            return node.item_code or ""
        if column == 3:
            return status_name(node.status)
        # The root shows its own stock; every other line the quantity that flowed along its edge, in the unit
        # of the lot at one end of that edge (13.4 kg of resin into a batch of syringes, not 13.4 pcs).
        if column in (_QUANTITY, 5):
            quantity, unit = (node.quantity, node.unit) if line.depth == 0 else (line.quantity, line.unit)
            return quantity_text(quantity) if column == _QUANTITY else unit or ""
        if column == 6:
            return " / ".join(p for p in (node.supplier_code, node.supplier_lot) if p)
        if column == 7:
            return " ".join(p for p in (node.customer_code, f"({node.customer_name})" if node.customer_name else "")
                            if p)
        return node.on_date or ""

    def node_at(self, index: QModelIndex) -> NodeInfo | None:
        node = index.siblingAtColumn(0).data(NODE_ROLE) if index.isValid() else None
        return node if isinstance(node, NodeInfo) else None
