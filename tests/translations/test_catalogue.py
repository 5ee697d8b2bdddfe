"""GEN-6: the Qt Linguist source translations/batchtrace_zh_CN.ts holds every user-visible string of ui/, app/ and
domain/, each translated, with the same named placeholders as its English source; it compiles to the .qm Qt
loads."""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

import dev
from app import i18n
from domain.i18n import placeholders

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent
LANGUAGES = [language for language in i18n.LANGUAGES if language != i18n.ENGLISH]


def messages(ts: Path) -> list[ET.Element]:
    return list(ET.parse(ts).getroot().iter("message"))


def texts(message: ET.Element) -> list[str]:
    translation = message.find("translation")
    assert translation is not None
    forms = translation.findall("numerusform")
    return [form.text or "" for form in forms] if forms else [translation.text or ""]


@pytest.mark.req("GEN-6")
@pytest.mark.parametrize("language", LANGUAGES)
def test_every_entry_is_finished(language: str) -> None:
    unfinished = [m.findtext("source") for m in messages(i18n.ts_file(language))
                  if m.find("translation").get("type") is not None or not all(texts(m))]  # type: ignore[union-attr]
    assert not unfinished, f"{len(unfinished)} unfinished in {language}: translate them\n" + "\n".join(
        map(str, unfinished[:40]))


@pytest.mark.req("GEN-6")
@pytest.mark.parametrize("language", LANGUAGES)
def test_placeholders_match_the_source(language: str) -> None:
    wrong = []
    for message in messages(i18n.ts_file(language)):
        source = message.findtext("source") or ""
        for text in texts(message):
            if placeholders(text) != placeholders(source):
                wrong.append(f"{source!r}: {text!r}")
    assert not wrong, "\n".join(wrong)


@pytest.mark.req("GEN-6")
@pytest.mark.parametrize("language", LANGUAGES)
def test_the_ts_file_holds_every_string_of_the_sources(language: str, tmp_path: Path) -> None:
    """lupdate over today's sources finds nothing the .ts lacks: a new tr() or _() without a translation fails
    here (run `python3 dev.py lupdate`, then translate the new entries)."""
    copy = tmp_path / i18n.ts_file(language).name
    shutil.copy(i18n.ts_file(language), copy)
    sources = [str(p) for folder in dev.TRANSLATED for p in sorted((ROOT / folder).rglob("*.py"))]
    subprocess.run([str(BIN / "pyside6-lupdate"), *dev.LUPDATE_OPTIONS, *sources, "-ts", str(copy)], check=True,
                   cwd=ROOT)
    before = {m.findtext("source") for m in messages(i18n.ts_file(language))}
    missing = sorted({str(m.findtext("source")) for m in messages(copy)} - before)
    assert not missing, "not in the .ts yet (python3 dev.py lupdate):\n" + "\n".join(missing)


@pytest.mark.req("GEN-6")
def test_the_catalogue_translates_messages_with_their_values() -> None:
    try:
        i18n.use_language(i18n.CHINESE)
        from domain.i18n import _

        assert _("no lot {lot_number}", lot_number="L-26-001") == "没有物料批 L-26-001"
        assert _("a message nobody translated {x}", x=1) == "a message nobody translated 1"
    finally:
        i18n.use_language(i18n.ENGLISH)
    assert _("no lot {lot_number}", lot_number="L-26-001") == "no lot L-26-001"


@pytest.mark.parametrize(("environ", "language"), [
    ({"LANG": "zh_CN.UTF-8"}, "zh_CN"), ({"LANG": "C.UTF-8"}, "en"), ({}, "en"),
    ({"LANG": "en_US.UTF-8", "LC_ALL": "zh_TW.UTF-8"}, "zh_CN"), ({"LANGUAGE": "en:zh", "LANG": "zh_CN"}, "en"),
    ({"LC_MESSAGES": "zh_CN.GB18030", "LANG": "de_DE.UTF-8"}, "zh_CN"),
])
def test_the_language_follows_the_posix_locale_variables(environ: dict[str, str], language: str) -> None:
    assert i18n.system_language(environ) == language


def test_an_unknown_language_is_refused_by_name() -> None:
    with pytest.raises(Exception, match="unknown language 'fr'"):
        i18n.use_language("fr")
