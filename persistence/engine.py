"""Engines for both supported stores, configured for durability (SQLite) and server time (PostgreSQL)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError

from domain.errors import ValidationError
from domain.inputs import escaped, redact_urls

SQLITE_BUSY_TIMEOUT_MS = 30_000


def parse_url(text: str) -> URL:
    try:
        url = make_url(text)
    except (ArgumentError, ValueError):  # ValueError: a port that is not a number
        raise ValidationError(
            f"'{escaped(redact_urls(text))}' is not a database URL: use sqlite:///PATH or "
            "postgresql://user@host[:port]/database (the port a number from 1 to 65535)"
        ) from None
    if url.port is not None and not 1 <= url.port <= 65535:
        raise ValidationError(f"database port {url.port} is out of range: use 1 to 65535")
    if url.get_backend_name() not in ("sqlite", "postgresql"):
        raise ValidationError(f"unsupported database '{url.get_backend_name()}': use SQLite or PostgreSQL")
    if url.get_backend_name() == "postgresql":
        url = url.set(drivername="postgresql+psycopg")
    return url


def make_engine(url: URL, *, password: str | None = None, echo: bool = False) -> Engine:
    if url.get_backend_name() == "sqlite":
        return _sqlite_engine(url, echo=echo)
    if password is not None and url.password is None:
        url = url.set(password=password)
    return create_engine(
        url,
        echo=echo,
        pool_pre_ping=True,
        connect_args={"connect_timeout": 10, "application_name": "BatchTrace"},
    )


def _sqlite_engine(url: URL, *, echo: bool) -> Engine:
    if url.database and url.database != ":memory:":
        Path(url.database).expanduser().parent.mkdir(parents=True, exist_ok=True)
    engine = create_engine(url, echo=echo, connect_args={"timeout": SQLITE_BUSY_TIMEOUT_MS / 1000})

    @event.listens_for(engine, "connect")
    def _configure(dbapi_connection: Any, _record: Any) -> None:
        # The driver's own transaction handling is switched off so that we can BEGIN IMMEDIATE (below).
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA synchronous=FULL")
        cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _begin(connection: Any) -> None:
        # Writers take the write lock at BEGIN, so a read-then-write transaction never fails half-way
        # with SQLITE_BUSY; readers pass sqlite_begin="BEGIN" and run beside them under WAL.
        connection.exec_driver_sql(connection.get_execution_options().get("sqlite_begin", "BEGIN IMMEDIATE"))

    return engine


def reader(engine: Engine) -> Engine:
    """The same pool, with read transactions that do not take SQLite's write lock."""
    return engine.execution_options(sqlite_begin="BEGIN")


def describe(url: URL) -> tuple[str, str]:
    """(kind, location) for the status bar: never the password."""
    if url.get_backend_name() == "sqlite":
        return "SQLite", str(Path(url.database or ":memory:").expanduser())
    port = f":{url.port}" if url.port else ""
    user = f"{url.username}@" if url.username else ""
    return "PostgreSQL", f"{user}{url.host or 'localhost'}{port}/{url.database}"
