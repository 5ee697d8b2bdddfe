"""A scan acts on what it names where the user is working (DEVC-4): issue to the open batch, add to the shipment
being recorded, open the record otherwise; scans are never lost, in order. The simulated HID scanner stands in
for the hardware; everything behind it (bridge, router, app.scanning, the database) is the real thing."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtWidgets import QDialog, QLabel, QLineEdit, QTableWidget
from pytestqt.qtbot import QtBot

from app import batches, lots, shipments
from app.bootstrap import AppContext
from devices.simulator import SimulatedScanner
from domain.barcodes import element_string, udi_elements
from domain.batches import BatchStatus
from domain.users import Actor
from tests.ui.conftest import ModalDriver, child, click, message_text, type_into
from tests.ui.lot_site import GTIN, Site, build_site, effective_mbr, produce_and_ship, released_lot, select_row
from tests.ui.station_support import (  # noqa: F401 - the fixture
    StationFactory,
    label_text,
    lot_shown,
    station_fixture,
    status_text,
)
from ui.shell.task_runner import SyncTaskRunner, TaskRunner


@pytest.fixture
def site(ui_ctx: AppContext, admin: Actor) -> Site:
    return build_site(ui_ctx, admin)


@pytest.fixture
def scanner() -> SimulatedScanner:
    return SimulatedScanner()


def running_batch(ctx: AppContext, site: Site) -> str:
    effective_mbr(ctx, site)
    batch = batches.plan_batch(ctx.uow(), site.production, "SYR-5", "1000").batch_number
    batches.change_batch_status(ctx.uow(), site.production, batch, BatchStatus.IN_PRODUCTION, None)
    return batch


@pytest.mark.req("DEVC-4", "DEVC-1")
def test_a_lot_scanned_in_the_issue_dialog_is_filled_and_issued_after_the_quantity_is_checked(
        qtbot: QtBot, ui_ctx: AppContext, runner: SyncTaskRunner, site: Site, station: StationFactory,
        scanner: SimulatedScanner, modals: ModalDriver) -> None:
    resin = released_lot(ui_ctx, site, "RES-PC", "25", "kg", manufactured_on=date.today() - timedelta(days=10))
    batch = running_batch(ui_ctx, site)
    window, _hardware = station(runner, site.production, scanners=[scanner])
    page = window.show_page(2)
    assert page is not None and page.objectName() == "batchList"
    select_row(qtbot, page, "batchTable", 0)

    def issue(dialog: QDialog) -> None:
        assert dialog.objectName() == "issueMaterialDialog"
        scanner.emit(batch, "]C0")  # the batch's own number: not a lot
        assert message_text(dialog, "issueMaterialMessage") == f"Batch {batch} is not a lot label."
        scanner.emit(resin, "]C0")
        assert child(dialog, QLineEdit, "issueLot").text() == resin  # type: ignore[attr-defined]
        assert child(dialog, QLabel, "issueLotInfo").text().startswith("RES-PC, Released, 25 kg on hand")  # type: ignore[attr-defined]
        assert message_text(dialog, "issueMaterialMessage") == f"Lot {resin} scanned: check the quantity, then Issue."
        assert status_text(window) == f"Scanned into batch {batch}: lot {resin}"
        type_into(qtbot, dialog, "issueQuantity", "10")
        click(qtbot, dialog, "issueMaterialOk")

    modals.answer(issue)
    click(qtbot, page, "issueMaterial")
    modals.check()
    [line] = [b for b in batches.get_batch(ui_ctx.read_uow(), site.production, batch).bom if b.item_code == "RES-PC"]
    assert line.issued == 10
    assert lots.get_lot(ui_ctx.read_uow(), site.production, resin).on_hand == 15


@pytest.mark.req("DEVC-4", "LOT-9")
def test_a_udi_label_scanned_in_the_shipment_dialog_adds_the_lot(
        qtbot: QtBot, ui_ctx: AppContext, runner: SyncTaskRunner, site: Site, station: StationFactory,
        scanner: SimulatedScanner, modals: ModalDriver) -> None:
    flow = produce_and_ship(ui_ctx, site)
    finished = lots.get_lot(ui_ctx.read_uow(), site.warehouse, flow.finished_lot)
    udi = element_string(udi_elements(GTIN, lot=finished.lot_number, expiry=finished.expires_on,
                                      production_date=finished.manufactured_on))
    window, _hardware = station(runner, site.warehouse, scanners=[scanner])
    page = window.show_page(5)
    assert page is not None and page.objectName() == "shipmentList"

    def ship(dialog: QDialog) -> None:
        assert dialog.objectName() == "newShipmentDialog"
        scanner.emit(udi, "]d2")  # the GS1 DataMatrix of our UDI label: 500 of the 990 are shipped already
        table = child(dialog, QTableWidget, "shipLines")
        assert isinstance(table, QTableWidget)
        assert [(table.item(r, 0).text(), table.item(r, 1).text()) for r in range(table.rowCount())] == [
            (finished.lot_number, "490")]
        assert status_text(window) == f"Scanned onto the shipment: lot {finished.lot_number}"
        scanner.emit(udi, "]d2")  # the same box again
        assert message_text(dialog, "newShipmentMessage") == f"lot {finished.lot_number} is already on this shipment"
        assert table.rowCount() == 1
        click(qtbot, dialog, "newShipmentOk")

    modals.answer(ship)
    click(qtbot, page, "newShipment")
    modals.check()
    newest = shipments.list_shipments(ui_ctx.read_uow(), site.warehouse)[0]
    assert [(line.lot_number, line.quantity) for line in newest.lines] == [(finished.lot_number, 490)]


@pytest.mark.req("DEVC-4")
def test_a_quarantined_lot_is_refused_at_shipping_with_the_reason(
        qtbot: QtBot, ui_ctx: AppContext, runner: SyncTaskRunner, site: Site, station: StationFactory,
        scanner: SimulatedScanner, modals: ModalDriver) -> None:
    tube = lots.receive_lot(ui_ctx.uow(), site.warehouse, lots.Receipt("TUBE-1", "ACME", "T-1", "5", "m"))
    window, _hardware = station(runner, site.warehouse, scanners=[scanner])
    page = window.show_page(5)
    assert page is not None

    def ship(dialog: QDialog) -> None:
        scanner.emit(tube.lot_number, "]C0")
        expected = f"lot {tube.lot_number} is Quarantine: only Released lots are shipped"
        assert message_text(dialog, "newShipmentMessage") == expected
        assert status_text(window) == expected
        assert child(dialog, QTableWidget, "shipLines").rowCount() == 0  # type: ignore[attr-defined]
        dialog.reject()

    modals.answer(ship)
    click(qtbot, page, "newShipment")
    modals.check()


@pytest.mark.req("DEVC-4")
def test_scans_arriving_while_one_is_interpreted_are_all_dealt_with_in_order(
        qtbot: QtBot, ui_ctx: AppContext, thread_runner: TaskRunner, site: Site, station: StationFactory,
        scanner: SimulatedScanner) -> None:
    first = lots.receive_lot(ui_ctx.uow(), site.warehouse, lots.Receipt("TUBE-1", "ACME", "T-1", "5", "m"))
    second = lots.receive_lot(ui_ctx.uow(), site.warehouse, lots.Receipt("TUBE-1", "ACME", "T-2", "6", "m"))
    window, hardware = station(thread_runner, site.warehouse, scanners=[scanner])
    qtbot.waitUntil(lambda: "Simulated scanner: connected" in label_text(window, "statusScanners"), timeout=5000)
    routed: list[str] = []
    hardware.router.routed.connect(lambda scan, _text: routed.append(scan.data))
    sent = [first.lot_number, "NOT-OURS-1", second.lot_number, "NOT-OURS-2", first.lot_number, second.lot_number]
    for text in sent:  # faster than the database thread answers: they queue
        scanner.emit(text)
    assert hardware.router.pending == len(sent)
    qtbot.waitUntil(lambda: len(routed) == len(sent), timeout=10_000)
    assert routed == sent
    qtbot.waitUntil(lambda: lot_shown(window) == second.lot_number, timeout=5000)


@pytest.mark.req("DEVC-4")
def test_a_scan_under_an_unrelated_dialog_is_not_used_and_says_so(
        qtbot: QtBot, ui_ctx: AppContext, runner: SyncTaskRunner, site: Site, station: StationFactory,
        scanner: SimulatedScanner, modals: ModalDriver) -> None:
    tube = lots.receive_lot(ui_ctx.uow(), site.warehouse, lots.Receipt("TUBE-1", "ACME", "T-1", "5", "m"))
    window, _hardware = station(runner, site.warehouse, scanners=[scanner])

    titles: list[str] = []

    def password(dialog: QDialog) -> None:
        titles.append(dialog.windowTitle())
        scanner.emit(tube.lot_number)
        dialog.reject()

    modals.answer(password)
    window.actions_by_name["actionChangePassword"].trigger()
    modals.check()
    assert status_text(window) == (f"A scan arrived while the window \"{titles[0]}\" was open and was not used: "
                                   "finish that window and scan again.")
    assert tube.lot_number not in status_text(window)
    assert lot_shown(window) == ""


def page_named(window, title: str):  # type: ignore[no-untyped-def]
    navigation = window.navigation
    row = next(i for i in range(navigation.count()) if navigation.item(i).text() == title)
    return window.show_page(row)


@pytest.mark.req("DEVC-4")
def test_a_product_label_scanned_into_the_gtin_field_fills_in_the_gtin(
        qtbot: QtBot, ui_ctx: AppContext, runner: SyncTaskRunner, site: Site, station: StationFactory,
        scanner: SimulatedScanner, modals: ModalDriver) -> None:
    window, _hardware = station(runner, site.admin, scanners=[scanner])
    page = page_named(window, "Master data")
    label = element_string(udi_elements("09506000134369", lot="L-1", expiry=date(2029, 1, 31)))

    def new_item(dialog: QDialog) -> None:
        gtin = child(dialog, QLineEdit, "itemGtin")
        assert isinstance(gtin, QLineEdit)
        gtin.setFocus()
        qtbot.waitUntil(gtin.hasFocus, timeout=3000)
        scanner.emit(label)
        qtbot.waitUntil(lambda: gtin.text() == "09506000134369", timeout=3000)
        assert status_text(window) == "Scanned into the field: 09506000134369"
        scanner.emit("ABC-123")  # not a GTIN: said, the field keeps what it had
        qtbot.waitUntil(lambda: message_text(dialog, "itemMessage") != "", timeout=3000)
        assert gtin.text() == "09506000134369"
        dialog.reject()

    modals.answer(new_item)
    click(qtbot, page.items, "newItem")
    modals.check()


@pytest.mark.req("DEVC-4")
def test_a_suppliers_plain_lot_barcode_scanned_into_the_supplier_lot_field_fills_it(
        qtbot: QtBot, ui_ctx: AppContext, runner: SyncTaskRunner, site: Site, station: StationFactory,
        scanner: SimulatedScanner, modals: ModalDriver) -> None:
    window, _hardware = station(runner, site.warehouse, scanners=[scanner])
    page = window.show_page(0)
    assert page is not None

    def receive(dialog: QDialog) -> None:
        field = child(dialog, QLineEdit, "supplierLot")
        assert isinstance(field, QLineEdit)
        field.setFocus()
        qtbot.waitUntil(field.hasFocus, timeout=3000)
        scanner.emit("AC-2026-0815")  # a Code 128 with the supplier's lot, no GS1 data
        qtbot.waitUntil(lambda: field.text() == "AC-2026-0815", timeout=3000)
        dialog.reject()

    modals.answer(receive)
    click(qtbot, page, "receiveLot")
    modals.check()
