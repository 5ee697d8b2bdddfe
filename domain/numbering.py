"""Lot and batch number rules (LOT-3): patterns such as `{item}-{yy}{doy}-{seq:04}`.

A pattern is literal text with placeholders: {item} (item or product code), {site}, {yyyy}, {yy}, {mm},
{dd}, {doy} (day of the year, 3 digits), and exactly one {seq} or {seq:0N} (N = 1..9 digits). The
sequence counts per *prefix*: the number rendered with the sequence left out, so `{item}-{yy}{doy}-{seq:04}`
restarts at 0001 for each item and day, while `B{yyyy}-{seq:05}` runs through the year.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from domain.errors import ValidationError
from domain.i18n import _

_TOKEN = re.compile(r"\{([a-z]+)(?::0([1-9]))?\}")
_LITERAL = re.compile(r"[A-Za-z0-9._/-]*")  # always fullmatch: "$" would let a final "\n" through
_FIELDS = {"item", "site", "yyyy", "yy", "mm", "dd", "doy", "seq"}
MAX_NUMBER_LENGTH = 40


@dataclass(frozen=True)
class NumberContext:
    on: date
    item: str = ""
    site: str = ""


@dataclass(frozen=True)
class _Part:
    literal: str | None = None
    field: str | None = None
    width: int = 0


class NumberRule:
    """The pattern for one scope (e.g. "lot.RAW_MATERIAL", "batch", "shipment", "recall")."""

    scope: str
    pattern: str

    def __init__(self, scope: str, pattern: str) -> None:
        parse_pattern(pattern)
        self.scope = scope
        self.pattern = pattern

    def change(self, pattern: str) -> None:
        parse_pattern(pattern)
        if pattern == self.pattern:
            raise ValidationError(_("the pattern is unchanged"))
        self.pattern = pattern

    @property
    def parts(self) -> tuple[_Part, ...]:
        return parse_pattern(self.pattern)

    def prefix_key(self, ctx: NumberContext) -> str:
        """What the sequence counts per: the scope plus the number with the sequence left out."""
        return f"{self.scope}|" + "".join(
            "{seq}" if p.field == "seq" else _render_part(p, ctx) for p in self.parts
        )

    def render(self, ctx: NumberContext, seq: int) -> str:
        seq_part = next(p for p in self.parts if p.field == "seq")
        if seq < 1:
            raise ValidationError(_("sequence numbers start at 1"))
        if seq_part.width and seq >= 10**seq_part.width:
            raise ValidationError(
                _("number rule '{pattern}' ran out of numbers: sequence {seq} needs more than {width} digits; widen "
                  "the rule",
                  pattern=self.pattern, seq=seq, width=seq_part.width)
            )
        number = "".join(str(seq).zfill(p.width) if p.field == "seq" else _render_part(p, ctx) for p in self.parts)
        if len(number) > MAX_NUMBER_LENGTH:
            raise ValidationError(_("number '{number}' is longer than {max_number_length} characters",
                                    number=number, max_number_length=MAX_NUMBER_LENGTH))
        return number


def parse_pattern(pattern: str) -> tuple[_Part, ...]:
    if not pattern or len(pattern) > 80:
        raise ValidationError(_("a number pattern must have 1 to 80 characters"))
    parts: list[_Part] = []
    pos = 0
    for match in _TOKEN.finditer(pattern):
        _literal(pattern[pos : match.start()], pattern, parts)
        field, width = match.group(1), match.group(2)
        if field not in _FIELDS:
            known = ", ".join("{" + f + "}" for f in sorted(_FIELDS))
            raise ValidationError(_("unknown placeholder {{{field}}} in '{pattern}': use {known}",
                                    field=field, pattern=pattern, known=known))
        if width and field != "seq":
            raise ValidationError(_("only {{seq}} takes a width, not {{{field}}}, in '{pattern}'",
                                    field=field, pattern=pattern))
        parts.append(_Part(field=field, width=int(width) if width else 0))
        pos = match.end()
    _literal(pattern[pos:], pattern, parts)
    seqs = sum(1 for p in parts if p.field == "seq")
    if seqs != 1:
        raise ValidationError(_("a number pattern needs exactly one {{seq}} placeholder; '{pattern}' has {seqs}",
                                pattern=pattern, seqs=seqs))
    return tuple(parts)


def _literal(text: str, pattern: str, parts: list[_Part]) -> None:
    if not text:
        return
    if not _LITERAL.fullmatch(text):
        bad = next(c for c in text if not _LITERAL.fullmatch(c))
        raise ValidationError(
            _("character '{bad}' is not allowed in number pattern '{pattern}' (letters, digits, '.', '_', '/', '-' "
              "and placeholders in braces)",
              bad=bad, pattern=pattern)
        )
    parts.append(_Part(literal=text))


def _render_part(part: _Part, ctx: NumberContext) -> str:
    if part.literal is not None:
        return part.literal
    on = ctx.on
    values = {
        "item": ctx.item,
        "site": ctx.site,
        "yyyy": f"{on.year:04d}",
        "yy": f"{on.year % 100:02d}",
        "mm": f"{on.month:02d}",
        "dd": f"{on.day:02d}",
        "doy": f"{on.timetuple().tm_yday:03d}",
    }
    value = values[part.field or ""]
    if part.field in ("item", "site") and not value:
        raise ValidationError(_("the number rule needs a value for {{{field}}}", field=part.field))
    return value


DEFAULT_RULES: dict[str, str] = {
    "lot.RAW_MATERIAL": "R{yy}{doy}-{seq:04}",
    "lot.COMPONENT": "C{yy}{doy}-{seq:04}",
    "lot.PACKAGING": "P{yy}{doy}-{seq:04}",
    "lot.INTERMEDIATE": "{item}-{yy}{doy}-{seq:03}",
    "lot.FINISHED_DEVICE": "{item}-{yy}{doy}-{seq:03}",
    "batch": "B{yy}{mm}-{seq:04}",
    "shipment": "S{yyyy}-{seq:05}",
    "recall": "RC{yyyy}-{seq:03}",
    "deviation": "DEV{yyyy}-{seq:04}",
    "capa": "CAPA{yyyy}-{seq:04}",
    "change": "CR-{yy}{mm}-{seq:04}",
}
