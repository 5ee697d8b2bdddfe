"""Every argument of every `batchtrace` command, through the real entry point: a bad value is one clear line,
never `unexpected ...`, never a traceback, never echoed raw; broken pipes end quietly; URL passwords are
never printed (INT-2, finding 7 of issue 9)."""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.cli.main import build_parser
from tests.cli.conftest import QC_PASSWORD
from tests.cli.support import assert_one_line_error, audit_count, sql
from tests.conftest import ADMIN_PASSWORD

NASTY = [
    "1e22", "1e999999", "-1", "0", "99999999999999999999", "999999999999999999999999", "NaN", "-inf", "٣", "１２",
    "\x1b[31mred", "A\u202eB", "BEL\x07", "", " ", "2026-02-30", "postgresql://u:secret@h:x/d", "a\x00b",
    "QC Analyst", "admin", "Released", "lot.release", "kg", "1.5", "2026-12-05", "x" * 300, "\udcff",
]
VALUES = st.one_of(st.sampled_from(NASTY), st.text(max_size=40), st.from_regex(r"[A-Z0-9.:-]{1,20}", fullmatch=True))


def _commands(parser: argparse.ArgumentParser, path: tuple[str, ...] = ()) -> list[tuple[tuple[str, ...], list]]:
    """(command words, its argparse actions) for every leaf command."""
    found = []
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                found += _commands(sub, (*path, name))
            return found
    return [(path, [a for a in parser._actions if a.dest not in ("help", "db", "debug")])]


# `demo` loads the whole demo site (seconds per run) and takes no value; `db connect` would keep a password
# in the keyring; both are covered by their own tests.
COMMANDS = [c for c in _commands(build_parser()) if c[0] not in (("demo",), ("db", "connect"))]


@st.composite
def command_lines(draw: st.DrawFn) -> list[str]:
    words, actions = draw(st.sampled_from(COMMANDS))
    argv = list(words)
    for action in actions:
        if action.nargs == 0:
            if draw(st.booleans()):
                argv.append(action.option_strings[0])
            continue
        if not action.option_strings:
            argv.append(draw(VALUES))
        elif action.required or draw(st.booleans()):
            value = "admin" if action.dest == "user" and draw(st.booleans()) else draw(VALUES)
            argv += [action.option_strings[0], value]
    return argv


def test_every_command_is_under_test():
    names = {" ".join(words) for words, _ in COMMANDS}
    assert {"lot receive", "search", "alert ack", "user add", "audit export", "trace", "recall open"} <= names
    assert len(COMMANDS) >= 30


@pytest.mark.req("INT-2")
@settings(max_examples=250, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(argv=command_lines())
def test_no_argument_of_any_command_gives_an_unexpected_error(cli, seeded, argv, tmp_path_factory, monkeypatch):
    monkeypatch.chdir(tmp_path_factory.mktemp("cwd"))  # files the commands write (--out X) land here
    result = cli("--db", seeded, *argv, stdin=[ADMIN_PASSWORD, "Temp-pass-2026x", "Temp-pass-2026x"])
    assert "unexpected" not in result.err, (argv, result.err)
    assert "Traceback" not in result.text
    if result.err:  # (`report verify` answers "NOT ISSUED" with status 1 on standard output)
        assert_one_line_error(result, result.code)
        assert "\x1b" not in result.err and "\u202e" not in result.err and "\x07" not in result.err
        assert "//u:secret@" not in result.err  # a URL as typed is redacted wherever it is echoed


@pytest.mark.req("INT-2")
@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (["lot", "receive", "--item", "X", "--supplier", "Y", "--supplier-lot", "Z", "--qty", "1e22", "--unit",
          "kg", "--user", "admin"], "argument --qty: quantity '1e22' is out of range"),
        (["lot", "receive", "--item", "X", "--supplier", "Y", "--supplier-lot", "Z", "--qty", "1e999999",
          "--unit", "kg", "--user", "admin"], "argument --qty: quantity '1e999999' is out of range"),
        (["search", "x", "--limit", "99999999999999999999"], "argument --limit: --limit must be between 1 and 1000"),
        (["alert", "ack", "999999999999999999999999", "--note", "x", "--user", "admin"],
         "argument ALERT: alert number must be between 1 and 999999999"),
        (["lot", "show", "٣٣"], "argument LOT: the lot contains the digit '٣' (U+0663): use the digits 0-9"),
        (["search", "\x1b[2J"], "argument TEXT: the text contains U+001B (control character)"),
        (["user", "add", "eve", "--name", "Eve \u202eAdmin", "--user", "admin"],
         "the name contains U+202E (RIGHT-TO-LEFT OVERRIDE)"),
        (["lot", "receive", "--item", "X", "--supplier", "Y", "--supplier-lot", "Z\x07", "--qty", "1", "--unit",
          "kg", "--user", "admin"], "the supplier lot contains U+0007 (control character)"),
    ],
)
def test_the_inputs_of_issue_9_are_one_clear_line_and_nothing_is_written(cli, seeded, argv, expected):
    entries = audit_count(seeded)
    message = assert_one_line_error(cli("--db", seeded, *argv, stdin=[ADMIN_PASSWORD]), 2)
    assert expected in message, message
    assert audit_count(seeded) == entries


