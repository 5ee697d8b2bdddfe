"""Units of measure and quantities: Decimal arithmetic, conversion only within one dimension."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from enum import Enum

from domain.errors import ValidationError
from domain.i18n import N_, _

QUANTUM = Decimal("0.000001")
# One site-wide bound on quantities (GEN-7): 12 digits before the point and 6 after, what NUMERIC(18, 6) holds on
# PostgreSQL. Checked here, so both engines refuse the same values with the same message.
INTEGER_DIGITS = 12
LIMIT = Decimal(10) ** INTEGER_DIGITS


class Unit(Enum):
    KG = "kg"
    G = "g"
    MG = "mg"
    L = "L"
    ML = "mL"
    M = "m"
    CM = "cm"
    PCS = "pcs"

    @classmethod
    def parse(cls, text: str) -> Unit:
        wanted = text.strip()
        for unit in cls:
            if unit.value == wanted or unit.value.casefold() == wanted.casefold():
                return unit
        raise ValidationError(_("unknown unit '{text}': use one of {choices}",
                                text=text, choices=', '.join(u.value for u in cls)))


# unit -> (dimension, factor to the dimension's base unit)
_DIMENSIONS: dict[Unit, tuple[str, Decimal]] = {
    Unit.KG: ("mass", Decimal(1)),
    Unit.G: ("mass", Decimal("0.001")),
    Unit.MG: ("mass", Decimal("0.000001")),
    Unit.L: ("volume", Decimal(1)),
    Unit.ML: ("volume", Decimal("0.001")),
    Unit.M: ("length", Decimal(1)),
    Unit.CM: ("length", Decimal("0.01")),
    Unit.PCS: ("count", Decimal(1)),
}


def convert(quantity: Decimal, source: Unit, target: Unit) -> Decimal:
    """Convert within one dimension; refuse kg -> pcs and the like."""
    if source == target:
        return quantity
    (dim_s, f_s), (dim_t, f_t) = _DIMENSIONS[source], _DIMENSIONS[target]
    if dim_s != dim_t:
        raise ValidationError(
            _("unit {source} does not fit an item kept in {target} ({dim_s} is not {dim_t})",
              source=source.value, target=target.value, dim_s=dim_s, dim_t=dim_t)
        )
    return (quantity * f_s / f_t).quantize(QUANTUM)


def parse_quantity(value: str | int | Decimal, *, what: str = N_("quantity")) -> Decimal:
    try:
        quantity = Decimal(str(value).strip())
    except InvalidOperation:
        raise ValidationError(_("{what} '{value}' is not a number", what=_(what), value=value)) from None
    if not quantity.is_finite():
        raise ValidationError(_("{what} '{value}' is not a number", what=_(what), value=value))
    if quantity <= 0:
        raise ValidationError(_("{what} must be greater than zero", what=_(what)))
    if quantity >= LIMIT:
        raise ValidationError(_("{what} '{value}' is out of range: at most 12 digits before the decimal point "
                                "and 6 after", what=_(what), value=value))
    if quantity != quantity.quantize(QUANTUM):
        raise ValidationError(_("{what} has more than 6 decimal places", what=_(what)))
    return quantity.quantize(QUANTUM)


def fmt(quantity: Decimal) -> str:
    """A quantity without trailing zeros: 12.500000 -> 12.5."""
    text = format(quantity.normalize(), "f")
    return text


def parse_percentage(value: str | int | Decimal, *, what: str = N_("tolerance")) -> Decimal:
    text = str(value).strip().rstrip("%").strip() or "0"
    try:
        pct = Decimal(text)
    except InvalidOperation:
        raise ValidationError(_("{what} '{value}' is not a number", what=_(what), value=value)) from None
    if not pct.is_finite() or pct < 0 or pct > 100:
        raise ValidationError(_("{what} must be between 0 and 100 %", what=_(what)))
    return pct
