"""GTIN check digits (GS1 General Specifications 7.9: mod-10 with weights 3 and 1 from the right)."""

from __future__ import annotations

from domain.errors import ValidationError
from domain.i18n import _


def gtin_check_digit(body: str) -> int:
    """GS1 mod-10 check digit for the digits before it (weights 3, 1, 3... from the right)."""
    if not (body.isascii() and body.isdigit()):
        raise ValueError(_("a GTIN body has digits only, got {body!r}", body=body))
    total = sum(int(digit) * (3 if index % 2 == 0 else 1) for index, digit in enumerate(reversed(body)))
    return (10 - total % 10) % 10


def is_valid_gtin(value: str) -> bool:
    """A GTIN-8, -12, -13 or -14 whose last digit is its check digit."""
    return (
        value.isascii()
        and value.isdigit()
        and len(value) in (8, 12, 13, 14)
        and gtin_check_digit(value[:-1]) == int(value[-1])
    )


def normalise_gtin14(value: str) -> str:
    """A GTIN-8/12/13/14 as GTIN-14 (left-padded with zeros), refused with the reason when invalid."""
    value = value.strip()
    if not (value.isascii() and value.isdigit()):
        raise ValidationError(_("GTIN '{value}' must contain digits only", value=value))
    if len(value) not in (8, 12, 13, 14):
        raise ValidationError(_("GTIN '{value}' has {count} digits: a GTIN has 8, 12, 13 or 14",
                                value=value, count=len(value)))
    expected = gtin_check_digit(value[:-1])
    if expected != int(value[-1]):
        raise ValidationError(_("GTIN '{value}' has check digit {value2}, expected {expected}",
                                value=value, value2=value[-1], expected=expected))
    return value.zfill(14)
