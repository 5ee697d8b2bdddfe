"""What a scanner reports besides scans: its connection state, and the keyboard-wedge detector's decisions.

Plain values shared by the scanner backends (devices/) and the screens that show them (ui/), which never
import each other.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum


class ScannerState(Enum):
    STOPPED = "stopped"
    CONNECTED = "connected"
    DISCONNECTED = "disconnected"
    RECONNECTING = "reconnecting"


@dataclass(frozen=True)
class ScannerStatus:
    state: ScannerState
    message: str = ""


@dataclass(frozen=True)
class ReleaseTyping:
    """The oldest `count` held keys were typed by hand: deliver them unchanged."""

    count: int


@dataclass(frozen=True)
class ScanBurst:
    """The oldest `count` held keys were a scan carrying `data` (prefix and suffix removed): swallow them."""

    count: int
    data: str


Decision = ReleaseTyping | ScanBurst
