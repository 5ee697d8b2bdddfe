"""The scanner simulator (Tools > Scanner simulator): scans without hardware, for the demo and for developers.

Shown when the station's devices.json enables the simulator (`"simulator": true`, a check box in Tools >
Station devices): a production station shows no such window by accident. It sends a barcode two ways, both
through the real paths a scanner takes:

- "Send as wedge burst": key presses at scanner speed into the field that has the focus in the main window
  or the open dialog, through the application-wide keyboard-wedge filter (needs the wedge on);
- "Send as HID scan": through the simulated HID POS scanner (`devices.simulator.SimulatedScanner`), its
  bridge and the scan router, with the AIM symbology identifier beside the data as HID POS reports it.

"Unplug" and "Plug in" show the status bar's disconnected and reconnecting states. The sample buttons fill in
barcodes made from this site's data (`app.demo.scan_samples`). The field shows the GS separator as <GS>.

A dialog such as Receive lot is modal and would block this window; the window stays usable by making itself
the dialog's transient child when the dialog blocks it (a scanner is a separate device, after all).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QGridLayout, QGroupBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from app.demo.scan_samples import SampleScan, SampleScans, sample_scans
from app.ports import SimulatedScannerPort
from domain.barcodes import GS
from domain.scanners import ScannerState
from domain.users import Actor
from ui.shell.task_runner import Runner
from ui.widgets.message_label import MessageLabel
from ui.widgets.widget_parts import line_edit, push_button

if TYPE_CHECKING:
    from app.services import Services

GS_SHOWN = "<GS>"


def shown_text(data: str) -> str:
    return data.replace(GS, GS_SHOWN)


def scanned_text(shown: str) -> str:
    return shown.replace(GS_SHOWN, GS)


class ScannerSimulatorWindow(QWidget):
    """`send_wedge(text)` types a burst into the focused field (None: the wedge is off at this station)."""

    def __init__(self, ctx: Services, runner: Runner, actor: Actor, simulator: SimulatedScannerPort | None,
                 send_wedge: Callable[[str], None] | None, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("scannerSimulator")
        self.setWindowTitle(self.tr("Scanner simulator"))
        self.ctx, self.runner, self.actor = ctx, runner, actor
        self.simulator, self.send_wedge = simulator, send_wedge
        self.samples = SampleScans(None, None, None)
        self.blocked = False  # blocked by a modal dialog right now (then it makes itself the dialog's child)
        self.text = line_edit("simulatorText", self.tr("a barcode as the scanner sends it; <GS> for the separator"))
        self.sample_buttons = {
            "supplier": push_button(self.tr("Supplier label"), "simulatorSupplier", lambda: self._use("supplier")),
            "lot": push_button(self.tr("Our last lot"), "simulatorLastLot", lambda: self._use("lot")),
            "udi": push_button(self.tr("Finished lot UDI"), "simulatorUdi", lambda: self._use("udi")),
        }
        samples = QGroupBox(self.tr("Samples from this site"))
        sample_row = QHBoxLayout(samples)
        for button in self.sample_buttons.values():
            sample_row.addWidget(button)
        sample_row.addWidget(push_button(self.tr("Refresh"), "simulatorRefresh", self.load_samples))
        self.wedge_button = push_button(self.tr("Send as wedge burst"), "simulatorSendWedge", self.send_as_wedge)
        self.hid_button = push_button(self.tr("Send as HID scan"), "simulatorSendHid", self.send_as_hid)
        self.unplug_button = push_button(self.tr("Unplug"), "simulatorUnplug", self.unplug)
        self.plug_button = push_button(self.tr("Plug in"), "simulatorPlugIn", self.plug_in)
        self.state = QLabel()
        self.state.setObjectName("simulatorState")
        self.message = MessageLabel(self, object_name="simulatorMessage")
        grid = QGridLayout()
        grid.addWidget(self.wedge_button, 0, 0)
        grid.addWidget(self.hid_button, 0, 1)
        grid.addWidget(self.unplug_button, 1, 0)
        grid.addWidget(self.plug_button, 1, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addWidget(samples)
        layout.addLayout(grid)
        layout.addWidget(self.state)
        layout.addWidget(self.message)
        if send_wedge is None:
            self.wedge_button.setEnabled(False)
            self.wedge_button.setToolTip(self.tr("The keyboard wedge is off at this station (Tools > Station "
                                                 "devices)."))
        self.update_state()
        self.resize(520, 220)
        self.load_samples()

    # --- samples --------------------------------------------------------------------------------------------
    def load_samples(self) -> None:
        ctx, actor = self.ctx, self.actor
        self.runner.run(lambda: sample_scans(ctx.read_uow(), actor), on_done=self._samples_loaded,
                        on_error=self.message.show_error)

    def _samples_loaded(self, samples: SampleScans) -> None:
        self.samples = samples
        captions = {
            "supplier": (samples.supplier_label, self.tr("Supplier label: {subject}")),
            "lot": (samples.last_lot, self.tr("Our last lot: {subject}")),
            "udi": (samples.finished_udi, self.tr("Finished lot UDI: {subject}")),
        }
        for key, (sample, caption) in captions.items():
            button = self.sample_buttons[key]
            button.setEnabled(sample is not None)
            if sample is not None:
                button.setText(caption.format(subject=sample.subject))

    def sample(self, key: str) -> SampleScan | None:
        return {"supplier": self.samples.supplier_label, "lot": self.samples.last_lot,
                "udi": self.samples.finished_udi}[key]

    def _use(self, key: str) -> None:
        sample = self.sample(key)
        if sample is not None:
            self.text.setText(shown_text(sample.text))

    # --- sending --------------------------------------------------------------------------------------------
    def send_as_wedge(self) -> None:
        text = scanned_text(self.text.text())
        if not text or self.send_wedge is None:
            return
        self.message.show_info(self.tr("Sent {n} keys at scanner speed.").format(n=len(text)))
        self.send_wedge(text)

    def send_as_hid(self) -> None:
        text = scanned_text(self.text.text())
        if not text or self.simulator is None:
            return
        symbology, data = (text[:3], text[3:]) if text.startswith("]") and len(text) > 3 else (None, text)
        if self.simulator.emit(data, symbology) is None:
            self.message.show_error(self.tr("Not sent: the simulated scanner is unplugged or stopped."))
        else:
            self.message.show_info(self.tr("Sent as a HID scan."))

    def unplug(self) -> None:
        if self.simulator is not None:
            self.simulator.unplug()
        self.update_state()

    def plug_in(self) -> None:
        if self.simulator is not None:
            self.simulator.plug_in()
        self.update_state()

    def update_state(self) -> None:
        status = self.simulator.status if self.simulator is not None else None
        connected = status is not None and status.state is ScannerState.CONNECTED
        self.hid_button.setEnabled(connected)
        self.unplug_button.setEnabled(connected)
        self.plug_button.setEnabled(status is not None and not connected)
        if self.simulator is None:
            self.state.setText(self.tr("No simulated HID scanner: enable the simulator in Tools > Station devices."))
        else:
            self.state.setText(self.tr("Simulated HID scanner: {state}").format(
                state=self.tr("connected") if connected else self.tr("unplugged")))

    # --- staying usable next to a modal dialog --------------------------------------------------------------
    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.WindowBlocked:
            self.blocked = True
            modal = QGuiApplication.modalWindow()
            handle = self.windowHandle()
            if modal is not None and handle is not None and modal is not handle:
                handle.setTransientParent(modal)  # Qt unblocks a modal window's transient children
        elif event.type() == QEvent.Type.WindowUnblocked:
            self.blocked = False
        return super().event(event)
