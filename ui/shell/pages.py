"""The lot, batch, trace and recall pages of the main window, and which page shows which kind of record.

Every logged-in user sees them: reading lots, batches, shipments, traces and recalls is everyone's work on a
GMP site; each page offers the changes only to those whose roles allow them (the services check again).
Pages are imported when first shown, so the main window opens fast.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from app.lots import LabelPrinting
from domain.users import Actor
from ui.shell.changes import ChangeHub
from ui.shell.task_runner import Runner
from ui.widgets.widget_parts import Signer

if TYPE_CHECKING:
    from app.services import Services

PageFactory = tuple[str, str, Callable[[], QWidget]]

# record kind (as the pages' `open_record(kind, number)` and the global search name it) -> page key
PAGE_OF_KIND = {"lot": "lots", "batch": "batches", "trace": "trace", "recall": "recalls", "shipment": "shipments",
                "deviation": "deviations", "change": "changes"}



def lot_page_factories(ctx: Services, runner: Runner, actor: Actor, changes: ChangeHub, *,
                       signer: Signer | None = None, labels: LabelPrinting | None = None) -> list[PageFactory]:
    """`signer` is the signature dialog for release and rejection (SIG-5); `labels` prints a received lot's
    label (LOT-4, DEVC-5). Without them the pages say what is needed and receive without printing."""

    def lots() -> QWidget:
        from ui.lots.lot_list_widget import LotListWidget
        return LotListWidget(ctx, runner, actor, changes, labels=labels, signer=signer)

    def batches() -> QWidget:
        from ui.batches.batch_list_widget import BatchListWidget
        return BatchListWidget(ctx, runner, actor, changes, signer=signer)

    def trace() -> QWidget:
        from ui.trace.trace_widget import TraceWidget
        return TraceWidget(ctx, runner, actor, changes)

    def recalls() -> QWidget:
        from ui.recalls.recall_list_widget import RecallListWidget
        return RecallListWidget(ctx, runner, actor, changes)

    def shipments() -> QWidget:
        from ui.shipments.shipment_list_widget import ShipmentListWidget
        return ShipmentListWidget(ctx, runner, actor, changes)

    def records() -> QWidget:
        from ui.mbr.mbr_list_widget import MbrListWidget
        return MbrListWidget(ctx, runner, actor, changes)

    def master_data() -> QWidget:
        from ui.masterdata.master_data_widget import MasterDataWidget
        return MasterDataWidget(ctx, runner, actor, changes)

    return [
        ("lots", QCoreApplication.translate("MainWindow", "Lots"), lots),
        ("batches", QCoreApplication.translate("MainWindow", "Batches"), batches),
        ("trace", QCoreApplication.translate("MainWindow", "Trace"), trace),
        ("recalls", QCoreApplication.translate("MainWindow", "Recalls"), recalls),
        ("shipments", QCoreApplication.translate("MainWindow", "Shipments"), shipments),
        ("mbrs", QCoreApplication.translate("MainWindow", "Master batch records"), records),
        ("masterdata", QCoreApplication.translate("MainWindow", "Master data"), master_data),
    ]
