"""Migrations on both engines, the drift check, the refusal of unknown schemas, and SQLite's durability settings
(GEN-1, GEN-2, GEN-3)."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator

import pytest
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, inspect, text

from app import audit, bootstrap
from app.ports import AuditFilter
from app.settings import Settings
from domain.errors import SchemaMismatch
from domain.users import SYSTEM_ACTOR
from persistence import schema
from persistence.engine import SQLITE_BUSY_TIMEOUT_MS, make_engine, parse_url
from persistence.mapping import map_domain
from persistence.uow import SqlUnitOfWork, session_factory
from tests.conftest import FAST_HASHER

GUARDS = {
    "sqlite": {"audit_log_no_update", "audit_log_no_delete", "users_no_delete"},
    "postgresql": {"audit_log_no_update_delete", "audit_log_no_truncate", "users_no_delete", "users_no_truncate"},
}


@pytest.fixture
def engine(empty_db_url: str) -> Iterator[Engine]:
    engine = make_engine(parse_url(empty_db_url))
    try:
        yield engine
    finally:
        engine.dispose()


def revisions() -> list[str]:
    """Every revision, oldest first."""
    script = ScriptDirectory.from_config(schema.alembic_config())
    return [r.revision for r in reversed(list(script.walk_revisions()))]


def tables(engine: Engine) -> set[str]:
    return set(inspect(engine).get_table_names()) - {"alembic_version"}


def triggers(engine: Engine) -> set[str]:
    with engine.connect() as c:
        if engine.dialect.name == "sqlite":
            rows = c.execute(text("SELECT name FROM sqlite_master WHERE type = 'trigger'"))
        else:
            rows = c.execute(text("SELECT tgname FROM pg_trigger WHERE NOT tgisinternal"))
        return {r[0] for r in rows}


@pytest.mark.req("GEN-3", "GEN-2")
def test_upgrade_from_empty_downgrade_to_base_and_upgrade_again(engine: Engine) -> None:
    assert schema.current_revision(engine) is None
    assert schema.upgrade(engine) == (None, schema.head_revision())
    created = tables(engine)
    assert {"users", "audit_log"} <= created
    assert GUARDS[engine.dialect.name] <= triggers(engine)
    schema.check(engine)

    schema.downgrade(engine, "base")
    assert schema.current_revision(engine) is None
    assert tables(engine) == set()
    assert not GUARDS[engine.dialect.name] & triggers(engine)

    schema.upgrade(engine)
    assert schema.current_revision(engine) == schema.head_revision()
    assert tables(engine) == created
    assert GUARDS[engine.dialect.name] <= triggers(engine)
    schema.check(engine)


@pytest.mark.req("GEN-3", "GEN-2")
def test_every_migration_runs_up_and_down_one_step_at_a_time(engine: Engine) -> None:
    steps = revisions()
    assert steps[-1] == schema.head_revision()
    seen: list[set[str]] = [set()]
    for revision in steps:
        schema.upgrade(engine, revision)
        assert schema.current_revision(engine) == revision
        seen.append(tables(engine))
    for revision, before in zip(reversed([None, *steps[:-1]]), reversed(seen[:-1]), strict=True):
        schema.downgrade(engine, revision or "base")
        assert schema.current_revision(engine) == revision
        assert tables(engine) == before


@pytest.mark.req("GEN-3")
def test_the_migrations_match_the_mapped_tables(db_url: str) -> None:
    """`alembic check`: autogenerate finds no difference between persistence/tables.py and the migrations."""
    engine = make_engine(parse_url(db_url))
    try:
        schema.check(engine)
    finally:
        engine.dispose()


@pytest.mark.req("GEN-3")
def test_the_app_refuses_an_empty_database_and_names_the_needed_revision(empty_db_url: str) -> None:
    with pytest.raises(SchemaMismatch) as refused:
        bootstrap.open_context(empty_db_url, settings=Settings(), hasher=FAST_HASHER)
    message = str(refused.value)
    assert "no BatchTrace schema" in message
    assert f"needs revision {schema.head_revision()}" in message
    assert "batchtrace db upgrade" in message


@pytest.mark.req("GEN-3")
def test_the_app_refuses_a_newer_schema_and_will_not_upgrade_it(db_url: str) -> None:
    engine = make_engine(parse_url(db_url))
    try:
        with engine.begin() as c:
            c.execute(text("UPDATE alembic_version SET version_num = '9999_from_the_future'"))
    finally:
        engine.dispose()
    with pytest.raises(SchemaMismatch) as refused:
        bootstrap.open_context(db_url, settings=Settings(), hasher=FAST_HASHER)
    assert "9999_from_the_future, newer than this BatchTrace knows" in str(refused.value)
    assert f"up to {schema.head_revision()}" in str(refused.value)
    with pytest.raises(SchemaMismatch, match="newer"):
        bootstrap.upgrade_database(db_url, settings=Settings())


@pytest.mark.req("GEN-3")
def test_an_older_schema_is_refused_until_upgraded_and_the_upgrade_is_audited(empty_db_url: str) -> None:
    steps = revisions()
    if len(steps) < 2:
        pytest.skip("only one revision exists: there is no older schema to refuse")
    engine = make_engine(parse_url(empty_db_url))
    try:
        schema.upgrade(engine, steps[-2])
    finally:
        engine.dispose()
    with pytest.raises(SchemaMismatch) as refused:
        bootstrap.open_context(empty_db_url, settings=Settings(), hasher=FAST_HASHER)
    assert f"at revision {steps[-2]}, this BatchTrace needs {steps[-1]}" in str(refused.value)
    assert "batchtrace db upgrade" in str(refused.value)

    result = bootstrap.upgrade_database(empty_db_url, settings=Settings())
    assert (result.before, result.after) == (steps[-2], steps[-1])
    # SQLite: the file as the earlier version left it is copied before any migration (issue 15); a shared
    # PostgreSQL database is backed up by its owner with 'db backup'
    copied = "" if result.backup is None else f"; the database before it was backed up to {result.backup}"
    if empty_db_url.startswith("sqlite"):
        assert result.backup is not None and result.backup.parent.name == "backups"
        assert result.backup.name.startswith(f"batchtrace-{steps[-2]}-before-upgrade-")
        old = make_engine(parse_url(f"sqlite:///{result.backup.as_posix()}"))
        try:
            assert schema.current_revision(old) == steps[-2]
        finally:
            old.dispose()
    else:
        assert result.backup is None
    ctx = bootstrap.open_context(empty_db_url, settings=Settings(), hasher=FAST_HASHER)
    try:
        assert ctx.database.revision == ctx.database.head == steps[-1]
        with ctx.read_uow().acting_as(SYSTEM_ACTOR) as tx:
            upgrade = tx.audit.page(AuditFilter(), before_seq=None, limit=1)[0]
        assert (upgrade.action, upgrade.record_type, upgrade.record_id) == ("SCHEMA_UPGRADE", "schema", steps[-1])
        assert upgrade.reason == f"from {steps[-2]} to {steps[-1]}{copied}"
        assert audit.verify_audit(ctx.read_uow(), SYSTEM_ACTOR).intact
    finally:
        ctx.dispose()


@pytest.mark.req("GEN-3")
def test_upgrading_a_current_database_changes_and_audits_nothing(db_url: str) -> None:
    ctx = bootstrap.open_context(db_url, settings=Settings(), hasher=FAST_HASHER)
    try:
        count = audit.verify_audit(ctx.read_uow(), SYSTEM_ACTOR).entries
        result = bootstrap.upgrade_database(db_url, settings=Settings())
        assert result.before == result.after == schema.head_revision()
        assert audit.verify_audit(ctx.read_uow(), SYSTEM_ACTOR).entries == count
    finally:
        ctx.dispose()


# --- SQLite: durable, concurrent-safe connections (GEN-1) -----------------------------------------------------


@pytest.mark.req("GEN-1")
@pytest.mark.parametrize("engine_name", ["sqlite"])
def test_sqlite_connections_are_wal_full_sync_with_foreign_keys_and_a_busy_timeout(
    engine_name: str, ctx: bootstrap.AppContext
) -> None:
    with ctx._engine.connect() as c:
        pragma = {name: c.exec_driver_sql(f"PRAGMA {name}").scalar() for name in
                  ("journal_mode", "foreign_keys", "synchronous", "busy_timeout")}
    assert pragma == {"journal_mode": "wal", "foreign_keys": 1, "synchronous": 2,
                      "busy_timeout": SQLITE_BUSY_TIMEOUT_MS}


@pytest.mark.req("GEN-1")
@pytest.mark.parametrize("engine_name", ["sqlite"])
def test_sqlite_writers_take_the_write_lock_at_begin_and_readers_do_not_wait(
    engine_name: str, db_url: str, ctx: bootstrap.AppContext
) -> None:
    map_domain()
    engine = make_engine(parse_url(db_url))
    try:
        with SqlUnitOfWork(session_factory(engine)).acting_as(SYSTEM_ACTOR) as writer:
            writer.users.any_exist()  # the first statement opens the transaction: BEGIN IMMEDIATE
            connection = writer.session.connection().connection.driver_connection
            assert connection is not None and connection.in_transaction
            # Another writer would have to wait; a reader runs beside it under WAL.
            with ctx.read_uow().acting_as(SYSTEM_ACTOR) as reader:
                assert reader.audit.page(AuditFilter(), before_seq=None, limit=1)
            other = sqlite3.connect(db_url.removeprefix("sqlite:///"), timeout=0, isolation_level=None)
            try:
                with pytest.raises(sqlite3.OperationalError, match="database is locked"):
                    other.execute("BEGIN IMMEDIATE")
            finally:
                other.close()
    finally:
        engine.dispose()


@pytest.mark.req("GEN-2")
@pytest.mark.parametrize("engine_name", [pytest.param("postgresql", marks=pytest.mark.pg)])
def test_postgresql_connections_name_the_application(engine_name: str, ctx: bootstrap.AppContext) -> None:
    with ctx._engine.connect() as c:
        assert c.execute(text("SHOW application_name")).scalar_one() == "BatchTrace"
    assert ctx.database.kind == "PostgreSQL"
    assert "@" in ctx.database.location and ctx.database.url.startswith("postgresql+psycopg://")


def test_the_migrations_form_one_line_with_numbered_revisions() -> None:
    """Two branches that each add the 'next' migration leave two heads: every database then refuses to start."""
    from alembic.script import ScriptDirectory

    from persistence.schema import alembic_config

    script = ScriptDirectory.from_config(alembic_config())
    assert len(script.get_heads()) == 1, f"more than one head: {script.get_heads()}"
    revisions = [r.revision for r in script.walk_revisions()]
    assert len(revisions) == len(set(revisions)), "a revision number is used twice"
    for revision in script.walk_revisions():
        assert revision.path is not None and revision.revision in revision.path, (
            f"{revision.path} holds revision {revision.revision}: name the file after it")
