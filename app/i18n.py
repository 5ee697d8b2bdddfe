"""Which language BatchTrace speaks (GEN-6): English or Simplified Chinese, from the system locale (`LANG` for the
command line, the desktop's locale for the GUI) unless the logged-in user chose one.

Messages of the rules and use cases (`domain.i18n._`) read their translations straight from the Qt Linguist
source `translations/batchtrace_<language>.ts` (standard-library XML, so the command line needs no Qt); the
widgets' `tr()` strings come from the same file compiled to `.qm` and loaded by a QTranslator.
"""

from __future__ import annotations

import os
import xml.etree.ElementTree as ET
from collections.abc import Mapping
from functools import cache
from pathlib import Path

from domain import i18n
from domain.errors import ValidationError
from domain.i18n import _
from translations import DIRECTORY

ENGLISH = i18n.ENGLISH
CHINESE = "zh_CN"
LANGUAGES = {ENGLISH: "English", CHINESE: "简体中文"}  # each in its own language, as a language menu shows it


def ts_file(language: str) -> Path:
    return DIRECTORY / f"batchtrace_{language}.ts"


def qm_file(language: str) -> Path:
    return DIRECTORY / f"batchtrace_{language}.qm"


def check_language(language: str) -> str:
    if language not in LANGUAGES:
        raise ValidationError(_("unknown language '{language}': use one of {choices}", language=language,
                                choices=", ".join(LANGUAGES)))
    return language


def language_of_locale(name: str) -> str:
    """The language BatchTrace has for a locale name ("zh_CN.UTF-8", "zh-Hans-CN", "en_GB", "C"): Chinese
    for any Chinese locale, else English."""
    return CHINESE if name.lower().replace("-", "_").startswith("zh") else ENGLISH


def system_language(environ: Mapping[str, str] | None = None) -> str:
    """The language of the POSIX locale variables, in their order of precedence (LANGUAGE's first entry,
    LC_ALL, LC_MESSAGES, LANG)."""
    env = os.environ if environ is None else environ
    for variable in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(variable, "").split(":")[0]
        if value:
            return language_of_locale(value)
    return ENGLISH


@cache
def catalogue(language: str) -> dict[str, str]:
    """English source -> finished translation, from the language's `.ts` file (English: empty)."""
    if language == ENGLISH:
        return {}
    found: dict[str, str] = {}
    contexts = ET.parse(ts_file(check_language(language))).getroot().findall("context")
    # The messages of `_()` and `N_()` (the context without a name) first: a widget's column title "Completed"
    # (完成时间) must not become the status Completed (已完成) of a message.
    contexts.sort(key=lambda context: bool(context.findtext("name")))
    for message in (m for context in contexts for m in context.iter("message")):
        source, translation = message.find("source"), message.find("translation")
        if source is None or translation is None or translation.get("type") in ("unfinished", "vanished",
                                                                                   "obsolete"):
            continue
        forms = translation.findall("numerusform")
        text = forms[0].text if forms else translation.text  # Chinese has one plural form
        if source.text and text:
            found.setdefault(source.text, text)
    return found


@cache
def context_catalogue(language: str, context: str) -> dict[str, str]:
    """English source -> finished translation of one context of the language's `.ts` file ("Status": the names
    the screens show for stored statuses), for text that must read the same as on screen whoever prints it."""
    if language == ENGLISH:
        return {}
    found: dict[str, str] = {}
    for element in ET.parse(ts_file(check_language(language))).getroot().findall("context"):
        if element.findtext("name") != context:
            continue
        for message in element.iter("message"):
            source, translation = message.findtext("source"), message.find("translation")
            if source and translation is not None and translation.text and translation.get("type") is None:
                found[source] = translation.text
    return found


def status_name(value: str) -> str:
    """A stored status ("Released", "Rejected") in the language messages are given in, as the screens name it (the
    "Status" context: a rejected lot is 不合格 there, while the signature meaning Rejected is 拒绝)."""
    return i18n.name(value)


def use_language(language: str) -> None:
    """From now on, messages are given in `language`."""
    i18n.install(language, catalogue(check_language(language)), context_catalogue(language, "Status"))
