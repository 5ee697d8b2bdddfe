"""The station's devices.json: typed, versioned, validated with messages that name the entry (DEVC-1, DEVC-2,
DEVC-5); a broken file leaves the station without printers instead of stopping it."""

from __future__ import annotations

import json
from typing import Any

import pytest

from app import bootstrap, station_devices
from app.settings import Settings
from app.station_settings import (
    DeviceSettings,
    HidPosSettings,
    PrinterSettings,
    ScannerSettings,
    TransportSetting,
    WedgeSettings,
    device_settings_from_dict,
    device_settings_path,
    load_device_settings,
    save_device_settings,
)
from devices.hid_pos import HidPosScanner
from devices.simulator import SimulatedScanner
from domain.errors import ValidationError
from tests.conftest import FAST_HASHER

ZEBRA = PrinterSettings("Zebra 1", "ZPL", TransportSetting("tcp", "10.0.0.7:9100"))


def station(**changes: Any) -> dict[str, Any]:
    raw: dict[str, Any] = {
        "version": 1,
        "printers": [{"name": "Zebra 1", "language": "ZPL", "transport": {"kind": "tcp", "target": "10.0.0.7:9100"}}],
        "default_printer": "Zebra 1",
    }
    raw.update(changes)
    return raw


def printer(**changes: Any) -> dict[str, Any]:
    return station(printers=[{**station()["printers"][0], **changes}])


@pytest.mark.req("DEVC-5", "DEVC-2")
def test_without_a_file_the_station_has_the_wedge_and_no_printers() -> None:
    assert not device_settings_path().exists()
    settings = load_device_settings()
    assert settings == DeviceSettings()
    assert settings.scanners.wedge == WedgeSettings(enabled=True, max_interkey_ms=30.0, min_length=6, prefix="",
                                                    suffix="\r")
    assert (settings.printers, settings.default_printer, settings.scanners.hid_pos.enabled) == ((), None, False)


@pytest.mark.req("DEVC-5", "DEVC-1", "DEVC-2")
def test_settings_are_saved_and_read_back_unchanged() -> None:
    settings = DeviceSettings(
        scanners=ScannerSettings(WedgeSettings(max_interkey_ms=25, min_length=8, prefix="]", suffix="\t"),
                                 HidPosSettings(enabled=True, vendor_id=0x05E0, product_id=0x1200), simulator=True),
        printers=(ZEBRA, PrinterSettings("TSC 2", "TSPL", TransportSetting("spooler", "tsc_raw"), dpi=300,
                                         udi_label_template="udi-device@v1", check_status=False),
                  PrinterSettings("USB", "ZPL", TransportSetting("device", "/dev/usb/lp0"))),
        default_printer="TSC 2",
    )
    path = save_device_settings(settings)
    assert path == device_settings_path() and path.name == "devices.json"
    raw = json.loads(path.read_text(encoding="utf-8"))
    assert raw["scanners"]["hid_pos"] == {"enabled": True, "vendor_id": "0x05e0", "product_id": "0x1200"}
    assert raw["printers"][0]["transport"] == {"kind": "tcp", "target": "10.0.0.7:9100"}
    assert "password" not in path.read_text(encoding="utf-8")
    assert load_device_settings() == settings
    assert load_device_settings().printer("TSC 2").dpi == 300


@pytest.mark.req("DEVC-5")
@pytest.mark.parametrize(
    ("raw", "message"),
    [
        (station(version=2), "devices.json: version 2 is not supported (expected 1)"),
        (station(colour="red"), "devices.json: unknown key(s) colour"),
        ([], "devices.json must be a JSON object"),
        (printer(transport={"kind": "tcp", "target": "10.0.0.7:99999"}),
         "devices.json: printers[0] 'Zebra 1': transport tcp needs host:port such as 192.168.1.50:9100, "
         "not '10.0.0.7:99999'"),
        (printer(transport={"kind": "bluetooth", "target": "x"}),
         "devices.json: printers[0] 'Zebra 1': transport kind must be one of tcp, device, spooler, file, "
         "not 'bluetooth'"),
        (printer(transport={"kind": "spooler", "target": " "}),
         "devices.json: printers[0] 'Zebra 1': transport spooler needs a print queue name"),
        (printer(language="EPL"), "devices.json: printers[0] 'Zebra 1': language must be ZPL or TSPL, not 'EPL'"),
        (printer(dpi=True), "devices.json: printers[0]: dpi must be a whole number, not true"),
        (printer(dpi=250), "devices.json: printers[0] 'Zebra 1': dpi must be one of 152, 203, 300, 600, not 250"),
        (printer(udi_label_template="udi-device"), "devices.json: printers[0] 'Zebra 1': udi_label_template: "
         "'udi-device' is not a label template name with its version, such as 'udi-device@v1'"),
        (printer(transport="tcp://10.0.0.7"), "devices.json: printers[0]: transport must be a JSON object"),
        (station(printers=[station()["printers"][0]] * 2), "devices.json: two printers are named 'Zebra 1'"),
        (station(default_printer="Brother"), "devices.json: the default printer 'Brother' is not one of the printers"),
        (station(scanners={"wedge": {"min_length": 0}}),
         "devices.json: scanners.wedge.min_length must be between 1 and 100"),
        (station(scanners={"wedge": {"max_interkey_ms": "fast"}}),
         'devices.json: scanners.wedge: max_interkey_ms must be a number, not "fast"'),
        (station(scanners={"hid_pos": {"product_id": "0x1200"}}),
         "devices.json: scanners.hid_pos.product_id needs the vendor_id too"),
        (station(scanners={"hid_pos": {"vendor_id": "zebra"}}),
         'devices.json: scanners.hid_pos.vendor_id must be a number such as 1504 or "0x05e0", not "zebra"'),
        (station(scanners={"hid_pos": {"vendor_id": 70000}}),
         "devices.json: scanners.hid_pos.vendor_id must be between 0x0000 and 0xFFFF"),
    ],
)
def test_each_mistake_is_refused_with_a_message_naming_the_entry(raw: object, message: str) -> None:
    with pytest.raises(ValidationError) as refused:
        device_settings_from_dict(raw)
    assert str(refused.value) == message


