"""CLI fixtures: an in-memory OS keyring for every test, the in-process runner, and seeded databases."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest
from keyring.backend import KeyringBackend

from app import bootstrap, users
from app.demo import loader as demo
from app.settings import Settings
from domain.users import Role, User, UserId
from tests.cli.support import Cli
from tests.conftest import ADMIN_PASSWORD, FAST_HASHER, fresh_pg_database

QC_PASSWORD = "Qc-pass-2026x"


class MemoryKeyring(KeyringBackend):
    """A real keyring backend that keeps passwords in a dict, and remembers which keys were looked up."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.passwords: dict[tuple[str, str], str] = {}
        self.lookups: list[tuple[str, str]] = []

    def get_password(self, service: str, username: str) -> str | None:
        self.lookups.append((service, username))
        return self.passwords.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.passwords[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.passwords.pop((service, username), None)


@pytest.fixture(autouse=True)
def memory_keyring() -> Iterator[MemoryKeyring]:
    """No CLI test reads or writes the OS keyring of the machine it runs on."""
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    try:
        yield backend
    finally:
        keyring.set_keyring(previous)


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> Cli:
    return Cli(capsys, monkeypatch)


@pytest.fixture
def seeded(db_url: str) -> str:
    """A migrated database with the administrator `admin` and the QC analyst `qc`, both able to log in.

    Hashed with the fast test cost; the CLI's own hasher verifies them with the cost stored in the hash."""
    ctx = bootstrap.open_context(db_url, settings=Settings(), hasher=FAST_HASHER)
    try:
        users.create_first_administrator(ctx.uow(), ctx.auth, "admin", "Ada Admin", ADMIN_PASSWORD)
        actor = users.log_in(ctx.uow(), ctx.auth, "admin", ADMIN_PASSWORD)
        # Seeded as the demo loader seeds its users (audited, with the role at once): through add_user the
        # QC role would wait for a second administrator (ACC-6), a user these CLI tests do not expect.
        with ctx.uow().acting_as(actor) as tx:
            tx.users.add(User(UserId("qc"), "Quinn Chem", frozenset({Role.QC_ANALYST}),
                              ctx.auth.hasher.hash("Temp-pass-2026"), tx.now()))
            tx.commit()
        users.change_own_password(ctx.uow(), ctx.auth, "qc", "Temp-pass-2026", QC_PASSWORD)
    finally:
        ctx.dispose()
    return db_url


@pytest.fixture(scope="session")
def demo_sources() -> dict[str, str]:
    """engine -> a database with the demo site, loaded once per test session."""
    return {}


@pytest.fixture
def demo_db(engine_name: str, demo_sources: dict[str, str], request: pytest.FixtureRequest,
            tmp_path_factory: pytest.TempPathFactory, tmp_path: Path) -> str:
    """A private copy of the demo site database (demo users hashed at the fast test cost)."""
    if engine_name not in demo_sources:
        if engine_name == "sqlite":
            url = f"sqlite:///{(tmp_path_factory.mktemp('demo') / 'demo.sqlite3').as_posix()}"
        else:
            server = request.getfixturevalue("pg_server")
            server.admin_sql("CREATE DATABASE bt_demo_site")
            url = server.url("bt_demo_site")
        bootstrap.upgrade_database(url, settings=Settings())
        ctx = bootstrap.open_context(url, settings=Settings(), hasher=FAST_HASHER)
        try:
            demo.load_demo_data(ctx.uow, ctx.auth)
        finally:
            ctx.dispose()
        demo_sources[engine_name] = url
    source = demo_sources[engine_name]
    if engine_name == "sqlite":
        copy = tmp_path / "demo.sqlite3"
        shutil.copyfile(source[len("sqlite:///"):], copy)
        return f"sqlite:///{copy.as_posix()}"
    return fresh_pg_database(request.getfixturevalue("pg_server"), "bt_demo_site")
