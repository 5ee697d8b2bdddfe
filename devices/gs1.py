"""Reading what a scan means (DEVC-3): GS1-128, GS1 DataMatrix, GS1 QR and GS1 Digital Link, with or
without AIM symbology identifier (``]C1``, ``]d2``, ``]Q3``), with the GS separator or one of the
substitutes scanners and keyboard wedges send for it, the human-readable ``(01)...(17)...`` form, plain
EAN/UPC/ITF-14 GTINs, and HIBC (delegated to `devices.hibc`).

Every input gives a `BarcodeData` or a `ScanError` whose message names what is wrong; nothing is guessed.
The Application Identifier table (formats, fixed lengths) comes from biip, which tracks the GS1 General
Specifications; check digits, dates (day 00) and the messages are ours so that they can be precise.

Separator substitutes. A USB keyboard cannot type ASCII 29, so wedge scanners send Ctrl+] (which
terminals show as ``^]``), an Alt+keypad 029 sequence, or a configurable replacement; scanner and label
software write it as ``<GS>``, ``{GS}``, ``[FNC1]``, ``\\x1d`` or ``~1`` (TSPL and ZPL ``_1``-style
escapes). None of these characters belongs to the GS1 alphanumeric set (CSET 82) except ``<`` and ``>``,
so replacing them cannot change a valid lot or serial number.

Missing separators. A variable-length element (lot, serial) not followed by GS swallows what follows. When
the data then breaks, the message says so; when it does not, a lot that ends in a valid expiry or
production date, or contains a valid GTIN, is refused if the scan carries no separator at all, because a
silent misread is worse than asking for a rescan (the usual cause is a wedge dropping the GS).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date

import biip
from biip import ParseError
from biip.gs1_application_identifiers import GS1ApplicationIdentifier

from devices.hibc import parse_hibc
from domain.barcodes import (
    GS,
    BarcodeData,
    BarcodeScheme,
    Scan,
    ScanError,
    gtin_problem,
    parse_gs1_date,
)
from domain.gtin import gtin_check_digit

# AIM (ISO/IEC 15424) symbology identifiers whose data is a GS1 element string.
GS1_SYMBOLOGIES = {
    "]C1": "GS1-128",
    "]d2": "GS1 DataMatrix",
    "]Q3": "GS1 QR Code",
    "]e0": "GS1 DataBar",
    "]J1": "GS1 DotCode",
}
# ... and those whose data is a bare GTIN.
GTIN_SYMBOLOGIES = {"]E0": "EAN-13/UPC-A", "]E3": "EAN-13 with add-on", "]E4": "EAN-8", "]I1": "ITF-14"}

_AIM_PREFIX = re.compile(r"^\][A-Za-z][0-9A-Za-z]")
_GS_SUBSTITUTES = re.compile(
    r"<GS>|\{GS\}|\[GS\]|<FNC1>|\{FNC1\}|\[FNC1\]|\^\]|\\x1d|\\u001d|\\035|~1|\u241d", re.IGNORECASE
)
_HRI_AI = re.compile(r"\(([0-9]{2,4})\)")

_NAMES = {
    "00": "SSCC",
    "01": "GTIN",
    "02": "contained GTIN",
    "10": "lot",
    "11": "production date",
    "13": "packaging date",
    "15": "best-before date",
    "16": "sell-by date",
    "17": "expiry date",
    "21": "serial number",
    "30": "quantity",
    "37": "count",
}
_DATE_AIS = frozenset({"11", "12", "13", "15", "16", "17"})
_MOD10_AIS = frozenset({"00", "01", "02", "410", "411", "412", "413", "414", "415", "416", "417"})
_DATE_TAIL = re.compile(r"(1[1-7])([0-9]{6})$")
_GTIN_INSIDE = re.compile(r"01([0-9]{14})")


def parse_scan(scan: Scan, *, today: date | None = None) -> BarcodeData:
    return parse_barcode(scan.data, scan.symbology, today=today)


def parse_barcode(text: str, symbology: str | None = None, *, today: date | None = None) -> BarcodeData:
    """What `text` means. `symbology` is the AIM identifier reported beside the data (HID POS), if any."""
    if not isinstance(text, str):
        raise ScanError("A scan must be text.", code="scan_empty")
    today = today or date.today()
    data, aim = split_symbology(text.strip(" \r\n\t\0"), symbology)
    data = normalise_separators(data).strip(GS + " \r\n\t\0")
    if not data:
        raise ScanError("The scan is empty." if not aim else f"The scan ({aim}) carries no data.", code="scan_empty")
    if data.lstrip("*").startswith("+"):
        if aim in GS1_SYMBOLOGIES:
            raise ScanError(f"The {GS1_SYMBOLOGIES[aim]} symbol holds HIBC data ('+...'), which is not GS1 data.")
        return parse_hibc(data, aim)
    foreign = next(((i, c) for i, c in enumerate(data) if not (c.isascii() and (c.isprintable() or c == GS))), None)
    if foreign is not None:
        raise ScanError(
            f"The scan holds '{_shown(foreign[1])}' at character {foreign[0] + 1}, which no GS1 barcode carries.",
            code="scan_bad_character",
        )
    if data.startswith("("):
        elements = _parse_human_readable(data, today)
    elif data.lower().startswith(("http://", "https://")):
        elements = _parse_digital_link(data, today)
    elif _looks_like_bare_gtin(data, aim):
        return _bare_gtin(data, aim)
    elif aim is not None and aim not in GS1_SYMBOLOGIES:
        raise ScanError(
            f"The barcode ({aim}) is neither GS1 nor HIBC: '{_shown(data)}'.", code="scan_unrecognised"
        )
    else:
        elements = _parse_element_string(data, today)
        if GS not in data:
            _refuse_swallowed_elements(elements, today)
    return _barcode_data(text, aim, elements, today)


def split_symbology(text: str, symbology: str | None) -> tuple[str, str | None]:
    """Separate a leading AIM identifier from the data; one reported out of band counts when none leads."""
    if _AIM_PREFIX.match(text):
        return text[3:], text[:3]
    if symbology:
        symbology = symbology.strip()
        return text, symbology if symbology.startswith("]") else f"]{symbology}"
    return text, None


def normalise_separators(text: str) -> str:
    """Every known stand-in for FNC1/GS replaced by ASCII 29."""
    return _GS_SUBSTITUTES.sub(GS, text)


# --- element strings --------------------------------------------------------------------------------------

def _parse_element_string(data: str, today: date) -> list[tuple[str, str]]:
    """Walk AI by AI so that a failure can name the element and the position where it happened."""
    elements: list[tuple[str, str]] = []
    rest, position = data, 0
    unterminated: tuple[GS1ApplicationIdentifier, str] | None = None
    while rest:
        try:
            ai = GS1ApplicationIdentifier.extract(rest)
        except ParseError:
            raise ScanError(_unknown_ai(rest, position, unterminated), code="scan_unknown_ai") from None
        segment = rest.split(GS, 1)[0]
        match = re.match(ai.pattern.removesuffix("$"), segment)
        if match is None:
            raise ScanError(_bad_format(ai, segment, position, unterminated), code="scan_bad_element")
        value = "".join(group for group in match.groups() if group is not None)
        consumed = len(ai.ai) + len(value)
        _check_value(ai.ai, value, today)
        elements.append((ai.ai, value))
        terminated = rest[consumed : consumed + 1] == GS
        unterminated = (ai, value) if ai.separator_required and not terminated else None
        rest, position = rest[consumed:], position + consumed
        while rest.startswith(GS):
            rest, position = rest[1:], position + 1
    return elements


def _parse_human_readable(data: str, today: date) -> list[tuple[str, str]]:
    """(01)09506000134352(17)261231(10)A1: AIs in brackets, spaces ignored (none are in CSET 82)."""
    text = "".join(data.split())
    parts = _HRI_AI.split(text)
    if parts[0]:
        raise ScanError(f"The human-readable data must start with an AI in brackets, not '{_shown(parts[0])}'.")
    elements: list[tuple[str, str]] = []
    for number, value in zip(parts[1::2], parts[2::2], strict=True):
        try:
            ai = GS1ApplicationIdentifier.extract(number)
        except ParseError:
            ai = None
        if ai is None or ai.ai != number:
            raise ScanError(f"({number}) is not a GS1 application identifier.", code="scan_unknown_ai")
        if not value:
            raise ScanError(f"The {_name(ai)} ({number}) has no value.", code="scan_bad_element")
        if re.fullmatch(ai.pattern, number + value) is None:
            raise ScanError(_bad_format(ai, number + value, None, None), code="scan_bad_element")
        _check_value(number, value, today)
        elements.append((number, value))
    return elements


def _parse_digital_link(data: str, today: date) -> list[tuple[str, str]]:
    try:
        result = biip.parse(data)
    except (ParseError, ValueError) as error:
        raise ScanError(f"The link is not a valid GS1 Digital Link: {_shown(str(error), 80)}") from None
    uri = result.gs1_digital_link_uri
    if uri is None:
        reason = _shown(result.gs1_digital_link_uri_error or "not recognised", 80)
        raise ScanError(f"The link is not a valid GS1 Digital Link: {reason}")
    elements = [(element.ai.ai, element.value) for element in uri.element_strings]
    for number, value in elements:
        _check_value(number, value, today)
    return elements


def _check_value(ai: str, value: str, today: date) -> None:
    """Check digits and dates: the parts of an element its format pattern cannot judge."""
    if ai in ("01", "02"):
        problem = gtin_problem(value)
        if problem:
            raise ScanError(problem + ".", code="scan_check_digit")
    elif ai in _MOD10_AIS:
        expected = gtin_check_digit(value[:-1])
        if expected != int(value[-1]):
            raise ScanError(
                f"The {_name_of(ai)} ({ai}) '{value}' has check digit {value[-1]}, expected {expected}.",
                code="scan_check_digit",
            )
    elif ai in _DATE_AIS:
        try:
            parse_gs1_date(value, today)
        except ValueError as error:
            raise ScanError(f"The {_name_of(ai)} ({ai}) is not a valid date: {error}.", code="scan_bad_date") from None


def _refuse_swallowed_elements(elements: Iterable[tuple[str, str]], today: date) -> None:
    for ai, value in elements:
        if ai not in ("10", "21", "240", "241", "22"):
            continue
        tail = _DATE_TAIL.search(value[1:])
        if tail:
            try:
                parse_gs1_date(tail.group(2), today)
            except ValueError:
                pass
            else:
                raise ScanError(
                    f"The {_name_of(ai)} ({ai}) '{value}' ends in what reads as {_name_of(tail.group(1))} "
                    f"({tail.group(1)}){tail.group(2)}: the GS separator after the {_name_of(ai)} is probably "
                    "missing. Check the scanner's GS/FNC1 setting and scan again.",
                    code="scan_missing_separator",
                )
        inner = _GTIN_INSIDE.search(value[1:])
        if inner and gtin_problem(inner.group(1)) is None:
            raise ScanError(
                f"The {_name_of(ai)} ({ai}) '{value}' contains what reads as GTIN (01){inner.group(1)}: "
                "a GS separator is probably missing. Check the scanner's GS/FNC1 setting and scan again.",
                code="scan_missing_separator",
            )


def _barcode_data(raw: str, aim: str | None, elements: list[tuple[str, str]], today: date) -> BarcodeData:
    seen: dict[str, str] = {}
    for ai, value in elements:
        if ai in seen and seen[ai] != value:
            raise ScanError(
                f"The {_name_of(ai)} ({ai}) appears twice with different values: '{seen[ai]}' and '{value}'.",
                code="scan_conflict",
            )
        seen[ai] = value
    if not seen:
        raise ScanError("The scan holds no GS1 element.", code="scan_empty")
    expiry, day_unspecified = parse_gs1_date(seen.pop("17"), today) if "17" in seen else (None, False)
    production = parse_gs1_date(seen.pop("11"), today)[0] if "11" in seen else None
    quantity = seen.pop("30", None) or seen.pop("37", None)
    gtin = seen.pop("01", None)
    return BarcodeData(
        raw=raw,
        scheme=BarcodeScheme.GS1,
        symbology=aim,
        gtin=gtin,
        device_identifier=gtin,
        lot=seen.pop("10", None),
        expiry=expiry,
        expiry_day_unspecified=day_unspecified,
        production_date=production,
        serial=seen.pop("21", None),
        quantity=int(quantity) if quantity is not None else None,
        other=seen,
    )


def _looks_like_bare_gtin(data: str, aim: str | None) -> bool:
    if aim in GTIN_SYMBOLOGIES:
        return True
    if aim is not None or not (data.isascii() and data.isdigit()):
        return False
    # 8, 12 and 13 digits cannot be a GS1 message starting with (01); 14 digits with a valid check digit are
    # far more likely an ITF-14 read without symbology identifier than a date-and-lot message.
    return len(data) in (8, 12, 13) or (len(data) == 14 and gtin_problem(data) is None)


def _bare_gtin(data: str, aim: str | None) -> BarcodeData:
    problem = gtin_problem(data)
    if problem:
        raise ScanError(problem + ".", code="scan_check_digit")
    gtin = data.zfill(14)
    return BarcodeData(raw=data, scheme=BarcodeScheme.GS1, symbology=aim, gtin=gtin, device_identifier=gtin)


# --- messages ---------------------------------------------------------------------------------------------

def _name(ai: GS1ApplicationIdentifier) -> str:
    return _NAMES.get(ai.ai, ai.data_title)


def _name_of(ai: str) -> str:
    if ai in _NAMES:
        return _NAMES[ai]
    try:
        return GS1ApplicationIdentifier.extract(ai).data_title
    except ParseError:
        return f"AI {ai}"


def _shown(text: str, limit: int = 30) -> str:
    """Scan data fit for a one-line message: GS as <GS>, other control characters escaped."""
    shown = "".join(_visible(character) for character in text[:limit])
    return shown if len(text) <= limit else shown + "..."


def _visible(character: str) -> str:
    if character == GS:
        return "<GS>"
    if character.isprintable():
        return character
    return f"\\x{ord(character):02x}" if ord(character) < 256 else f"\\u{ord(character):04x}"


def _where(position: int | None) -> str:
    return "" if position is None else f" at character {position + 1}"


def _after_unterminated(unterminated: tuple[GS1ApplicationIdentifier, str] | None) -> str:
    if unterminated is None:
        return ""
    ai, value = unterminated
    return (
        f" It follows the {_name(ai)} ({ai.ai}) '{_shown(value)}' with no GS separator after it: the separator "
        "is probably missing or the value is too long."
    )


def _unknown_ai(rest: str, position: int, unterminated: tuple[GS1ApplicationIdentifier, str] | None) -> str:
    start = re.match(r"[0-9]{2,4}", rest)
    what = f"'{start.group(0)}...'" if start else f"'{_shown(rest, 10)}'"
    return f"No GS1 application identifier starts {what}{_where(position)}.{_after_unterminated(unterminated)}"


def _bad_format(
    ai: GS1ApplicationIdentifier,
    segment: str,
    position: int | None,
    unterminated: tuple[GS1ApplicationIdentifier, str] | None,
) -> str:
    value = segment[len(ai.ai) :]
    spec = ai.format.split("+", 1)[1] if "+" in ai.format else ai.format
    fixed = re.fullmatch(r"N(\d+)", spec)
    if fixed:
        digits = int(fixed.group(1))
        head = value[:digits]
        if len(head) == digits and head.isdigit():
            problem = f"needs exactly {digits} digits, found '{_shown(value)}'"
            if ai.ai in _DATE_AIS:
                try:
                    parse_gs1_date(head, date.today())
                except ValueError as error:
                    problem = f"is not a valid date: {error}"
        elif value.isdigit() or not value:
            problem = f"needs {digits} digits, found only {len(value)} ('{_shown(value)}')"
        else:
            problem = f"needs {digits} digits, found '{_shown(value)}'"
    elif spec.startswith("X.."):
        problem = f"needs 1 to {spec[3:]} characters of the GS1 set, found '{_shown(value)}'"
    elif spec.startswith("N.."):
        problem = f"needs 1 to {spec[3:]} digits, found '{_shown(value)}'"
    else:
        problem = f"does not match the format {ai.format}: '{_shown(value)}'"
    return f"The {_name(ai)} ({ai.ai}){_where(position)} {problem}.{_after_unterminated(unterminated)}"
