"""The parsing functions behind every CLI argument and GUI field (domain/inputs.py): one clear message each,
never another exception, never a control character or a foreign digit let through."""

from __future__ import annotations

import unicodedata
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from domain.errors import ValidationError
from domain.inputs import (
    clean_text,
    escaped,
    parse_day,
    parse_decimal,
    parse_identifier,
    parse_int,
    parse_percentage_text,
    parse_quantity_text,
    redact_urls,
    shown,
)
from domain.items import validate_code
from domain.users import validate_printed_name, validate_user_id

PARSERS = [
    lambda t: parse_int(t, "limit", minimum=1, maximum=1000),
    lambda t: parse_decimal(t, "value"),
    lambda t: parse_quantity_text(t),
    lambda t: parse_percentage_text(t),
    lambda t: parse_day(t),
    lambda t: parse_identifier(t, "lot number"),
    lambda t: clean_text(t, "name", max_length=120),
    validate_printed_name,
    validate_user_id,
    lambda t: validate_code(t, "item"),
]


@given(st.text(max_size=60), st.sampled_from(range(len(PARSERS))))
def test_any_text_gives_a_value_or_one_clear_message(text, which):
    try:
        PARSERS[which](text)
    except ValidationError as error:
        message = str(error)
        assert "\n" not in message
        assert all(unicodedata.category(c) not in ("Cc", "Cf") for c in message), message


@pytest.mark.parametrize("bad", ["1e22", "1e999999", "-1e999999", "9" * 40, "1" + "0" * 29 + ".5"])
def test_huge_quantities_are_out_of_range_not_a_crash(bad):
    with pytest.raises(ValidationError, match=r"out of range|too long"):
        parse_quantity_text(bad)


def test_quantities_and_limits_within_bounds_are_read():
    assert parse_quantity_text(" 12.5 ") == Decimal("12.500000")
    assert parse_quantity_text(Decimal("3")) == Decimal("3.000000")
    assert parse_int("20", "limit", minimum=1, maximum=1000) == 20
    assert parse_percentage_text("2.5 %") == Decimal("2.5")
    assert str(parse_day("2026-12-05")) == "2026-12-05"
    with pytest.raises(ValidationError, match="limit must be between 1 and 1000"):
        parse_int("99999999999999999999", "limit", minimum=1, maximum=1000)
    with pytest.raises(ValidationError, match="not a whole number"):
        parse_int("9" * 31, "limit", minimum=1, maximum=1000)


@pytest.mark.parametrize("digits", ["١٢", "١٢٣", "１２", "٣", "12३"])
def test_non_ascii_digits_are_refused_in_numbers_and_names(digits):
    for parse in PARSERS[:6]:
        with pytest.raises(ValidationError):
            parse(digits)
    with pytest.raises(ValidationError, match="use the digits 0-9"):
        validate_printed_name(f"Anna {digits}")


@pytest.mark.req("AUD-1")
@pytest.mark.parametrize("char", ["\x1b", "\x07", "\u202e", "\u2066", "\u200b", "\x00", "\x1f", "\u2028", "\ufeff"])
def test_control_and_bidi_characters_are_refused_in_identifiers_and_names(char):
    with pytest.raises(ValidationError, match=f"U\\+{ord(char):04X}"):
        parse_identifier(f"LOT{char}1", "lot number")
    with pytest.raises(ValidationError, match=f"U\\+{ord(char):04X}"):
        validate_printed_name(f"Eve{char} Evil")
    with pytest.raises(ValidationError) as refused:
        validate_code(f"A{char}B", "item")
    assert char not in str(refused.value)


def test_messages_echo_text_escaped_and_cut():
    assert escaped("a\x1b[31mb\u202e") == "a\\u001b[31mb\\u202e"
    assert shown("x" * 100).endswith("…")
    assert len(shown("x" * 100)) == 40


@pytest.mark.req("GEN-5")
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("postgresql://bt:s3cret@db.site/batchtrace", "postgresql://bt:***@db.site/batchtrace"),
        ("cannot open postgresql+psycopg://u:p:w@h:5432/x now", "cannot open postgresql+psycopg://u:***@h:5432/x now"),
        ("postgresql://bt@db.site/batchtrace", "postgresql://bt@db.site/batchtrace"),
        ("sqlite:////tmp/x.db", "sqlite:////tmp/x.db"),
    ],
)
def test_passwords_in_urls_are_redacted(text, expected):
    assert redact_urls(text) == expected
