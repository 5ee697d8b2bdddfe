"""GTINs (domain/gtin.py, LOT-1): normalised to 14 digits, a wrong check digit refused naming the right one."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from domain.errors import ValidationError
from domain.gtin import gtin_check_digit, is_valid_gtin, normalise_gtin14

# --- LOT-1: items and GTINs ----------------------------------------------------------------------------


@pytest.mark.req("LOT-1")
@pytest.mark.parametrize(
    ("gtin", "as14"),
    [
        ("96385074", "00000096385074"),  # GTIN-8
        ("036000291452", "00036000291452"),  # GTIN-12 (UPC-A)
        ("4006381333931", "04006381333931"),  # GTIN-13 (EAN-13)
        ("09506000134352", "09506000134352"),  # GTIN-14
        (" 4006381333931 ", "04006381333931"),
    ],
)
def test_valid_gtins_are_normalised_to_14_digits(gtin: str, as14: str) -> None:
    assert normalise_gtin14(gtin) == as14
    assert is_valid_gtin(gtin.strip())


@pytest.mark.req("LOT-1")
@pytest.mark.parametrize(
    ("gtin", "message"),
    [
        ("4006381333932", "GTIN '4006381333932' has check digit 2, expected 1"),
        ("09506000134353", "GTIN '09506000134353' has check digit 3, expected 2"),
        ("96385075", "has check digit 5, expected 4"),
        ("123456789", "has 9 digits: a GTIN has 8, 12, 13 or 14"),
        ("40063813339311", "has check digit 1, expected"),
        ("4006-381333931", "must contain digits only"),
        ("", "must contain digits only"),
    ],
)
def test_bad_gtins_are_refused_naming_the_expected_check_digit(gtin: str, message: str) -> None:
    with pytest.raises(ValidationError, match=message):
        normalise_gtin14(gtin)
    assert not is_valid_gtin(gtin)


@pytest.mark.req("LOT-1")
@settings(deadline=None)  # no time limit: a busy shared machine is not a failure
@given(st.text(alphabet="0123456789", min_size=7, max_size=13).filter(lambda b: len(b) + 1 in (8, 12, 13, 14)))
def test_the_computed_check_digit_is_the_only_one_accepted(body: str) -> None:
    right = gtin_check_digit(body)
    assert normalise_gtin14(f"{body}{right}") == f"{body}{right}".zfill(14)
    for wrong in set(range(10)) - {right}:
        with pytest.raises(ValidationError, match=f"expected {right}"):
            normalise_gtin14(f"{body}{wrong}")
