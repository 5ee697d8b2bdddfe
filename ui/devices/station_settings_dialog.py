"""Tools > Station devices... (DEVC-1, DEVC-2, DEVC-5): this station's scanners and label printers, kept in
devices.json beside settings.json (app/station_settings.py).

What is typed is checked exactly as the file is when the station starts (`device_settings_from_dict`), so a
refusal names the entry, e.g. "devices.json: printers[0] 'Zebra 1': transport tcp needs host:port". Saving
applies the settings at once (`ctx.devices.apply`), which is refused while print jobs are still open: they
would otherwise be left in a queue nobody sends. Prefix and suffix are shown with escapes (\\r for Enter).
"""

from __future__ import annotations

from dataclasses import asdict
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QListWidget,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.station_settings import (
    DEFAULT_LOT_TEMPLATE,
    DEFAULT_UDI_TEMPLATE,
    DEVICES_VERSION,
    DPIS,
    LANGUAGES,
    TRANSPORT_KINDS,
    DeviceSettings,
    device_settings_from_dict,
    save_device_settings,
)
from domain.errors import DomainError, ValidationError
from ui.shell.task_runner import Runner
from ui.widgets.form_dialog import FormDialog
from ui.widgets.widget_parts import line_edit, push_button

if TYPE_CHECKING:
    from app.services import Services


def escaped(text: str) -> str:
    return text.encode("unicode_escape").decode("ascii")


def unescaped(text: str, what: str) -> str:
    try:
        return text.encode("latin-1", "backslashreplace").decode("unicode_escape")
    except UnicodeDecodeError:
        raise ValidationError(QCoreApplication.translate(
            "StationSettingsDialog", "devices.json: scanners.wedge.{what}: '{text}' is not valid (write Enter as \\r)"
        ).format(what=what, text=text)) from None


def _combo(name: str, values: list[tuple[str, object]]) -> QComboBox:
    combo = QComboBox()
    combo.setObjectName(name)
    for text, data in values:
        combo.addItem(text, data)
    return combo


