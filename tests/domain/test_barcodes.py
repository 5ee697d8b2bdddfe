"""GTIN check digits, GS1 dates and the element strings a UDI label carries (pure rules)."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from domain.barcodes import (
    GS,
    BarcodeData,
    BarcodeScheme,
    Gs1Element,
    Scan,
    ScanError,
    element_string,
    format_gs1_date,
    gs1_year,
    gtin_problem,
    human_readable,
    parse_gs1_date,
    udi_elements,
)
from domain.errors import DomainError, ValidationError
from domain.gtin import gtin_check_digit, is_valid_gtin

TODAY = date(2026, 3, 15)


@pytest.mark.req("DEVC-3")
@pytest.mark.parametrize(
    "gtin",
    [
        "09506000134352",  # GS1 General Specifications example GTIN
        "51022222233336",  # IDAutomation GS1 UDI example
        "4006381333931",  # EAN-13 printed on a retail product
        "96385074",  # GTIN-8 example
        "036000291452",  # UPC-A example
    ],
)
def test_real_gtins_are_valid(gtin: str) -> None:
    assert is_valid_gtin(gtin)
    assert gtin_problem(gtin) is None
    assert gtin_check_digit(gtin[:-1]) == int(gtin[-1])


@pytest.mark.req("DEVC-3")
def test_gtin_problems_name_what_is_wrong() -> None:
    assert gtin_problem("09506000134353") == "GTIN '09506000134353' has check digit 3, expected 2"
    assert gtin_problem("0950600013435") == "GTIN '0950600013435' has check digit 5, expected 9"
    assert "has 11 digits" in (gtin_problem("09506000134") or "")
    assert "digits only" in (gtin_problem("0950600013435X") or "")
    assert not is_valid_gtin("٠٩٥٠٦٠٠٠١٣٤٣٥٢")  # Arabic-Indic digits are digits to Python, not to GS1


@given(st.text(alphabet="0123456789", min_size=7, max_size=13))
def test_appending_the_check_digit_always_gives_a_valid_gtin(body: str) -> None:
    if len(body) + 1 in (8, 12, 13, 14):
        assert is_valid_gtin(body + str(gtin_check_digit(body)))


@pytest.mark.req("DEVC-3")
def test_day_00_means_the_last_day_of_the_month_and_is_flagged() -> None:
    assert parse_gs1_date("260200", TODAY) == (date(2026, 2, 28), True)
    assert parse_gs1_date("280200", TODAY) == (date(2028, 2, 29), True)
    assert parse_gs1_date("261231", TODAY) == (date(2026, 12, 31), False)


@pytest.mark.req("DEVC-3")
@pytest.mark.parametrize(
    ("text", "reason"),
    [("261301", "month 13"), ("260230", "day 30"), ("2602", "YYMMDD"), ("26o231", "YYMMDD")],
)
def test_invalid_gs1_dates_say_why(text: str, reason: str) -> None:
    with pytest.raises(ValueError, match=reason):
        parse_gs1_date(text, TODAY)


def test_two_digit_years_lie_within_49_years_back_and_50_forward() -> None:
    assert gs1_year(76, TODAY) == 2076
    assert gs1_year(77, TODAY) == 1977
    assert gs1_year(26, TODAY) == 2026
    assert gs1_year(99, date(2051, 1, 1)) == 2099


def test_format_gs1_date_writes_day_00_for_month_only() -> None:
    assert format_gs1_date(date(2027, 7, 31)) == "270731"
    assert format_gs1_date(date(2027, 7, 31), day_unspecified=True) == "270700"


@pytest.mark.req("DEVC-5")
def test_udi_elements_put_fixed_length_first_and_separate_only_variable_ones() -> None:
    elements = udi_elements(
        "09506000134352",
        lot="A213B1",
        expiry=date(2027, 7, 31),
        production_date=date(2025, 12, 31),
        serial="1234",
    )
    assert [e.ai for e in elements] == ["01", "11", "17", "10", "21"]
    assert element_string(elements) == f"0109506000134352112512311727073110A213B1{GS}211234"
    assert human_readable(elements) == "(01)09506000134352(11)251231(17)270731(10)A213B1(21)1234"


def test_udi_elements_pad_short_gtins_to_14_digits() -> None:
    assert udi_elements("4006381333931")[0] == Gs1Element("01", "04006381333931")


@pytest.mark.req("DEVC-5")
@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        ({"gtin": "09506000134353"}, "check digit 3, expected 2"),
        ({"gtin": "09506000134352", "lot": "LOT 1"}, "contains ' '"),
        ({"gtin": "09506000134352", "lot": "L#1"}, "contains '#'"),
        ({"gtin": "09506000134352", "lot": "X" * 21}, "1 to 20 characters"),
        ({"gtin": "09506000134352", "serial": "Ä1"}, "contains 'Ä'"),
        ({"gtin": "09506000134352", "quantity": -3}, "1 to 8 digits"),
    ],
)
def test_udi_elements_refuse_what_gs1_cannot_carry(arguments: dict[str, object], message: str) -> None:
    gtin = str(arguments.pop("gtin"))
    with pytest.raises(ValidationError, match=message):
        udi_elements(gtin, **arguments)  # type: ignore[arg-type]


def test_scan_times_must_be_timezone_aware() -> None:
    Scan("0109506000134352", "]d2", "test", datetime.now(UTC))
    with pytest.raises(ValueError, match="timezone"):
        Scan("0109506000134352", "]d2", "test", datetime(2026, 1, 1))


def test_barcode_data_is_immutable_and_hashable() -> None:
    other = {"240": "REF-1"}
    data = BarcodeData(raw="x", scheme=BarcodeScheme.GS1, gtin="09506000134352", other=other)
    other["240"] = "changed"
    assert data.other == {"240": "REF-1"}
    with pytest.raises(TypeError):
        data.other["240"] = "again"  # type: ignore[index]
    assert hash(data) == hash(BarcodeData(raw="x", scheme=BarcodeScheme.GS1, gtin="09506000134352"))


def test_scan_error_is_a_domain_error_with_a_code() -> None:
    error = ScanError("The scan is empty.")
    assert isinstance(error, DomainError)
    assert error.code == "scan_invalid"
    assert str(error) == "The scan is empty."
