"""Units and quantities (domain/quantities.py, LOT-4): conversions within a dimension, positive decimals, parsing."""

from __future__ import annotations

import pytest

from domain.errors import ValidationError
from domain.quantities import Unit, convert, fmt, parse_percentage, parse_quantity
from tests.domain.factories import D

# --- units and quantities ---------------------------------------------------------------------------------


@pytest.mark.req("LOT-4")
def test_units_convert_within_a_dimension_only() -> None:
    assert convert(D(5000), Unit.CM, Unit.M) == D(50)
    assert convert(D(250), Unit.G, Unit.KG) == D("0.25")
    assert convert(D(1), Unit.L, Unit.ML) == D(1000)
    with pytest.raises(ValidationError, match=r"unit pcs does not fit an item kept in kg \(count is not mass\)"):
        convert(D(1), Unit.PCS, Unit.KG)
    assert Unit.parse("ML") is Unit.ML
    assert Unit.parse(" cm ") is Unit.CM
    with pytest.raises(ValidationError, match="unknown unit 'inch'"):
        Unit.parse("inch")


@pytest.mark.req("LOT-4")
@pytest.mark.parametrize(
    ("text", "message"),
    [("0", "greater than zero"), ("-1", "greater than zero"), ("abc", "is not a number"),
     ("NaN", "is not a number"), ("Infinity", "is not a number"), ("1.0000001", "more than 6 decimal places")],
)
def test_quantities_are_positive_decimals(text: str, message: str) -> None:
    with pytest.raises(ValidationError, match=message):
        parse_quantity(text)


def test_quantity_and_percentage_parsing() -> None:
    assert parse_quantity(" 12.5 ") == D("12.500000")
    assert fmt(D("12.500000")) == "12.5"
    assert fmt(D("1000")) == "1000"
    assert parse_percentage("5 %") == D(5)
    assert parse_percentage("") == D(0)
    with pytest.raises(ValidationError, match="between 0 and 100"):
        parse_percentage("101")


@pytest.mark.req("GEN-7")
@pytest.mark.parametrize("text", ["1e17", "1000000000000", "999999999999999999", "1E+12"])
def test_one_bound_on_every_engine_refuses_what_numeric_18_6_cannot_hold(text: str) -> None:
    with pytest.raises(ValidationError, match=r"out of range: at most 12 digits before the decimal point and 6"):
        parse_quantity(text)


@pytest.mark.req("GEN-7")
def test_the_largest_quantity_is_kept_exactly_in_the_domain() -> None:
    assert str(parse_quantity("999999999999.999999")) == "999999999999.999999"
