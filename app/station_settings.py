"""This station's scanners and label printers (DEVC-1, DEVC-2, DEVC-5): a typed, versioned, validated
`devices.json` beside `settings.json` in the station's config folder.

A file of its own because it is a different thing from settings.json: settings.json says which database
and which password policy the station uses; devices.json describes the hardware on this desk, edited by the
station settings dialog. It never holds a password (no transport needs one). Every refusal names the
file and the entry, e.g. ``devices.json: printers[0] 'Zebra 1': transport tcp needs host:port``.

    {
      "version": 1,
      "scanners": {
        "wedge": {"enabled": true, "max_interkey_ms": 30, "min_length": 6, "prefix": "", "suffix": "\\r"},
        "hid_pos": {"enabled": true, "vendor_id": "0x05e0", "product_id": null},
        "simulator": false
      },
      "printers": [
        {"name": "Zebra goods-in", "language": "ZPL", "transport": {"kind": "tcp", "target": "10.0.0.7:9100"},
         "dpi": 203, "lot_label_template": "material-lot@v2", "udi_label_template": "udi-device@v2",
         "check_status": true}
      ],
      "default_printer": "Zebra goods-in"
    }

HID POS: no vendor_id finds the first scanner by its HID usage page (0x8C); IDs are numbers or "0x..." text.
Transports: ``tcp`` host:port (raw port 9100), ``device`` a USB printer device such as /dev/usb/lp0,
``spooler`` the name of an OS print queue, ``file`` a file the labels are appended to (demo, tests).
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from app.settings import config_dir
from domain.errors import ValidationError
from domain.i18n import N_, _
from domain.printing import split_template_id

DEVICES_VERSION = 1
LANGUAGES = ("ZPL", "TSPL")
TRANSPORT_KINDS = ("tcp", "device", "spooler", "file")
DPIS = (152, 203, 300, 600)
DEFAULT_LOT_TEMPLATE = "material-lot@v2"
DEFAULT_UDI_TEMPLATE = "udi-device@v2"


@dataclass(frozen=True)
class WedgeSettings:
    """Keyboard-wedge scanners: told from typing by keystroke timing (devices/wedge.py)."""

    enabled: bool = True
    max_interkey_ms: float = 30.0
    min_length: int = 6
    prefix: str = ""
    suffix: str = "\r"


@dataclass(frozen=True)
class HidPosSettings:
    """A USB HID POS scanner; without vendor_id the first one found by usage page 0x8C."""

    enabled: bool = False
    vendor_id: int | None = None
    product_id: int | None = None


@dataclass(frozen=True)
class ScannerSettings:
    wedge: WedgeSettings = field(default_factory=WedgeSettings)
    hid_pos: HidPosSettings = field(default_factory=HidPosSettings)
    simulator: bool = False  # the developer's and demo's scanner window


@dataclass(frozen=True)
class TransportSetting:
    kind: str  # tcp | device | spooler | file
    target: str  # host:port | device path | queue name | file path

    def tcp_address(self) -> tuple[str, int]:
        """(host, port) of a tcp transport; the port is 9100 when not given."""
        text = self.target.strip()
        host, port_text = text, "9100"
        if text.startswith("["):  # [IPv6]:port
            host, _bracket, rest = text[1:].partition("]")
            port_text = rest.removeprefix(":") or "9100"
        elif text.count(":") == 1:
            host, port_text = text.split(":")
        if not host or not port_text.isdigit() or not 1 <= int(port_text) <= 65535:
            raise ValidationError(_("transport tcp needs host:port such as 192.168.1.50:9100, not '{target}'",
                                    target=self.target))
        return host, int(port_text)

    @property
    def description(self) -> str:
        return f"{self.kind} {self.target}"


@dataclass(frozen=True)
class PrinterSettings:
    name: str
    language: str  # ZPL | TSPL
    transport: TransportSetting
    dpi: int = 203
    lot_label_template: str = DEFAULT_LOT_TEMPLATE  # material and intermediate lots
    udi_label_template: str = DEFAULT_UDI_TEMPLATE  # finished-device lots
    check_status: bool = True  # ask the printer (TCP only) before sending, so out-of-labels holds the job


@dataclass(frozen=True)
class DeviceSettings:
    version: int = DEVICES_VERSION
    scanners: ScannerSettings = field(default_factory=ScannerSettings)
    printers: tuple[PrinterSettings, ...] = ()
    default_printer: str | None = None

    def printer(self, name: str) -> PrinterSettings:
        for printer in self.printers:
            if printer.name == name:
                return printer
        raise ValidationError(_("this station has no printer named '{name}'", name=name))

    def with_changes(self, **changes: Any) -> DeviceSettings:
        return validate_device_settings(replace(self, **changes))


# --- validation -----------------------------------------------------------------------------------------


def validate_device_settings(s: DeviceSettings, where: str = "devices.json") -> DeviceSettings:
    if s.version != DEVICES_VERSION:
        raise ValidationError(_("{where}: version {version} is not supported (expected {devices_version})",
                                where=where, version=s.version, devices_version=DEVICES_VERSION))
    _check_scanners(s.scanners, where)
    names: set[str] = set()
    for index, printer in enumerate(s.printers):
        _check_printer(printer, f"{where}: printers[{index}] '{printer.name}'")
        if printer.name in names:
            raise ValidationError(_("{where}: two printers are named '{printer_name}'",
                                    where=where, printer_name=printer.name))
        names.add(printer.name)
    if s.default_printer is not None and s.default_printer not in names:
        raise ValidationError(_("{where}: the default printer '{default_printer}' is not one of the printers",
                                where=where, default_printer=s.default_printer))
    return s


def _check_scanners(s: ScannerSettings, where: str) -> None:
    wedge, hid = s.wedge, s.hid_pos
    if not 5 <= wedge.max_interkey_ms <= 200:
        raise ValidationError(_("{where}: scanners.wedge.max_interkey_ms must be between 5 and 200", where=where))
    if not 1 <= wedge.min_length <= 100:
        raise ValidationError(_("{where}: scanners.wedge.min_length must be between 1 and 100", where=where))
    for name, value in (("prefix", wedge.prefix), ("suffix", wedge.suffix)):
        if len(value) > 8:
            raise ValidationError(_("{where}: scanners.wedge.{name} may have at most 8 characters",
                                    where=where, name=name))
    for name, number in (("vendor_id", hid.vendor_id), ("product_id", hid.product_id)):
        if number is not None and not 0 <= number <= 0xFFFF:
            raise ValidationError(_("{where}: scanners.hid_pos.{name} must be between 0x0000 and 0xFFFF",
                                    where=where, name=name))
    if hid.product_id is not None and hid.vendor_id is None:
        raise ValidationError(_("{where}: scanners.hid_pos.product_id needs the vendor_id too", where=where))


def _check_printer(p: PrinterSettings, where: str) -> None:
    if not p.name.strip() or p.name != p.name.strip() or len(p.name) > 80:
        raise ValidationError(_("{where}: a printer needs a name of 1 to 80 characters without outer spaces",
                                where=where))
    if p.language not in LANGUAGES:
        raise ValidationError(_("{where}: language must be {choices}, not '{language}'",
                                where=where, choices=' or '.join(LANGUAGES), language=p.language))
    if p.dpi not in DPIS:
        raise ValidationError(_("{where}: dpi must be one of {choices}, not {dpi}",
                                where=where, choices=', '.join(map(str, DPIS)), dpi=p.dpi))
    for name, template in (("lot_label_template", p.lot_label_template), ("udi_label_template", p.udi_label_template)):
        try:
            split_template_id(template)
        except ValidationError as error:
            raise ValidationError(_("{where}: {name}: {error}", where=where, name=name, error=error)) from None
    kind, target = p.transport.kind, p.transport.target
    if kind not in TRANSPORT_KINDS:
        raise ValidationError(_("{where}: transport kind must be one of {choices}, not '{kind}'",
                                where=where, choices=', '.join(TRANSPORT_KINDS), kind=kind))
    if not target.strip():
        what = {"tcp": "host:port", "device": N_("a device path"), "spooler": N_("a print queue name"),
                "file": N_("a file path")}
        raise ValidationError(_("{where}: transport {kind} needs {what}", where=where, kind=kind, what=_(what[kind])))
    if kind == "tcp":
        try:
            p.transport.tcp_address()
        except ValidationError as error:
            raise ValidationError(_("{where}: {error}", where=where, error=error)) from None


# --- the file -------------------------------------------------------------------------------------------


def device_settings_path() -> Path:
    return config_dir() / "devices.json"


def load_device_settings(path: Path | None = None) -> DeviceSettings:
    """The station's devices; the defaults (wedge on, no printers) when the file does not exist."""
    path = path or device_settings_path()
    if not path.exists():
        return DeviceSettings()
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise ValidationError(_("cannot read {path}: {error}", path=path, error=error)) from None
    return device_settings_from_dict(raw, path.name)


