"""QC specifications and results (QC-1, QC-2): versioned specifications per item, the tests they hold, and the
rule that judges a result against its test (rounded to the test's decimals before comparing)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from enum import Enum

from domain.errors import ValidationError
from domain.i18n import N_, _, names, one_of
from domain.quantities import LIMIT, QUANTUM


class ResultType(Enum):
    NUMERIC = N_("Numeric")
    PASS_FAIL = N_("Pass/fail")
    TEXT = N_("Text")

    @classmethod
    def parse(cls, text: str) -> ResultType:
        wanted = text.strip().replace("_", "/")
        for t in cls:
            if names(wanted, t.value) or names(wanted, t.name.replace("_", "/")):
                return t
        raise ValidationError(_("unknown result type '{text}': use one of {choices}",
                                text=text, choices=one_of(t.value for t in cls)))


class SpecStatus(Enum):
    """The document lifecycle (CHG-1), as for master batch records (domain.mbr.MbrStatus)."""

    DRAFT = N_("Draft")
    IN_REVIEW = N_("In review")
    APPROVED = N_("Approved")
    EFFECTIVE = N_("Effective")
    SUPERSEDED = N_("Superseded")
    RETIRED = N_("Retired")


class ResultStatus(Enum):
    ENTERED = N_("Entered")
    REVIEWED = N_("Reviewed")


class PlanStatus(Enum):
    OPEN = N_("Open")  # on the QC worklist
    DONE = N_("Done")  # every test has a reviewed result


PASS, FAIL = "Pass", "Fail"
MAX_REPLICATES = 20


@dataclass(frozen=True)
class TestInput:
    """One test of a specification as a person or a file gives it (text, validated by `SpecTest.of`)."""

    __test__ = False  # not a pytest class

    code: str
    name: str
    method: str
    result_type: str = "Numeric"
    unit: str = ""
    lower: str | None = None
    upper: str | None = None
    decimals: int = 2
    expected_text: str | None = None
    replicates: int = 1
    required_for_release: bool = True


def _number(text: str | None, what: str) -> Decimal | None:
    if text is None or not str(text).strip():
        return None
    try:
        value = Decimal(str(text).strip().replace(",", "."))
    except InvalidOperation:
        raise ValidationError(_("{what} '{text}' is not a number", what=_(what), text=text)) from None
    if not value.is_finite():
        raise ValidationError(_("{what} '{text}' is not a number", what=_(what), text=text))
    if abs(value) >= LIMIT or value != value.quantize(QUANTUM):  # kept as a quantity is: exact, GEN-7
        raise ValidationError(_("{what} '{value}' is out of range: at most 12 digits before the decimal point "
                                "and 6 after", what=_(what), value=text))
    return value


class SpecTest:
    id: int | None
    spec_id: int | None
    seq: int
    code: str
    name: str
    method: str
    result_type: ResultType
    unit: str
    lower: Decimal | None
    upper: Decimal | None
    decimals: int
    expected_text: str | None
    replicates: int
    required_for_release: bool

    def __init__(self, seq: int, code: str, name: str, method: str, result_type: ResultType, unit: str,
                 lower: Decimal | None, upper: Decimal | None, decimals: int, expected_text: str | None,
                 replicates: int, required_for_release: bool) -> None:
        self.id = None
        self.spec_id = None
        self.seq, self.code, self.name, self.method = seq, code, name, method
        self.result_type, self.unit, self.lower, self.upper = result_type, unit, lower, upper
        self.decimals, self.expected_text, self.replicates = decimals, expected_text, replicates
        self.required_for_release = required_for_release

    @classmethod
    def of(cls, seq: int, t: TestInput) -> SpecTest:
        code = t.code.strip().upper()
        if not code or len(code) > 32 or not all(ch.isalnum() or ch in "-_." for ch in code):
            raise ValidationError(_("test code '{code}' must be 1 to 32 letters, digits, '-', '_' or '.'",
                                    code=t.code))
        name, method = " ".join(t.name.split()), " ".join(t.method.split())
        if not name:
            raise ValidationError(_("test {code} needs a name", code=code))
        if not method:
            raise ValidationError(_("test {code} needs a method (e.g. 'USP <621>' or 'SOP-QC-012')", code=code))
        kind = ResultType.parse(t.result_type)
        if not 1 <= t.replicates <= MAX_REPLICATES:
            raise ValidationError(_("test {code}: replicates must be 1 to {maximum}, not {replicates}",
                                    code=code, maximum=MAX_REPLICATES, replicates=t.replicates))
        lower = _number(t.lower, _("test {code} lower limit", code=code))
        upper = _number(t.upper, _("test {code} upper limit", code=code))
        expected = " ".join((t.expected_text or "").split()) or None
        unit = t.unit.strip()
        if kind is ResultType.NUMERIC:
            if not unit:
                raise ValidationError(_("numeric test {code} needs a unit", code=code))
            if lower is None and upper is None:
                raise ValidationError(_("numeric test {code} needs a lower limit, an upper limit or both", code=code))
            if lower is not None and upper is not None and lower > upper:
                raise ValidationError(_("test {code}: the lower limit {lower} is above the upper limit {upper}",
                                        code=code, lower=lower, upper=upper))
            if not 0 <= t.decimals <= 6:
                raise ValidationError(_("test {code}: decimals must be 0 to 6, not {decimals}",
                                        code=code, decimals=t.decimals))
        elif lower is not None or upper is not None:
            raise ValidationError(_("test {code} is {kind}: limits apply to numeric tests only",
                                    code=code, kind=kind.value))
        if kind is ResultType.TEXT and not expected:
            raise ValidationError(_("text test {code} needs the text a result must match", code=code))
        return cls(seq, code, name, method, kind, unit, lower, upper, t.decimals, expected, t.replicates,
                   t.required_for_release)

    def limits(self) -> str:
        """What the result must be, as the worklist and the documents show it: "4.5 – 5.5 mL", "≤ 0.5 %"."""
        if self.result_type is ResultType.PASS_FAIL:
            return PASS
        if self.result_type is ResultType.TEXT:
            return f"= {self.expected_text}"
        unit = f" {self.unit}" if self.unit else ""
        if self.lower is not None and self.upper is not None:
            return f"{_plain(self.lower)} – {_plain(self.upper)}{unit}"
        if self.lower is not None:
            return f"≥ {_plain(self.lower)}{unit}"
        assert self.upper is not None
        return f"≤ {_plain(self.upper)}{unit}"

    def judge(self, values: Sequence[str], unit: str | None = None) -> Judgement:
        """Parse the replicate values, report their mean rounded to the test's decimals (numeric), and say
        whether it is within spec. Raises ValidationError for a value that cannot be read, a wrong count of
        replicates or a unit that differs from the specification's."""
        texts = [" ".join(str(v).split()) for v in values]
        if any(not v for v in texts) or not texts:
            raise ValidationError(_("test {code}: a result value is empty", code=self.code))
        if len(texts) != self.replicates:
            raise ValidationError(_("test {code} needs {replicates} replicate(s), {count} given",
                                    code=self.code, replicates=self.replicates, count=len(texts)))
        if unit is not None and unit.strip() and unit.strip() != self.unit:
            raise ValidationError(_("test {code}: unit '{unit}' differs from the specification's '{value}'",
                                    code=self.code, unit=unit.strip(), value=self.unit or '(none)'))
        if self.result_type is ResultType.PASS_FAIL:
            norm = [_pass_fail(v, self.code) for v in texts]
            return Judgement(tuple(norm), FAIL if FAIL in norm else PASS, FAIL not in norm)
        if self.result_type is ResultType.TEXT:
            ok = all(v.casefold() == (self.expected_text or "").casefold() for v in texts)
            return Judgement(tuple(texts), texts[0] if len(set(texts)) == 1 else "; ".join(texts), ok)
        numbers = []
        for v in texts:
            n = _number(v, _("test {code} result", code=self.code))
            assert n is not None
            if abs(n) >= Decimal("1e12"):
                raise ValidationError(_("test {code} result '{v}' is out of range", code=self.code, v=v))
            numbers.append(n)
        mean = sum(numbers, Decimal(0)) / len(numbers)
        reported = mean.quantize(Decimal(1).scaleb(-self.decimals), rounding=ROUND_HALF_UP)
        ok = (self.lower is None or reported >= self.lower) and (self.upper is None or reported <= self.upper)
        return Judgement(tuple(_plain(n) for n in numbers), format(reported, "f"), ok)


