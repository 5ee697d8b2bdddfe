"""HIBC Supplier Labeling barcodes (DEVC-3): primary, secondary and concatenated structures."""

from __future__ import annotations

from datetime import date

import pytest

from devices.gs1 import parse_barcode
from devices.hibc import hibc_check_character, parse_hibc
from domain.barcodes import BarcodeScheme, ScanError


@pytest.mark.req("DEVC-3")
@pytest.mark.parametrize(
    ("data", "check"),
    [
        ("+A123BJC5D6E71", "G"),  # Zebra DS9908 product reference guide, "Health Industry - HIBCC43"
        ("+A1234BJC5D6E71", "K"),  # the same worked example with a 4-digit LIC on esatclear.ie (mod 43 page)
        ("+A99912345/$$52001510X3/16D20111212/S77DE1G45", "-"),  # README of the 'hibc' Python package
    ],
)
def test_mod43_check_characters_match_published_examples(data: str, check: str) -> None:
    assert hibc_check_character(data) == check


@pytest.mark.req("DEVC-3")
def test_primary_structure_gives_the_device_identifier() -> None:
    data = parse_barcode("+A123BJC5D6E71G")
    assert data.scheme is BarcodeScheme.HIBC
    assert data.device_identifier == "A123BJC5D6E71"
    assert data.other == {"LIC": "A123", "PCN": "BJC5D6E7", "UOM": "1"}
    assert data.gtin is None and data.lot is None


@pytest.mark.req("DEVC-3")
def test_concatenated_structure_with_supplemental_fields() -> None:
    data = parse_barcode("+A99912345/$$52001510X3/16D20111212/S77DE1G45-", "]C0")
    assert data.symbology == "]C0"
    assert data.device_identifier == "A99912345"
    assert data.expiry == date(2020, 1, 15)  # $$5: YYJJJ, day 15 of 2020
    assert data.lot == "10X3"
    assert data.production_date == date(2011, 12, 12)
    assert data.serial == "77DE1G45"


@pytest.mark.req("DEVC-3")
def test_code39_start_stop_asterisks_are_ignored() -> None:
    assert parse_barcode("*+A123BJC5D6E71G*").device_identifier == "A123BJC5D6E71"


# Secondary formats as in the HIBC Supplier Labeling Standard (and the test vectors of a JavaScript HIBC
# decoder): LIC Z999, product 00999302035, unit 1; lot 3C001; dates 2005-09-28 / September 2005.
PRIMARY = "+Z999009993020351"


def with_check(data: str) -> str:
    return data + hibc_check_character(data)


@pytest.mark.req("DEVC-3")
@pytest.mark.parametrize(
    ("secondary", "expiry", "month_only", "lot", "quantity"),
    [
        ("$3C001", None, False, "3C001", None),
        ("$$09053C001", date(2005, 9, 30), True, "3C001", None),
        ("$$20928053C001", date(2005, 9, 28), False, "3C001", None),
        ("$$30509283C001", date(2005, 9, 28), False, "3C001", None),
        ("$$4050928223C001", date(2005, 9, 28), False, "3C001", None),
        ("$$5052713C001", date(2005, 9, 28), False, "3C001", None),
        ("$$605271223C001", date(2005, 9, 28), False, "3C001", None),
        ("$$73C001", None, False, "3C001", None),
        ("$$82409053C001", date(2005, 9, 30), True, "3C001", 24),
        ("$$82430509283C001", date(2005, 9, 28), False, "3C001", 24),
        ("$$824", None, False, None, 24),
        ("$$90010020928053C001", date(2005, 9, 28), False, "3C001", 100),
        ("05271", date(2005, 9, 28), False, None, None),
    ],
)
def test_secondary_formats(
    secondary: str, expiry: date | None, month_only: bool, lot: str | None, quantity: int | None
) -> None:
    data = parse_barcode(with_check(f"{PRIMARY}/{secondary}"))
    assert data.device_identifier == "Z999009993020351"
    assert data.expiry == expiry
    assert data.expiry_day_unspecified is month_only
    assert data.lot == lot
    assert data.quantity == quantity


@pytest.mark.req("DEVC-3")
def test_serial_number_forms() -> None:
    assert parse_barcode(with_check(f"{PRIMARY}/$$+30509280001")).serial == "0001"
    assert parse_barcode(with_check(f"{PRIMARY}/$+0001")).serial == "0001"


@pytest.mark.req("DEVC-3")
def test_a_secondary_symbol_on_its_own_keeps_its_link_character() -> None:
    link = hibc_check_character(PRIMARY)
    data = parse_barcode(with_check(f"+$$09053C001{link}"))
    assert data.device_identifier is None
    assert data.lot == "3C001"
    assert data.other == {"link": link}


@pytest.mark.req("DEVC-3")
@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("+A123BJC5D6E71X", "The HIBC check character is 'X' but the data gives 'G'"),
        ("+a123BJC5D6E71G", "'a' at character 2"),
        (with_check("+A12"), "too short"),
        ("+", "at least 3 characters"),
        (with_check("+1234ABC1"), "no known format"),
        ("+A1#3ABC1Z", "'#' at character 4"),
        (with_check("+A123ABCX"), "unit of measure 'X' must be a digit"),
        (with_check(f"{PRIMARY}/$$1305LOT"), "month 13"),
        (with_check(f"{PRIMARY}/$$505400LOT"), "day 400 of 2005"),
        (with_check(f"{PRIMARY}/$$8"), "quantity after '$$8' must be 2 digits"),
        (with_check(f"{PRIMARY}/$$2023105LOT"), "is not a valid date"),
        (with_check(f"{PRIMARY}/$$4050928253C001"), "hour 25"),
        (with_check(f"{PRIMARY}/$3C001/16D2011121"), "production date '2011121' must be YYYYMMDD"),
        (with_check(f"{PRIMARY}/$3C001/Q12"), "Unknown HIBC supplemental field '/Q12'"),
    ],
)
def test_malformed_hibc_gives_one_clear_message(text: str, message: str) -> None:
    with pytest.raises(ScanError) as caught:
        parse_hibc(text)
    assert message in str(caught.value)