def save_device_settings(settings: DeviceSettings, path: Path | None = None) -> Path:
    path = path or device_settings_path()
    text = json.dumps(device_settings_to_dict(validate_device_settings(settings, path.name)), indent=2)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    tmp.write_text(text, encoding="utf-8")
    tmp.replace(path)  # atomic: a crash never leaves half a file
    return path


def device_settings_to_dict(s: DeviceSettings) -> dict[str, Any]:
    hid = s.scanners.hid_pos
    return {
        "version": s.version,
        "scanners": {
            "wedge": vars(s.scanners.wedge).copy(),
            "hid_pos": {"enabled": hid.enabled, "vendor_id": _hex(hid.vendor_id), "product_id": _hex(hid.product_id)},
            "simulator": s.scanners.simulator,
        },
        "printers": [{**vars(p), "transport": vars(p.transport).copy()} for p in s.printers],
        "default_printer": s.default_printer,
    }


def device_settings_from_dict(raw: object, where: str = "devices.json") -> DeviceSettings:
    top = _object(raw, where, DeviceSettings)
    scanners = _object(top.pop("scanners", {}), f"{where}: scanners", ScannerSettings)
    wedge = _object(scanners.pop("wedge", {}), f"{where}: scanners.wedge", WedgeSettings)
    hid = _object(scanners.pop("hid_pos", {}), f"{where}: scanners.hid_pos", HidPosSettings)
    printers_raw = top.pop("printers", [])
    if not isinstance(printers_raw, list):
        raise ValidationError(_("{where}: printers must be a list", where=where))
    printers = []
    for index, item in enumerate(printers_raw):
        place = f"{where}: printers[{index}]"
        fields = _object(item, place, PrinterSettings)
        transport = _object(fields.pop("transport", None), f"{place}: transport", TransportSetting)
        printers.append(PrinterSettings(transport=TransportSetting(**_typed(transport, place, TransportSetting)),
                                        **_typed(fields, place, PrinterSettings)))
    hid = {k: _hid_number(v, f"{where}: scanners.hid_pos.{k}") if k.endswith("_id") else v for k, v in hid.items()}
    settings = DeviceSettings(
        scanners=ScannerSettings(WedgeSettings(**_typed(wedge, f"{where}: scanners.wedge", WedgeSettings)),
                                 HidPosSettings(**_typed(hid, f"{where}: scanners.hid_pos", HidPosSettings)),
                                 **_typed(scanners, f"{where}: scanners", ScannerSettings)),
        printers=tuple(printers),
        **_typed(top, where, DeviceSettings),
    )
    return validate_device_settings(settings, where)


