"""Tools > Station devices... (DEVC-1, DEVC-2, DEVC-5, DEVC-6): printers and scanners of this station, checked as
devices.json is, saved to it and used at once; refused while print jobs are open."""

from __future__ import annotations

import json

import pytest
from PySide6.QtWidgets import QCheckBox, QComboBox, QDialog, QLineEdit
from pytestqt.qtbot import QtBot

from app import lots
from app.bootstrap import AppContext
from app.station_settings import device_settings_path
from domain.users import Actor
from tests.app.label_support import PRINTER, free_port, use_printer
from tests.ui.conftest import ModalDriver, child, click, message_text, type_into
from tests.ui.lot_site import Site, build_site
from tests.ui.station_support import StationFactory, label_text, station_fixture  # noqa: F401 - the fixture
from ui.shell.task_runner import SyncTaskRunner


@pytest.fixture
def site(ui_ctx: AppContext, admin: Actor) -> Site:
    return build_site(ui_ctx, admin)


def choose(dialog: QDialog, name: str, data: object) -> None:
    combo = child(dialog, QComboBox, name)
    assert isinstance(combo, QComboBox)
    row = combo.findData(data)
    assert row >= 0, f"{name} has no {data!r}"
    combo.setCurrentIndex(row)


@pytest.mark.req("DEVC-5", "DEVC-1", "DEVC-2")
def test_an_administrator_adds_a_printer_and_the_simulator_with_messages_for_mistakes(
        qtbot: QtBot, ui_ctx: AppContext, runner: SyncTaskRunner, site: Site, station: StationFactory,
        modals: ModalDriver) -> None:
    window, hardware = station(runner, site.admin)
    assert label_text(window, "statusPrinter") == "No label printer"
    assert not hardware.simulator_action.isVisible()
    port = free_port()

    def edit(dialog: QDialog) -> None:
        assert dialog.objectName() == "stationSettingsDialog"
        assert child(dialog, QLineEdit, "wedgeSuffix").text() == "\\r"  # type: ignore[attr-defined]
        click(qtbot, dialog, "addPrinter")
        type_into(qtbot, dialog, "printerName", PRINTER)
        type_into(qtbot, dialog, "printerTarget", "zebra:ninety")
        click(qtbot, dialog, "stationSettingsOk")
        assert message_text(dialog, "stationSettingsMessage") == (
            f"devices.json: printers[0] '{PRINTER}': transport tcp needs host:port such as 192.168.1.50:9100, not "
            "'zebra:ninety'")
        type_into(qtbot, dialog, "printerTarget", f"127.0.0.1:{port}")
        choose(dialog, "printerDpi", 300)
        type_into(qtbot, dialog, "hidVendor", "vendor")
        click(qtbot, dialog, "stationSettingsOk")
        assert message_text(dialog, "stationSettingsMessage") == (
            'devices.json: scanners.hid_pos.vendor_id must be a number such as 1504 or "0x05e0", not "vendor"')
        type_into(qtbot, dialog, "hidVendor", "0x05e0")
        child(dialog, QCheckBox, "simulatorEnabled").setChecked(True)  # type: ignore[attr-defined]
        choose(dialog, "defaultPrinter", PRINTER)
        click(qtbot, dialog, "stationSettingsOk")

    modals.answer(edit)
    window.actions_by_name["actionStationDevices"].trigger()
    modals.check()
    saved = json.loads(device_settings_path().read_text(encoding="utf-8"))
    assert saved["printers"] == [{"name": PRINTER, "language": "ZPL",
                                  "transport": {"kind": "tcp", "target": f"127.0.0.1:{port}"}, "dpi": 300,
                                  "lot_label_template": "material-lot@v2", "udi_label_template": "udi-device@v2",
                                  "check_status": True}]
    assert saved["default_printer"] == PRINTER
    assert saved["scanners"]["hid_pos"] == {"enabled": False, "vendor_id": "0x05e0", "product_id": None}
    assert saved["scanners"]["simulator"] is True
    assert ui_ctx.devices.labels.default_printer == PRINTER  # in use at once
    assert label_text(window, "statusPrinter") == f"Printer {PRINTER}: no jobs waiting"
    assert hardware.simulator_action.isVisible(), "the simulator is offered now"
    assert label_text(window, "statusScanners") == "Simulated scanner: connected"
    assert window.statusBar().currentMessage() == "Station devices saved and in use."


@pytest.mark.req("DEVC-6")
def test_printers_cannot_be_changed_while_a_job_waits(qtbot: QtBot, ui_ctx: AppContext, runner: SyncTaskRunner,
                                                      site: Site, station: StationFactory, modals: ModalDriver) -> None:
    use_printer(ui_ctx, free_port())
    lots.receive_lot(ui_ctx.uow(), site.warehouse, lots.Receipt("TUBE-1", "ACME", "T-1", "5", "m"),
                     ui_ctx.devices.labels)
    window, _hardware = station(runner, site.admin)

    def edit(dialog: QDialog) -> None:
        assert child(dialog, QLineEdit, "printerName").text() == PRINTER  # type: ignore[attr-defined]
        type_into(qtbot, dialog, "printerTarget", "127.0.0.1:9100")
        click(qtbot, dialog, "stationSettingsOk")
        assert message_text(dialog, "stationSettingsMessage") == (
            "1 print job(s) are still open: let them print or cancel them first")
        dialog.reject()

    modals.answer(edit)
    window.actions_by_name["actionStationDevices"].trigger()
    modals.check()
    assert not device_settings_path().exists()
    assert ui_ctx.devices.settings.printers[0].transport.target != "127.0.0.1:9100"
