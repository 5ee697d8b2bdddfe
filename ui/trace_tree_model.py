"""A trace as a tree (TRC-1, TRC-2): one branch per direction, each node under the one it came from or went to.

A node reached again by another path is listed once more as "(see above)" and not expanded again, as the
domain's trace marks it, so a large genealogy stays readable and finite.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QObject, Qt
from PySide6.QtGui import QColor, QStandardItem, QStandardItemModel

from app.trace import Trace
from domain.trace import Direction, NodeInfo, TraceLine, TraceResult
from ui.status_names import kind_name, status_name
from ui.widget_parts import quantity_text

NODE_ROLE = Qt.ItemDataRole.UserRole + 1
_GREY = QColor("#777777")


class TraceTreeModel(QStandardItemModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.trace: Trace | None = None
        self._headers()

    def _headers(self) -> None:
        self.setHorizontalHeaderLabels([
            self.tr("Kind"), self.tr("Number"), self.tr("Item"), self.tr("Status"), self.tr("Quantity"),
            self.tr("Unit"), self.tr("Supplier / supplier lot"), self.tr("Customer"), self.tr("Date"),
        ])

    def show(self, trace: Trace | None) -> None:
        self.clear()
        self._headers()
        self.trace = trace
        if trace is None:
            return
        for result in trace.results():
            self.invisibleRootItem().appendRow(self._direction_rows(result))

    def _direction_rows(self, result: TraceResult) -> list[QStandardItem]:
        title = (self.tr("Backward: where it came from") if result.direction is Direction.BACKWARD
                 else self.tr("Forward: where it went"))
        head = [_cell(title)] + [_cell("") for _ in range(8)]
        font = head[0].font()
        font.setBold(True)
        head[0].setFont(font)
        parents: list[QStandardItem] = [head[0]]
        for line in result.lines:
            row = self._line_row(line)
            del parents[line.depth + 1:]
            parents[-1].appendRow(row)
            parents.append(row[0])
        return head

    def _line_row(self, line: TraceLine) -> list[QStandardItem]:
        node = line.node
        # The root shows its own stock; every other line the quantity that flowed along its edge, in the unit
        # of the lot at one end of that edge (13.4 kg of resin into a batch of syringes, not 13.4 pcs).
        quantity, unit = (node.quantity, node.unit) if line.depth == 0 else (line.quantity, line.unit)
        supplier = " / ".join(p for p in (node.supplier_code, node.supplier_lot) if p)
        customer = " ".join(p for p in (node.customer_code, f"({node.customer_name})" if node.customer_name else "")
                            if p)
        number = self.tr("{number} (see above)").format(number=node.number) if line.repeated else node.number
        cells = [_cell(kind_name(node.kind.value)), _cell(number), _cell(node.item_code or ""),
                 _cell(status_name(node.status)), _cell(quantity_text(quantity)), _cell(unit or ""),
                 _cell(supplier), _cell(customer), _cell(node.on_date or "")]
        cells[4].setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        for cell in cells:
            cell.setData(node, NODE_ROLE)
            if line.repeated:
                cell.setForeground(_GREY)
        return cells

    def node_at(self, index: QModelIndex) -> NodeInfo | None:
        node = index.siblingAtColumn(0).data(NODE_ROLE) if index.isValid() else None
        return node if isinstance(node, NodeInfo) else None


def _cell(text: str) -> QStandardItem:
    item = QStandardItem(text)
    item.setEditable(False)
    return item
