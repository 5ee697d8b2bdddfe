"""What a scanned or printed barcode means (DEVC-3, DEVC-5): the scan as it arrived, the data it carries,
GTIN check digits, GS1 dates and the GS1 element strings a UDI label encodes.

Pure rules only. Reading symbologies and the full GS1 Application Identifier table lives in `devices/`
(it leans on biip); this module holds what the rest of the application reasons with: a `Scan`, the
`BarcodeData` it means, and the few GS1 rules a label needs to say exactly what its lot is.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import Enum
from types import MappingProxyType

from domain.errors import DomainError, ValidationError
from domain.gtin import gtin_check_digit
from domain.i18n import _

GS = "\x1d"  # ASCII group separator: what a scanner sends for a GS1 FNC1 separator

# GS1 General Specifications, figure 7.11-1: the 82 characters allowed in alphanumeric AIs (lot, serial).
CSET82 = frozenset("!\"%&'()*+,-./0123456789:;<=>?ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz")


class ScanError(DomainError):
    """A scan could not be read as the barcode it claims to be; the message names what is wrong."""

    code = "scan_invalid"


@dataclass(frozen=True)
class Scan:
    """One barcode read, exactly as the scanner delivered it.

    `symbology` is the AIM symbology identifier (``]d2``, ``]C1``, ``]Q3``...) when the scanner reported
    one out of band (HID POS does); `source` names the scanner; `at` is when it arrived (timezone-aware).
    """

    data: str
    symbology: str | None
    source: str
    at: datetime

    def __post_init__(self) -> None:
        if self.at.tzinfo is None:
            raise ValueError(_("scan times must be timezone-aware"))


class BarcodeScheme(Enum):
    GS1 = "GS1"
    HIBC = "HIBC"


@dataclass(frozen=True)
class BarcodeData:
    """The meaning of one scan. Absent elements are None; nothing is guessed.

    `expiry` follows GS1 rules for day 00 (the last day of the month) and `expiry_day_unspecified` keeps
    the fact that the label gave only a month. `device_identifier` is the UDI-DI: the GTIN for GS1, the
    labeler code + product number + unit of measure for HIBC. `other` holds the remaining elements by AI
    (GS1) or field name (HIBC).
    """

    raw: str
    scheme: BarcodeScheme
    symbology: str | None = None
    gtin: str | None = None
    lot: str | None = None
    expiry: date | None = None
    expiry_day_unspecified: bool = False
    production_date: date | None = None
    serial: str | None = None
    quantity: int | None = None
    device_identifier: str | None = None
    other: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}), hash=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "other", MappingProxyType(dict(self.other)))


# --- GTIN ------------------------------------------------------------------------------------------------

def gtin_problem(value: str) -> str | None:
    """Why `value` is not a GTIN, in one sentence, or None when it is one."""
    if not (value.isascii() and value.isdigit()):
        return f"GTIN '{value}' must contain digits only"
    if len(value) not in (8, 12, 13, 14):
        return f"GTIN '{value}' has {len(value)} digits: a GTIN has 8, 12, 13 or 14"
    expected = gtin_check_digit(value[:-1])
    if expected != int(value[-1]):
        return f"GTIN '{value}' has check digit {value[-1]}, expected {expected}"
    return None


# --- GS1 dates -------------------------------------------------------------------------------------------

def gs1_year(two_digits: int, today: date) -> int:
    """GS1 General Specifications 7.12: a two-digit year lies within 49 years back and 50 forward."""
    century = today.year - today.year % 100
    difference = two_digits - today.year % 100
    if 51 <= difference <= 99:
        return century - 100 + two_digits
    if -99 <= difference <= -50:
        return century + 100 + two_digits
    return century + two_digits


def parse_gs1_date(yymmdd: str, today: date) -> tuple[date, bool]:
    """A GS1 YYMMDD date and whether its day was 00 (which means the last day of the month).

    Raises ValueError with the reason when the text is not such a date.
    """
    if len(yymmdd) != 6 or not (yymmdd.isascii() and yymmdd.isdigit()):
        raise ValueError(_("'{yymmdd}' is not a date in the form YYMMDD", yymmdd=yymmdd))
    year = gs1_year(int(yymmdd[:2]), today)
    month, day = int(yymmdd[2:4]), int(yymmdd[4:])
    if not 1 <= month <= 12:
        raise ValueError(_("'{yymmdd}' has month {month:02d}", yymmdd=yymmdd, month=month))
    last_day = calendar.monthrange(year, month)[1]
    if day == 0:
        return date(year, month, last_day), True
    if day > last_day:
        raise ValueError(_("'{yymmdd}' has day {day:02d}, but {year}-{month:02d} has {last_day} days",
                           yymmdd=yymmdd, day=day, year=year, month=month, last_day=last_day))
    return date(year, month, day), False


def format_gs1_date(value: date, *, day_unspecified: bool = False) -> str:
    """YYMMDD, with day 00 when only the month is meant."""
    return value.strftime("%y%m") + ("00" if day_unspecified else value.strftime("%d"))


# --- GS1 element strings for labels -----------------------------------------------------------------------

@dataclass(frozen=True)
class Gs1Element:
    ai: str
    value: str

    @property
    def variable_length(self) -> bool:
        return self.ai in VARIABLE_LENGTH_AIS


# The AIs a UDI or lot label writes. (01), (11), (17) have a fixed length; the others end with FNC1/GS
# unless they are last (GS1 General Specifications 7.8.5 and figure 7.8.5-2).
VARIABLE_LENGTH_AIS = frozenset({"10", "21", "30", "37", "240", "241"})
_ALPHANUMERIC_AIS = {"10": "lot", "21": "serial number", "240": "additional product id", "241": "customer part no"}
_NUMERIC_VARIABLE = re.compile(r"^\d{1,8}$")


def udi_elements(
    gtin: str,
    *,
    lot: str | None = None,
    expiry: date | None = None,
    expiry_day_unspecified: bool = False,
    production_date: date | None = None,
    serial: str | None = None,
    quantity: int | None = None,
) -> tuple[Gs1Element, ...]:
    """The element strings of a UDI: (01) first, then the fixed-length dates, then lot and serial.

    Fixed-length elements go before variable-length ones so that at most one separator is needed; every
    value is checked, so a label can only ever carry valid data. Raises ValidationError naming the field.
    """
    problem = gtin_problem(gtin)
    if problem:
        raise ValidationError(problem)
    elements = [Gs1Element("01", gtin.zfill(14))]
    if production_date is not None:
        elements.append(Gs1Element("11", format_gs1_date(production_date)))
    if expiry is not None:
        elements.append(Gs1Element("17", format_gs1_date(expiry, day_unspecified=expiry_day_unspecified)))
    if quantity is not None:
        elements.append(Gs1Element("30", str(quantity)))
    if lot:
        elements.append(Gs1Element("10", lot))
    if serial:
        elements.append(Gs1Element("21", serial))
    for element in elements:
        check_element(element)
    return tuple(elements)


def check_element(element: Gs1Element) -> None:
    """Refuse a value a GS1 symbol cannot carry for its AI (character set and length)."""
    name = _ALPHANUMERIC_AIS.get(element.ai)
    if name is not None:
        limit = 30 if element.ai in ("240", "241") else 20
        if not 1 <= len(element.value) <= limit:
            raise ValidationError(
                _("the {name} '{element}' must have 1 to {limit} characters for GS1 ({ai})",
                  name=name, element=element.value, limit=limit, ai=element.ai)
            )
        bad = sorted({c for c in element.value if c not in CSET82})
        if bad:
            shown = ", ".join(repr(c) for c in bad)
            raise ValidationError(_("the {name} '{element}' contains {shown}, which GS1 barcodes cannot carry",
                                    name=name, element=element.value, shown=shown))
    elif element.ai in ("30", "37") and not _NUMERIC_VARIABLE.match(element.value):
        raise ValidationError(_("the quantity '{element}' must be 1 to 8 digits for GS1 ({ai})",
                                element=element.value, ai=element.ai))


def element_string(elements: Iterable[Gs1Element], separator: str = GS) -> str:
    """The data as a scanner transmits it: a separator after each variable-length element but the last."""
    items = list(elements)
    parts: list[str] = []
    for index, element in enumerate(items):
        parts.append(element.ai + element.value)
        if element.variable_length and index < len(items) - 1:
            parts.append(separator)
    return "".join(parts)


def human_readable(elements: Iterable[Gs1Element]) -> str:
    """The human-readable interpretation printed under a GS1 symbol: (01)09506000134352(17)..."""
    return "".join(f"({element.ai}){element.value}" for element in elements)
