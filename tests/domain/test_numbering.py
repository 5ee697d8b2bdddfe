"""Lot and batch number rules (LOT-3): patterns render, the sequence reads back, bad patterns are refused
with a message, never with another exception."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from typing import TypeVar

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from domain.errors import ValidationError
from domain.numbering import DEFAULT_RULES, MAX_NUMBER_LENGTH, NumberContext, NumberRule, parse_pattern

T = TypeVar("T")
LITERAL_CHARS = "ABCXYZabcxyz0123456789._/-"
FIELDS = ["item", "site", "yyyy", "yy", "mm", "dd", "doy"]

literals = st.text(alphabet=LITERAL_CHARS, min_size=1, max_size=4)
fields = st.sampled_from(FIELDS).map(lambda f: "{" + f + "}")
seq_tokens = st.sampled_from(["{seq}", *(f"{{seq:0{n}}}" for n in range(1, 10))])
codes = st.from_regex(r"[A-Z0-9][A-Z0-9._-]{0,5}", fullmatch=True)


@st.composite
def valid_patterns(draw: st.DrawFn) -> str:
    others = draw(st.lists(st.one_of(literals, fields), max_size=5))
    at = draw(st.integers(0, len(others)))
    return "".join([*others[:at], draw(seq_tokens), *others[at:]])


def attempt(action: Callable[[], T]) -> tuple[T | None, str | None]:
    """(result, None) or (None, the refusal's message): a ValidationError is an answer, not a failure."""
    try:
        return action(), None
    except ValidationError as error:
        return None, str(error)


def seq_width(pattern: str) -> int:
    return next(p.width for p in parse_pattern(pattern) if p.field == "seq")


def read_sequence(rule: NumberRule, ctx: NumberContext, number: str) -> int:
    """The sequence part of a number, found from the rule's prefix (the number with {seq} left out)."""
    prefix = rule.prefix_key(ctx).split("|", 1)[1]
    before, after = prefix.split("{seq}")
    assert number.startswith(before)
    assert number.endswith(after)
    digits = number[len(before) : len(number) - len(after)]
    assert digits.isdigit(), digits
    assert len(digits) >= seq_width(rule.pattern)
    return int(digits)


@pytest.mark.req("LOT-3")
@settings(deadline=None)  # no time limit: a busy shared machine is not a failure
@given(
    pattern=valid_patterns(), on=st.dates(date(2000, 1, 1), date(2099, 12, 31)), item=codes, site=codes,
    data=st.data(),
)
def test_valid_patterns_render_and_the_sequence_reads_back(
    pattern: str, on: date, item: str, site: str, data: st.DataObject
) -> None:
    rule = NumberRule("lot.RAW_MATERIAL", pattern)
    ctx = NumberContext(on, item=item, site=site)
    width = seq_width(pattern)
    seq = data.draw(st.integers(1, 10**width - 1 if width else 10**7))
    number, refused = attempt(lambda: rule.render(ctx, seq))
    if number is None:  # the only refusal a valid pattern can meet with a sequence that fits its width
        assert refused is not None
        assert f"longer than {MAX_NUMBER_LENGTH} characters" in refused
        return
    assert len(number) <= MAX_NUMBER_LENGTH
    assert read_sequence(rule, ctx, number) == seq
    # The prefix (what the sequence counts per) does not depend on the sequence: the next number differs.
    if seq + 1 < 10**width or not width:
        following, _ = attempt(lambda: rule.render(ctx, seq + 1))
        if following is not None:
            assert following != number
            assert read_sequence(rule, ctx, following) == seq + 1


@pytest.mark.req("LOT-3")
def test_every_placeholder_renders_as_documented() -> None:
    rule = NumberRule("lot.RAW_MATERIAL", "{item}/{site}-{yyyy}{mm}{dd}-{yy}{doy}-{seq:04}")
    ctx = NumberContext(date(2026, 2, 3), item="RES-1", site="S1")
    assert rule.render(ctx, 7) == "RES-1/S1-20260203-26034-0007"
    assert rule.prefix_key(ctx) == "lot.RAW_MATERIAL|RES-1/S1-20260203-26034-{seq}"
    assert NumberRule("batch", "B{seq}").render(ctx, 12345) == "B12345"


@pytest.mark.req("LOT-3")
def test_the_prefix_restarts_the_sequence_per_item_and_day_but_not_per_year_only_rule() -> None:
    daily = NumberRule("lot.INTERMEDIATE", "{item}-{yy}{doy}-{seq:03}")
    monday, tuesday = date(2026, 3, 2), date(2026, 3, 3)
    keys = {
        daily.prefix_key(NumberContext(monday, item="MIX")),
        daily.prefix_key(NumberContext(tuesday, item="MIX")),
        daily.prefix_key(NumberContext(monday, item="GEL")),
    }
    assert len(keys) == 3
    yearly = NumberRule("shipment", "S{yyyy}-{seq:05}")
    assert yearly.prefix_key(NumberContext(monday)) == yearly.prefix_key(NumberContext(tuesday))
    # The scope is part of the key: two scopes with the same pattern never share a sequence.
    assert NumberRule("batch", "X{seq}").prefix_key(NumberContext(monday)) != NumberRule(
        "recall", "X{seq}"
    ).prefix_key(NumberContext(monday))


@pytest.mark.req("LOT-3")
@pytest.mark.parametrize(
    ("pattern", "message"),
    [
        ("", "1 to 80 characters"),
        ("A" * 78 + "{seq}", "1 to 80 characters"),
        ("LOT-{yy}", r"needs exactly one \{seq\} placeholder; 'LOT-\{yy\}' has 0"),
        ("{seq}-{seq:02}", r"needs exactly one \{seq\} placeholder; '\{seq\}-\{seq:02\}' has 2"),
        ("{lot}-{seq}", r"unknown placeholder \{lot\} in '\{lot\}-\{seq\}': use \{dd\}, \{doy\}"),
        ("A B{seq}", "character ' ' is not allowed in number pattern 'A B{seq}'"),
        ("A#{seq}", "character '#' is not allowed"),
        ("{seq:4}", "character '{' is not allowed"),  # a width is written :0N
        ("{seq:010}", "character '{' is not allowed"),
        ("{SEQ}", "character '{' is not allowed"),
        ("{yy:02}-{seq}", r"only \{seq\} takes a width, not \{yy\}"),
        ("{item:04}{seq}", r"only \{seq\} takes a width, not \{item\}"),
        ("A\nB{seq}", "is not allowed"),  # found by hypothesis: once StopIteration, not a message
        ("{seq}\n", "is not allowed"),  # once accepted: "$" matches before a final newline
    ],
)
def test_invalid_patterns_are_refused_with_a_clear_message(pattern: str, message: str) -> None:
    with pytest.raises(ValidationError, match=message):
        parse_pattern(pattern)
    with pytest.raises(ValidationError, match=message):
        NumberRule("batch", pattern)


@pytest.mark.req("LOT-3")
@settings(deadline=None)  # no time limit: a busy shared machine is not a failure
@given(st.one_of(st.text(max_size=90), st.text(alphabet="{}:0123456789seqitmydao -_/.#\n", max_size=40)))
def test_any_text_is_either_a_pattern_or_a_validation_error(text: str) -> None:
    parts, refused = attempt(lambda: parse_pattern(text))
    if parts is None:
        assert refused  # a message the user can act on
        return
    assert sum(1 for p in parts if p.field == "seq") == 1
    assert all(re.fullmatch(r"[A-Za-z0-9._/-]+", p.literal) for p in parts if p.literal is not None)
    number, refused = attempt(lambda: NumberRule("batch", text).render(NumberContext(date(2026, 1, 1), item="I",
                                                                                     site="S"), 1))
    assert number is not None or "longer than" in (refused or "")


@pytest.mark.req("LOT-3")
def test_sequence_overflow_is_refused_not_wrapped() -> None:
    rule = NumberRule("batch", "B{yy}-{seq:02}")
    ctx = NumberContext(date(2026, 5, 1))
    assert rule.render(ctx, 99) == "B26-99"
    with pytest.raises(ValidationError, match=r"ran out of numbers: sequence 100 needs more than 2 digits; widen"):
        rule.render(ctx, 100)
    with pytest.raises(ValidationError, match="sequence numbers start at 1"):
        rule.render(ctx, 0)


@pytest.mark.req("LOT-3")
def test_numbers_longer_than_the_column_and_missing_values_are_refused() -> None:
    ctx = NumberContext(date(2026, 5, 1), item="A" * 32)
    with pytest.raises(ValidationError, match=f"longer than {MAX_NUMBER_LENGTH} characters"):
        NumberRule("lot.INTERMEDIATE", "{item}-{yyyy}{mm}{dd}-{seq:04}").render(ctx, 1)
    with pytest.raises(ValidationError, match=r"needs a value for \{item\}"):
        NumberRule("shipment", "{item}-{seq}").render(NumberContext(date(2026, 5, 1)), 1)
    with pytest.raises(ValidationError, match=r"needs a value for \{site\}"):
        NumberRule("batch", "{site}-{seq}").render(NumberContext(date(2026, 5, 1), item="X"), 1)


@pytest.mark.req("LOT-3")
def test_changing_a_rule_validates_and_refuses_no_change() -> None:
    rule = NumberRule("batch", "B{seq:04}")
    with pytest.raises(ValidationError, match="unchanged"):
        rule.change("B{seq:04}")
    with pytest.raises(ValidationError, match="exactly one"):
        rule.change("B-")
    assert rule.pattern == "B{seq:04}"
    rule.change("B{yyyy}-{seq:05}")
    assert rule.render(NumberContext(date(2026, 1, 1)), 3) == "B2026-00003"


@pytest.mark.req("LOT-3")
@pytest.mark.parametrize("scope", sorted(DEFAULT_RULES))
def test_default_rules_are_valid(scope: str) -> None:
    rule = NumberRule(scope, DEFAULT_RULES[scope])
    ctx = NumberContext(date(2026, 12, 31), item="SYR-5")
    number = rule.render(ctx, 1)
    assert read_sequence(rule, ctx, number) == 1
