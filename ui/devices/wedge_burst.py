"""Key events as a keyboard-wedge scanner types a barcode (DEVC-2): for the scanner simulator window, the tests
and the scan benchmark, so that all of them go through the real application-wide `KeyboardWedgeFilter`.

A wedge scanner presses one key per character a few milliseconds apart, Shift for capitals, Ctrl+] for the
GS separator and Enter as its usual suffix. The events carry their own timestamps (as the window system
stamps real key presses), spaced `gap_ms` apart, so the filter sees scanner speed however busy the GUI
thread is when they are delivered.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent

from domain.barcodes import GS

SCANNER_GAP_MS = 4.0  # a typical wedge scanner: about 250 characters a second

_SPECIAL = {
    "\r": (Qt.Key.Key_Return, Qt.KeyboardModifier.NoModifier),
    "\n": (Qt.Key.Key_Enter, Qt.KeyboardModifier.NoModifier),
    "\t": (Qt.Key.Key_Tab, Qt.KeyboardModifier.NoModifier),
    GS: (Qt.Key.Key_BracketRight, Qt.KeyboardModifier.ControlModifier),  # Ctrl+] is ASCII 29
}


def _key(char: str) -> tuple[int, Qt.KeyboardModifier]:
    if char in _SPECIAL:
        key, modifiers = _SPECIAL[char]
        return int(key.value), modifiers
    upper = char.upper()
    # Qt's key codes for Latin-1 characters are the code points of their capital letters
    code = ord(upper) if len(upper) == 1 and ord(upper) < 0x100 else int(Qt.Key.Key_unknown.value)
    shift = Qt.KeyboardModifier.ShiftModifier if char != char.lower() else Qt.KeyboardModifier.NoModifier
    return code, shift


def wedge_key_events(text: str, *, gap_ms: float = SCANNER_GAP_MS, start_ms: float | None = None
                     ) -> list[QKeyEvent]:
    """A press and a release per character of `text` (prefix and suffix included), `gap_ms` apart."""
    start = time.monotonic() * 1000.0 if start_ms is None else start_ms
    events: list[QKeyEvent] = []
    for index, char in enumerate(text):
        key, modifiers = _key(char)
        stamp = max(1, round(start + index * gap_ms))  # 0 would mean "no timestamp" to the filter
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            event = QKeyEvent(kind, key, modifiers, char)
            event.setTimestamp(stamp)
            events.append(event)
    return events


def send_wedge_burst(receiver: QObject, data: str, *, prefix: str = "", suffix: str = "\r",
                     gap_ms: float = SCANNER_GAP_MS) -> None:
    """Type `data` into `receiver` (the focused widget) as a wedge scanner configured with `prefix` and
    `suffix` would; an installed `KeyboardWedgeFilter` turns it into a scan."""
    for event in wedge_key_events(prefix + data + suffix, gap_ms=gap_ms):
        QCoreApplication.sendEvent(receiver, event)
