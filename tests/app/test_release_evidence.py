"""The release rules' evidence in the reader's language at display time (QC-3, GEN-6): every form the rules
produce reads Chinese under zh_CN, English is the line exactly as signed, and a line of an unknown form is shown
as it is."""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import UTC, datetime
from decimal import Decimal

import pytest

from app import i18n
from app.readings import ExcursionView
from app.release_evidence import evidence_lines, evidence_text
from domain.readings import ExcursionKind
from domain.release_rules import (
    TestState,
    judge_consumed_lots,
    judge_open_alerts,
    judge_open_deviations,
    judge_required_tests,
    judge_untested_item,
)

# What may stay Latin in a Chinese line: units and the time zone; codes and user data are taken out first.
KEPT = {"UTC", "QC", "mm", "min", "C", "v"}


def english_left(line: str, data: Iterable[str]) -> list[str]:
    """The English words of a shown line once the user data (numbers, codes, titles) in it is taken out."""
    for value in sorted(data, key=len, reverse=True):
        line = line.replace(value, " ")
    return [word for word in re.findall(r"[A-Za-z]+", line) if word not in KEPT]


def english_in_chinese(lines: Iterable[str], data: Iterable[str]) -> list[str]:
    """The English words left in `lines` shown under zh_CN (English is installed again after)."""
    i18n.use_language(i18n.CHINESE)
    try:
        return [word for line in lines for word in english_left(evidence_text(line), data)]
    finally:
        i18n.use_language(i18n.ENGLISH)


def _excursion(kind: ExcursionKind, worst: Decimal | None) -> str:
    at = datetime(2026, 3, 4, 10, 5, tzinfo=UTC)
    return ExcursionView("k", "CR8-T", "CR-8", kind.value, at, at.replace(minute=35), 3, worst, "DEV-7", False
                         ).describe()


def every_form() -> list[tuple[str, tuple[str, ...]]]:
    """(line as signed, the user data in it) for each form the built-in rules produce."""
    tests = [TestState("OD", "4 – 4.2 mm", None, False, False), TestState("MFI", "8 – 12 g/10min", "12.6", False, True),
             TestState("ID", "≥ 2 mm", "2.1", True, False), TestState("LEN", "≤ 90 mm", "88", True, True)]
    results = [
        judge_required_tests(None, []), judge_required_tests("RES-PC spec v2", []),
        judge_required_tests("RES-PC spec v2", tests), judge_required_tests("RES-PC spec v2", tests[3:]),
        judge_untested_item("IM-BRL-05"),
        judge_open_deviations([]), judge_open_deviations([("DEV-1", "Major", "Seal temperature high")]),
        judge_consumed_lots([]), judge_consumed_lots([("R-1", "Quarantine", "Released"), ("R-2", None, "Rejected")]),
        judge_consumed_lots([("R-1", "Released", "Released"), ("R-3", "Released", "Released")]),
        judge_open_alerts([]), judge_open_alerts([(4, "R-9 is not Released")]),
    ]
    lines = [(line, ("RES-PC spec v2", "IM-BRL-05", "DEV-1", "Seal temperature high", "R-1", "R-2", "R-3", "R-9 is not "
                     "Released", "OD", "MFI", "ID", "LEN", "g/10min")) for r in results for line in r.evidence]
    process = (  # app/release.py and app/process_release.py, as they word them
        "a lot consumes no material", "a lot has no process record of its own", "nothing blocks release",
        "step 1 (Dry the resin) is not signed as performed",
        "step 2 (Dry the resin) is not verified by a second person",
        "step 1 Drying temperature 126 °C is outside 115 .. 125",
        f"environment excursion (DEV-7 open): {_excursion(ExcursionKind.OUT_OF_LIMITS, Decimal('26.4'))}",
        f"environment excursion: {_excursion(ExcursionKind.GAP, None)}",
        f"environment excursion (DEV-7 open): {_excursion(ExcursionKind.GAP, None)}",
        f"environment excursion: {_excursion(ExcursionKind.OUT_OF_LIMITS, Decimal('26.4'))}",
        "step 1: T1 in CR-1 has no readings for the whole time of the step (2026-03-04 10:05 - 10:35 UTC)",
    )
    return lines + [(line, ("Dry the resin", "Drying temperature", "DEV-7", "CR8-T", "CR-8", "CR-1", "T1"))
                    for line in process]


@pytest.mark.req("GEN-6", "QC-3")
def test_every_form_of_evidence_reads_chinese_under_zh_cn() -> None:
    forms = every_form()
    i18n.use_language(i18n.CHINESE)
    shown = {line: evidence_text(line) for line, _data in forms}
    left = {shown[line]: english_left(shown[line], data) for line, data in forms}
    assert {line: words for line, words in left.items() if words} == {}
    assert shown["R-2 is Rejected now"] == "R-2 现为不合格"
    assert shown["R-1 was Quarantine when issued"] == "R-1 发放时为隔离"
    assert "（主要）" in shown["DEV-1 (Major) is open: Seal temperature high"]
    assert any("数据缺失" in text for text in shown.values())


@pytest.mark.req("GEN-6", "QC-3")
def test_english_is_the_evidence_as_signed_and_an_unknown_line_is_kept() -> None:
    lines = tuple(line for line, _data in every_form())
    assert evidence_lines(lines) == lines
    i18n.use_language(i18n.CHINESE)
    assert evidence_text("a rule added later says this") == "a rule added later says this"
    assert evidence_text("") == ""
