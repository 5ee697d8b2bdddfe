"""Helpers for the CLI tests: run `batchtrace` in-process, look at the database with raw SQL."""

from __future__ import annotations

import io
import sqlite3
import sys
from dataclasses import dataclass
from typing import Any

import pytest

from ui.shell import launcher

ERROR_PREFIX = "batchtrace: error: "


@dataclass(frozen=True)
class Result:
    code: int
    out: str
    err: str

    @property
    def text(self) -> str:
        return self.out + self.err


class Cli:
    """`batchtrace ARGS` through the console script's own function, with passwords on a non-TTY stdin."""

    def __init__(self, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
        self._capsys = capsys
        self._monkeypatch = monkeypatch

    def __call__(self, *args: str, stdin: tuple[str, ...] | list[str] = ()) -> Result:
        self._monkeypatch.setattr(sys, "stdin", io.StringIO("".join(f"{line}\n" for line in stdin)))
        self._capsys.readouterr()
        code = launcher.main(list(args))
        out, err = self._capsys.readouterr()
        return Result(code, out, err)


def assert_one_line_error(result: Result, code: int = 1) -> str:
    """The CLI's contract for a refusal: one line on stderr, the given status, never a traceback."""
    assert result.code == code, result
    lines = result.err.splitlines()
    assert len(lines) == 1, result.err
    assert lines[0].startswith(ERROR_PREFIX), result.err
    assert "Traceback" not in result.text
    return lines[0][len(ERROR_PREFIX):]


def sql(url: str, statement: str, *, script: bool = False) -> list[tuple[Any, ...]]:
    """Raw SQL outside the application, on either engine (the way a tamperer would do it)."""
    if url.startswith("sqlite:///"):
        connection = sqlite3.connect(url[len("sqlite:///"):])
        try:
            if script:
                connection.executescript(statement)
                return []
            rows = connection.execute(statement).fetchall()
            connection.commit()
            return rows
        finally:
            connection.close()
    import psycopg

    with psycopg.connect(url, autocommit=True) as conn:
        cursor = conn.execute(statement)  # type: ignore[arg-type]
        return list(cursor.fetchall()) if cursor.description else []


def as_station(url: str) -> str:
    """The same PostgreSQL database as the station role `db upgrade` sets up (the tests' server trusts loopback
    log-ins, so no password); an SQLite URL unchanged (one desktop has no roles)."""
    if url.startswith("sqlite"):
        return url
    from sqlalchemy.engine import make_url

    from persistence.station_access import STATION_ROLE

    return make_url(url).set(username=STATION_ROLE).render_as_string(hide_password=False)


def audit_count(url: str) -> int:
    return int(sql(url, "SELECT count(*) FROM audit_log")[0][0])


def audit_actions(url: str) -> list[tuple[int, str, str, str]]:
    return [tuple(row) for row in sql(url, "SELECT seq, user_id, action, record_id FROM audit_log ORDER BY seq")]


def user_rows(url: str) -> list[tuple[Any, ...]]:
    return sql(url, "SELECT user_id, active, locked, failed_logins, must_change_password FROM users ORDER BY user_id")
