"""Specifications, result judgement, deviations and the release rules as pure rules (QC-1, QC-2, QC-3, DEV-1)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from domain.deviations import Classification, Deviation, DeviationStatus, RootCause, check_link
from domain.errors import ValidationError
from domain.quality import Specification, TestInput
from domain.release_rules import (
    Evaluation,
    ReleaseSubject,
    TestState,
    judge_consumed_lots,
    judge_open_alerts,
    judge_open_deviations,
    judge_required_tests,
    ordered,
)

NOW = datetime(2026, 12, 5, 8, 0, tzinfo=UTC)
VOLUME = TestInput("VOL", "Fill volume", "SOP-QC-001", "Numeric", "mL", "4.5", "5.5", 1, replicates=3)


def spec(*tests: TestInput) -> Specification:
    return Specification("SYR", 1, "Syringe release", tests or (VOLUME,), NOW)


@pytest.mark.req("QC-1")
@pytest.mark.parametrize(("test", "message"), [
    (TestInput("VOL", "Fill volume", "SOP", "Numeric", "mL", "5.5", "4.5"), "lower limit 5.5 is above the upper"),
    (TestInput("VOL", "Fill volume", "SOP", "Numeric", "", "4.5", "5.5"), "needs a unit"),
    (TestInput("VOL", "Fill volume", "SOP", "Numeric", "mL"), "needs a lower limit, an upper limit or both"),
    (TestInput("VOL", "Fill volume", "SOP", "Numeric", "mL", "x", "5"), "lower limit 'x' is not a number"),
    (TestInput("APP", "Appearance", "SOP", "Text"), "needs the text a result must match"),
    (TestInput("STE", "Sterility", "SOP", "Pass/fail", "", "1"), "limits apply to numeric tests only"),
    (TestInput("VOL", "Fill volume", "", "Numeric", "mL", "1"), "needs a method"),
    (TestInput("V OL", "Fill volume", "SOP", "Numeric", "mL", "1"), "must be 1 to 32 letters"),
    (TestInput("VOL", "Fill volume", "SOP", "Numeric", "mL", "1", replicates=0), "replicates must be 1 to 20"),
    (TestInput("VOL", "Fill volume", "SOP", "Colour", "mL", "1"), "unknown result type 'Colour'"),
    # limits are kept as quantities are, exactly: 12 digits before the point and 6 after (GEN-7)
    (TestInput("VOL", "Fill volume", "SOP", "Numeric", "mL", "0.0000001"), "lower limit '0.0000001' is out of range"),
    (TestInput("VOL", "Fill volume", "SOP", "Numeric", "mL", None, "1e12"), "upper limit '1e12' is out of range"),
])
def test_a_bad_test_definition_is_refused_with_one_clear_message(test: TestInput, message: str) -> None:
    with pytest.raises(ValidationError, match=message):
        spec(test)


@pytest.mark.req("QC-1")
def test_a_specification_needs_tests_each_once() -> None:
    with pytest.raises(ValidationError, match="needs at least one test"):
        Specification("SYR", 1, "empty", [], NOW)
    with pytest.raises(ValidationError, match="test VOL appears twice"):
        spec(VOLUME, VOLUME)


@pytest.mark.req("QC-2")
def test_numeric_results_are_averaged_and_rounded_before_comparing() -> None:
    test = spec().tests[0]
    assert test.limits() == "4.5 – 5.5 mL"
    inside = test.judge(["5.50", "5.54", "5.5"])  # mean 5.5133.. rounds to 5.5: within
    assert (inside.values, inside.reported, inside.within_spec) == (("5.5", "5.54", "5.5"), "5.5", True)
    outside = test.judge(["5.55", "5.55", "5.55"])  # 5.55 rounds half up to 5.6: out of spec
    assert (outside.reported, outside.within_spec) == ("5.6", False)
    with pytest.raises(ValidationError, match="needs 3 replicate"):
        test.judge(["5"])
    with pytest.raises(ValidationError, match="result 'five' is not a number"):
        test.judge(["five", "5", "5"])
    with pytest.raises(ValidationError, match="unit 'L' differs from the specification's 'mL'"):
        test.judge(["5", "5", "5"], "L")
    with pytest.raises(ValidationError, match="out of range"):
        test.judge(["1e15", "5", "5"])


@pytest.mark.req("QC-2")
def test_pass_fail_and_text_results() -> None:
    s = spec(TestInput("STE", "Sterility", "Ph. Eur. 2.6.1", "Pass/fail"),
             TestInput("APP", "Appearance", "visual", "Text", expected_text="Clear, colourless"))
    assert s.test("ste").judge(["合格"]).within_spec
    assert not s.test("STE").judge(["Fail"]).within_spec
    with pytest.raises(ValidationError, match="neither Pass nor Fail"):
        s.test("STE").judge(["maybe"])
    assert s.test("APP").judge(["clear,  colourless"]).within_spec
    assert not s.test("APP").judge(["Cloudy"]).within_spec
    with pytest.raises(ValidationError, match="has no test 'PH'"):
        s.test("PH")


@given(st.lists(st.decimals(min_value=-1000, max_value=1000, places=3), min_size=3, max_size=3))
def test_a_reported_mean_is_within_spec_exactly_when_inside_the_limits(values: list) -> None:  # type: ignore[type-arg]
    test = spec().tests[0]
    judgement = test.judge([str(v) for v in values])
    from decimal import Decimal
    reported = Decimal(judgement.reported)
    assert judgement.within_spec == (Decimal("4.5") <= reported <= Decimal("5.5"))


@pytest.mark.req("DEV-1")
def test_a_deviation_closes_only_when_investigated() -> None:
    d = Deviation("DEV2026-0001", "Fill volume OOS", "5.6 mL against 4.5 – 5.5", Classification.MAJOR, "cleo", NOW)
    with pytest.raises(ValidationError, match="findings are recorded during its investigation"):
        d.record_investigation("looked", None, None, None)
    d.status = DeviationStatus.INVESTIGATION
    d.record_investigation("pump calibration drift", RootCause.MACHINE, "pump 3 out of calibration", None)
    with pytest.raises(ValidationError, match="record the disposition first"):
        d.check_closable()
    d.record_investigation(None, None, None, "batch reworked")
    d.check_closable()
    with pytest.raises(ValidationError, match="Minor, Major or Critical"):
        Classification.parse("severe")
    with pytest.raises(ValidationError, match="is not a record kind"):
        check_link("Lot Number", "L1")


@pytest.mark.req("QC-3")
def test_each_rule_says_what_failed_and_the_evaluation_lists_failures_first() -> None:
    tests = judge_required_tests("SYR spec v1", [TestState("VOL", "4.5 – 5.5 mL", "5", True, True),
                                                 TestState("STE", "Pass", None, False, False)])
    assert not tests.passed and tests.evidence[0] == "STE: no result (Pass)"
    assert not judge_required_tests(None, []).passed
    assert not judge_required_tests("v1", [TestState("VOL", "x", "5.6", False, True)]).passed
    assert not judge_required_tests("v1", [TestState("VOL", "x", "5", True, False)]).passed
    assert judge_required_tests("v1", [TestState("VOL", "x", "5", True, True)]).passed
    assert not judge_open_deviations([("DEV-1", "Major", "OOS")]).passed
    assert judge_open_deviations([]).passed
    assert not judge_consumed_lots([("L1", "Quarantine", "Released")]).passed
    assert not judge_consumed_lots([("L1", "Released", "Rejected")]).passed
    assert judge_consumed_lots([("L1", "Released", "Consumed")]).passed
    assert not judge_open_alerts([(3, "lot L1 is Quarantine")]).passed
    results = ordered([judge_open_alerts([]), tests, judge_open_deviations([])])
    evaluation = Evaluation(ReleaseSubject("batch", "B1", "SYR", "QA review"), results, NOW)
    assert [r.key for r in evaluation.results] == ["required_tests", "no_open_alert", "no_open_deviation"]
    assert evaluation.outcome == "not releasable: 1 rule failed" and not evaluation.releasable
    content = evaluation.as_content()
    assert content["outcome"] == "not releasable: 1 rule failed"
    assert [r["rule"] for r in content["rules"]] == ["no_open_alert", "no_open_deviation", "required_tests"]  # type: ignore[attr-defined]
