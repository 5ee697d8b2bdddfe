"""After a write, say what changed (STYLE §6): one app-level signal, and each page refreshes only what it shows.

The page that made the change announces it; every open page (the one that wrote included) listens on the same
hub, so a lot released on the lot page also shows as released in an open batch or trace.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from PySide6.QtCore import QObject, Signal

ITEM, SUPPLIER, CUSTOMER, LOT, MBR, BATCH, SHIPMENT, RECALL = (
    "item", "supplier", "customer", "lot", "mbr", "batch", "shipment", "recall",
)
QC_RESULT, DEVIATION = "qc_result", "deviation"


@dataclass(frozen=True)
class Changes:
    """Which kinds of record a write touched, and (where known) which numbers."""

    kinds: frozenset[str]
    numbers: frozenset[str] = frozenset()

    @classmethod
    def of(cls, *kinds: str, numbers: Iterable[str] = ()) -> Changes:
        return cls(frozenset(kinds), frozenset(numbers))

    def touches(self, *kinds: str) -> bool:
        return not self.kinds.isdisjoint(kinds)


class ChangeHub(QObject):
    """`changed(Changes)` after every successful write from any page of the session."""

    changed = Signal(object)

    def announce(self, changes: Changes) -> None:
        self.changed.emit(changes)
