"""TSPL/TSPL2 (TSC and compatible printers) for resolved labels, and the <ESC>!? status byte (DEVC-5).

Commands (TSC TSPL/TSPL2 programming manual): ``SIZE w mm,h mm``, ``GAP g mm,0 mm``, ``DIRECTION 1``,
``REFERENCE 0,0``, ``CODEPAGE UTF-8``, ``CLS``, then the fields, then ``PRINT 1,copies``.

- Text: ``TEXT x,y,"0",0,pt,pt,"..."``; font "0" is the scalable font whose x/y multiplication give the
  size in points. A double quote inside a string is written ``\\["]``. Font "0" holds Latin script only: a
  line with Chinese (any character beyond Latin-1) is printed in ``TSS24.BF2``, the 24 x 24 dot Simplified
  Chinese font of TSC's Chinese-language printers, scaled by whole multiples and sent in GB18030 (the GB code
  the font is indexed by; the code page applies to the Latin fonts). Not checked on a physical printer.
- GS1 DataMatrix: ``DMATRIX x,y,w,h,c126,x<module>,"~1..."``: ``c126`` makes '~' the escape character,
  ``~1`` is FNC1 (the GS1 flag, and the separator after variable-length elements), ``~d034`` a double quote
  (DMATRIX description in the TSPL2 manual and the compatible Brother FBPL reference: "~1 means FNC1",
  "~dNNN creates ASCII decimal value NNN").
- GS1-128: ``BARCODE x,y,"128M",h,0,0,n,n,"..."``, the manual Code 128 mode, given the symbol values with
  ``!nnn``: ``!105`` Start C, ``!102`` FNC1, ``!099``/``!100`` switch to set C/B, planned by
  `devices.labels.code128`. These escapes follow the Code 128 symbol value table; they were not checked
  against a TSC printer, and a '!' in the data is refused rather than guessed. The plain Code 128 of a
  lot number uses the automatic type "128".

<ESC>!? answers one byte: bit 0 head open, 1 paper jam, 2 out of paper, 3 out of ribbon, 4 pause,
5 printing, 6 cover open, 7 temperature out of range; 0 means ready (TSC/Gprinter TSPL manuals, "<ESC>!?").
"""

from __future__ import annotations

from devices.labels.code128 import CODE_B, CODE_C, FNC1, START_B, START_C, plan_code128
from devices.labels.status import PrinterStatus
from devices.labels.templates import LabelError
from domain.barcodes import Gs1Element
from domain.label_layout import (
    ResolvedCode128,
    ResolvedGs1Symbol,
    ResolvedLabel,
    ResolvedText,
    needs_unicode_font,
)

STATUS_REQUEST = b"\x1b!?"
CJK_FONT = "TSS24.BF2"
CJK_FONT_DOTS = 24
_POINTS_PER_MM = 72 / 25.4
_CONTROL_VALUES = {START_B, START_C, CODE_B, CODE_C, FNC1}


class TsplLanguage:
    name = "TSPL"
    status_request: bytes | None = STATUS_REQUEST

    def render(self, label: ResolvedLabel, copies: int = 1) -> bytes:
        return render_tspl(label, copies)

    def status_complete(self, answer: bytes) -> bool:
        return len(answer) >= 1

    def parse_status(self, answer: bytes) -> PrinterStatus:
        return parse_status_byte(answer)


def render_tspl(label: ResolvedLabel, copies: int = 1) -> bytes:
    if copies < 1:
        raise ValueError("copies must be at least 1")
    lines: list[str | bytes] = [
        f"SIZE {label.width_mm:g} mm,{label.height_mm:g} mm",
        f"GAP {label.gap_mm:g} mm,0 mm",
        "DIRECTION 1",
        "REFERENCE 0,0",
        "CODEPAGE UTF-8",
        "CLS",
    ]
    for item in label.items:
        if isinstance(item, ResolvedText) and needs_unicode_font(item.text):
            times = max(1, round(item.height / CJK_FONT_DOTS))
            lines.append(f'TEXT {item.x},{item.y},"{CJK_FONT}",0,{times},{times},"{_quoted(item.text)}"'
                         .encode("gb18030"))
        elif isinstance(item, ResolvedText):
            size = max(1, round(item.height * 25.4 / label.dpi * _POINTS_PER_MM))
            lines.append(f'TEXT {item.x},{item.y},"0",0,{size},{size},"{_quoted(item.text)}"')
        elif isinstance(item, ResolvedGs1Symbol) and item.kind == "datamatrix":
            box, content = item.height, datamatrix_data(item.elements)
            lines.append(f'DMATRIX {item.x},{item.y},{box},{box},c126,x{item.module},"{content}"')
        elif isinstance(item, ResolvedGs1Symbol):
            n = item.module
            content = gs1_128_data(item.elements)
            lines.append(f'BARCODE {item.x},{item.y},"128M",{item.height},0,0,{n},{n},"{content}"')
        elif isinstance(item, ResolvedCode128):
            if "!" in item.data:
                raise LabelError(f"'{item.data}' contains '!', which this driver does not send in a TSPL barcode")
            n = item.module
            lines.append(f'BARCODE {item.x},{item.y},"128",{item.height},0,0,{n},{n},"{_quoted(item.data)}"')
    lines += [f"PRINT 1,{copies}", ""]
    return b"\r\n".join(line if isinstance(line, bytes) else line.encode("utf-8") for line in lines)


def datamatrix_data(elements: tuple[Gs1Element, ...]) -> str:
    parts = ["~1"]
    for index, element in enumerate(elements):
        parts.append(element.ai + element.value.replace('"', "~d034"))
        if element.variable_length and index < len(elements) - 1:
            parts.append("~1")
    return "".join(parts)


def gs1_128_data(elements: tuple[Gs1Element, ...]) -> str:
    parts: list[str | None] = []
    for index, element in enumerate(elements):
        if "!" in element.value:
            raise LabelError(f"'{element.value}' contains '!', which this driver does not send in a TSPL GS1-128")
        parts.append(element.ai + element.value)
        if element.variable_length and index < len(elements) - 1:
            parts.append(None)
    out = []
    for symbol in plan_code128(parts):
        if symbol.value in _CONTROL_VALUES and not symbol.text:
            out.append(f"!{symbol.value:03d}")
        else:
            out.append(_quoted(symbol.text))
    return "".join(out)


def _quoted(text: str) -> str:
    return text.replace('"', '\\["]')


def parse_status_byte(answer: bytes) -> PrinterStatus:
    if not answer:
        raise ValueError("no <ESC>!? status byte")
    bits = answer[0]
    return PrinterStatus(
        head_open=bool(bits & 0x01),
        paper_jam=bool(bits & 0x02),
        paper_out=bool(bits & 0x04),
        ribbon_out=bool(bits & 0x08),
        paused=bool(bits & 0x10),
        printing=bool(bits & 0x20),
        cover_open=bool(bits & 0x40),
        over_temperature=bool(bits & 0x80),
        raw=answer,
    )
