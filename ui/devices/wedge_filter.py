"""The application-wide keyboard-wedge filter (DEVC-2): scans become `scanned` signals wherever the focus
is, and never land as typed text in a form field; typing by hand reaches the widget unchanged.

Installed on the QApplication, the filter sees every key press before any widget. Text keys are held
while `WedgeBurstDetector` decides; keys that turn out to be a scan are swallowed and the scan is emitted;
keys that were typing are re-sent, in order, to the object they were meant for. Keys that are not text
(arrows, Backspace, shortcuts with Ctrl/Alt) first settle what is held, then pass, so order is kept.
Modifier presses (a wedge presses Shift for capitals) and auto-repeat never count as a burst.

GS separator: wedges send ASCII 29 as Ctrl+] (the text of that key is 0x1D on X11 and Windows; we map the
key combination too, for platforms that give no text) or as an Alt+keypad "029" sequence, which Windows
composes into a character itself; elsewhere the digits are taken and composed here when Alt is released. Textual
substitutes (``<GS>``, ``^]``...) are left to the barcode parser. The Alt and digit keys of such a sequence, and
the Shift a wedge presses for capitals, keep a held chain alive (`WedgeBurstDetector.touch`): the five key
presses of an Alt code take a slower scanner longer than the gap allowed between two characters, and a scan
must not be split at its GS.

Password fields are never held: what is typed there reaches the field at once, however fast (a password
manager types like a scanner), and a password is never taken for a scan.

Timestamps come from the key events (the window system stamps them when the key is pressed, so a busy GUI
thread that delivers keys late does not make typing look like a burst), or from `clock` when given.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable
from datetime import UTC, datetime

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication, QKeyEvent
from PySide6.QtWidgets import QApplication, QLineEdit

from app.ports import WedgeDetector
from domain.barcodes import GS, Scan
from domain.scanners import Decision, ReleaseTyping, ScanBurst

_MODIFIER_KEYS = frozenset(
    {Qt.Key.Key_Shift, Qt.Key.Key_Control, Qt.Key.Key_Alt, Qt.Key.Key_AltGr, Qt.Key.Key_Meta, Qt.Key.Key_CapsLock}
)
_CONTROL_TEXT = frozenset({"\r", "\n", "\t", GS})
_KEYPAD_DIGITS = {getattr(Qt.Key, f"Key_{digit}"): str(digit) for digit in range(10)}


class KeyboardWedgeFilter(QObject):
    scanned = Signal(object)  # Scan

    def __init__(
        self,
        detector: WedgeDetector,
        *,
        source: str = "keyboard wedge",
        clock: Callable[[], float] | None = None,
        compose_alt_codes: bool | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        # Windows composes Alt+keypad codes itself (the character then arrives as a key with text)
        self.compose_alt_codes = (
            QGuiApplication.platformName() != "windows" if compose_alt_codes is None else compose_alt_codes
        )
        self.detector = detector  # the station's settings decide it: `Services.devices.wedge_detector()`
        self.source = source
        self._clock = clock
        self._held: list[tuple[QObject, QKeyEvent]] = []
        self._replaying = False
        self._alt_digits = ""
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(math.ceil(self.detector.max_interkey_ms) + 1)
        self._timer.timeout.connect(self._on_timeout)

    def install(self, app: QCoreApplication) -> None:
        app.installEventFilter(self)

    def uninstall(self, app: QCoreApplication) -> None:
        app.removeEventFilter(self)
        self._apply(self.detector.flush())

    def eventFilter(self, receiver: QObject, event: QEvent) -> bool:
        if self._replaying or not isinstance(event, QKeyEvent):
            return False
        if event.type() == QEvent.Type.KeyPress:
            return self._key_press(receiver, event)
        if event.type() == QEvent.Type.KeyRelease and event.key() == Qt.Key.Key_Alt and self._alt_digits:
            code, self._alt_digits = self._alt_digits, ""
            self._take(receiver, None, chr(int(code) % 256), self._timestamp(event))
        return False

    # --- key presses ---------------------------------------------------------------------------------

    def _key_press(self, receiver: QObject, event: QKeyEvent) -> bool:
        key = event.key()
        modifiers = event.modifiers()
        if _is_secret(receiver):
            self._settle()
            return False  # a password reaches its field at once and is never a scan
        if key in _MODIFIER_KEYS:
            self._keep_alive(event)  # Shift pressed by the wedge for a capital letter is part of the burst
            return False
        alt_keypad = modifiers & Qt.KeyboardModifier.AltModifier and modifiers & Qt.KeyboardModifier.KeypadModifier
        if alt_keypad and key in _KEYPAD_DIGITS:
            self._keep_alive(event)
            if not self.compose_alt_codes:
                return False  # the platform composes the character and sends it as a key of its own
            self._alt_digits += _KEYPAD_DIGITS[key]
            return True  # taken here, or the parent widgets would see (and count) the digit again
        char = self._scan_character(event)
        if char is None or event.isAutoRepeat():
            self._settle()
            return False
        self._alt_digits = ""  # the platform composed the Alt+keypad character itself
        self._take(receiver, event, char, self._timestamp(event))
        return True

    @staticmethod
    def _scan_character(event: QKeyEvent) -> str | None:
        """The character a key press contributes to a scan, or None for keys that are not text."""
        modifiers = event.modifiers()
        if modifiers & Qt.KeyboardModifier.ControlModifier and event.key() == Qt.Key.Key_BracketRight:
            return GS
        text = event.text()
        if len(text) != 1:
            return None
        if text in _CONTROL_TEXT:
            return text
        chord = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier | Qt.KeyboardModifier.MetaModifier
        if modifiers & chord or not text.isprintable():
            return None
        return text

    def _take(self, receiver: QObject, event: QKeyEvent | None, char: str, timestamp_ms: float) -> None:
        decisions = self.detector.key(char, timestamp_ms)
        if event is not None:
            self._held.append((receiver, event.clone()))
        else:  # a character composed from Alt+keypad: re-sent as a key press of its own if it was typing
            self._held.append((receiver, QKeyEvent(QEvent.Type.KeyPress, 0, Qt.KeyboardModifier.NoModifier, char)))
        self._apply(decisions)
        if self._held:
            self._timer.start()
        else:
            self._timer.stop()

    def _keep_alive(self, event: QKeyEvent) -> None:
        self._apply(self.detector.touch(self._timestamp(event)))
        if self._held:
            self._timer.start()

    def _settle(self) -> None:
        self._timer.stop()
        self._apply(self.detector.flush())

    def _on_timeout(self) -> None:
        self._apply(self.detector.flush())

    def _apply(self, decisions: list[Decision]) -> None:
        for decision in decisions:
            taken, self._held = self._held[: decision.count], self._held[decision.count :]
            if isinstance(decision, ScanBurst):
                self.scanned.emit(Scan(decision.data, None, self.source, datetime.now(UTC)))
            elif isinstance(decision, ReleaseTyping):
                for receiver, event in taken:
                    self._replay(receiver, event)

    def _replay(self, receiver: QObject, event: QKeyEvent) -> None:
        self._replaying = True
        try:
            QCoreApplication.sendEvent(receiver, event)
        except RuntimeError:  # the widget was closed while its key was held
            pass
        finally:
            self._replaying = False

    def _timestamp(self, event: QKeyEvent) -> float:
        if self._clock is not None:
            return self._clock()
        stamp = event.timestamp()
        return float(stamp) if stamp else time.monotonic() * 1000.0


def _is_secret(receiver: QObject) -> bool:
    """The key goes to a password field (the window system delivers it to the window first, then to the
    focused widget: both are asked)."""
    return any(isinstance(target, QLineEdit) and target.echoMode() != QLineEdit.EchoMode.Normal
               for target in (receiver, QApplication.focusWidget()))
