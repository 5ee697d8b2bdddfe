"""Plumbing shared by the `batchtrace` command modules: the parser and its command tree, passwords and log-in,
opening the database, argument types that refuse bad input before anything is opened, and plain tables.
"""

from __future__ import annotations

import argparse
import getpass
import re
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from enum import Enum
from pathlib import Path
from typing import Any, TypeAlias, TypeVar

from app import batches, bootstrap, masterdata, recalls, users
from app import lots as app_lots
from app.bootstrap import AppContext
from app.cli.help import TranslatedHelpFormatter, width_of
from domain import i18n
from domain.errors import NotFound, PasswordExpired, ValidationError
from domain.i18n import N_, _, names, one_of
from domain.inputs import clean_text, parse_day, parse_identifier, parse_int, parse_quantity_text
from domain.items import validate_code
from domain.quantities import fmt
from domain.users import SYSTEM_ACTOR, Actor

PROG = "batchtrace"
Handler = Callable[[argparse.Namespace], int]
E = TypeVar("E", bound=Enum)
T = TypeVar("T")


class UsageError(Exception):
    """The command line itself is wrong: exit status 2, like argparse."""


class CliParser(argparse.ArgumentParser):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", TranslatedHelpFormatter)  # --help in the reader's language
        super().__init__(*args, **kwargs)

    def error(self, message: str) -> None:  # type: ignore[override]
        raise UsageError(_("{message} (see '{prog} --help')", message=argparse_message(message), prog=self.prog))


# argparse's own refusals (English from its gettext, which has no Chinese) in the reader's language; option
# names and choices stay as they are typed.
_ARGPARSE_MESSAGES = (
    (re.compile(r"argument (?P<argument>.+?): (?P<message>.*)", re.S), N_("argument {argument}: {message}")),
    (re.compile(r"unrecognized arguments: (?P<arguments>.*)", re.S), N_("unrecognized arguments: {arguments}")),
    (re.compile(r"the following arguments are required: (?P<arguments>.*)", re.S),
     N_("the following arguments are required: {arguments}")),
    (re.compile(r"invalid choice: (?P<value>.*) \(choose from (?P<choices>.*)\)", re.S),
     N_("invalid choice: {value} (choose from {choices})")),
    (re.compile(r"invalid (?P<type>\S+) value: (?P<value>.*)", re.S), N_("invalid value: {value}")),
    (re.compile(r"expected one argument"), N_("expected one argument")),
    (re.compile(r"expected at least one argument"), N_("expected at least one argument")),
    (re.compile(r"expected at most one argument"), N_("expected at most one argument")),
    (re.compile(r"ambiguous option: (?P<option>\S+) could match (?P<matches>.*)", re.S),
     N_("ambiguous option: {option} could match {matches}")),
    (re.compile(r"not allowed with argument (?P<argument>.*)", re.S), N_("not allowed with argument {argument}")),
    (re.compile(r"one of the arguments (?P<arguments>.*) is required", re.S),
     N_("one of the arguments {arguments} is required")),
)


def argparse_message(message: str) -> str:
    """An argparse error message in the reader's language (the part after 'argument --x: ' as well)."""
    for pattern, source in _ARGPARSE_MESSAGES:
        found = pattern.fullmatch(message)
        if found:
            values = found.groupdict()
            if "message" in values:
                values["message"] = argparse_message(values["message"])
            values.pop("type", None)
            return _(source, **values)
    return message


Group: TypeAlias = "argparse._SubParsersAction[CliParser]"  # generic only for the type checker


@dataclass(frozen=True)
class CommandTree:
    """Adds commands under `batchtrace`; after its name every command takes the common options again."""

    top: Group
    common: CliParser

    def command(self, group: Group, name: str, handler: Handler, text: str) -> CliParser:
        sub = group.add_parser(name, parents=[self.common], help=text, description=text)
        sub.set_defaults(handler=handler)
        return sub

    def nested(self, name: str, text: str) -> Group:
        sub = self.top.add_parser(name, parents=[self.common], help=text, description=text)
        return sub.add_subparsers(title=N_("commands"), metavar="COMMAND", required=True)


def quoted_names(values: Iterable[str]) -> str:
    """Names to type (statuses) as a --help lists them, in the reader's language: "Released", "Rejected" in
    English, “已放行”、“不合格” in Chinese (either is read back)."""
    return _(", ").join(_('"{name}"', name=i18n.name(value)) for value in values)


def acting(parser: argparse.ArgumentParser, *, required: bool = True) -> None:
    parser.add_argument("--user", required=required, metavar="ID", help=N_("who you are (asks for the password)"))


# --- argument types: wrong input is refused while parsing, before the database is opened ------------------

