"""Master batch records (LOT-6, CHG-3) and shipments (LOT-9) on their pages."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtWidgets import QComboBox, QDialog, QPushButton
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from app import batches, lots, mbr
from app.bootstrap import AppContext
from domain.batches import BatchStatus
from domain.users import Actor
from tests.app.signing import release_lot
from tests.ui.conftest import NEW_PASSWORD, ModalDriver, child, click, message_text, type_into
from tests.ui.lot_site import (
    Site,
    build_site,
    column_texts,
    effective_mbr,
    give_reason,
    released_lot,
    row_texts,
    select_row,
)
from ui.mbr.mbr_list_widget import MbrListWidget
from ui.shell.changes import ChangeHub
from ui.shell.task_runner import SyncTaskRunner
from ui.shipments.shipment_list_widget import ShipmentListWidget


@pytest.fixture
def site(ui_ctx: AppContext, admin: Actor) -> Site:
    return build_site(ui_ctx, admin)


def shown(qtbot: QtBot, widget: MbrListWidget | ShipmentListWidget) -> None:
    qtbot.addWidget(widget)
    widget.resize(1100, 600)
    widget.show()


def add_line(qtbot: QtBot, dialog: QDialog, item: str, quantity: str, tolerance: str) -> None:
    combo = child(dialog, QComboBox, "lineItem")
    assert isinstance(combo, QComboBox)
    combo.setCurrentIndex(combo.findData(item))
    type_into(qtbot, dialog, "lineQuantity", quantity)
    type_into(qtbot, dialog, "lineTolerance", tolerance)
    click(qtbot, dialog, "addLine")


@pytest.mark.req("LOT-6", "CHG-3")
def test_draft_a_record_and_make_it_effective(qtbot: QtBot, ui_ctx: AppContext, runner: SyncTaskRunner, site: Site,
                                              modals: ModalDriver) -> None:
    hub = ChangeHub()
    author = MbrListWidget(ui_ctx, runner, site.production, hub)
    approver = MbrListWidget(ui_ctx, runner, site.release, hub)
    shown(qtbot, author)
    shown(qtbot, approver)
    assert not child(author, QPushButton, "makeEffective").isVisible(), "production drafts, QA makes effective"
    assert not child(approver, QPushButton, "newMbrDraft").isVisible()

    def draft(dialog: QDialog) -> None:
        assert dialog.objectName() == "mbrDraftDialog"
        type_into(qtbot, dialog, "draftTitle", "Syringe, moulding and assembly")
        add_line(qtbot, dialog, "RES-PC", "0,01", "5")
        assert message_text(dialog, "mbrDraftMessage") == "quantity per unit '0,01' is not a number"
        add_line(qtbot, dialog, "RES-PC", "0.01", "5")
        add_line(qtbot, dialog, "TUBE-1", "0.05", "10")
        add_line(qtbot, dialog, "TUBE-1", "0.05", "10")
        assert message_text(dialog, "mbrDraftMessage") == "TUBE-1 is already in the bill of materials."
        click(qtbot, dialog, "mbrDraftOk")

    modals.answer(draft)
    click(qtbot, author, "newMbrDraft")
    modals.check()
    assert message_text(author, "mbrMessage") == "Draft SYR-5 v1 created."
    assert row_texts(author, "mbrTable", 0)[:5] == ["SYR-5", "1", "Draft", "Syringe, moulding and assembly", "2"]
    assert column_texts(author, "mbrLineTable", 1) == ["RES-PC", "TUBE-1"]
    assert row_texts(approver, "mbrTable", 0)[2] == "Draft", "the other open page refreshed"

    select_row(qtbot, approver, "mbrTable", 0)
    modals.answer(give_reason(qtbot, "CR-2026-003 approved"))
    click(qtbot, approver, "makeEffective")
    modals.check()
    assert message_text(approver, "mbrMessage") == "SYR-5 v1 is now effective."
    assert row_texts(author, "mbrTable", 0)[2] == "Effective"
    assert not child(approver, QPushButton, "makeEffective").isEnabled()
    assert [v.status for v in mbr.list_mbrs(ui_ctx.read_uow(), site.release)] == ["Effective"]


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
