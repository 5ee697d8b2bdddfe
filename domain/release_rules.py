"""Release by exception (QC-3, QC-4): the release rules, each a small check that says pass or fail with its
evidence, and the evaluation that lists them failed-first for QA.

A rule here is pure: it judges plain facts. `app/release.py` gathers the facts for each registered rule and
holds the registry; other modules (process steps, environment, labels) register their own rules there.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime

from domain.i18n import N_
from domain.signatures import Meaning, SignatureRequirement
from domain.users import Role


@dataclass(frozen=True)
class ReleaseSubject:
    """The lot or batch being evaluated."""

    record_type: str  # "lot" or "batch"
    record_id: str  # its number
    item_code: str
    status: str


@dataclass(frozen=True)
class RuleResult:
    key: str  # stable: "required_tests"; part of the signed content
    title: str  # "Every required test has a reviewed result within spec"
    passed: bool
    evidence: tuple[str, ...]  # one line per fact the verdict rests on; what failed first

    def as_content(self) -> dict[str, object]:
        return {"rule": self.key, "passed": self.passed, "evidence": list(self.evidence)}


@dataclass(frozen=True)
class Evaluation:
    subject: ReleaseSubject
    results: tuple[RuleResult, ...]  # failed rules first, then in registration order
    at: datetime

    @property
    def releasable(self) -> bool:
        return all(r.passed for r in self.results)

    @property
    def failed(self) -> tuple[RuleResult, ...]:
        return tuple(r for r in self.results if not r.passed)

    @property
    def outcome(self) -> str:
        n = len(self.failed)
        return "releasable" if not n else f"not releasable: {n} rule{'s' if n > 1 else ''} failed"

    def as_content(self) -> dict[str, object]:
        """What a release signature binds (QC-4): the rules with their verdicts and evidence, and the outcome.
        No time: the same facts evaluate to the same content."""
        return {"outcome": self.outcome, "rules": [r.as_content() for r in sorted(self.results, key=_by_key)]}


# --- the release decision (QC-4) --------------------------------------------------------------------------------

# Releasing over a failed rule: after the transition's own signatures, a QA person who signed none of them signs
# the override with the justification (the second QA signature; the signing rules keep every signer different).
OVERRIDE_SIGNATURE = SignatureRequirement(
    "qa_override", N_("QA override"), Meaning.APPROVED, frozenset({Role.QA_REVIEWER, Role.QA_RELEASE}),
    not_performers=True, needs_comment=True)
EVALUATION_FIELD = "release_evaluation"  # the evaluation's place in a release signature's signed content


def release_requirements(base: Sequence[SignatureRequirement], evaluation: Evaluation
                         ) -> tuple[SignatureRequirement, ...]:
    """The signatures a release needs given its evaluation: the transition's own, plus the override when a rule
    failed."""
    return tuple(base) if evaluation.releasable else (*base, OVERRIDE_SIGNATURE)


def bound_content(fields: Mapping[str, object], evaluation: Mapping[str, object]) -> dict[str, object]:
    """The signed content of a release signature: the record's own fields and the evaluation it was shown."""
    return {**fields, EVALUATION_FIELD: evaluation}


def _by_key(r: RuleResult) -> str:
    return r.key


def ordered(results: Sequence[RuleResult]) -> tuple[RuleResult, ...]:
    """Failed rules first (QA reads by exception); the order among each group is kept."""
    return (*[r for r in results if not r.passed], *[r for r in results if r.passed])


# --- the built-in rules' judgements ---------------------------------------------------------------------------

@dataclass(frozen=True)
class TestState:
    """One required test of the applicable specification and its latest result."""

    __test__ = False  # not a pytest class

    code: str
    limits: str
    reported: str | None  # None: no result yet
    within_spec: bool
    reviewed: bool


REQUIRED_TESTS = ("required_tests", N_("Every required test has a reviewed result within spec"))
NO_OPEN_DEVIATION = ("no_open_deviation", N_("No open deviation touches it"))
CONSUMED_LOTS = ("consumed_lots", N_("Every consumed lot was Released when issued and is not Rejected now"))
NO_OPEN_ALERT = ("no_open_alert", N_("No open alert"))


def judge_required_tests(spec_label: str | None, tests: Sequence[TestState]) -> RuleResult:
    key, title = REQUIRED_TESTS
    if spec_label is None:
        return RuleResult(key, title, False, ("no effective specification applied when it entered testing",))
    if not tests:
        return RuleResult(key, title, True, (f"{spec_label}: no test is required for release",))
    bad, good = [], []
    for t in tests:
        if t.reported is None:
            bad.append(f"{t.code}: no result ({t.limits})")
        elif not t.within_spec:
            bad.append(f"{t.code}: {t.reported} is out of spec ({t.limits})")
        elif not t.reviewed:
            bad.append(f"{t.code}: {t.reported} is not reviewed yet")
        else:
            good.append(f"{t.code}: {t.reported} within {t.limits}, reviewed")
    return RuleResult(key, title, not bad, (*bad, *good) if bad else (f"{spec_label}:", *good))


def judge_untested_item(item_code: str) -> RuleResult:
    """No specification was ever approved for the item: the site tests nothing on it before release."""
    key, title = REQUIRED_TESTS
    return RuleResult(key, title, True, (f"{item_code} has no specification: no QC test is required for release",))


def judge_open_deviations(open_deviations: Sequence[tuple[str, str, str]]) -> RuleResult:
    """(number, classification, title) of each open deviation linked to the record."""
    key, title = NO_OPEN_DEVIATION
    if not open_deviations:
        return RuleResult(key, title, True, ("no open deviation is linked",))
    return RuleResult(key, title, False, tuple(f"{n} ({c}) is open: {t}" for n, c, t in open_deviations))


def judge_consumed_lots(consumed: Sequence[tuple[str, str | None, str]]) -> RuleResult:
    """(lot number, its status when issued or None if unknown, its status now) per consumed lot."""
    key, title = CONSUMED_LOTS
    if not consumed:
        return RuleResult(key, title, True, ("no material was issued to it",))
    bad = [f"{n} was {then or 'of unknown status'} when issued" for n, then, _ in consumed if then != "Released"]
    bad += [f"{n} is Rejected now" for n, _, now in consumed if now == "Rejected"]
    if bad:
        return RuleResult(key, title, False, tuple(bad))
    return RuleResult(key, title, True, (f"{len(consumed)} lot(s) Released when issued, none Rejected: "
                                         + ", ".join(n for n, _, _ in consumed),))


def judge_open_alerts(alerts: Sequence[tuple[int, str]]) -> RuleResult:
    """(alert ID, message) of each open alert on the record."""
    key, title = NO_OPEN_ALERT
    if not alerts:
        return RuleResult(key, title, True, ("no open alert",))
    return RuleResult(key, title, False, tuple(f"alert {i}: {m}" for i, m in alerts))


def not_applicable(key_title: tuple[str, str], why: str) -> RuleResult:
    return RuleResult(key_title[0], key_title[1], True, (why,))


Facts = Mapping[str, object]