def _argument(parse: Callable[[str], T]) -> Callable[[str], T]:
    """An argparse type from one of the `domain.inputs` parsers: its message becomes argparse's."""

    def convert(text: str) -> T:
        try:
            return parse(text)
        except ValidationError as error:
            raise argparse.ArgumentTypeError(str(error)) from None

    return convert


def day(text: str) -> date:
    return _argument(parse_day)(text)


def quantity(text: str) -> Decimal:
    return _argument(parse_quantity_text)(text)


def whole_number(what: str, minimum: int, maximum: int) -> Callable[[str], int]:
    return _argument(lambda text: parse_int(text, what, minimum=minimum, maximum=maximum))


def identifier(what: str, *, max_length: int = 64) -> Callable[[str], str]:
    """A lot, batch, recall or user ID as typed: no control characters, no spaces, bounded."""
    return _argument(lambda text: parse_identifier(text, what, max_length=max_length))


def text(what: str, *, max_length: int = 500) -> Callable[[str], str]:
    """A reason, note or name: no control or format characters, bounded. Whether it may be empty is the use
    case's to say (with its own message)."""
    return _argument(lambda value: clean_text(value, what, max_length=max_length, required=False))


def path(text: str) -> Path:
    """A file name: no control characters (a NUL cannot even be passed to the system)."""
    return Path(_argument(lambda value: parse_identifier(value, N_("file name"), max_length=4096, spaces=True))(text))


# Arguments named like this are free text (kept in the audit trail); any other argument without a parser of
# its own names a record (a number, code, ID or key).
_FREE_TEXT = {"reason": 500, "note": 500, "label": 120, "name": 120, "text": 64, "role": 40, "supplier_lot": 40,
              "url": 1000}


# The names `guard_free_arguments` derives from the arguments (metavar or option name), marked for translation: a
# refusal names the argument in the reader's language.
_ARGUMENT_NAMES = (
    N_("accept four eyes"), N_("action"), N_("add"), N_("batch"), N_("classification"), N_("deviation"),
    N_("direction"), N_("format"), N_("label"), N_("language"), N_("lot"), N_("name"), N_("note"), N_("number"),
    N_("pytest args"), N_("reason"), N_("recall"), N_("record"), N_("record id"), N_("record type"), N_("role"),
    N_("room"), N_("root cause"), N_("supplier lot"), N_("text"), N_("transition"), N_("url"), N_("user"),
    N_("user filter"), N_("user id"), N_("verdict"), N_("versions"),
)


def guard_free_arguments(parser: argparse.ArgumentParser) -> None:
    """Give every argument of every command that has no parser of its own (or only `Path`) the input-hygiene
    check of `domain.inputs`, so no command can take a control character, a bidi override or a non-ASCII digit into a
    record, or an unbounded string into a query."""
    for action in parser._actions:  # argparse keeps its arguments here; there is no public accessor
        if isinstance(action, argparse._SubParsersAction):
            for sub in set(action.choices.values()):
                guard_free_arguments(sub)
        elif action.type is Path:  # a file or folder: checked like the file names of `path` (a NUL, a control)
            action.type = path
        elif action.type is None and action.nargs != 0 and action.dest not in ("db", "help"):
            # a positional is known by its metavar (LOT, BATCH), an option by its name (--supplier-lot)
            metavar = action.metavar if isinstance(action.metavar, str) else ""
            shown_as = metavar if metavar.replace("_", "").isalpha() and not action.option_strings else action.dest
            what = shown_as.lower().replace("_", " ")
            limit = _FREE_TEXT.get(action.dest)
            action.type = text(what, max_length=limit) if limit else identifier(what)


def code(what: str) -> Callable[[str], str]:
    def parse(text: str) -> str:
        try:
            return validate_code(text, what)
        except ValidationError as error:
            raise argparse.ArgumentTypeError(str(error)) from None

    return parse


def status(parse_status: Callable[[str], E], allowed: Iterable[E] | None = None) -> Callable[[str], E]:
    """An argument type from a status enum's own `parse`, optionally limited to the values a person may set."""
    choices = None if allowed is None else tuple(allowed)

    def parse(text: str) -> E:
        try:
            value = parse_status(text)
        except ValidationError as error:
            raise argparse.ArgumentTypeError(str(error)) from None
        if choices is not None and value not in choices:
            raise argparse.ArgumentTypeError(
                _("'{value}' is not set by hand: use one of {choices}",
                  value=_(value.value), choices=one_of(str(c.value) for c in choices))
            )
        return value

    return parse


def enum_parser(enum: type[E], what: str) -> Callable[[str], E]:
    """`parse` for an enum without one: its values, any case, '_' for a space."""

    def parse(text: str) -> E:
        for member in enum:
            if names(text, str(member.value)):
                return member
        raise ValidationError(_("unknown {what} '{text}': use one of {choices}",
                                what=_(what), text=text, choices=one_of(str(m.value) for m in enum)))

    return parse