def _pass_fail(text: str, code: str) -> str:
    folded = text.casefold()
    if folded in ("pass", "passed", "p", "ok", "conforms", "合格"):
        return PASS
    if folded in ("fail", "failed", "f", "does not conform", "不合格"):
        return FAIL
    raise ValidationError(_("test {code}: '{text}' is neither Pass nor Fail", code=code, text=text))


def _plain(value: Decimal) -> str:
    text = format(value, "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


@dataclass(frozen=True)
class Judgement:
    values: tuple[str, ...]  # the replicates, normalised
    reported: str  # the mean rounded to the test's decimals; Pass/Fail; the text
    within_spec: bool


class Specification:
    """One version of an item's specification (QC-1). A draft becomes effective on approval; the version it
    replaces is superseded and stays readable (CHG-2)."""

    id: int | None
    item_code: str
    version: int
    status: SpecStatus
    title: str
    created_at: datetime
    effective_at: datetime | None
    tests: list[SpecTest]

    def __init__(self, item_code: str, version: int, title: str, tests: Sequence[TestInput],
                 created_at: datetime) -> None:
        if not tests:
            raise ValidationError(_("a specification for {item_code} needs at least one test", item_code=item_code))
        built = [SpecTest.of(i + 1, t) for i, t in enumerate(tests)]
        codes = [t.code for t in built]
        dup = next((c for c in codes if codes.count(c) > 1), None)
        if dup:
            raise ValidationError(_("test {dup} appears twice in the specification", dup=dup))
        self.id = None
        self.item_code = item_code
        self.version = version
        self.status = SpecStatus.DRAFT
        self.title = " ".join(title.split()) or f"{item_code} specification"
        self.created_at = created_at
        self.effective_at = None
        self.tests = built

    @property
    def label(self) -> str:
        return f"{self.item_code} spec v{self.version}"

    def test(self, code: str) -> SpecTest:
        found = next((t for t in self.tests if t.code == code.strip().upper()), None)
        if found is None:
            raise ValidationError(_("{label} has no test '{code}': its tests are {code2}",
                                    label=self.label, code=code, code2=', '.join(t.code for t in self.tests)))
        return found

    def move_in_review(self, target: SpecStatus) -> None:
        """In review with its change request, approved with it, or back to draft when it is cancelled."""
        allowed = {SpecStatus.IN_REVIEW: {SpecStatus.DRAFT}, SpecStatus.APPROVED: {SpecStatus.IN_REVIEW},
                   SpecStatus.DRAFT: {SpecStatus.IN_REVIEW, SpecStatus.APPROVED}}
        if self.status not in allowed.get(target, set()):
            raise ValidationError(_("{label} is {status}: it cannot become {target}", label=self.label,
                                    status=_(self.status.value).lower(), target=_(target.value).lower()))
        self.status = target

    def retire(self) -> None:
        if self.status is not SpecStatus.EFFECTIVE:
            raise ValidationError(_("{label} is {status}: only the effective version is retired",
                                    label=self.label, status=_(self.status.value).lower()))
        self.status = SpecStatus.RETIRED

    def make_effective(self, now: datetime, previous: Specification | None) -> None:
        """Through an implemented change request only (app.change_control; the database refuses any other path)."""
        if self.status not in (SpecStatus.DRAFT, SpecStatus.APPROVED):
            raise ValidationError(_("{label} is {status}: only a draft becomes effective",
                                    label=self.label, status=self.status.value.lower()))
        if previous is not None:
            previous.status = SpecStatus.SUPERSEDED
        self.status = SpecStatus.EFFECTIVE
        self.effective_at = now


class QcPlan:
    """The tests one lot or batch is waiting for: the QC worklist row, with the spec version that applies
    (recorded when the lot entered Quarantine or the batch QC testing)."""

    id: int | None
    record_type: str
    record_id: str
    item_code: str
    spec_id: int | None  # None: no effective specification when it entered testing
    spec_version: int | None
    created_at: datetime
    due_on: date
    status: PlanStatus

    def __init__(self, record_type: str, record_id: str, item_code: str, spec: Specification | None,
                 created_at: datetime, due_on: date) -> None:
        self.id = None
        self.record_type, self.record_id, self.item_code = record_type, record_id, item_code
        self.spec_id = spec.id if spec else None
        self.spec_version = spec.version if spec else None
        self.created_at, self.due_on = created_at, due_on
        self.status = PlanStatus.OPEN


class QcResult:
    """A result of one test on one lot or batch (QC-2). Corrected in place with a reason: the audit trail keeps
    every earlier value (AUD-4). Reviewed by a second person."""

    id: int | None
    plan_id: int
    spec_id: int
    test_code: str
    replicates: str  # the replicate values, "; "-separated
    reported: str
    unit: str
    within_spec: bool
    analyst: str
    instrument: str
    entered_at: datetime
    source: str  # "manual" or the LIMS file's import key
    status: ResultStatus
    reviewed_by: str | None
    reviewed_at: datetime | None

    def __init__(self, plan_id: int, spec_id: int, test: SpecTest, judgement: Judgement, analyst: str,
                 instrument: str, entered_at: datetime, source: str = "manual") -> None:
        self.id = None
        self.plan_id, self.spec_id, self.test_code = plan_id, spec_id, test.code
        self.unit = test.unit
        self.analyst, self.source = analyst, source
        self.reviewed_by, self.reviewed_at = None, None
        self.apply(judgement, instrument, entered_at)

    def apply(self, judgement: Judgement, instrument: str, at: datetime) -> None:
        instrument = " ".join(instrument.split())
        if len(instrument) > 60:
            raise ValidationError(_("the instrument ID is longer than 60 characters"))
        self.replicates = "; ".join(judgement.values)
        self.reported = judgement.reported
        self.within_spec = judgement.within_spec
        self.instrument = instrument
        self.entered_at = at
        self.status = ResultStatus.ENTERED

    def review(self, reviewer: str, at: datetime) -> None:
        if self.status is ResultStatus.REVIEWED:
            raise ValidationError(_("the {test_code} result is already reviewed", test_code=self.test_code))
        if reviewer == self.analyst:
            raise ValidationError(_("you entered the {test_code} result: a second person reviews it (ACC-6)",
                                    test_code=self.test_code))
        self.status = ResultStatus.REVIEWED
        self.reviewed_by, self.reviewed_at = reviewer, at
