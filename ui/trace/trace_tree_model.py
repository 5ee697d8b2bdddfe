"""A trace as a tree opened level by level (TRC-1, TRC-2): one branch per direction, the traced record under
it, and under each node the nodes it went to or came from, loaded when the node is opened.

A bulk raw lot reaches tens of thousands of lines; nobody reads them at once. The model holds what has been
opened: each node's children arrive a page at a time (`PAGE_SIZE`), with a "show more" row after the last
one while more remain. Opening a node asks for its first page through `fetch_wanted`; the page comes back
through `add_page` (the Trace page runs the query off the GUI thread). Cell texts are made when the view
asks for them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from functools import partial
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QColor, QFont

from domain.trace import ChildPage, Direction, NodeInfo, NodeKind
from ui.widgets.status_names import kind_name, status_name
from ui.widgets.widget_parts import quantity_text

NODE_ROLE = Qt.ItemDataRole.UserRole + 1
_DISPLAY, _FONT, _FOREGROUND, _ALIGNMENT = (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.FontRole,
                                            Qt.ItemDataRole.ForegroundRole, Qt.ItemDataRole.TextAlignmentRole)
_ROLES = frozenset({_DISPLAY, _FONT, _FOREGROUND, _ALIGNMENT, NODE_ROLE})
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
_MORE = QColor("#1a5fb4")
COLUMNS = 9
_QUANTITY = 4
Index = QModelIndex | QPersistentModelIndex


@dataclass
class _Entry:
    """One row: a direction's title (node None), a node of the tree, or a parent's "show more" row."""

    parent: int  # -1 at the top
    row: int
    direction: Direction
    node: NodeInfo | None = None
    quantity: Decimal | None = None  # along the edge from the parent; the root shows its own stock
    unit: str | None = None
    openable: bool = False  # has children (loaded or not)
    more: bool = False  # the "show more" row of its parent
    children: list[int] = field(default_factory=list)
    total: int | None = None  # children in all, once the first page has come; None: not loaded yet
    loading: bool = False
    texts: list[str] | None = None  # the cells' texts, made when first painted


class TraceTreeModel(QAbstractItemModel):
    """`fetch_wanted(entry, node, direction, offset)` asks for a page of a node's children."""

    fetch_wanted = Signal(int, object, object, int)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.root: NodeInfo | None = None
        self._entries: list[_Entry] = []
        self._top: list[int] = []
        self._bold = QFont()
        self._bold.setBold(True)
        self._italic = QFont()
        self._italic.setItalic(True)

    # --- filling ----------------------------------------------------------------------------------------
    def show(self, root: NodeInfo | None, first_levels: tuple[ChildPage, ...] = ()) -> None:
        """The traced record under one title per direction, with its first page of children."""
        self.beginResetModel()
        self.root = root
        self._entries, self._top = [], []
        for page in first_levels if root is not None else ():
            title = self._add(-1, _Entry(-1, 0, page.direction, openable=True, total=1))
            top = self._add(title, _Entry(title, 0, page.direction, root, root.quantity, root.unit, bool(page.total),
                                          loading=True))
            self._append_page(top, page)
        self.endResetModel()

    def _add(self, parent: int, entry: _Entry) -> int:
        siblings = self._top if parent < 0 else self._entries[parent].children
        entry.row = len(siblings)
        self._entries.append(entry)
        siblings.append(len(self._entries) - 1)
        return len(self._entries) - 1

    def _shown(self, owner: _Entry) -> int:
        kids = owner.children
        return len(kids) - (1 if kids and self._entries[kids[-1]].more else 0)

    def _append_page(self, parent: int, page: ChildPage) -> None:
        owner = self._entries[parent]
        if owner.children and self._entries[owner.children[-1]].more:
            owner.children.pop()  # the old "show more" row goes; a new one follows if more remain
        for child in page.children:
            self._add(parent, _Entry(parent, 0, page.direction, child.node, child.quantity, child.unit,
                                     child.has_children))
        owner.total = page.total
        owner.loading = False
        if page.next_offset is not None:
            self._add(parent, _Entry(parent, 0, page.direction, more=True))

    def add_page(self, entry: int, page: ChildPage) -> None:
        """A page of children has come for `entry`; ignored unless that node is waiting for exactly this page
        (the tree may have been replaced, or the node reloaded, meanwhile)."""
        owner = self._entries[entry] if 0 <= entry < len(self._entries) else None
        if owner is None or not owner.loading or owner.node != page.parent or page.offset != self._shown(owner):
            return
        parent_index = self._index_of(entry)
        kids = owner.children
        if kids and self._entries[kids[-1]].more:
            self.beginRemoveRows(parent_index, len(kids) - 1, len(kids) - 1)
            kids.pop()
            self.endRemoveRows()
        start = len(kids)
        added = len(page.children) + (1 if page.next_offset is not None else 0)
        if added:
            self.beginInsertRows(parent_index, start, start + added - 1)
        self._append_page(entry, page)
        if added:
            self.endInsertRows()
        else:
            owner.openable = False  # nothing there after all (changed since the parent was loaded)
            self.dataChanged.emit(parent_index, parent_index)

    def failed(self, entry: int) -> None:
        """Loading a page failed: the node can be opened again."""
        if 0 <= entry < len(self._entries):
            self._entries[entry].loading = False

    def request_more(self, index: QModelIndex) -> bool:
        """The "show more" row was chosen: ask for the parent's next page. False for any other row."""
        entry = self._entry(index)
        if entry is None or not entry.more:
            return False
        owner = self._entries[entry.parent]
        if not owner.loading:
            owner.loading = True
            self.fetch_wanted.emit(entry.parent, owner.node, owner.direction, self._shown(owner))
        return True

    # --- lazy loading (QTreeView calls these when a node is expanded) -------------------------------------
    def hasChildren(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        if not parent.isValid():
            return bool(self._top)
        entry = self._entry(parent)
        return parent.column() == 0 and entry is not None and (entry.openable or bool(entry.children))

    def canFetchMore(self, parent: Index) -> bool:
        entry = self._entry(parent)
        return entry is not None and entry.node is not None and not entry.more and entry.openable \
            and entry.total is None and not entry.loading

    def fetchMore(self, parent: Index) -> None:
        entry = self._entry(parent)
        if entry is None or not self.canFetchMore(parent):
            return
        entry.loading = True
        # Asked from inside the view's (or a model tester's) handling of a change: the request leaves after it,
        # so that a page delivered at once (a synchronous runner) never inserts rows in the middle of it.
        QTimer.singleShot(0, partial(self.fetch_wanted.emit, parent.internalId(), entry.node, entry.direction, 0))

    # --- the item model ---------------------------------------------------------------------------------
    def _entry(self, index: Index) -> _Entry | None:
        return self._entries[index.internalId()] if index.isValid() else None

    def _index_of(self, entry: int) -> QModelIndex:
        return self.createIndex(self._entries[entry].row, 0, entry)

    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        if parent.isValid():
            if parent.column() != 0:
                return QModelIndex()
            siblings = self._entries[parent.internalId()].children
        else:
            siblings = self._top
        if 0 <= row < len(siblings) and 0 <= column < COLUMNS:
            return self.createIndex(row, column, siblings[row])
        return QModelIndex()

    def parent(self, index: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        entry = self._entry(index)
        if entry is None or entry.parent < 0:
            return QModelIndex()
        return self._index_of(entry.parent)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        if not parent.isValid():
            return len(self._top)
        return len(self._entries[parent.internalId()].children) if parent.column() == 0 else 0

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return COLUMNS

    def flags(self, index: Index) -> Qt.ItemFlag:
        return _FLAGS if index.isValid() else Qt.ItemFlag.NoItemFlags

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation is Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < COLUMNS:
            return (self.tr("Kind"), self.tr("Number"), self.tr("Item"), self.tr("Status"), self.tr("Quantity"),
                    self.tr("Unit"), self.tr("Supplier / supplier lot"), self.tr("Customer"),
                    self.tr("Expires / shipped"))[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # The view asks each visible cell for eight roles on every paint: unused roles leave at once, and each
        # row's texts are made once (`_texts`), so that painting stays a few milliseconds.
        if role not in _ROLES or not index.isValid():
            return None
        entry = self._entries[index.internalId()]
        column = index.column()
        if role == _DISPLAY:
            texts = entry.texts
            if texts is None:
                texts = entry.texts = [self.text(entry, c) for c in range(COLUMNS)]
            return texts[column]
        if entry.more:
            return _MORE if role == _FOREGROUND else self._italic if role == _FONT else None
        if entry.node is None:  # a direction's title
            return self._bold if role == _FONT and column == 0 else None
        if role == NODE_ROLE:
            return entry.node
        return _RIGHT if role == _ALIGNMENT and column == _QUANTITY else None

    def text(self, entry: _Entry, column: int) -> str:
        if entry.more:
            return self._more_text(entry, column)
        node = entry.node
        if node is None:
            if column:
                return ""
            return (self.tr("Backward: where it came from") if entry.direction is Direction.BACKWARD
                    else self.tr("Forward: where it went"))
        return _node_text(node, entry.quantity, entry.unit, column)

    def _more_text(self, entry: _Entry, column: int) -> str:
        owner = self._entries[entry.parent]
        shown, total = self._shown(owner), owner.total or 0
        if column == 0:
            return self.tr("Show more…")
        if column == 1:
            return self.tr("{shown} of {total} shown").format(shown=f"{shown:,}", total=f"{total:,}")
        return ""

    def node_at(self, index: QModelIndex) -> NodeInfo | None:
        entry = self._entry(index.siblingAtColumn(0)) if index.isValid() else None
        return entry.node if entry is not None and not entry.more else None

    def page_texts(self, parent: QModelIndex, first: int, last: int) -> list[list[str]]:
        """The texts of some rows under `parent`, per column (to size the columns from what was loaded)."""
        siblings = self._entries[parent.internalId()].children if parent.isValid() else self._top
        rows = [self._entries[e] for e in siblings[first:last + 1]]
        return [[self.text(entry, column) for entry in rows] for column in range(COLUMNS)]


def _node_text(node: NodeInfo, quantity: Decimal | None, unit: str | None, column: int) -> str:
    if column == 0:
        return kind_name(node.kind.value)
    if column == 1:
        return node.number
    if column == 2:
        return node.item_code or ""
    if column == 3:
        return status_name(node.status)
    # The root shows its own stock; every other line the quantity that flowed along its edge, in the unit of the
    # lot at one end of that edge (13.4 kg of resin into a batch of syringes, not 13.4 pcs).
    if column == _QUANTITY:
        return quantity_text(quantity)
    if column == 5:
        return unit or ""
    if column == 6:
        return " / ".join(p for p in (node.supplier_code, node.supplier_lot) if p)
    if column == 7:
        return " ".join(p for p in (node.customer_code, f"({node.customer_name})" if node.customer_name else "") if p)
    if not node.on_date:
        return ""
    # one column, two meanings: each date says which it is (a lot's expiry, a shipment's date)
    if node.kind is NodeKind.SHIPMENT:
        return QCoreApplication.translate("TraceTreeModel", "shipped {day}").format(day=node.on_date)
    return QCoreApplication.translate("TraceTreeModel", "expires {day}").format(day=node.on_date)
