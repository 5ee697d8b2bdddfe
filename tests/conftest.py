"""Fixtures shared by every layer's tests: isolated settings, fast password hashing, real databases.

`db_url` runs a test on a real SQLite file and on a real PostgreSQL 15 started by this session (`pg`).
A `@pytest.mark.req` ID that is not in docs/validation/requirements.md stops the run (tests/req_marks.py).
"""

from __future__ import annotations

import itertools
import os
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from app import bootstrap, i18n
from app.passwords import Argon2Hasher
from app.settings import Settings
from tests.pg_server import PgServer

# Property tests check what holds, not how fast: on the shared CI machine under load, hypothesis's deadline and
# "too slow" health check failed runs that found nothing wrong.
settings.register_profile("batchtrace", deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("batchtrace")

# req_marks: an unknown @pytest.mark.req ID fails the run (VAL-1); pytester: tests/test_req_marks.py runs
# throwaway test sessions
pytest_plugins = ["pytester", "tests.req_marks"]

# Real argon2id, with the cost cut so that a test suite of hundreds of log-ins stays fast.
FAST_HASHER = Argon2Hasher(time_cost=1, memory_cost=1024)
ADMIN_PASSWORD = "Admin-pass-2026"


@pytest.fixture(scope="session", autouse=True)
def _one_qapplication(qapp: object) -> object:
    """One QApplication for the whole run, made before any test: a command run in-process that draws a document
    (report, validate) otherwise makes a QGuiApplication of its own, and every widget test after it aborts the
    run ('Fatal Python error: Aborted' creating a QWidget). The real command line is a process of its own."""
    return qapp


@pytest.fixture(autouse=True)
def _isolated_station(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Never read or write the developer's own settings, data folder or database."""
    home = tmp_path_factory.mktemp("station")
    monkeypatch.setenv("BATCHTRACE_CONFIG_DIR", str(home / "config"))
    monkeypatch.setenv("BATCHTRACE_DATA_DIR", str(home / "data"))
    monkeypatch.delenv("BATCHTRACE_DB", raising=False)
    return home


@pytest.fixture(autouse=True)
def _english_station(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Tests read English unless they switch language themselves (GEN-6), whatever the machine's locale; a test
    that switches leaves English behind it."""
    for variable in ("LANGUAGE", "LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(variable, raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")
    yield
    i18n.use_language(i18n.ENGLISH)


@pytest.fixture(scope="session")
def pg_server() -> Iterator[PgServer]:
    server = PgServer().start()
    try:
        yield server
    finally:
        server.stop()


_db_counter = itertools.count()


@pytest.fixture(scope="session")
def pg_template(pg_server: PgServer) -> str:
    """A database migrated once to head; each test copies it (CREATE DATABASE ... TEMPLATE)."""
    pg_server.admin_sql("CREATE DATABASE bt_template")
    bootstrap.upgrade_database(pg_server.url("bt_template"), settings=Settings())
    return "bt_template"


def fresh_pg_database(pg_server: PgServer, template: str | None) -> str:
    name = f"bt_test_{os.getpid()}_{next(_db_counter)}"
    source = f" TEMPLATE {template}" if template else ""
    pg_server.admin_sql(f"CREATE DATABASE {name}{source}")
    return pg_server.url(name)


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.pg)])
def engine_name(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture
def empty_db_url(engine_name: str, request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A database with no schema at all, on either engine."""
    if engine_name == "sqlite":
        return f"sqlite:///{(tmp_path / 'batchtrace.sqlite3').as_posix()}"
    return fresh_pg_database(request.getfixturevalue("pg_server"), None)


@pytest.fixture
def db_url(engine_name: str, request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A database migrated to head, on either engine."""
    if engine_name == "sqlite":
        url = f"sqlite:///{(tmp_path / 'batchtrace.sqlite3').as_posix()}"
        bootstrap.upgrade_database(url, settings=Settings())
        return url
    server = request.getfixturevalue("pg_server")
    return fresh_pg_database(server, request.getfixturevalue("pg_template"))


@pytest.fixture
def ctx(db_url: str) -> Iterator[bootstrap.AppContext]:
    context = bootstrap.open_context(db_url, settings=Settings(), hasher=FAST_HASHER)
    try:
        yield context
    finally:
        context.dispose()


@pytest.fixture
def admin(ctx: bootstrap.AppContext):  # type: ignore[no-untyped-def]
    """The first administrator, logged in."""
    from app import users

    users.create_first_administrator(ctx.uow(), ctx.auth, "admin", "Ada Admin", ADMIN_PASSWORD)
    return users.log_in(ctx.uow(), ctx.auth, "admin", ADMIN_PASSWORD)


# --- the summary says how many tests ran on each engine -------------------------------------------
_engine_outcomes: Counter[tuple[str, str]] = Counter()


def pytest_runtest_logreport(report: pytest.TestReport) -> None:
    if report.when != "call" and not (report.when == "setup" and report.outcome != "passed"):
        return
    engine = "postgresql" if "[postgresql" in report.nodeid or "-postgresql" in report.nodeid else (
        "sqlite" if "[sqlite" in report.nodeid or "-sqlite" in report.nodeid else None
    )
    if engine is not None:
        _engine_outcomes[(engine, report.outcome)] += 1


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    if not _engine_outcomes:
        return
    terminalreporter.section("database engines")
    for engine in ("sqlite", "postgresql"):
        counts = {o: n for (e, o), n in _engine_outcomes.items() if e == engine}
        text = ", ".join(f"{n} {o}" for o, n in sorted(counts.items())) or "none"
        terminalreporter.write_line(f"{engine}: {text}")
