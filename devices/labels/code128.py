"""Code 128 code-set planning for GS1-128 symbols: which symbol values a printer must be told to draw.

TSPL's manual Code 128 mode ("128M") takes the symbol values themselves (``!105`` Start C, ``!102`` FNC1,
``!099``/``!100`` switch to set C/B) and the label layout needs the symbol's width before printing, so both
use this plan. The plan is the usual greedy one (ISO/IEC 15417 annex F in spirit): start in set C for the
leading AI digits, stay in C for pairs of digits, use set B for anything else and return to C for runs of
four or more digits. FNC1 is value 102 in every set.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

START_B, START_C = 104, 105
CODE_B, CODE_C = 100, 99  # the "switch to set" values (Code B is 100 in set C; Code C is 99 in set B)
FNC1 = 102
STOP_MODULES = 13
SYMBOL_MODULES = 11
QUIET_ZONE_MODULES = 10


@dataclass(frozen=True)
class Symbol:
    """One Code 128 symbol: `value` (0-106) and the characters it carries ('' for start/switch/FNC1)."""

    value: int
    text: str = ""


def plan_code128(parts: Sequence[str | None], *, gs1: bool = True) -> list[Symbol]:
    """Symbols (without check symbol and stop) for `parts`, where None marks an FNC1 separator; a GS1-128
    symbol (`gs1`) starts with FNC1."""
    items: list[str | None] = []
    for part in parts:
        if part is None:
            items.append(None)
        else:
            items.extend(part)
    for item in items:
        if item is not None and not 32 <= ord(item) <= 126:
            raise ValueError(f"'{item}' cannot be drawn in Code 128 set B")
    symbols: list[Symbol] = []
    code_set = "C" if _digit_run(items, 0) >= 2 else "B"
    symbols.append(Symbol(START_C if code_set == "C" else START_B))
    if gs1:
        symbols.append(Symbol(FNC1))
    index = 0
    while index < len(items):
        item = items[index]
        if item is None:
            symbols.append(Symbol(FNC1))
            index += 1
            continue
        run = _digit_run(items, index)
        if code_set == "C":
            if run >= 2:
                pair = f"{items[index]}{items[index + 1]}"
                symbols.append(Symbol(int(pair), pair))
                index += 2
                continue
            symbols.append(Symbol(CODE_B))
            code_set = "B"
        if run >= 4 and run % 2 == 0:
            symbols.append(Symbol(CODE_C))
            code_set = "C"
            continue
        symbols.append(Symbol(ord(item) - 32, item))
        index += 1
    return symbols


def check_value(symbols: Sequence[Symbol]) -> int:
    """The modulo-103 check symbol: the start value plus each following value times its position."""
    return (symbols[0].value + sum(position * symbol.value for position, symbol in enumerate(symbols[1:], 1))) % 103


def width_modules(symbols: Sequence[Symbol], *, quiet_zones: bool = False) -> int:
    """Width of the whole symbol (with check symbol and stop) in modules."""
    width = (len(symbols) + 1) * SYMBOL_MODULES + STOP_MODULES
    return width + (2 * QUIET_ZONE_MODULES if quiet_zones else 0)


def _digit_run(items: Sequence[str | None], start: int) -> int:
    count = 0
    while start + count < len(items):
        item = items[start + count]
        if item is None or not ("0" <= item <= "9"):
            break
        count += 1
    return count