# --- passwords, log-in, the database ----------------------------------------------------------------------

def read_password(prompt: str, *, confirm: bool = False) -> str:
    """From a prompt on a terminal, else the next line of standard input."""
    stdin = sys.stdin
    if stdin is not None and stdin.isatty():
        password = getpass.getpass(f"{prompt}: ")
        if confirm and getpass.getpass(f"{prompt} (again): ") != password:
            raise ValidationError(_("the two passwords differ"))
        return password
    line = stdin.readline() if stdin is not None else ""
    if not line:
        raise ValidationError(_("standard input has no line for: {lower}", lower=prompt.lower()))
    return line.rstrip("\r\n")


def log_in(ctx: AppContext, user_id: str) -> Actor:
    return log_in_to_sign(ctx, user_id)[0]


def log_in_to_sign(ctx: AppContext, user_id: str) -> tuple[Actor, str]:
    """Log in and keep the password for the re-authentication of a signature in the same command (SIG-1):
    a command is one session, so its first signing asks for nothing more."""
    password = read_password(f"Password for {user_id}")
    try:
        return users.log_in(ctx.uow(), ctx.auth, user_id, password), password
    except PasswordExpired as error:
        raise PasswordExpired(
            _("{error}: change it first with '{prog} user change-password --user {user_id}' or in the desktop app",
              error=error, prog=PROG, user_id=user_id)
        ) from None


@contextmanager
def open_context(args: argparse.Namespace, *, password: str | None = None) -> Iterator[AppContext]:
    ctx = bootstrap.open_context(args.db, password=password)  # refuses an unknown schema revision (GEN-3)
    try:
        yield ctx
    finally:
        ctx.dispose()


# --- output --------------------------------------------------------------------------------------------

def padded(text: str, width: int) -> str:
    return text + " " * (width - width_of(text))


def print_table(header: Sequence[str], rows: Iterable[Sequence[str]], *, indent: str = "") -> None:
    """Columns padded to their widest cell (Chinese characters count twice); trailing blanks trimmed. The header's
    names are marked N_() where they are written and shown in the reader's language."""
    table = [tuple(_(name) if name else name for name in header), *(tuple(r) for r in rows)]
    widths = [max(width_of(row[i]) for row in table) for i in range(len(header))]
    for row in table:
        print(indent + "  ".join(padded(cell, width) for cell, width in zip(row, widths, strict=True)).rstrip())


def amount(value: Decimal | None, unit: str | None = None) -> str:
    if value is None:
        return ""
    return f"{fmt(value)} {unit}" if unit else fmt(value)


def local_time(moment: datetime | None) -> str:
    """A stored UTC time in the station's time zone (GEN-4)."""
    if moment is None:
        return ""
    return moment.astimezone().strftime("%Y-%m-%d %H:%M %Z").strip()


def print_fields(title: str, fields: Iterable[tuple[str, str]]) -> None:
    """A record as a title line and aligned `name  value` lines; empty values are left out."""
    present = [(_(name), value) for name, value in fields if value]  # names marked N_() by the caller
    print(title)
    width = max((width_of(name) for name, _value in present), default=0)
    for name, value in present:
        print(f"  {padded(name, width)}  {value}")


# --- look-ups before the log-in ---------------------------------------------------------------------------

def require_known(
    ctx: AppContext, *, item: str | None = None, supplier: str | None = None, customer: str | None = None,
    lots: Iterable[str] = (), batch: str | None = None, recall: str | None = None,
) -> None:
    """Refuse an unknown code or number from a read-only look-up, before the log-in: a typo asks for no
    password and leaves no trace in the audit trail. Rules that depend on the record's state are the use
    cases' to check."""
    reader = ctx.read_uow
    if item is not None and item not in {i.code for i in masterdata.list_items(reader(), SYSTEM_ACTOR,
                                                                               include_inactive=True)}:
        raise NotFound(_("no item {item}", item=item))
    if supplier is not None and supplier not in {s.code for s in masterdata.list_suppliers(reader(), SYSTEM_ACTOR)}:
        raise NotFound(_("no supplier {supplier}", supplier=supplier))
    if customer is not None and customer not in {c.code for c in masterdata.list_customers(reader(), SYSTEM_ACTOR)}:
        raise NotFound(_("no customer {customer}", customer=customer))
    if batch is not None:
        batches.get_batch(reader(), SYSTEM_ACTOR, batch)
    for number in lots:
        app_lots.get_lot(reader(), SYSTEM_ACTOR, number)
    if recall is not None:
        recalls.find_recall(reader(), SYSTEM_ACTOR, recall)
