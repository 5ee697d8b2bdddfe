"""Compare two versions of one versioned record field by field (CHG-2): a master batch record (header, bill of
materials, steps, the parameters of each step) or a specification (header, tests).

The result is an ordered list of rows (section, key, field, old, new, kind), header first, then each part in the
order of the newer version with removed parts where they stood in the older one. Lines are matched by what
identifies them in the record: a BOM line by its component, a step by its number, a parameter by its step and
name, a test by its code. Numbers are compared as Decimal, so 1.50 and 1.5 are the same value.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from enum import Enum
from typing import Any, TypeVar

from domain.errors import ValidationError
from domain.i18n import N_, _
from domain.mbr import BomLine, MasterBatchRecord
from domain.process import ProcessParameter, ProcessStep
from domain.quality import Specification, SpecTest

Value = str | Decimal | int | bool | datetime | None


class ChangeKind(Enum):
    ADDED = N_("Added")
    REMOVED = N_("Removed")
    CHANGED = N_("Changed")


# Sections and fields, marked for translation where they are named (shown through _() by the readers).
HEADER, BOM_LINE, STEP, PARAMETER, TEST = N_("Header"), N_("BOM line"), N_("Step"), N_("Parameter"), N_("Test")


@dataclass(frozen=True)
class DiffRow:
    section: str  # HEADER, BOM_LINE, STEP, PARAMETER or TEST
    key: str  # what identifies the part within its section: "RES-PC", "2", "2 · Barrel temperature", "MFI"
    field: str  # the field's English name, e.g. "Quantity per unit"
    old: Value
    new: Value
    kind: ChangeKind

    @property
    def path(self) -> str:
        return f"{self.section} {self.key}".strip()


@dataclass(frozen=True)
class _Field:
    name: str
    read: Callable[[Any], Value]


def _f(name: str, attribute: str) -> _Field:
    return _Field(name, lambda obj: getattr(obj, attribute))


def _status(obj: object) -> Value:
    # The lifecycle grows (in review, approved, retired): any stored status compares as its text.
    status = getattr(obj, "status", None)
    return str(getattr(status, "value", status)) if status is not None else None


_HEADER_FIELDS = (_f(N_("Title"), "title"), _Field(N_("Status"), _status), _f(N_("Created"), "created_at"),
                  _f(N_("Effective since"), "effective_at"))
_LINE_FIELDS = (_f(N_("Line"), "line_no"), _f(N_("Quantity per unit"), "quantity_per_unit"),
                _f(N_("Tolerance %"), "tolerance_pct"))
_STEP_FIELDS = (_f(N_("Instruction"), "instruction"), _f(N_("Equipment class"), "equipment_class"),
                _f(N_("Performed signature"), "needs_performed"), _f(N_("Verified signature"), "needs_verified"),
                _f(N_("Any order"), "any_order"))
_PARAMETER_FIELDS = (_f(N_("Unit"), "unit"), _f(N_("Target"), "target"), _f(N_("Lower limit"), "lower"),
                     _f(N_("Upper limit"), "upper"), _f(N_("Alert lower"), "alert_lower"),
                     _f(N_("Alert upper"), "alert_upper"))
_TEST_FIELDS = (_f(N_("Name"), "name"), _f(N_("Method"), "method"),
                _Field(N_("Result type"), lambda t: t.result_type.value), _f(N_("Unit"), "unit"),
                _f(N_("Lower limit"), "lower"), _f(N_("Upper limit"), "upper"), _f(N_("Decimals"), "decimals"),
                _f(N_("Expected text"), "expected_text"), _f(N_("Replicates"), "replicates"),
                _f(N_("Required for release"), "required_for_release"))


def same(old: Value, new: Value) -> bool:
    """Equal as the record means them: Decimal by value, text by its words (None and "" are both empty)."""
    if isinstance(old, str) or isinstance(new, str):
        return " ".join(str(old or "").split()) == " ".join(str(new or "").split())
    if isinstance(old, bool) or isinstance(new, bool):
        return old is new
    return old == new


def _fields(section: str, key: str, fields: Sequence[_Field], old: object | None, new: object | None
            ) -> list[DiffRow]:
    rows = []
    for field in fields:
        before = field.read(old) if old is not None else None
        after = field.read(new) if new is not None else None
        if old is None:
            if after not in (None, ""):
                rows.append(DiffRow(section, key, field.name, None, after, ChangeKind.ADDED))
        elif new is None:
            if before not in (None, ""):
                rows.append(DiffRow(section, key, field.name, before, None, ChangeKind.REMOVED))
        elif not same(before, after):
            rows.append(DiffRow(section, key, field.name, before, after, ChangeKind.CHANGED))
    return rows


T = TypeVar("T")


def _pairs(old: Iterable[T], new: Iterable[T], key: Callable[[T], object]) -> list[tuple[T | None, T | None]]:
    """Match the parts of two versions by key, in the newer version's order; a removed part follows the part
    that preceded it in the older version."""
    old_list, new_list = list(old), list(new)
    old_by_key = {key(o): o for o in old_list}
    new_keys = {key(n) for n in new_list}
    pairs: list[tuple[T | None, T | None]] = [(old_by_key.get(key(n)), n) for n in new_list]
    for index, o in enumerate(old_list):
        if key(o) in new_keys:
            continue
        before = next((key(p) for p in reversed(old_list[:index]) if key(p) in new_keys), None)
        at = 0 if before is None else 1 + next(i for i, (_o, n) in enumerate(pairs) if n is not None
                                               and key(n) == before)
        while at < len(pairs) and pairs[at][1] is None:
            at += 1  # keep removed parts in their older order
        pairs.insert(at, (o, None))
    return pairs


def _either(pair: tuple[T | None, T | None]) -> T:
    found = pair[1] if pair[1] is not None else pair[0]
    assert found is not None
    return found


def diff_mbrs(old: MasterBatchRecord, new: MasterBatchRecord) -> list[DiffRow]:
    """Every difference between two versions of one master batch record, field by field (CHG-2)."""
    if old.product_code != new.product_code:
        raise ValidationError(_("{old} and {new} are not versions of the same master batch record",
                                old=old.label, new=new.label))
    rows = _fields(HEADER, "", _HEADER_FIELDS, old, new)
    line_pairs: list[tuple[BomLine | None, BomLine | None]] = _pairs(old.lines, new.lines, lambda ln: ln.item_code)
    for line_pair in line_pairs:
        rows += _fields(BOM_LINE, _either(line_pair).item_code, _LINE_FIELDS, *line_pair)
    step_pairs: list[tuple[ProcessStep | None, ProcessStep | None]] = _pairs(old.steps, new.steps,
                                                                             lambda s: s.step_no)
    for before, after in step_pairs:
        step_no = _either((before, after)).step_no
        rows += _fields(STEP, str(step_no), _STEP_FIELDS, before, after)
        parameter_pairs: list[tuple[ProcessParameter | None, ProcessParameter | None]] = _pairs(
            before.parameters if before else [], after.parameters if after else [], lambda p: p.name.casefold())
        for pair in parameter_pairs:
            rows += _fields(PARAMETER, f"{step_no} · {_either(pair).name}", _PARAMETER_FIELDS, *pair)
    return rows


def diff_specs(old: Specification, new: Specification) -> list[DiffRow]:
    """Every difference between two versions of one item's specification, test by test (CHG-2)."""
    if old.item_code != new.item_code:
        raise ValidationError(_("{old} and {new} are not versions of the same specification",
                                old=old.label, new=new.label))
    rows = _fields(HEADER, "", _HEADER_FIELDS, old, new)
    test_pairs: list[tuple[SpecTest | None, SpecTest | None]] = _pairs(old.tests, new.tests, lambda t: t.code)
    for pair in test_pairs:
        rows += _fields(TEST, _either(pair).code, _TEST_FIELDS, *pair)
    return rows