_NESTED = {"scanners", "wedge", "hid_pos", "printers", "transport"}


def _object(raw: object, where: str, cls: Any) -> dict[str, Any]:
    """A JSON object holding only `cls`'s fields; every field but the nested ones optional."""
    if not isinstance(raw, dict):
        raise ValidationError(_("{where} must be a JSON object", where=where))
    unknown = sorted(set(raw) - set(cls.__dataclass_fields__))
    if unknown:
        raise ValidationError(_("{where}: unknown key(s) {choices}", where=where, choices=', '.join(unknown)))
    return dict(raw)


def _typed(values: Mapping[str, Any], where: str, cls: Any) -> dict[str, Any]:
    """Refuse a value of the wrong JSON type, naming the key (true is not a number, 3 is not text)."""
    declared = {name: str(f.type) for name, f in cls.__dataclass_fields__.items()}
    result: dict[str, Any] = {}
    for name, value in values.items():
        if name in _NESTED:
            continue
        kind = declared[name]
        ok = (
            (value is None and "None" in kind)
            or (kind.startswith("bool") and isinstance(value, bool))
            or (kind.startswith("int") and isinstance(value, int) and not isinstance(value, bool))
            or (kind.startswith("float") and isinstance(value, int | float) and not isinstance(value, bool))
            or (kind.startswith("str") and isinstance(value, str))
        )
        if not ok:
            raise ValidationError(_("{where}: {name} must be {type_names}, not {dumps}",
                                    where=where, name=name, type_names=_TYPE_NAMES[kind.split(' ')[0]],
                                    dumps=json.dumps(value)))
        result[name] = float(value) if kind.startswith("float") else value
    return result


_TYPE_NAMES = {"bool": "true or false", "int": "a whole number", "float": "a number", "str": "text"}


def _hid_number(value: object, where: str) -> int | None:
    if value is None or (isinstance(value, int) and not isinstance(value, bool)):
        return value
    if isinstance(value, str):
        try:
            return int(value, 16) if value.lower().startswith("0x") else int(value)
        except ValueError:
            pass
    raise ValidationError(_('{where} must be a number such as 1504 or "0x05e0", not {dumps}',
                            where=where, dumps=json.dumps(value)))


def _hex(number: int | None) -> str | None:
    return None if number is None else f"0x{number:04x}"
