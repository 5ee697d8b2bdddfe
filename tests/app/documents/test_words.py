"""Every word a document prints exists in English and Chinese (DOC-2, GEN-6), and times name their zone."""

from __future__ import annotations

import re
from datetime import UTC, datetime

import pytest

from app.documents.words import Words, all_keys
from domain.errors import ValidationError

CJK = re.compile(r"[\u4e00-\u9fff]")


def test_each_word_has_both_languages_with_the_same_placeholders() -> None:
    for key, (en, zh) in all_keys().items():
        assert en.strip() and zh.strip(), key
        assert sorted(re.findall(r"{\w+}", en)) == sorted(re.findall(r"{\w+}", zh)), key
        if CJK.search(zh) is None:  # only codes and names may stay as they are
            assert key in {"gtin"}, f"{key}: '{zh}' is not Chinese"


def test_language_parameter_and_times_with_zone() -> None:
    assert Words.of("zh_CN")("batch_record") == "批生产记录" and Words.of("EN")("batch_record") == "Batch record"
    with pytest.raises(ValidationError, match="English"):
        Words.of("de")
    shown = Words.of("en").time(datetime(2026, 3, 2, 9, 15, 30, tzinfo=UTC))
    assert re.fullmatch(r"2026-03-0\d \d\d:\d\d:30 \((\w+, )?UTC[+-]\d\d:\d\d\)", shown), shown
    assert Words.of("zh").status("Released") == "已放行" and Words.of("zh").status("Unknown") == "Unknown"
