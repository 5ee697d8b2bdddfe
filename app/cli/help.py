"""`batchtrace --help` in the reader's language (GEN-6, INT-2): the commands' texts are marked N_() where they are
written and translated here, as the help is formatted, together with argparse's own headings (its gettext has no
Chinese). Option names, metavars, choices and the program's name stay as they are typed. Chinese text, which has
no spaces to break at and takes two columns a character, is wrapped by its width on the terminal.
"""

from __future__ import annotations

import argparse
import unicodedata
from collections.abc import Iterable

from domain.i18n import N_, _

# argparse's own words in a help (from `argparse._`, its gettext): translated through our catalogue instead.
ARGPARSE_TEXTS = (N_("usage: "), N_("options"), N_("positional arguments"), N_("show this help message and exit"))
_HEADING = N_("{heading}:")  # argparse ends a heading with ':'; Chinese with '：'

_CLOSING = set("，。：；、）》」！？”’")  # never starts a line
_OPENING = set("（《「“‘")  # never ends a line


class TranslatedHelpFormatter(argparse.HelpFormatter):
    """argparse's formatter, with every text the help shows looked up in the catalogue of `domain.i18n._`."""

    def __init__(self, prog: str, indent_increment: int = 2, max_help_position: int = 24,
                 width: int | None = None) -> None:
        super().__init__(prog, indent_increment, max_help_position, width)
        self._headings: list[str] = []  # as translated, for format_help to end them the language's way

    def _format_usage(self, usage: str | None, actions: Iterable[argparse.Action],
                      groups: Iterable[argparse._MutuallyExclusiveGroup], prefix: str | None) -> str:
        if prefix is not None:  # '' for the program name of a command
            return super()._format_usage(usage, actions, groups, prefix)
        # argparse aligns the usage's wrapped lines by the length of the prefix: give it one as wide as "用法："
        heading = _("usage: ")
        blank = " " * width_of(heading)
        return heading + super()._format_usage(usage, actions, groups, blank)[len(blank):]

    def start_section(self, heading: str | None) -> None:
        if heading:
            heading = _(heading)
            self._headings.append(heading)
        super().start_section(heading)

    def add_text(self, text: str | None) -> None:
        super().add_text(_(text) if text and text is not argparse.SUPPRESS else text)

    def format_help(self) -> str:
        text = super().format_help()
        for heading in self._headings:
            text = text.replace(f"{heading}:\n", _(_HEADING, heading=heading) + "\n")
        return text

    def _get_help_string(self, action: argparse.Action) -> str | None:
        text = super()._get_help_string(action)
        return _(text) if text else text

    def _split_lines(self, text: str, width: int) -> list[str]:
        if not any(_wide(char) for char in text):
            return super()._split_lines(text, width)  # English exactly as argparse wraps it
        return wrapped(" ".join(text.split()), width)

    def _fill_text(self, text: str, width: int, indent: str) -> str:
        if not any(_wide(char) for char in text):
            return super()._fill_text(text, width, indent)
        return "\n".join(indent + line for line in wrapped(" ".join(text.split()), width - len(indent)))


def _wide(char: str) -> bool:
    return unicodedata.east_asian_width(char) in "WF"


def width_of(text: str) -> int:
    """The columns `text` takes on a terminal: a Chinese character takes two."""
    return sum(2 if _wide(char) else 1 for char in text)


def _pieces(text: str) -> list[str]:
    """The units a line may break between: each wide character, each run of narrow ones with the blanks after it;
    closing punctuation stays with what it closes, opening punctuation with what it opens."""
    pieces: list[str] = []
    for char in text:
        last = pieces[-1][-1] if pieces else ""
        same_word = not _wide(char) and last not in ("", " ") and not _wide(last)
        if pieces and (char == " " or char in _CLOSING or last in _OPENING or same_word):
            pieces[-1] += char
        else:
            pieces.append(char)
    return pieces


def wrapped(text: str, width: int) -> list[str]:
    """`text` in lines of at most `width` terminal columns (a longer piece alone on its line)."""
    lines: list[str] = []
    line = ""
    for piece in _pieces(text):
        if line and width_of((line + piece).rstrip()) > width:
            lines.append(line.rstrip())
            line = ""
        line += piece
    if line.rstrip():
        lines.append(line.rstrip())
    return lines
