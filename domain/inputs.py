"""What a person types, checked once: the parsing functions every CLI argument and GUI field goes through.

Each function takes the raw text and either returns the value or raises `ValidationError` with one line a
user can act on. Text that reaches a record is refused when it holds control or format characters (ESC, BEL,
the bidirectional overrides such as U+202E, zero-width characters): they would be stored for good and
echoed raw to terminals and printouts, and a right-to-left override makes a lot number read differently
from what it is. Digits must be ASCII digits: Python reads '١٢' as 12, a person reading the record does not.
Lengths are bounded before any conversion, so no input can make a conversion itself fail.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date
from decimal import Decimal, InvalidOperation

from domain.errors import ValidationError
from domain.i18n import N_, _

# The longest number anyone types: 30 characters covers 18 digits, a point and 6 decimals with room left.
MAX_NUMBER_TEXT = 30
SHOWN_LENGTH = 40


def escaped(text: str) -> str:
    """`text` with every control and format character written as an escape (\\u001b), safe to print."""
    return "".join(
        f"\\u{ord(char):04x}" if unicodedata.category(char) in _UNSAFE_CATEGORIES else char for char in text
    )


def shown(text: str) -> str:
    """`text` as a message may echo it: escaped, long text cut."""
    out = escaped(text)
    return out if len(out) <= SHOWN_LENGTH else out[: SHOWN_LENGTH - 1] + "…"


# Cc control, Cf format (bidi overrides and isolates, zero-width joiners, BOM), Zl/Zp line and paragraph
# separators, Co private use, Cs surrogates, Cn unassigned.
_UNSAFE_CATEGORIES = frozenset({"Cc", "Cf", "Zl", "Zp", "Co", "Cs", "Cn"})


def refuse_unsafe(text: str, what: str) -> str:
    """Refuse control and format characters and non-ASCII digits; return the text unchanged."""
    for char in text:
        category = unicodedata.category(char)
        if category in _UNSAFE_CATEGORIES:
            name = unicodedata.name(char, "control character")
            raise ValidationError(_("the {what} contains U+{ord:04X} ({name}): type it without it",
                                    what=_(what), ord=ord(char), name=name))
        if category == "Nd" and not "0" <= char <= "9":
            raise ValidationError(
                _("the {what} contains the digit '{char}' (U+{ord:04X}): use the digits 0-9",
                  what=_(what), char=char, ord=ord(char))
            )
    return text


def clean_text(text: str, what: str, *, max_length: int, required: bool = True) -> str:
    """A name or label: safe characters, runs of spaces made one, within `max_length`."""
    refuse_unsafe(text, what)
    cleaned = " ".join(text.split())
    if required and not cleaned:
        raise ValidationError(_("the {what} is required", what=_(what)))
    if len(cleaned) > max_length:
        raise ValidationError(_("the {what} is longer than {max_length} characters", what=_(what),
                                max_length=max_length))
    return cleaned


def parse_identifier(text: str, what: str, *, max_length: int = 64, spaces: bool = False) -> str:
    """A number or code someone typed or scanned to find a record (lot, batch, recall, supplier lot)."""
    refuse_unsafe(text, what)
    cleaned = text.strip()
    if not cleaned:
        raise ValidationError(_("the {what} is required", what=_(what)))
    if len(cleaned) > max_length:
        raise ValidationError(_("the {what} '{shown}' is longer than {max_length} characters",
                                what=_(what), shown=shown(cleaned), max_length=max_length))
    if not spaces and any(char.isspace() for char in cleaned):
        raise ValidationError(_("the {what} '{shown}' contains a space", what=_(what), shown=shown(cleaned)))
    return cleaned


def parse_int(text: str, what: str, *, minimum: int, maximum: int) -> int:
    """A whole number within [minimum, maximum], in ASCII digits."""
    cleaned = text.strip()
    digits = cleaned[1:] if cleaned[:1] in "+-" else cleaned
    if not digits or len(cleaned) > MAX_NUMBER_TEXT or not all("0" <= c <= "9" for c in digits):
        raise ValidationError(_("{what} '{shown}' is not a whole number", what=_(what), shown=shown(cleaned)))
    value = int(cleaned)
    if not minimum <= value <= maximum:
        raise ValidationError(_("{what} must be between {minimum} and {maximum}",
                                what=_(what), minimum=minimum, maximum=maximum))
    return value


def parse_decimal(text: str, what: str) -> Decimal:
    """A finite decimal number in plain ASCII notation (no exponent beyond what fits MAX_NUMBER_TEXT)."""
    cleaned = text.strip()
    if len(cleaned) > MAX_NUMBER_TEXT:
        raise ValidationError(_("{what} '{shown}' is too long to be a quantity", what=_(what), shown=shown(cleaned)))
    if not cleaned or not all(c in "0123456789+-.eE" for c in cleaned):
        raise ValidationError(_("{what} '{shown}' is not a number", what=_(what), shown=shown(cleaned)))
    try:
        value = Decimal(cleaned)
    except InvalidOperation:
        raise ValidationError(_("{what} '{shown}' is not a number", what=_(what), shown=shown(cleaned))) from None
    if not value.is_finite():
        raise ValidationError(_("{what} '{shown}' is not a number", what=_(what), shown=shown(cleaned)))
    # An exponent that makes the number longer than anyone types: 1e999999 is a typo, not a quantity.
    if value != 0 and abs(value.adjusted()) > MAX_NUMBER_TEXT:
        raise ValidationError(_("{what} '{shown}' is out of range", what=_(what), shown=shown(cleaned)))
    return value


def parse_day(text: str) -> date:
    """A calendar day as YYYY-MM-DD."""
    cleaned = text.strip()
    if len(cleaned) != 10 or not all("0" <= c <= "9" or c == "-" for c in cleaned):
        raise ValidationError(_("'{shown}' is not a date: use YYYY-MM-DD", shown=shown(cleaned)))
    try:
        return date.fromisoformat(cleaned)
    except ValueError:
        raise ValidationError(_("'{shown}' is not a date: use YYYY-MM-DD", shown=shown(cleaned))) from None


def parse_quantity_text(text: str | int | Decimal, what: str = N_("quantity")) -> Decimal:
    """A quantity as typed (or passed on): a bounded ASCII number, then the rules of `domain.quantities`."""
    from domain.quantities import LIMIT, parse_quantity  # the rules stay where quantities are defined

    text = str(text)
    value = parse_decimal(text, what)
    if value >= LIMIT:  # named as typed ('1e17'), with the one message of the site-wide bound (GEN-7)
        raise ValidationError(_("{what} '{value}' is out of range: at most 12 digits before the decimal point "
                                "and 6 after", what=_(what), value=shown(text.strip())))
    try:
        return parse_quantity(value, what=what)
    except ArithmeticError:  # more digits than a quantity can hold once scaled
        raise ValidationError(_("{what} '{shown}' is out of range", what=_(what), shown=shown(text.strip()))) from None


def parse_percentage_text(text: str | int | Decimal, what: str = N_("tolerance")) -> Decimal:
    """A percentage between 0 and 100, '%' allowed after the number."""
    from domain.quantities import parse_percentage

    cleaned = str(text).strip().rstrip("%").strip() or "0"
    parse_decimal(cleaned, what)
    return parse_percentage(cleaned, what=what)


_URL_PASSWORD = re.compile(r"(?P<head>[A-Za-z][A-Za-z0-9+.-]*://[^:/@\s]*):[^@\s]*@")


def redact_urls(text: str) -> str:
    """Every `scheme://user:password@host` in a message with the password replaced by ***."""
    return _URL_PASSWORD.sub(lambda m: f"{m.group('head')}:***@", text)
