"""The interface of a printer language driver (ZPL II, TSPL): render a resolved label, ask for status."""

from __future__ import annotations

from typing import Protocol

from devices.labels.status import PrinterStatus
from domain.label_layout import ResolvedLabel


class LabelLanguage(Protocol):
    name: str
    status_request: bytes | None  # None when the language has no status query

    def render(self, label: ResolvedLabel, copies: int = 1) -> bytes: ...

    def status_complete(self, answer: bytes) -> bool:
        """Whether `answer` holds the whole reply to `status_request`."""
        ...

    def parse_status(self, answer: bytes) -> PrinterStatus: ...
