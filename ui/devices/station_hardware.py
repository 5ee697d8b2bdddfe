"""This station's scanners and label printers in a logged-in session (DEVC-1..DEVC-6).

For the main window it: starts the station's scanners (`ctx.devices.scanners()`: the HID POS scanner, the
simulator) on the devices pool, each behind a `ScannerBridge` so their reader threads never touch a widget;
installs the application-wide `KeyboardWedgeFilter` when the station's wedge is on (`install_wedge`, from
ui/shell/application.py), paused while a password field has the focus; sends every scan to the `ScanRouter`; shows
scanner and printer state in the status bar; lets the print queue send on the devices pool (`labels.dispatch`);
adds Tools > Scanner simulator and Tools > Station devices... (administrators). Everything stops when the
session ends.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Signal, SignalInstance
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QLineEdit, QMenu, QWidget

from app.ports import Scanner, SimulatedScannerPort
from domain.scanners import ScannerStatus
from domain.users import Role
from ui.devices.printer_status_label import PrinterStatusLabel
from ui.devices.scan_router import ScanRouter
from ui.devices.scanner_bridge import ScannerBridge
from ui.devices.scanner_simulator_window import ScannerSimulatorWindow
from ui.devices.scanner_status_label import ScannerStatusLabel
from ui.devices.station_settings_dialog import StationSettingsDialog
from ui.devices.wedge_burst import send_wedge_burst
from ui.devices.wedge_filter import KeyboardWedgeFilter
from ui.shell.task_runner import user_message

if TYPE_CHECKING:
    from ui.shell.main_window import MainWindow

MESSAGE_MS = 15_000


def _emit_quietly(signal: SignalInstance, value: object) -> None:
    with contextlib.suppress(RuntimeError):  # the window is gone: the problem is logged by app.labels
        signal.emit(value)


class StationHardware(QObject):
    """`scanners` makes the scanner objects (default: the station's, from devices.json; tests pass doubles)."""

    _work = Signal(object)  # a callable for the devices pool, emitted from any thread
    _label_problem = Signal(str)

    def __init__(self, window: MainWindow, *, scanners: Callable[[], Sequence[Scanner]] | None = None) -> None:
        super().__init__(window)
        self.window = window
        self.ctx, self.runner, self.actor = window.ctx, window.runner, window.actor
        self._make_scanners = scanners or self.ctx.devices.scanners
        self.scanners: list[Scanner] = []
        self.bridges: list[ScannerBridge] = []
        self.simulator: SimulatedScannerPort | None = None
        self.simulator_window: ScannerSimulatorWindow | None = None
        self.wedge_filter: KeyboardWedgeFilter | None = None
        self._app: QCoreApplication | None = None
        self._wedge_paused = False  # a password field has the focus
        self._watching_focus = False
        self._stopped = False
        self.router = ScanRouter(self.ctx, self.runner, self.actor, self)
        self.router.open_requested.connect(window.open_scanned)
        self.router.message.connect(self.show_message)
        self.scanner_status = ScannerStatusLabel()
        labels = self.ctx.devices.labels
        self.printer_status = PrinterStatusLabel(labels, self.runner)
        window.statusBar().insertPermanentWidget(0, self.scanner_status)
        window.statusBar().insertPermanentWidget(1, self.printer_status)
        # The queue sends from whichever thread queued a label (a receipt: the database thread): hand the
        # sending to the devices pool through a queued signal, since the runner is the GUI thread's.
        self._work.connect(self._on_devices_pool)
        self._label_problem.connect(self._on_label_problem)
        labels.dispatch = self._dispatcher()
        problem_signal = self._label_problem
        labels.on_problem = lambda text: _emit_quietly(problem_signal, text)
        self._build_menu()
        window.session_ended.connect(lambda *_args: self.stop())
        window.idle_lock.lock_changed.connect(self._locked)
        if self.ctx.devices.problem:
            self.show_message(self.tr("Station devices: {problem} This station has no label printer until an "
                                      "administrator corrects it.").format(problem=self.ctx.devices.problem), True)
        self.start_scanners()

    # --- scanners -------------------------------------------------------------------------------------------
    def start_scanners(self) -> None:
        for scanner in self._make_scanners():
            bridge = ScannerBridge(scanner, self)
            bridge.scanned.connect(self.router.submit)
            bridge.status_changed.connect(lambda status, name=scanner.name: self._scanner_changed(name, status))
            bridge.problem.connect(lambda text: self.show_message(text, True))
            self.scanners.append(scanner)
            self.bridges.append(bridge)
            if isinstance(scanner, SimulatedScannerPort):
                self.simulator = scanner
            self.scanner_status.set_scanner(scanner.name, scanner.status)
            self.runner.run(scanner.start, on_error=self._device_failed, database=False)  # HID opens in its thread
        self.simulator_action.setVisible(self.simulator is not None)

    def stop_scanners(self) -> None:
        for scanner in self.scanners:
            scanner.on_scan = scanner.on_status = scanner.on_problem = None  # the bridges go now
            self.runner.run(scanner.stop, on_error=self._device_failed, database=False)  # HID joins its thread
        for bridge in self.bridges:
            bridge.deleteLater()
        self.scanners, self.bridges, self.simulator = [], [], None
        self.scanner_status.remove_scanners()
        if self.simulator_window is not None:
            self.simulator_window.close()
            self.simulator_window.deleteLater()
            self.simulator_window = None

    def _scanner_changed(self, name: str, status: ScannerStatus) -> None:
        self.scanner_status.set_scanner(name, status)
        if self.simulator_window is not None:
            self.simulator_window.update_state()

    # --- keyboard wedge -------------------------------------------------------------------------------------
    def install_wedge(self, app: QCoreApplication) -> None:
        """Watch every key press of the application for scanner bursts, if the station's wedge is on."""
        self._app = app
        detector = self.ctx.devices.wedge_detector()
        if detector is None:
            self.scanner_status.set_wedge(False)
            return
        self.wedge_filter = KeyboardWedgeFilter(detector, parent=self)
        self.wedge_filter.scanned.connect(self.router.submit)
        self.wedge_filter.install(app)
        self._wedge_paused = False
        if isinstance(app, QApplication) and not self._watching_focus:
            app.focusChanged.connect(self._focus_changed)
            self._watching_focus = True
        self.scanner_status.set_wedge(True)

    def _focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        """No wedge while a password field has the focus: a password manager types as fast as a scanner, and
        a password must reach its field, never the scan router."""
        if self.wedge_filter is None or self._app is None:
            return
        secret = isinstance(new, QLineEdit) and new.echoMode() != QLineEdit.EchoMode.Normal
        if secret and not self._wedge_paused:
            self.wedge_filter.uninstall(self._app)
            self._wedge_paused = True
        elif not secret and self._wedge_paused:
            self.wedge_filter.install(self._app)
            self._wedge_paused = False

    def remove_wedge(self) -> None:
        if self.wedge_filter is not None and self._app is not None:
            if not self._wedge_paused:
                self.wedge_filter.uninstall(self._app)
            self.wedge_filter.deleteLater()
        self.wedge_filter = None
        self._wedge_paused = False

    def send_wedge(self, text: str) -> None:
        """Type `text` at scanner speed into the focused field of the open dialog or the main window."""
        modal = QApplication.activeModalWidget()
        window: QWidget = modal if modal is not None else self.window
        wedge = self.ctx.devices.scanner_settings.wedge
        send_wedge_burst(window.focusWidget() or window, text, prefix=wedge.prefix, suffix=wedge.suffix)

    # --- menu -----------------------------------------------------------------------------------------------
    def _build_menu(self) -> None:
        menu = QMenu(self.tr("&Tools"), self.window.menuBar())
        self.window.menuBar().insertMenu(self.window.help_menu.menuAction(), menu)  # Help stays last
        menu.setObjectName("toolsMenu")
        self.simulator_action = QAction(self.tr("Scanner simulator"), self)
        self.simulator_action.setObjectName("actionScannerSimulator")
        self.simulator_action.triggered.connect(self.show_simulator)
        self.settings_action = QAction(self.tr("Station devices..."), self)
        self.settings_action.setObjectName("actionStationDevices")
        self.settings_action.triggered.connect(self.edit_station_devices)
        # Hardware settings of the station: administrators, as for its users (a printer pointed elsewhere
        # prints GMP labels elsewhere).
        self.settings_action.setVisible(Role.ADMINISTRATOR in self.actor.roles)
        menu.addAction(self.simulator_action)
        menu.addAction(self.settings_action)
        self.window.actions_by_name["actionScannerSimulator"] = self.simulator_action
        self.window.actions_by_name["actionStationDevices"] = self.settings_action

    def show_simulator(self) -> ScannerSimulatorWindow | None:
        if self.simulator is None:
            return None
        if self.simulator_window is None:
            self.simulator_window = ScannerSimulatorWindow(
                self.ctx, self.runner, self.actor, self.simulator,
                self.send_wedge if self.wedge_filter is not None else None, parent=self.window)
        self.simulator_window.show()
        self.simulator_window.raise_()
        return self.simulator_window

    def edit_station_devices(self) -> None:
        settings = StationSettingsDialog.ask(self.ctx, self.runner, parent=self.window)
        if settings is None:
            return
        self.reload()
        self.show_message(self.tr("Station devices saved and in use."), False)

    def reload(self) -> None:
        """Use the station's changed settings: new scanners, wedge timing and printers."""
        self.stop_scanners()
        app = self._app
        self.remove_wedge()
        self.start_scanners()
        if app is not None:
            self.install_wedge(app)
        self.printer_status.reload()

    # --- the rest -------------------------------------------------------------------------------------------
    def show_message(self, text: str, problem: bool = False) -> None:
        """In the notice band at the top of the window, where the eye is, and in the status bar's history."""
        self.window.notice.show_notice(text, problem, MESSAGE_MS)
        self.window.statusBar().showMessage(text, MESSAGE_MS * (2 if problem else 1))

    def _dispatcher(self) -> Callable[[Callable[[], object]], None]:
        work_signal = self._work

        def dispatch(work: Callable[[], object]) -> None:  # any thread
            try:
                work_signal.emit(work)
            except RuntimeError:  # the session's window is gone: send here rather than leave the job queued
                work()

        return dispatch

    def _on_label_problem(self, text: str) -> None:
        self.show_message(text, True)

    def _on_devices_pool(self, work: Callable[[], object]) -> None:
        self.runner.run(work, on_error=self._device_failed, database=False)

    def _device_failed(self, error: Exception) -> None:
        self.show_message(user_message(error), True)

    def _locked(self, locked: bool) -> None:
        # nothing of a record shows while the session is locked, the simulator's samples neither
        if self.simulator_window is not None and locked:
            self.simulator_window.hide()

    def stop(self) -> None:
        """The session ends: scanners stop (on the devices pool), the wedge filter goes, labels send inline."""
        if self._stopped:
            return
        self._stopped = True
        self.stop_scanners()
        self.remove_wedge()
        labels = self.ctx.devices.labels
        labels.dispatch = None
        labels.on_problem = None
