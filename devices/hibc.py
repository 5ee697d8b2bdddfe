"""HIBC Supplier Labeling barcodes (ANSI/HIBC 2.x, the other FDA UDI issuing agency besides GS1).

biip reads GS1 only, so this is a compact reader of the HIBC LIC structures:

- primary: ``+`` LIC (4 characters, the first a letter) PCN (1-18 alphanumerics) U/M (1 digit) check;
- secondary: ``+`` quantity/date/lot field [``/`` supplemental fields] link check, where the link character is
  the primary's check character;
- concatenated: ``+`` primary ``/`` secondary check, one check character over everything.

Secondary flags: ``$$`` + date format (0/1 = MMYY, 2 = MMDDYY, 3 = YYMMDD, 4 = YYMMDDHH, 5 = YYJJJ,
6 = YYJJJHH, 7 = no date), ``$$8``/``$$9`` + 2/5-digit quantity first, ``$`` lot only, ``$$+``/``$+`` serial
instead of lot, or a leading 5-digit YYJJJ date (the old form). Supplemental fields: ``/S`` serial,
``/16D`` production date and ``/14D`` expiry date as YYYYMMDD.

The check character is the modulus-43 sum of all characters before it, leading ``+`` included, with the
Code 39 values 0-9, A-Z = 10-35, ``-`` 36, ``.`` 37, space 38, ``$`` 39, ``/`` 40, ``+`` 41, ``%`` 42
(worked example +A123BJC5D6E71 -> G in the Zebra DS9908 product reference guide, "Health Industry -
HIBCC43"). Dates with month only (MMYY) mean the end of that month, as GS1 day 00 does, and are flagged.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

from domain.barcodes import BarcodeData, BarcodeScheme, ScanError

MOD43 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ-. $/+%"
_LIC = re.compile(r"^[A-Z][A-Z0-9]{3}$")
_PCN = re.compile(r"^[A-Z0-9]{1,18}$")


def hibc_check_character(data: str) -> str:
    """The modulus-43 check character of `data` (all characters before the check, '+' included)."""
    try:
        return MOD43[sum(MOD43.index(character) for character in data) % 43]
    except ValueError:
        bad = next(character for character in data if character not in MOD43)
        raise ValueError(f"'{bad}' is not an HIBC character") from None


def parse_hibc(text: str, symbology: str | None = None) -> BarcodeData:
    """Read an HIBC primary, secondary or concatenated structure; ScanError names what is wrong."""
    data = text.strip("*")  # Code 39 start/stop characters shown in the human-readable line
    if not data.startswith("+") or len(data) < 3:
        raise ScanError("HIBC data starts with '+' and has at least 3 characters.", code="hibc_invalid")
    for position, character in enumerate(data):
        if character not in MOD43:
            raise ScanError(
                f"HIBC data may only contain 0-9, A-Z, space and - . $ / + %: {_visible(character)} at character "
                f"{position + 1}.",
                code="hibc_invalid",
            )
    body, check = data[:-1], data[-1]
    expected = hibc_check_character(body)
    if check != expected:
        raise ScanError(
            f"The HIBC check character is '{check}' but the data gives '{expected}': the scan is damaged or "
            "incomplete.",
            code="scan_check_digit",
        )
    content = body[1:]
    fields: dict[str, str] = {}
    secondary: dict[str, object] = {}
    if content[:1].isalpha():
        primary, _, rest = content.partition("/")
        fields.update(_primary(primary))
        if rest:
            secondary = _secondary("/" + rest if rest.startswith(("S", "14D", "16D")) else rest)
    else:
        # a secondary symbol on its own: its last character links it to the primary's check character
        fields["link"] = content[-1:]
        secondary = _secondary(content[:-1])
    device_identifier = fields["LIC"] + fields["PCN"] + fields["UOM"] if "LIC" in fields else None
    expiry = secondary.get("expiry")
    production = secondary.get("production_date")
    quantity = secondary.get("quantity")
    return BarcodeData(
        raw=text,
        scheme=BarcodeScheme.HIBC,
        symbology=symbology,
        device_identifier=device_identifier,
        lot=_text_or_none(secondary.get("lot")),
        serial=_text_or_none(secondary.get("serial")),
        expiry=expiry if isinstance(expiry, date) else None,
        expiry_day_unspecified=secondary.get("expiry_day_unspecified") is True,
        production_date=production if isinstance(production, date) else None,
        quantity=quantity if isinstance(quantity, int) else None,
        other=fields,
    )


def _visible(character: str) -> str:
    return f"'{character}'" if character.isprintable() else f"character code {ord(character)}"


def _text_or_none(value: object) -> str | None:
    return value if isinstance(value, str) and value else None


def _primary(primary: str) -> dict[str, str]:
    if len(primary) < 6:
        raise ScanError(
            f"The HIBC primary data '+{primary}' is too short: it needs a 4-character labeler code, a product "
            "number and a unit-of-measure digit.",
            code="hibc_invalid",
        )
    lic, pcn, unit = primary[:4], primary[4:-1], primary[-1]
    if not _LIC.match(lic):
        raise ScanError(f"The HIBC labeler code '{lic}' must be a letter and 3 letters or digits.", code="hibc_invalid")
    if not _PCN.match(pcn):
        raise ScanError(f"The HIBC product number '{pcn}' must be 1 to 18 letters or digits.", code="hibc_invalid")
    if not unit.isdigit():
        raise ScanError(f"The HIBC unit of measure '{unit}' must be a digit.", code="hibc_invalid")
    return {"LIC": lic, "PCN": pcn, "UOM": unit}


def _secondary(secondary: str) -> dict[str, object]:
    main, *supplements = secondary.split("/")
    result = _main_secondary(main) if main else {}
    for supplement in supplements:
        if supplement.startswith("S"):
            result["serial"] = supplement[1:]
        elif supplement.startswith("16D"):
            result["production_date"] = _yyyymmdd(supplement[3:], "production date")
        elif supplement.startswith("14D"):
            result["expiry"] = _yyyymmdd(supplement[3:], "expiry date")
            result["expiry_day_unspecified"] = False
        else:
            raise ScanError(f"Unknown HIBC supplemental field '/{supplement}'.", code="hibc_invalid")
    return result


def _main_secondary(field: str) -> dict[str, object]:
    result: dict[str, object] = {}
    if field.startswith("$$"):
        rest = field[2:]
        identity = "lot"
        if rest.startswith("+"):
            identity, rest = "serial", rest[1:]
        if rest[:1] in ("8", "9"):
            digits = 2 if rest[0] == "8" else 5
            quantity = rest[1 : 1 + digits]
            if len(quantity) != digits or not quantity.isdigit():
                raise ScanError(f"The HIBC quantity after '$${rest[0]}' must be {digits} digits.", code="hibc_invalid")
            result["quantity"] = int(quantity)
            rest = rest[1 + digits :]
        rest = _dated(rest, result)
        result[identity] = rest
    elif field.startswith("$+"):
        result["serial"] = field[2:]
    elif field.startswith("$"):
        result["lot"] = field[1:]
    elif field[:5].isdigit() and len(field) >= 5:
        result["expiry"] = _julian(field[:5])
        result["expiry_day_unspecified"] = False
        result["lot"] = field[5:]
    else:
        raise ScanError(f"The HIBC secondary data '{field}' has no known format.", code="hibc_invalid")
    return result


def _dated(rest: str, result: dict[str, object]) -> str:
    """Read the date that follows a `$$` flag (and quantity); return what is left (lot or serial)."""
    if not rest:
        return rest
    form = rest[0]
    if form in ("0", "1"):  # no format digit: MMYY starts right away
        mmyy = rest[:4]
        if not (len(mmyy) == 4 and mmyy.isdigit()):
            raise ScanError(f"The HIBC expiry date '{mmyy}' must be MMYY.", code="hibc_bad_date")
        month, year = int(mmyy[:2]), 2000 + int(mmyy[2:])
        if not 1 <= month <= 12:
            raise ScanError(f"The HIBC expiry date '{mmyy}' has month {month:02d}.", code="hibc_bad_date")
        result["expiry"] = date(year, month, calendar.monthrange(year, month)[1])
        result["expiry_day_unspecified"] = True
        return rest[4:]
    lengths = {"2": 6, "3": 6, "4": 8, "5": 5, "6": 7}
    if form == "7":
        return rest[1:]
    if form not in lengths:
        raise ScanError(f"'{form}' after '$$' is not an HIBC date format (0-7).", code="hibc_bad_date")
    text = rest[1 : 1 + lengths[form]]
    if len(text) != lengths[form] or not text.isdigit():
        raise ScanError(f"The HIBC date after '$${form}' must be {lengths[form]} digits.", code="hibc_bad_date")
    if form in ("5", "6"):
        result["expiry"] = _julian(text[:5])
        hour = text[5:]
    else:
        yymmdd = text[4:6] + text[:4] if form == "2" else text[:6]
        result["expiry"] = _calendar_date(2000 + int(yymmdd[:2]), int(yymmdd[2:4]), int(yymmdd[4:6]), text)
        hour = text[6:]
    if hour and int(hour) > 23:
        raise ScanError(f"The HIBC date '{text}' has hour {hour}.", code="hibc_bad_date")
    result["expiry_day_unspecified"] = False
    return rest[1 + lengths[form] :]


def _julian(yyjjj: str) -> date:
    year, day = 2000 + int(yyjjj[:2]), int(yyjjj[2:])
    if not 1 <= day <= (366 if calendar.isleap(year) else 365):
        raise ScanError(f"The HIBC date '{yyjjj}' has day {day} of {year}.", code="hibc_bad_date")
    return date(year, 1, 1) + timedelta(days=day - 1)


def _yyyymmdd(text: str, what: str) -> date:
    if len(text) != 8 or not text.isdigit():
        raise ScanError(f"The HIBC {what} '{text}' must be YYYYMMDD.", code="hibc_bad_date")
    return _calendar_date(int(text[:4]), int(text[4:6]), int(text[6:]), text)


def _calendar_date(year: int, month: int, day: int, shown: str) -> date:
    try:
        return date(year, month, day)
    except ValueError:
        raise ScanError(f"The HIBC date '{shown}' is not a valid date.", code="hibc_bad_date") from None