@dataclass(frozen=True)
class ContentRow:
    """One field of one version as it was (CHG-2: every earlier version stays readable)."""

    section: str
    key: str
    field: str
    value: Value


def _content(section: str, key: str, fields: Sequence[_Field], obj: object) -> list[ContentRow]:
    return [ContentRow(section, key, field.name, field.read(obj)) for field in fields]


def describe_mbr(record: MasterBatchRecord) -> list[ContentRow]:
    """Every field of a master batch record version, in the order the compare uses."""
    rows = _content(HEADER, "", _HEADER_FIELDS, record)
    for line in record.lines:
        rows += _content(BOM_LINE, line.item_code, _LINE_FIELDS, line)
    for step in record.steps:
        rows += _content(STEP, str(step.step_no), _STEP_FIELDS, step)
        for parameter in step.parameters:
            rows += _content(PARAMETER, f"{step.step_no} · {parameter.name}", _PARAMETER_FIELDS, parameter)
    return rows


def describe_spec(spec: Specification) -> list[ContentRow]:
    """Every field of a specification version, in the order the compare uses."""
    rows = _content(HEADER, "", _HEADER_FIELDS, spec)
    for test in spec.tests:
        rows += _content(TEST, test.code, _TEST_FIELDS, test)
    return rows


def value_text(value: Value) -> str:
    """A compared value as the reader sees it: numbers without trailing zeros, yes/no, ISO dates (UTC)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if isinstance(value, Decimal):
        text = format(value, "f")
        return text.rstrip("0").rstrip(".") if "." in text else text
    if isinstance(value, datetime):
        return value.astimezone().strftime("%Y-%m-%d %H:%M")  # the station's time, as the rest of the app
    return str(value)
