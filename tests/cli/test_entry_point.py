"""The `batchtrace` entry point: GUI or CLI, help, password input, unexpected errors, and the real console
script in a subprocess (INT-2)."""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import sys
import types
from importlib.metadata import version
from pathlib import Path

import pytest

from app import bootstrap
from app.settings import data_dir
from tests.cli.support import ERROR_PREFIX, assert_one_line_error, audit_count, sql
from tests.conftest import ADMIN_PASSWORD
from ui.shell import launcher


@pytest.fixture
def fake_gui(monkeypatch):
    calls: list[str | None] = []
    module = types.ModuleType("ui.shell.application")
    module.run_gui = lambda db_url: calls.append(db_url) or 0  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "ui.shell.application", module)
    return calls


@pytest.mark.req("INT-2")
@pytest.mark.parametrize(
    ("argv", "db_url"),
    [([], None), (["--db", "sqlite:///x.db"], "sqlite:///x.db"), (["--db=sqlite:///y.db"], "sqlite:///y.db")],
)
def test_no_command_starts_the_desktop_app(fake_gui, argv, db_url):
    assert launcher.main(argv) == 0
    assert fake_gui == [db_url]


@pytest.mark.req("INT-2")
def test_help_comes_from_the_cli_and_mentions_the_desktop_app(cli, fake_gui):
    result = cli("--help")
    assert result.code == 0
    assert "usage: batchtrace" in result.out
    assert "starts the desktop application" in " ".join(result.out.split())
    for command in ("db", "user", "audit", "demo"):
        assert command in result.out
    sub = cli("user", "add", "--help")
    assert sub.code == 0
    assert "--role" in sub.out
    assert fake_gui == []


@pytest.mark.req("INT-2")
def test_unexpected_error_is_one_line_unless_debug(cli, monkeypatch, tmp_path):
    def boom(*_args, **_kwargs):
        raise RuntimeError("boom\nsecond line")

    monkeypatch.setattr(bootstrap, "database_state", boom)
    message = assert_one_line_error(cli("db", "current"))
    assert message == "unexpected RuntimeError: boom second line (run with --debug for details)"
    debug = cli("db", "current", "--debug")
    assert debug.code == 1
    assert "Traceback (most recent call last)" in debug.err
    assert debug.err.splitlines()[-1].startswith(ERROR_PREFIX)


@pytest.mark.req("INT-2")
def test_missing_password_line_is_refused_before_any_log_in(cli, db_url):
    entries = audit_count(db_url)
    message = assert_one_line_error(cli("--db", db_url, "user", "add", "boss", "--name", "B"))
    assert message == "standard input has no line for: password for the first administrator boss"
    assert audit_count(db_url) == entries


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.mark.req("INT-2")
def test_on_a_terminal_passwords_are_prompted_and_confirmed(db_url, monkeypatch, capsys):
    answers = iter(["Admin-pass-2026", "Admin-pass-2027", ADMIN_PASSWORD, ADMIN_PASSWORD])
    prompts: list[str] = []

    def fake_getpass(prompt: str) -> str:
        prompts.append(prompt)
        return next(answers)

    monkeypatch.setattr("app.cli.support.getpass.getpass", fake_getpass)
    monkeypatch.setattr(sys, "stdin", _Terminal())
    assert launcher.main(["--db", db_url, "user", "add", "boss", "--name", "B"]) == 1
    assert capsys.readouterr().err == f"{ERROR_PREFIX}the two passwords differ\n"
    assert launcher.main(["--db", db_url, "user", "add", "boss", "--name", "B"]) == 0
    assert "created the first administrator boss" in capsys.readouterr().out
    assert prompts[:2] == ["Password for the first administrator boss: ",
                           "Password for the first administrator boss (again): "]
    assert len(prompts) == 4


# --- the installed console script --------------------------------------------------------------------------

def _script() -> str:
    beside = Path(sys.executable).parent / "batchtrace"
    found = str(beside) if beside.exists() else shutil.which("batchtrace")
    assert found, "the batchtrace console script is not installed (pip install -e .)"
    return found


def _run(*args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    # The subprocess inherits the isolated config and data folders; it gets the null keyring.
    env = {**os.environ, "PYTHON_KEYRING_BACKEND": "keyring.backends.null.Keyring"}
    return subprocess.run([_script(), *args], input=stdin, capture_output=True, text=True, env=env, timeout=120,
                          check=False)


@pytest.mark.req("INT-2", "VAL-2")
def test_version_is_the_packages_own(cli, fake_gui):
    result = cli("--version")
    assert (result.code, result.out, result.err) == (0, f"batchtrace {version('batchtrace')}\n", "")
    assert fake_gui == []


@pytest.mark.req("INT-2", "AUD-3", "GEN-1")
def test_console_script_end_to_end():
    assert "starts the desktop application" in " ".join(_run("--help").stdout.split())
    assert _run("--version").stdout == f"batchtrace {version('batchtrace')}\n"

    upgraded = _run("db", "upgrade")
    assert upgraded.returncode == 0, upgraded.stderr
    assert "upgraded from empty to" in upgraded.stdout

    added = _run("user", "add", "admin", "--name", "Ada Admin", stdin=f"{ADMIN_PASSWORD}\n")
    assert added.returncode == 0, added.stderr
    assert "created the first administrator admin (Ada Admin)" in added.stdout

    intact = _run("audit", "verify")
    assert intact.returncode == 0, intact.stderr
    assert intact.stdout.startswith("audit trail intact: 2 entries, head 2 ")

    refused = _run("user", "list")
    assert refused.returncode == 2
    assert refused.stderr.count("\n") == 1
    assert refused.stderr.startswith(ERROR_PREFIX)

    url = f"sqlite:///{data_dir() / 'batchtrace.sqlite3'}"
    sql(url, "DROP TRIGGER audit_log_no_update; UPDATE audit_log SET reason = 'edited' WHERE seq = 2;", script=True)
    broken = _run("audit", "verify")
    assert broken.returncode == 1
    assert "entry 2 was altered" in broken.stdout
    assert "Traceback" not in broken.stdout + broken.stderr


@pytest.mark.req("INT-2")
def test_console_script_unreachable_database_is_one_line():
    result = _run("--db", "postgresql://x@127.0.0.1:1/none", "audit", "verify")
    assert result.returncode == 1
    assert result.stderr.count("\n") == 1
    assert "cannot open the PostgreSQL database at x@127.0.0.1:1/none" in result.stderr
