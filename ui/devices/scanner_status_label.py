"""The status bar's scanner field (DEVC-1, DEVC-2): each scanner's connection state and the keyboard wedge,
e.g. "HID POS scanner: connected · Keyboard wedge: on". An unplugged HID scanner shows "disconnected,
reconnecting" until it is back; the details (which device, why) are in the tooltip."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget

from domain.scanners import ScannerState, ScannerStatus


class ScannerStatusLabel(QLabel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("statusScanners")
        self._states: dict[str, ScannerStatus] = {}
        self._wedge: bool | None = None
        self._show()

    def set_scanner(self, name: str, status: ScannerStatus) -> None:
        self._states[name] = status
        self._show()

    def remove_scanners(self) -> None:
        self._states.clear()
        self._show()

    def set_wedge(self, on: bool | None) -> None:
        """None: the wedge is not used in this session (no filter installed, e.g. in tests)."""
        self._wedge = on
        self._show()

    def _state_text(self, state: ScannerState) -> str:
        return {
            ScannerState.CONNECTED: self.tr("connected"),
            ScannerState.DISCONNECTED: self.tr("disconnected"),
            ScannerState.RECONNECTING: self.tr("disconnected, reconnecting…"),
            ScannerState.STOPPED: self.tr("stopped"),
        }[state]

    def _show(self) -> None:
        parts = [self.tr("{name}: {state}").format(name=name, state=self._state_text(status.state))
                 for name, status in self._states.items()]
        if self._wedge is not None:
            parts.append(self.tr("Keyboard wedge: on") if self._wedge else self.tr("Keyboard wedge: off"))
        self.setText(" · ".join(parts) if parts else self.tr("No scanner"))
        self.setToolTip("\n".join(
            self.tr("{name}: {state} ({details})").format(name=name, state=self._state_text(status.state),
                                                         details=status.message or "-")
            for name, status in self._states.items()))
        problem = any(s.state in (ScannerState.DISCONNECTED, ScannerState.RECONNECTING) for s in self._states.values())
        self.setStyleSheet("color: #b00020;" if problem else "")