@pytest.mark.req("DEVC-5")
def test_a_printer_setting_that_omits_the_options_gets_the_defaults() -> None:
    settings = device_settings_from_dict(printer())
    assert settings.printer("Zebra 1") == PrinterSettings("Zebra 1", "ZPL", TransportSetting("tcp", "10.0.0.7:9100"),
                                                          203, "material-lot@v2", "udi-device@v2", True)
    assert TransportSetting("tcp", "printer.local").tcp_address() == ("printer.local", 9100)
    assert TransportSetting("tcp", "[::1]:6101").tcp_address() == ("::1", 6101)
    with pytest.raises(ValidationError, match="no printer named 'Brother'"):
        settings.printer("Brother")
    with pytest.raises(ValidationError, match="default printer 'Brother'"):
        settings.with_changes(default_printer="Brother")


@pytest.mark.req("DEVC-1", "DEVC-2")
def test_the_scanners_are_built_from_the_settings() -> None:
    settings = ScannerSettings(WedgeSettings(max_interkey_ms=25, min_length=8, prefix="]", suffix=""),
                               HidPosSettings(enabled=True, vendor_id=0x05E0), simulator=True)
    hid, simulator = station_devices.scanners(settings)
    assert isinstance(hid, HidPosScanner) and isinstance(simulator, SimulatedScanner)
    assert (hid._vendor_id, hid._product_id) == (0x05E0, None)
    detector = station_devices.wedge_detector(settings)
    assert detector is not None
    assert (detector.max_interkey_ms, detector.min_length, detector.prefix, detector.suffix) == (25, 8, "]", "")
    assert station_devices.wedge_detector(ScannerSettings(WedgeSettings(enabled=False))) is None
    assert station_devices.scanners(ScannerSettings()) == []  # auto-discovery only when HID POS is enabled


@pytest.mark.req("DEVC-5")
@pytest.mark.parametrize("engine_name", ["sqlite"])
@pytest.mark.parametrize(
    ("content", "problem"),
    [
        ("{not json", "cannot read "),
        (json.dumps(printer(language="EPL")), "devices.json: printers[0] 'Zebra 1': language must be ZPL or TSPL"),
        (json.dumps(printer(lot_label_template="pallet@v3")),
         "devices.json: printer 'Zebra 1': there is no label template pallet@v3: use one of material-lot-zh@v1, "
         "material-lot@v1, material-lot@v2, udi-device-zh@v1, udi-device@v1, udi-device@v2"),
    ],
)
def test_a_broken_devices_file_leaves_the_station_running_without_printers(
    engine_name: str, db_url: str, content: str, problem: str
) -> None:
    device_settings_path().parent.mkdir(parents=True, exist_ok=True)
    device_settings_path().write_text(content, encoding="utf-8")
    ctx = bootstrap.open_context(db_url, settings=Settings(), hasher=FAST_HASHER)
    try:
        assert ctx.devices.problem is not None and ctx.devices.problem.startswith(problem)
        assert ctx.devices.labels.printers() == [] and ctx.devices.labels.default_printer is None
        assert ctx.devices.scanner_settings == ScannerSettings()
    finally:
        ctx.dispose()


@pytest.mark.req("DEVC-5")
@pytest.mark.parametrize("engine_name", ["sqlite"])
def test_the_context_uses_the_stations_devices_file(engine_name: str, db_url: str) -> None:
    save_device_settings(DeviceSettings(printers=(ZEBRA,), default_printer="Zebra 1"))
    ctx = bootstrap.open_context(db_url, settings=Settings(), hasher=FAST_HASHER)
    try:
        assert ctx.devices.problem is None
        [info] = ctx.devices.labels.printers()
        assert (info.name, info.language, info.transport, info.dpi) == ("Zebra 1", "ZPL", "10.0.0.7:9100", 203)
        assert ctx.devices.labels.default_printer == "Zebra 1"
        assert ctx.devices.print_queue.templates() == [  # the Chinese captions (issue 14) beside the English
            "material-lot-zh@v1", "material-lot@v1", "material-lot@v2", "udi-device-zh@v1", "udi-device@v1",
            "udi-device@v2"]
    finally:
        ctx.dispose()
