"""ZPL II (Zebra) for resolved labels, and the ~HS host status reply (DEVC-5, DEVC-6).

Symbols, as Zebra documents them:

- GS1 DataMatrix: ``^BXN,<module dots>,200,,,,_`` sets ECC 200 and the escape character explicitly (the
  default changed between firmware versions, '_' on V60.13.0.12, '~' otherwise), then ``^FD_1...``: ``_1``
  is FNC1, first as the GS1 flag and again after each variable-length element; ``__`` is a literal
  underscore. (ZPL II Programming Guide, ^BX "Field Data (^FD) for ^BX, Quality 200"; Zebra knowledge
  article "Creating GS1 Barcodes with Zebra Printers for Data Matrix and Code 128 using ZPL".)
- GS1-128: ``^BCN,<height>,N,N,N,A`` (automatic subset selection) with ``>;>8`` (start in subset C, FNC1)
  and ``>8`` after each variable-length element; ``><`` is a literal '>'. (ZPL II Programming Guide ^BC,
  "Chaining several application identifiers", example with mode A.) The human-readable line is our own
  text field, so it is the same in the preview and on every printer.
- Text: scalable font 0, ``^FH`` with '_' hex escapes for '^', '~', '_' and every non-ASCII byte, under
  ``^CI28`` (UTF-8), so no field data can be read as a command. Font 0 holds Latin-1 only: a line with
  Chinese (any character beyond Latin-1) is printed in the TrueType font named by CJK_FONT (``^A@N,h,w,font``,
  ZPL II Programming Guide ^A@), which a printer that prints Chinese must hold: load SimSun (or another CJK
  TrueType font) as E:SIMSUN.TTF with Zebra Setup Utilities' "Download fonts". Without it the printer falls
  back to font 0 and prints no Chinese. Not checked on a physical printer.

~HS answers three <STX>...<ETX><CR><LF> strings: string 1 ``aaa,b,c,dddd,...`` with b paper out and c pause,
f buffer full, j corrupt RAM, k/l under/over temperature; string 2 ``mmm,n,o,p,q,...`` with o head up,
p ribbon out, q thermal-transfer mode and uuuuuuuu labels remaining (ZPL II Programming Guide, ~HS).
Newer firmware sends no answer at all while out of media or ribbon, with the head open or too hot, so
silence is itself a "not ready" (the print queue says so).
"""

from __future__ import annotations

import re

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

HOST_STATUS = b"~HS"
CJK_FONT = "E:SIMSUN.TTF"


class ZplLanguage:
    name = "ZPL"
    status_request: bytes | None = HOST_STATUS

    def render(self, label: ResolvedLabel, copies: int = 1) -> bytes:
        return render_zpl(label, copies)

    def status_complete(self, answer: bytes) -> bool:
        return answer.count(b"\x03") >= 3

    def parse_status(self, answer: bytes) -> PrinterStatus:
        return parse_host_status(answer)


def render_zpl(label: ResolvedLabel, copies: int = 1) -> bytes:
    if copies < 1:
        raise ValueError("copies must be at least 1")
    lines = ["^XA", "^CI28", f"^PW{label.width}", f"^LL{label.height}", "^LH0,0"]
    for item in label.items:
        if isinstance(item, ResolvedText):
            font = f"^A@N,{item.height},{item.height},{CJK_FONT}" if needs_unicode_font(item.text) else \
                f"^A0N,{item.height},{item.height}"
            lines.append(f"^FO{item.x},{item.y}{font}^FH^FD{_text(item.text)}^FS")
        elif isinstance(item, ResolvedGs1Symbol) and item.kind == "datamatrix":
            lines.append(f"^FO{item.x},{item.y}^BXN,{item.module},200,,,,_^FD{datamatrix_data(item.elements)}^FS")
        elif isinstance(item, ResolvedGs1Symbol):
            lines.append(
                f"^FO{item.x},{item.y}^BY{item.module}^BCN,{item.height},N,N,N,A^FD{gs1_128_data(item.elements)}^FS"
            )
        elif isinstance(item, ResolvedCode128):
            if "^" in item.data or "~" in item.data:
                raise LabelError(f"'{item.data}' contains ^ or ~, which a ZPL barcode field cannot carry")
            lines.append(
                f"^FO{item.x},{item.y}^BY{item.module}^BCN,{item.height},N,N,N,A^FD{item.data.replace('>', '><')}^FS"
            )
    lines += [f"^PQ{copies}", "^XZ", ""]
    return "\n".join(lines).encode("utf-8")


def datamatrix_data(elements: tuple[Gs1Element, ...]) -> str:
    """``_1`` + the element strings with ``_1`` after every variable-length element but the last."""
    parts = ["_1"]
    for index, element in enumerate(elements):
        parts.append(element.ai + element.value.replace("_", "__"))
        if element.variable_length and index < len(elements) - 1:
            parts.append("_1")
    return "".join(parts)


def gs1_128_data(elements: tuple[Gs1Element, ...]) -> str:
    parts = [">;>8"]
    for index, element in enumerate(elements):
        parts.append(element.ai + element.value.replace(">", "><"))
        if element.variable_length and index < len(elements) - 1:
            parts.append(">8")
    return "".join(parts)


def _text(text: str) -> str:
    out: list[str] = []
    for character in text:
        if character in "^~_" or not (character.isascii() and character.isprintable()):
            out.extend(f"_{byte:02X}" for byte in character.encode("utf-8"))
        else:
            out.append(character)
    return "".join(out)


_FRAME = re.compile(rb"\x02([^\x02\x03]*)\x03")


def parse_host_status(answer: bytes) -> PrinterStatus:
    """Read a ~HS reply; ValueError when it is not one (fewer than two complete status strings)."""
    frames = [frame.decode("ascii", errors="replace").split(",") for frame in _FRAME.findall(answer)]
    if len(frames) < 2 or len(frames[0]) < 12 or len(frames[1]) < 9:
        raise ValueError(f"not a complete ~HS answer: {answer[:80]!r}")
    first, second = frames[0], frames[1]

    def flag(fields: list[str], index: int) -> bool:
        return fields[index].strip() == "1"

    thermal_transfer = flag(second, 4)
    remaining = second[8].strip()
    return PrinterStatus(
        paper_out=flag(first, 1),
        paused=flag(first, 2),
        buffer_full=flag(first, 5),
        corrupt_ram=flag(first, 9),
        under_temperature=flag(first, 10),
        over_temperature=flag(first, 11),
        head_open=flag(second, 2),
        # the ribbon sensor only matters when printing through a ribbon (thermal transfer)
        ribbon_out=thermal_transfer and flag(second, 3),
        labels_remaining=int(remaining) if remaining.isdigit() else None,
        raw=answer,
    )


def host_status_answer(
    *, paper_out: bool = False, paused: bool = False, head_open: bool = False, ribbon_out: bool = False
) -> bytes:
    """A ~HS reply as a printer would send it (for simulators and tests)."""
    first = f"030,{int(paper_out)},{int(paused)},1218,000,0,0,0,000,0,0,0"
    second = f"001,0,{int(head_open)},{int(ribbon_out)},1,2,6,0,00000000,1,000"
    third = "1234,0"
    return b"".join(b"\x02" + line.encode() + b"\x03\r\n" for line in (first, second, third))
