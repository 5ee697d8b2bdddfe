"""The scanner simulator window (DEVC-1, DEVC-2, DEVC-4): the demo without hardware. Its samples come from the
site's data; it types wedge bursts through the real filter and sends HID scans through the simulated scanner,
also while the modal receiving dialog is open; Unplug and Plug in show in the status bar."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtWidgets import QComboBox, QDialog, QLineEdit, QPushButton
from pytestqt.qtbot import QtBot

from app import lots
from app.bootstrap import AppContext
from devices.simulator import SimulatedScanner
from domain.barcodes import GS
from domain.users import Actor
from tests.ui.conftest import ModalDriver, child, click, message_text
from tests.ui.lot_site import Site, build_site
from tests.ui.station_support import (  # noqa: F401 - the fixture
    CAP_GTIN,
    StationFactory,
    add_cap,
    label_text,
    lot_shown,
    station_fixture,
    status_text,
)
from ui.shell.task_runner import SyncTaskRunner


@pytest.fixture
def site(ui_ctx: AppContext, admin: Actor) -> Site:
    built = build_site(ui_ctx, admin)
    add_cap(ui_ctx, built)
    return built


@pytest.mark.req("DEVC-2", "DEVC-4", "DEVC-1")
def test_the_simulator_scans_a_supplier_label_into_the_open_receiving_dialog(
        qtbot: QtBot, ui_ctx: AppContext, runner: SyncTaskRunner, site: Site, station: StationFactory,
        modals: ModalDriver) -> None:
    tube = lots.receive_lot(ui_ctx.uow(), site.warehouse, lots.Receipt("TUBE-1", "ACME", "T-1", "5", "m"))
    window, hardware = station(runner, site.warehouse, scanners=[SimulatedScanner()], wedge=True)
    hardware.simulator_action.trigger()
    simulator = hardware.simulator_window
    assert simulator is not None and simulator.isVisible()
    supplier = simulator.samples.supplier_label
    assert supplier is not None and supplier.subject == "CAP"
    assert supplier.text.startswith(f"]d201{CAP_GTIN}10") and GS in supplier.text
    assert simulator.samples.last_lot is not None and simulator.samples.last_lot.subject == tube.lot_number
    assert simulator.samples.finished_udi is None  # nothing finished yet at this site
    assert not child(simulator, QPushButton, "simulatorUdi").isEnabled()
    page = window.show_page(0)
    assert page is not None

    def receive(dialog: QDialog) -> None:
        assert not simulator.blocked, "the modal dialog does not block the scanner"
        quantity = child(dialog, QLineEdit, "receiveQuantity")
        quantity.setFocus()
        click(qtbot, simulator, "simulatorSupplier")
        assert child(simulator, QLineEdit, "simulatorText").text() == supplier.text.replace(GS, "<GS>")  # type: ignore[attr-defined]
        click(qtbot, simulator, "simulatorSendWedge")
        item = child(dialog, QComboBox, "receiveItem")
        assert isinstance(item, QComboBox) and item.currentData() == "CAP"
        assert child(dialog, QLineEdit, "supplierLot").text().startswith("S")  # type: ignore[attr-defined]
        assert dialog.expires_on.value() is not None  # type: ignore[attr-defined]
        assert quantity.text() == "500", "filled by the scan, not typed by it"  # type: ignore[attr-defined]
        click(qtbot, simulator, "simulatorLastLot")
        click(qtbot, simulator, "simulatorSendHid")
        assert message_text(dialog, "receiveLotMessage") == f"Lot {tube.lot_number} is not a supplier's label."
        click(qtbot, dialog, "receiveLotOk")

    modals.answer(receive)
    click(qtbot, page, "receiveLot")
    modals.check()
    [cap] = lots.list_lots(ui_ctx.read_uow(), site.warehouse, item_code="CAP")
    assert cap.quantity == 500 and cap.expires_on is not None and cap.expires_on > date.today()


@pytest.mark.req("DEVC-1")
def test_unplug_and_plug_in_show_in_the_status_bar_and_a_scan_after_the_replug_arrives(
        qtbot: QtBot, ui_ctx: AppContext, runner: SyncTaskRunner, site: Site, station: StationFactory) -> None:
    tube = lots.receive_lot(ui_ctx.uow(), site.warehouse, lots.Receipt("TUBE-1", "ACME", "T-1", "5", "m"))
    window, hardware = station(runner, site.warehouse, scanners=[SimulatedScanner()])
    simulator = hardware.show_simulator()
    assert simulator is not None
    assert label_text(window, "statusScanners") == "Simulated scanner: connected"
    click(qtbot, simulator, "simulatorUnplug")
    assert label_text(window, "statusScanners") == "Simulated scanner: disconnected, reconnecting…"
    assert not child(simulator, QPushButton, "simulatorSendHid").isEnabled()
    assert not child(simulator, QPushButton, "simulatorSendWedge").isEnabled(), "the wedge is off in this session"
    click(qtbot, simulator, "simulatorPlugIn")
    assert label_text(window, "statusScanners") == "Simulated scanner: connected"
    click(qtbot, simulator, "simulatorLastLot")
    click(qtbot, simulator, "simulatorSendHid")
    assert lot_shown(window) == tube.lot_number
    assert status_text(window) == f"Scanned: lot {tube.lot_number}"


def test_without_the_simulator_the_menu_does_not_offer_it(qtbot: QtBot, ui_ctx: AppContext, runner: SyncTaskRunner,
                                                          site: Site, station: StationFactory) -> None:
    window, hardware = station(runner, site.warehouse)
    assert not hardware.simulator_action.isVisible()
    assert not window.actions_by_name["actionStationDevices"].isVisible(), "station devices: administrators"
    assert hardware.show_simulator() is None
    admin_window, _ = station(runner, site.admin)
    assert admin_window.actions_by_name["actionStationDevices"].isVisible()
