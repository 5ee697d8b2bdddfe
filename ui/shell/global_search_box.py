"""The search box of the main window's toolbar: a lot, batch, shipment, supplier-lot or recall number and
Enter opens that record's page; several matches offer a chooser, none says so in the status bar."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLineEdit, QWidget

from app import recalls, trace
from domain.errors import NotFound
from domain.trace import NodeInfo, NodeKind
from domain.users import Actor
from ui.shell.task_runner import Runner, user_message
from ui.widgets.record_chooser_dialog import RecordChooserDialog, SearchHit
from ui.widgets.status_names import kind_name, status_name

if TYPE_CHECKING:
    from app.services import Services

_PAGES = {NodeKind.LOT: "lot", NodeKind.BATCH: "batch", NodeKind.SHIPMENT: "shipment"}


def _find(ctx: Services, actor: Actor, text: str) -> tuple[list[NodeInfo], str | None]:
    """Genealogy matches, and the recall whose number this is (recalls are not in the genealogy)."""
    nodes = trace.search(ctx.read_uow(), actor, text)
    try:
        recall = recalls.find_recall(ctx.read_uow(), actor, text.upper()).recall_number
    except NotFound:
        recall = None
    return nodes, recall


class GlobalSearchBox(QLineEdit):
    """`open_requested(kind, number)` with kind "lot", "batch", "shipment" or "recall"; `not_found(message)`."""

    open_requested = Signal(str, str)
    not_found = Signal(str)

    def __init__(self, ctx: Services, runner: Runner, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("globalSearch")
        self.ctx, self.runner, self.actor = ctx, runner, actor
        self.setPlaceholderText(self.tr("Find a lot, batch, shipment, supplier lot or recall number"))
        self.setClearButtonEnabled(True)
        self.setMinimumWidth(320)
        self.returnPressed.connect(self.search)

    def search(self) -> None:
        text = self.text().strip()
        if not text:
            return
        ctx, actor = self.ctx, self.actor
        self.runner.run(lambda: _find(ctx, actor, text), on_done=lambda found: self._found(text, *found),
                        on_error=lambda error: self.not_found.emit(user_message(error)))

    def _found(self, text: str, nodes: list[NodeInfo], recall: str | None) -> None:
        wanted = text.casefold()
        node_hits = [SearchHit(_PAGES[n.kind], n.number, self._describe(n)) for n in nodes]
        exact = [hit for hit, n in zip(node_hits, nodes, strict=True)
                 if wanted in (n.number.casefold(), (n.supplier_lot or "").casefold())]
        recall_hits = [SearchHit("recall", recall, self.tr("Recall {n}").format(n=recall))] if recall else []
        hits, exact = recall_hits + node_hits, recall_hits + exact
        if not hits:
            self.not_found.emit(self.tr("Nothing found for '{text}'.").format(text=text))
            return
        if len(exact) == 1:  # the exact number wins over longer numbers that start with it
            chosen: SearchHit | None = exact[0]
        elif len(hits) == 1:
            chosen = hits[0]
        else:
            chosen = RecordChooserDialog.ask(text, exact or hits, self)
        if chosen is not None:
            self.open_requested.emit(chosen.kind, chosen.number)

    def _describe(self, node: NodeInfo) -> str:
        parts = [p for p in (node.item_code, status_name(node.status), node.customer_name) if p]
        supplier = self.tr(", supplier lot {lot}").format(lot=node.supplier_lot) if node.supplier_lot else ""
        return self.tr("{kind} {number} ({details}){supplier}").format(
            kind=kind_name(node.kind.value), number=node.number, details=", ".join(parts), supplier=supplier)
