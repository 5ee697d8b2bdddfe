"""What a label printer says about itself, in one shape for every printer language.

ZPL printers answer ~HS with three status strings, TSPL printers answer <ESC>!? with one status byte; both
are read into `PrinterStatus`, whose `message` is what the operator sees when a job has to wait.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class PrinterStatus:
    paper_out: bool = False
    ribbon_out: bool = False
    head_open: bool = False
    paused: bool = False
    paper_jam: bool = False
    buffer_full: bool = False
    over_temperature: bool = False
    under_temperature: bool = False
    corrupt_ram: bool = False
    cover_open: bool = False
    printing: bool = False
    labels_remaining: int | None = None
    raw: bytes = b""

    @property
    def problems(self) -> list[str]:
        named = [
            (self.paper_out, "out of labels (paper out)"),
            (self.ribbon_out, "ribbon out"),
            (self.head_open, "print head open"),
            (self.cover_open, "cover open"),
            (self.paper_jam, "paper jam"),
            (self.paused, "paused"),
            (self.buffer_full, "receive buffer full"),
            (self.over_temperature, "print head too hot"),
            (self.under_temperature, "print head too cold"),
            (self.corrupt_ram, "configuration lost (corrupt RAM)"),
        ]
        return [text for flag, text in named if flag]

    @property
    def ready(self) -> bool:
        return not self.problems

    @property
    def message(self) -> str:
        problems = self.problems
        return "ready" if not problems else "not ready: " + ", ".join(problems)
