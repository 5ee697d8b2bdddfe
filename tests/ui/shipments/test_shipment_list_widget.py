"""The shipments page (ui/shipments/shipment_list_widget.py) and its new-shipment dialog: ship a released
finished lot (LOT-9)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtWidgets import QDialog
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from app import batches, lots
from app.bootstrap import AppContext
from domain.batches import BatchStatus
from tests.app.signing import release_lot
from tests.ui.conftest import NEW_PASSWORD, ModalDriver, click, message_text, type_into
from tests.ui.lot_site import (
    Site,
    column_texts,
    effective_mbr,
    released_lot,
    row_texts,
    shown,
    site_fixture,  # noqa: F401  (the site fixture)
)
from ui.shell.changes import ChangeHub
from ui.shell.task_runner import SyncTaskRunner
from ui.shipments.shipment_list_widget import ShipmentListWidget


@pytest.mark.req("LOT-9")
def test_ship_a_released_finished_lot(qtbot: QtBot, ui_ctx: AppContext, runner: SyncTaskRunner, site: Site,
                                      modals: ModalDriver, qtmodeltester: ModelTester) -> None:
    effective_mbr(ui_ctx, site)
    tubing = released_lot(ui_ctx, site, "TUBE-1", "60", "m")
    resin = released_lot(ui_ctx, site, "RES-PC", "12", "kg", expires_on=date.today() + timedelta(days=300))
    batch = batches.plan_batch(ui_ctx.uow(), site.production, "SYR-5", "1000").batch_number
    batches.change_batch_status(ui_ctx.uow(), site.production, batch, BatchStatus.IN_PRODUCTION, None)
    batches.issue_material(ui_ctx.uow(), site.production, batch, resin, "10")
    batches.issue_material(ui_ctx.uow(), site.production, batch, tubing, "50")
    finished = batches.complete_batch(ui_ctx.uow(), site.production, batch, "990").output_lots[0].lot_number
    page = ShipmentListWidget(ui_ctx, runner, site.warehouse, ChangeHub())
    shown(qtbot, page)

    def ship(dialog: QDialog) -> None:
        assert dialog.objectName() == "newShipmentDialog"
        type_into(qtbot, dialog, "lineLot", finished)
        type_into(qtbot, dialog, "lineQuantity", "300")
        click(qtbot, dialog, "addShipLine")
        click(qtbot, dialog, "newShipmentOk")
        assert message_text(dialog, "newShipmentMessage") == (
            f"lot {finished} is Quarantine: only Released lots are shipped")
        release_lot(ui_ctx, site.qc, site.qa, finished, NEW_PASSWORD)  # signed at another station meanwhile
        click(qtbot, dialog, "newShipmentOk")

    modals.answer(ship)
    click(qtbot, page, "newShipment")
    modals.check()
    shipment = column_texts(page, "shipmentTable", 0)[0]
    assert message_text(page, "shipmentMessage") == f"Shipment {shipment} to City Hospital recorded."
    assert row_texts(page, "shipmentTable", 0)[1:3] == ["HOSP1", "City Hospital"]
    assert row_texts(page, "shipmentLineTable", 0) == [finished, "SYR-5", "300", "pcs"]
    assert lots.get_lot(ui_ctx.read_uow(), site.warehouse, finished).on_hand == 690
    qtmodeltester.check(page.model)
    qtmodeltester.check(page.line_model)