class StationSettingsDialog(FormDialog[DeviceSettings]):
    """`ask(ctx, runner, parent)`: the saved and applied settings, or None when the user cancels."""

    def __init__(self, ctx: Services, runner: Runner, parent: QWidget | None = None) -> None:
        super().__init__(runner, name="stationSettings", title=self.tr("Station devices"), ok_text=self.tr("Save"),
                         parent=parent)
        self.ctx = ctx
        current = ctx.devices.settings
        self._printers: list[dict[str, Any]] = [
            {**asdict(p), "transport": asdict(p.transport)} for p in current.printers]
        self._row = -1
        self.templates = list(ctx.devices.labels.station.templates())
        tabs = QTabWidget()
        tabs.addTab(self._scanner_tab(current), self.tr("Scanners"))
        tabs.addTab(self._printer_tab(current), self.tr("Label printers"))
        self.body.addWidget(tabs, 1)
        self.finish()
        if ctx.devices.problem:
            self.message.show_error(self.tr("The saved settings could not be used: {problem} Saving replaces them.")
                                    .format(problem=ctx.devices.problem))
        self.printer_list.setCurrentRow(0 if self._printers else -1)
        self._update_printer_form()
        self.resize(620, 520)

    # --- scanners -------------------------------------------------------------------------------------------
    def _scanner_tab(self, current: DeviceSettings) -> QWidget:
        wedge, hid = current.scanners.wedge, current.scanners.hid_pos
        self.wedge_enabled = QCheckBox(self.tr("Keyboard-wedge scanners (told from typing by key timing)"))
        self.wedge_enabled.setObjectName("wedgeEnabled")
        self.wedge_enabled.setChecked(wedge.enabled)
        self.wedge_interkey = QDoubleSpinBox()
        self.wedge_interkey.setObjectName("wedgeInterkey")
        self.wedge_interkey.setRange(1, 1000)
        self.wedge_interkey.setSuffix(" ms")
        self.wedge_interkey.setValue(wedge.max_interkey_ms)
        self.wedge_min_length = QSpinBox()
        self.wedge_min_length.setObjectName("wedgeMinLength")
        self.wedge_min_length.setRange(0, 1000)
        self.wedge_min_length.setValue(wedge.min_length)
        self.wedge_prefix = line_edit("wedgePrefix", self.tr("none"))
        self.wedge_prefix.setText(escaped(wedge.prefix))
        self.wedge_suffix = line_edit("wedgeSuffix", self.tr("none; \\r is Enter"))
        self.wedge_suffix.setText(escaped(wedge.suffix))
        wedge_box = QGroupBox(self.tr("Keyboard wedge"))
        wedge_form = QFormLayout(wedge_box)
        wedge_form.addRow(self.wedge_enabled)
        wedge_form.addRow(self.tr("Longest gap between a scanner's keys"), self.wedge_interkey)
        wedge_form.addRow(self.tr("Shortest scan (characters)"), self.wedge_min_length)
        wedge_form.addRow(self.tr("Prefix the scanner sends"), self.wedge_prefix)
        wedge_form.addRow(self.tr("Suffix the scanner sends"), self.wedge_suffix)
        self.hid_enabled = QCheckBox(self.tr("USB HID POS scanner"))
        self.hid_enabled.setObjectName("hidEnabled")
        self.hid_enabled.setChecked(hid.enabled)
        self.hid_vendor = line_edit("hidVendor", self.tr("auto: the first HID POS scanner found"))
        self.hid_vendor.setText("" if hid.vendor_id is None else f"0x{hid.vendor_id:04x}")
        self.hid_product = line_edit("hidProduct", self.tr("any product of that vendor"))
        self.hid_product.setText("" if hid.product_id is None else f"0x{hid.product_id:04x}")
        hid_box = QGroupBox(self.tr("HID POS"))
        hid_form = QFormLayout(hid_box)
        hid_form.addRow(self.hid_enabled)
        hid_form.addRow(self.tr("Vendor ID"), self.hid_vendor)
        hid_form.addRow(self.tr("Product ID"), self.hid_product)
        self.simulator = QCheckBox(self.tr("Scanner simulator (demo and development: Tools > Scanner simulator)"))
        self.simulator.setObjectName("simulatorEnabled")
        self.simulator.setChecked(current.scanners.simulator)
        tab = QWidget()
        layout = QVBoxLayout(tab)
        layout.addWidget(wedge_box)
        layout.addWidget(hid_box)
        layout.addWidget(self.simulator)
        layout.addStretch(1)
        return tab

    # --- printers -------------------------------------------------------------------------------------------
    def _printer_tab(self, current: DeviceSettings) -> QWidget:
        self.printer_list = QListWidget()
        self.printer_list.setObjectName("printerList")
        for printer in self._printers:
            self.printer_list.addItem(printer["name"])
        self.printer_list.currentRowChanged.connect(self._printer_chosen)
        self.printer_name = line_edit("printerName")
        self.printer_name.textEdited.connect(self._name_edited)
        self.printer_language = _combo("printerLanguage", [(language, language) for language in LANGUAGES])
        kinds = {"tcp": self.tr("network (host:port)"), "device": self.tr("USB printer device"),
                 "spooler": self.tr("system print queue"), "file": self.tr("file (demo, tests)")}
        self.printer_transport = _combo("printerTransport", [(kinds.get(kind, kind), kind) for kind in TRANSPORT_KINDS])
        self.printer_target = line_edit("printerTarget", self.tr("e.g. 192.168.1.50:9100, /dev/usb/lp0, Zebra_ZD421"))
        self.printer_dpi = _combo("printerDpi", [(str(dpi), dpi) for dpi in DPIS])
        self.printer_lot_template = _combo("printerLotTemplate", [(t, t) for t in self.templates])
        self.printer_udi_template = _combo("printerUdiTemplate", [(t, t) for t in self.templates])
        self.printer_check_status = QCheckBox(self.tr("Ask the printer for its status before each label"))
        self.printer_check_status.setObjectName("printerCheckStatus")
        self.printer_form = QGroupBox(self.tr("Printer"))
        form = QFormLayout(self.printer_form)
        form.addRow(self.tr("Name"), self.printer_name)
        form.addRow(self.tr("Language"), self.printer_language)
        form.addRow(self.tr("Connection"), self.printer_transport)
        form.addRow(self.tr("Address"), self.printer_target)
        form.addRow(self.tr("Resolution (dpi)"), self.printer_dpi)
        form.addRow(self.tr("Lot label"), self.printer_lot_template)
        form.addRow(self.tr("UDI label"), self.printer_udi_template)
        form.addRow(self.printer_check_status)
        self.default_printer = _combo("defaultPrinter", [])
        buttons = QHBoxLayout()
        buttons.addWidget(push_button(self.tr("Add printer"), "addPrinter", self.add_printer))
        buttons.addWidget(push_button(self.tr("Remove printer"), "removePrinter", self.remove_printer))
        buttons.addStretch(1)
        default_row = QFormLayout()
        default_row.addRow(self.tr("Default printer (receipts print on it)"), self.default_printer)
        tab = QWidget()
        layout = QVBoxLayout(tab)
        top = QHBoxLayout()
        top.addWidget(self.printer_list, 1)
        top.addWidget(self.printer_form, 2)
        layout.addLayout(top, 1)
        layout.addLayout(buttons)
        layout.addLayout(default_row)
        self._fill_default_printers(current.default_printer)
        return tab

    def _printer_chosen(self, row: int) -> None:
        self._keep_form()
        self._row = row
        self._update_printer_form()

    def _update_printer_form(self) -> None:
        printer = self._printers[self._row] if 0 <= self._row < len(self._printers) else None
        self.printer_form.setEnabled(printer is not None)
        if printer is None:
            return
        self.printer_name.setText(printer["name"])
        for combo, value in ((self.printer_language, printer["language"]),
                             (self.printer_transport, printer["transport"]["kind"]),
                             (self.printer_dpi, printer["dpi"]),
                             (self.printer_lot_template, printer["lot_label_template"]),
                             (self.printer_udi_template, printer["udi_label_template"])):
            combo.setCurrentIndex(max(combo.findData(value), 0))
        self.printer_target.setText(printer["transport"]["target"])
        self.printer_check_status.setChecked(printer["check_status"])

    def _keep_form(self) -> None:
        """What the form shows, into the printer being edited."""
        if not 0 <= self._row < len(self._printers):
            return
        self._printers[self._row] = {
            "name": self.printer_name.text().strip(), "language": self.printer_language.currentData(),
            "transport": {"kind": self.printer_transport.currentData(), "target": self.printer_target.text().strip()},
            "dpi": self.printer_dpi.currentData(), "lot_label_template": self.printer_lot_template.currentData(),
            "udi_label_template": self.printer_udi_template.currentData(),
            "check_status": self.printer_check_status.isChecked(),
        }

    def _name_edited(self, text: str) -> None:
        item = self.printer_list.item(self._row)
        if item is not None:
            item.setText(text.strip())
        self._keep_form()
        self._fill_default_printers(self.default_printer.currentData())

    def _fill_default_printers(self, wanted: object) -> None:
        self.default_printer.clear()
        self.default_printer.addItem(self.tr("(none: receipts print no label)"), None)
        for printer in self._printers:
            self.default_printer.addItem(printer["name"], printer["name"])
        self.default_printer.setCurrentIndex(max(self.default_printer.findData(wanted), 0))

    def add_printer(self) -> None:
        self._keep_form()
        names = {p["name"] for p in self._printers}
        name = next(f"Printer {n}" for n in range(1, len(names) + 2) if f"Printer {n}" not in names)
        self._printers.append({"name": name, "language": "ZPL", "transport": {"kind": "tcp", "target": ""},
                               "dpi": 203, "lot_label_template": DEFAULT_LOT_TEMPLATE,
                               "udi_label_template": DEFAULT_UDI_TEMPLATE, "check_status": True})
        self.printer_list.addItem(name)
        self._fill_default_printers(self.default_printer.currentData() or (name if len(self._printers) == 1 else None))
        self.printer_list.setCurrentRow(len(self._printers) - 1)
        self.printer_name.setFocus()

    def remove_printer(self) -> None:
        row = self.printer_list.currentRow()
        if not 0 <= row < len(self._printers):
            return
        self._row = -1  # the form's values belong to the printer being removed
        del self._printers[row]
        self.printer_list.takeItem(row)
        self._row = self.printer_list.currentRow()
        self._update_printer_form()
        self._fill_default_printers(self.default_printer.currentData())

    # --- saving ---------------------------------------------------------------------------------------------
    def settings_typed(self) -> DeviceSettings:
        """The settings as typed, checked as devices.json is; ValidationError names the wrong entry."""
        self._keep_form()
        raw = {
            "version": DEVICES_VERSION,
            "scanners": {
                "wedge": {"enabled": self.wedge_enabled.isChecked(), "max_interkey_ms": self.wedge_interkey.value(),
                          "min_length": self.wedge_min_length.value(),
                          "prefix": unescaped(self.wedge_prefix.text(), "prefix"),
                          "suffix": unescaped(self.wedge_suffix.text(), "suffix")},
                "hid_pos": {"enabled": self.hid_enabled.isChecked(),
                            "vendor_id": self.hid_vendor.text().strip() or None,
                            "product_id": self.hid_product.text().strip() or None},
                "simulator": self.simulator.isChecked(),
            },
            "printers": [dict(p) for p in self._printers],
            "default_printer": self.default_printer.currentData(),
        }
        return device_settings_from_dict(raw, "devices.json")

    def submit(self) -> None:
        try:
            settings = self.settings_typed()
        except DomainError as error:
            self.fail(error)
            return
        devices = self.ctx.devices

        def apply_and_save() -> DeviceSettings:
            devices.apply(settings)  # refused, with nothing changed, while print jobs are open
            save_device_settings(settings)
            return settings

        self.run(apply_and_save, database=False)
