"""The issue's "done when", as a new user tries it with the scanner simulator (DEVC-1..DEVC-6, LOT-4): scan a
supplier label into receiving, the lot label prints, scan it to open the lot, scan it again in material issue,
print the UDI label of the finished lot and scan that; unplug the scanner mid-shift and plug it back; point the
printer at a closed port and see the job wait."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QComboBox, QDialog, QLineEdit, QListWidget, QPlainTextEdit, QPushButton
from pytestqt.qtbot import QtBot

from app import batches, lots, masterdata
from app.bootstrap import AppContext
from devices.labels.zpl import datamatrix_data
from devices.simulator import SimulatedScanner
from domain.barcodes import udi_elements
from domain.batches import BatchStatus
from domain.gtin import gtin_check_digit
from domain.quantities import Unit
from domain.users import Actor, Role
from tests.app.label_support import (  # noqa: F401 - the fixture
    PRINTER,
    FakePrinterServer,
    free_port,
    printer_server_fixture,
    use_printer,
)
from tests.app.signing import release_lot
from tests.ui.conftest import NEW_PASSWORD, ModalDriver, child, click, make_user, type_into
from tests.ui.lot_site import GTIN, Site, build_site, effective_mbr, released_lot, select_row
from tests.ui.station_support import (  # noqa: F401 - the fixture
    StationFactory,
    label_text,
    lot_shown,
    station_fixture,
)
from ui.shell.task_runner import SyncTaskRunner

RESIN_GTIN = "0950600090150" + str(gtin_check_digit("0950600090150"))  # the resin supplier's GTIN-14


def type_by_hand(qtbot: QtBot, dialog: QDialog, name: str, text: str) -> None:
    """With the wedge filter on, typed keys reach the field once the filter has seen they are not a scan."""
    type_into(qtbot, dialog, name, text)
    qtbot.waitUntil(lambda: child(dialog, QLineEdit, name).text() == text, timeout=3000)  # type: ignore[attr-defined]


@pytest.fixture
def site(ui_ctx: AppContext, admin: Actor) -> Site:
    built = build_site(ui_ctx, admin)
    masterdata.edit_item(ui_ctx.uow(), admin, "RES-PC", "the supplier's GTIN, for scanning its labels",
                         name="Polycarbonate resin", unit=Unit.KG, shelf_life_days=730,
                         storage_condition="dry, 15-25 °C", gtin=RESIN_GTIN)
    effective_mbr(ui_ctx, built)
    return built


@pytest.mark.req("DEVC-1", "DEVC-2", "DEVC-3", "DEVC-4", "DEVC-5", "DEVC-6", "LOT-4")
def test_a_shift_with_the_scanner_simulator_and_a_label_printer(
        qtbot: QtBot, ui_ctx: AppContext, runner: SyncTaskRunner, site: Site, station: StationFactory,
        modals: ModalDriver, printer_server: FakePrinterServer) -> None:
    tubing = released_lot(ui_ctx, site, "TUBE-1", "5000", "cm")
    use_printer(ui_ctx, printer_server.port)
    floor = make_user(ui_ctx, site.admin, "flo", frozenset({Role.WAREHOUSE, Role.PRODUCTION}))
    assert floor is not None
    window, hardware = station(runner, floor, scanners=[SimulatedScanner()], wedge=True)
    hardware.simulator_action.trigger()
    simulator = hardware.simulator_window
    assert simulator is not None
    assert simulator.samples.supplier_label is not None and simulator.samples.supplier_label.subject == "RES-PC"
    navigation = window.findChild(QListWidget, "navigation")
    assert isinstance(navigation, QListWidget)

    # 1. a supplier's label into receiving; the lot label prints on the default printer by itself
    lots_page = window.show_page(0)
    assert lots_page is not None

    def receive(dialog: QDialog) -> None:
        child(dialog, QLineEdit, "supplierLot").setFocus()
        click(qtbot, simulator, "simulatorSupplier")
        click(qtbot, simulator, "simulatorSendWedge")
        item = child(dialog, QComboBox, "receiveItem")
        assert isinstance(item, QComboBox) and item.currentData() == "RES-PC"
        assert child(dialog, QLineEdit, "supplierLot").text().startswith("S")  # type: ignore[attr-defined]
        type_by_hand(qtbot, dialog, "receiveQuantity", "25")
        click(qtbot, dialog, "receiveLotOk")

    modals.answer(receive)
    click(qtbot, lots_page, "receiveLot")
    modals.check()
    resin = lots.list_lots(ui_ctx.read_uow(), floor, item_code="RES-PC")[0]
    [lot_label] = printer_server.wait_for_jobs(1)
    assert f"^BCN,96,N,N,N,A^FD{resin.lot_number}^FS".encode() in lot_label

    # 2. scan the printed lot label: the lot opens
    click(qtbot, simulator, "simulatorRefresh")
    click(qtbot, simulator, "simulatorLastLot")
    assert child(simulator, QLineEdit, "simulatorText").text() == f"]C0{resin.lot_number}"  # type: ignore[attr-defined]
    click(qtbot, simulator, "simulatorSendHid")
    assert lot_shown(window) == resin.lot_number

    # 3. released by QC and QA; scanned again in material issue, to the running batch
    release_lot(ui_ctx, site.qc, site.qa, resin.lot_number, NEW_PASSWORD)
    batch = batches.plan_batch(ui_ctx.uow(), floor, "SYR-5", "1000").batch_number
    batches.change_batch_status(ui_ctx.uow(), floor, batch, BatchStatus.IN_PRODUCTION, None)
    navigation.setCurrentRow(2)  # as the user clicks "Batches"
    batches_page = window.pages["batches"]
    batches_page.refresh()  # type: ignore[attr-defined]
    select_row(qtbot, batches_page, "batchTable", 0)

    def issue(dialog: QDialog) -> None:
        click(qtbot, simulator, "simulatorSendHid")  # the lot label is still in the simulator's field
        assert child(dialog, QLineEdit, "issueLot").text() == resin.lot_number  # type: ignore[attr-defined]
        type_by_hand(qtbot, dialog, "issueQuantity", "10")
        click(qtbot, dialog, "issueMaterialOk")

    modals.answer(issue)
    click(qtbot, batches_page, "issueMaterial")
    modals.check()
    batches.issue_material(ui_ctx.uow(), floor, batch, tubing, "48")
    finished = batches.complete_batch(ui_ctx.uow(), floor, batch, "990").output_lots[0]
    release_lot(ui_ctx, site.qc, site.qa, finished.lot_number, NEW_PASSWORD)

    # 4. the finished lot's UDI label, printed from the lot pane, then scanned
    window.open_record("lot", finished.lot_number)
    modals.answer(lambda dialog: click(qtbot, dialog, "printLabelOk"))
    click(qtbot, window.pages["lots"], "printLotLabel")
    modals.check()
    udi_label = printer_server.wait_for_jobs(2)[1]
    elements = udi_elements(GTIN, lot=finished.lot_number, expiry=finished.expires_on,
                            production_date=finished.manufactured_on)
    assert datamatrix_data(elements).encode() in udi_label
    window.open_record("lot", resin.lot_number)
    click(qtbot, simulator, "simulatorRefresh")
    click(qtbot, simulator, "simulatorUdi")
    window.search_box.setFocus()
    click(qtbot, simulator, "simulatorSendWedge")
    assert lot_shown(window) == finished.lot_number
    assert window.search_box.text() == ""

    # 5. the scanner unplugged mid-shift and plugged back in
    click(qtbot, simulator, "simulatorUnplug")
    assert label_text(window, "statusScanners") == (
        "Simulated scanner: disconnected, reconnecting… · Keyboard wedge: on")
    click(qtbot, simulator, "simulatorPlugIn")
    assert label_text(window, "statusScanners") == "Simulated scanner: connected · Keyboard wedge: on"
    click(qtbot, simulator, "simulatorLastLot")
    click(qtbot, simulator, "simulatorSendHid")
    assert lot_shown(window) == finished.lot_number  # the newest lot is the finished one

    # 6. the printer pointed at a closed port: the reprint waits, visibly, in the journal
    port = free_port()
    use_printer(ui_ctx, port)
    hardware.reload()
    def reason(dialog: QDialog) -> None:  # typed by hand: at 60 ms a key the wedge filter lets it through
        qtbot.keyClicks(child(dialog, QPlainTextEdit, "reason"), "box label damaged", delay=60)
        qtbot.waitUntil(child(dialog, QPushButton, "reasonOk").isEnabled, timeout=5000)
        click(qtbot, dialog, "reasonOk")

    modals.answer(reason, lambda dialog: click(qtbot, dialog, "printLabelOk"))
    click(qtbot, window.pages["lots"], "reprintLotLabel")
    modals.check()
    refused = f"The printer at 127.0.0.1:{port} refused the connection: is it switched on, and is the port right?"
    assert label_text(window, "statusPrinter") == f"Printer {PRINTER}: 1 job(s) waiting — {refused}"
    navigation.setCurrentRow([navigation.item(r).text() for r in range(navigation.count())].index("Print journal"))
    journal = window.pages["printjournal"]
    newest = journal.model.record_at(0)  # type: ignore[attr-defined]
    assert (newest.state, newest.error, newest.record_id, newest.reason) == (
        "waiting for printer", refused, finished.lot_number, "box label damaged")
    assert newest.user_id == "flo" and newest.reprint_of is not None