@pytest.mark.req("INT-2", "GEN-5")
@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("postgresql://bt:s3cret@db.site:abc/batchtrace",
         "'postgresql://bt:***@db.site:abc/batchtrace' is not a database URL"),
        ("postgresql://bt:s3cret@db.site:99999/batchtrace", "database port 99999 is out of range: use 1 to 65535"),
        ("postgresql://bt:s3cret@127.0.0.1:1/batchtrace", "cannot open the PostgreSQL database"),
    ],
)
def test_a_bad_port_is_a_clear_message_and_the_password_is_never_printed(cli, url, expected):
    result = cli("--db", url, "search", "x")
    message = assert_one_line_error(result, 1)
    assert message.startswith(expected), message
    assert "s3cret" not in result.text


@pytest.mark.req("INT-2")
def test_printed_names_with_control_characters_are_refused_by_the_use_case_too(cli, seeded):
    """The GUI calls the same use case: the rule is in the domain, not only in the CLI's parser."""
    from app import bootstrap, users
    from domain.errors import ValidationError
    from tests.conftest import FAST_HASHER

    ctx = bootstrap.open_context(seeded, hasher=FAST_HASHER)
    try:
        actor = users.log_in(ctx.uow(), ctx.auth, "admin", ADMIN_PASSWORD)
        with pytest.raises(ValidationError, match="U\\+001B"):
            users.add_user(ctx.uow(), actor, ctx.auth, "eve", "Eve\x1b[8m", [], "Temp-pass-2026")
        with pytest.raises(ValidationError, match="U\\+202E"):
            users.rename_user(ctx.uow(), actor, "qc", "Quinn \u202eChem", "typo")
    finally:
        ctx.dispose()
    assert sql(seeded, "SELECT printed_name FROM users WHERE user_id = 'qc'") == [("Quinn Chem",)]
    assert QC_PASSWORD  # the seeded QC analyst is unchanged


@pytest.mark.req("INT-2")
def test_output_piped_into_head_ends_quietly(seeded):
    """`batchtrace ... | head`: the reader has gone when the command writes; no message, no traceback."""
    script = Path(sys.executable).parent / "batchtrace"
    env = {**os.environ, "PYTHON_KEYRING_BACKEND": "keyring.backends.null.Keyring"}
    writer = subprocess.Popen([str(script), "--db", seeded, "signing-rules", "list"], stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True, env=env)
    assert writer.stdout is not None and writer.stderr is not None
    writer.stdout.close()  # the reader stops before the first line (the child holds the only write end)
    errors = writer.stderr.read()
    assert writer.wait(timeout=120) == 141
    assert errors == ""
