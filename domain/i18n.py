"""The one translation function for messages the rules and use cases give the user (GEN-6): the GUI and the
command line show the same text, in the reader's language.

`_("Lot {lot} is {status}", lot=..., status=...)` looks the English source up in the installed catalogue and
fills the named placeholders; the source stays the key, so `pyside6-lupdate` extracts it into the `.ts` files
beside the widgets' `tr()` strings (`python3 dev.py lupdate`). Values (lot numbers, names) are never
translated. The catalogue is process-wide, like Qt's installed translators: the station's language is set once
at start-up and again when a user with another language logs in (`app.i18n.use_language`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from string import Formatter
from types import MappingProxyType

ENGLISH = "en"
_catalogue: Mapping[str, str] = MappingProxyType({})
_names: Mapping[str, str] = MappingProxyType({})  # stored names (statuses) as the screens word them
_language = ENGLISH


def _(source: str, /, **values: object) -> str:
    """`source` in the installed language, with its `{name}` placeholders filled from `values`."""
    text = _catalogue.get(source) or source
    return text.format(**values) if values else text


def N_(source: str, /) -> str:
    """Marks a name for translation where it is defined (a status, a role, a workflow step) without translating
    it there: it stays the stored, language-neutral value; `_(value)` shows it in the reader's language."""
    return source


def name(value: str) -> str:
    """A stored name (a status, a kind) in the reader's language as the screens show it: a lot's status Rejected
    is 不合格 there, where the message catalogue's Rejected (a signature meaning) is 拒绝."""
    return _names.get(value) or _(value)


def one_of(values: Iterable[str]) -> str:
    """Names to choose from (statuses, kinds) as a message lists them: each in the reader's language, joined the
    way the language joins a list ("Released, Rejected"; "已放行、不合格")."""
    return _(", ").join(name(value) for value in values)


def names(text: str, value: str) -> bool:
    """Whether `text` (as typed: any case, '_' for a space) is `value` in English or in the reader's language, so
    a list shown by `one_of` can be typed back as it reads."""
    wanted = " ".join(text.replace("_", " ").split()).casefold()
    return wanted in (value.casefold(), _(value).casefold(), name(value).casefold())


def install(language: str, catalogue: Mapping[str, str], stored_names: Mapping[str, str] | None = None) -> None:
    """Make `catalogue` (English source -> translation) the one `_` uses; an empty one means English."""
    global _catalogue, _language, _names
    _catalogue = MappingProxyType(dict(catalogue))
    _names = MappingProxyType(dict(stored_names or {}))
    _language = language


def language() -> str:
    """The language messages are given in now: "en" or a locale name such as "zh_CN"."""
    return _language


def placeholders(text: str) -> set[str]:
    """The named placeholders of a message (`{lot}`, `{qty:>8}` -> {"lot", "qty"}), Qt's `%n`, `%1`..`%9` and
    argparse's `%(prog)s` (a --help text)."""
    names = {field for _literal, field, _spec, _conv in Formatter().parse(text) if field}
    return names | set(re.findall(r"%[n1-9]|%\(\w+\)[a-z]", text))
