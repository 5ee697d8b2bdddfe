"""A label resolved to printer dots: the one layout the ZPL and TSPL drivers print and the desktop previews.

`devices.labels.templates.resolve` makes it from a template and a lot's data; the preview (ui/labels) draws
it with Qt, so what is seen is what is printed, up to the printer's own fonts.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from domain.barcodes import Gs1Element, element_string, human_readable


@dataclass(frozen=True)
class ResolvedText:
    x: int
    y: int
    height: int
    text: str


@dataclass(frozen=True)
class ResolvedGs1Symbol:
    kind: str  # "datamatrix" or "gs1-128"
    x: int
    y: int
    module: int
    height: int  # bar height for GS1-128, bounding box for DataMatrix
    elements: tuple[Gs1Element, ...]

    @property
    def element_string(self) -> str:
        return element_string(self.elements)

    @property
    def human_readable(self) -> str:
        return human_readable(self.elements)


@dataclass(frozen=True)
class ResolvedCode128:
    x: int
    y: int
    module: int
    height: int
    data: str


ResolvedItem = ResolvedText | ResolvedGs1Symbol | ResolvedCode128


def needs_unicode_font(text: str) -> bool:
    """Whether a text line holds characters beyond Latin-1 (Chinese above all), which the printers' built-in
    Latin fonts cannot print: the drivers print such a line in the printer's CJK font (GEN-6)."""
    return any(ord(character) > 0xFF for character in text)


@dataclass(frozen=True)
class ResolvedLabel:
    template_id: str
    dpi: int
    width: int
    height: int
    width_mm: float
    height_mm: float
    gap_mm: float
    items: tuple[ResolvedItem, ...]
    summary: Mapping[str, str]  # the data as printed, for the print journal
